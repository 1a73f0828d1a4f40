"""Writes for inclusion processes: open, change phase (through the transition table), end
and reopen (through the same table), invite."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samspill.accounts.models import Role, User
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.candidates.models import Candidate
from samspill.changefeed import feed
from samspill.employers.models import Employer, Workplace
from samspill.processes.models import (
    EndReason,
    InclusionProcess,
    MemberRole,
    Phase,
    PhaseChange,
    ProcessMember,
    Referral,
)
from samspill.processes.transitions import PHASE_TRANSITIONS, PHASES_WITH_EMPLOYER


def _subject(process: InclusionProcess) -> Subject:
    return Subject("process", process.uuid, process.candidate.uuid)


def open_process_of(candidate: Candidate) -> InclusionProcess | None:
    """The person's one open process, if they have one."""
    return candidate.processes.exclude(phase=Phase.CLOSED).first()


def open_refusal(actor: User, candidate: Candidate) -> ValidationError | None:
    """May ``actor`` start a new process for ``candidate`` now? The page asks the same."""
    if actor.role not in (Role.ADVISOR, Role.MANAGER):
        return ValidationError(_("Bare veiledere og ledere kan starte et forløp."))
    if open_process_of(candidate) is not None:
        return ValidationError(
            _("Personen har allerede et åpent forløp. Gjenåpne eller avslutt det først.")
        )
    return None


@transaction.atomic
def process_open(
    *,
    actor: User,
    candidate: Candidate,
    advisor: User,
    started_on: date | None = None,
    referral: str = "",
    wish: str = "",
) -> InclusionProcess:
    """Start a process in kartlegging. No readiness gate (IPS zero exclusion): anyone who
    wants ordinary work may start. A person has one open process at a time."""
    errors: dict[str, str] = {}
    if advisor.role != Role.ADVISOR or advisor.office_id is None:
        errors["advisor"] = _("Forløpet må eies av en veileder ved et NAV-kontor.")
    started = started_on or timezone.localdate()
    if started > timezone.localdate():
        errors["started_on"] = _("Startdatoen kan ikke være frem i tid.")
    if referral and referral not in Referral.values:
        errors["referral"] = _("Velg hvor personen kom fra.")
    if errors:
        raise ValidationError(errors)
    assert advisor.office_id is not None
    Candidate.objects.select_for_update().filter(pk=candidate.pk).first()
    _raise(open_refusal(actor, candidate))
    process = InclusionProcess.objects.create(
        candidate=candidate,
        office_id=advisor.office_id,
        team_id=advisor.team_id,
        advisor=advisor,
        phase=Phase.MAPPING,
        phase_since=started,
        started_on=started,
        referral=referral,
        wish=wish.strip(),
    )
    PhaseChange.objects.create(
        process=process, to_phase=Phase.MAPPING, effective_on=started, recorded_by=actor
    )
    audit_record(
        actor=actor, subject=_subject(process), action=Action.CREATE, purpose=Purpose.CASE_WORK
    )
    feed.candidate_changed(candidate.pk)
    return process


