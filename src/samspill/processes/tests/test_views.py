"""Process pages through the Django test client: detail, change phase, invite, list.

``world.process`` is in the phase ``trial`` since 1 March 2026; the clock is frozen at
1 June 2026 (Oslo) so dates and ages do not drift.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.utils.html import escape

from samspill.accounts.models import Role
from samspill.accounts.tests.factories import UserFactory
from samspill.audit.models import Action, AuditEvent, Outcome
from samspill.candidates.services import consent_record
from samspill.conftest import World
from samspill.processes.models import InclusionProcess, Phase, PhaseChange, ProcessMember
from samspill.processes.tests.factories import MemberFactory, ProcessFactory

OSLO = ZoneInfo("Europe/Oslo")


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=OSLO), tick=False):
        yield


def _detail(process: InclusionProcess) -> str:
    return f"/forlop/{process.uuid}/"


def _change(process: InclusionProcess) -> str:
    return f"/forlop/{process.uuid}/fase/"


def _invite(process: InclusionProcess) -> str:
    return f"/forlop/{process.uuid}/deltakere/"


def _field_errors(html: str, field: str) -> str:
    """The text of the error area that belongs to one form field (see core/field.html)."""
    match = re.search(rf'id="id_{field}_error"[^>]*>(.*?)</div>', html, re.DOTALL)
    assert match, f"no error area for {field}"
    return match.group(1)


def _snapshot(process: InclusionProcess) -> tuple[str, datetime.date, int | None, int]:
    process.refresh_from_db()
    return (
        process.phase,
        process.phase_since,
        process.employer_id,
        PhaseChange.objects.filter(process=process).count(),
    )


# --- detail ---------------------------------------------------------------------------------


def test_advisor_sees_the_detail_and_the_read_is_logged(world: World, client: Client) -> None:
    candidate = world.process.candidate
    client.force_login(world.advisor)
    response = client.get(_detail(world.process))
    assert response.status_code == 200
    html = response.content.decode()
    assert escape(candidate.full_name) in html
    assert candidate.phone in html
    assert candidate.email in html
    assert "17.05.1998" in html  # the birth date, as the employer must not see it
    assert "Endre fase" in html
    event = AuditEvent.objects.get(
        actor=world.advisor, object_uuid=world.process.uuid, action=Action.VIEW
    )
    assert event.outcome == Outcome.ALLOWED
    assert event.subject_uuid == candidate.uuid


def test_employer_sees_only_what_the_candidate_shared(world: World, client: Client) -> None:
    candidate = world.process.candidate
    client.force_login(world.employer)
    response = client.get(_detail(world.process))
    assert response.status_code == 200
    html = response.content.decode()
    assert escape(candidate.full_name) in html
    assert "28 år" in html  # born 17 May 1998
    assert candidate.phone not in html
    assert candidate.email not in html
    assert "17.05.1998" not in html
    assert "17.05.1998" not in html
    assert "Fødselsdato" not in html
    assert "Innsatsbehov" not in html
    assert "Endre fase" not in html
    event = AuditEvent.objects.get(actor=world.employer, object_uuid=world.process.uuid)
    assert event.detail == "felt: age, name"


def test_a_phase_change_reason_is_shown_to_staff_who_change_the_process_only(
    world: World, client: Client
) -> None:
    """The advisor's words about why the phase changed are case notes, not the employer's."""
    PhaseChange.objects.create(
        process=world.process,
        from_phase=world.process.phase,
        to_phase=world.process.phase,
        effective_on=world.process.started_on,
        reason="Grunn-sentinel 4711",
        recorded_by=world.advisor,
    )
    client.force_login(world.employer)
    assert "Grunn-sentinel 4711" not in client.get(_detail(world.process)).content.decode()
    client.force_login(world.advisor)
    assert "Grunn-sentinel 4711" in client.get(_detail(world.process)).content.decode()


def test_employer_sees_nothing_after_consent_is_withdrawn(world: World, client: Client) -> None:
    consent_record(actor=world.jobseeker, candidate=world.process.candidate, items=[])
    client.force_login(world.employer)
    html = client.get(_detail(world.process)).content.decode()
    assert escape(world.process.candidate.full_name) not in html
    assert "Kandidat (navn ikke delt)" in html
    assert "Kandidaten har ikke delt opplysninger med dere." in html


# --- change phase: refused input ------------------------------------------------------------


def test_change_phase_form_shows_only_allowed_phases(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    response = client.get(_change(world.process))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="employment"' in html
    assert 'value="job_search"' in html
    assert 'value="mapping"' not in html
    assert 'value="retention"' not in html


def test_date_before_the_current_phase_is_shown_at_the_date(world: World, client: Client) -> None:
    before = _snapshot(world.process)
    client.force_login(world.advisor)
    response = client.post(
        _change(world.process), {"to_phase": "employment", "effective_on": "2026-02-01"}
    )
    assert response.status_code == 200
    errors = _field_errors(response.content.decode(), "effective_on")
    assert "Datoen kan ikke være før forløpet kom i nåværende fase (01.03.2026)." in errors
    assert _snapshot(world.process) == before


def test_future_date_is_shown_at_the_date(world: World, client: Client) -> None:
    before = _snapshot(world.process)
    client.force_login(world.advisor)
    response = client.post(
        _change(world.process), {"to_phase": "employment", "effective_on": "02.06.2026"}
    )
    assert response.status_code == 200
    assert "frem i tid" in _field_errors(response.content.decode(), "effective_on")
    assert _snapshot(world.process) == before


def test_empty_required_fields_are_shown_in_norwegian(world: World, client: Client) -> None:
    before = _snapshot(world.process)
    client.force_login(world.advisor)
    # What a browser sends for an untouched form: every field, all empty.
    empty = {"to_phase": "", "effective_on": "", "employer": "", "reason": ""}
    response = client.post(_change(world.process), empty)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Feltet er påkrevet." in _field_errors(html, "to_phase")
    assert "Feltet er påkrevet." in _field_errors(html, "effective_on")
    assert _field_errors(html, "reason").strip() == ""
    assert _snapshot(world.process) == before


def test_nonsense_date_is_refused(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    response = client.post(
        _change(world.process), {"to_phase": "employment", "effective_on": "31.02.2026"}
    )
    assert response.status_code == 200
    assert "Oppgi en gyldig dato." in _field_errors(response.content.decode(), "effective_on")


def test_transition_outside_the_table_is_refused_at_the_phase(world: World, client: Client) -> None:
    before = _snapshot(world.process)
    client.force_login(world.advisor)
    response = client.post(
        _change(world.process), {"to_phase": "mapping", "effective_on": "2026-05-01"}
    )
    assert response.status_code == 200
    assert "Velg et gyldig valg." in _field_errors(response.content.decode(), "to_phase")
    assert _snapshot(world.process) == before


def test_the_phase_form_does_not_close_a_process(world: World, client: Client) -> None:
    """Ending has its own form with a reason («Avslutt løpet», test_end_reopen.py)."""
    before = _snapshot(world.process)
    client.force_login(world.advisor)
    response = client.post(
        _change(world.process), {"to_phase": "closed", "effective_on": "2026-05-01", "reason": "x"}
    )
    assert response.status_code == 200
    assert "Velg et gyldig valg." in _field_errors(response.content.decode(), "to_phase")
    assert _snapshot(world.process) == before


def test_missing_employer_is_shown_at_the_employer(world: World, client: Client) -> None:
    process = ProcessFactory(advisor=world.advisor, phase=Phase.JOB_SEARCH, employer=None)
    before = _snapshot(process)
    client.force_login(world.advisor)
    response = client.post(_change(process), {"to_phase": "trial", "effective_on": "2026-05-01"})
    assert response.status_code == 200
    errors = _field_errors(response.content.decode(), "employer")
    assert "Velg arbeidsgiver for «Utprøving»." in errors
    assert _snapshot(process) == before


# --- change phase: accepted input -----------------------------------------------------------


def test_valid_change_redirects_and_changes_the_phase(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    response = client.post(
        _change(world.process), {"to_phase": "employment", "effective_on": "15.05.2026"}
    )
    assert response.status_code == 302
    assert response["Location"] == _detail(world.process)
    world.process.refresh_from_db()
    assert world.process.phase == Phase.EMPLOYMENT
    assert world.process.phase_since == datetime.date(2026, 5, 15)
    latest = PhaseChange.objects.filter(process=world.process).latest("id")
    assert (latest.from_phase, latest.to_phase, latest.recorded_by) == (
        "trial",
        "employment",
        world.advisor,
    )
    assert AuditEvent.objects.filter(
        actor=world.advisor,
        object_uuid=world.process.uuid,
        action=Action.CHANGE,
        detail__contains="employment",
    ).exists()
    followed = client.get(response["Location"])
    assert "Fasen er endret." in followed.content.decode()


def test_valid_change_can_set_the_employer(world: World, client: Client) -> None:
    process = ProcessFactory(advisor=world.advisor, phase=Phase.JOB_SEARCH, employer=None)
    client.force_login(world.manager)
    response = client.post(
        _change(process),
        {
            "to_phase": "trial",
            "effective_on": "2026-05-20",
            "employer": str(world.employer_org_other.uuid),
        },
    )
    assert response.status_code == 302
    process.refresh_from_db()
    assert process.phase == Phase.TRIAL
    assert process.employer == world.employer_org_other


# --- change phase: who may not --------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "status"),
    [("employer", 403), ("jobseeker", 403), ("partner", 404), ("advisor_other_office", 404)],
)
def test_others_cannot_change_the_phase(
    world: World, client: Client, persona: str, status: int
) -> None:
    user = world.persona(persona)
    before = _snapshot(world.process)
    client.force_login(user)
    response = client.post(
        _change(world.process), {"to_phase": "employment", "effective_on": "2026-05-15"}
    )
    assert response.status_code == status
    assert _snapshot(world.process) == before
    denied = AuditEvent.objects.get(actor=user, outcome=Outcome.DENIED)
    assert denied.action == Action.CHANGE
    assert denied.object_uuid == world.process.uuid
    assert denied.subject_uuid == world.process.candidate.uuid


def test_an_invited_partner_may_read_but_not_change(world: World, client: Client) -> None:
    MemberFactory(process=world.process, user=world.partner)
    client.force_login(world.partner)
    assert client.get(_detail(world.process)).status_code == 200
    response = client.post(
        _change(world.process), {"to_phase": "employment", "effective_on": "2026-05-15"}
    )
    assert response.status_code == 403
    assert AuditEvent.objects.filter(actor=world.partner, outcome=Outcome.DENIED).exists()
    world.process.refresh_from_db()
    assert world.process.phase == Phase.TRIAL


# --- invite ---------------------------------------------------------------------------------


def test_invite_form_adds_a_partner_who_can_then_read(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    form = client.get(_invite(world.process))
    assert form.status_code == 200
    assert str(world.partner.uuid) in form.content.decode()

    response = client.post(
        _invite(world.process),
        {
            "user": str(world.partner.uuid),
            "role": "partner",
            "purpose": "Vurdering av hjelpemidler",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == _detail(world.process)
    member = ProcessMember.objects.get(process=world.process, user=world.partner)
    assert member.purpose == "Vurdering av hjelpemidler"
    assert member.invited_by == world.advisor

    detail = client.get(_detail(world.process)).content.decode()
    assert "Vurdering av hjelpemidler" in detail
    client.force_login(world.partner)
    assert client.get(_detail(world.process)).status_code == 200


def test_invite_with_the_wrong_role_is_shown_at_the_user(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    response = client.post(
        _invite(world.process),
        {"user": str(world.partner.uuid), "role": "co_advisor", "purpose": "Samarbeid"},
    )
    assert response.status_code == 200
    errors = _field_errors(response.content.decode(), "user")
    assert "Brukeren har ikke rollen «Veileder / jobbspesialist»." in errors
    assert not ProcessMember.objects.exists()


def test_invite_needs_a_purpose(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    response = client.post(
        _invite(world.process), {"user": str(world.partner.uuid), "role": "partner", "purpose": ""}
    )
    assert response.status_code == 200
    assert "Feltet er påkrevet." in _field_errors(response.content.decode(), "purpose")
    assert not ProcessMember.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [("employer", 403), ("partner", 404)])
def test_others_cannot_invite(world: World, client: Client, persona: str, status: int) -> None:
    client.force_login(world.persona(persona))
    response = client.post(
        _invite(world.process),
        {"user": str(world.partner.uuid), "role": "partner", "purpose": "Snik"},
    )
    assert response.status_code == status
    assert not ProcessMember.objects.exists()


# --- list -----------------------------------------------------------------------------------


def _fill_office(world: World, n: int) -> None:
    """``n`` more processes at the advisor's office, split over two advisors, some placed."""
    colleague = UserFactory(role=Role.ADVISOR, office=world.office)
    for i in range(n):
        ProcessFactory(
            advisor=world.advisor if i % 2 else colleague,
            employer=world.employer_org if i % 3 else None,
        )


#: session, user, the second-factor device, count, one page of processes with everything
#: joined, one bulk audit insert.
LIST_QUERIES = 6


@pytest.mark.parametrize("extra", [5, 40])
def test_process_list_query_count_does_not_grow(
    world: World, client: Client, django_assert_num_queries, extra: int
) -> None:
    _fill_office(world, extra)
    client.force_login(world.advisor)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get("/forlop/")
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == extra + 1


def test_process_list_shows_and_logs_every_row(world: World, client: Client) -> None:
    _fill_office(world, 3)
    client.force_login(world.advisor)
    html = client.get("/forlop/").content.decode()
    visible = InclusionProcess.objects.filter(office=world.office)
    for process in visible.select_related("candidate"):
        assert escape(process.candidate.full_name) in html
    logged = AuditEvent.objects.filter(actor=world.advisor, detail="liste")
    assert set(logged.values_list("object_uuid", flat=True)) == {p.uuid for p in visible}
    assert (
        not InclusionProcess.objects.filter(office=world.other_office)
        .filter(uuid__in=logged.values("object_uuid"))
        .exists()
    )
