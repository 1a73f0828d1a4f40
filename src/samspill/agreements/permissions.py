"""What a person may do to an agreement now: the one place both the services' guards and the
agreement page's buttons ask, so a page never offers what the service then refuses.

Each ``*_refusal`` returns ``None`` when the action is allowed, or the error the service
raises (with a Norwegian message, at its field where it has one).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from samspill import policy
from samspill.accounts.models import Role, User
from samspill.agreements import rules_check
from samspill.agreements.models import Agreement, Party, Stage
from samspill.agreements.transitions import EDITABLE, may_move
from samspill.processes.models import InclusionProcess

Refusal = ValidationError | None


def staff_refusal(actor: User, process: InclusionProcess) -> Refusal:
    """Advisors and managers who may change the process write its agreements."""
    if policy.may_change_process(actor, process) and (
        policy.processes_visible_to(actor).filter(pk=process.pk).exists()
    ):
        return None
    return ValidationError(_("Bare veiledere og ledere med tilgang til forløpet kan gjøre dette."))


def move_refusal(agreement: Agreement, target: Stage) -> Refusal:
    """The transition table's answer, in words."""
    if may_move(agreement.stage, target):
        return None
    return ValidationError(
        _("Avtalen kan ikke gå fra «%(current)s» til «%(target)s».")
        % {"current": Stage(agreement.stage).label, "target": target.label}
    )


def create_refusal(actor: User, process: InclusionProcess, *, placed: bool = True) -> Refusal:
    """A new draft: staff, and no agreement on the process still before conclusion.
    ``placed=False`` when the caller arranges the employer and workplace first."""
    if refusal := staff_refusal(actor, process):
        return refusal
    if placed and (process.employer_id is None or process.workplace_id is None):
        return ValidationError(
            _("Forløpet må ha en arbeidsgiver og en arbeidsplass før en avtale.")
        )
    if process.agreements.filter(stage__in=EDITABLE).exists():
        return ValidationError(_("Forløpet har allerede en avtale som ikke er inngått."))
    return None


def edit_refusal(actor: User, agreement: Agreement) -> Refusal:
    """The content (and NAV's commitments) is edited freely before conclusion."""
    if refusal := staff_refusal(actor, agreement.process):
        return refusal
    if agreement.stage not in EDITABLE:
        return ValidationError(_("En inngått avtale endres med en målrettet endring."))
    return None


def send_refusal(actor: User, agreement: Agreement) -> Refusal:
    """A complete draft is sent for approval; what is missing is named at its field."""
    refusal = staff_refusal(actor, agreement.process) or move_refusal(agreement, Stage.SENT)
    if refusal:
        return refusal
    gaps = rules_check.missing(agreement)
    return ValidationError(gaps) if gaps else None


def party_of(actor: User, agreement: Agreement) -> Party | None:
    """Which party ``actor`` approves for, if any."""
    process = agreement.process
    if actor.role == Role.JOBSEEKER and process.candidate.user_id == actor.pk:
        return Party.JOBSEEKER
    if actor.role == Role.EMPLOYER and actor.employer_id == process.employer_id:
        return Party.EMPLOYER
    if actor.role in (Role.ADVISOR, Role.MANAGER) and (
        policy.processes_visible_to(actor).filter(pk=process.pk).exists()
    ):
        return Party.ADVISOR
    return None


def _approved_by(agreement: Agreement) -> dict[str, int]:
    """The parties whose approval stands, with who gave it."""
    approvals = agreement.approvals.filter(withdrawn_at__isnull=True)
    return dict(approvals.values_list("party", "user_id"))


def approve_refusal(actor: User, agreement: Agreement) -> Refusal:
    """Jobseeker and employer approve in either order, the advisor last."""
    party = party_of(actor, agreement)
    if party is None:
        return ValidationError(_("Du er ikke part i denne avtalen."))
    if agreement.stage != Stage.SENT:
        return ValidationError(_("Avtalen er ikke sendt til godkjenning."))
    given = _approved_by(agreement)
    if party in given:
        return ValidationError(_("Du har allerede godkjent avtalen."))
    if party == Party.ADVISOR and not {Party.JOBSEEKER, Party.EMPLOYER} <= set(given):
        return ValidationError(
            _("Veilederen godkjenner sist, etter arbeidssøkeren og arbeidsgiveren.")
        )
    return None


def conclude_refusal(actor: User, agreement: Agreement) -> Refusal:
    """Four eyes: a measure that pays money is concluded by a second approver, not the
    advisor who approved it."""
    if refusal := staff_refusal(actor, agreement.process):
        return refusal
    given = _approved_by(agreement)
    if agreement.stage != Stage.SENT or set(given) != set(Party):
        return ValidationError(_("Alle tre parter må ha godkjent før avtalen kan inngås."))
    if given[Party.ADVISOR] == actor.pk:
        return ValidationError(
            _(
                "Fire øyne: avtalen gir tilskudd, så en annen enn veilederen som godkjente "
                "må inngå den."
            )
        )
    return None


def change_refusal(actor: User, agreement: Agreement) -> Refusal:
    """After conclusion, targeted changes make new versions."""
    if refusal := staff_refusal(actor, agreement.process):
        return refusal
    if agreement.stage != Stage.CONCLUDED:
        return ValidationError(_("Bare en inngått avtale endres på denne måten."))
    return None


def cancel_refusal(actor: User, agreement: Agreement) -> Refusal:
    return staff_refusal(actor, agreement.process) or move_refusal(agreement, Stage.CANCELLED)


def check(refusal: Refusal) -> None:
    """The services' guard: raise the refusal, if any."""
    if refusal is not None:
        raise refusal


@dataclass(frozen=True)
class Offered:
    """The actions the agreement page offers ``actor``, each asked of its predicate."""

    edit: bool
    send: bool
    approve: bool
    conclude: bool
    change: bool
    cancel: bool


def offered_to(actor: User, agreement: Agreement) -> Offered:
    return Offered(
        edit=edit_refusal(actor, agreement) is None,
        send=send_refusal(actor, agreement) is None,
        approve=approve_refusal(actor, agreement) is None,
        conclude=conclude_refusal(actor, agreement) is None,
        change=change_refusal(actor, agreement) is None,
        cancel=cancel_refusal(actor, agreement) is None,
    )
