"""The access log in plain words (``audit/plain.py``), on real audit rows."""

from __future__ import annotations

import re

import pytest

from samspill.accounts.models import User
from samspill.audit.models import Action, AuditEvent, Outcome, Purpose
from samspill.audit.plain import OBJECT_WORDS, describe, items_in_words, join_words
from samspill.audit.services import Subject, audit_record
from samspill.conftest import World


def _row(
    world: World,
    actor: User,
    *,
    object_type: str = "profile",
    action: Action = Action.VIEW,
    purpose: Purpose = Purpose.CASE_WORK,
    outcome: Outcome = Outcome.ALLOWED,
    detail: str = "",
    fields: tuple[str, ...] = (),
) -> AuditEvent:
    uuid = world.process.candidate.uuid
    event = audit_record(
        actor=actor,
        subject=Subject(object_type, uuid, uuid),
        action=action,
        purpose=purpose,
        outcome=outcome,
        detail=detail,
        fields=fields,
    )
    return AuditEvent.objects.select_related("actor__employer").get(pk=event.pk)


def test_join_words_reads_like_a_sentence() -> None:
    assert join_words([]) == ""
    assert join_words(["navn"]) == "navn"
    assert join_words(["navn", "alder"]) == "navn og alder"
    assert join_words(["navn", "alder", "interesser"]) == "navn, alder og interesser"


def test_items_follow_the_record_order_needs_last_and_unknown_codes_are_dropped() -> None:
    words = items_in_words(["need:quiet_environment", "interests", "name", "no_such_item"])
    assert words == ("navn, interesser og hva du vil jobbe med og behovet «stille og rolig miljø»")
    assert items_in_words(["need:nonsense"]) == ""


@pytest.mark.django_db
def test_an_advisor_reading_the_profile(world: World) -> None:
    world.advisor.first_name, world.advisor.last_name = "Kari", "Nordmann"
    world.advisor.save()
    event = _row(world, world.advisor, fields=("name", "needs", "interests"))
    plain = describe(event, viewer=world.jobseeker)
    assert plain.who == "Kari Nordmann, veileder"
    assert plain.what == "så på profilen din"
    assert plain.why == "for å følge deg opp"
    assert plain.which == ("navn, interesser og hva du vil jobbe med og behov for tilrettelegging")
    assert plain.at == event.at
    assert not plain.denied


@pytest.mark.django_db
def test_an_employer_is_shown_by_the_organisation(world: World) -> None:
    world.employer_org.name = "Bakeriet AS"
    world.employer_org.save()
    event = _row(world, world.employer, object_type="process", purpose=Purpose.EMPLOYER_PORTAL)
    plain = describe(event, viewer=world.jobseeker)
    assert plain.who == "Bakeriet AS (arbeidsgiver)"
    assert plain.what == "så på forløpet ditt"
    assert plain.why == "på arbeidsgiverens egen side i Samspill"


@pytest.mark.django_db
def test_a_partner_is_shown_with_their_organisation(world: World) -> None:
    event = _row(world, world.partner, purpose=Purpose.PARTNER_WORK)
    who = describe(event).who
    assert who == f"{world.partner.display_name}, samarbeidspartner (Hjelpemiddelsentralen)"


@pytest.mark.django_db
def test_old_rows_with_fields_only_in_the_detail_are_translated(world: World) -> None:
    event = _row(world, world.advisor, object_type="process", detail="felt: age, name")
    assert describe(event).which == "navn og alder"


@pytest.mark.django_db
def test_rows_without_items_get_a_plain_fallback(world: World) -> None:
    listed = _row(world, world.advisor, object_type="process", detail="liste")
    assert describe(listed).which == "navnet ditt i en liste"
    other = _row(world, world.advisor, object_type="agreement", detail="hele avtalen")
    assert describe(other).which == "ikke oppgitt i detalj"
    assert describe(other).what == "så på avtalen"


@pytest.mark.django_db
def test_a_denied_attempt(world: World) -> None:
    event = _row(
        world,
        world.advisor_other_office,
        object_type="process",
        outcome=Outcome.DENIED,
        detail="forløpet er utenfor brukerens tilgang",
    )
    plain = describe(event)
    assert plain.denied
    assert plain.what == "forsøkte å se forløpet ditt, men fikk ikke tilgang"
    assert plain.which == "ingen – de fikk ikke tilgang"


@pytest.mark.django_db
def test_the_person_themself_and_other_jobseekers(world: World) -> None:
    own = _row(world, world.jobseeker, purpose=Purpose.OWN_DATA)
    assert describe(own, viewer=world.jobseeker).who == "Du selv"
    other = _row(world, world.jobseeker_other, outcome=Outcome.DENIED)
    who = describe(other, viewer=world.jobseeker).who
    assert who == "En annen arbeidssøker"
    assert world.jobseeker_other.last_name not in who


@pytest.mark.django_db
def test_an_export_and_a_change(world: World) -> None:
    export = _row(world, world.advisor, object_type="export", action=Action.EXPORT)
    assert describe(export).what == "lastet ned alle opplysningene om deg"
    change = _row(world, world.advisor, object_type="consent", action=Action.CHANGE)
    assert describe(change).what == "endret hva du deler med arbeidsgivere"


#: A code, a model name or English: lower-case ASCII words joined by "_" or ":".
_RAW = re.compile(r"\b[a-z]+[_:][a-z_]+\b")


@pytest.mark.django_db
@pytest.mark.parametrize("object_type", [*OBJECT_WORDS, "something_new"])
@pytest.mark.parametrize("purpose", list(Purpose))
def test_no_row_shows_a_code_or_an_english_word(
    world: World, object_type: str, purpose: Purpose
) -> None:
    event = _row(
        world,
        world.manager,
        object_type=object_type,
        purpose=purpose,
        detail="felt: birth_date, need_level, need:reading, unknown_thing",
    )
    plain = describe(event)
    for text in (plain.who, plain.what, plain.why, plain.which):
        assert not _RAW.search(text), text
        assert not re.search(rf"\b{object_type}\b", text), text
        assert not re.search(rf"\b{purpose.value}\b", text), text
    assert "fødselsdato" in plain.which
    assert "innsatsbehov" in plain.which
