"""The match pipeline: the transition table, reasons, audit rows and consent at presentation."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from samspill.agreements.models import Agreement
from samspill.audit.models import AuditEvent
from samspill.conftest import World
from samspill.employers.tests.factories import OpeningFactory
from samspill.matching import selectors, services
from samspill.matching.models import DeclineReason, Match, MatchStatus
from samspill.matching.tests.scene import Scene, build_scene
from samspill.notifications.models import Notification


@pytest.fixture
def scene(world: World) -> Scene:
    return build_scene(world)


def _walk_to(scene: Scene, match: Match, *statuses: MatchStatus) -> Match:
    for status in statuses:
        match = services.match_move(actor=scene.world.advisor, match=match, to_status=status)
    return match


def test_a_match_moves_step_by_step_with_dated_steps_and_audit_rows(scene: Scene) -> None:
    advisor = scene.world.advisor
    match = services.match_propose(actor=advisor, process=scene.kari, opening=scene.opening)
    assert match.status == MatchStatus.SUGGESTED
    assert match.score is not None
    match = _walk_to(
        scene,
        match,
        MatchStatus.PRESENTED_CANDIDATE,
        MatchStatus.CANDIDATE_INTERESTED,
        MatchStatus.PRESENTED_EMPLOYER,
        MatchStatus.MEETING,
        MatchStatus.AGREED,
    )
    steps = list(match.steps.values_list("from_status", "to_status"))
    assert steps[0] == ("", "suggested")
    assert steps[-1] == ("meeting", "agreed")
    assert len(steps) == 6
    audited = AuditEvent.objects.filter(object_type="match", object_uuid=match.uuid)
    assert audited.count() == 6
    assert set(audited.values_list("subject_uuid", flat=True)) == {scene.kari.candidate.uuid}


def test_no_presentation_to_the_employer_before_the_candidate_said_yes(scene: Scene) -> None:
    advisor = scene.world.advisor
    match = services.match_propose(actor=advisor, process=scene.kari, opening=scene.opening)
    match = _walk_to(scene, match, MatchStatus.PRESENTED_CANDIDATE)
    with pytest.raises(ValidationError) as error:
        services.match_move(actor=advisor, match=match, to_status=MatchStatus.PRESENTED_EMPLOYER)
    assert "to_status" in error.value.message_dict
    assert Match.objects.get(pk=match.pk).status == MatchStatus.PRESENTED_CANDIDATE


def test_every_decline_has_a_reason_code(scene: Scene) -> None:
    advisor = scene.world.advisor
    match = services.match_propose(actor=advisor, process=scene.kari, opening=scene.opening)
    with pytest.raises(ValidationError) as error:
        services.match_move(actor=advisor, match=match, to_status=MatchStatus.DECLINED)
    assert "reason" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.match_move(
            actor=advisor, match=match, to_status=MatchStatus.DECLINED, reason="other"
        )
    assert "note" in error.value.message_dict
    match = services.match_move(
        actor=advisor,
        match=match,
        to_status=MatchStatus.DECLINED,
        reason=DeclineReason.CANDIDATE_NOT_INTERESTED,
    )
    assert match.decline_reason == DeclineReason.CANDIDATE_NOT_INTERESTED
    assert match.steps.last().reason == DeclineReason.CANDIDATE_NOT_INTERESTED  # type: ignore[union-attr]


def test_an_excluded_candidate_is_proposed_only_with_a_recorded_reason(scene: Scene) -> None:
    advisor = scene.world.advisor
    with pytest.raises(ValidationError) as error:
        services.match_propose(actor=advisor, process=scene.ola, opening=scene.opening)
    message = error.value.message_dict["override_reason"][0]
    assert "utelukket" in message
    assert "Varemottak" in message
    assert not Match.objects.filter(process=scene.ola).exists()
    match = services.match_propose(
        actor=advisor,
        process=scene.ola,
        opening=scene.opening,
        override_reason="Arbeidsgiver har sagt at varemottaket kan byttes med plukking.",
    )
    assert match.override_reason.startswith("Arbeidsgiver")


def test_the_employer_sees_a_presented_candidate_with_consented_items_only(
    scene: Scene, client: Client
) -> None:
    world = scene.world
    match = services.match_propose(actor=world.advisor, process=scene.kari, opening=scene.opening)
    url = reverse("matching:match", kwargs={"match_id": match.uuid})
    client.force_login(world.employer)
    match = _walk_to(
        scene, match, MatchStatus.PRESENTED_CANDIDATE, MatchStatus.CANDIDATE_INTERESTED
    )
    assert client.get(url).status_code == 404  # not yet presented
    _walk_to(scene, match, MatchStatus.PRESENTED_EMPLOYER)
    page = client.get(url).content.decode()
    assert "Kari Lund" in page  # consented: name
    assert "kjøre truck" in page  # consented: interests (own words)
    assert scene.kari.candidate.phone not in page  # not consented: contact


def test_an_employer_decline_excludes_the_candidate_for_that_employer(scene: Scene) -> None:
    world = scene.world
    match = services.match_propose(actor=world.advisor, process=scene.kari, opening=scene.opening)
    match = _walk_to(
        scene,
        match,
        MatchStatus.PRESENTED_CANDIDATE,
        MatchStatus.CANDIDATE_INTERESTED,
        MatchStatus.PRESENTED_EMPLOYER,
    )
    with pytest.raises(ValidationError):  # an employer cannot say "agreed" on its own
        services.match_move(actor=world.employer, match=match, to_status=MatchStatus.AGREED)
    match = services.match_move(actor=world.employer, match=match, to_status=MatchStatus.DECLINED)
    assert match.decline_reason == DeclineReason.EMPLOYER_DECLINED
    result = selectors.explain(scene.kari, scene.opening)
    assert "employer_excluded" in result.reason_codes


def test_the_employer_sees_no_match_of_its_candidate_with_another_employer(
    scene: Scene, client: Client
) -> None:
    world = scene.world
    match = services.match_propose(actor=world.advisor, process=scene.kari, opening=scene.opening)
    _walk_to(
        scene,
        match,
        MatchStatus.PRESENTED_CANDIDATE,
        MatchStatus.CANDIDATE_INTERESTED,
        MatchStatus.PRESENTED_EMPLOYER,
    )
    elsewhere = OpeningFactory(title="Butikkmedarbeider hos en annen")
    other = services.match_propose(
        actor=world.advisor, process=scene.kari, opening=elsewhere, override_reason="Test"
    )
    client.force_login(world.employer)
    page = client.get(reverse("matching:pipeline")).content.decode()
    assert '<h1 class="aksel-heading aksel-heading--xlarge">Kandidater presentert for oss' in page
    assert "<title>Kandidater presentert for oss" in page  # what the employer's menu says
    assert "Lagermedarbeider" in page
    assert "Butikkmedarbeider hos en annen" not in page
    assert client.get(reverse("matching:match", kwargs={"match_id": other.uuid})).status_code == 404


def test_the_jobseeker_sees_a_suggestion_once_presented_and_answers_it(
    scene: Scene, client: Client
) -> None:
    world = scene.world
    match = services.match_propose(
        actor=world.advisor, process=world.process, opening=scene.opening, override_reason="Test"
    )
    url = reverse("matching:match", kwargs={"match_id": match.uuid})
    client.force_login(world.jobseeker)
    assert client.get(url).status_code == 404
    _walk_to(scene, match, MatchStatus.PRESENTED_CANDIDATE)
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Om stillingen" in page
    assert "Hva kandidaten kan og vil" not in page
    response = client.post(url, {"to_status": "declined"})
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.status == MatchStatus.DECLINED
    assert match.decline_reason == "candidate_not_interested"
    assert client.post(url, {"to_status": "candidate_interested"}).status_code == 403


def test_an_agreed_match_leads_to_writing_the_agreement(scene: Scene, client: Client) -> None:
    match = services.match_propose(
        actor=scene.world.advisor, process=scene.kari, opening=scene.opening
    )
    match = _walk_to(
        scene,
        match,
        MatchStatus.PRESENTED_CANDIDATE,
        MatchStatus.CANDIDATE_INTERESTED,
        MatchStatus.PRESENTED_EMPLOYER,
        MatchStatus.MEETING,
        MatchStatus.AGREED,
    )
    client.force_login(scene.world.advisor)
    page = client.get(reverse("matching:match", kwargs={"match_id": match.uuid})).content.decode()
    url = reverse("matching:match_agreement", kwargs={"match_id": match.uuid})
    assert url in page
    response = client.post(url)
    agreement = Agreement.objects.get(process=scene.kari)
    assert response.url == reverse("agreements:edit", kwargs={"agreement_id": agreement.uuid})
    assert agreement.workplace == scene.opening.workplace
    assert "Varemottak" in agreement.tasks
    scene.kari.refresh_from_db()
    assert scene.kari.employer == scene.opening.workplace.employer


def test_an_agreement_is_drafted_only_from_an_agreed_match(scene: Scene) -> None:
    match = services.match_propose(
        actor=scene.world.advisor, process=scene.kari, opening=scene.opening
    )
    with pytest.raises(ValidationError):
        services.match_draft_agreement(actor=scene.world.advisor, match=match)
    assert not Agreement.objects.filter(process=scene.kari).exists()


def test_the_employer_is_notified_of_a_presentation_and_the_advisor_of_the_answer(
    scene: Scene,
) -> None:
    world = scene.world
    match = services.match_propose(actor=world.advisor, process=scene.kari, opening=scene.opening)
    match = _walk_to(
        scene,
        match,
        MatchStatus.PRESENTED_CANDIDATE,
        MatchStatus.CANDIDATE_INTERESTED,
        MatchStatus.PRESENTED_EMPLOYER,
    )
    notice = Notification.objects.get(recipient=world.employer)
    assert "Lagermedarbeider" in notice.title
    assert "Kari" not in notice.title + notice.body  # the person is not named
    services.match_move(actor=world.employer, match=match, to_status=MatchStatus.MEETING)
    answer = Notification.objects.get(recipient=world.advisor)
    assert answer.urgent
    assert "Møte avtalt" in answer.body
