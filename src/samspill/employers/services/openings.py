"""Writes for openings: create, edit, and change status through the transition table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samspill.accounts.models import User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.changefeed import feed
from samspill.employers.models import (
    Opening,
    OpeningKind,
    OpeningPurpose,
    OpeningStatus,
    OpeningStatusChange,
    Task,
    Workplace,
)
from samspill.employers.services.checks import (
    Errors,
    check_choice,
    check_dates,
    check_hours,
    nb_date,
    required_text,
)
from samspill.employers.transitions import EDITABLE_STATUSES, NEEDS_REASON, OPENING_TRANSITIONS


@dataclass(frozen=True)
class OpeningInput:
    """What a user writes about an opening (the same for creating and editing)."""

    kind: str
    purpose: str
    title: str
    hours_per_week: Decimal | float | None
    description: str = ""
    tasks: Sequence[Task] = ()
    starts_on: date | None = None
    ends_on: date | None = None
    application_deadline: date | None = None


def _check_dates(errors: Errors, data: OpeningInput) -> None:
    start, end, deadline = data.starts_on, data.ends_on, data.application_deadline
    check_dates(errors, starts_on=start, ends_on=end, application_deadline=deadline)
    if end is not None and start is None:
        errors.add("starts_on", _("Oppgi oppstart når du oppgir sluttdato."))
    if start is not None and end is not None and end <= start:
        errors.add(
            "ends_on",
            _("Sluttdatoen må være etter oppstart (%(nb_date)s).") % {"nb_date": nb_date(start)},
        )
    if start is not None and deadline is not None and deadline > start:
        errors.add(
            "application_deadline",
            _("Søknadsfristen må være før eller samme dag som oppstart (%(nb_date)s).")
            % {"nb_date": nb_date(start)},
        )


def _check_tasks(errors: Errors, workplace: Workplace, tasks: Sequence[Task]) -> None:
    for task in tasks:
        if task.workplace_id != workplace.pk:
            errors.add(
                "tasks",
                _(
                    "Oppgaven «%(task)s» er kartlagt på en annen arbeidsplass enn "
                    "«%(workplace)s». Velg oppgaver fra denne arbeidsplassen."
                )
                % {"task": task.name, "workplace": workplace.name},
            )


def _validated(workplace: Workplace, data: OpeningInput) -> tuple[str, Decimal]:
    errors = Errors()
    check_choice(errors, "kind", data.kind, OpeningKind.values, _("type"))
    check_choice(errors, "purpose", data.purpose, OpeningPurpose.values, _("formål"))
    title = required_text(errors, "title", data.title, _("Skriv inn en tittel."))
    hours = check_hours(errors, "hours_per_week", data.hours_per_week)
    _check_dates(errors, data)
    _check_tasks(errors, workplace, data.tasks)
    errors.raise_if_any()
    return title, hours


def _apply(opening: Opening, data: OpeningInput) -> None:
    title, hours = _validated(opening.workplace, data)
    opening.kind, opening.purpose, opening.title = data.kind, data.purpose, title
    opening.description = (data.description or "").strip()
    opening.hours_per_week = hours
    opening.starts_on, opening.ends_on = data.starts_on, data.ends_on
    opening.application_deadline = data.application_deadline
    opening.full_clean()
    opening.save()
    opening.tasks.set(list(data.tasks))


def _audit(actor: User, opening: Opening, action: Action, detail: str = "") -> None:
    audit_record(
        actor=actor,
        subject=Subject("opening", opening.uuid),
        action=action,
        purpose=Purpose.CASE_WORK,
        detail=detail,
    )


@transaction.atomic
def opening_create(*, actor: User, workplace: Workplace, data: OpeningInput) -> Opening:
    """A new opening, as a draft; its first status row says who wrote it and when."""
    opening = Opening(workplace=workplace, status=OpeningStatus.DRAFT, created_by=actor)
    _apply(opening, data)
    OpeningStatusChange.objects.create(
        opening=opening, to_status=OpeningStatus.DRAFT, changed_by=actor
    )
    _audit(actor, opening, Action.CREATE)
    feed.opening_changed(opening.pk)
    return opening


@transaction.atomic
def opening_update(*, actor: User, opening: Opening, data: OpeningInput) -> Opening:
    if opening.status not in EDITABLE_STATUSES:
        raise ValidationError(
            _(
                "Stillingen er %(value)s og kan ikke endres. Opprett en ny hvis arbeidsgiveren "
                "har et nytt behov."
            )
            % {"value": OpeningStatus(opening.status).label.lower()}
        )
    _apply(opening, data)
    _audit(actor, opening, Action.CHANGE)
    feed.opening_changed(opening.pk)
    return opening


def _check_transition(opening: Opening, target: OpeningStatus, reason: str) -> None:
    current = OpeningStatus(opening.status)
    if target not in OPENING_TRANSITIONS[current]:
        raise ValidationError(
            {
                "to_status": _("Stillingen kan ikke gå fra «%(current)s» til «%(target)s».")
                % {"current": current.label, "target": target.label}
            }
        )
    if target in NEEDS_REASON and not reason.strip():
        raise ValidationError({"reason": _("Skriv hvorfor stillingen avlyses.")})
    deadline = opening.application_deadline
    if target == OpeningStatus.OPEN and deadline and deadline < timezone.localdate():
        raise ValidationError(
            {
                "to_status": _(
                    "Søknadsfristen (%(nb_date)s) har gått ut. Endre fristen før du åpner "
                    "stillingen."
                )
                % {"nb_date": nb_date(deadline)}
            }
        )


@transaction.atomic
def opening_change_status(
    *, actor: User, opening: Opening, to_status: str, reason: str = ""
) -> Opening:
    """Move an opening to another status as the transition table allows; record who and when."""
    opening = Opening.objects.select_for_update().get(pk=opening.pk)
    if to_status not in OpeningStatus.values:
        raise ValidationError({"to_status": _("Velg en status fra listen.")})
    current, target = OpeningStatus(opening.status), OpeningStatus(to_status)
    _check_transition(opening, target, reason)
    OpeningStatusChange.objects.create(
        opening=opening,
        from_status=current,
        to_status=target,
        reason=reason.strip(),
        changed_by=actor,
    )
    opening.status = target
    opening.save(update_fields=["status"])
    _audit(actor, opening, Action.CHANGE, f"status: {current} → {target}")
    feed.opening_changed(opening.pk)
    return opening
