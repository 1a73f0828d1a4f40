"""The IPS fidelity scale (IPS-25) as data, its bands, and the items Samspill can suggest a
score for from its own data.

Source: shared/reference/IPS-FIDELITY.md (the IPS Supported Employment Fidelity Scale,
Bond et al. 2008/2012; the IPS Employment Center manual, 2019; Norwegian labels after
«Håndbok i kvalitetsevaluering IPS Supported Employment», 3rd ed. 2015). A suggestion is
only a suggestion: the reviewers score on present evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from samspill.followup.models import Contact, Place
from samspill.insights.models import FidelityReview, Job
from samspill.insights.selectors import Processes, caseload, timings
from samspill.insights.selectors.caseload import CASELOAD_WEEKS
from samspill.insights.stats import Rate
from samspill.rules import (
    CONTACT_AFTER_START,
    FIRST_EMPLOYER_CONTACT_WITHIN,
    IPS_EMPLOYER_CONTACTS_PER_WEEK,
    IPS_FIDELITY_BANDS,
    IPS_MAX_CASELOAD,
)

_CASELOAD = IPS_MAX_CASELOAD.value
_CONTACTS = IPS_EMPLOYER_CONTACTS_PER_WEEK.value
_RAPID_DAYS = FIRST_EMPLOYER_CONTACT_WITHIN.value.days
_SOON_AFTER_START = CONTACT_AFTER_START.value


@dataclass(frozen=True)
class Item:
    code: str
    section: StrOrPromise
    label: StrOrPromise
    five: StrOrPromise


ITEMS: tuple[Item, ...] = (
    Item(
        "S1",
        _("Bemanning"),
        _("Antall deltakere per jobbspesialist"),
        _("Høyst %(CASELOAD)s aktive deltakere per jobbspesialist i full stilling.")
        % {"CASELOAD": _CASELOAD},
    ),
    Item(
        "S2",
        _("Bemanning"),
        _("Jobbspesialisten arbeider bare med arbeidsrettet oppfølging"),
        _("Minst 96 % av tiden brukes på arbeidsrettet oppfølging."),
    ),
    Item(
        "S3",
        _("Bemanning"),
        _("Jobbspesialisten er generalist"),
        _("Én jobbspesialist følger deltakeren gjennom alle faser, uten overleveringer."),
    ),
    Item(
        "O1",
        _("Organisering"),
        _("Integrering via tilknytning til behandlingsteam"),
        _("Knyttet til 1–2 behandlingsteam som står for minst 90 % av deltakerne."),
    ),
    Item(
        "O2",
        _("Organisering"),
        _("Integrering via hyppig kontakt med behandlingsteamet"),
        _("Ukentlige teammøter, felles beslutninger, samlokalisering og felles oppsøkende arbeid."),
    ),
    Item(
        "O3",
        _("Organisering"),
        _("Samarbeid mellom jobbspesialist og NAV-veileder"),
        _("Planlagte møter minst månedlig og kontakt om deltakere ukentlig."),
    ),
    Item(
        "O4",
        _("Organisering"),
        _("Egen enhet for arbeidsrettet oppfølging"),
        _("Minst to jobbspesialister og en leder, ukentlig veiledning i gruppe."),
    ),
    Item(
        "O5",
        _("Organisering"),
        _("Lederens rolle"),
        _(
            "Leder for høyst 10 jobbspesialister, ukentlig veiledning, resultatoppfølging hvert "
            "kvartal."
        ),
    ),
    Item(
        "O6",
        _("Organisering"),
        _("Ingen eksklusjonskriterier"),
        _("Alle som ønsker arbeid får tilbudet, uansett «jobbklarhet»."),
    ),
    Item(
        "O7",
        _("Organisering"),
        _("Virksomhetens fokus på ordinært arbeid"),
        _("Flere tiltak som holder ordinært arbeid i fokus, og måling av sysselsettingsraten."),
    ),
    Item(
        "O8",
        _("Organisering"),
        _("Støtte fra ledelsen"),
        _(
            "Ledelsen kjenner prinsippene, bruker skalaen i kvalitetsarbeidet og møter IPS-lederen "
            "jevnlig."
        ),
    ),
    Item(
        "Sv1",
        _("Tjenester"),
        _("Råd om økonomi og ytelser"),
        _("Alle får individuell veiledning om ytelser og inntekt før oppstart og ved endringer."),
    ),
    Item(
        "Sv2",
        _("Tjenester"),
        _("Åpenhet om helse overfor arbeidsgiver"),
        _("Riktig informasjon om hva som kan deles, drøftet mer enn én gang."),
    ),
    Item(
        "Sv3",
        _("Tjenester"),
        _("Løpende, arbeidsbasert kartlegging"),
        _("Kartleggingen oppdateres med hver ny erfaring fra arbeid."),
    ),
    Item(
        "Sv4",
        _("Tjenester"),
        _("Rask jobbsøking"),
        _("Første personlige arbeidsgiverkontakt innen %(RAPID_DAYS)s dager.")
        % {"RAPID_DAYS": _RAPID_DAYS},
    ),
    Item(
        "Sv5",
        _("Tjenester"),
        _("Individuelt tilpasset jobbsøk"),
        _("Arbeidsgiverkontaktene følger deltakerens ønsker og styrker."),
    ),
    Item(
        "Sv6",
        _("Tjenester"),
        _("Jobbutvikling: hyppig arbeidsgiverkontakt"),
        _("Minst %(CONTACTS)s personlige arbeidsgiverkontakter per jobbspesialist per uke.")
        % {"CONTACTS": _CONTACTS},
    ),
    Item(
        "Sv7",
        _("Tjenester"),
        _("Jobbutvikling: kvalitet i arbeidsgiverkontakten"),
        _("Flere planlagte besøk per arbeidsgiver for å lære behovene å kjenne."),
    ),
    Item(
        "Sv8",
        _("Tjenester"),
        _("Variasjon i jobbtyper"),
        _("85–100 % av jobbene er ulike typer arbeid."),
    ),
    Item(
        "Sv9",
        _("Tjenester"),
        _("Variasjon i arbeidsgivere"),
        _("85–100 % av jobbene er hos ulike arbeidsgivere."),
    ),
    Item(
        "Sv10",
        _("Tjenester"),
        _("Ordinære jobber"),
        _("Minst 95 % av jobbene er ordinære jobber, åpne for alle, med vanlig lønn."),
    ),
    Item(
        "Sv11",
        _("Tjenester"),
        _("Individuelt tilpasset oppfølging i jobb"),
        _("Støtten er tilpasset jobben og personen og kommer fra flere."),
    ),
    Item(
        "Sv12",
        _("Tjenester"),
        _("Tidsubegrenset oppfølging"),
        _(
            "Kontakt innen %(days)s dager etter oppstart, ukentlig første måned, deretter minst "
            "månedlig."
        )
        % {"days": _SOON_AFTER_START.days},
    ),
    Item(
        "Sv13",
        _("Tjenester"),
        _("Oppfølging ute i samfunnet"),
        _("Minst 65 % av tiden brukes ute, ikke på kontoret."),
    ),
    Item(
        "Sv14",
        _("Tjenester"),
        _("Aktiv oppsøkende oppfølging"),
        _("Ingen avslutning for uteblitte avtaler; oppsøkende arbeid dokumenteres."),
    ),
)
ITEM_BY_CODE = {item.code: item for item in ITEMS}
MAX_TOTAL = 5 * len(ITEMS)

_EXEMPLARY, _GOOD, _FAIR = IPS_FIDELITY_BANDS.value
#: (lowest total, band) from the top (``IPS_FIDELITY_BANDS``).
BANDS: tuple[tuple[int, StrOrPromise], ...] = (
    (_EXEMPLARY, _("Eksemplarisk IPS")),
    (_GOOD, _("God IPS")),
    (_FAIR, _("Middels IPS")),
    (0, _("Ikke IPS")),
)


def band(total: int) -> str:
    """The band a review's total falls in, e.g. «God IPS»."""
    return str(next(label for low, label in BANDS if total >= low))


