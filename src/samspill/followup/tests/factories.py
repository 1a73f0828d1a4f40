import datetime

import factory
from django.utils import timezone

from samspill.accounts.tests.factories import UserFactory
from samspill.followup.models import (
    Commitment,
    Concern,
    ConcernKind,
    FollowupPlan,
    Form,
    PlanItem,
    PlanParty,
)
from samspill.processes.tests.factories import ProcessFactory


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowupPlan

    process = factory.SubFactory(ProcessFactory)
    template = "work_trial"
    title = "Arbeidspraksis / utprøving"
    starts_on = datetime.date(2026, 3, 1)


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItem

    plan = factory.SubFactory(PlanFactory)
    label = "Samtale med arbeidssøkeren"
    party = PlanParty.JOBSEEKER
    form = Form.MEETING
    first_due_on = datetime.date(2026, 3, 31)
    interval_days = 30


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    process = factory.SubFactory(ProcessFactory)
    title = "Vedtak om lønnstilskudd"
    deadline = datetime.date(2026, 6, 5)
    owner = factory.LazyAttribute(lambda c: c.process.advisor)


class ConcernFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Concern

    process = factory.SubFactory(ProcessFactory)
    employer = factory.LazyAttribute(lambda c: c.process.employer)
    kind = ConcernKind.NO_SHOW
    text = "Kom ikke i dag og svarer ikke på telefon."
    reported_by = factory.SubFactory(UserFactory)
    reported_at = factory.LazyFunction(timezone.now)
    respond_by = datetime.date(2026, 6, 2)
