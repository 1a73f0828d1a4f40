"""Writes for Jobbmatch: propose a match, move it through the pipeline, carve a job into an
opening, and run a match meeting. Keyword-only, one transaction each, audit-logged, with
Norwegian messages keyed to the field they concern.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samspill import policy
from samspill.accounts.models import Office, Role, User
from samspill.agreements.models import Agreement
from samspill.agreements.permissions import check, create_refusal
from samspill.agreements.services import agreement_create
from samspill.audit.models import Action, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.changefeed import feed
from samspill.employers import services as employer_services
from samspill.employers.models import Opening, OpeningStatus, Workplace
from samspill.matching import selectors
from samspill.matching.adapter import open_openings
from samspill.matching.models import (
    DeclineReason,
    LineOutcome,
    Match,
    MatchMeeting,
    MatchStatus,
    MatchStep,
    MeetingLine,
)
from samspill.matching.transitions import MATCH_TRANSITIONS, allowed_next_statuses
from samspill.notifications.services import notification_create
from samspill.processes.models import InclusionProcess, MemberRole, Phase
from samspill.processes.services import process_arrange_placement, process_invite_member

#: Openings a match can be proposed for (a carved job is proposed while still a draft).
PROPOSABLE = frozenset({OpeningStatus.DRAFT, OpeningStatus.OPEN, OpeningStatus.PAUSED})
#: What an employer may answer to a presentation.
EMPLOYER_MOVES = frozenset({MatchStatus.MEETING, MatchStatus.DECLINED})
#: What the jobseeker may answer to a suggestion presented to them.
JOBSEEKER_MOVES = frozenset({MatchStatus.CANDIDATE_INTERESTED, MatchStatus.DECLINED})


def _subject(match: Match) -> Subject:
    return Subject("match", match.uuid, match.process.candidate.uuid)


def _audit(actor: User, match: Match, action: Action, detail: str) -> None:
    purpose = Purpose.EMPLOYER_PORTAL if actor.role == Role.EMPLOYER else Purpose.CASE_WORK
    audit_record(
        actor=actor, subject=_subject(match), action=action, purpose=purpose, detail=detail
    )


@transaction.atomic
def match_propose(
    *, actor: User, process: InclusionProcess, opening: Opening, override_reason: str = ""
) -> Match:
    """Suggest an opening for a candidate; an excluded pair needs a recorded reason."""
    if not policy.may_use_matching(actor):
        raise ValidationError(_("Rollen kan ikke foreslå matcher."))
    if process.phase == Phase.CLOSED:
        raise ValidationError(_("Forløpet er avsluttet. Gjenåpne det før du foreslår en stilling."))
    if opening.status not in PROPOSABLE:
        label = OpeningStatus(opening.status).label.lower()
        raise ValidationError(
            {"opening": _("Stillingen er %(label)s og kan ikke foreslås.") % {"label": label}}
        )
    if Match.objects.filter(process=process, opening=opening).exists():
        raise ValidationError(
            {"opening": _("Kandidaten er allerede foreslått til denne stillingen.")}
        )
    result = selectors.explain(process, opening)
    reason = override_reason.strip()
    if result.excluded and not reason:
        why = "; ".join(e.detail for e in result.exclusions)
        message = _("Kandidaten er utelukket (%(why)s). Skriv hvorfor du foreslår likevel.") % {
            "why": why
        }
        raise ValidationError({"override_reason": message})
    today = timezone.localdate()
    match = Match.objects.create(
        process=process,
        opening=opening,
        status=MatchStatus.SUGGESTED,
        status_since=today,
        score=result.score,
        summary=result.explanation.summary[:300],
        override_reason=reason if result.excluded else "",
        created_by=actor,
    )
    MatchStep.objects.create(
        match=match, to_status=MatchStatus.SUGGESTED, on=today, note=reason, recorded_by=actor
    )
    _audit(
        actor, match, Action.CREATE, (_("foreslått: %(title)s") % {"title": opening.title})[:300]
    )
    return match


def moves_for(actor: User, match: Match) -> list[MatchStatus]:
    """The next steps ``actor`` may record on ``match``: the transition table's, and for the
    jobseeker and the employer only their answer to what was presented to them."""
    allowed = allowed_next_statuses(match.status)
    if actor.role == Role.EMPLOYER:
        answering = match.status == MatchStatus.PRESENTED_EMPLOYER
        return [status for status in allowed if answering and status in EMPLOYER_MOVES]
    if actor.role == Role.JOBSEEKER:
        answering = match.status == MatchStatus.PRESENTED_CANDIDATE
        return [status for status in allowed if answering and status in JOBSEEKER_MOVES]
    return allowed


@transaction.atomic
def match_move(
    *,
    actor: User,
    match: Match,
    to_status: str,
    on: date | None = None,
    reason: str = "",
    note: str = "",
) -> Match:
    """Move a match as the transition table allows; every decline has a reason code."""
    match = Match.objects.select_for_update().select_related("process__candidate").get(pk=match.pk)
    if to_status not in MatchStatus.values:
        raise ValidationError({"to_status": _("Velg neste steg fra listen.")})
    current, target = MatchStatus(match.status), MatchStatus(to_status)
    if target not in MATCH_TRANSITIONS[current]:
        raise ValidationError(
            {
                "to_status": _("Matchen kan ikke gå fra «%(current)s» til «%(target)s».")
                % {"current": current.label, "target": target.label}
            }
        )
    if actor.role == Role.EMPLOYER and target not in moves_for(actor, match):
        raise ValidationError(
            {"to_status": _("Som arbeidsgiver kan du be om møte eller takke nei.")}
        )
    if actor.role == Role.JOBSEEKER and target not in moves_for(actor, match):
        raise ValidationError({"to_status": _("Du kan si at du er interessert, eller takke nei.")})
    day = on or timezone.localdate()
    if day > timezone.localdate():
        raise ValidationError({"on": _("Datoen kan ikke være frem i tid.")})
    if day < match.status_since:
        raise ValidationError(
            {
                "on": _("Datoen kan ikke være før forrige steg (%(status_since)s).")
                % {"status_since": date_format(match.status_since, "SHORT_DATE_FORMAT")}
            }
        )
    if target == MatchStatus.DECLINED:
        if actor.role == Role.EMPLOYER:
            reason = DeclineReason.EMPLOYER_DECLINED
        elif actor.role == Role.JOBSEEKER:
            reason = DeclineReason.CANDIDATE_NOT_INTERESTED
        if reason not in DeclineReason.values:
            raise ValidationError({"reason": _("Velg hvorfor matchen avsluttes.")})
        if reason == DeclineReason.OTHER and not note.strip():
            raise ValidationError({"note": _("Skriv kort hva som var årsaken.")})
    else:
        reason = ""
    MatchStep.objects.create(
        match=match,
        from_status=current,
        to_status=target,
        on=day,
        reason=reason,
        note=note.strip()[:500],
        recorded_by=actor,
    )
    match.status, match.status_since, match.decline_reason = target, day, reason
    match.save(update_fields=["status", "status_since", "decline_reason"])
    if reason == DeclineReason.EMPLOYER_DECLINED:
        feed.employer_changed(match.opening.workplace.employer_id)  # the employer's exclusion
    _audit(actor, match, Action.CHANGE, f"status: {current} → {target} {reason}".strip())
    _notify_parties(actor, match, target)
    return match


def _notify_parties(actor: User, match: Match, target: MatchStatus) -> None:
    """The employer hears of a presentation; the advisor hears the employer's answer. The
    notices name the opening, never the person (they may travel by e-mail)."""
    url = reverse("matching:match", kwargs={"match_id": match.uuid})
    opening = match.opening
    if target == MatchStatus.PRESENTED_EMPLOYER:
        employer_users = User.objects.filter(
            role=Role.EMPLOYER, employer_id=opening.workplace.employer_id, is_active=True
        )
        for user in employer_users:
            notification_create(
                recipient=user,
                key=f"match:{match.uuid}:{target}:{user.pk}",
                title=_("En kandidat er presentert for «%(title)s»") % {"title": opening.title},
                body=_("Se hva kandidaten kan og ønsker, og svar om dere vil møte hen."),
                url=url,
            )
    elif actor.role in (Role.EMPLOYER, Role.JOBSEEKER):
        advisor = match.process.advisor
        notification_create(
            recipient=advisor,
            key=f"match:{match.uuid}:{target}:{advisor.pk}",
            title=(
                _("Arbeidsgiveren har svart på presentasjonen til «%(title)s»")
                % {"title": opening.title}
                if actor.role == Role.EMPLOYER
                else _("Kandidaten har svart på forslaget «%(title)s»") % {"title": opening.title}
            ),
            body=f"Svar: {MatchStatus(target).label}.",
            url=url,
            urgent=target == MatchStatus.MEETING,
        )


@dataclass(frozen=True)
class CarvedOpeningInput:
    title: str
    kind: str
    purpose: str
    tasks: Sequence[int]
    description: str = ""


@transaction.atomic
def carve_to_opening(
    *,
    actor: User,
    process: InclusionProcess,
    workplace: Workplace,
    data: CarvedOpeningInput,
) -> Match:
    """Turn a carved set of tasks into a draft opening and propose it for the candidate."""
    if not policy.may_carve_job(actor, process):
        raise ValidationError(_("Rollen kan ikke snekre jobber for dette forløpet."))
    chosen = list(workplace.tasks.filter(pk__in=list(data.tasks)))
    if not chosen:
        raise ValidationError({"tasks": _("Velg minst én oppgave.")})
    hours = sum((task.hours_per_week for task in chosen), Decimal(0))
    opening = employer_services.opening_create(
        actor=actor,
        workplace=workplace,
        data=employer_services.OpeningInput(
            kind=data.kind,
            purpose=data.purpose,
            title=data.title,
            hours_per_week=hours,
            description=data.description,
            tasks=chosen,
        ),
    )
    result = selectors.explain(process, opening)
    reason = _("Jobbsnekret for kandidaten") if result.excluded else ""
    return match_propose(actor=actor, process=process, opening=opening, override_reason=reason)


@transaction.atomic
def meeting_create(
    *,
    actor: User,
    title: str,
    held_on: date | None,
    offices: Collection[Office],
    candidates_per_opening: int = 3,
) -> MatchMeeting:
    if actor.role != Role.EMPLOYER_CONTACT:
        raise ValidationError(_("Bare markedskontakter kaller inn til matchemøter."))
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = _("Gi møtet en tittel, f.eks. «Matchemøte uke 48».")
    if held_on is None:
        errors["held_on"] = _("Velg dato for møtet.")
    elif held_on < timezone.localdate():
        errors["held_on"] = _("Møtet kan ikke være tilbake i tid.")
    if not offices:
        errors["offices"] = _("Velg minst ett kontor.")
    if not 1 <= candidates_per_opening <= 10:
        errors["candidates_per_opening"] = _("Velg mellom 1 og 10 kandidater per stilling.")
    if errors:
        raise ValidationError(errors)
    assert held_on is not None
    meeting = MatchMeeting.objects.create(
        title=title.strip(),
        held_on=held_on,
        organiser=actor,
        candidates_per_opening=candidates_per_opening,
    )
    meeting.offices.set(offices)
    audit_record(
        actor=actor,
        subject=Subject("meeting", meeting.uuid),
        action=Action.CREATE,
        purpose=Purpose.CASE_WORK,
    )
    return meeting


@transaction.atomic
def meeting_prepare(*, actor: User, meeting: MatchMeeting) -> int:
    """The agenda: every open opening in the meeting's area with its best candidates from
    the offices' portfolios. Lines already handled are kept; the rest are recomputed."""
    if meeting.organiser_id != actor.pk:
        raise ValidationError(_("Bare den som kalte inn kan forberede agendaen."))
    regions = set(meeting.offices.values_list("pk", flat=True))
    meeting.lines.filter(outcome="", shared_at__isnull=True).delete()
    kept = set(meeting.lines.values_list("opening_id", "process_id"))
    processes = {
        p.candidate_id: p.pk
        for p in InclusionProcess.objects.filter(
            office_id__in=regions, phase__in=(Phase.MAPPING, Phase.JOB_SEARCH), ended_on=None
        ).order_by("started_on", "id")
    }
    created = 0
    for opening in open_openings().prefetch_related("tasks"):
        ranking = selectors.candidates_for_opening(
            opening, limit=meeting.candidates_per_opening, regions=regions
        )
        for rank, result in enumerate(ranking.results, start=1):
            process_id = processes.get(result.candidate_id)
            if process_id is None or (opening.pk, process_id) in kept:
                continue
            MeetingLine.objects.create(
                meeting=meeting,
                opening=opening,
                process_id=process_id,
                rank=rank,
                score=result.score,
            )
            created += 1
    meeting.prepared_at = timezone.now()
    meeting.save(update_fields=["prepared_at"])
    audit_record(
        actor=actor,
        subject=Subject("meeting", meeting.uuid),
        action=Action.CHANGE,
        purpose=Purpose.CASE_WORK,
        detail=_("agenda: %(created)s linjer") % {"created": created},
    )
    return created


