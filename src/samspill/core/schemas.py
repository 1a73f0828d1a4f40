"""API schemas shared by several apps."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any
from uuid import UUID

from django.db.models import TextChoices
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import AfterValidator, Field, WithJsonSchema

from samspill.candidates.presentation import CandidateView, ProfileView
from samspill.lib import bounds

# -- errors --------------------------------------------------------------------------------


class ErrorOut(Schema):
    """Every error but 422: one Norwegian sentence."""

    detail: str


class ValidationErrorOut(Schema):
    """422: Norwegian messages by the request field they concern (``__all__``: the whole)."""

    detail: dict[str, list[str]]


#: Codes any operation with a JSON body can answer besides its own: unreadable JSON,
#: a body over the size limit, a value refused.
BODY = (400, 413, 422)


def responses(ok: Any, *codes: int, status: int = 200) -> dict[int, Any]:
    """An operation's ``response=``: its result, 401 (every operation needs a login) and the
    error ``codes`` it can give, each with the shared error schema."""
    out: dict[int, Any] = {status: ok, 401: ErrorOut}
    for code in codes:
        out[code] = ValidationErrorOut if code == 422 else ErrorOut
    return out


# -- bounded inputs ------------------------------------------------------------------------


def _sane_date(value: date) -> date:
    bounds.check_date(value)  # InvalidValue is a ValueError: pydantic reports its message
    return value


#: A date of a real event: years 1900–2100 (``lib/bounds.py``), listed in the schema.
EventDate = Annotated[
    date,
    AfterValidator(_sane_date),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "description": f"years {bounds.FIRST_YEAR}-{bounds.LAST_YEAR}",
        }
    ),
]
#: Paging: no page, offset or limit beyond what a database can be asked for.
Offset = Annotated[int, Field(ge=0, le=1_000_000)]
PageNumber = Annotated[int, Field(ge=1, le=100_000)]
HoursPerWeek = Annotated[Decimal, Field(ge=0, le=60, max_digits=4, decimal_places=1)]


def no_nul(value: str) -> str:
    if "\x00" in value:  # PostgreSQL cannot store it; nobody types it
        raise ValueError(_("Teksten har et ugyldig tegn (NUL)."))
    return value


ShortText = Annotated[str, Field(max_length=200), AfterValidator(no_nul)]
LongText = Annotated[str, Field(max_length=10_000), AfterValidator(no_nul)]
#: A reason stored in a 500-character column.
ReasonText = Annotated[str, Field(max_length=500), AfterValidator(no_nul)]


def choice(choices: type[TextChoices] | list[Any], *, blank: bool = False) -> Any:
    """A string that must be one of ``choices``' values (or empty, with ``blank``), listed
    as an enum in the schema."""
    raw = choices if isinstance(choices, list) else choices.values
    values = [str(getattr(value, "value", value)) for value in raw]
    values = list(dict.fromkeys(["", *values])) if blank else values
    return Annotated[
        str,
        AfterValidator(lambda value: _one_of(value, values)),
        WithJsonSchema({"type": "string", "enum": values}),
    ]


def _one_of(value: str, values: list[str]) -> str:
    if value not in values:
        raise ValueError(_("Velg en av: ") + ", ".join(values) + ".")
    return value


class NeedOut(Schema):
    code: str
    category: str
    label: str
    detail: str | None
    last_confirmed: date | None
    due_for_review: bool


class OwnWordsOut(Schema):
    interests: str | None
    strengths: str | None
    motivation: str | None
    wishes: str | None
    updated_at: datetime | None


class ProfileOut(Schema):
    """The profile sections the caller may see; the others are null."""

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
    own_words: OwnWordsOut
    needs: list[NeedOut]

    @classmethod
    def from_view(cls, view: ProfileView) -> ProfileOut:
        own = view.own
        return cls(
            interests=view.interests,
            resources=view.resources,
            experience=view.experience,
            education=view.education,
            hours=view.hours,
            times_of_day=view.times_of_day,
            sectors=view.sectors,
            places=view.places,
            max_commute_km=view.max_commute_km,
            avoid=view.avoid,
            main_goal=view.main_goal,
            benefit=view.benefit,
            time_outside_work=view.time_outside_work,
            own_words=OwnWordsOut(
                interests=own.interests,
                strengths=own.strengths,
                motivation=own.motivation,
                wishes=own.wishes,
                updated_at=own.updated_at,
            ),
            needs=[NeedOut(**need.__dict__) for need in view.needs],
        )


class CandidateOut(Schema):
    """A candidate as the caller may see them: fields they may not see are null."""

    id: UUID
    visible_fields: list[str]
    name: str | None
    age: int | None
    municipality: str | None
    phone: str | None
    email: str | None
    birth_date: date | None
    need_level: str | None
    gender: str | None
    profile: ProfileOut | None = None

    @classmethod
    def from_view(cls, view: CandidateView) -> CandidateOut:
        return cls(
            id=view.uuid,
            visible_fields=sorted(view.fields),
            name=view.name,
            age=view.age,
            municipality=view.municipality,
            phone=view.phone,
            email=view.email,
            birth_date=view.birth_date,
            need_level=view.need_level,
            gender=view.gender,
            profile=ProfileOut.from_view(view.profile) if view.profile else None,
        )
