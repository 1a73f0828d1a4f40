"""The agreement's lifecycle through its services: completeness, approval order, four eyes,
withdrawn approvals, optimistic locking, targeted changes and the hash chain."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from samspill.agreements import chain, services
from samspill.agreements.models import Agreement, Event, Stage, Version
from samspill.agreements.selectors import status_of
from samspill.agreements.tests.factories import PlacedProcessFactory
from samspill.agreements.tests.helpers import END, START, WAGE_SUBSIDY, approve, complete, send
from samspill.audit.models import AuditEvent
from samspill.conftest import World
from samspill.employers.tests.factories import OpeningFactory, WorkplaceFactory


def _errors(excinfo: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return excinfo.value.message_dict


def test_cannot_be_sent_without_the_fast_kontaktperson_with_phone(world: World) -> None:
    agreement = complete(world.agreement, world.advisor, nav_contact_phone="")
    with pytest.raises(ValidationError) as excinfo:
        send(agreement, world.advisor)
    assert _errors(excinfo)["nav_contact_phone"] == [
        "Avtalen må ha en fast kontaktperson i NAV med direkte telefonnummer."
    ]
    assert Agreement.objects.get(pk=agreement.pk).stage == Stage.DRAFT


def test_incomplete_drafts_say_what_is_missing(world: World) -> None:
    with pytest.raises(ValidationError) as excinfo:
        send(world.agreement, world.advisor)
    assert "goals" in _errors(excinfo)
    assert "if_not_working" in _errors(excinfo)


def test_parties_approve_in_either_order_and_the_advisor_last(world: World) -> None:
    agreement = send(complete(world.agreement, world.advisor), world.advisor)
    with pytest.raises(ValidationError, match="Veilederen godkjenner sist"):
        approve(agreement, world.advisor)
    approve(agreement, world.employer)
    with pytest.raises(ValidationError, match="allerede godkjent"):
        approve(agreement, world.employer)
    with pytest.raises(ValidationError, match="ikke part"):
        approve(agreement, world.employer_other)
    approve(agreement, world.jobseeker)
    approve(agreement, world.advisor)  # arbeidstrening pays nothing: this concludes it
    agreement.refresh_from_db()
    assert agreement.stage == Stage.CONCLUDED
    assert list(agreement.versions.values_list("number", flat=True)) == [1]
    assert status_of(agreement, START - timedelta(days=1)).label == "Klar for oppstart"
    assert status_of(agreement, START).label == "Gjennomføres"
    assert status_of(agreement, END + timedelta(days=1)).label == "Avsluttet"


def test_four_eyes_for_measures_that_pay_money(world: World) -> None:
    agreement = send(complete(world.agreement, world.advisor, **WAGE_SUBSIDY), world.advisor)
    for party in (world.jobseeker, world.employer, world.advisor):
        approve(agreement, party)
    agreement.refresh_from_db()
    assert agreement.stage == Stage.SENT  # waits for the second approver
    with pytest.raises(ValidationError, match="Fire øyne"):
        services.agreement_conclude(
            actor=world.advisor, agreement=agreement, revision=agreement.revision
        )
    version = services.agreement_conclude(
        actor=world.manager, agreement=agreement, revision=agreement.revision
    )
    assert version.number == 1
    assert version.snapshot["monthly_wage"] == 30_000
    assert chain.verify(agreement) == []


def test_an_edit_before_conclusion_withdraws_approvals_and_says_why(world: World) -> None:
    agreement = send(complete(world.agreement, world.advisor), world.advisor)
    approve(agreement, world.jobseeker)
    complete(agreement, world.advisor, hours_per_week=Decimal(25))
    agreement.refresh_from_db()
    assert agreement.stage == Stage.DRAFT
    [withdrawn] = agreement.approvals.all()
    assert withdrawn.withdrawn_at is not None
    assert "timer per uke" in withdrawn.withdrawn_reason
    assert world.advisor.display_name in withdrawn.withdrawn_reason
    assert Event.objects.filter(agreement=agreement, to_stage=Stage.DRAFT).exists()


def test_the_second_of_two_concurrent_saves_is_refused(world: World) -> None:
    agreement = complete(world.agreement, world.advisor)
    seen = agreement.revision
    services.agreement_update(
        actor=world.manager, agreement=agreement, revision=seen, values={"tasks": "Kasse"}
    )
    with pytest.raises(ValidationError, match="ble endret av"):
        services.agreement_update(
            actor=world.advisor, agreement=agreement, revision=seen, values={"tasks": "Lager"}
        )
    agreement.refresh_from_db()
    assert agreement.tasks == "Kasse"  # the first save stands; the second changed nothing


def test_rules_are_checked_at_the_field(world: World) -> None:
    candidate = world.process.candidate
    candidate.need_level = "standard"
    candidate.save()
    with pytest.raises(ValidationError) as excinfo:
        complete(world.agreement, world.advisor, **WAGE_SUBSIDY)
    assert _errors(excinfo)["measure"] == [
        "Midlertidig lønnstilskudd gis ikke ved standard innsats."
    ]
    world.agreement.refresh_from_db()
    assert world.agreement.measure == ""  # nothing half-saved


def test_discretion_needs_a_recorded_reason(world: World) -> None:
    lower = {**WAGE_SUBSIDY, "percentage": 30}
    with pytest.raises(ValidationError) as excinfo:
        complete(world.agreement, world.advisor, **lower)
    assert "må begrunnes" in _errors(excinfo)["percentage"][0]
    agreement = complete(
        world.agreement, world.advisor, **lower, override_reason="Arbeidsgiver ønsker lavere"
    )
    assert agreement.overridden_rules == ["midlertidig_lonnstilskudd.lower"]


def _concluded(world: World) -> Agreement:
    agreement = send(complete(world.agreement, world.advisor), world.advisor)
    for party in (world.jobseeker, world.employer, world.advisor):
        approve(agreement, party)
    agreement.refresh_from_db()
    return agreement


def test_targeted_changes_make_new_versions_in_a_verifiable_chain(world: World) -> None:
    agreement = _concluded(world)
    version = services.agreement_change(
        actor=world.advisor,
        agreement=agreement,
        revision=agreement.revision,
        kind="extend",
        reason="",
        values={"end_on": date(2027, 9, 30), "tasks": "ignored: not part of an extension"},
    )
    assert version.number == 2
    assert version.previous_hash == agreement.versions.get(number=1).hash
    assert version.snapshot["end_on"] == "2027-09-30"
    assert version.snapshot["tasks"] == "Varepåfylling og ordning av hyller."
    assert chain.changes_between(agreement.versions.get(number=1).snapshot, version.snapshot) == [
        ("end_on", "2027-06-30", "2027-09-30")
    ]
    agreement.refresh_from_db()
    with pytest.raises(ValidationError, match="hvorfor avtalen forkortes"):
        services.agreement_change(
            actor=world.advisor,
            agreement=agreement,
            revision=agreement.revision,
            kind="shorten",
            reason="",
            values={"end_on": date(2027, 3, 31)},
        )
    with pytest.raises(ValidationError, match="høyst 18 måneder"):
        services.agreement_change(
            actor=world.advisor,
            agreement=agreement,
            revision=agreement.revision,
            kind="extend",
            reason="",
            values={"end_on": date(2028, 7, 4)},
        )
    assert chain.verify(agreement) == []
    call_command("verify_agreement_chains")


def test_tampering_is_reported(world: World) -> None:
    agreement = _concluded(world)
    version = agreement.versions.get()
    with pytest.raises(TypeError):
        version.save()
    with pytest.raises(TypeError):
        Version.objects.filter(pk=version.pk).update(change_reason="x")
    tampered = {**version.snapshot, "hours_per_week": "37.5"}
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Version._meta.db_table} SET snapshot = %s WHERE id = %s",  # noqa: S608
            [
                Version._meta.get_field("snapshot").get_db_prep_value(tampered, connection),
                version.pk,
            ],
        )
    found = chain.verify(agreement)
    assert (found[0].number, found[0].problem) == (
        1,
        "innholdet er endret etter at det ble låst",
    )
    with pytest.raises(CommandError, match="brudd"):
        call_command("verify_agreement_chains")


def test_cancel_needs_a_reason_from_the_list(world: World) -> None:
    with pytest.raises(ValidationError):
        services.agreement_cancel(
            actor=world.advisor, agreement=world.agreement, revision=None, reason="stale"
        )
    agreement = services.agreement_cancel(
        actor=world.advisor, agreement=world.agreement, revision=None, reason="no_show"
    )
    assert agreement.stage == Stage.CANCELLED
    assert status_of(agreement, START).label == "Avbrutt"


def test_only_staff_on_the_process_edit(world: World) -> None:
    for persona in (world.employer, world.jobseeker, world.advisor_other_office):
        with pytest.raises(ValidationError):
            complete(world.agreement, persona)


def test_stale_drafts_are_warned_then_cancelled(world: World) -> None:
    now = timezone.now()
    Agreement.objects.filter(pk=world.agreement.pk).update(updated_at=now - timedelta(weeks=11))
    assert services.agreements_expire_drafts(now=now) == (1, 0)
    Agreement.objects.filter(pk=world.agreement.pk).update(updated_at=now - timedelta(weeks=12))
    assert services.agreements_expire_drafts(now=now) == (0, 1)
    world.agreement.refresh_from_db()
    assert world.agreement.stage == Stage.CANCELLED
    assert world.agreement.cancel_reason == "stale"


def test_writes_are_audited(world: World) -> None:
    complete(world.agreement, world.advisor)
    assert AuditEvent.objects.filter(
        object_type="agreement", object_uuid=world.agreement.uuid, actor=world.advisor
    ).exists()


def test_a_draft_from_an_opening_takes_its_tasks_hours_and_start(world: World) -> None:
    process = PlacedProcessFactory(
        advisor=world.advisor, workplace=WorkplaceFactory(employer=world.employer_org)
    )
    opening = OpeningFactory(
        workplace=process.workplace,
        description="Lager og varemottak.",
        hours_per_week=Decimal("22.5"),
        starts_on=START,
    )
    agreement = services.agreement_create(actor=world.advisor, process=process, opening=opening)
    assert agreement.tasks == "Lager og varemottak."
    assert agreement.hours_per_week == Decimal("22.5")
    assert agreement.start_on == START
