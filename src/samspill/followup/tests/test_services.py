import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from samspill.audit.models import AuditEvent
from samspill.conftest import World
from samspill.followup.models import Contact, Form, Party, Place
from samspill.followup.selectors import has_employer_contact
from samspill.followup.services import followup_log_contact
from samspill.processes.models import InclusionProcess

TODAY = datetime.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def _clock():  # type: ignore[no-untyped-def]
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC), tick=False):
        yield


def _log(world: World, **overrides):  # type: ignore[no-untyped-def]
    values = {"party": Party.EMPLOYER, "form": Form.VISIT, "place": Place.WORKPLACE, "on": TODAY}
    return followup_log_contact(actor=world.advisor, process=world.process, **(values | overrides))


def test_employer_contact_names_the_process_employer_and_is_audited(world: World) -> None:
    contact = _log(world, note="  Så på oppgavene  ")
    assert contact.employer == world.employer_org
    assert contact.note == "Så på oppgavene"
    assert AuditEvent.objects.filter(detail__startswith="kontakt logget").count() == 1
    annotated = InclusionProcess.objects.annotate(c=has_employer_contact()).get(pk=world.process.pk)
    assert annotated.c is True


def test_jobseeker_contact_does_not_count_as_employer_contact(world: World) -> None:
    _log(world, party=Party.JOBSEEKER, form=Form.PHONE, place=Place.REMOTE)
    annotated = InclusionProcess.objects.annotate(c=has_employer_contact()).get(pk=world.process.pk)
    assert annotated.c is False


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"on": TODAY + datetime.timedelta(days=1)}, "on", "frem i tid"),
        ({"on": datetime.date(2025, 1, 1)}, "on", "før forløpet startet"),
        ({"form": Form.PHONE, "place": Place.WORKPLACE}, "place", "Ikke fysisk"),
        ({"form": Form.MEETING, "place": Place.REMOTE}, "place", "hvor dere møttes"),
    ],
)
def test_bad_input_is_refused_at_its_field_and_nothing_saved(
    world: World, overrides: dict, field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as error:
        _log(world, **overrides)
    assert words in error.value.message_dict[field][0]
    assert not Contact.objects.exists()


def test_employer_contact_needs_an_employer_when_the_process_has_none(world: World) -> None:
    world.process.employer = None
    world.process.save()
    with pytest.raises(ValidationError) as error:
        _log(world)
    assert "arbeidsgiver" in error.value.message_dict["employer"][0]
    contact = _log(world, employer=world.employer_org_other)
    assert contact.employer == world.employer_org_other
