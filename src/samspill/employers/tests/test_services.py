"""Employer services against the real database."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from samspill.audit.models import Action, AuditEvent, Outcome, Purpose
from samspill.conftest import World
from samspill.employers.models import Employer, Sector
from samspill.employers.services import employer_create


@pytest.mark.parametrize(
    ("org_number", "words"),
    [
        ("974760674", "kontrollsifferet"),
        ("97476067", "ni siffer"),
        ("97476067X", "bare inneholde siffer"),
        ("", "Skriv inn organisasjonsnummeret"),
    ],
)
def test_invalid_org_number_is_refused_at_the_field_and_nothing_is_saved(
    world: World, org_number: str, words: str
) -> None:
    before = (Employer.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError) as caught:
        employer_create(
            actor=world.employer_contact,
            org_number=org_number,
            name="Feil AS",
            sector=Sector.RETAIL,
        )
    errors = caught.value.message_dict
    assert list(errors) == ["org_number"]
    assert words in errors["org_number"][0]
    assert (Employer.objects.count(), AuditEvent.objects.count()) == before
    assert not Employer.objects.filter(name="Feil AS").exists()


def test_success_normalizes_and_writes_a_create_audit_row(world: World) -> None:
    employer = employer_create(
        actor=world.employer_contact,
        org_number="974 760 673",
        name="  Brønnøysundregistrene ",
        sector=Sector.OFFICE,
        ia_agreement=True,
    )
    employer.refresh_from_db()
    assert employer.org_number == "974760673"
    assert employer.org_number_display == "974 760 673"
    assert employer.name == "Brønnøysundregistrene"
    assert employer.ia_agreement is True

    event = AuditEvent.objects.get(object_uuid=employer.uuid)
    assert event.action == Action.CREATE
    assert event.outcome == Outcome.ALLOWED
    assert event.purpose == Purpose.CASE_WORK
    assert event.object_type == "employer"
    assert event.subject_uuid is None  # an organisation, not a person
    assert event.actor == world.employer_contact


@pytest.mark.parametrize("second", ["974760673", "974 760 673", " 974760673 "])
def test_duplicate_org_number_is_refused_however_it_is_typed(world: World, second: str) -> None:
    employer_create(
        actor=world.advisor, org_number="974760673", name="Første AS", sector=Sector.RETAIL
    )
    before = (Employer.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError) as caught:
        employer_create(
            actor=world.advisor, org_number=second, name="Andre AS", sector=Sector.RETAIL
        )
    assert "finnes allerede" in caught.value.message_dict["org_number"][0]
    assert (Employer.objects.count(), AuditEvent.objects.count()) == before


def test_duplicate_of_an_existing_factory_employer(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        employer_create(
            actor=world.advisor,
            org_number=world.employer_org.org_number,
            name="Kopi AS",
            sector=Sector.RETAIL,
        )
    assert "org_number" in caught.value.message_dict


@pytest.mark.parametrize(
    ("field", "kwargs"), [("sector", {"sector": "bakery"}), ("name", {"name": "   "})]
)
def test_other_bad_fields_are_refused_and_nothing_is_saved(
    world: World, field: str, kwargs: dict[str, str]
) -> None:
    data = {"org_number": "974760673", "name": "Gyldig AS", "sector": Sector.RETAIL, **kwargs}
    before = (Employer.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError) as caught:
        employer_create(actor=world.advisor, **data)
    assert field in caught.value.message_dict
    assert (Employer.objects.count(), AuditEvent.objects.count()) == before
