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
