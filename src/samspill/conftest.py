"""Shared test fixtures: named personas around one inclusion process.

``world`` builds two offices. At office A, ``advisor`` owns ``process`` (for ``jobseeker``,
placed with ``employer_org``); ``employer`` works for that employer and the candidate has
consented to share name and age. Everyone with ``_other`` in their name, and the
uninvited ``partner``, ``employer_contact`` and ``admin``, has no access to it.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import connection, transaction
from django.utils import timezone
from pytest_django.plugin import blocking_manager_key

from samspill.accounts.models import Office, Role, Team, User
from samspill.accounts.tests.factories import OfficeFactory, TeamFactory, UserFactory
from samspill.agreements.models import Agreement
from samspill.agreements.tests.factories import AgreementFactory
from samspill.candidates.tests.factories import CandidateFactory, ConsentFactory
from samspill.employers.models import ContactPerson, Employer, Opening, Task, Workplace
from samspill.employers.tests.factories import (
    ContactPersonFactory,
    EmployerFactory,
    OpeningFactory,
    TaskFactory,
    WorkplaceFactory,
)
from samspill.insights.models import FidelityReview, Job
from samspill.matching.live import LIVE
from samspill.matching.models import Match, MatchMeeting, MatchStatus, MeetingLine
from samspill.matching.tests.factories import (
    MatchFactory,
    MatchMeetingFactory,
    MeetingLineFactory,
)
from samspill.processes.models import InclusionProcess
from samspill.processes.tests.factories import ProcessFactory


@dataclass
class World:
    office: Office
    other_office: Office
    advisor: User
    advisor_other_office: User
    manager: User
    manager_other_office: User
    employer_contact: User
    partner: User
    employer: User
    employer_other: User
    jobseeker: User
    jobseeker_other: User
    admin: User
    employer_org: Employer
    employer_org_other: Employer
    process: InclusionProcess
    # The workplace mapping of ``employer_org``: a workplace with one mapped task, an open
    # opening that uses it, and a contact person.
    workplace: Workplace
    task: Task
    opening: Opening
    contact_person: ContactPerson
    # A draft agreement (tilretteleggingsgaranti) on ``process``.
    agreement: Agreement
    # Jobbmatch: ``process`` matched with ``opening`` (at the meeting stage), and a match
    # meeting for office A organised by ``employer_contact`` with one agenda line for it.
    match: Match
    meeting: MatchMeeting
    line: MeetingLine
    # Innsikt: the team of office A, a job on ``process`` and a fidelity review of the team.
    team: Team
    job: Job
    review: FidelityReview

    def persona(self, name: str) -> User:
        user = getattr(self, name)
        assert isinstance(user, User)
        return user


#: Personas who must never reach ``world.process`` or its candidate.
OUTSIDERS = (
    "advisor_other_office",
    "manager_other_office",
    "employer_contact",
    "partner",
    "employer_other",
    "jobseeker_other",
    "admin",
)


#: Personas who must never reach ``world.meeting`` (advisors and managers of other offices,
#: everyone outside NAV's staff).
MEETING_OUTSIDERS = (
    "advisor_other_office",
    "manager_other_office",
    "partner",
    "employer",
    "employer_other",
    "jobseeker",
    "jobseeker_other",
    "admin",
)


#: Personas who must never reach Innsikt's own records (fidelity reviews, teams to review):
#: everyone but the office's manager.
INSIGHTS_OUTSIDERS = (
    "advisor",
    *MEETING_OUTSIDERS,
    "employer_contact",
)


@pytest.fixture(autouse=True)
def _second_factor_on_force_login(monkeypatch: pytest.MonkeyPatch) -> None:
    """``client.force_login(user)`` models a completed login: for staff, password *and*
    second factor. It gives the user a confirmed TOTP device and marks the session as
    verified with it through django-otp's own ``django_otp.login``, as the code page does.
    Tests of the second factor itself log in with ``client.post`` to the login form.
    """
    import time

    import django_otp
    from django.http import HttpRequest
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from samspill.identity.middleware import LAST_ACTIVITY_KEY, STARTED_KEY

    original = Client.force_login

    def force_login(self: Client, user: User, backend: str | None = None) -> None:
        original(self, user, backend)
        if not user.needs_second_factor:
            return
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Testapp", confirmed=True)
        request = HttpRequest()
        request.session = self.session
        request.user = user
        django_otp.login(request, device)
        # The login just happened: the idle clock starts now (as on the first request).
        now = time.time()
        request.session[STARTED_KEY] = request.session[LAST_ACTIVITY_KEY] = now
        request.session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def _fresh_match_index() -> Iterator[None]:
    """Each test's database is new: so is the process's in-memory match index."""
    LIVE.reset()
    yield
    LIVE.reset()


# --- ``world``, built once for a run of tests that ask for it -------------------------------
#
# Building the world is about a third of an ordinary test's time. As Django's
# ``TestCase.setUpTestData`` does for a class, it is built once in an outer transaction
# and every test gets a deep copy of the objects, its own changes rolled back at its end
# (pytest-django's ``db`` runs each test in a savepoint inside). The outer transaction
# is rolled back before any test that does not ask for ``world`` in that way (so that test
# sees an empty database), and before the world is built under another clock (a frozen
# clock gives other dates). Browser and other transactional tests build their own.


@dataclass
class _Shared:
    atomic: Any = None  # the outer transaction.Atomic, entered
    clock: object = None
    world: World | None = None


_SHARED = _Shared()
_OWN_TRANSACTION = {"transactional_db", "live_server", "django_db_reset_sequences"}


def _shares_world(item: pytest.Item) -> bool:
    """Does the test ask for ``world`` before the database (so it can share one)?"""
    names = set(getattr(item, "fixturenames", ()))
    if "world" not in names or names & _OWN_TRANSACTION:
        return False
    # With the marker, pytest-django opens the test's transaction before any fixture.
    return item.get_closest_marker("django_db") is None


def _clock() -> object:
    """What the world's dates follow: the instant under a frozen clock, else the day."""
    now = timezone.now()
    return now if timezone.now() == now else timezone.localdate()


