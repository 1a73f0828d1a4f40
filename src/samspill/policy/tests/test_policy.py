import pytest

from samspill import policy
from samspill.candidates.models import ALL_FIELDS
from samspill.candidates.tests.factories import ConsentFactory
from samspill.conftest import OUTSIDERS, World
from samspill.processes.tests.factories import MemberFactory


@pytest.mark.parametrize("name", ["advisor", "manager", "employer", "jobseeker"])
def test_insiders_see_the_process(world: World, name: str) -> None:
    assert world.process in policy.processes_visible_to(world.persona(name))


@pytest.mark.parametrize("name", OUTSIDERS)
def test_outsiders_do_not_see_the_process(world: World, name: str) -> None:
    assert world.process not in policy.processes_visible_to(world.persona(name))


def test_invited_partner_sees_only_until_revoked(world: World) -> None:
    member = MemberFactory(process=world.process, user=world.partner)
    assert list(policy.processes_visible_to(world.partner)) == [world.process]
    member.revoked_at = member.invited_at
    member.save()
    assert not policy.processes_visible_to(world.partner).exists()


def test_advisor_sees_team_processes_at_another_office(world: World) -> None:
    world.advisor_other_office.team = world.advisor.team
    world.advisor_other_office.save()
    assert world.process in policy.processes_visible_to(world.advisor_other_office)


def test_employer_sees_only_consented_fields_and_latest_consent_wins(world: World) -> None:
    candidate = world.process.candidate
    assert policy.candidate_fields_for(world.employer, candidate) == {"name", "age"}
    ConsentFactory(candidate=candidate, items=[])  # withdrawn
    assert policy.candidate_fields_for(world.employer, candidate) == frozenset()


def test_consent_cannot_open_fields_that_are_never_shareable(world: World) -> None:
    ConsentFactory(candidate=world.process.candidate, items=["name", "need_level", "birth_date"])
    assert policy.candidate_fields_for(world.employer, world.process.candidate) == {"name"}


def test_staff_and_the_jobseeker_see_every_field(world: World) -> None:
    for name in ("advisor", "manager", "jobseeker"):
        assert (
            policy.candidate_fields_for(world.persona(name), world.process.candidate) == ALL_FIELDS
        )


def test_only_advisors_and_managers_may_change(world: World) -> None:
    assert policy.may_change_process(world.advisor, world.process)
    assert policy.may_change_process(world.manager, world.process)
    assert not policy.may_change_process(world.employer, world.process)
    assert not policy.may_change_process(world.jobseeker, world.process)


def test_inactive_user_sees_nothing(world: World) -> None:
    world.advisor.is_active = False
    assert not policy.processes_visible_to(world.advisor).exists()
