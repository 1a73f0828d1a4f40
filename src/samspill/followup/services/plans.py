"""Follow-up plans: start one from a template, adjust its items, end it with a reason.

Every change writes a ``PlanChange`` row (the plan's history) and an audit row. A plan is
never ended silently: ending needs a reason, and a plan with a minimum duration (follow-up
after hire) needs a written explanation to end before it.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samspill.accounts.models import User
from samspill.followup.models import (
    EndReason,
    FollowupPlan,
    PlanChange,
    PlanItem,
    PlanParty,
)
from samspill.followup.models import Form as ContactForm
from samspill.followup.plan_templates import TEMPLATES
from samspill.followup.services.common import audit_change
from samspill.lib.dates import add_months
from samspill.processes.models import InclusionProcess

#: Users may not give these reasons themselves; Samspill records them.
SYSTEM_REASONS = frozenset({EndReason.REPLACED})


def _record(*, actor: User, plan: FollowupPlan, description: str) -> None:
    PlanChange.objects.create(plan=plan, by=actor, description=description[:500])
    audit_change(
        actor=actor,
        process=plan.process,
        detail=_("oppfølgingsplan: %(description)s") % {"description": description},
    )


def _end(*, actor: User, plan: FollowupPlan, reason: str, note: str, ended_on: date) -> None:
    plan.ended_on, plan.end_reason, plan.end_note = ended_on, reason, note
    plan.save(update_fields=["ended_on", "end_reason", "end_note"])
    label = EndReason(reason).label
    _record(
        actor=actor, plan=plan, description=f"Avsluttet: {label}" + (f" – {note}" if note else "")
    )


@transaction.atomic
def followup_start_plan(
    *, actor: User, process: InclusionProcess, template: str, starts_on: date
) -> FollowupPlan:
    """A new plan from a template. An active plan is ended as replaced (recorded, not silent)."""
    chosen = TEMPLATES.get(template)
    if chosen is None:
        raise ValidationError({"template": _("Velg en mal for planen.")})
    if starts_on < process.started_on:
        started = f"{process.started_on:%d.%m.%Y}"
        raise ValidationError(
            {
                "starts_on": _("Oppstart kan ikke være før forløpet startet (%(started)s).")
                % {"started": started}
            }
        )
    current = process.followup_plans.select_for_update().filter(ended_on__isnull=True).first()
    if current is not None:
        _end(
            actor=actor,
            plan=current,
            reason=EndReason.REPLACED,
            note=_("Ny plan: %(label)s") % {"label": chosen.label},
            ended_on=timezone.localdate(),
        )
    plan = FollowupPlan.objects.create(
        process=process,
        template=chosen.code,
        title=str(chosen.label),
        starts_on=starts_on,
        minimum_until=add_months(starts_on, chosen.minimum_months)
        if chosen.minimum_months
        else None,
        created_by=actor,
    )
    PlanItem.objects.bulk_create(
        PlanItem(
            plan=plan,
            label=item.label,
            party=item.party,
            form=item.form,
            phase=chosen.phase,
            first_due_on=starts_on + item.first_due,
            interval_days=item.interval.days if item.interval else None,
            ends_on=starts_on + item.until if item.until else None,
        )
        for item in chosen.items
    )
    _record(
        actor=actor,
        plan=plan,
        description=_("Opprettet fra malen «%(label)s»") % {"label": chosen.label},
    )
    return plan


def _check_item(
    *,
    plan: FollowupPlan,
    party: str,
    form: str,
    first_due_on: date,
    interval_days: int | None,
    ends_on: date | None,
    label: str,
) -> None:
    errors: dict[str, str] = {}
    if plan.ended_on is not None:
        raise ValidationError(_("Planen er avsluttet og kan ikke endres."))
    if not label.strip():
        errors["label"] = _("Skriv hva kontakten gjelder.")
    if party not in PlanParty.values:
        errors["party"] = _("Velg hvem kontakten er med.")
    if form not in ContactForm.values:
        errors["form"] = _("Velg form.")
    if interval_days is not None and not 1 <= interval_days <= 366:
        errors["interval_days"] = _("Hvor ofte må være mellom 1 og 366 dager.")
    if ends_on is not None and ends_on < first_due_on:
        errors["ends_on"] = _("Sluttdatoen kan ikke være før første gang.")
    if errors:
        raise ValidationError(errors)


def _describe(item: PlanItem) -> str:
    every = (
        _("hver %(interval_days)s. dag") % {"interval_days": item.interval_days}
        if item.interval_days
        else "én gang"
    )
    return (
        f"«{item.label}» ({item.get_party_display().lower()}, {item.get_form_display().lower()}, "
        f"{every}, fra {item.first_due_on:%d.%m.%Y}"
        + (f" til {item.ends_on:%d.%m.%Y}" if item.ends_on else "")
        + ")"
    )


@transaction.atomic
def followup_add_item(
    *,
    actor: User,
    plan: FollowupPlan,
    label: str,
    party: str,
    form: str,
    first_due_on: date,
    interval_days: int | None = None,
    ends_on: date | None = None,
) -> PlanItem:
    _check_item(
        plan=plan,
        party=party,
        form=form,
        first_due_on=first_due_on,
        interval_days=interval_days,
        ends_on=ends_on,
        label=label,
    )
    item = PlanItem.objects.create(
        plan=plan,
        label=label.strip(),
        party=party,
        form=form,
        phase=plan.process.phase,
        first_due_on=first_due_on,
        interval_days=interval_days,
        ends_on=ends_on,
    )
    _record(
        actor=actor, plan=plan, description=_("La til %(describe)s") % {"describe": _describe(item)}
    )
    return item


@transaction.atomic
def followup_change_item(
    *,
    actor: User,
    item: PlanItem,
    label: str,
    party: str,
    form: str,
    first_due_on: date,
    interval_days: int | None = None,
    ends_on: date | None = None,
) -> PlanItem:
    _check_item(
        plan=item.plan,
        party=party,
        form=form,
        first_due_on=first_due_on,
        interval_days=interval_days,
        ends_on=ends_on,
        label=label,
    )
    before = _describe(item)
    item.label, item.party, item.form = label.strip(), party, form
    item.first_due_on, item.interval_days, item.ends_on = first_due_on, interval_days, ends_on
    item.save()
    _record(
        actor=actor,
        plan=item.plan,
        description=_("Endret %(before)s til %(describe)s")
        % {"before": before, "describe": _describe(item)},
    )
    return item


@transaction.atomic
def followup_remove_item(*, actor: User, item: PlanItem) -> PlanItem:
    if item.plan.ended_on is not None:
        raise ValidationError(_("Planen er avsluttet og kan ikke endres."))
    item.removed_at = timezone.now()
    item.save(update_fields=["removed_at"])
    _record(actor=actor, plan=item.plan, description=f"Fjernet {_describe(item)}")
    return item


@transaction.atomic
def followup_end_plan(
    *, actor: User, plan: FollowupPlan, reason: str, note: str = "", ended_on: date | None = None
) -> FollowupPlan:
    """End a plan with a recorded reason; before its minimum date, with a written one too."""
    plan = (
        FollowupPlan.objects.select_for_update()
        .select_related("process__candidate")
        .get(pk=plan.pk)
    )
    ended_on = ended_on or timezone.localdate()
    note = note.strip()
    errors: dict[str, str] = {}
    if plan.ended_on is not None:
        raise ValidationError(_("Planen er allerede avsluttet."))
    if reason not in EndReason.values or reason in SYSTEM_REASONS:
        errors["reason"] = _("Velg hvorfor oppfølgingen avsluttes.")
    elif reason == EndReason.OTHER and not note:
        errors["note"] = _("Skriv hvorfor oppfølgingen avsluttes.")
    if plan.minimum_until and ended_on < plan.minimum_until and not note:
        errors["note"] = _(
            "Oppfølgingen skal vare minst til %(minimum_until)s. Skriv hvorfor den avsluttes før."
        ) % {"minimum_until": date_format(plan.minimum_until, "SHORT_DATE_FORMAT")}
    if ended_on > timezone.localdate():
        errors["ended_on"] = _("Datoen kan ikke være frem i tid.")
    if errors:
        raise ValidationError(errors)
    _end(actor=actor, plan=plan, reason=reason, note=note, ended_on=ended_on)
    return plan
