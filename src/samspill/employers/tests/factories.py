import datetime
from decimal import Decimal

import factory

from samspill.accounts.tests.factories import UserFactory
from samspill.employers.models import (
    ContactKind,
    ContactPerson,
    Employer,
    EmployerContact,
    Opening,
    OpeningKind,
    OpeningPurpose,
    OpeningStatus,
    Sector,
    Task,
    Workplace,
)
from samspill.lib.validation import org_number_from_base


def _org_number(n: int) -> str:
    base = 91_000_000 + n * 7
    while (number := org_number_from_base(str(base))) is None:
        base += 1
    return number


class EmployerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employer

    org_number = factory.Sequence(_org_number)
    name = factory.Sequence(lambda n: f"Testbedrift {n} AS")
    sector = Sector.WAREHOUSE
    ia_agreement = True


class WorkplaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workplace

    employer = factory.SubFactory(EmployerFactory)
    name = "Hovedlager"
    address = "Lagerveien 1"
    municipality = "Oslo"
    latitude = 59.92
    longitude = 10.80


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    employer = factory.SubFactory(EmployerFactory)
    name = "Kari Lagersjef"
    role = "Avdelingsleder"
    phone = "91234567"
    email = "kari@example.com"


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    workplace = factory.SubFactory(WorkplaceFactory)
    name = factory.Sequence(lambda n: f"Pakking og merking {n}")
    description = "Pakke varer i esker og merke dem for utsending."
    physical_load = 2
    heavy_lifting = 1
    standing = 3
    pace = 2
    time_of_day = factory.LazyFunction(lambda: ["day"])
    hours_per_week = Decimal("15.0")


class OpeningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opening

    workplace = factory.SubFactory(WorkplaceFactory)
    kind = OpeningKind.TRIAL_PLACE
    purpose = OpeningPurpose.TRIAL
    title = "Lagermedarbeider, praksisplass"
    hours_per_week = Decimal("20.0")
    status = OpeningStatus.OPEN


class EmployerContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmployerContact

    employer = factory.SubFactory(EmployerFactory)
    occurred_on = datetime.date(2026, 5, 1)
    kind = ContactKind.VISIT
    made_by = factory.SubFactory(UserFactory, role="employer_contact")
    summary = "Omvisning på lageret; de trenger folk til pakking."
