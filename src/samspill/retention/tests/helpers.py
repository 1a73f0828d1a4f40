"""A candidate with something in every model that holds data about them, and closing their
process the way an advisor does."""

from __future__ import annotations

import datetime
from decimal import Decimal

import time_machine
from django.utils import timezone

from samspill.accounts.models import User
from samspill.candidates.models import (
    AccommodationNeed,
    Candidate,
    CorrectionRequest,
    ProfileVersion,
)
from samspill.conftest import World
from samspill.followup.models import Commitment, Concern, Contact, PlanChange
from samspill.followup.tests.factories import PlanFactory, PlanItemFactory
from samspill.insights.models import Job
from samspill.matching.models import MatchStep
from samspill.notifications.models import Notification
from samspill.processes import services as processes
from samspill.processes.models import InclusionProcess, ProcessMember
from samspill.retention import selectors, services

NOTE = "Sa at hun sliter med søvnen og har gjeld."


def close(process: InclusionProcess, actor: User, on: datetime.date | None = None) -> None:
    processes.process_change_phase(
        actor=actor,
        process=process,
        to_phase="closed",
        effective_on=on or timezone.localdate(),
        reason="Fikk fast jobb hos Rema; ønsker ikke mer oppfølging.",
    )


def fill_record(world: World) -> Candidate:
    """Personal data about ``world.process``'s candidate in every app."""
    process, candidate = world.process, world.process.candidate
    candidate.interests, candidate.own_wishes, candidate.avoid = "Dyr", "Jobbe ute", "Støy"
    candidate.hours_min, candidate.hours_max, candidate.places = 10, 20, ["Oslo"]
    candidate.save()
    ProfileVersion.objects.create(candidate=candidate, number=1, data={"interests": "Dyr"})
    CorrectionRequest.objects.create(candidate=candidate, field="name", text="Jeg heter Kari")
    AccommodationNeed.objects.create(
        candidate=candidate,
        code="quiet_environment",
        detail="Blir sliten av støy",
        last_confirmed=process.started_on,
    )
    ProcessMember.objects.create(
        process=process, user=world.partner, role="partner", purpose="Hjelpemidler til Kari"
    )
    Contact.objects.create(
        process=process,
        party="jobseeker",
        form="meeting",
        place="office",
        on=process.started_on,
        note=NOTE,
        outside_work=True,
        outside_work_owner="Kari Nordmann, gjeldsrådgiver",
        logged_by=world.advisor,
    )
    plan = PlanFactory(process=process, starts_on=process.started_on)
    PlanItemFactory(plan=plan, first_due_on=process.started_on)
    PlanChange.objects.create(plan=plan, by=world.advisor, description="La til samtale om gjeld")
    Commitment.objects.create(
        process=process,
        title="Søke hjelpemidler for Kari",
        deadline=process.started_on,
        owner=world.advisor,
    )
    Concern.objects.create(
        process=process,
        employer=world.employer_org,
        kind="no_show",
        text="Kari kom ikke",
        reported_at=timezone.now(),
        respond_by=process.started_on,
        response="Hun var syk",
        responded_at=timezone.now(),
    )
    world.match.summary, world.match.override_reason = "Liker dyr", "Kari vil dette"
    world.match.save()
    MatchStep.objects.create(
        match=world.match, to_status="meeting", on=process.started_on, note="Kari var nervøs"
    )
    world.line.note = "Kari passer godt"
    world.line.save()
    Job.objects.filter(pk=world.job.pk).update(hourly_wage=Decimal("215.50"))
    for recipient in (world.jobseeker, world.advisor):
        Notification.objects.create(
            key=f"test:{recipient.pk}",
            recipient=recipient,
            title="Kari",
            url=f"/forlop/{process.uuid}/",
        )
    return candidate


def run_on(day: datetime.date) -> services.Report:
    """The daily run as it happens on ``day`` (the clock is moved there too)."""
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(3)), tick=False):
        return services.retention_apply(due=selectors.due(until=day), today=day)
