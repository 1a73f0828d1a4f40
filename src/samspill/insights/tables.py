"""Every table of Innsikt, defined once: its name, title, columns and rows, with small cells
already suppressed. Three renderers use them: the pages (``_table.html``), the CSV and XLSX
downloads (``exports.py``) and the API (``GET /api/insights/tables/<name>`` answers any
overview table from ``BUILDERS``; the older endpoints take their cells from the same row
definitions: ``RESULTS``, ``retention_points``, ``group_cells``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samspill.followup.models import PlanParty
from samspill.insights import selectors
from samspill.insights.fidelity import ReviewTotal
from samspill.insights.selectors import (
    STEPS,
    AdvisorRow,
    Equity,
    FollowupFigures,
    GroupRow,
    Outcomes,
    Processes,
    Quarter,
)
from samspill.insights.stats import SUPPRESSED, Rate, Survival, percent, shown
from samspill.rules import IPS_EMPLOYER_CONTACTS_PER_WEEK, IPS_MAX_CASELOAD, RETENTION_MONTHS

Cell = str | int | float


@dataclass(frozen=True)
class Table:
    #: The ``tabell=`` of its download link.
    name: str
    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence[Cell]]


# -- outcomes --------------------------------------------------------------------------------

#: The figures of «Resultater siste 12 måneder»: (field of ``Outcomes``, label).
RESULTS = (
    ("served", gettext_lazy("Personer fulgt opp")),
    ("with_job", gettext_lazy("Personer som fikk jobb")),
    ("job_starts", gettext_lazy("Jobbstarter")),
    ("competitive_starts", gettext_lazy("  herav ordinære jobber")),
    ("subsidised_starts", gettext_lazy("  herav med lønnstilskudd")),
    ("completed_trials", gettext_lazy("Fullførte arbeidsutprøvinger (ikke et resultat)")),
)


def result_cells(year: Outcomes) -> dict[str, str]:
    """Each figure of ``RESULTS``, suppressed when small."""
    return {key: shown(getattr(year, key)) for key, _label in RESULTS}


def results(year: Outcomes) -> Table:
    cells = result_cells(year)
    return Table(
        "resultater",
        _("Resultater siste 12 måneder"),
        [_("Mål"), _("Antall")],
        [(str(label), cells[key]) for key, label in RESULTS],
    )


def retention_points(curve: Survival) -> list[tuple[int, float | None]]:
    """The share still in work at each of ``RETENTION_MONTHS``; ``None`` when the curve is
    hidden (too few jobs) or does not reach that far."""
    return [(months, curve.at_month(months)) for months in RETENTION_MONTHS.value]


def retention(curve: Survival) -> Table:
    return Table(
        "i_jobb",
        _("Andel fortsatt i jobb (Kaplan-Meier)"),
        [_("Tid etter jobbstart"), _("Andel i jobb")],
        [
            (
                _("%(months)s måneder") % {"months": months},
                SUPPRESSED if curve.hidden else percent(share),
            )
            for months, share in retention_points(curve)
        ],
    )


def employment(quarters: Sequence[Quarter]) -> Table:
    return Table(
        "sysselsetting",
        _("Sysselsettingsrate per kvartal (IPS)"),
        [_("Kvartal"), _("Fulgt opp"), _("I ordinær jobb"), _("Andel")],
        [(q.label, shown(q.served), shown(q.working), q.rate.percent()) for q in quarters],
    )


# -- caseload and follow-up ------------------------------------------------------------------

_NO_FIGURE = "–"


def _parties() -> list[tuple[str, str]]:
    return [(p.value, str(p.label)) for p in PlanParty]


def followup(figures: FollowupFigures) -> Table:
    def rate(party: str) -> Rate | None:
        return figures.on_schedule.get(party)

    rows: list[Sequence[Cell]] = [
        (
            label,
            _NO_FIGURE if (r := rate(party)) is None else r.percent(),
            "0" if r is None else shown(r.n),
        )
        for party, label in _parties()
    ]
    rows.append(
        (
            _("Henvendelser fra arbeidsgivere besvart innen fristen"),
            figures.concerns_in_time.percent(),
            shown(figures.concerns_in_time.n),
        )
    )
    return Table(
        "oppfolging",
        _("Planlagt oppfølging i rute i dag"),
        [_("Med hvem"), _("I rute"), _("Planlagte kontakter som løper")],
        rows,
    )


def _advisor_cells(row: AdvisorRow, figures: FollowupFigures) -> list[Cell]:
    per_week = number_format(row.employer_contacts_per_week, 1)
    if row.few_employer_contacts:
        per_week += " " + _("(under %(n)s)") % {"n": IPS_EMPLOYER_CONTACTS_PER_WEEK.value}
    on_schedule = figures.by_advisor.get(row.advisor_id, {})
    return [
        row.name,
        (
            f"{row.active} " + _("(over %(n)s)") % {"n": IPS_MAX_CASELOAD.value}
            if row.over_caseload
            else row.active
        ),
        row.searching,
        row.in_work,
        per_week,
        shown(row.job_starts),
        *(
            _NO_FIGURE if (r := on_schedule.get(party)) is None else r.percent()
            for party, _label in _parties()
        ),
    ]


def caseload(rows: Sequence[AdvisorRow], figures: FollowupFigures) -> Table:
    return Table(
        "saksmengde",
        _("Saksmengde og arbeidsgiverkontakt per veileder"),
        [
            _("Veileder"),
            _("Aktive forløp"),
            _("I kartlegging eller jobbsøk"),
            _("I jobb"),
            _("Personlige arbeidsgiverkontakter per uke"),
            _("Jobbstarter siste år"),
            *(
                _("Oppfølging i rute: %(party)s") % {"party": label.lower()}
                for _party, label in _parties()
            ),
        ],
        [_advisor_cells(row, figures) for row in rows],
    )


# -- the equity monitor ----------------------------------------------------------------------


def group_cells(row: GroupRow) -> dict[str, str]:
    """A group's rate per step, suppressed when small."""
    return {step: row.rates[step].percent() for step, _label in STEPS}


