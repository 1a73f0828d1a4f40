"""Writes for agreements: draft, edit, send, approve, conclude, change, cancel.

Every write locks the agreement row, checks the revision the user's form was built from
(so a second, concurrent save is refused rather than silently overwriting), validates with
Norwegian messages at the field, runs in one transaction and writes an audit row.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from samspill.accounts.models import Role, User
from samspill.agreements import chain, measures, rules_check, subsidy
from samspill.agreements.models import (
    Agreement,
    Approval,
    CancelReason,
    Commitment,
    Event,
    Party,
    Purpose,
    Stage,
    Version,
)
from samspill.agreements.permissions import (
    approve_refusal,
    cancel_refusal,
    change_refusal,
    check,
    conclude_refusal,
    create_refusal,
    edit_refusal,
    move_refusal,
    party_of,
    send_refusal,
)
from samspill.agreements.transitions import EDITABLE
from samspill.audit.models import Action
from samspill.audit.models import Purpose as AuditPurpose
from samspill.audit.services import Subject, audit_record
from samspill.candidates.models import Candidate, CandidateField
from samspill.candidates.selectors import consent_state
from samspill.employers.models import Opening, OpeningPurpose
from samspill.processes.models import InclusionProcess, Phase

DEFAULT_TEXTS = {
    "employer_duties": gettext_lazy(
        "Lærer opp i arbeidsoppgavene og gir beskjed til kontaktpersonen i NAV "
        "hvis noe ikke fungerer."
    ),
    "support_duties": gettext_lazy(
        "Følger opp på arbeidsplassen og tar seg av forhold utenfor jobben "
        "(NAV tar seg av utenomting)."
    ),
    "jobseeker_duties": gettext_lazy("Møter til avtalt tid og sier fra hvis noe er vanskelig."),
    "ending": gettext_lazy(
        "Hvis det ikke fungerer, møtes vi alle tre, snakker om hva som gikk bra, og "
        "avslutter på en ordentlig måte."
    ),
}
#: Fields each targeted change after conclusion may touch.
CHANGE_KINDS: dict[str, tuple[StrOrPromise, tuple[str, ...]]] = {
    "extend": (gettext_lazy("Forlenge"), ("end_on",)),
    "shorten": (gettext_lazy("Forkorte"), ("end_on",)),
    "hours": (gettext_lazy("Endre arbeidstid"), ("hours_per_week", "working_hours")),
    "pay": (
        gettext_lazy("Endre lønn og tilskudd"),
        (
            "monthly_wage",
            "holiday_pay_rate",
            "pension_rate",
            "employer_tax_rate",
            "percentage",
            "mentor_wage",
            "mentor_wage_period",
            "mentor_position_percent",
            "mentor_hours_per_month",
            "expenses",
            "override_reason",
        ),
    ),
    "followup": (
        gettext_lazy("Endre oppfølgingen"),
        ("followup_frequency", "followup_forms", "followup_note"),
    ),
    "accommodations": (gettext_lazy("Endre tilretteleggingen"), ("accommodations",)),
    "contact": (
        gettext_lazy("Bytte kontaktperson"),
        ("nav_contact", "nav_contact_phone", "employer_contact"),
    ),
}
STALE_AFTER_WEEKS = 12


def _subject(agreement: Agreement) -> Subject:
    return Subject("agreement", agreement.uuid, agreement.process.candidate.uuid)


def _audit(actor: User, agreement: Agreement, detail: str, action: Action = Action.CHANGE) -> None:
    purposes: dict[str, AuditPurpose] = {
        Role.EMPLOYER: AuditPurpose.EMPLOYER_PORTAL,
        Role.JOBSEEKER: AuditPurpose.OWN_DATA,
    }
    purpose = purposes.get(actor.role, AuditPurpose.CASE_WORK)
    audit_record(
        actor=actor, subject=_subject(agreement), action=action, purpose=purpose, detail=detail
    )


def _lock(agreement: Agreement, revision: int | None) -> Agreement:
    locked = (
        Agreement.objects.select_for_update(of=("self",))
        .select_related("process__candidate", "process__employer", "workplace")
        .get(pk=agreement.pk)
    )
    if revision is not None and revision != locked.revision:
        who = locked.updated_by.display_name if locked.updated_by else _("en annen")
        raise ValidationError(
            _(
                "Avtalen ble endret av %(who)s mens du arbeidet med den. Ingenting av ditt er "
                "lagret ennå: se over endringene under og lagre på nytt."
            )
            % {"who": who}
        )
    return locked


def _move(actor: User, agreement: Agreement, target: Stage, note: str = "") -> None:
    check(move_refusal(agreement, target))
    Event.objects.create(
        agreement=agreement, from_stage=agreement.stage, to_stage=target, note=note, by=actor
    )
    agreement.stage = target


@transaction.atomic
def agreement_create(
    *, actor: User, process: InclusionProcess, opening: Opening | None = None
) -> Agreement:
    """A draft on a placed process, with the parties and plain defaults filled in; from an
    agreed match, ``opening`` gives the purpose and the tasks."""
    check(create_refusal(actor, process))
    advisor = process.advisor
    assert process.employer is not None
    agreement = Agreement.objects.create(
        process=process,
        workplace=process.workplace,
        employer_contact=process.employer.contact_persons.order_by("id").first(),
        nav_contact=advisor,
        nav_contact_phone=advisor.phone,
        purpose=_purpose_for(process, opening),
        goals=_own_goals(process.candidate),
        created_by=actor,
        updated_by=actor,
        **(DEFAULT_TEXTS | _from_opening(opening)),
    )
    Event.objects.create(agreement=agreement, to_stage=Stage.DRAFT, by=actor)
    _audit(actor, agreement, "utkast opprettet", Action.CREATE)
    return agreement


def _own_goals(candidate: Candidate) -> str:
    """The jobseeker's own words as the draft's goals, but only if they share their
    interests with employers: the employer reads the agreement."""
    if CandidateField.INTERESTS not in consent_state(candidate=candidate).items:
        return ""
    return candidate.own_wishes or candidate.own_motivation


_PURPOSE_OF_OPENING = {
    OpeningPurpose.TRIAL: Purpose.TRIAL,
    OpeningPurpose.TRAINING: Purpose.WORK_TRAINING,
    OpeningPurpose.EMPLOYMENT: Purpose.EMPLOYMENT,
}


def _purpose_for(process: InclusionProcess, opening: Opening | None) -> Purpose:
    if opening is not None:
        return _PURPOSE_OF_OPENING[OpeningPurpose(opening.purpose)]
    return Purpose.EMPLOYMENT if process.phase == Phase.EMPLOYMENT else Purpose.TRIAL


def _from_opening(opening: Opening | None) -> dict[str, Any]:
    """The opening's tasks as the agreement's task text, its hours and its start date (the
    parties edit them further)."""
    if opening is None:
        return {}
    lines = [f"- {task.name}" for task in opening.tasks.all()]
    text = "\n".join([opening.description, *lines]).strip()
    values: dict[str, Any] = {"hours_per_week": opening.hours_per_week}
    if opening.starts_on is not None:
        values["start_on"] = opening.starts_on
    return values | ({"tasks": text} if text else {})


def _apply(agreement: Agreement, values: dict[str, Any]) -> list[str]:
    """Set ``values`` and return the names of the fields that changed; numbers and dates
    outside their sane range are refused at their field first."""
    errors = subsidy.check_inputs(values)
    if errors:
        raise ValidationError(errors)
    changed = []
    for name, value in values.items():
        if getattr(agreement, name) != value:
            setattr(agreement, name, value)
            changed.append(name)
    return changed


def _labels(names: list[str]) -> str:
    fields = [Agreement._meta.get_field(n) for n in names]
    return ", ".join(str(getattr(f, "verbose_name", f.name)) for f in fields)


def _withdraw_approvals(agreement: Agreement, reason: str) -> int:
    return agreement.approvals.filter(withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now(), withdrawn_reason=reason[:300]
    )


def _edited(actor: User, agreement: Agreement, what: str) -> None:
    """After an edit before conclusion: withdraw approvals, back to draft, save, audit."""
    reason = _("Avtalen ble endret av %(display_name)s (%(what)s)") % {
        "display_name": actor.display_name,
        "what": what,
    }
    _withdraw_approvals(agreement, reason)
    if agreement.stage == Stage.SENT:
        _move(actor, agreement, Stage.DRAFT, reason)
    agreement.revision += 1
    agreement.updated_by = actor
    agreement.save()
    _audit(actor, agreement, f"endret: {what}")


@transaction.atomic
def agreement_update(
    *, actor: User, agreement: Agreement, revision: int, values: dict[str, Any]
) -> Agreement:
    """Edit the content before conclusion; any change withdraws the approvals given."""
    agreement = _lock(agreement, revision)
    check(edit_refusal(actor, agreement))
    referrals = values.get("referrals", [])
    if any(measures.MEASURES[code].kind != measures.Kind.REFERRAL for code in referrals):
        raise ValidationError({"referrals": _("Velg bare tiltak som er henvisninger.")})
    changed = _apply(agreement, values)
    if not changed:
        return agreement
    agreement.overridden_rules = rules_check.enforce(agreement)
    _edited(actor, agreement, _labels(changed))
    return agreement


@transaction.atomic
def agreement_add_commitment(
    *, actor: User, agreement: Agreement, revision: int, text: str, deadline: date, owner: str
) -> Commitment:
    agreement = _lock(agreement, revision)
    check(edit_refusal(actor, agreement))
    if not text.strip():
        raise ValidationError({"text": _("Skriv hva NAV skal gjøre.")})
    if not owner.strip():
        raise ValidationError({"owner": _("Skriv hvem i NAV som har ansvaret.")})
    commitment = agreement.commitments.create(text=text.strip(), deadline=deadline, owner=owner)
    _edited(actor, agreement, "NAVs forpliktelser")
    return commitment


@transaction.atomic
def agreement_remove_commitment(
    *, actor: User, agreement: Agreement, revision: int, commitment_id: Any
) -> None:
    agreement = _lock(agreement, revision)
    check(edit_refusal(actor, agreement))
    if not agreement.commitments.filter(uuid=commitment_id).delete()[0]:
        raise ValidationError(_("Forpliktelsen finnes ikke i denne avtalen."))
    _edited(actor, agreement, "NAVs forpliktelser")


@transaction.atomic
def agreement_send(*, actor: User, agreement: Agreement, revision: int) -> Agreement:
    """Send a complete draft to the parties for approval."""
    agreement = _lock(agreement, revision)
    check(send_refusal(actor, agreement))
    rules_check.enforce(agreement)
    _move(actor, agreement, Stage.SENT)
    agreement.save(update_fields=["stage", "updated_at"])
    _audit(actor, agreement, _("sendt til godkjenning"))
    return agreement


def _conclude(actor: User, agreement: Agreement, *, kind: str = "", reason: str = "") -> Version:
    agreement.refresh_from_db()  # the snapshot holds the values as stored, not as typed
    previous = agreement.versions.order_by("-number").first()
    version = Version(
        agreement=agreement,
        number=previous.number + 1 if previous else 1,
        snapshot=chain.snapshot_of(agreement),
        change_kind=kind,
        change_reason=reason[:500],
        previous_hash=previous.hash if previous else "",
        created_at=timezone.now().replace(microsecond=0),
        created_by=actor,
    )
    version.hash = chain.hash_of(version)
    version.save()
    head = chain.sealed_head(agreement, version)
    Agreement.objects.filter(pk=agreement.pk).update(**head)
    for name, value in head.items():
        setattr(agreement, name, value)
    return version


@transaction.atomic
def agreement_approve(*, actor: User, agreement: Agreement, revision: int) -> Approval:
    """A party approves the revision they saw: jobseeker and employer in either order,
    the advisor last. Without money involved the advisor's approval concludes it."""
    agreement = _lock(agreement, revision)
    check(approve_refusal(actor, agreement))
    party = party_of(actor, agreement)
    assert party is not None
    approval = agreement.approvals.create(party=party, user=actor, revision=agreement.revision)
    _audit(actor, agreement, _("godkjent av %(party)s") % {"party": Party(party).label.lower()})
    measure = measures.MEASURES.get(agreement.measure)
    if party == Party.ADVISOR and (measure is None or not measure.pays_money):
        _move(actor, agreement, Stage.CONCLUDED, _("inngått"))
        agreement.save(update_fields=["stage", "updated_at"])
        _conclude(actor, agreement)
    return approval


