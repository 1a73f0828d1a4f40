import factory

from samspill.accounts.models import Office, Role, Team, User


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    name = factory.Sequence(lambda n: f"NAV Testby {n}")
    unit_number = factory.Sequence(lambda n: f"{n % 10000:04d}")
    municipality = "Oslo"
    latitude = 59.91
    longitude = 10.75


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    office = factory.SubFactory(OfficeFactory)
    name = factory.Sequence(lambda n: f"IPS-team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="no_NO")
    last_name = factory.Faker("last_name", locale="no_NO")
    role = Role.ADVISOR
    office = factory.Maybe(
        factory.LazyAttribute(
            lambda u: u.role in (Role.ADVISOR, Role.EMPLOYER_CONTACT, Role.MANAGER)
        ),
        yes_declaration=factory.SubFactory(OfficeFactory),
        no_declaration=None,
    )
    phone = "40000000"
    password = factory.django.Password("test-passord-123")