def equity(result: Equity) -> Table:
    columns = [_("Gruppe"), _("Personer")]
    for _step, label in STEPS:
        columns += [str(label), _("95 % KI"), _("Klart lavere")]

    def cells(row: GroupRow) -> list[Cell]:
        out: list[Cell] = [f"{row.dimension}: {row.group}", row.people]
        for step, _label in STEPS:
            rate = row.rates[step]
            out += [rate.percent(), rate.interval_text(), _("ja") if row.flags.get(step) else ""]
        return out

    return Table(
        "likeverd",
        _("Likeverdsmonitor"),
        columns,
        [cells(result.office), *(cells(row) for row in result.rows)],
    )


# -- fidelity and evaluation -----------------------------------------------------------------


def fidelity(rows: Sequence[ReviewTotal]) -> Table:
    return Table(
        "fidelitet",
        _("IPS-fidelitet over tid"),
        [_("Team"), _("Dato"), _("Sum"), _("Nivå")],
        [(r.review.team.name, r.review.reviewed_on.isoformat(), r.total, r.band) for r in rows],
    )


def did_means(groups: dict[tuple[bool, bool], Rate]) -> Table:
    """The share with the outcome per group (pilot, control) and period (before, after)."""
    return Table(
        "gjennomsnitt",
        _("Andel med utfallet per gruppe og periode"),
        [_("Gruppe"), _("Før"), _("Etter")],
        [
            (name, groups[(pilot, False)].percent(), groups[(pilot, True)].percent())
            for name, pilot in ((_("Pilot"), True), (_("Kontroll"), False))
        ],
    )


# -- every overview table by name, for the API ------------------------------------------------

#: The overview tables, each counted from the processes in scope on a day.
BUILDERS: dict[str, Callable[[Processes, date], Table]] = {
    "resultater": lambda p, day: results(selectors.outcomes_last_year(p, day)),
    "i_jobb": lambda p, day: retention(selectors.retention(p, day)),
    "sysselsetting": lambda p, day: employment(
        selectors.employment_rate(p, selectors.quarters_back(day, selectors.QUARTERS))
    ),
    "oppfolging": lambda p, day: followup(selectors.followup_figures(p, day)),
    "saksmengde": lambda p, day: caseload(
        selectors.caseload(p, day), selectors.followup_figures(p, day)
    ),
    "likeverd": lambda p, day: equity(selectors.equity(p, day)),
}
