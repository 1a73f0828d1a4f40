"""The match meetings list and the pipeline cost the same number of queries for a few rows
as for many (the ranking pages are pinned in ``test_pages.py``)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from samspill.accounts.models import Role
from samspill.accounts.tests.factories import UserFactory
from samspill.conftest import World
from samspill.employers.models import OpeningStatus
from samspill.employers.tests.factories import OpeningFactory
from samspill.matching.live import LIVE
from samspill.matching.models import MatchStatus
from samspill.matching.tests.factories import (
    MatchFactory,
    MatchMeetingFactory,
    MeetingLineFactory,
)
from samspill.matching.tests.scene import build_scene
from samspill.processes.tests.factories import ProcessFactory

#: session, user, the second-factor device, the meetings with their organiser, their offices
#: (one prefetch), and the organiser's office for the form.
MEETINGS_QUERIES = 6
#: session, user, device, the matches with process, candidate, advisor and opening, their
#: consents, and one bulk audit insert for the rows shown.
PIPELINE_QUERIES = 6


@pytest.mark.parametrize("rows", [2, 20])
def test_the_meetings_list_does_not_grow_with_the_meetings(
    world: World, client: Client, django_assert_num_queries: Any, rows: int
) -> None:
    for _ in range(rows):
        MatchMeetingFactory(organiser=world.employer_contact, offices=[world.office])
    client.force_login(world.employer_contact)
    with django_assert_num_queries(MEETINGS_QUERIES):
        response = client.get(reverse("matching:meetings"))
    assert response.status_code == 200
    assert len(response.context["meetings"]) == rows + 1


@pytest.mark.parametrize("rows", [2, 20])
def test_the_pipeline_does_not_grow_with_the_matches(
    world: World, client: Client, django_assert_num_queries: Any, rows: int
) -> None:
    statuses = [MatchStatus.SUGGESTED, MatchStatus.PRESENTED_CANDIDATE, MatchStatus.MEETING]
    for i in range(rows):
        MatchFactory(
            process=ProcessFactory(advisor=world.advisor),
            opening=OpeningFactory(workplace=world.workplace),
            status=statuses[i % len(statuses)],
        )
    client.force_login(world.advisor)
    with django_assert_num_queries(PIPELINE_QUERIES):
        response = client.get(reverse("matching:pipeline"))
    assert response.status_code == 200
    assert len(response.context["rows"]) == rows + 1


#: session, user, device, the process with its person (one join), the audit row, the
#: person's needs, the change-feed check, the ranked openings with their workplaces, and
#: the person's matches.
PROCESS_OPENINGS_QUERIES = 9


def test_a_persons_openings_do_not_grow_with_the_openings(
    world: World, client: Client, django_assert_num_queries: Any
) -> None:
    """The openings ranked for one person: five more open openings cost no extra query."""
    scene = build_scene(world)
    client.force_login(world.advisor)
    url = reverse("matching:process_openings", kwargs={"process_id": scene.kari.uuid})
    client.get(url)  # builds the index
    with django_assert_num_queries(PROCESS_OPENINGS_QUERIES):
        client.get(url)
    for n in range(5):
        opening = OpeningFactory(
            workplace=world.workplace, title=f"Lager {n}", status=OpeningStatus.OPEN
        )
        opening.tasks.set([scene.receiving])
    LIVE.reset()
    client.get(url)
    with django_assert_num_queries(PROCESS_OPENINGS_QUERIES):
        assert "Lager 4" in client.get(url).content.decode()


#: session, user, device, the meeting with its organiser and offices, the lines with
#: opening, employer, process, advisor, candidate and match, the people shown and their
#: consents, the masked people, the audit rows; for the advisor, which of their own lines'
#: processes they see (one query for «Del kandidaten med møtet», not one per line).
MEETING_QUERIES = {"employer_contact": 11, "advisor": 11}


@pytest.mark.parametrize("persona", list(MEETING_QUERIES))
def test_the_meeting_page_does_not_grow_with_the_agenda(
    world: World, client: Client, django_assert_num_queries: Any, persona: str
) -> None:
    """Five more candidates on the agenda (the advisor's own, and others') cost no query."""
    client.force_login(world.persona(persona))
    url = reverse("matching:meeting", kwargs={"meeting_id": world.meeting.uuid})

    colleague = UserFactory(role=Role.ADVISOR, office=world.office)

    def add_lines() -> None:
        for n in range(5):
            advisor = world.advisor if n % 2 else colleague
            process = ProcessFactory(advisor=advisor, office=world.office)
            MeetingLineFactory(meeting=world.meeting, opening=world.opening, process=process)

    add_lines()
    client.get(url)
    with django_assert_num_queries(MEETING_QUERIES[persona]):
        client.get(url)
    add_lines()
    with django_assert_num_queries(MEETING_QUERIES[persona]):
        response = client.get(url)
    assert response.status_code == 200
