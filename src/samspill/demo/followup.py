"""Synthetic contact logs: conversations with the jobseeker and with employers.

Gaps are realistic: some processes in job search have had no employer contact yet
(what the portfolio's filter finds), and contact thins out the longer a process runs.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from samspill.employers.models import Workplace
from samspill.followup.models import Contact, Form, Party, Place
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
