"""Innsikt figures from real rows in the database."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from samspill.accounts.models import Role
from samspill.accounts.tests.factories import OfficeFactory, UserFactory
from samspill.candidates.tests.factories import CandidateFactory
from samspill.employers.tests.factories import EmployerFactory
from samspill.followup.models import Contact
from samspill.followup.tests.factories import ConcernFactory, PlanFactory, PlanItemFactory
from samspill.insights import selectors
from samspill.insights.models import Job
from samspill.insights.tests.factories import JobFactory
from samspill.processes.models import InclusionProcess, Phase, PhaseChange
from samspill.processes.tests.factories import ProcessFactory

TODAY = datetime.date(2026, 6, 30)


@pytest.fixture(autouse=True)
def frozen() -> object:
    with time_machine.travel(datetime.datetime(2026, 6, 30, 12), tick=False):
        yield


def _process(advisor: object, started: datetime.date, **candidate: object) -> InclusionProcess:
    return ProcessFactory(
        candidate=CandidateFactory(**candidate), advisor=advisor, started_on=started
    )


def _job(process: InclusionProcess, start: datetime.date, end: datetime.date | None = None) -> Job:
    return JobFactory(process=process, started_on=start, ended_on=end)


@pytest.mark.django_db
def test_retention_counts_people_still_working_as_censored() -> None:
    advisor = UserFactory(role=Role.ADVISOR, office=OfficeFactory())
    start = datetime.date(2025, 1, 1)
    ended = [_process(advisor, start) for _ in range(4)]
    still = [_process(advisor, start) for _ in range(6)]
    for n, process in enumerate(ended, start=1):
        _job(process, start, start + datetime.timedelta(days=30 * n))  # 30, 60, 90, 120 days
    for process in still:
        _job(process, start)  # still working today: 545 days, censored
    curve = selectors.retention(InclusionProcess.objects.all(), TODAY)
    assert curve.people == 10
    assert curve.ended == 4
    assert curve.at(3 * 30.44) == pytest.approx(0.7)  # three of ten ended before 3 months
    assert curve.at(12 * 30.44) == pytest.approx(0.6)
    assert curve.at(24 * 30.44) is None  # nobody followed for two years


@pytest.mark.django_db
def test_the_quarterly_rate_counts_competitive_work_among_people_served() -> None:
    advisor = UserFactory(role=Role.ADVISOR, office=OfficeFactory())
    working = _process(advisor, datetime.date(2026, 1, 10))
    _job(working, datetime.date(2026, 2, 1))
    _process(advisor, datetime.date(2026, 1, 10))
    keep_work = _process(advisor, datetime.date(2026, 1, 10), main_goal="keep_work")
    _job(keep_work, datetime.date(2026, 2, 1))  # in work at entry: not in the IPS rate
    sheltered = _process(advisor, datetime.date(2026, 4, 2))
    Job.objects.filter(pk=_job(sheltered, datetime.date(2026, 4, 10)).pk).update(competitive=False)
    q1, q2 = selectors.employment_rate(
        InclusionProcess.objects.all(), selectors.quarters_back(TODAY, 2)
    )
    assert (q1.label, q1.served, q1.working) == ("2026 K1", 2, 1)
    assert (q2.label, q2.served, q2.working) == ("2026 K2", 3, 1)


@pytest.mark.django_db
def test_the_equity_monitor_flags_a_group_clearly_below_the_office() -> None:
    advisor = UserFactory(role=Role.ADVISOR, office=OfficeFactory())
    start = datetime.date(2025, 1, 1)
    young = datetime.date(2000, 1, 1)
    older = datetime.date(1965, 1, 1)
    for n in range(40):
        process = _process(advisor, start, birth_date=young)
        if n < 24:
            _job(process, datetime.date(2025, 3, 1))
    for n in range(40):
        process = _process(advisor, start, birth_date=older)
        if n < 3:
            _job(process, datetime.date(2025, 3, 1))
            PhaseChange.objects.create(process=process, to_phase=Phase.TRIAL, effective_on=start)
    result = selectors.equity(InclusionProcess.objects.all(), TODAY)
    rows = {(r.dimension, r.group): r for r in result.rows}
    older_row = rows[("Alder", "50 år eller eldre")]
    young_row = rows[("Alder", "under 30 år")]
    assert older_row.n == 40
    assert older_row.flags["job"] is True
    assert young_row.flags["job"] is False
    assert older_row.rates["job"].hidden  # three people: suppressed, though still tested
    assert young_row.rates["job"].percent() == "60,0 %"
    assert result.office.rates["job"].k == 27


@pytest.mark.django_db
def test_timings_use_the_first_employer_contact_and_job() -> None:
    advisor = UserFactory(role=Role.ADVISOR, office=OfficeFactory())
    process = _process(advisor, datetime.date(2026, 1, 1))
    Contact.objects.create(
        process=process,
        party="employer",
        form="visit",
        place="workplace",
        on=datetime.date(2026, 1, 21),
    )
    _job(process, datetime.date(2026, 3, 2))
    timing = selectors.timings(InclusionProcess.objects.all(), TODAY)
    assert timing.days_to_employer_contact == 20
    assert timing.days_to_first_job == 60
    assert (timing.rapid.k, timing.rapid.n) == (1, 1)


@pytest.mark.django_db
def test_followup_on_schedule_per_party_and_concerns_answered_in_time() -> None:
    advisor = UserFactory(role=Role.ADVISOR, office=OfficeFactory())
    late = PlanFactory(process=_process(advisor, datetime.date(2026, 1, 5)))
    kept = PlanFactory(process=_process(advisor, datetime.date(2026, 1, 5)))
    for plan in (late, kept):
        PlanItemFactory(plan=plan, party="jobseeker", first_due_on=datetime.date(2026, 6, 1))
        PlanItemFactory(plan=plan, party="employer", first_due_on=datetime.date(2026, 7, 15))
    # Only ``kept`` had its monthly talk with the jobseeker: its next one is due in July.
    Contact.objects.create(
        process=kept.process,
        party="jobseeker",
        form="meeting",
        place="office",
        on=datetime.date(2026, 6, 20),
    )
    employer = EmployerFactory()
    ConcernFactory(
        process=kept.process,
        employer=employer,
        respond_by=datetime.date(2026, 6, 10),
        responded_at=datetime.datetime(2026, 6, 10, 15, tzinfo=datetime.UTC),
    )
    ConcernFactory(process=late.process, employer=employer, respond_by=datetime.date(2026, 6, 12))
    figures = selectors.followup_figures(InclusionProcess.objects.all(), TODAY)
    jobseeker, employer = figures.on_schedule["jobseeker"], figures.on_schedule["employer"]
    assert (jobseeker.k, jobseeker.n) == (1, 2)
    assert (employer.k, employer.n) == (2, 2)
    assert (figures.concerns_in_time.k, figures.concerns_in_time.n) == (1, 2)
    assert figures.concerns_open_late == 1