def _release_shared_world() -> None:
    if _SHARED.atomic is not None:
        transaction.set_rollback(True)
        _SHARED.atomic.__exit__(None, None, None)
    _SHARED.atomic = _SHARED.clock = _SHARED.world = None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that share the world run one after another (first, as pytest-django already
    puts the ordinary database tests first), each part in the order it had (random)."""
    sharing = [item for item in items if _shares_world(item)]
    if sharing:
        items[:] = sharing + [item for item in items if not _shares_world(item)]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    yield
    if _SHARED.atomic is not None and (nextitem is None or not _shares_world(nextitem)):
        with item.config.stash[blocking_manager_key].unblock():
            _release_shared_world()


@pytest.fixture
def _shared_world(
    request: pytest.FixtureRequest, django_db_setup: None, django_db_blocker: Any
) -> World | None:
    """The world shared by consecutive tests, or None if this test builds its own. Set up
    before ``db`` (see ``world``), so the test's transaction is inside the outer one."""
    if not _shares_world(request.node):
        return None
    clock = _clock()
    if _SHARED.world is not None and _SHARED.clock == clock:
        return _SHARED.world
    with django_db_blocker.unblock():
        if connection.in_atomic_block and (_SHARED.atomic is None or connection.savepoint_ids):
            return None  # the test's own transaction is already open: build inside it
        _release_shared_world()
        _SHARED.atomic = transaction.atomic()
        _SHARED.atomic.__enter__()
        _SHARED.clock, _SHARED.world = clock, _build_world()
    return _SHARED.world


def seed_for_module(django_db_blocker: Any, seed: Callable[[], object]) -> Iterator[None]:
    """For a module-scoped fixture (``yield from``): ``seed`` runs once, in a transaction
    that the module's tests see (each in its own savepoint) and that is rolled back after
    the last of them. Such tests use ``django_db`` and neither ``world`` nor a
    transactional database."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            seed()
        except BaseException:
            atomic.__exit__(*sys.exc_info())
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def world(_shared_world: World | None, db: None) -> World:
    if _shared_world is None:
        return _build_world()
    return copy.deepcopy(_shared_world)


def _build_world() -> World:
    office, other_office = OfficeFactory(name="NAV Grünerløkka"), OfficeFactory(name="NAV Alna")
    team = TeamFactory(office=office)
    employer_org, employer_org_other = EmployerFactory(), EmployerFactory()
    workplace = WorkplaceFactory(employer=employer_org)
    advisor = UserFactory(username="advisor", role=Role.ADVISOR, office=office, team=team)
    jobseeker = UserFactory(username="jobseeker", role=Role.JOBSEEKER)
    candidate = CandidateFactory(user=jobseeker)
    process = ProcessFactory(
        candidate=candidate,
        advisor=advisor,
        employer=employer_org,
        workplace=workplace,
        phase="trial",
    )
    ConsentFactory(candidate=candidate, items=["name", "age"])
    other_advisor = UserFactory(
        username="advisor_other_office", role=Role.ADVISOR, office=other_office
    )
    jobseeker_other = UserFactory(username="jobseeker_other", role=Role.JOBSEEKER)
    ProcessFactory(candidate=CandidateFactory(user=jobseeker_other), advisor=other_advisor)
    task = TaskFactory(workplace=workplace)
    opening = OpeningFactory(workplace=workplace)
    opening.tasks.add(task)
    employer_contact = UserFactory(
        username="employer_contact", role=Role.EMPLOYER_CONTACT, office=office
    )
    match = MatchFactory(process=process, opening=opening, status=MatchStatus.MEETING)
    meeting = MatchMeetingFactory(
        title="Matchemøte", held_on=process.started_on, organiser=employer_contact
    )
    line = MeetingLineFactory(meeting=meeting, opening=opening, process=process, rank=1)
    contact_person = ContactPersonFactory(employer=employer_org)
    agreement = AgreementFactory(
        process=process, workplace=workplace, employer_contact=contact_person
    )
    return World(
        office=office,
        other_office=other_office,
        advisor=advisor,
        advisor_other_office=other_advisor,
        manager=UserFactory(username="manager", role=Role.MANAGER, office=office),
        manager_other_office=UserFactory(
            username="manager_other_office", role=Role.MANAGER, office=other_office
        ),
        employer_contact=employer_contact,
        partner=UserFactory(
            username="partner", role=Role.PARTNER, organisation="Hjelpemiddelsentralen"
        ),
        employer=UserFactory(username="employer", role=Role.EMPLOYER, employer=employer_org),
        employer_other=UserFactory(
            username="employer_other", role=Role.EMPLOYER, employer=employer_org_other
        ),
        jobseeker=jobseeker,
        jobseeker_other=jobseeker_other,
        admin=UserFactory(username="admin", role=Role.ADMIN, is_staff=True, is_superuser=True),
        employer_org=employer_org,
        employer_org_other=employer_org_other,
        process=process,
        workplace=workplace,
        task=task,
        opening=opening,
        contact_person=contact_person,
        agreement=agreement,
        match=match,
        meeting=meeting,
        line=line,
        team=team,
        job=Job.objects.create(
            process=process,
            employer=employer_org,
            kind_of_work="Lagermedarbeider",
            hours_per_week=20,
            started_on=process.started_on,
        ),
        review=FidelityReview.objects.create(
            team=team, reviewed_on=process.started_on, reviewers="Leder"
        ),
    )
