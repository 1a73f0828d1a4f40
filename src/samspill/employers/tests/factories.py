import factory

from samspill.employers.models import Employer, Sector, Workplace
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
