"""Small server-side SVG charts: a line per series over labelled x positions, or a step curve;
and the charts of the Innsikt pages built with them.

Readable without colour: each series has its own dash pattern and marker and is named in
the legend; every chart sits next to a table with the same numbers (the accessible
equivalent, and what the export gives).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from samspill.insights.selectors import Quarter
from samspill.insights.stats import DAYS_PER_MONTH, Rate, Survival, percent
from samspill.rules import IPS_EMPLOYMENT_RATE_BENCHMARKS

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 48
#: (dash pattern, marker) per series, in order.
STYLES = (("", "circle"), ("6 4", "square"), ("2 3", "triangle"), ("10 3 2 3", "diamond"))


@dataclass(frozen=True)
class Series:
    name: str
    #: ``None`` leaves a gap (e.g. a suppressed or empty quarter).
    values: Sequence[float | None]


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class DrawnSeries:
    name: str
    path: str
    dash: str
    marker: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Chart:
    title: str
    description: str
    width: int
    height: int
    series: tuple[DrawnSeries, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    x_title: str = ""
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    bottom_edge: int = HEIGHT - BOTTOM
    center: int = (LEFT + WIDTH - RIGHT) // 2


def _y(value: float, top: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top)


def _percent_ticks(top: float) -> tuple[Tick, ...]:
    step = 0.1 if top <= 0.6 else 0.25
    ticks, value = [], 0.0
    while value <= top + 1e-9:
        ticks.append(Tick(_y(value, top), f"{round(100 * value)} %"))
        value += step
    return tuple(ticks)


def line_chart(
    title: str, description: str, labels: Sequence[str], series: Sequence[Series]
) -> Chart:
    """Shares (0..1) over labelled positions, e.g. quarters."""
    values = [v for s in series for v in s.values if v is not None]
    top = max(0.5, min(1.0, (max(values, default=0.0) // 0.1 + 1) * 0.1))
    span = WIDTH - LEFT - RIGHT
    step = span / max(1, len(labels) - 1)
    xs = [LEFT + i * step for i in range(len(labels))]
    drawn = []
    for (dash, marker), one in zip(STYLES, series, strict=False):
        points, path, pen_down = [], [], False
        for x, value, label in zip(xs, one.values, labels, strict=True):
            if value is None:
                pen_down = False
                continue
            y = _y(value, top)
            path.append(f"{'L' if pen_down else 'M'}{x:.1f},{y:.1f}")
            pen_down = True
            points.append(Point(x, y, f"{one.name}, {label}: {percent(value)}"))
        drawn.append(DrawnSeries(one.name, " ".join(path), dash, marker, tuple(points)))
    every = max(1, len(labels) // 8)
    x_ticks = tuple(
        Tick(x, label)
        for i, (x, label) in enumerate(zip(xs, labels, strict=True))
        if i % every == 0
    )
    return Chart(title, description, WIDTH, HEIGHT, tuple(drawn), x_ticks, _percent_ticks(top))


def step_chart(
    title: str,
    description: str,
    curves: Sequence[tuple[str, Sequence[float], Sequence[float]]],
    max_x: float,
    x_title: str | None = None,
) -> Chart:
    """Kaplan–Meier style step curves: (name, days, share) with shares 0..1."""
    span = WIDTH - LEFT - RIGHT
    limit = max(max_x, 1.0)

    def x_of(day: float) -> float:
        return LEFT + span * min(day, limit) / limit

    drawn = []
    for (dash, marker), (name, days, share) in zip(STYLES, curves, strict=False):
        if not days:
            continue
        path = [f"M{x_of(days[0]):.1f},{_y(share[0], 1.0):.1f}"]
        for i in range(1, len(days)):
            path.append(f"H{x_of(days[i]):.1f}")
            path.append(f"V{_y(share[i], 1.0):.1f}")
        drawn.append(DrawnSeries(name, " ".join(path), dash, marker, ()))
    months = int(limit // DAYS_PER_MONTH)
    every = 3 if months <= 24 else 6
    x_ticks = tuple(Tick(x_of(m * DAYS_PER_MONTH), f"{m}") for m in range(0, months + 1, every))
    return Chart(
        title,
        description,
        WIDTH,
        HEIGHT,
        tuple(drawn),
        x_ticks,
        _percent_ticks(1.0),
        x_title or _("Måneder etter jobbstart"),
    )


# -- the charts of Innsikt's pages (each next to its table in ``tables.py``) -----------------


def retention_chart(curve: Survival) -> Chart | None:
    """The Kaplan–Meier curve with its lower bound; none when the curve is hidden."""
    if curve.hidden:
        return None
    return step_chart(
        _("Andel fortsatt i jobb etter jobbstart"),
        _(
            "Kaplan-Meier-kurve: andelen som fortsatt er i jobb, måned for måned etter "
            "jobbstart. Tallene står i tabellen under."
        ),
        [
            (_("Andel i jobb"), curve.days, curve.share),
            (_("95 % nedre grense"), curve.days, curve.low),
        ],
        max_x=min(curve.days[-1], 24 * DAYS_PER_MONTH) if curve.days else 1,
    )


def rate_chart(quarters: Sequence[Quarter]) -> Chart:
    """The quarterly employment rate against the IPS benchmarks."""
    minimum, average, excellent = IPS_EMPLOYMENT_RATE_BENCHMARKS.value
    return line_chart(
        _("Sysselsettingsrate per kvartal"),
        _(
            "Andelen som var i ordinær jobb i kvartalet blant dem som ble fulgt opp, med IPS' "
            "referanseverdier. Tallene står i tabellen under."
        ),
        [q.label for q in quarters],
        [
            Series(_("Kontoret"), [None if q.rate.hidden else q.rate.value for q in quarters]),
            *(
                Series(
                    _("IPS %(name)s %(rate)s %%") % {"name": name, "rate": round(100 * v)},
                    [v] * len(quarters),
                )
                for name, v in (
                    (_("minimum"), minimum),
                    (_("snitt"), average),
                    (_("svært god"), excellent),
                )
            ),
        ],
    )


def did_chart(groups: dict[tuple[bool, bool], Rate]) -> Chart:
    """Pilot and control before and after (``tables.did_means`` has the numbers)."""
    return line_chart(
        _("Pilot og kontroll før og etter"),
        _(
            "Andelen med utfallet i pilot- og kontrollkontorene i før- og etterperioden. "
            "Tallene står i tabellen over."
        ),
        [_("Før"), _("Etter")],
        [
            Series(
                name,
                [
                    None if r.hidden else r.value
                    for r in (groups[(pilot, False)], groups[(pilot, True)])
                ],
            )
            for name, pilot in ((_("Pilot"), True), (_("Kontroll"), False))
        ],
    )
