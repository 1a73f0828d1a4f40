import datetime
from decimal import Decimal
from typing import Any

import factory

from samspill.agreements.models import Agreement, Commitment, Purpose
from samspill.employers.tests.factories import ContactPersonFactory, WorkplaceFactory
from samspill.processes.models import Phase
from samspill.processes.tests.factories import ProcessFactory

START, END = datetime.date(2027, 1, 4), datetime.date(2027, 6, 30)
#: Every field an agreement needs before it can be sent (a work trial, arbeidstrening), as an
#: advisor would fill it in.
COMPLETE: dict[str, Any] = {
    "purpose": Purpose.TRIAL,
    "goals": "Jeg vil lære meg butikkarbeid og komme i fast jobb.",
    "tasks": "Varepåfylling og ordning av hyller.",
    "trainer": "Butikksjefen",
    "start_on": START,
    "end_on": END,
    "hours_per_week": Decimal(20),
    "employer_duties": "Opplæring i arbeidsoppgavene.",
    "support_duties": "Oppfølging på arbeidsplassen og av utenomting.",
    "jobseeker_duties": "Møter til avtalt tid.",
    "followup_frequency": "monthly",
    "followup_forms": ["three_way"],
    "if_absent": "Ringer butikksjefen før klokka 8.",
    "if_conflict": "Vi tar en trekantsamtale samme uke.",
    "if_not_working": "Vi møtes og finner en annen løsning sammen.",
    "ending": "En avslutningssamtale med attest.",
    "measure": "arbeidstrening",
}


class PlacedProcessFactory(ProcessFactory):
    """A process in work trial at a workplace: what an agreement needs."""

    phase = Phase.TRIAL
    workplace = factory.SubFactory(WorkplaceFactory)
    employer = factory.SelfAttribute("workplace.employer")


class AgreementFactory(factory.django.DjangoModelFactory):
    """A draft with its parties and contacts, as ``agreement_create`` leaves it; with
    ``complete=True`` every field sending needs is filled in (a work trial, arbeidstrening).
    Later stages go through the services (``helpers.send``, ``helpers.approve``), which
    write the events, approvals and the version chain."""

    class Meta:
        model = Agreement

    process = factory.SubFactory(PlacedProcessFactory)
    workplace = factory.SelfAttribute("process.workplace")
    employer_contact = factory.SubFactory(
        ContactPersonFactory, employer=factory.SelfAttribute("..process.employer")
    )
    nav_contact = factory.SelfAttribute("process.advisor")
    nav_contact_phone = "22334455"
    purpose = Purpose.TRIAL

    class Params:
        complete = factory.Trait(**COMPLETE)


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    agreement = factory.SubFactory(AgreementFactory)
    text = "Søker om funksjonsassistanse"
    deadline = datetime.date(2027, 1, 15)
    owner = "Veilederen"
