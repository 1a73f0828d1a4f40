"""Jobbmatch pages through the Django client: rankings, masking, carving and meetings."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from samspill import policy
from samspill.audit.models import AuditEvent
from samspill.conftest import World
from samspill.core.tests.page import Page
from samspill.employers.models import Opening, OpeningStatus
from samspill.matching import services
from samspill.matching.live import LIVE
from samspill.matching.models import LineOutcome, Match, MatchMeeting, MatchStatus
from samspill.matching.tests.scene import Scene, build_extra_candidate, build_scene
from samspill.processes.models import ProcessMember
from samspill.processes.tests.factories import MemberFactory


@pytest.fixture
def scene(world: World) -> Scene:
    return build_scene(world)


def test_candidates_for_an_opening_show_names_only_from_the_advisors_portfolio(
    scene: Scene, client: Client
) -> None:
    client.force_login(scene.world.advisor)
    url = reverse("matching:opening_candidates", kwargs={"opening_id": scene.opening.uuid})
    page = client.get(url).content.decode()
    assert "Kari Lund" in page
    assert "Per Dahl" not in page
    # Masked: too few share Per's initials and age group at his advisor to show them.
    assert "P. D." not in page
    assert "Ikke i din portefølje" in page
    assert "Ola Moe" not in page  # excluded, not asked for
    page = client.get(url + "?utelukket=1").content.decode()
    assert "Ola Moe" in page
    assert "Varemottak" in page
    masked = AuditEvent.objects.filter(object_uuid=scene.per.uuid, actor=scene.world.advisor)
    assert masked.filter(detail__contains="initialer").exists()


def test_roles_outside_matching_cannot_rank(scene: Scene, client: Client) -> None:
    url = reverse("matching:opening_candidates", kwargs={"opening_id": scene.opening.uuid})
    for persona in (scene.world.employer, scene.world.jobseeker, scene.world.partner):
        client.force_login(persona)
        assert client.get(url).status_code == 404


def test_openings_for_a_candidate_and_proposing_from_the_pair_page(
    scene: Scene, client: Client
) -> None:
    client.force_login(scene.world.advisor)
    page = client.get(reverse("matching:process_openings", kwargs={"process_id": scene.kari.uuid}))
    assert "Lagermedarbeider" in page.content.decode()
    pair = reverse(
        "matching:pair", kwargs={"process_id": scene.ola.uuid, "opening_id": scene.opening.uuid}
    )
    response = client.post(pair, {"override_reason": ""})
    assert response.status_code == 200
    assert "Skriv hvorfor du foreslår likevel" in response.content.decode()
    assert not Match.objects.filter(process=scene.ola).exists()
    response = client.post(pair, {"override_reason": "Varemottaket byttes ut med plukking."})
    match = Match.objects.get(process=scene.ola)
    assert response.status_code == 302
    assert response.url.endswith(f"{match.uuid}/")


def test_carving_turns_the_chosen_tasks_into_a_proposed_draft_opening(
    scene: Scene, client: Client
) -> None:
    client.force_login(scene.world.advisor)
    url = reverse(
        "matching:carve",
        kwargs={"process_id": scene.ola.uuid, "workplace_id": scene.world.workplace.uuid},
    )
    page = client.get(url).content.decode()
    assert "Plukking" in page
    response = client.post(
        url,
        {
            "tasks": [str(scene.picking.uuid)],
            "title": "Plukker",
            "kind": "trial_place",
            "purpose": "trial",
        },
    )
    assert response.status_code == 302
    opening = Opening.objects.get(title="Plukker")
    assert opening.status == OpeningStatus.DRAFT
    assert list(opening.tasks.all()) == [scene.picking]
    assert Match.objects.get(opening=opening).process == scene.ola
    response = client.post(url, {"tasks": [], "title": "", "kind": "job", "purpose": "trial"})
    assert response.status_code == 200
    assert Opening.objects.filter(title="").count() == 0


def test_a_match_meeting_from_invitation_to_outcome(scene: Scene, client: Client) -> None:
    world = scene.world
    client.force_login(world.employer_contact)
    response = client.post(
        reverse("matching:meetings"),
        {
            "title": "Matchemøte lager",
            "held_on": "2099-01-05",
            "offices": [str(world.office.uuid)],
            "candidates_per_opening": "3",
        },
    )
    meeting = MatchMeeting.objects.get(title="Matchemøte lager")
    assert response.status_code == 302
    client.post(reverse("matching:meeting_prepare", kwargs={"meeting_id": meeting.uuid}))
    line = meeting.lines.get(process=scene.kari)
    assert not meeting.lines.filter(process=scene.per).exists()  # office B is not in the meeting
    url = reverse("matching:meeting", kwargs={"meeting_id": meeting.uuid})
    page = client.get(url).content.decode()
    assert "Kari Lund" not in page
    assert "K. L." not in page  # masked, and too few share the initials to show them
    assert world.advisor.display_name in page  # whom to ask

    client.force_login(world.advisor)
    assert "Kari Lund" in client.get(url).content.decode()
    client.post(
        reverse("matching:line_share", kwargs={"meeting_id": meeting.uuid, "line_id": line.uuid})
    )
    assert ProcessMember.objects.filter(process=scene.kari, user=world.employer_contact).exists()

    client.force_login(world.employer_contact)
    page = client.get(url).content.decode()
    assert "Kari Lund" in page
    assert "Lagre utfall" in page  # not the jargon «Før utfall»
    # one compact row per candidate; the outcome form folded away in each row
    assert page.count('<tr class="aksel-table__row">') == meeting.lines.count() + 1
    assert page.count("<details>") == meeting.lines.count()
    outcome = reverse(
        "matching:line_outcome", kwargs={"meeting_id": meeting.uuid, "line_id": line.uuid}
    )
    client.post(outcome, {"outcome": LineOutcome.PROPOSE, "note": "Kari vil gjerne prøve."})
    line.refresh_from_db()
    assert line.outcome == LineOutcome.PROPOSE
    assert line.match is not None
    assert line.match.status == MatchStatus.SUGGESTED


def test_only_the_organiser_records_outcomes(scene: Scene, client: Client) -> None:
    world = scene.world
    client.force_login(world.advisor)
    url = reverse(
        "matching:line_outcome",
        kwargs={"meeting_id": world.meeting.uuid, "line_id": world.line.uuid},
    )
    assert client.post(url, {"outcome": "later"}).status_code == 403
    world.line.refresh_from_db()
    assert world.line.outcome == ""


def test_candidates_for_a_workplaces_tasks_link_to_carving(scene: Scene, client: Client) -> None:
    client.force_login(scene.world.advisor)
    url = reverse(
        "matching:workplace_candidates", kwargs={"workplace_id": scene.world.workplace.uuid}
    )
    page = client.get(url).content.decode()
    carve = reverse(
        "matching:carve",
        kwargs={"process_id": scene.kari.uuid, "workplace_id": scene.world.workplace.uuid},
    )
    assert carve in page


def test_workplaces_for_a_candidate_are_carved_best_first(scene: Scene, client: Client) -> None:
    client.force_login(scene.world.advisor)
    page = client.get(reverse("matching:carve_pick", kwargs={"process_id": scene.ola.uuid}))
    text = page.content.decode()
    assert scene.world.workplace.name in text
    assert "fyller ønsket tid" in text
    carve = reverse(
        "matching:carve",
        kwargs={"process_id": scene.ola.uuid, "workplace_id": scene.world.workplace.uuid},
    )
    assert carve in text


#: Session, user and the second-factor device; the opening, its tasks, the offices, the
#: employer's experience, the workplace's tasks and the employer's declines; the feed
#: check; the visible people, their consents, the masked people and their peers (to count
#: who shares initials and age group); one audit insert for each kind; the pipeline.
RANKING_QUERIES = 17


def test_the_ranking_page_runs_a_fixed_number_of_queries(
    scene: Scene, client: Client, django_assert_num_queries: Any
) -> None:
    """No query per ranked candidate: five more candidates cost no extra query."""
    client.force_login(scene.world.advisor)
    url = reverse("matching:opening_candidates", kwargs={"opening_id": scene.opening.uuid})
    client.get(url)  # builds the index
    with django_assert_num_queries(RANKING_QUERIES):
        client.get(url)
    for n in range(5):
        build_extra_candidate(scene, n)
    LIVE.reset()  # factories write no feed rows: rebuild to include them
    client.get(url)
    with django_assert_num_queries(RANKING_QUERIES):
        assert "Kari Lund" in client.get(url).content.decode()


def test_the_markedskontakt_carves_a_job_for_a_process_they_are_invited_to(
    scene: Scene, client: Client
) -> None:
    """Their «snekre en jobb» link opens (``may_carve_job``: they work with employers), and
    the carving is performed; a process they are not invited to stays hidden."""
    world = scene.world
    MemberFactory(process=scene.kari, user=world.employer_contact, role="employer_contact")
    client.force_login(world.employer_contact)
    ranking = reverse(
        "matching:workplace_candidates", kwargs={"workplace_id": world.workplace.uuid}
    )
    carve = reverse(
        "matching:carve",
        kwargs={"process_id": scene.kari.uuid, "workplace_id": world.workplace.uuid},
    )
    assert carve in client.get(ranking).content.decode()
    assert client.get(carve).status_code == 200
    data = {
        "tasks": [str(scene.picking.uuid)],
        "title": "Plukker",
        "kind": "job",
        "purpose": "trial",
    }
    response = client.post(carve, data)
    assert response.status_code == 302
    match = Match.objects.get(opening__title="Plukker")
    assert (match.process, match.created_by) == (scene.kari, world.employer_contact)
    hidden = reverse(
        "matching:carve",
        kwargs={"process_id": scene.ola.uuid, "workplace_id": world.workplace.uuid},
    )
    assert client.get(hidden).status_code == 404


def test_an_invited_partner_may_not_carve(scene: Scene, client: Client) -> None:
    world = scene.world
    MemberFactory(process=scene.kari, user=world.partner)
    assert not policy.may_carve_job(world.partner, scene.kari)
    assert policy.may_carve_job(world.employer_contact, scene.kari)
    client.force_login(world.partner)
    carve = reverse(
        "matching:carve",
        kwargs={"process_id": scene.kari.uuid, "workplace_id": world.workplace.uuid},
    )
    assert client.get(carve).status_code == 404


def test_a_rankings_match_badges_lead_to_matches_the_user_may_open(
    scene: Scene, client: Client
) -> None:
    """The manager's «Foreslått» badge: a badge links only where the person is shown (a
    masked candidate's match is at another office, and its page would answer 404)."""
    kari = services.match_propose(
        actor=scene.world.advisor, process=scene.kari, opening=scene.opening
    )
    per = services.match_propose(actor=scene.per.advisor, process=scene.per, opening=scene.opening)
    client.force_login(scene.world.manager)
    url = reverse("matching:opening_candidates", kwargs={"opening_id": scene.opening.uuid})
    page = Page(client.get(url).content.decode())
    match_links = [link for link in page.links if link.startswith("/jobbmatch/")]
    assert reverse("matching:match", kwargs={"match_id": kari.uuid}) in page.links
    assert reverse("matching:match", kwargs={"match_id": per.uuid}) not in page.links
    for link in match_links:
        assert client.get(link).status_code == 200, link
