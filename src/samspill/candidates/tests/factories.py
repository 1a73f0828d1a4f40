import datetime

import factory

from samspill.candidates.models import Candidate, ConsentRecord, Gender, NeedLevel


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    first_name = factory.Faker("first_name", locale="no_NO")
    last_name = factory.Faker("last_name", locale="no_NO")
    birth_date = datetime.date(1998, 5, 17)
    gender = Gender.FEMALE
    municipality = "Oslo"
    phone = "90000000"
    email = factory.Sequence(lambda n: f"kandidat{n}@example.invalid")
    need_level = NeedLevel.SITUATIONAL


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsentRecord

    candidate = factory.SubFactory(CandidateFactory)
    items = factory.LazyFunction(lambda: ["name", "age"])


def synthetic_national_id(born: datetime.date, serial: int = 100) -> str:
    """A number with valid check digits for a made-up person born on ``born`` (``serial``
    upwards until the check digits work out). Never a real person's: tests only."""
    from stdnum.no import fodselsnummer

    for individual in range(serial, 500):
        base = f"{born:%d%m%y}{individual:03d}"
        first = fodselsnummer.calc_check_digit1(base)
        second = fodselsnummer.calc_check_digit2(base + first)
        if len(first) == len(second) == 1:
            return base + first + second
    raise ValueError(born)
