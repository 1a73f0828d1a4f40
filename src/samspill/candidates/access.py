"""Access functions for candidates, and for what the person is owed: the export of
everything Samspill holds about them (GDPR art. 15 and 20) and correction requests
(art. 16).

Also the one consent-filtered view of a candidate (``candidate_view``), a candidate's card
and profile, and the jobseeker's own profile. Each function applies the policy, writes an
audit row for every display or export, and answers someone without access with 404 and a
denied audit row (``policy.audit.deny``). The jobseeker reaches their own data; the staff
who may change the candidate (``policy.may_change_candidate``) reach the export and the
correction requests.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from samspill import policy
from samspill.accounts.models import Role, User
from samspill.audit.models import Action, AuditEvent, Outcome, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.candidates import export, intake
from samspill.candidates.models import (
    AccommodationNeed,
    Candidate,
    CandidateField,
    CorrectionRequest,
)
from samspill.candidates.presentation import (
    CandidateView,
    ProfileChanges,
    Surface,
    visible_changes,
)
from samspill.candidates.selectors import profile_history_since
from samspill.policy.audit import deny, fields_detail

EXPORT = "export"
CORRECTION = "correction_request"


def candidate_view(
    user: User,
    candidate: Candidate,
    *,
    surface: frozenset[str],
    needs: Iterable[AccommodationNeed] | None = None,
) -> CandidateView:
    """The one consent-filtered view of ``candidate`` for ``user`` on a kind of surface."""
    fields = policy.candidate_fields_for(user, candidate)
    return CandidateView.build(candidate, fields, needs, surface=surface)


def candidate_get_for_user(*, user: User, candidate_id: UUID, purpose: Purpose) -> CandidateView:
    candidate = policy.candidates_visible_to(user).filter(uuid=candidate_id).first()
    if candidate is None:
        exists = Candidate.objects.filter(uuid=candidate_id).exists()
        deny(
            user=user,
            subject=Subject("candidate", candidate_id, candidate_id),
            purpose=purpose,
            action=Action.VIEW,
            why=_("utenfor brukerens tilgang") if exists else _("finnes ikke"),
            error=Http404(),
        )
    view = candidate_view(user, candidate, surface=Surface.CARD)
    audit_record(
        actor=user,
        subject=Subject("candidate", candidate.uuid, candidate.uuid, view.shown),
        action=Action.VIEW,
        purpose=purpose,
        detail=fields_detail(view.shown),
    )
    return view


@dataclass(frozen=True)
class ProfileAccess:
    """A candidate's profile as the user may see it. ``candidate`` is for services only."""

    candidate: Candidate
    view: CandidateView
    can_change: bool
    changes: ProfileChanges | None = None

    @property
    def shown(self) -> frozenset[str]:
        """The items the profile page discloses: the view and the change box."""
        return self.view.shown | (self.changes.items if self.changes else frozenset())


def _profile_access(
    user: User,
    candidate: Candidate,
    *,
    changes_since: bool,
    surface: frozenset[str] = Surface.PROFILE,
) -> ProfileAccess:
    view = candidate_view(user, candidate, surface=surface, needs=candidate.needs.all())
    last_seen = None
    if changes_since:
        last_seen = (
            AuditEvent.objects.filter(
                actor=user,
                object_type="profile",
                object_uuid=candidate.uuid,
                action=Action.VIEW,
                outcome=Outcome.ALLOWED,
            )
            .order_by("-at")
            .values_list("at", flat=True)
            .first()
        )
        # The reader's own edits are no news to them: count from their latest edit too.
        own_edit = (
            candidate.versions.filter(changed_by=user)
            .order_by("-changed_at")
            .values_list("changed_at", flat=True)
            .first()
        )
        if last_seen is not None and own_edit is not None:
            last_seen = max(last_seen, own_edit)
    changes = visible_changes(
        profile_history_since(candidate=candidate, since=last_seen),
        view.fields,
        show_editors=policy.may_see_internal(user),
    )
    return ProfileAccess(
        candidate=candidate,
        view=view,
        can_change=policy.may_change_candidate(user, candidate),
        changes=changes,
    )


