"""Contacts with an employer logged on a process before 0004 get their entry in the
employer's log, as ``followup_log_contact`` now writes it (one log).

The mapping is frozen here (a migration never changes): a visit, or a meeting at the
workplace, is a visit; a call a call; a message a message; the rest a meeting.
"""

from django.db import migrations

SUMMARY = "Kontakt i oppfølgingen av et inkluderingsforløp (notatet står i forløpet)."


def _kind(form: str, place: str) -> str:
    if form == "visit" or (form == "meeting" and place == "workplace"):
        return "visit"
    return {"phone": "phone", "message": "message"}.get(form, "meeting")


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    Contact = apps.get_model("followup", "Contact")
    EmployerContact = apps.get_model("employers", "EmployerContact")
    logged = Contact.objects.filter(
        employer__isnull=False, employer_contact__isnull=True
    ).select_related("process__workplace")
    for contact in logged.iterator(chunk_size=500):
        workplace = contact.process.workplace
        contact.employer_contact = EmployerContact.objects.create(
            employer_id=contact.employer_id,
            workplace=workplace
            if workplace and workplace.employer_id == contact.employer_id
            else None,
            occurred_on=contact.on,
            kind=_kind(contact.form, contact.place),
            made_by_id=contact.logged_by_id or contact.process.advisor_id,
            summary=SUMMARY,
            recorded_at=contact.logged_at,
            recorded_by_id=contact.logged_by_id,
        )
        contact.save(update_fields=["employer_contact"])


class Migration(migrations.Migration):
    dependencies = [("followup", "0004_contact_in_employer_log")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