@transaction.atomic
def agreement_conclude(*, actor: User, agreement: Agreement, revision: int) -> Version:
    """Four eyes: a measure that pays money is concluded by a second approver, not the
    advisor who approved it."""
    agreement = _lock(agreement, revision)
    check(conclude_refusal(actor, agreement))
    _move(actor, agreement, Stage.CONCLUDED, _("inngått"))
    agreement.save(update_fields=["stage", "updated_at"])
    version = _conclude(actor, agreement)
    _audit(actor, agreement, _("inngått, versjon %(number)s") % {"number": version.number})
    return version


@transaction.atomic
def agreement_change(
    *,
    actor: User,
    agreement: Agreement,
    revision: int,
    kind: str,
    reason: str,
    values: dict[str, Any],
) -> Version:
    """A targeted change after conclusion; each makes a new concluded version."""
    agreement = _lock(agreement, revision)
    check(change_refusal(actor, agreement))
    if kind not in CHANGE_KINDS:
        raise ValidationError({"kind": _("Velg hva som skal endres.")})
    label, allowed = CHANGE_KINDS[kind]
    values = {name: value for name, value in values.items() if name in allowed}
    old_end = agreement.end_on
    changed = _apply(agreement, values)
    if not changed:
        raise ValidationError(_("Ingenting er endret."))
    end = agreement.end_on
    if kind == "extend" and (old_end is None or end is None or end <= old_end):
        raise ValidationError({"end_on": _("En forlengelse må ha en senere sluttdato.")})
    if kind == "shorten":
        if old_end is None or end is None or end >= old_end:
            raise ValidationError({"end_on": _("En forkortelse må ha en tidligere sluttdato.")})
        if not reason.strip():
            raise ValidationError({"reason": _("Skriv hvorfor avtalen forkortes.")})
    agreement.overridden_rules = rules_check.enforce(agreement)
    agreement.revision += 1
    agreement.updated_by = actor
    agreement.save()
    version = _conclude(actor, agreement, kind=kind, reason=reason.strip() or str(label))
    _move(actor, agreement, Stage.CONCLUDED, f"{label}: {_labels(changed)}")
    _audit(actor, agreement, f"{label.lower()}, versjon {version.number}")
    return version


