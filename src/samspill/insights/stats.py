"""The statistics behind Innsikt, free of Django: rates with confidence intervals, small-number
suppression, Kaplan–Meier retention, the equity test and difference-in-differences.

Libraries do the arithmetic (statsmodels, scipy); this module only says which method and
why. Every function takes counts or arrays, so the database does the counting.

statsmodels and scipy are imported where they are used: importing them takes seconds, and
every process that loads the URLs (each test worker, each web worker) would pay for it
before its first request, whether Innsikt is asked for or not.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from samspill.rules import SMALL_NUMBER_LIMIT

#: An average month in days (365.25 / 12), for retention points and chart axes in months.
DAYS_PER_MONTH = 30.44
#: Confidence level of every interval shown.
CONFIDENCE = 0.95
#: A group is flagged when its rate is below the rest of the office with this (adjusted)
#: significance.
FLAG_ALPHA = 0.05


#: What a suppressed cell shows instead of its number: «<5».
SUPPRESSED = f"<{SMALL_NUMBER_LIMIT.value}"


def suppressed(count: int) -> bool:
    """Cells of 1 to ``SMALL_NUMBER_LIMIT - 1`` people are shown as "<5" outside the case view."""
    return 0 < count < SMALL_NUMBER_LIMIT.value


def shown(count: int) -> str:
    return SUPPRESSED if suppressed(count) else str(count)


def percent(share: float | None) -> str:
    """A share as «41,0 %»; «–» when there is none."""
    return "–" if share is None else f"{number_format(100 * share, 1)} %"


@dataclass(frozen=True)
class Rate:
    """k of n, with a Wilson interval (good also for small n and rates near 0 or 1)."""

    k: int
    n: int

    @property
    def value(self) -> float | None:
        return self.k / self.n if self.n else None

    @property
    def interval(self) -> tuple[float, float] | None:
        if not self.n:
            return None
        from statsmodels.stats.proportion import proportion_confint

        low, high = proportion_confint(self.k, self.n, alpha=1 - CONFIDENCE, method="wilson")
        return float(low), float(high)

    @property
    def hidden(self) -> bool:
        """Suppressed: the group or the people with the outcome are too few to show."""
        return suppressed(self.n) or suppressed(self.k) or suppressed(self.n - self.k)

    def percent(self) -> str:
        if self.hidden:
            return SUPPRESSED
        return percent(self.value)

    def interval_text(self) -> str:
        interval = None if self.hidden else self.interval
        if interval is None:
            return ""
        low, high = (number_format(100 * x, 1) for x in interval)
        return f"{low}–{high} %"


def below(group: Rate, rest: Rate) -> float | None:
    """One-sided Fisher exact test that the group's rate is below the rest's (p-value)."""
    if not group.n or not rest.n:
        return None
    from scipy.stats import fisher_exact

    table = [[group.k, group.n - group.k], [rest.k, rest.n - rest.k]]
    return float(fisher_exact(table, alternative="less").pvalue)


def adjusted(p_values: Sequence[float | None]) -> list[float | None]:
    """p-values adjusted for testing many groups at once (Benjamini–Hochberg: the monitor is
    a screen, so it controls the share of false flags rather than the chance of any;
    ``None`` stays ``None``)."""
    present = [p for p in p_values if p is not None]
    if not present:
        return list(p_values)
    from statsmodels.stats.multitest import multipletests

    adjusted = iter(multipletests(present, method="fdr_bh")[1])
    return [None if p is None else float(next(adjusted)) for p in p_values]


@dataclass(frozen=True)
class Survival:
    """A Kaplan–Meier curve of time in work: steps of (day, share still in work), from day 0
    to the longest follow-up, with a pointwise 95 % interval."""

    days: tuple[float, ...]
    share: tuple[float, ...]
    low: tuple[float, ...]
    high: tuple[float, ...]
    people: int
    ended: int

    @property
    def hidden(self) -> bool:
        """Too few jobs to show a curve (none at all counts as too few)."""
        return self.people < SMALL_NUMBER_LIMIT.value

    def at_month(self, months: int) -> float | None:
        """The estimate ``months`` months after the start; ``None`` when hidden or beyond
        the longest follow-up."""
        return None if self.hidden else self.at(months * DAYS_PER_MONTH)

    def at(self, day: float) -> float | None:
        """The estimate at ``day``; ``None`` beyond the longest follow-up (no extrapolation)."""
        if not self.days or day > self.days[-1]:
            return None
        index = int(np.searchsorted(self.days, day, side="right")) - 1
        return self.share[max(index, 0)]


def kaplan_meier(
    durations: Sequence[float], ended: Sequence[bool], weights: Sequence[int]
) -> Survival:
    """Time in work, with people still working counted as censored (not as successes).

    ``durations`` in days; ``ended`` whether the job ended then (otherwise the person was
    still, or last known to be, working); ``weights`` how many jobs share that pair (the
    database groups them).
    """
    from statsmodels.duration.survfunc import SurvfuncRight

    total = int(sum(weights))
    if not total:
        return Survival((), (), (), (), 0, 0)
    times = np.asarray(durations, dtype=float)
    status = np.asarray(ended, dtype=float)
    freq = np.asarray(weights, dtype=float)
    days, share, low, high = [0.0], [1.0], [1.0], [1.0]
    if status.any():
        fit = SurvfuncRight(times, status, freq_weights=freq)
        z = 1.959963984540054
        for t, s, se in zip(fit.surv_times, fit.surv_prob, fit.surv_prob_se, strict=True):
            days.append(float(t))
            share.append(float(s))
            if 0 < s < 1 and se > 0:  # log(-log) interval, stays inside 0..1
                spread = z * se / (s * abs(math.log(s)))
                low.append(float(s ** math.exp(spread)))
                high.append(float(s ** math.exp(-spread)))
            else:
                low.append(float(s))
                high.append(float(s))
    longest = float(times.max())
    if longest > days[-1]:
        days.append(longest)
        share.append(share[-1])
        low.append(low[-1])
        high.append(high[-1])
    return Survival(
        days=tuple(days),
        share=tuple(share),
        low=tuple(low),
        high=tuple(high),
        people=total,
        ended=int(freq[status > 0].sum()),
    )


@dataclass(frozen=True)
class DidResult:
    """A difference-in-differences estimate in percentage points, with its interval."""

    estimate_pp: float
    ci_low_pp: float
    ci_high_pp: float
    pilot_before: float
    pilot_after: float
    control_before: float
    control_after: float
    method: str


def did_from_counts(
    pilot_before: Rate, pilot_after: Rate, control_before: Rate, control_after: Rate
) -> DidResult:
    """The estimate from four proportions: (pilot after − before) − (control after − before),
    with a normal interval from the four independent binomial variances. For figures that
    come from elsewhere; with people's rows, ``did_regression`` clusters by office."""
    cells = (pilot_before, pilot_after, control_before, control_after)
    if any(not cell.n for cell in cells):
        raise ValueError("every group and period needs at least one person")
    rates = [cell.k / cell.n for cell in cells]
    estimate = (rates[1] - rates[0]) - (rates[3] - rates[2])
    se = math.sqrt(sum(p * (1 - p) / cell.n for p, cell in zip(rates, cells, strict=True)))
    z = 1.959963984540054
    return DidResult(
        estimate_pp=100 * estimate,
        ci_low_pp=100 * (estimate - z * se),
        ci_high_pp=100 * (estimate + z * se),
        pilot_before=rates[0],
        pilot_after=rates[1],
        control_before=rates[2],
        control_after=rates[3],
        method=_("Fire andeler, normaltilnærming"),
    )


