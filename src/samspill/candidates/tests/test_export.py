"""«Last ned mine opplysninger»: everything about the person, as HTML, PDF and JSON.

One sentinel word per kind of data is planted; each of the three renderings must hold
every one of them, so a kind of data cannot be left out of one of them unnoticed.
"""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from samspill.accounts.models import Role
from samspill.accounts.tests.factories import UserFactory
from samspill.agreements.models import Commitment as AgreementCommitment
from samspill.agreements.models import Version
from samspill.audit.models import Action, AuditEvent, Outcome, Purpose
from samspill.audit.services import Subject, audit_record
from samspill.candidates.access import export_for_user
from samspill.candidates.models import AccommodationNeed, CorrectionRequest, ProfileVersion
from samspill.candidates.services import needs_update
from samspill.candidates.tests.factories import ConsentFactory
from samspill.conftest import World
from samspill.followup.models import Contact, PlanChange
from samspill.followup.tests.factories import (
    CommitmentFactory,
    ConcernFactory,
    PlanFactory,
    PlanItemFactory,
)
from samspill.matching.models import MatchStep
from samspill.notifications.models import Notification
from samspill.processes.models import PhaseChange
from samspill.processes.tests.factories import MemberFactory

#: Section key → a word planted in that kind of data.
SENTINELS = {
    "person": "Sentinelkommune",
    "profile": "Sentinelkartlegging",
    "own_words": "Sentinelegneord",
    "needs": "Sentinelbehov",
    "profile_versions": "Sentinelversjonist",
    "consents": "Sentinelsamtykker",
    "corrections": "Sentinelretting",
    "processes": "Sentinelfase",
    "members": "Sentinelinvitasjon",
    "contacts": "Sentinelkontakt",
    "plans": "Sentinelplan",
    "plan_items": "Sentinelpunkt",
    "plan_changes": "Sentinelplanendring",
    "commitments": "Sentinellovnad",
    "concerns": "Sentinelbekymring",
    "matches": "Sentineljobbforslag",
    "match_steps": "Sentinelsteg",
    "meetings": "Sentinelmote",
    "agreements": "Sentinelavtale",
    "agreement_commitments": "Sentinelavtaleplikt",
    "agreement_versions": "Sentinelversjon",
    "jobs": "Sentineljobb",
    "notifications": "Sentinelvarsel",
    "access_log": "Sentinellogg",
}


@pytest.fixture
def rich(world: World) -> World:
    """The candidate of ``world.process`` with one planted word in each kind of data."""
    s, process, candidate = SENTINELS, world.process, world.process.candidate
    candidate.municipality, candidate.interests = s["person"], s["profile"]
    candidate.own_interests = s["own_words"]
    candidate.save()
    AccommodationNeed.objects.create(
        candidate=candidate,
        code="quiet_environment",
        detail=s["needs"],
        last_confirmed=date.today(),
    )
    ProfileVersion.objects.create(
        candidate=candidate,
        number=1,
        data={},
        changed_fields=["avoid"],
        changed_by=UserFactory(first_name=s["profile_versions"]),
    )
    ConsentFactory(candidate=candidate, recorded_by=UserFactory(first_name=s["consents"]))
    CorrectionRequest.objects.create(candidate=candidate, field="name", text=s["corrections"])
    PhaseChange.objects.create(
        process=process, to_phase="trial", effective_on=date.today(), reason=s["processes"]
    )
    MemberFactory(process=process, purpose=s["members"])
    Contact.objects.create(
        process=process, party="jobseeker", form="phone", place="remote", on=date.today(),
        note=s["contacts"],
    )  # fmt: skip
    plan = PlanFactory(process=process, title=s["plans"])
    PlanItemFactory(plan=plan, label=s["plan_items"])
    PlanChange.objects.create(plan=plan, description=s["plan_changes"])
    CommitmentFactory(process=process, title=s["commitments"])
    ConcernFactory(process=process, text=s["concerns"])
    world.match.summary = s["matches"]
    world.match.save()
    MatchStep.objects.create(
        match=world.match, to_status="meeting", on=date.today(), note=s["match_steps"]
    )
    world.line.note = s["meetings"]
    world.line.save()
    world.agreement.goals = s["agreements"]
    world.agreement.save()
    AgreementCommitment.objects.create(
        agreement=world.agreement,
        text=s["agreement_commitments"],
        deadline=date.today(),
        owner="NAV",
    )
    Version.objects.create(
        agreement=world.agreement, number=1, snapshot={"goals": s["agreement_versions"]},
        hash="0" * 64, created_at=timezone.now(), created_by=world.advisor,
    )  # fmt: skip
    world.job.kind_of_work = s["jobs"]
    world.job.save()
    Notification.objects.create(key="test", recipient=world.jobseeker, title=s["notifications"])
    reader = UserFactory(first_name=s["access_log"], role=Role.ADVISOR)
    uuid = candidate.uuid
    audit_record(
        actor=reader, subject=Subject("process", uuid, uuid), action=Action.VIEW,
        purpose=Purpose.CASE_WORK,
    )  # fmt: skip
    return world


def _keys(data: dict[str, Any]) -> set[str]:
    found = set()
    for section in data["sections"]:
        found.add(section["key"])
        for record in section["records"]:
            found |= {part["key"] for part in record["parts"]}
    return found


def test_the_structure_has_every_kind_of_data(rich: World) -> None:
    access = export_for_user(user=rich.jobseeker, candidate_id=None, fmt="json")
    assert set(SENTINELS) <= _keys(access.data)


