"""Writes for candidates: the profile (kartlegging), needs and consent (registration:
``candidates.intake``).

Every profile change stores a ``ProfileVersion`` snapshot and an audit row, in one
transaction: a change that fails validation leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samspill import policy
from samspill.accounts.models import Role, User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.candidates import profile
from samspill.candidates.models import (
    SHAREABLE_WITH_EMPLOYER,
    AccommodationNeed,
    Candidate,
    CandidateField,
    ConsentRecord,
    CorrectionRequest,
    ProfileVersion,
)
from samspill.candidates.needs import NEED_TYPES, need_consent_item
from samspill.changefeed import feed
from samspill.employers.models import Sector
from samspill.lib.choices import TimeOfDay
from samspill.notifications.services import notification_create

MAX_HOURS_PER_WEEK = 60  # above any ordinary full-time week (37.5 h) with overtime
MAX_COMMUTE_KM = 1000  # bounds.KILOMETRES: further than any daily commute


def _require_staff_on(actor: User, candidate: Candidate, message: str) -> None:
    """Advisors and managers who follow the candidate up may change the kartlegging."""
    if actor.role not in (Role.ADVISOR, Role.MANAGER):
        raise ValidationError(message)
    if not policy.candidates_visible_to(actor).filter(pk=candidate.pk).exists():
        raise ValidationError(_("Du kan bare endre kandidater du følger opp."))


def _needs_of(candidate: Candidate) -> dict[str, str]:
    return dict(candidate.needs.values_list("code", "detail"))


def _baseline(candidate: Candidate) -> dict[str, Any]:
    """The profile as it is now; stored as version 0 the first time anything changes."""
    data = profile.snapshot(candidate, _needs_of(candidate))
    if not candidate.versions.exists():
        ProfileVersion.objects.create(candidate=candidate, number=0, data=data)
    return data


def _record_version(*, actor: User, candidate: Candidate, before: dict[str, Any]) -> list[str]:
    after = profile.snapshot(candidate, _needs_of(candidate))
    changed = [change.name for change in profile.diff(before, after)]
    if changed:
        candidate.profile_version += 1
        candidate.save(update_fields=["profile_version"])
        ProfileVersion.objects.create(
            candidate=candidate,
            number=candidate.profile_version,
            data=after,
            changed_fields=changed,
            changed_by=actor,
        )
        audit_record(
            actor=actor,
            subject=Subject("profile", candidate.uuid, candidate.uuid),
            action=Action.CHANGE,
            purpose=Purpose.OWN_DATA if actor.role == Role.JOBSEEKER else Purpose.CASE_WORK,
            detail=_("endret: %(fields)s") % {"fields": ", ".join(changed)},
        )
        feed.candidate_changed(candidate.pk)
    return changed


def _validate_profile(values: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    low, high = values.get("hours_min"), values.get("hours_max")
    for name, hours in (("hours_min", low), ("hours_max", high)):
        if hours is not None and not 1 <= hours <= MAX_HOURS_PER_WEEK:
            errors[name] = _("Skriv et antall timer mellom 1 og %(MAX_HOURS_PER_WEEK)s.") % {
                "MAX_HOURS_PER_WEEK": MAX_HOURS_PER_WEEK
            }
    if low is not None and high is not None and low > high and "hours_max" not in errors:
        errors["hours_max"] = _("Det høyeste antallet timer kan ikke være lavere enn det laveste.")
    km = values.get("max_commute_km")
    if km is not None and not 0 <= km <= MAX_COMMUTE_KM:
        errors["max_commute_km"] = _("Skriv en reisevei mellom 0 og %(MAX_COMMUTE_KM)s km.") % {
            "MAX_COMMUTE_KM": MAX_COMMUTE_KM
        }
    for name, allowed in (("times_of_day", TimeOfDay.values), ("sectors", Sector.values)):
        unknown = set(values.get(name) or []) - set(allowed)
        if unknown:
            errors[name] = _("Ukjent valg: %(value)s.") % {"value": ", ".join(sorted(unknown))}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def profile_update(*, actor: User, candidate: Candidate, **values: Any) -> list[str]:
    """Update the advisor's part of the profile. Returns the names of the changed fields."""
    _require_staff_on(actor, candidate, _("Bare veilederen kan endre kartleggingen."))
    unknown = set(values) - set(profile.ADVISOR_FIELDS)
    if unknown:
        raise ValidationError(
            _("Kan ikke endres her: %(value)s.") % {"value": ", ".join(sorted(unknown))}
        )
    for name in ("times_of_day", "sectors", "places"):
        if name in values and values[name] is None:  # null means none chosen
            values[name] = []
    if "places" in values:
        values["places"] = [p.strip() for p in values["places"] if p.strip()]
    _validate_profile({**{f: getattr(candidate, f) for f in ("hours_min", "hours_max")}, **values})
    before = _baseline(candidate)
    for name, value in values.items():
        setattr(candidate, name, value)
    # Only what this save changes is validated: a stored value the advisor did not touch
    # (an old e-mail address, say) must never block the kartlegging.
    untouched = [f.name for f in Candidate._meta.fields if f.name not in values]
    candidate.full_clean(exclude=untouched, validate_unique=False, validate_constraints=False)
    candidate.save(update_fields=list(values))
    return _record_version(actor=actor, candidate=candidate, before=before)