def did_regression(
    outcome: Sequence[float],
    pilot: Sequence[bool],
    after: Sequence[bool],
    office: Sequence[int],
) -> DidResult:
    """The estimate from people's rows: OLS of the outcome on pilot, after and pilot×after;
    the interaction is the estimate, its standard error clustered by office (people at one
    office are not independent). With few offices the interval is wide, as it should be."""
    from statsmodels.regression.linear_model import OLS
    from statsmodels.tools.tools import add_constant

    y = np.asarray(outcome, dtype=float)
    p = np.asarray(pilot, dtype=float)
    a = np.asarray(after, dtype=float)
    x = add_constant(np.column_stack([p, a, p * a]), has_constant="add")
    fit = OLS(y, x).fit(cov_type="cluster", cov_kwds={"groups": np.asarray(office)})
    low, high = fit.conf_int(alpha=1 - CONFIDENCE)[3]

    def mean(mask: np.ndarray) -> float:
        return float(y[mask].mean()) if mask.any() else float("nan")

    pb, pa = (p == 1) & (a == 0), (p == 1) & (a == 1)
    cb, ca = (p == 0) & (a == 0), (p == 0) & (a == 1)
    return DidResult(
        estimate_pp=100 * float(fit.params[3]),
        ci_low_pp=100 * float(low),
        ci_high_pp=100 * float(high),
        pilot_before=mean(pb),
        pilot_after=mean(pa),
        control_before=mean(cb),
        control_after=mean(ca),
        method=_("Regresjon med standardfeil gruppert på kontor"),
    )
