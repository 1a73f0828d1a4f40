"""Anonymising keeps Innsikt whole: on the demo data, the figures of every office are the same
before and after retention runs, computed for the same day."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from samspill.accounts.models import Office
from samspill.demo.generator import DemoBuilder
from samspill.insights import selectors as insights
from samspill.lib.dates import add_months
from samspill.processes.models import InclusionProcess
from samspill.retention.models import Anonymisation
from samspill.retention.tests.helpers import run_on


def _figures(day: datetime.date) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for office in Office.objects.order_by("name"):
        processes = InclusionProcess.objects.filter(office=office)
        equity = insights.equity(processes, day)
        out[office.name] = {
            "outcomes": insights.outcomes(processes, add_months(day, -48), day),
            "retention": insights.retention(processes, day),
            "employment": insights.employment_rate(processes, insights.quarters_back(day, 16)),
            "timings": insights.timings(processes, day),
            "followup": insights.followup_figures(processes, day),
            "equity_office": (equity.office.n, equity.office.counts, equity.office.exposed),
            # Age bands come from the birth year once anonymised (docs/rules.md): compare
            # every other group exactly, and the age bands' total.
            "equity_groups": [
                (r.dimension, r.group, r.n, r.counts, r.exposed)
                for r in equity.rows
                if r.dimension != "Alder"
            ],
            "ages_total": sum(r.n for r in equity.rows if r.dimension == "Alder"),
        }
    return out


def test_innsikt_adds_up_the_same_after_retention(db: None) -> None:
    today = timezone.localdate()
    DemoBuilder(seed=5, size=150, today=today, progress=lambda *_: None).run(lambda *_: None)
    day = add_months(today, 30)  # every candidate whose processes are all closed is due
    before = _figures(day)
    report = run_on(day)
    assert report.anonymised > 10
    assert Anonymisation.objects.count() == report.anonymised
    assert _figures(day) == before
