"""Synthetic outcomes: jobs that follow each process's phase history, and fidelity reviews.

A job starts when a process enters «Ansettelse»; it ends (with a reason) when the process
goes back to job search, and goes on when follow-up ends with the person in work. Most jobs
are ordinary jobs, some with a wage subsidy. The headwind in the phase walk
(``caseload.headwind_for``) leaves the groups the equity monitor should find with fewer jobs.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from samspill.accounts.models import Team
from samspill.demo.context import DemoContext
from samspill.insights import services
from samspill.insights.fidelity import ITEMS
from samspill.insights.models import Job, JobEndReason
from samspill.processes.models import Phase

KINDS = {
    "retail": ["Butikkmedarbeider", "Lagermedarbeider i butikk"],
    "grocery": ["Butikkmedarbeider", "Varemottak"],
    "warehouse": ["Lagermedarbeider", "Truckfører", "Plukker"],
    "kindergarten": ["Barnehageassistent", "Vaktmester i barnehage"],
    "canteen": ["Kjøkkenassistent", "Kantinemedarbeider"],
    "office": ["Kontormedarbeider", "Resepsjonist"],
    "caretaking": ["Vaktmester", "Driftsmedarbeider"],
    "cleaning": ["Renholder"],
    "care": ["Helsefagarbeider-assistent", "Kjøkken og vaskeri"],
    "industry": ["Produksjonsmedarbeider", "Montør"],
}
END_REASONS = [
    (JobEndReason.QUIT, 3),
    (JobEndReason.EMPLOYER_ENDED, 3),
    (JobEndReason.TEMPORARY_ENDED, 3),
    (JobEndReason.NEW_JOB, 1),
    (JobEndReason.HEALTH, 2),
]


def jobs(ctx: DemoContext) -> list[Job]:
    rng = ctx.rng
    jobs = []
    for process, walk in zip(ctx.processes, ctx.walks, strict=True):
        workplaces = ctx.workplaces_by_office[process.office_id]
        open_job: Job | None = None
        for change in walk:
            if change.to_phase == Phase.EMPLOYMENT and open_job is None:
                workplace = (
                    process.workplace
                    if process.workplace is not None and change is walk[-1]
                    else rng.choice(workplaces)
                )
                employer = workplace.employer
                open_job = Job(
                    uuid=ctx.uuid(),
                    process=process,
                    employer=employer,
                    kind_of_work=rng.choice(KINDS.get(employer.sector, ["Medarbeider"])),
                    hours_per_week=Decimal(rng.choice([10, 15, 20, 25, 30, 37.5])),
                    hourly_wage=Decimal(rng.randrange(180, 261)),
                    permanent=rng.random() < 0.5,
                    competitive=rng.random() < 0.88,
                    subsidised=rng.random() < 0.35,
                    started_on=change.effective_on,
                )
                jobs.append(open_job)
            elif change.to_phase in (Phase.JOB_SEARCH, Phase.MAPPING) and open_job is not None:
                open_job.ended_on = change.effective_on
                open_job.end_reason = rng.choices(
                    [r for r, _ in END_REASONS], [w for _, w in END_REASONS]
                )[0]
                open_job = None
    return ctx.insert("Jobber", jobs)


def fidelity_reviews(ctx: DemoContext) -> None:
    """Two reviews of the demo advisor's team, six months apart, the later one better."""
    advisor = ctx.users["advisor"]
    team = Team.objects.filter(pk=advisor.team_id or 0).first()
    manager = ctx.users["manager"]
    if team is None:
        return
    for months_ago, base in ((12, 3), (6, 4)):
        scores = {item.code: min(5, max(1, base + ctx.rng.choice((-1, 0, 0, 1)))) for item in ITEMS}
        services.fidelity_review_save(
            actor=manager,
            team=team,
            reviewed_on=ctx.today - timedelta(days=30 * months_ago),
            reviewers="Leder og IPS-veileder fra regionen",
            notes="Gjennomgang med intervjuer, journalgjennomgang og observasjon.",
            scores=scores,
            item_notes={},
            evidence={},
        )
    ctx.count("Fidelitetsgjennomganger", 2)