def candidate_profile_for_user(
    *, user: User, candidate_id: UUID, purpose: Purpose, for_change: bool = False
) -> ProfileAccess:
    """The candidate's profile, with what changed since this user last looked at it."""
    candidate = policy.candidates_visible_to(user).filter(uuid=candidate_id).first()
    subject = Subject("profile", candidate_id, candidate_id)
    action = Action.CHANGE if for_change else Action.VIEW
    if candidate is None:
        why = "utenfor brukerens tilgang"
        if not Candidate.objects.filter(uuid=candidate_id).exists():
            why = _("finnes ikke")
        deny(user=user, subject=subject, purpose=purpose, action=action, why=why, error=Http404())
    access = _profile_access(user, candidate, changes_since=not for_change)
    if for_change and not access.can_change:
        deny(
            user=user,
            subject=subject,
            purpose=purpose,
            action=action,
            why=_("rollen kan ikke endre profilen"),
            error=PermissionDenied(),
        )
    # Opening a form to change the profile is logged as such, so that it does not count as
    # "the last time you looked" (that would hide a colleague's changes from the reader).
    audit_record(
        actor=user,
        subject=subject,
        action=action,
        purpose=purpose,
        detail=_("skjema åpnet") if for_change else fields_detail(access.shown),
        fields=access.shown,
    )
    return access


def own_profile_for_user(*, user: User, surface: frozenset[str] = Surface.PROFILE) -> ProfileAccess:
    """The jobseeker's own profile ("Min profil"; ``Surface.SHARING`` for «Hva jeg deler»)."""
    candidate = Candidate.objects.filter(user=user).first() if user.role == Role.JOBSEEKER else None
    if candidate is None:
        deny(
            user=user,
            subject=Subject("profile", None),
            purpose=Purpose.OWN_DATA,
            action=Action.VIEW,
            why=_("brukeren har ingen kandidatprofil"),
            error=Http404(),
        )
    access = _profile_access(user, candidate, changes_since=False, surface=surface)
    subject = Subject("profile", candidate.uuid, candidate.uuid, access.shown)
    audit_record(actor=user, subject=subject, action=Action.VIEW, purpose=Purpose.OWN_DATA)
    return access


def own_candidate(*, user: User, object_type: str, action: Action = Action.VIEW) -> Candidate:
    """The jobseeker's own candidate record; anyone else gets 404 and a denied row.

    Not logged when allowed: the caller logs what it shows."""
    candidate = Candidate.objects.filter(user=user).first() if user.role == Role.JOBSEEKER else None
    if candidate is None:
        deny(
            user=user,
            subject=Subject(object_type, None),
            purpose=Purpose.OWN_DATA,
            action=action,
            why=_("brukeren har ingen kandidatprofil"),
        )
    return candidate


def _candidate_for_staff(
    *, user: User, candidate_id: UUID, object_type: str, action: Action
) -> Candidate:
    """A candidate the user may change (advisor or manager who follows them up)."""
    candidate = policy.candidates_visible_to(user).filter(uuid=candidate_id).first()
    if candidate is None or not policy.may_change_candidate(user, candidate):
        exists = candidate is not None or Candidate.objects.filter(uuid=candidate_id).exists()
        deny(
            user=user,
            subject=Subject(object_type, candidate_id, candidate_id if exists else None),
            purpose=Purpose.CASE_WORK,
            action=action,
            why=_("utenfor brukerens tilgang") if exists else _("finnes ikke"),
        )
    return candidate


# -- «Last ned mine opplysninger» -------------------------------------------------------------


@dataclass(frozen=True)
class ExportAccess:
    candidate: Candidate
    data: dict[str, Any]
    own: bool


def export_for_user(*, user: User, candidate_id: UUID | None, fmt: str) -> ExportAccess:
    """Everything Samspill holds about the person, for them (``candidate_id`` ``None``) or
    for the staff who may change the candidate. Every export is an ``EXPORT`` audit row."""
    if candidate_id is None:
        candidate = own_candidate(user=user, object_type=EXPORT, action=Action.EXPORT)
        purpose = Purpose.OWN_DATA
    else:
        candidate = _candidate_for_staff(
            user=user, candidate_id=candidate_id, object_type=EXPORT, action=Action.EXPORT
        )
        purpose = Purpose.CASE_WORK
    view = candidate_view(user, candidate, surface=Surface.PROFILE, needs=candidate.needs.all())
    data = export.collect(candidate=candidate, view=view)
    audit_record(
        actor=user,
        subject=Subject(EXPORT, candidate.uuid, candidate.uuid),
        action=Action.EXPORT,
        purpose=purpose,
        detail=_("alle opplysninger (%(fmt)s)") % {"fmt": fmt},
        fields=view.shown,
    )
    return ExportAccess(candidate=candidate, data=data, own=candidate_id is None)


# -- «Be om retting» ---------------------------------------------------------------------------


