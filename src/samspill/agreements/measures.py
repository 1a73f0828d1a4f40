"""The measure catalogue (tiltak og virkemidler) as data: every rule with its source and dates.

Each ``Measure`` says what an agreement with that measure may be: how long (per need level),
which percentage of the wage cost it pays and when the percentage falls, who may have it,
and the date the rule applies from (and, for a historical rule, to). ``check`` validates an
agreement's measure against it and explains every broken rule in Norwegian at the field it
concerns; ``schedule`` gives the percentage steps the calculation (``subsidy.py``) pays.
Rules the advisor may depart from with a recorded reason are marked ``overridable``.

docs/rules.md lists the catalogue for readers who do not read Python. Change a rule here,
with its source and the date it applies from, and every page, check and test follows.
No models: need levels are the ``candidates.NeedLevel`` values (a test pins them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from samspill.lib.dates import add_months

STANDARD, SITUATIONAL, SPECIAL, PERMANENT = (
    "standard",
    "situasjonsbestemt",
    "spesielt_tilpasset",
    "varig_tilpasset",
)
NEED_LEVELS = (STANDARD, SITUATIONAL, SPECIAL, PERMANENT)
NEED_LEVEL_TEXT = {
    STANDARD: "standard innsats",
    SITUATIONAL: "situasjonsbestemt innsats",
    SPECIAL: "spesielt tilpasset innsats",
    PERMANENT: "varig tilpasset innsats",
}

#: The tiltaksforskrift (forskrift om arbeidsmarkedstiltak) replaced arbeidspraksis with
#: arbeidstrening and set the current subsidy rules from this date.
TILTAKSFORSKRIFT_FROM = date(2016, 1, 1)
SOURCE_ISSUE = "Issue 5, «Measures as rules» (NAV's current practice, tiltaksforskriften)"


class MeasureCode(StrEnum):
    ARBEIDSTRENING = "arbeidstrening"
    MIDLERTIDIG_LONNSTILSKUDD = "midlertidig_lonnstilskudd"
    VARIG_LONNSTILSKUDD = "varig_lonnstilskudd"
    MENTOR = "mentor"
    INKLUDERINGSTILSKUDD = "inkluderingstilskudd"
    SOMMERJOBB = "sommerjobb"
    ARBEIDSPRAKSIS = "arbeidspraksis"
    HJELPEMIDLER = "hjelpemidler"
    FUNKSJONSASSISTANSE = "funksjonsassistanse"
    TILRETTELEGGINGSTILSKUDD = "tilretteleggingstilskudd"


class Kind(StrEnum):
    NO_MONEY = "no_money"  # the employer gets no subsidy (arbeidstrening, arbeidspraksis)
    WAGE_SUBSIDY = "wage_subsidy"  # a percentage of the wage cost
    MENTOR = "mentor"  # the mentor's cost, 100 %
    EXPENSES = "expenses"  # expenses up to a yearly cap
    REFERRAL = "referral"  # no calculation here: a referral to the unit that decides


@dataclass(frozen=True)
class Measure:
    code: MeasureCode
    label: StrOrPromise
    kind: Kind
    source: str
    effective_from: date
    effective_to: date | None = None
    #: Longest duration in months per need level; a level not named may not have the
    #: measure; ``None`` means no maximum.
    max_months: Mapping[str, int | None] = field(default_factory=dict)
    #: Months the advisor may add beyond ``max_months`` with a recorded reason.
    extension_months: int = 0
    extension_text: StrOrPromise = ""
    #: The percentage per need level (``inntil``: lower needs a reason), or the range or
    #: set the advisor chooses from.
    percentage: Mapping[str, int] = field(default_factory=dict)
    percentage_range: tuple[int, int] | None = None
    percentage_options: tuple[int, ...] = ()
    #: (months after start, need levels → percentage points the rate falls by)
    reduction_after: Mapping[str, int] = field(default_factory=dict)
    reduction_points: int = 0
    #: (months after start, highest percentage from then)
    cap_after_months: int | None = None
    cap_percentage: int | None = None
    #: Sommerjobb: the participant's age limit, the season (months) and the longest stretch.
    max_age_below: int | None = None
    season_months: tuple[int, int] | None = None
    max_days: int | None = None
    #: Yearly cap of expenses, by the year it applies from.
    yearly_cap: Mapping[int, int] = field(default_factory=dict)
    referral_to: str = ""

    @property
    def pays_money(self) -> bool:
        return self.kind in (Kind.WAGE_SUBSIDY, Kind.MENTOR, Kind.EXPENSES)

    def in_force_on(self, day: date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )

    def cap_for_year(self, year: int) -> int | None:
        years = [y for y in self.yearly_cap if y <= year]
        return self.yearly_cap[max(years)] if years else None


ALL_LEVELS: Mapping[str, int | None] = dict.fromkeys(NEED_LEVELS)

CATALOGUE: tuple[Measure, ...] = (
    Measure(
        MeasureCode.ARBEIDSTRENING,
        gettext_lazy("Arbeidstrening"),
        Kind.NO_MONEY,
        SOURCE_ISSUE + "; forskrift om arbeidsmarkedstiltak kap. 4: no subsidy, at most 18 months",
        TILTAKSFORSKRIFT_FROM,
        max_months=dict.fromkeys(NEED_LEVELS, 18),
    ),
    Measure(
        MeasureCode.MIDLERTIDIG_LONNSTILSKUDD,
        gettext_lazy("Midlertidig lønnstilskudd"),
        Kind.WAGE_SUBSIDY,
        SOURCE_ISSUE + "; tiltaksforskriften kap. 8: inntil 40 % (situasjonsbestemt) or 60 %, "
        "falling by 10 points after 6 or 12 months; at most 12 or 24 months",
        TILTAKSFORSKRIFT_FROM,
        max_months={SITUATIONAL: 12, SPECIAL: 24, PERMANENT: 24},
        percentage={SITUATIONAL: 40, SPECIAL: 60, PERMANENT: 60},
        reduction_after={SITUATIONAL: 6, SPECIAL: 12, PERMANENT: 12},
        reduction_points=10,
    ),
    Measure(
        MeasureCode.VARIG_LONNSTILSKUDD,
        gettext_lazy("Varig lønnstilskudd"),
        Kind.WAGE_SUBSIDY,
        SOURCE_ISSUE + "; tiltaksforskriften kap. 10: varig tilpasset innsats only, 0–75 % "
        "chosen by the advisor, at most 67 % from one year after the start, no maximum length",
        TILTAKSFORSKRIFT_FROM,
        max_months={PERMANENT: None},
        percentage_range=(0, 75),
        cap_after_months=12,
        cap_percentage=67,
    ),
    Measure(
        MeasureCode.MENTOR,
        gettext_lazy("Mentor"),
        Kind.MENTOR,
        SOURCE_ISSUE + "; tiltaksforskriften kap. 9: 100 % of the mentor's cost (hourly pay "
        "from 1950 working hours a year), at most 6 months (situasjonsbestemt) or 36 months",
        TILTAKSFORSKRIFT_FROM,
        max_months={STANDARD: 36, SITUATIONAL: 6, SPECIAL: 36, PERMANENT: 36},
        percentage=dict.fromkeys(NEED_LEVELS, 100),
    ),
    Measure(
        MeasureCode.INKLUDERINGSTILSKUDD,
        gettext_lazy("Inkluderingstilskudd"),
        Kind.EXPENSES,
        SOURCE_ISSUE + "; tiltaksforskriften kap. 14: expenses up to a yearly cap "
        "(160 400 kr from 2026; earlier years' caps are not registered here), at most 12 months",
        TILTAKSFORSKRIFT_FROM,
        max_months=dict.fromkeys(NEED_LEVELS, 12),
        yearly_cap={2026: 160_400},
    ),
    Measure(
        MeasureCode.SOMMERJOBB,
        gettext_lazy("Sommerjobb"),
        Kind.WAGE_SUBSIDY,
        SOURCE_ISSUE + ": 50 or 75 %, four weeks between June and September, participant "
        "under 30 (the sommerjobb scheme began in 2021)",
        date(2021, 1, 1),
        max_months=dict(ALL_LEVELS),
        percentage_options=(50, 75),
        max_age_below=30,
        season_months=(6, 9),
        max_days=28,
    ),
    Measure(
        MeasureCode.ARBEIDSPRAKSIS,
        gettext_lazy("Arbeidspraksis (historisk regel)"),
        Kind.NO_MONEY,
        "Forskrift om arbeidsrettede tiltak § 4-2 a, quoted in seed 003: up to one year, "
        "extendable by up to two years for people with reduced work ability; replaced by "
        "arbeidstrening when the tiltaksforskrift took effect",
        date(2009, 1, 1),
        effective_to=TILTAKSFORSKRIFT_FROM - timedelta(days=1),
        max_months=dict.fromkeys(NEED_LEVELS, 12),
        extension_months=24,
        extension_text=gettext_lazy(
            "for personer med nedsatt arbeidsevne kan den forlenges med inntil to år"
        ),
    ),
    *(
        Measure(
            code,
            label,
            Kind.REFERRAL,
            SOURCE_ISSUE + f": no calculation in Samspill; referral to {unit}",
            TILTAKSFORSKRIFT_FROM,
            max_months=dict(ALL_LEVELS),
            referral_to=unit,
        )
        for code, label, unit in (
            (MeasureCode.HJELPEMIDLER, gettext_lazy("Hjelpemidler"), "Hjelpemiddelsentralen"),
            (
                MeasureCode.FUNKSJONSASSISTANSE,
                gettext_lazy("Funksjonsassistanse"),
                "NAV Hjelpemiddelsentral",
            ),
            (
                MeasureCode.TILRETTELEGGINGSTILSKUDD,
                gettext_lazy("Tilretteleggingstilskudd"),
                "NAV Arbeidslivssenter",
            ),
        )
    ),
)

MEASURES: dict[str, Measure] = {measure.code: measure for measure in CATALOGUE}
#: Measures an agreement is built on (one per agreement), and the ones that are referrals.
MAIN_CHOICES = [(m.code.value, m.label) for m in CATALOGUE if m.kind != Kind.REFERRAL]
REFERRAL_CHOICES = [(m.code.value, m.label) for m in CATALOGUE if m.kind == Kind.REFERRAL]

#: The agreement fields only some kinds of measure use; the edit form shows a kind's own
#: fields and hides the rest (a work trial has no wage to fill in, a wage subsidy no mentor).
KIND_FIELDS: Mapping[Kind, tuple[str, ...]] = {
    Kind.WAGE_SUBSIDY: (
        "percentage",
        "monthly_wage",
        "holiday_pay_rate",
        "pension_rate",
        "employer_tax_rate",
    ),
    Kind.MENTOR: (
        "mentor_name",
        "mentor_wage",
        "mentor_wage_period",
        "mentor_position_percent",
        "mentor_hours_per_month",
    ),
    Kind.EXPENSES: ("expenses",),
}
MEASURE_FIELDS = frozenset(name for names in KIND_FIELDS.values() for name in names)


def fields_hidden_for(code: str) -> frozenset[str]:
    """The measure-specific agreement fields that do not apply to the measure ``code``
    (all of them while no measure is chosen)."""
    measure = MEASURES.get(code)
    own = KIND_FIELDS.get(measure.kind, ()) if measure else ()
    return MEASURE_FIELDS - set(own)


@dataclass(frozen=True)
class Violation:
    field: str
    message: str
    rule: str
    overridable: bool = False


@dataclass(frozen=True)
class Terms:
    """What the rules look at, from an agreement or an API request."""

    measure: str
    need_level: str
    start: date | None
    end: date | None
    percentage: int | None = None
    age: int | None = None
    expenses: int | None = None


def _day(value: date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


def last_day(start: date, months: int) -> date:
    """The last day of a period of ``months`` from ``start`` (month ends clamp)."""
    return add_months(start, months) - timedelta(days=1)


def _duration(measure: Measure, terms: Terms, start: date, end: date) -> list[Violation]:
    months = measure.max_months.get(terms.need_level)
    if months is None:
        return []
    level = NEED_LEVEL_TEXT[terms.need_level]
    if end <= last_day(start, months):
        return []
    limit = _("%(label)s kan vare i høyst %(months)s måneder for %(level)s") % {
        "label": measure.label,
        "months": months,
        "level": level,
    }
    if measure.extension_months and end <= last_day(start, months + measure.extension_months):
        message = _("%(limit)s; %(extension_text)s. Skriv begrunnelsen for forlengelsen.") % {
            "limit": limit,
            "extension_text": measure.extension_text,
        }
        return [Violation("end_on", message, f"{measure.code}.extension", overridable=True)]
    latest = last_day(start, months + measure.extension_months)
    return [
        Violation(
            "end_on",
            _("%(limit)s (til og med %(day)s).") % {"limit": limit, "day": _day(latest)},
            f"{measure.code}.max",
        )
    ]


def _percentage(measure: Measure, terms: Terms) -> list[Violation]:
    chosen, label = terms.percentage, measure.label
    if measure.percentage_range is not None:
        low, high = measure.percentage_range
        if chosen is None or not low <= chosen <= high:
            text = _("Velg en sats for %(value)s mellom %(low)s og %(high)s %%.") % {
                "value": label.lower(),
                "low": low,
                "high": high,
            }
            return [Violation("percentage", text, f"{measure.code}.percentage")]
    elif measure.percentage_options:
        if chosen not in measure.percentage_options:
            options = " eller ".join(f"{p} %" for p in measure.percentage_options)
            text = _("Satsen for %(value)s er %(options)s.") % {
                "value": label.lower(),
                "options": options,
            }
            return [Violation("percentage", text, f"{measure.code}.percentage")]
    elif measure.kind == Kind.WAGE_SUBSIDY and chosen is not None:
        highest = measure.percentage[terms.need_level]
        level = NEED_LEVEL_TEXT[terms.need_level]
        if chosen > highest:
            text = _("%(label)s er inntil %(highest)s %% for %(level)s.") % {
                "label": label,
                "highest": highest,
                "level": level,
            }
            return [Violation("percentage", text, f"{measure.code}.percentage")]
        if chosen < highest:
            text = _(
                "%(label)s er inntil %(highest)s %% for %(level)s; en lavere sats (%(chosen)s %%) "
                "må begrunnes."
            ) % {"label": label, "highest": highest, "level": level, "chosen": chosen}
            return [Violation("percentage", text, f"{measure.code}.lower", overridable=True)]
    return []


def _summer(measure: Measure, terms: Terms, start: date, end: date) -> list[Violation]:
    found = []
    too_old = terms.age is None or terms.age >= (measure.max_age_below or 0)
    if measure.max_age_below is not None and too_old:
        text = _("%(label)s er for deltakere under %(max_age_below)s år.") % {
            "label": measure.label,
            "max_age_below": measure.max_age_below,
        }
        if terms.age is None:
            text += _(" Alderen er ikke kjent.")
        found.append(Violation("measure", text, f"{measure.code}.age"))
    if measure.season_months is not None:
        first, last = measure.season_months
        if start.year != end.year or start.month < first or end.month > last:
            text = _("%(label)s må ligge mellom 1. juni og 30. september samme år.") % {
                "label": measure.label
            }
            found.append(Violation("start_on", text, f"{measure.code}.season"))
    if measure.max_days is not None and (end - start).days + 1 > measure.max_days:
        text = _("%(label)s kan vare i høyst fire uker (%(max_days)s dager).") % {
            "label": measure.label,
            "max_days": measure.max_days,
        }
        found.append(Violation("end_on", text, f"{measure.code}.length"))
    return found


def _expenses(measure: Measure, terms: Terms, start: date) -> list[Violation]:
    if measure.kind != Kind.EXPENSES:
        return []
    cap = measure.cap_for_year(start.year)
    if cap is None:
        text = _("Årlig tak for %(value)s i %(year)s er ikke registrert.") % {
            "value": measure.label.lower(),
            "year": start.year,
        }
        return [Violation("expenses", text, f"{measure.code}.cap_unknown")]
    if terms.expenses is not None and terms.expenses > cap:
        most = number_format(cap, force_grouping=True)
        text = _("%(label)s er høyst %(most)s kr i %(year)s.") % {
            "label": measure.label,
            "most": most,
            "year": start.year,
        }
        return [Violation("expenses", text, f"{measure.code}.cap")]
    return []


def check(terms: Terms) -> list[Violation]:
    """Every rule the terms break, each explained at its field; empty when all is well."""
    measure = MEASURES.get(terms.measure)
    if measure is None:
        return [Violation("measure", _("Velg et tiltak fra listen."), "measure.unknown")]
    if terms.need_level not in NEED_LEVELS:
        return [Violation("need_level", _("Innsatsbehovet er ikke kjent."), "need_level")]
    if terms.need_level not in measure.max_months:
        level = NEED_LEVEL_TEXT[terms.need_level]
        text = _("%(label)s gis ikke ved %(level)s.") % {"label": measure.label, "level": level}
        return [Violation("measure", text, f"{measure.code}.need_level")]
    start, end = terms.start, terms.end
    if start is None or end is None:
        return []  # nothing to check yet; completeness is checked before sending
    if end < start:
        return [Violation("end_on", _("Sluttdatoen kan ikke være før startdatoen."), "period")]
    if not measure.in_force_on(start):
        until = (
            _(" gjaldt til %(day)s") % {"day": _day(measure.effective_to)}
            if measure.effective_to
            else ""
        )
        text = f"{measure.label}{until or ' gjelder fra ' + _day(measure.effective_from)}."
        return [Violation("measure", text, f"{measure.code}.in_force")]
    return [
        *_duration(measure, terms, start, end),
        *_percentage(measure, terms),
        *_summer(measure, terms, start, end),
        *_expenses(measure, terms, start),
    ]


def schedule(terms: Terms) -> list[tuple[date, date, int]]:
    """The percentage steps (start, end, percentage) of a paying measure; empty otherwise."""
    measure = MEASURES.get(terms.measure)
    start, end = terms.start, terms.end
    if measure is None or start is None or end is None or measure.kind == Kind.EXPENSES:
        return []
    if measure.kind not in (Kind.WAGE_SUBSIDY, Kind.MENTOR):
        return []
    rate = terms.percentage
    if rate is None or measure.kind == Kind.MENTOR:
        rate = measure.percentage.get(terms.need_level)
    if rate is None:
        return []
    change_after, later = None, rate
    if measure.reduction_points and terms.need_level in measure.reduction_after:
        change_after = measure.reduction_after[terms.need_level]
        later = max(0, rate - measure.reduction_points)
    elif measure.cap_after_months is not None and measure.cap_percentage is not None:
        change_after, later = measure.cap_after_months, min(rate, measure.cap_percentage)
    if change_after is None or later == rate:
        return [(start, end, rate)]
    change_on = add_months(start, change_after)
    if change_on > end:
        return [(start, end, rate)]
    return [(start, change_on - timedelta(days=1), rate), (change_on, end, later)]
