"""Logging a contact. Logging a planned contact completes it: the next one follows from it.

A contact with the employer is one entry in the employer's contact log
(``employers.EmployerContact``, written through ``employer_log_contact`` in the same
transaction); the process's contact points to it and holds what belongs to the case (party,
place, the note about the jobseeker, the planned contact it completes).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samspill.accounts.models import User
from samspill.employers.models import ContactKind, Employer, EmployerContact
from samspill.employers.services import employer_log_contact
from samspill.followup.models import EMPLOYER_PARTIES, Contact, Form, Party, Place, PlanItem
from samspill.followup.services.common import audit_change
from samspill.processes.models import InclusionProcess

#: Which logged party can complete a planned contact with which planned party.
_COMPLETES = {
    "jobseeker": {Party.JOBSEEKER, Party.BOTH},
    "employer": {Party.EMPLOYER, Party.BOTH},
    "both": {Party.BOTH},
}


def _check(
    *,
    process: InclusionProcess,
    party: str,
    form: str,
    place: str,
    on: date,
    employer: Employer | None,
    plan_item: PlanItem | None,
    outside_work: bool,
    outside_work_owner: str,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if on > timezone.localdate():
        errors["on"] = _("Datoen kan ikke være frem i tid.")
    elif on < process.started_on:
        errors["on"] = _("Datoen kan ikke være før forløpet startet (%(started_on)s).") % {
            "started_on": date_format(process.started_on, "SHORT_DATE_FORMAT")
        }
    if party in EMPLOYER_PARTIES and employer is None:
        errors["employer"] = _("Velg hvilken arbeidsgiver kontakten var med.")
    remote = form in (Form.PHONE, Form.VIDEO, Form.MESSAGE)
    if remote and place != Place.REMOTE:
        errors["place"] = _(
            "Telefon, video og meldinger er ikke fysiske møter: velg «Ikke fysisk»."
        )
    if not remote and place == Place.REMOTE:
        errors["place"] = _("Velg hvor dere møttes.")
    if plan_item is not None:
        if plan_item.plan.process_id != process.pk or plan_item.plan.ended_on is not None:
            errors["plan_item"] = _(
                "Den planlagte kontakten hører ikke til en aktiv plan i forløpet."
            )
        elif party not in _COMPLETES[plan_item.party]:
            errors["party"] = _("«%(label)s» er med %(value)s: velg riktig part.") % {
                "label": plan_item.label,
                "value": plan_item.get_party_display().lower(),
            }
    if outside_work and not outside_work_owner.strip():
        errors["outside_work_owner"] = _("Skriv hvem som følger opp utenomtinget.")
    return errors


#: What the employer's log says of a contact logged on a process (the note stays there).
EMPLOYER_LOG_SUMMARY = gettext_lazy(
    "Kontakt i oppfølgingen av et inkluderingsforløp (notatet står i forløpet)."
)


def employer_kind(form: str, place: str) -> ContactKind:
    """How the employer's log names a contact: a meeting at the workplace is a visit."""
    if form == Form.VISIT or (form == Form.MEETING and place == Place.WORKPLACE):
        return ContactKind.VISIT
    if form == Form.PHONE:
        return ContactKind.PHONE
    if form == Form.MESSAGE:
        return ContactKind.MESSAGE
    return ContactKind.MEETING


def _in_employer_log(
    *, actor: User, process: InclusionProcess, employer: Employer, form: str, place: str, on: date
) -> EmployerContact:
    """The employer's log entry. Its summary does not repeat the note: the note is about the
    jobseeker and stays on the process, where access to the person is checked."""
    workplace = process.workplace
    return employer_log_contact(
        actor=actor,
        employer=employer,
        occurred_on=on,
        kind=employer_kind(form, place),
        summary=str(EMPLOYER_LOG_SUMMARY),
        workplace=workplace if workplace and workplace.employer_id == employer.pk else None,
    )


@transaction.atomic
def followup_log_contact(
    *,
    actor: User,
    process: InclusionProcess,
    party: str,
    form: str,
    place: str,
    on: date,
    note: str = "",
    employer: Employer | None = None,
    plan_item: PlanItem | None = None,
    outside_work: bool = False,
    outside_work_owner: str = "",
) -> Contact:
    """Log a contact on a process. A contact with an employer names the employer and is
    recorded in that employer's contact log (its «Siste besøk» and «Siste kontakt»)."""
    employer = employer or (process.employer if party in EMPLOYER_PARTIES else None)
    errors = _check(
        process=process,
        party=party,
        form=form,
        place=place,
        on=on,
        employer=employer,
        plan_item=plan_item,
        outside_work=outside_work,
        outside_work_owner=outside_work_owner,
    )
    if errors:
        raise ValidationError(errors)
    with_employer = employer if party in EMPLOYER_PARTIES else None
    contact = Contact(
        process=process,
        party=party,
        form=form,
        place=place,
        on=on,
        note=note.strip(),
        employer=with_employer,
        employer_contact=None
        if with_employer is None
        else _in_employer_log(
            actor=actor, process=process, employer=with_employer, form=form, place=place, on=on
        ),
        plan_item=plan_item,
        outside_work=outside_work,
        outside_work_owner=outside_work_owner.strip() if outside_work else "",
        logged_by=actor,
    )
    contact.full_clean()
    contact.save()
    audit_change(
        actor=actor,
        process=process,
        detail=_("kontakt logget: %(party)s, %(form)s") % {"party": party, "form": form},
    )
    return contact
