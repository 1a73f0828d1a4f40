"""The statistics, pinned on numbers that can be checked by hand."""

from __future__ import annotations

import numpy as np
import pytest

from samspill.insights.stats import (
    Rate,
    adjusted,
    below,
    did_from_counts,
    did_regression,
    kaplan_meier,
    shown,
)


def test_small_numbers_are_suppressed_but_zero_is_not() -> None:
    assert [shown(n) for n in (0, 1, 4, 5, 12)] == ["0", "<5", "<5", "5", "12"]
    assert Rate(3, 40).percent() == "<5"  # three people with the outcome
    assert Rate(38, 40).percent() == "<5"  # two without: as revealing
    assert Rate(10, 40).percent() == "25,0 %"


def test_wilson_interval_contains_the_rate_and_narrows_with_more_people() -> None:
    small, large = Rate(10, 40).interval, Rate(250, 1000).interval
    assert small is not None
    assert large is not None
    assert small[0] < 0.25 < small[1]
    assert large[1] - large[0] < small[1] - small[0]


def test_did_from_counts_reproduces_the_seed_example() -> None:
    # Seed 001's lønnstilskudd example: pilot 6.0 % → 24.8 %, control 12.6 % → 13.2 %.
    result = did_from_counts(Rate(60, 1000), Rate(248, 1000), Rate(126, 1000), Rate(132, 1000))
    assert result.estimate_pp == pytest.approx(18.2)
    assert result.ci_low_pp < 18.2 < result.ci_high_pp
    assert result.ci_high_pp - result.ci_low_pp < 10


def test_did_regression_on_generated_people_with_the_seed_means() -> None:
    rng = np.random.default_rng(1)
    outcome, pilot, after, office = [], [], [], []
    # Four pilot and four control offices, 500 people per office and period; the cell means
    # are exactly those of seed 001.
    for is_pilot, means in ((True, (0.060, 0.248)), (False, (0.126, 0.132))):
        for o in range(4):
            for is_after, mean in enumerate(means):
                k = round(mean * 500)
                values = np.array([1.0] * k + [0.0] * (500 - k))
                rng.shuffle(values)
                outcome += list(values)
                pilot += [is_pilot] * 500
                after += [bool(is_after)] * 500
                office += [o + (0 if is_pilot else 10)] * 500
    result = did_regression(outcome, pilot, after, office)
    assert result.estimate_pp == pytest.approx(18.2, abs=0.05)
    assert result.pilot_before == pytest.approx(0.060, abs=0.001)
    assert result.control_after == pytest.approx(0.132, abs=0.001)
    assert result.ci_low_pp < result.estimate_pp < result.ci_high_pp


def test_kaplan_meier_counts_people_still_working_as_censored() -> None:
    # Ten jobs: five ended at 30, 60, 90, 120, 150 days; five still going at 200 days.
    durations = [30, 60, 90, 120, 150, 200]
    ended = [True, True, True, True, True, False]
    weights = [1, 1, 1, 1, 1, 5]
    curve = kaplan_meier(durations, ended, weights)
    assert curve.at(0) == 1.0
    assert curve.at(45) == pytest.approx(0.9)
    assert curve.at(182) == pytest.approx(0.5)
    assert curve.at(365) is None  # nobody followed that long: no extrapolation
    assert curve.people == 10
    assert curve.ended == 5
    # The naive share "still in their job" among those who left early would be 0.
    censored_early = kaplan_meier([10, 100], [False, True], [9, 1])
    assert censored_early.at(100) == pytest.approx(0.0)
    assert censored_early.at(50) == pytest.approx(1.0)


def test_a_group_clearly_below_the_rest_is_flagged_after_adjustment() -> None:
    low = below(Rate(5, 100), Rate(300, 1000))
    same = below(Rate(30, 100), Rate(300, 1000))
    assert low is not None
    assert same is not None
    assert low < 0.001 < same
    result = adjusted([low, same, None])
    assert result[2] is None
    assert result[0] == pytest.approx(min(1.0, low * 2))  # Benjamini–Hochberg, rank 1 of 2
    assert result[1] == pytest.approx(same)
