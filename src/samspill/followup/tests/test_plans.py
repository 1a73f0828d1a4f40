"""Plans from templates, adjusted by the advisor, never ended silently."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from samspill.audit.models import AuditEvent
from samspill.conftest import World
from samspill.followup import services
from samspill.followup.models import EndReason, FollowupPlan, Form, PlanChange, PlanParty

TODAY = datetime.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def _clock():  # type: ignore[no-untyped-def]
    with time_machine.travel(datetime.datetime(2026, 6, 1, 10, tzinfo=datetime.UTC), tick=False):
        yield


def _start(world: World, template: str = "after_hire") -> FollowupPlan:
    return services.followup_start_plan(
        actor=world.advisor, process=world.process, template=template, starts_on=TODAY
    )


def test_a_plan_from_a_template_has_dated_items_and_a_recorded_start(world: World) -> None:
    plan = _start(world)
    assert plan.minimum_until == datetime.date(2026, 12, 1)
    first = {item.label: item.first_due_on for item in plan.items.all()}
    assert first["Ukentlig kontakt første måned"] == datetime.date(2026, 6, 4)
    assert plan.changes.get().description == "Opprettet fra malen «Oppfølging etter ansettelse»"
    assert AuditEvent.objects.filter(detail__startswith="oppfølgingsplan").exists()


def test_a_new_plan_replaces_the_active_one_with_a_recorded_reason(world: World) -> None:
    old = _start(world, "work_trial")
    new = _start(world, "after_hire")
    old.refresh_from_db()
    assert old.ended_on == TODAY
    assert old.end_reason == EndReason.REPLACED
    assert "Oppfølging etter ansettelse" in old.end_note
    assert FollowupPlan.objects.filter(ended_on__isnull=True).get() == new


def test_item_changes_are_recorded_with_before_and_after(world: World) -> None:
    plan = _start(world)
    item = services.followup_add_item(
        actor=world.advisor,
        plan=plan,
        label="Samtale med mentor",
        party=PlanParty.EMPLOYER,
        form=Form.PHONE,
        first_due_on=TODAY,
        interval_days=14,
    )
    services.followup_change_item(
        actor=world.advisor,
        item=item,
        label="Samtale med mentor",
        party=PlanParty.EMPLOYER,
        form=Form.PHONE,
        first_due_on=TODAY,
        interval_days=7,
    )
    services.followup_remove_item(actor=world.advisor, item=item)
    descriptions = list(PlanChange.objects.order_by("id").values_list("description", flat=True))
    assert descriptions[1].startswith("La til «Samtale med mentor»")
    assert "hver 14. dag" in descriptions[2]
    assert "hver 7. dag" in descriptions[2]
    assert descriptions[3].startswith("Fjernet")


def test_ending_needs_a_reason_and_before_six_months_a_written_one(world: World) -> None:
    plan = _start(world)
    with pytest.raises(ValidationError) as error:
        services.followup_end_plan(actor=world.advisor, plan=plan, reason="")
    assert "reason" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.followup_end_plan(actor=world.advisor, plan=plan, reason=EndReason.REPLACED)
    assert "reason" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.followup_end_plan(
            actor=world.advisor, plan=plan, reason=EndReason.NO_LONGER_WANTED
        )
    assert "01.12.2026" in error.value.message_dict["note"][0]
    plan.refresh_from_db()
    assert plan.ended_on is None  # nothing half-saved
    services.followup_end_plan(
        actor=world.advisor,
        plan=plan,
        reason=EndReason.NO_LONGER_WANTED,
        note="Trives og vil klare seg selv; ringer ved behov.",
    )
    plan.refresh_from_db()
    assert plan.ended_on == TODAY
    assert "Personen ønsker ikke mer oppfølging" in plan.changes.first().description  # type: ignore[union-attr]


def test_after_six_months_a_reason_is_enough(world: World) -> None:
    plan = _start(world)
    with time_machine.travel(datetime.datetime(2026, 12, 2, 10, tzinfo=datetime.UTC), tick=False):
        services.followup_end_plan(actor=world.advisor, plan=plan, reason=EndReason.STEPPED_DOWN)
    plan.refresh_from_db()
    assert plan.end_reason == EndReason.STEPPED_DOWN


def test_a_phase_change_does_not_end_the_plan(world: World) -> None:
    from samspill.processes.services import process_change_phase

    plan = _start(world)
    process_change_phase(
        actor=world.advisor,
        process=world.process,
        to_phase="closed",
        effective_on=TODAY,
        reason="Tiltaket er ferdig",
    )
    plan.refresh_from_db()
    assert plan.ended_on is None
