import datetime

import factory

from samspill.accounts.tests.factories import UserFactory
from samspill.candidates.tests.factories import CandidateFactory
from samspill.processes.models import InclusionProcess, MemberRole, Phase, ProcessMember


class ProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InclusionProcess

    candidate = factory.SubFactory(CandidateFactory)
    advisor = factory.SubFactory(UserFactory)
    office = factory.LazyAttribute(lambda p: p.advisor.office)
    team = factory.LazyAttribute(lambda p: p.advisor.team)
    phase = Phase.JOB_SEARCH
    phase_since = datetime.date(2026, 3, 1)
    started_on = datetime.date(2026, 1, 15)


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProcessMember

    process = factory.SubFactory(ProcessFactory)
    user = factory.SubFactory(UserFactory, role="partner")
    role = MemberRole.PARTNER
    purpose = "Vurdering av hjelpemidler"