def share_refusal(
    actor: User, line: MeetingLine, *, visible: Collection[int] | None = None
) -> ValidationError | None:
    """The candidate's own advisor shares them with the meeting, once. ``visible``: the
    ids of the processes ``actor`` sees among a page's lines (one query for the page)."""
    process = line.process
    if process.advisor_id != actor.pk or not (
        policy.may_change_process(actor, process)
        and (
            process.pk in visible
            if visible is not None
            else policy.processes_visible_to(actor).filter(pk=process.pk).exists()
        )
    ):
        return ValidationError(_("Bare kandidatens veileder kan dele kandidaten med møtet."))
    if line.shared_at is not None:
        return ValidationError(_("Kandidaten er allerede delt med møtet."))
    return None


def shareable_lines(actor: User, lines: Sequence[MeetingLine]) -> set[int]:
    """The lines ``actor`` may share with their meeting (``share_refusal`` for each)."""
    own = [line.process_id for line in lines if line.process.advisor_id == actor.pk]
    visible = set(
        policy.processes_visible_to(actor).filter(pk__in=own).values_list("pk", flat=True)
        if own
        else []
    )
    return {line.pk for line in lines if share_refusal(actor, line, visible=visible) is None}


@transaction.atomic
def meeting_share_line(*, actor: User, line: MeetingLine) -> MeetingLine:
    """The candidate's advisor shares them with the organiser, for this process only."""
    check(share_refusal(actor, line))
    process = line.process
    organiser = line.meeting.organiser
    if not process.members.filter(user=organiser, revoked_at__isnull=True).exists():
        process_invite_member(
            actor=actor,
            process=process,
            user=organiser,
            role=MemberRole.EMPLOYER_CONTACT,
            purpose=_("Matchemøte: %(title)s (%(held_on)s)")
            % {
                "title": line.meeting.title,
                "held_on": date_format(line.meeting.held_on, "SHORT_DATE_FORMAT"),
            },
        )
    line.shared_at = timezone.now()
    line.save(update_fields=["shared_at"])
    return line