@dataclass(frozen=True)
class ReviewTotal:
    review: FidelityReview
    total: int

    @property
    def band(self) -> str:
        return band(self.total)


def review_totals(reviews: Iterable[FidelityReview]) -> list[ReviewTotal]:
    """Each review with its total (the scores prefetched: ``access.reviews_for_user``)."""
    return [ReviewTotal(r, sum(s.score for s in r.scores.all())) for r in reviews]


@dataclass(frozen=True)
class BandRange:
    low: int
    high: int
    label: str


def band_ranges() -> list[BandRange]:
    """The bands with their totals, from the top, for the pages' explanation."""
    out, high = [], MAX_TOTAL
    for low, label in BANDS:
        low = max(low, len(ITEMS))  # the lowest total is a score of 1 on every item
        out.append(BandRange(low, high, str(label)))
        high = low - 1
    return out


@dataclass(frozen=True)
class Suggestion:
    score: int
    figures: str


def _by_anchors(value: float, anchors: Sequence[float], *, higher_is_better: bool = True) -> int:
    """Score 5..1 from four thresholds (the scale's anchors for scores 5, 4, 3, 2)."""
    for score, threshold in zip((5, 4, 3, 2), anchors, strict=True):
        if (value >= threshold) if higher_is_better else (value <= threshold):
            return score
    return 1


