"""A candidate as one user may see them: the one consent-filtered view of a person.

Every surface that shows anything about a candidate (pages, the change box, the API,
PDFs, exports, e-mails, notifications, explanations) renders one of these views, built by
the access functions from the items the access policy grants and the surface needs.
Nothing else reads a candidate's personal fields for display. Which item grants which
model field is ``ITEM_OF_FIELD`` (candidates/models.py); accommodation needs reach
employers only by their employer text. ``CandidateView.shown`` is exactly what the view
holds, and it is what the audit row of a display records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.utils import timezone
from django.utils.translation import gettext as _

from samspill.candidates.models import (
    ALL_FIELDS,
    ITEM_OF_FIELD,
    AccommodationNeed,
    Candidate,
    CandidateField,
    NeedLevel,
)
from samspill.candidates.national_id import masked
from samspill.candidates.needs import CATEGORY_OF, NEED_CONSENT_PREFIX, NEED_TYPES
from samspill.candidates.profile import FieldChange, ProfileHistory, diff, display
from samspill.lib.dates import add_months
from samspill.rules import NEED_REVIEW_AFTER_MONTHS

#: A surface member meaning: each accommodation need by its employer text only.
EACH_NEED = NEED_CONSENT_PREFIX


#: What each kind of surface renders of a person. A view is built with the granted items
#: narrowed to its surface, so it holds (and its audit row names) no more than is shown.
class Surface:
    #: Nothing of the person: records about the process (the API's contact log, plans).
    NONE: frozenset[str] = frozenset()
    #: Only who it is: the parties of an agreement.
    NAME = frozenset({CandidateField.NAME})
    #: A search hit: name and birth date, to tell namesakes apart.
    IDENTITY = frozenset({CandidateField.NAME, CandidateField.BIRTH_DATE})
    #: A row in a list (portfolio, worklist, pipeline, start pages), a page about the
    #: process that names the person (follow-up plan, forms).
    ROW = frozenset({CandidateField.NAME, CandidateField.AGE})
    #: The card on the process page and in API process responses.
    CARD = frozenset(
        {
            CandidateField.NAME,
            CandidateField.AGE,
            CandidateField.BIRTH_DATE,
            CandidateField.GENDER,
            CandidateField.MUNICIPALITY,
            CandidateField.CONTACT,
            CandidateField.NEED_LEVEL,
        }
    )
    #: The candidate presentation (a match): what the person can and wants, strengths first.
    PRESENTATION = frozenset(
        {
            CandidateField.NAME,
            CandidateField.AGE,
            CandidateField.INTERESTS,
            CandidateField.STRENGTHS,
            CandidateField.EXPERIENCE,
            CandidateField.WISHES,
            CandidateField.NEEDS,
        }
    )
    #: The person's sharing choices («Hva jeg deler»): each need as an employer would
    #: read it, to choose among (``EACH_NEED``: single needs, never their descriptions).
    SHARING = frozenset({EACH_NEED})
    #: The whole profile: the candidate page, the API's candidate.
    PROFILE = ALL_FIELDS
    #: What a match or carving explanation draws on (the engine reads the whole profile:
    #: interests, strengths, experience, wishes, places, needs and age).
    EXPLANATION = frozenset(
        {
            CandidateField.AGE,
            CandidateField.INTERESTS,
            CandidateField.STRENGTHS,
            CandidateField.EXPERIENCE,
            CandidateField.WISHES,
            CandidateField.PLACES,
            CandidateField.NEEDS,
        }
    )


def may_explain(fields: frozenset[str]) -> bool:
    """Only a viewer granted everything an explanation draws on may read it."""
    return fields >= Surface.EXPLANATION


def narrowed(
    fields: frozenset[str], surface: frozenset[str], needs: Iterable[str] = ()
) -> frozenset[str]:
    """The granted items a surface may render (single needs go with the needs item; on an
    ``EACH_NEED`` surface the full needs item becomes each of ``needs`` by itself)."""
    keep = set(fields & surface)
    if CandidateField.NEEDS in surface or EACH_NEED in surface:
        keep |= {item for item in fields if item.startswith(NEED_CONSENT_PREFIX)}
    if EACH_NEED in surface and CandidateField.NEEDS in fields:
        keep |= {f"{NEED_CONSENT_PREFIX}{code}" for code in needs}
    keep.discard(EACH_NEED)
    return frozenset(keep)


def granted(name: str, fields: frozenset[str]) -> bool:
    """May a viewer with ``fields`` see the candidate model field ``name``?"""
    item = ITEM_OF_FIELD[name]
    return item is not None and item in fields


@dataclass(frozen=True)
class NeedView:
    code: str
    category: str
    label: str
    detail: str | None
    last_confirmed: date | None
    due_for_review: bool


@dataclass(frozen=True)
class OwnWords:
    """What the jobseeker wrote themself, shown as theirs."""

    interests: str | None
    strengths: str | None
    motivation: str | None
    wishes: str | None
    updated_at: datetime | None

    @property
    def is_empty(self) -> bool:
        return not any((self.interests, self.strengths, self.motivation, self.wishes))


@dataclass(frozen=True)
class ProfileView:
    interests: str | None
    resources: str | None
    experience: str | None
    education: str | None
    hours: str | None
    times_of_day: str | None
    sectors: str | None
    places: str | None
    max_commute_km: int | None
    avoid: str | None
    main_goal: str | None
    benefit: str | None
    time_outside_work: str | None
    own: OwnWords
    needs: list[NeedView]

    @property
    def needs_due_for_review(self) -> int:
        return sum(need.due_for_review for need in self.needs)


def review_cutoff(today: date | None = None) -> date:
    """Needs last confirmed before this date are due for review."""
    return add_months(today or timezone.localdate(), -NEED_REVIEW_AFTER_MONTHS.value)


def _need_visible(code: str, fields: frozenset[str]) -> bool:
    return code in NEED_TYPES and (
        CandidateField.NEEDS in fields or f"{NEED_CONSENT_PREFIX}{code}" in fields
    )


def _need_views(
    needs: Iterable[AccommodationNeed], fields: frozenset[str], today: date
) -> list[NeedView]:
    cutoff, full = review_cutoff(today), CandidateField.NEEDS in fields
    return [
        NeedView(
            code=need.code,
            category=str(CATEGORY_OF[need.code].label),
            label=str(NEED_TYPES[need.code].label if full else NEED_TYPES[need.code].employer_text),
            detail=(need.detail or None) if full else None,
            last_confirmed=need.last_confirmed if full else None,
            due_for_review=full and need.last_confirmed < cutoff,
        )
        for need in needs
        if _need_visible(need.code, fields)
    ]


def _hours(candidate: Candidate) -> str | None:
    low, high = candidate.hours_min, candidate.hours_max
    if low is None and high is None:
        return None
    if high is None:
        return _("minst %(low)s timer per uke") % {"low": low}
    if low is None:
        return _("inntil %(high)s timer per uke") % {"high": high}
    if low == high:
        return _("%(low)s timer per uke") % {"low": low}
    return _("%(low)s–%(high)s timer per uke") % {"low": low, "high": high}


def build_profile(
    candidate: Candidate, fields: frozenset[str], needs: Iterable[AccommodationNeed]
) -> ProfileView:
    def value(name: str) -> str | None:
        """A granted text or choice field as people read it; ``None`` if empty or hidden."""
        if not granted(name, fields) or getattr(candidate, name) in ("", None, []):
            return None
        return display(name, getattr(candidate, name))

    return ProfileView(
        interests=value("interests"),
        resources=value("resources"),
        experience=value("experience"),
        education=value("education"),
        hours=_hours(candidate) if granted("hours_min", fields) else None,
        times_of_day=value("times_of_day"),
        sectors=value("sectors"),
        places=value("places"),
        max_commute_km=candidate.max_commute_km if granted("max_commute_km", fields) else None,
        avoid=value("avoid"),
        main_goal=value("main_goal"),
        benefit=value("benefit"),
        time_outside_work=value("time_outside_work"),
        own=OwnWords(
            interests=value("own_interests"),
            strengths=value("own_strengths"),
            motivation=value("own_motivation"),
            wishes=value("own_wishes"),
            updated_at=candidate.own_updated_at if granted("own_interests", fields) else None,
        ),
        needs=_need_views(needs, fields, timezone.localdate()),
    )


def _profile_items(profile: ProfileView) -> set[str]:
    """The items a profile view holds a value for."""
    shown: set[str] = set()
    for name, item in ITEM_OF_FIELD.items():
        holder: object = profile.own if name.startswith("own_") else profile
        attribute = name.removeprefix("own_") if holder is profile.own else name
        attribute = "hours" if attribute in ("hours_min", "hours_max") else attribute
        if item is not None and getattr(holder, attribute, None) not in (None, ""):
            shown.add(item)
    for need in profile.needs:
        shown.add(
            CandidateField.NEEDS
            if need.last_confirmed is not None
            else f"{NEED_CONSENT_PREFIX}{need.code}"
        )
    return shown


@dataclass(frozen=True)
class CandidateView:
    uuid: UUID
    fields: frozenset[str]
    name: str | None
    age: int | None
    municipality: str | None
    phone: str | None
    email: str | None
    birth_date: date | None
    need_level: str | None
    gender: str | None
    profile: ProfileView | None = None
    #: «010190 *****»: the identity number shows no more than the birth date, so it goes
    #: with that item; unmasked only through ``access.national_id_for_user``.
    national_id_masked: str | None = None

    @classmethod
    def build(
        cls,
        candidate: Candidate,
        fields: frozenset[str],
        needs: Iterable[AccommodationNeed] | None = None,
        *,
        surface: frozenset[str] = Surface.PROFILE,
    ) -> CandidateView:
        """``needs`` given (even empty) means: include the profile (detail pages)."""
        needs = None if needs is None else list(needs)
        fields = narrowed(fields, surface, [need.code for need in needs or ()])

        def has(field: CandidateField) -> bool:
            return field in fields

        return cls(
            uuid=candidate.uuid,
            fields=fields,
            name=candidate.full_name if has(CandidateField.NAME) else None,
            age=candidate.age_on(timezone.localdate()) if has(CandidateField.AGE) else None,
            municipality=(candidate.municipality or None)
            if has(CandidateField.MUNICIPALITY)
            else None,
            phone=(candidate.phone or None) if has(CandidateField.CONTACT) else None,
            email=(candidate.email or None) if has(CandidateField.CONTACT) else None,
            birth_date=candidate.birth_date if has(CandidateField.BIRTH_DATE) else None,
            need_level=(
                str(NeedLevel(candidate.need_level).label)
                if has(CandidateField.NEED_LEVEL) and candidate.need_level
                else None
            ),
            gender=(
                candidate.get_gender_display()
                if has(CandidateField.GENDER) and candidate.gender
                else None
            ),
            profile=None if needs is None else build_profile(candidate, fields, needs),
            national_id_masked=(
                masked(candidate.national_id)
                if has(CandidateField.BIRTH_DATE) and candidate.national_id
                else None
            ),
        )

    @property
    def shown(self) -> frozenset[str]:
        """Exactly the items this view holds a value for: what a display of it discloses."""
        values = {
            CandidateField.NAME: self.name,
            CandidateField.AGE: self.age,
            CandidateField.MUNICIPALITY: self.municipality,
            CandidateField.CONTACT: self.phone or self.email,
            CandidateField.BIRTH_DATE: self.birth_date,
            CandidateField.NEED_LEVEL: self.need_level,
            CandidateField.GENDER: self.gender,
        }
        shown = {str(item) for item, value in values.items() if value is not None}
        if self.profile is not None:
            shown |= _profile_items(self.profile)
        return frozenset(shown)

    @property
    def display_name(self) -> str:
        return self.name or _("Kandidat (navn ikke delt)")


# --- the change box («Endret siden du så profilen») ------------------------------------------


def visible_snapshot(data: dict[str, Any], fields: frozenset[str]) -> dict[str, Any]:
    """A stored profile snapshot narrowed to what a viewer with ``fields`` may see now.

    Needs are kept as ``{code: detail}`` for the full needs item; a viewer with single
    needs shared gets only those codes, under their employer text and without detail.
    """
    visible = {
        name: value
        for name, value in data.items()
        if name in ITEM_OF_FIELD and granted(name, fields)
    }
    needs = data.get("needs") or {}
    if CandidateField.NEEDS in fields:
        visible["needs"] = needs
    else:
        shared = {code: "" for code in needs if _need_visible(code, fields)}
        if shared or any(i.startswith(NEED_CONSENT_PREFIX) for i in fields):
            visible["employer_needs"] = sorted(NEED_TYPES[code].employer_text for code in shared)
    return visible


@dataclass(frozen=True)
class ProfileChanges:
    """What changed since the viewer last looked, narrowed to what they may see now."""

    since: datetime
    changes: list[FieldChange]
    #: Who made the changes; empty for a viewer who may not know (outside NAV's staff).
    changed_by: list[str]
    #: The items the box discloses (for the audit row).
    items: frozenset[str]


def visible_changes(
    history: ProfileHistory | None, fields: frozenset[str], *, show_editors: bool
) -> ProfileChanges | None:
    """The change box for one viewer: only fields they may see now, nothing for a
    withdrawn item, and the editors' names only for those who may see them."""
    if history is None:
        return None
    changes = diff(
        visible_snapshot(history.before, fields), visible_snapshot(history.after, fields)
    )
    if not changes:
        return None
    return ProfileChanges(
        since=history.since,
        changes=changes,
        changed_by=history.changed_by if show_editors else [],
        items=_changed_items(changes, fields),
    )


