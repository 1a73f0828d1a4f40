"""Demo follow-up: plans on placed processes, planned contacts with gaps, NAV commitments,
open employer concerns and their notifications, so that «I dag» is alive on first start."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone

from samspill.demo.context import DemoContext
from samspill.demo.followup import COMMITMENTS, CONCERNS, TEMPLATE_FOR, planned_contacts
from samspill.followup.models import (
    Commitment,
    Concern,
    ConcernKind,
    FollowupPlan,
    PlanChange,
    PlanItem,
)
from samspill.followup.plan_templates import TEMPLATES
from samspill.lib.dates import add_months
from samspill.lib.workdays import add_working_days
from samspill.notifications.models import Notification
from samspill.processes.models import InclusionProcess, Phase

PLACED = (Phase.TRIAL, Phase.EMPLOYMENT, Phase.RETENTION)


def _plan(ctx: DemoContext, process: InclusionProcess) -> FollowupPlan:
    code = TEMPLATE_FOR.get(Phase(process.phase), "after_hire")
    if process.phase == Phase.EMPLOYMENT and ctx.rng.random() < 0.5:
        code = "after_hire"
    template = TEMPLATES[code]
    return FollowupPlan(
        uuid=ctx.uuid(),
        process=process,
        template=code,
        title=str(template.label),
        starts_on=process.phase_since,
        minimum_until=add_months(process.phase_since, template.minimum_months)
        if template.minimum_months
        else None,
        created_by_id=process.advisor_id,
    )


def _items(ctx: DemoContext, plan: FollowupPlan) -> list[PlanItem]:
    template = TEMPLATES[plan.template]
    return [
        PlanItem(
            uuid=ctx.uuid(),
            plan=plan,
            label=item.label,
            party=item.party,
            form=item.form,
            phase=template.phase,
            first_due_on=plan.starts_on + item.first_due,
            interval_days=item.interval.days if item.interval else None,
            ends_on=plan.starts_on + item.until if item.until else None,
        )
        for item in template.items
    ]


def _concern(ctx: DemoContext, process: InclusionProcess, reporter_id: int | None) -> Concern:
    assert process.employer_id is not None  # only placed processes get concerns
    kind, text = ctx.rng.choice(CONCERNS)
    day = ctx.today - timedelta(days=ctx.rng.randint(0, 6))
    reported = timezone.make_aware(datetime.combine(day, time(ctx.rng.randint(7, 15))))
    answered = day < ctx.today - timedelta(days=2) and ctx.rng.random() < 0.6
    return Concern(
        uuid=ctx.uuid(),
        process=process,
        employer_id=process.employer_id,
        kind=ConcernKind(kind),
        text=text,
        reported_by_id=reporter_id,
        reported_at=reported,
        respond_by=add_working_days(day, 1),
        responded_at=reported + timedelta(hours=20) if answered else None,
        responded_by_id=process.advisor_id if answered else None,
        response="Ringte og avtalte et møte på arbeidsplassen." if answered else "",
    )


def followup(ctx: DemoContext) -> None:
    rng, today = ctx.rng, ctx.today
    placed = [p for p in ctx.processes if p.phase in PLACED and p.employer_id]
    advisor = ctx.users["advisor"]
    employer_user = ctx.users["employer"]
    own = [p for p in placed if p.advisor_id == advisor.pk]
    # Most placed processes have a plan; some are missing one (the worklist asks for it).
    planned = [p for p in placed if p in own[:1] or rng.random() < 0.85]
    plans = ctx.insert("Oppfølgingsplaner", [_plan(ctx, p) for p in planned])
    ctx.insert(
        "Planendringer",
        [
            PlanChange(
                plan=plan,
                by_id=plan.created_by_id,
                description=f"Opprettet fra malen «{plan.title}»",
            )
            for plan in plans
        ],
    )
    items_by_plan = {plan.pk: _items(ctx, plan) for plan in plans}
    ctx.insert("Planlagte kontakter", [i for items in items_by_plan.values() for i in items])
    contacts = [
        c for plan in plans for c in planned_contacts(rng, plan, items_by_plan[plan.pk], today)
    ]
    ctx.insert("Kontakter etter plan", contacts)
    commitments = [
        Commitment(
            uuid=ctx.uuid(),
            process=plan.process,
            title=rng.choice(COMMITMENTS),
            deadline=today + timedelta(days=rng.randint(-10, 30)),
            owner_id=plan.process.advisor_id,
            created_by_id=plan.process.advisor_id,
        )
        for plan in plans
        if plan.process.advisor_id == advisor.pk or rng.random() < 0.3
    ]
    for commitment in commitments:
        if commitment.deadline < today and rng.random() < 0.5:
            commitment.done_on = commitment.deadline
    ctx.insert("NAVs forpliktelser", commitments)
    reporters = {employer_user.employer_id: employer_user.pk}
    with_concern = own[:2] + [p for p in placed if rng.random() < 0.05]
    concerns = [_concern(ctx, p, reporters.get(p.employer_id)) for p in dict.fromkeys(with_concern)]
    ctx.insert("Henvendelser fra arbeidsgivere", concerns)
    ctx.insert(
        "Varsler",
        [
            Notification(
                key=f"concern:{c.uuid}",
                recipient_id=c.process.advisor_id,
                title=c.get_kind_display(),
                body=c.text,
                url=reverse("followup:plan", kwargs={"process_id": c.process.uuid}),
                urgent=True,
                created_at=c.reported_at,
                delivered_at=c.reported_at,
                delivered_by="demo",
            )
            for c in concerns
            if c.responded_at is None
        ],
    )