def test_the_page_holds_every_kind_of_data(rich: World, client: Client) -> None:
    client.force_login(rich.jobseeker)
    response = client.get("/meg/mine-opplysninger/")
    assert response.status_code == 200
    html = response.content.decode()
    missing = [kind for kind, word in SENTINELS.items() if word not in html]
    assert missing == []
    assert 'href="/meg/mine-opplysninger/pdf/"' in html
    assert 'href="/meg/retting/"' in html


def test_the_json_holds_every_kind_of_data(rich: World, client: Client) -> None:
    client.force_login(rich.jobseeker)
    response = client.get("/meg/mine-opplysninger/json/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["format"] == "samspill-mine-opplysninger/1"
    text = json.dumps(data, ensure_ascii=False)
    assert [kind for kind, word in SENTINELS.items() if word not in text] == []
    person = data["sections"][0]["records"][0]["items"]
    assert {"key": "birth_date", "label": "Fødselsdato", "value": "1998-05-17"} in person


def test_the_pdf_holds_every_kind_of_data(rich: World, client: Client) -> None:
    client.force_login(rich.jobseeker)
    response = client.get("/meg/mine-opplysninger/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert [kind for kind, word in SENTINELS.items() if word not in text] == []


#: Field names that are also the Norwegian word.
SAME_IN_NORWEGIAN = {"form", "status"}


def test_every_label_is_norwegian_words(rich: World) -> None:
    """No label is a field name Django made up from the code (``from_phase`` → "from
    phase"): each is a verbose name or given in the export."""
    data = export_for_user(user=rich.jobseeker, candidate_id=None, fmt="json").data
    labels = [
        (i["key"], i["label"])
        for section in data["sections"]
        for record in section["records"]
        for rows in ([record], *(part["records"] for part in record["parts"]))
        for row in rows
        for i in row["items"]
    ]
    assert labels
    bad = []
    for key, label in labels:
        assert label[:1].isupper(), (key, label)
        made_up = label.casefold() == key.replace("_", " ").casefold()
        if made_up and key not in SAME_IN_NORWEGIAN:
            bad.append(key)
    assert bad == []


def test_every_export_is_an_audit_row(world: World, client: Client) -> None:
    needs_update(actor=world.advisor, candidate=world.process.candidate, needs={"hearing": ""})
    client.force_login(world.jobseeker)
    for suffix in ("", "pdf/", "json/"):
        assert client.get(f"/meg/mine-opplysninger/{suffix}").status_code == 200
    exports = AuditEvent.objects.filter(action=Action.EXPORT, actor=world.jobseeker)
    assert exports.count() == 3
    event = exports.first()
    assert event is not None
    assert event.outcome == Outcome.ALLOWED
    assert event.purpose == Purpose.OWN_DATA
    assert event.subject_uuid == world.process.candidate.uuid
    assert "name" in event.fields
    assert "needs" in event.fields  # exactly what the export held: a need, no benefit text
    assert "gender" in event.fields


def _staff_url(world: World, suffix: str = "") -> str:
    return f"/kandidater/{world.process.candidate.uuid}/opplysninger/{suffix}"


@pytest.mark.parametrize("suffix", ["", "pdf/", "json/"])
def test_the_advisor_of_the_process_can_export_on_request(
    rich: World, client: Client, suffix: str
) -> None:
    client.force_login(rich.advisor)
    response = client.get(_staff_url(rich, suffix))
    assert response.status_code == 200
    event = AuditEvent.objects.get(actor=rich.advisor, action=Action.EXPORT)
    assert event.purpose == Purpose.CASE_WORK
    assert event.subject_uuid == rich.process.candidate.uuid


@pytest.mark.parametrize(
    "persona", ["jobseeker_other", "jobseeker", "employer", "partner", "advisor_other_office"]
)
def test_others_cannot_fetch_the_export(world: World, client: Client, persona: str) -> None:
    user = world.persona(persona)
    client.force_login(user)
    for suffix in ("", "pdf/", "json/"):
        assert client.get(_staff_url(world, suffix)).status_code == 404
    denied = AuditEvent.objects.filter(actor=user, action=Action.EXPORT, outcome=Outcome.DENIED)
    assert denied.count() == 3
    assert not AuditEvent.objects.filter(
        actor=user, action=Action.EXPORT, outcome=Outcome.ALLOWED
    ).exists()


def test_the_other_jobseekers_own_export_is_their_own(world: World, client: Client) -> None:
    client.force_login(world.jobseeker_other)
    html = client.get("/meg/mine-opplysninger/").content.decode()
    mine, theirs = world.jobseeker_other.candidate, world.process.candidate  # type: ignore[attr-defined]
    assert f"<dd>{mine.full_name}</dd>" in html
    assert theirs.last_name not in html


@pytest.mark.parametrize("persona", ["employer", "partner", "advisor"])
def test_only_a_jobseeker_has_an_own_export(world: World, client: Client, persona: str) -> None:
    user = world.persona(persona)
    client.force_login(user)
    assert client.get("/meg/mine-opplysninger/json/").status_code == 404
    assert AuditEvent.objects.filter(actor=user, outcome=Outcome.DENIED).exists()


def test_the_export_button_is_for_those_who_may_change_the_candidate(
    world: World, client: Client
) -> None:
    from django.template.loader import render_to_string

    from samspill.candidates.access import candidate_profile_for_user

    candidate_id = world.process.candidate.uuid
    for persona, shown in (("advisor", True), ("partner", False)):
        user = world.persona(persona)
        if persona == "partner":
            MemberFactory(process=world.process, user=user)
        access = candidate_profile_for_user(
            user=user, candidate_id=candidate_id, purpose=Purpose.CASE_WORK
        )
        html = render_to_string("candidates/_export_button.html", {"access": access})
        assert (_staff_url(world) in html) is shown, persona
