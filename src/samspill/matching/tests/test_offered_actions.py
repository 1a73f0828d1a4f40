"""What the match page and the meeting agenda offer is what the services accept: the next
steps of a match per role (read from the page's form and each performed), and «Del
kandidaten med møtet» only for the candidate's own advisor, once."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from samspill.conftest import World
from samspill.core.tests.page import Page, accepted
from samspill.matching.models import DeclineReason, MatchStatus

#: (persona, status): the steps the match page offers, every other step refused.
STEPS = {
    ("jobseeker", MatchStatus.PRESENTED_CANDIDATE): {"candidate_interested", "declined"},
    ("employer", MatchStatus.PRESENTED_EMPLOYER): {"meeting", "declined"},
    ("employer", MatchStatus.MEETING): set(),
    ("advisor", MatchStatus.PRESENTED_EMPLOYER): {"meeting", "declined"},
    ("advisor", MatchStatus.MEETING): {"agreed", "declined"},
    ("manager", MatchStatus.SUGGESTED): {"presented_candidate", "declined"},
}


@pytest.mark.parametrize(("persona", "status"), list(STEPS))
def test_the_match_page_offers_the_steps_the_service_accepts(
    world: World, client: Client, persona: str, status: MatchStatus
) -> None:
    match = world.match
    match.status = status
    match.save()
    client.force_login(world.persona(persona))
    url = reverse("matching:match", kwargs={"match_id": match.uuid})
    page = Page(client.get(url).content.decode())
    offered = {value for value in page.choices.get("to_status", []) if value}
    # the jobseeker and the employer answer with one button (a form of its own) per step
    if "to_status" not in page.choices:
        offered |= {f["to_status"][0] for _, _, f in page.forms if "to_status" in f}
    assert offered == STEPS[persona, status]
    form = next((fields for _, method, fields in page.forms if "to_status" in fields), {})
    for target in MatchStatus.values:
        with transaction.atomic():
            data = form | {"to_status": [target], "reason": [DeclineReason.OTHER]}
            data |= {"note": ["Passet ikke."]}
            assert accepted(client.post(url, data)) == (target in offered), target
            transaction.set_rollback(True)


def test_only_the_candidates_advisor_is_offered_to_share_them_and_only_once(
    world: World, client: Client
) -> None:
    meeting_page = reverse("matching:meeting", kwargs={"meeting_id": world.meeting.uuid})
    share = reverse(
        "matching:line_share",
        kwargs={"meeting_id": world.meeting.uuid, "line_id": world.line.uuid},
    )
    client.force_login(world.manager)  # sees the process, is not the candidate's advisor
    assert share not in client.get(meeting_page).content.decode()
    assert not accepted(client.post(share))
    client.force_login(world.advisor)
    assert share in client.get(meeting_page).content.decode()
    assert accepted(client.post(share))
    assert share not in client.get(meeting_page).content.decode()
    assert not accepted(client.post(share))