@transaction.atomic
def profile_update_own(*, actor: User, candidate: Candidate, **values: str) -> list[str]:
    """The jobseeker writes their own part. Nobody else can, and nobody overwrites it."""
    if actor.role != Role.JOBSEEKER or candidate.user_id != actor.pk:
        raise ValidationError(_("Bare arbeidssøkeren selv kan skrive denne delen."))
    unknown = set(values) - set(profile.OWN_FIELDS)
    if unknown:
        raise ValidationError(
            _("Kan ikke endres her: %(value)s.") % {"value": ", ".join(sorted(unknown))}
        )
    before = _baseline(candidate)
    for name, value in values.items():
        setattr(candidate, name, value.strip())
    candidate.save(update_fields=list(values))
    changed = _record_version(actor=actor, candidate=candidate, before=before)
    if changed:
        candidate.own_updated_at = timezone.now()
        candidate.save(update_fields=["own_updated_at"])
    return changed


@transaction.atomic
def needs_update(
    *, actor: User, candidate: Candidate, needs: dict[str, str], on: date | None = None
) -> list[str]:
    """Set the candidate's accommodation needs (code → free text); all are confirmed ``on``."""
    _require_staff_on(
        actor, candidate, _("Bare veilederen kan registrere behov for tilrettelegging.")
    )
    unknown = set(needs) - set(NEED_TYPES)
    if unknown:
        raise ValidationError(
            {"needs": _("Ukjent behov: %(value)s.") % {"value": ", ".join(sorted(unknown))}}
        )
    today = on or timezone.localdate()
    before = _baseline(candidate)
    removed = set(candidate.needs.exclude(code__in=needs).values_list("code", flat=True))
    candidate.needs.filter(code__in=removed).delete()
    _drop_consent_for(actor=actor, candidate=candidate, codes=removed)
    for code, detail in needs.items():
        AccommodationNeed.objects.update_or_create(
            candidate=candidate,
            code=code,
            defaults={"detail": detail.strip(), "last_confirmed": today, "confirmed_by": actor},
        )
    return _record_version(actor=actor, candidate=candidate, before=before)


def _drop_consent_for(*, actor: User, candidate: Candidate, codes: set[str]) -> None:
    """A removed need leaves the consent: if it is recorded again, it needs consent again."""
    current = candidate.consents.order_by("-recorded_at", "-id").first()
    dropped = {need_consent_item(code) for code in codes}
    if current is not None and dropped & set(current.items):
        ConsentRecord.objects.create(
            candidate=candidate,
            items=[item for item in current.items if item not in dropped],
            recorded_by=actor,
        )


@transaction.atomic
def needs_confirm(*, actor: User, candidate: Candidate, on: date | None = None) -> int:
    """Confirm that every recorded need still applies, as it is. Returns how many."""
    _require_staff_on(
        actor, candidate, _("Bare veilederen kan bekrefte behov for tilrettelegging.")
    )
    count = candidate.needs.update(last_confirmed=on or timezone.localdate(), confirmed_by=actor)
    audit_record(
        actor=actor,
        subject=Subject("profile", candidate.uuid, candidate.uuid),
        action=Action.CHANGE,
        purpose=Purpose.CASE_WORK,
        detail=_("bekreftet %(count)s behov uendret") % {"count": count},
    )
    return count


def shareable_items(candidate: Candidate) -> frozenset[str]:
    """What this candidate can choose to share with employers, including each of their needs."""
    needs = candidate.needs.values_list("code", flat=True)
    return SHAREABLE_WITH_EMPLOYER | {need_consent_item(code) for code in needs}