@transaction.atomic
def process_change_phase(
    *,
    actor: User,
    process: InclusionProcess,
    to_phase: str,
    effective_on: date,
    reason: str = "",
    employer: Employer | None = None,
) -> InclusionProcess:
    """Move a process to another phase, dated, as the transition table allows."""
    process = (
        InclusionProcess.objects.select_for_update().select_related("candidate").get(pk=process.pk)
    )
    current, target = Phase(process.phase), Phase(to_phase)
    if target not in PHASE_TRANSITIONS[current]:
        raise ValidationError(
            {
                "to_phase": _("Forløpet kan ikke gå fra «%(current)s» til «%(target)s».")
                % {"current": current.label, "target": target.label}
            }
        )
    if effective_on < process.phase_since:
        raise ValidationError(
            {
                "effective_on": _(
                    "Datoen kan ikke være før forløpet kom i nåværende fase (%(phase_since)s)."
                )
                % {"phase_since": date_format(process.phase_since, "SHORT_DATE_FORMAT")}
            }
        )
    if effective_on > timezone.localdate():
        raise ValidationError({"effective_on": _("Datoen kan ikke være frem i tid.")})
    if target == Phase.CLOSED and not reason.strip():
        raise ValidationError({"reason": _("Skriv hvorfor forløpet avsluttes.")})
    if current == Phase.CLOSED and (
        InclusionProcess.objects.filter(candidate_id=process.candidate_id)
        .exclude(phase=Phase.CLOSED)
        .exists()
    ):
        raise ValidationError(_("Personen har allerede et åpent forløp."))
    employer = employer or process.employer
    if target in PHASES_WITH_EMPLOYER and employer is None:
        raise ValidationError(
            {"employer": _("Velg arbeidsgiver for «%(label)s».") % {"label": target.label}}
        )
    PhaseChange.objects.create(
        process=process,
        from_phase=current,
        to_phase=target,
        effective_on=effective_on,
        reason=reason.strip(),
        recorded_by=actor,
    )
    process.phase, process.phase_since = target, effective_on
    if target in PHASES_WITH_EMPLOYER:
        process.employer = employer
    elif target != Phase.CLOSED:  # back to mapping or search: the placement has ended
        process.employer = process.workplace = None
    process.ended_on = effective_on if target == Phase.CLOSED else None
    if current == Phase.CLOSED:  # reopened: the reason stays in the history only
        process.end_reason = ""
    process.save(
        update_fields=["phase", "phase_since", "employer", "workplace", "ended_on", "end_reason"]
    )
    audit_record(
        actor=actor,
        subject=_subject(process),
        action=Action.CHANGE,
        purpose=Purpose.CASE_WORK,
        detail=_("fase: %(current)s → %(target)s") % {"current": current, "target": target},
    )
    feed.candidate_changed(process.candidate_id)
    return process


#: A reopened process starts again with kartlegging (what has changed since it ended).
REOPEN_PHASE = Phase.MAPPING


def end_refusal(actor: User, process: InclusionProcess) -> ValidationError | None:
    """May ``actor`` end ``process`` now? ``None`` if so; the page asks the same."""
    if actor.role not in (Role.ADVISOR, Role.MANAGER):
        return ValidationError(_("Bare veiledere og ledere kan avslutte et forløp."))
    if Phase.CLOSED not in PHASE_TRANSITIONS[Phase(process.phase)]:
        return ValidationError(_("Forløpet er allerede avsluttet."))
    return None


def reopen_refusal(actor: User, process: InclusionProcess) -> ValidationError | None:
    """May ``actor`` reopen ``process`` now? Only a closed one, and only if the person has
    no other open process."""
    if actor.role not in (Role.ADVISOR, Role.MANAGER):
        return ValidationError(_("Bare veiledere og ledere kan gjenåpne et forløp."))
    if REOPEN_PHASE not in PHASE_TRANSITIONS[Phase(process.phase)]:
        return ValidationError(_("Bare et avsluttet forløp kan gjenåpnes."))
    others = InclusionProcess.objects.filter(candidate_id=process.candidate_id)
    if others.exclude(pk=process.pk).exclude(phase=Phase.CLOSED).exists():
        return ValidationError(_("Personen har allerede et åpent forløp."))
    return None


def _raise(refusal: ValidationError | None) -> None:
    if refusal is not None:
        raise refusal


@transaction.atomic
def process_end(
    *,
    actor: User,
    process: InclusionProcess,
    reason: str,
    other: str = "",
    ended_on: date | None = None,
) -> InclusionProcess:
    """End a process with one of ``EndReason`` (``other`` says what, for «Annet»). The
    phase history keeps the reason in words; the process can be reopened."""
    process = InclusionProcess.objects.select_for_update().get(pk=process.pk)
    _raise(end_refusal(actor, process))
    if reason not in EndReason.values:
        raise ValidationError({"reason": _("Velg hvorfor forløpet avsluttes.")})
    if reason == EndReason.OTHER and not other.strip():
        raise ValidationError({"other": _("Skriv hvorfor forløpet avsluttes.")})
    label = str(EndReason(reason).label)
    words = f"{label}: {other.strip()}" if other.strip() else label
    try:
        process = process_change_phase(
            actor=actor,
            process=process,
            to_phase=Phase.CLOSED,
            effective_on=ended_on or timezone.localdate(),
            reason=words[:500],
        )
    except ValidationError as error:  # the date is called ``ended_on`` here
        errors = getattr(error, "error_dict", {})
        if "effective_on" in errors:
            raise ValidationError({"ended_on": errors["effective_on"]}) from None
        raise
    process.end_reason = reason
    process.save(update_fields=["end_reason"])
    return process


