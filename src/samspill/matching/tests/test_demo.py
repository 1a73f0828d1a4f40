"""The demo's Jobbmatch step, run for real on a small demo."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest

from samspill.accounts.models import User
from samspill.conftest import seed_for_module
from samspill.demo.generator import DemoBuilder
from samspill.matching.models import Match, MatchMeeting, MatchStatus
from samspill.matching.transitions import MATCH_TRANSITIONS

TODAY = datetime.date(2026, 6, 1)


pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """Seeded once for the module (the tests only read it)."""
    builder = DemoBuilder(seed=3, size=300, today=TODAY, progress=lambda *_: None)
    yield from seed_for_module(django_db_blocker, lambda: builder.run(lambda *_: None))


@pytest.mark.usefixtures("demo")
def test_demo_matches_walk_the_transition_table_with_reasons() -> None:
    matches = Match.objects.prefetch_related("steps")
    assert len({m.status for m in matches}) >= 3  # matches at several steps
    for match in matches:
        steps = list(match.steps.all())
        assert steps[0].to_status == MatchStatus.SUGGESTED
        for step in steps[1:]:
            assert step.to_status in MATCH_TRANSITIONS[MatchStatus(step.from_status)]
        assert steps[-1].to_status == match.status
        assert (match.status == MatchStatus.DECLINED) == bool(match.decline_reason)


@pytest.mark.usefixtures("demo")
def test_the_demo_logins_have_a_presentation_and_a_prepared_meeting() -> None:
    employer = User.objects.get(username="employer").employer
    assert Match.objects.filter(
        opening__workplace__employer=employer, status=MatchStatus.PRESENTED_EMPLOYER
    ).exists()
    meeting = MatchMeeting.objects.get(organiser__username="employer_contact")
    assert meeting.prepared_at is not None
    assert meeting.lines.exists()
    assert meeting.lines.filter(shared_at__isnull=False).count() <= 1
