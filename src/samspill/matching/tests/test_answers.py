"""The jobseeker and the employer answer a match with buttons in their own voice; each
button posts to the service, which asks the same predicate the page used to offer it."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from samspill.conftest import World
from samspill.core.tests.page import Page, accepted
from samspill.matching.models import DeclineReason, Match, MatchStatus, MatchStep


def _at(world: World, status: MatchStatus) -> tuple[Match, str]:
    match = world.match
    match.status = status
    match.save()
    return match, reverse("matching:match", kwargs={"match_id": match.uuid})


def _buttons(html: str) -> dict[str, dict[str, list[str]]]:
    """The page's answer forms by the step they post."""
    return {f["to_status"][0]: f for _, _, f in Page(html).forms if "to_status" in f}


def test_the_jobseeker_says_yes_in_their_own_words(world: World, client: Client) -> None:
    match, url = _at(world, MatchStatus.PRESENTED_CANDIDATE)
    client.force_login(world.jobseeker)
    html = client.get(url).content.decode()
    assert "Ja, jeg vil gjerne høre mer" in html
    assert "Nei takk" in html
    assert "Kandidaten er interessert" not in html  # no staff dropdown in the third person
    assert accepted(client.post(url, _buttons(html)["candidate_interested"]))
    match.refresh_from_db()
    assert match.status == MatchStatus.CANDIDATE_INTERESTED
    assert "Ja, jeg vil gjerne høre mer" not in client.get(url).content.decode()


def test_the_jobseeker_says_no_thanks_with_an_optional_reason(world: World, client: Client) -> None:
    match, url = _at(world, MatchStatus.PRESENTED_CANDIDATE)
    client.force_login(world.jobseeker)
    html = client.get(url).content.decode()
    assert "Vil du si hvorfor? (valgfritt)" in html
    no = _buttons(html)["declined"]
    assert accepted(client.post(url, no | {"note": ["For langt å reise."]}))
    match.refresh_from_db()
    assert match.status == MatchStatus.DECLINED
    assert match.decline_reason == DeclineReason.CANDIDATE_NOT_INTERESTED
    assert MatchStep.objects.get(match=match, to_status="declined").note == "For langt å reise."


def test_the_employer_says_yes_or_not_now_with_a_reason(world: World, client: Client) -> None:
    match, url = _at(world, MatchStatus.PRESENTED_EMPLOYER)
    client.force_login(world.employer)
    html = client.get(url).content.decode()
    assert "Ja, vi vil møte kandidaten" in html
    assert "Ikke nå" in html
    not_now = _buttons(html)["declined"]
    response = client.post(url, not_now)
    assert not accepted(response)
    assert "Skriv kort hvorfor" in response.content.decode()
    assert accepted(client.post(url, not_now | {"note": ["Vi har ansatt nylig."]}))
    match.refresh_from_db()
    assert match.decline_reason == DeclineReason.EMPLOYER_DECLINED


def test_the_employer_asks_for_a_meeting(world: World, client: Client) -> None:
    match, url = _at(world, MatchStatus.PRESENTED_EMPLOYER)
    client.force_login(world.employer)
    yes = _buttons(client.get(url).content.decode())["meeting"]
    assert accepted(client.post(url, yes))
    match.refresh_from_db()
    assert match.status == MatchStatus.MEETING


def test_a_party_is_offered_no_answer_to_the_other_partys_question(
    world: World, client: Client
) -> None:
    """The jobseeker cannot answer for the employer, nor the employer for the jobseeker."""
    match, url = _at(world, MatchStatus.PRESENTED_EMPLOYER)
    client.force_login(world.jobseeker)
    response = client.get(url)
    assert "Ja, vi vil møte kandidaten" not in response.content.decode()
    assert not accepted(client.post(url, {"to_status": "meeting"}))
    match, url = _at(world, MatchStatus.PRESENTED_CANDIDATE)
    client.force_login(world.employer)
    assert not accepted(client.post(url, {"to_status": "candidate_interested"}))
    match.refresh_from_db()
    assert match.status == MatchStatus.PRESENTED_CANDIDATE


def test_staff_keep_their_form(world: World, client: Client) -> None:
    _, url = _at(world, MatchStatus.PRESENTED_EMPLOYER)
    client.force_login(world.advisor)
    page = Page(client.get(url).content.decode())
    assert set(page.choices["to_status"]) == {"meeting", "declined"}


def test_an_outsider_cannot_answer(world: World, client: Client) -> None:
    match, url = _at(world, MatchStatus.PRESENTED_EMPLOYER)
    client.force_login(world.persona("advisor_other_office"))
    assert client.get(url).status_code in (403, 404)
    assert not accepted(client.post(url, {"to_status": "meeting"}))
    match.refresh_from_db()
    assert match.status == MatchStatus.PRESENTED_EMPLOYER
