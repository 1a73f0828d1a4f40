"""The fidelity review's suggested scores write their figures with bokmål's decimal comma."""

from __future__ import annotations

import re

from django.utils import timezone

from samspill.conftest import World
from samspill.insights.fidelity import suggestions
from samspill.processes.models import InclusionProcess


def test_suggested_scores_write_averages_with_a_decimal_comma(world: World) -> None:
    processes = InclusionProcess.objects.filter(office=world.office)
    found = suggestions(processes, timezone.localdate())
    assert re.match(r"\d+,\d aktive forløp per jobbspesialist", str(found["S1"].figures))
    assert re.match(r"\d+,\d personlige arbeidsgiverkontakter", str(found["Sv6"].figures))