def own_corrections_for_user(*, user: User) -> tuple[Candidate, list[CorrectionRequest]]:
    """The jobseeker's own correction requests, newest first (the display is logged)."""
    candidate = own_candidate(user=user, object_type=CORRECTION)
    requests = list(candidate.correction_requests.select_related("resolved_by"))
    audit_record(
        actor=user,
        subject=Subject(CORRECTION, None, candidate.uuid),
        action=Action.VIEW,
        purpose=Purpose.OWN_DATA,
        detail=_("egne ønsker om retting"),
    )
    return candidate, requests


@dataclass(frozen=True)
class CorrectionAccess:
    candidate: Candidate
    request: CorrectionRequest


def correction_get_for_user(
    *, user: User, candidate_id: UUID, correction_id: UUID
) -> CorrectionAccess:
    """One correction request of one candidate, for the staff who handle it."""
    candidate = _candidate_for_staff(
        user=user, candidate_id=candidate_id, object_type=CORRECTION, action=Action.CHANGE
    )
    request = (
        candidate.correction_requests.filter(uuid=correction_id)
        .select_related("created_by", "resolved_by")
        .first()
    )
    if request is None:
        deny(
            user=user,
            subject=Subject(CORRECTION, correction_id, candidate.uuid),
            purpose=Purpose.CASE_WORK,
            action=Action.CHANGE,
            why=_("finnes ikke for kandidaten"),
        )
    audit_record(
        actor=user,
        subject=Subject(CORRECTION, request.uuid, candidate.uuid),
        action=Action.VIEW,
        purpose=Purpose.CASE_WORK,
        detail=_("ønske om retting: %(field)s") % {"field": request.field},
        fields=[request.field],
    )
    return CorrectionAccess(candidate=candidate, request=request)


# -- Intake: registering a jobseeker, and the identity number --------------------------------

INTAKE = "candidate"


def require_intake(*, user: User) -> None:
    """The registration page and API are for advisors and managers at an office (the same
    ``intake.may_register`` the service asks); anyone else gets 403 and a denied row."""
    if not intake.may_register(user):
        deny(
            user=user,
            subject=Subject(INTAKE, None),
            purpose=Purpose.CASE_WORK,
            action=Action.CREATE,
            why=_("rollen kan ikke registrere jobbsøkere"),
            error=PermissionDenied(),
        )


def duplicate_for_user(
    *, user: User, existing: Candidate, surface: frozenset[str] = Surface.NAME
) -> CandidateView | None:
    """The person a registration found registered already: their name (the page links to
    them; the API, ``Surface.NONE``, gives only their id) if the user may see them, logged;
    otherwise ``None`` and a denied row (only that the number is registered, not who)."""
    if policy.candidates_visible_to(user).filter(pk=existing.pk).exists():
        view = candidate_view(user, existing, surface=surface)
        audit_record(
            actor=user,
            subject=Subject(INTAKE, existing.uuid, existing.uuid, view.shown),
            action=Action.VIEW,
            purpose=Purpose.CASE_WORK,
            detail=_("allerede registrert (fødselsnummer)"),
        )
        return view
    audit_record(
        actor=user,
        subject=Subject(INTAKE, existing.uuid, existing.uuid),
        action=Action.CREATE,
        purpose=Purpose.CASE_WORK,
        outcome=Outcome.DENIED,
        detail=_("allerede registrert, utenfor brukerens tilgang"),
    )
    return None


@dataclass(frozen=True)
class NationalIdAccess:
    candidate: Candidate
    view: CandidateView
    number: str


def national_id_for_user(*, user: User, candidate_id: UUID) -> NationalIdAccess:
    """The identity number unmasked, on request, to the staff who follow the person up
    (advisors and managers with access); every showing is its own audit row."""
    candidate = _candidate_for_staff(
        user=user, candidate_id=candidate_id, object_type=INTAKE, action=Action.VIEW
    )
    if not candidate.national_id:
        deny(
            user=user,
            subject=Subject(INTAKE, candidate.uuid, candidate.uuid),
            purpose=Purpose.CASE_WORK,
            why=_("ingen fødselsnummer registrert"),
        )
    view = candidate_view(user, candidate, surface=Surface.NAME)
    shown = view.shown | {CandidateField.NATIONAL_ID}
    audit_record(
        actor=user,
        subject=Subject(INTAKE, candidate.uuid, candidate.uuid, shown),
        action=Action.VIEW,
        purpose=Purpose.CASE_WORK,
        detail=_("fødselsnummer vist på forespørsel"),
    )
    return NationalIdAccess(candidate=candidate, view=view, number=candidate.national_id)
