import datetime
import importlib

import pytest
import time_machine
from django.apps import apps
from django.core.exceptions import ValidationError

from samspill.audit.models import AuditEvent
from samspill.conftest import World
from samspill.employers.models import EmployerContact
from samspill.employers.selectors import contact_summary
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


def test_employer_contact_is_one_entry_in_the_employers_log(world: World) -> None:
    contact = _log(world, note="Kandidaten trenger pauser")
    entry = contact.employer_contact
    assert entry is not None
    assert (entry.employer, entry.workplace) == (world.employer_org, world.workplace)
    assert (entry.occurred_on, entry.kind, entry.made_by) == (TODAY, "visit", world.advisor)
    assert "pauser" not in entry.summary  # the note about the person stays on the process
    summary = contact_summary(employer=world.employer_org)
    assert (summary.last_visit, summary.last_contact) == (TODAY, TODAY)


@pytest.mark.parametrize(
    ("form", "place", "kind"),
    [
        (Form.PHONE, Place.REMOTE, "phone"),
        (Form.MEETING, Place.WORKPLACE, "visit"),
        (Form.MEETING, Place.OFFICE, "meeting"),
        (Form.VIDEO, Place.REMOTE, "meeting"),
    ],
)
def test_the_employers_log_names_the_kind_of_contact(
    world: World, form: str, place: str, kind: str
) -> None:
    entry = _log(world, party=Party.BOTH, form=form, place=place).employer_contact
    assert entry is not None
    assert entry.kind == kind


def test_jobseeker_contact_is_not_in_the_employers_log(world: World) -> None:
    _log(world, party=Party.JOBSEEKER, form=Form.PHONE, place=Place.REMOTE)
    assert not EmployerContact.objects.exists()
    assert contact_summary(employer=world.employer_org).last_contact is None


def test_refused_contact_leaves_no_entry_in_the_employers_log(world: World) -> None:
    with pytest.raises(ValidationError):
        _log(world, form=Form.PHONE, place=Place.WORKPLACE)
    assert not EmployerContact.objects.exists()


def test_migration_puts_earlier_employer_contacts_into_the_employers_log(world: World) -> None:
    migration = importlib.import_module(
        "samspill.followup.migrations.0005_contacts_with_employers_into_employer_log"
    )
    earlier = Contact.objects.create(
        process=world.process,
        party=Party.EMPLOYER,
        form=Form.MEETING,
        place=Place.WORKPLACE,
        on=TODAY,
        employer=world.employer_org,
        note="Kandidaten trenger pauser",
        logged_by=world.advisor,
    )
    Contact.objects.create(
        process=world.process, party=Party.JOBSEEKER, form=Form.PHONE, place=Place.REMOTE, on=TODAY
    )
    migration.forwards(apps, None)
    earlier.refresh_from_db()
    entry = EmployerContact.objects.get()
    assert earlier.employer_contact == entry
    assert (entry.kind, entry.workplace, entry.made_by) == ("visit", world.workplace, world.advisor)
    assert contact_summary(employer=world.employer_org).last_visit == TODAY
