"""Synthetic contact logs: conversations with the jobseeker and with employers.

Gaps are realistic: some processes in job search have had no employer contact yet
(what the portfolio's filter finds), and contact thins out the longer a process runs.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from samspill.demo.context import DemoContext
from samspill.employers.models import EmployerContact, Workplace
from samspill.followup.models import Contact, FollowupPlan, Form, Party, Place, PlanItem
from samspill.followup.services.contacts import EMPLOYER_LOG_SUMMARY, employer_kind
from samspill.processes.models import InclusionProcess, Phase, PhaseChange

NOTES_JOBSEEKER = [
    "Snakket om hvordan uka har gått",
    "Gikk gjennom CV-en sammen",
    "Øvde på jobbintervju",
    "Snakket om hva som er viktig i en jobb",
    "Ringte for å høre hvordan det går",
]
NOTES_EMPLOYER = [
    "Presenterte kandidaten, arbeidsgiver ønsker et møte",
    "Avklarte arbeidsoppgaver og arbeidstid",
    "Oppfølging: det går bra, trenger litt mer opplæring",
    "Besøk på arbeidsplassen, så oppgavene",
    "Arbeidsgiver er fornøyd",
    "Snakket om mulig fast ansettelse",
]
_IN_PERSON = {Form.MEETING: Place.OFFICE, Form.VISIT: Place.WORKPLACE}


def _contact(
    rng: random.Random,
    process: InclusionProcess,
    party: str,
    on: date,
    notes: list[str],
    workplace: Workplace | None = None,
) -> Contact:
    form = rng.choice([Form.PHONE, Form.PHONE, Form.MEETING, Form.VISIT, Form.MESSAGE])
    if party == Party.JOBSEEKER and form == Form.VISIT:
        form = Form.MEETING
    place = _IN_PERSON.get(form, Place.REMOTE)
    if party == Party.JOBSEEKER and form == Form.MEETING and rng.random() < 0.4:
        place = Place.COMMUNITY
    return Contact(
        process=process,
        party=party,
        form=form,
        place=place,
        on=on,
        employer=workplace.employer if workplace else None,
        note=rng.choice(notes),
        logged_by_id=process.advisor_id,
    )


def contacts_for(
    rng: random.Random,
    process: InclusionProcess,
    walk: list[PhaseChange],
    workplaces: list[Workplace],
    today: date,
) -> list[Contact]:
    end = process.ended_on or today
    contacts: list[Contact] = []
    day = process.started_on + timedelta(days=rng.randint(1, 10))
    while day < end and len(contacts) < 4:
        contacts.append(_contact(rng, process, Party.JOBSEEKER, day, NOTES_JOBSEEKER))
        day += timedelta(days=rng.randint(14, 60))
    for change in walk:
        placed = change.to_phase in (Phase.TRIAL, Phase.EMPLOYMENT)
        searching = change.to_phase == Phase.JOB_SEARCH and rng.random() < 0.75
        if not (placed or searching):
            continue
        workplace = process.workplace if placed and process.workplace else rng.choice(workplaces)
        first = change.effective_on + timedelta(days=rng.randint(3, 50) if searching else 0)
        for n in range(2 if placed else 1):
            on = first + timedelta(days=30 * n)
            if on <= end:
                contacts.append(
                    _contact(rng, process, Party.EMPLOYER, on, NOTES_EMPLOYER, workplace)
                )
    return contacts


def contacts(ctx: DemoContext) -> list[Contact]:
    """The contact log: the jobseeker regularly, employers during search and placement."""
    rows = []
    for process, walk in zip(ctx.processes, ctx.walks, strict=True):
        workplaces = ctx.workplaces_by_office[process.office_id]
        rows += contacts_for(ctx.rng, process, walk, workplaces, ctx.today)
    return ctx.insert("Kontakter", rows)


def employer_log_entries(ctx: DemoContext) -> list[EmployerContact]:
    """Each contact with an employer logged on a process is its entry in the employer's log,
    as ``followup_log_contact`` writes it (one log: «Siste besøk» counts it)."""
    logged = list(
        Contact.objects.filter(employer__isnull=False, employer_contact__isnull=True)
        .select_related("process__workplace")
        .order_by("pk")
    )
    entries = []
    for contact in logged:
        workplace, employer_id = contact.process.workplace, contact.employer_id
        assert employer_id is not None  # filtered above
        contact.employer_contact = EmployerContact(
            uuid=ctx.uuid(),
            employer_id=employer_id,
            workplace=workplace if workplace and workplace.employer_id == employer_id else None,
            occurred_on=contact.on,
            kind=employer_kind(contact.form, contact.place),
            made_by_id=contact.logged_by_id or contact.process.advisor_id,
            summary=str(EMPLOYER_LOG_SUMMARY),
            recorded_by_id=contact.logged_by_id,
        )
        entries.append(contact.employer_contact)
    ctx.insert("Kontakter i arbeidsgivernes logg", entries)
    Contact.objects.bulk_update(logged, ["employer_contact"], batch_size=500)
    return entries


# -- Plans, commitments and concerns (issue «Proaktiv oppfølging») ---------------------------

COMMITMENTS = [
    "Vedtak om lønnstilskudd",
    "Hev-senk-pult levert fra Hjelpemiddelsentralen",
    "Avklare mentortilskudd",
    "Søknad om funksjonsassistanse sendt",
    "Oppfølgingsbesøk med arbeidsgiveren",
]
CONCERNS = [
    ("no_show", "Møtte ikke i dag og har ikke gitt beskjed."),
    ("training", "Trenger mer opplæring i kassesystemet før hun kan stå alene."),
    ("conflict", "Det har vært en uoverensstemmelse med en kollega om vaktene."),
    ("outside_work", "Han nevnte at han har problemer med boligen."),
    ("tasks_changed", "Vi flytter lageret, og oppgavene blir andre fra neste måned."),
]
TEMPLATE_FOR = {Phase.TRIAL: "work_trial", Phase.EMPLOYMENT: "wage_subsidy"}
#: Planned contacts are simulated for this long back; older history is not needed for due dates.
SIMULATED_DAYS = 150


def planned_contacts(
    rng: random.Random, plan: FollowupPlan, items: list[PlanItem], today: date
) -> list[Contact]:
    """Most planned contacts happen a little late; some are missed (the worklist shows them)."""
    process = plan.process
    contacts = []
    for item in items:
        step = timedelta(days=item.interval_days or 365)
        day = max(item.first_due_on, today - timedelta(days=SIMULATED_DAYS))
        while day < today and (item.ends_on is None or day <= item.ends_on):
            on = day + timedelta(days=rng.randint(0, 4))
            if on < today and on >= process.started_on and rng.random() < 0.85:
                form = Form(item.form)
                contacts.append(
                    Contact(
                        process=process,
                        party=Party(item.party),
                        form=form,
                        place=_IN_PERSON.get(form, Place.REMOTE),
                        on=on,
                        employer_id=process.employer_id if item.party != "jobseeker" else None,
                        plan_item=item,
                        note=rng.choice(
                            NOTES_EMPLOYER if item.party != "jobseeker" else NOTES_JOBSEEKER
                        ),
                        logged_by_id=process.advisor_id,
                    )
                )
            if item.interval_days is None:
                break
            day += step
    return contacts