@transaction.atomic
def agreement_cancel(
    *, actor: User, agreement: Agreement, revision: int | None, reason: str, note: str = ""
) -> Agreement:
    agreement = _lock(agreement, revision)
    check(cancel_refusal(actor, agreement))
    if reason not in CancelReason.values or reason == CancelReason.STALE:
        raise ValidationError({"reason": _("Velg hvorfor avtalen avbrytes.")})
    _move(actor, agreement, Stage.CANCELLED, f"{CancelReason(reason).label}. {note}".strip())
    agreement.cancel_reason, agreement.cancel_note = reason, note.strip()[:500]
    agreement.revision += 1
    agreement.save()
    _audit(actor, agreement, f"avbrutt: {reason}")
    return agreement


@transaction.atomic
def agreements_expire_drafts(*, now: Any = None) -> tuple[int, int]:
    """Cancel drafts untouched for 12 weeks; mark those a week from it as warned.

    Run by a timer (``manage.py agreements_expire_drafts``). Returns (warned, cancelled).
    """
    now = now or timezone.now()
    stale = now - timedelta(weeks=STALE_AFTER_WEEKS)
    drafts = Agreement.objects.filter(stage__in=EDITABLE)
    cancelled = 0
    for agreement in drafts.filter(updated_at__lte=stale).select_for_update():
        Event.objects.create(
            agreement=agreement,
            from_stage=agreement.stage,
            to_stage=Stage.CANCELLED,
            note=str(CancelReason.STALE.label),
        )
        agreement.stage, agreement.cancel_reason = Stage.CANCELLED, CancelReason.STALE
        agreement.revision += 1
        Agreement.objects.filter(pk=agreement.pk).update(
            stage=agreement.stage,
            cancel_reason=agreement.cancel_reason,
            revision=agreement.revision,
        )
        cancelled += 1
    warned = drafts.filter(
        updated_at__lte=stale + timedelta(weeks=1), stale_warned_at__isnull=True
    ).update(stale_warned_at=now)
    return warned, cancelled