@transaction.atomic
def consent_record(*, actor: User, candidate: Candidate, items: Iterable[str]) -> ConsentRecord:
    """Record a new version of what the candidate shares with employers (empty = withdrawn).

    Only the candidate, or an advisor recording the candidate's own choice, may do this.
    """
    if actor.role not in (Role.JOBSEEKER, Role.ADVISOR):
        raise ValidationError(
            _("Bare arbeidssøkeren selv eller veilederen kan registrere samtykke.")
        )
    if actor.role == Role.JOBSEEKER and candidate.user_id != actor.pk:
        raise ValidationError(_("Du kan bare gi samtykke for deg selv."))
    if (
        actor.role == Role.ADVISOR
        and not policy.candidates_visible_to(actor).filter(pk=candidate.pk).exists()
    ):
        raise ValidationError(_("Du kan bare registrere samtykke for kandidater du følger opp."))
    chosen = sorted(set(items))
    unknown = set(chosen) - shareable_items(candidate)
    if unknown:
        raise ValidationError(
            {
                "items": _("Dette kan ikke deles med arbeidsgiver: %(value)s.")
                % {"value": ", ".join(sorted(unknown))}
            }
        )
    record = ConsentRecord.objects.create(candidate=candidate, items=chosen, recorded_by=actor)
    audit_record(
        actor=actor,
        subject=Subject("consent", candidate.uuid, candidate.uuid),
        action=Action.CHANGE,
        purpose=Purpose.OWN_DATA if actor.role == Role.JOBSEEKER else Purpose.CASE_WORK,
        detail=_("deler: %(items)s") % {"items": ", ".join(chosen) or _("ingenting")},
    )
    return record


# -- Correction requests (GDPR art. 16) -------------------------------------------------------

CORRECTION_MAX_LENGTH = 2000


def _advisors_of(candidate: Candidate) -> list[User]:
    """Who follows the person up now: the advisors of their open processes (else the latest)."""
    processes = candidate.processes.select_related("advisor").order_by("-started_on", "-id")
    open_ones = [p for p in processes if p.ended_on is None]
    chosen = open_ones or list(processes[:1])
    return list({p.advisor.pk: p.advisor for p in chosen}.values())


@transaction.atomic
def correction_request_create(
    *, actor: User, candidate: Candidate, field: str, text: str
) -> CorrectionRequest:
    """The person asks for an item of their profile to be corrected; their advisor is
    notified in Samspill (the notice names no one: the link leads to the checked page)."""
    if actor.role != Role.JOBSEEKER or candidate.user_id != actor.pk:
        raise ValidationError(_("Bare du selv kan be om retting av opplysningene dine."))
    errors: dict[str, str] = {}
    if field not in CandidateField.values:
        errors["field"] = _("Velg hvilke opplysninger som er feil.")
    cleaned = text.strip()
    if not cleaned:
        errors["text"] = _("Skriv hva som er feil, og hva det skal være.")
    elif len(cleaned) > CORRECTION_MAX_LENGTH:
        errors["text"] = _("Skriv kortere (høyst %(max)s tegn).") % {"max": CORRECTION_MAX_LENGTH}
    if errors:
        raise ValidationError(errors)
    request = CorrectionRequest.objects.create(
        candidate=candidate, field=field, text=cleaned, created_by=actor
    )
    audit_record(
        actor=actor,
        subject=Subject("correction_request", request.uuid, candidate.uuid),
        action=Action.CREATE,
        purpose=Purpose.OWN_DATA,
        detail=_("ba om retting: %(field)s") % {"field": field},
    )
    url = reverse("candidates:detail", kwargs={"candidate_id": candidate.uuid}) + "#retting"
    for advisor in _advisors_of(candidate):
        notification_create(
            recipient=advisor,
            key=f"correction:{request.uuid}:{advisor.pk}",
            title=_("En arbeidssøker ber om retting av opplysninger"),
            url=url,
        )
    return request


@transaction.atomic
def correction_request_resolve(
    *, actor: User, request: CorrectionRequest, note: str
) -> CorrectionRequest:
    """The advisor marks a correction request handled, with what was done."""
    locked = CorrectionRequest.objects.select_for_update().get(pk=request.pk)
    candidate = locked.candidate
    _require_staff_on(actor, candidate, _("Bare veilederen kan behandle ønsker om retting."))
    if locked.resolved_at is not None:
        raise ValidationError(_("Ønsket er allerede behandlet."))
    cleaned = note.strip()
    if not cleaned:
        raise ValidationError({"note": _("Skriv kort hva som ble gjort med ønsket.")})
    locked.resolved_at, locked.resolved_by, locked.resolution_note = timezone.now(), actor, cleaned
    locked.save(update_fields=["resolved_at", "resolved_by", "resolution_note"])
    audit_record(
        actor=actor,
        subject=Subject("correction_request", locked.uuid, candidate.uuid),
        action=Action.CHANGE,
        purpose=Purpose.CASE_WORK,
        detail=_("behandlet ønske om retting: %(field)s") % {"field": locked.field},
        fields=[locked.field],
    )
    if candidate.user is not None:
        notification_create(
            recipient=candidate.user,
            key=f"correction-done:{locked.uuid}",
            title=_("Ønsket ditt om retting er behandlet"),
            url=reverse("candidates:corrections"),
        )
    return locked