@transaction.atomic
def process_reopen(
    *, actor: User, process: InclusionProcess, on: date | None = None
) -> InclusionProcess:
    """Reopen a closed process (a transition like any other); its history stays."""
    process = InclusionProcess.objects.select_for_update().get(pk=process.pk)
    _raise(reopen_refusal(actor, process))
    return process_change_phase(
        actor=actor,
        process=process,
        to_phase=REOPEN_PHASE,
        effective_on=on or timezone.localdate(),
        reason=_("Gjenåpnet"),
    )


@transaction.atomic
def process_invite_member(
    *, actor: User, process: InclusionProcess, user: User, role: str, purpose: str
) -> ProcessMember:
    """Give one partner, employer contact or co-advisor access to this process only."""
    if role not in MemberRole.values:
        raise ValidationError({"role": _("Velg en rolle i forløpet.")})
    expected = {
        MemberRole.PARTNER: Role.PARTNER,
        MemberRole.EMPLOYER_CONTACT: Role.EMPLOYER_CONTACT,
        MemberRole.CO_ADVISOR: Role.ADVISOR,
    }[MemberRole(role)]
    if user.role != expected:
        raise ValidationError(
            {"user": _("Brukeren har ikke rollen «%(label)s».") % {"label": Role(expected).label}}
        )
    if not purpose.strip():
        raise ValidationError({"purpose": _("Skriv hva samarbeidet gjelder.")})
    if process.members.filter(user=user, revoked_at__isnull=True).exists():
        raise ValidationError({"user": _("Brukeren er allerede med i forløpet.")})
    member = ProcessMember.objects.create(
        process=process, user=user, role=role, purpose=purpose.strip(), invited_by=actor
    )
    audit_record(
        actor=actor,
        subject=_subject(process),
        action=Action.CHANGE,
        purpose=Purpose.CASE_WORK,
        detail=_("inviterte %(display_name)s (%(role)s)")
        % {"display_name": user.display_name, "role": role},
    )
    return member


@transaction.atomic
def process_revoke_member(*, actor: User, member: ProcessMember) -> ProcessMember:
    if member.revoked_at is not None:
        raise ValidationError(_("Invitasjonen er allerede trukket tilbake."))
    member.revoked_at = timezone.now()
    member.save(update_fields=["revoked_at"])
    audit_record(
        actor=actor,
        subject=_subject(member.process),
        action=Action.CHANGE,
        purpose=Purpose.CASE_WORK,
        detail=_("fjernet %(display_name)s") % {"display_name": member.user.display_name},
    )
    return member


@transaction.atomic
def process_arrange_placement(
    *, actor: User, process: InclusionProcess, workplace: Workplace
) -> InclusionProcess:
    """Record the employer and workplace a placement is being arranged with (an agreed
    match), before the trial or job starts; the phase changes when it does."""
    if process.phase == Phase.CLOSED:
        raise ValidationError(_("Forløpet er avsluttet."))
    process.employer, process.workplace = workplace.employer, workplace
    process.save(update_fields=["employer", "workplace"])
    audit_record(
        actor=actor,
        subject=_subject(process),
        action=Action.CHANGE,
        purpose=Purpose.CASE_WORK,
        detail=(
            _("arbeidsplass: %(name)s, %(workplace)s")
            % {"name": workplace.employer.name, "workplace": workplace.name}
        )[:300],
    )
    return process