@transaction.atomic
def meeting_record_outcome(
    *, actor: User, line: MeetingLine, outcome: str, note: str = ""
) -> MeetingLine:
    """The organiser records what the meeting decided; "propose" creates the match."""
    if line.meeting.organiser_id != actor.pk:
        raise ValidationError(_("Bare den som kalte inn kan føre utfallet."))
    if outcome not in LineOutcome.values or outcome == LineOutcome.OPEN:
        raise ValidationError({"outcome": _("Velg utfall for linjen.")})
    if outcome == LineOutcome.PROPOSE and line.match is None:
        existing = Match.objects.filter(process=line.process, opening=line.opening).first()
        line.match = existing or match_propose(
            actor=actor,
            process=line.process,
            opening=line.opening,
            override_reason=_("Foreslått i matchemøte %(held_on)s")
            % {"held_on": date_format(line.meeting.held_on, "SHORT_DATE_FORMAT")},
        )
    line.outcome, line.note = outcome, note.strip()[:500]
    line.save(update_fields=["outcome", "note", "match"])
    audit_record(
        actor=actor,
        subject=Subject("meeting_line", line.uuid, line.process.candidate.uuid),
        action=Action.CHANGE,
        purpose=Purpose.CASE_WORK,
        detail=_("utfall: %(outcome)s") % {"outcome": outcome},
    )
    return line


def draft_agreement_refusal(actor: User, match: Match) -> ValidationError | None:
    """An agreed match is drafted into an agreement once (the placement is arranged first)."""
    if match.status != MatchStatus.AGREED:
        return ValidationError(_("Avtalen skrives når partene er enige (matchen er «enige»)."))
    return create_refusal(actor, match.process, placed=False)


@transaction.atomic
def match_draft_agreement(*, actor: User, match: Match) -> Agreement:
    """An agreed match becomes the draft agreement: the process gets the opening's employer
    and workplace, and the draft the opening's purpose and tasks."""
    check(draft_agreement_refusal(actor, match))
    process = match.process
    workplace = match.opening.workplace
    if process.workplace_id != workplace.pk:
        process = process_arrange_placement(actor=actor, process=process, workplace=workplace)
    return agreement_create(actor=actor, process=process, opening=match.opening)
