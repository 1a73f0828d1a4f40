"""Demo agreements (tilretteleggingsgaranti) on placed processes at the demo advisor's office.

Built through the same services as the pages, so every rule, approval and version holds:
the demo jobseeker's agreement waits for approval (to try the flow in each login), a few
others are concluded (one with a later extension, so the version chain has two links) or
still drafts. Jobseekers and employer users who approve here have no password.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from samspill.accounts.models import Role, User
from samspill.agreements import services
from samspill.agreements.models import Agreement
from samspill.demo.context import DemoContext
from samspill.processes.models import InclusionProcess, Phase

GOALS = [
    "Jeg vil vise at jeg kan jobbe fast, og lære kassa.",
    "Jeg vil komme i gang igjen med faste dager og bli trygg i jobben.",
    "Jeg vil jobbe med mennesker og få en fast stilling.",
]
TASKS = [
    "Varepåfylling, ordne hyller og hjelpe kunder å finne varer.",
    "Mottak av varer, plukk og pakking på lageret.",
    "Forberedelse på kjøkkenet og oppvask.",
]
WAGES = {"holiday_pay_rate": Decimal("0.12"), "pension_rate": Decimal("0.02")}
EMPLOYER_TAX = Decimal("0.141")  # sone I


def _values(ctx: DemoContext, process: InclusionProcess, n: int) -> dict[str, Any]:
    rng, today = ctx.rng, ctx.today
    start = today + timedelta(days=rng.randint(7, 30)) if n == 0 else today - timedelta(weeks=6)
    employment = process.phase in (Phase.EMPLOYMENT, Phase.RETENTION)
    level = process.candidate.need_level
    paying = employment and level in ("situasjonsbestemt", "spesielt_tilpasset", "varig_tilpasset")
    measure = "midlertidig_lonnstilskudd" if paying else "arbeidstrening"
    values: dict[str, Any] = {
        "purpose": "ansettelse" if employment else "utproving",
        "goals": GOALS[n % len(GOALS)],
        "tasks": TASKS[n % len(TASKS)],
        "trainer": "Avdelingslederen",
        "training": "Første uke sammen med en fast ansatt; deretter egne oppgaver.",
        "buddy": "En erfaren kollega på samme skift",
        "start_on": start,
        "end_on": start + timedelta(days=rng.choice([90, 150, 180])),
        "hours_per_week": Decimal(rng.choice([15, 20, 25, 30])),
        "working_hours": "Mandag–torsdag, 09–14",
        "accommodations": "Pauser etter behov de første ukene; faste oppgaver hver dag.",
        "measure": measure,
        "followup_frequency": "biweekly" if n == 0 else "monthly",
        "followup_forms": ["phone", "three_way"],
        "followup_note": "Trekantsamtale på arbeidsplassen etter to uker og hver måned.",
        "if_absent": "Arbeidssøkeren ringer lederen før kl. 08; lederen sier fra til NAV.",
        "if_conflict": "Vi tar en trekantsamtale innen en uke.",
        "if_not_working": "Vi møtes alle tre og finner ut om oppgavene eller tiden må endres.",
    }
    if paying:
        values |= WAGES | {"monthly_wage": rng.choice([28_000, 31_000, 34_000])}
        values["employer_tax_rate"] = EMPLOYER_TAX
    return values


def _party_users(ctx: DemoContext, process: InclusionProcess) -> tuple[User, User]:
    """The jobseeker's and an employer user's logins (no password) to approve with."""
    candidate, employer = process.candidate, process.employer
    assert employer is not None
    if candidate.user is None:
        jobseeker = ctx.user(f"deltaker{candidate.pk}", Role.JOBSEEKER)
        jobseeker.first_name, jobseeker.last_name = candidate.first_name, candidate.last_name
        jobseeker.save()
        candidate.user = jobseeker
        candidate.save(update_fields=["user"])
    employer_user = employer.users.first() or ctx.user(
        f"arbeidsgiver{employer.pk}", Role.EMPLOYER, employer=employer
    )
    if employer_user.pk is None:
        employer_user.save()
    assert candidate.user is not None
    return candidate.user, employer_user


def _draft(ctx: DemoContext, process: InclusionProcess, n: int) -> Agreement:
    advisor = ctx.users["advisor"]
    agreement = services.agreement_create(actor=advisor, process=process)
    return services.agreement_update(
        actor=advisor,
        agreement=agreement,
        revision=agreement.revision,
        values=_values(ctx, process, n),
    )


def _commit(ctx: DemoContext, agreement: Agreement) -> Agreement:
    advisor = ctx.users["advisor"]
    services.agreement_add_commitment(
        actor=advisor,
        agreement=agreement,
        revision=agreement.revision,
        text="Trekantsamtale på arbeidsplassen",
        deadline=(agreement.start_on or ctx.today) + timedelta(days=14),
        owner=advisor.display_name,
    )
    agreement.refresh_from_db()
    return services.agreement_send(actor=advisor, agreement=agreement, revision=agreement.revision)


def agreements(ctx: DemoContext) -> list[Agreement]:
    advisor = ctx.users["advisor"]
    jobseeker_process = ctx.users["jobseeker"].candidate.processes.get()
    placed = [
        p
        for p in ctx.processes
        if p.office_id == advisor.office_id
        and p.phase in (Phase.TRIAL, Phase.EMPLOYMENT, Phase.RETENTION)
        and p.workplace_id is not None
        and p.pk != jobseeker_process.pk
    ][:5]
    made: list[Agreement] = []
    for n, process in enumerate([jobseeker_process, *placed]):
        employer = process.employer
        if employer is None or not employer.contact_persons.exists():
            continue
        agreement = _commit(ctx, _draft(ctx, process, n))
        made.append(agreement)
        ctx.progress("Avtaler", len(made), len(placed) + 1)
        if n == 0 or n == len(placed):
            continue  # the demo jobseeker's waits for approval; the last stays sent
        jobseeker, employer_user = _party_users(ctx, process)
        for party in (jobseeker, employer_user, advisor):
            agreement.refresh_from_db()
            services.agreement_approve(
                actor=party, agreement=agreement, revision=agreement.revision
            )
        agreement.refresh_from_db()
        if agreement.stage != "concluded":
            services.agreement_conclude(
                actor=ctx.users["manager"],
                agreement=agreement,
                revision=agreement.revision,
            )
            agreement.refresh_from_db()
        if n == 1 and agreement.end_on is not None:
            services.agreement_change(
                actor=advisor,
                agreement=agreement,
                revision=agreement.revision,
                kind="extend",
                reason="Det går bra; vi trenger litt mer tid før ansettelse.",
                values={"end_on": agreement.end_on + timedelta(days=60)},
            )
    ctx.count("Avtaler", len(made))
    return made