def _changed_items(changes: list[FieldChange], fields: frozenset[str]) -> frozenset[str]:
    items: set[str] = set()
    for change in changes:
        if change.name == "needs":
            items.add(CandidateField.NEEDS)
        elif change.name == "employer_needs":
            items |= {i for i in fields if i.startswith(NEED_CONSENT_PREFIX)}
        elif (item := ITEM_OF_FIELD.get(change.name)) is not None:
            items.add(item)
    return frozenset(items)


# --- «Dette får arbeidsgiveren vite» (the agreement) ----------------------------------------


@dataclass(frozen=True)
class SharedWithEmployer:
    """What the candidate's consent lets the employer know, as one viewer may see it:
    the kinds of information by name, and the shared needs by their employer text."""

    labels: list[str]
    needs: list[str]
    #: The items the list discloses (the need texts; the kinds' names are not data).
    items: frozenset[str]


def shared_with_employer(
    candidate: Candidate, *, consented: frozenset[str], granted: frozenset[str], needs: list[str]
) -> SharedWithEmployer:
    """A need is listed only if the candidate still has it and the viewer may see it."""
    codes = sorted(
        code
        for code in needs
        if f"{NEED_CONSENT_PREFIX}{code}" in consented and _need_visible(code, granted)
    )
    return SharedWithEmployer(
        labels=[str(field.label) for field in CandidateField if field.value in consented],
        needs=[str(NEED_TYPES[code].employer_text) for code in codes],
        items=frozenset(f"{NEED_CONSENT_PREFIX}{code}" for code in codes),
    )