def _percent(rate: Rate) -> str:
    return rate.percent()


def suggestions(processes: Processes, today: date) -> dict[str, Suggestion]:
    """Scores Samspill can suggest from its own data, with the figures behind them."""
    out: dict[str, Suggestion] = {}
    rows = caseload(processes, today)
    if rows:
        average = sum(r.active for r in rows) / len(rows)
        out["S1"] = Suggestion(
            _by_anchors(average, (_CASELOAD, 25, 30, 40), higher_is_better=False),
            gettext(
                "%(average)s aktive forløp per jobbspesialist i snitt (%(rows)s jobbspesialister)."
            )
            % {"average": number_format(average, 1), "rows": len(rows)},
        )
        per_week = sum(r.employer_contacts_per_week for r in rows) / len(rows)
        out["Sv6"] = Suggestion(
            _by_anchors(per_week, (_CONTACTS, 5, 4, 3)),
            gettext(
                "%(per_week)s personlige arbeidsgiverkontakter per jobbspesialist per uke siste "
                "%(CASELOAD_WEEKS)s uker."
            )
            % {"per_week": number_format(per_week, 1), "CASELOAD_WEEKS": CASELOAD_WEEKS},
        )
    timing = timings(processes, today)
    if timing.days_to_employer_contact is not None:
        days = timing.days_to_employer_contact
        out["Sv4"] = Suggestion(
            _by_anchors(days, (_RAPID_DAYS, 60, 150, 270), higher_is_better=False),
            gettext(
                "Median %(days).0f dager til første arbeidsgiverkontakt; %(percent)s fikk "
                "personlig kontakt innen %(RAPID_DAYS)s dager."
            )
            % {"days": days, "percent": _percent(timing.rapid), "RAPID_DAYS": _RAPID_DAYS},
        )
    year_ago = today - timedelta(days=365)
    jobs = Job.objects.filter(process__in=processes, started_on__gt=year_ago).aggregate(
        n=Count("id"),
        kinds=Count("kind_of_work", distinct=True),
        employers=Count("employer", distinct=True),
        competitive=Count("id", filter=Q(competitive=True)),
    )
    if jobs["n"]:
        n = jobs["n"]
        for code, key, what in (
            ("Sv8", "kinds", gettext("typer arbeid")),
            ("Sv9", "employers", gettext("arbeidsgivere")),
        ):
            share = jobs[key] / n
            out[code] = Suggestion(
                _by_anchors(share, (0.85, 0.70, 0.55, 0.40)),
                gettext(
                    "%(count)s ulike %(what)s blant %(n)s jobbstarter siste år (%(share).0f %%)."
                )
                % {"count": jobs[key], "what": what, "n": n, "share": 100 * share},
            )
        competitive = Rate(jobs["competitive"], n)
        out["Sv10"] = Suggestion(
            _by_anchors(competitive.k / n, (0.95, 0.85, 0.75, 0.65)),
            gettext("%(percent)s av %(n)s jobbstarter siste år er ordinære jobber.")
            % {"percent": _percent(competitive), "n": n},
        )
        soon = Contact.objects.filter(
            process=OuterRef("process"),
            on__gte=OuterRef("started_on"),
            on__lte=OuterRef("started_on") + _SOON_AFTER_START,
        )
        followed = Job.objects.filter(process__in=processes, started_on__gt=year_ago).aggregate(
            k=Count("id", filter=Q(Exists(soon)))
        )["k"]
        rate = Rate(followed, n)
        out["Sv12"] = Suggestion(
            _by_anchors(followed / n, (0.9, 0.75, 0.5, 0.25)),
            gettext(
                "%(percent)s av jobbstartene siste år hadde kontakt innen %(days)s dager "
                "(tilnærmet)."
            )
            % {"percent": _percent(rate), "days": _SOON_AFTER_START.days},
        )
    contacts = Contact.objects.filter(process__in=processes, on__gt=year_ago).aggregate(
        n=Count("id"),
        out=Count("id", filter=Q(place__in=(Place.WORKPLACE, Place.HOME, Place.COMMUNITY))),
    )
    if contacts["n"]:
        share = contacts["out"] / contacts["n"]
        out["Sv13"] = Suggestion(
            _by_anchors(share, (0.65, 0.50, 0.35, 0.20)),
            gettext(
                "%(share).0f %% av %(n)s kontakter siste år var ute "
                "(arbeidsplass, hjemme, andre steder), ikke på kontoret. Skalaen måler tid; "
                "dette teller kontakter."
            )
            % {"share": 100 * share, "n": contacts["n"]},
        )
    return out
