"""The consent matrix: no surface shows a viewer more than they may see, and the audit row
of every display names exactly what was shown.

Every personal field of the candidate holds a unique sentinel (text fields a marker string,
choice fields a rare choice whose label is searched for). For each viewer × consent state,
the viewer opens every surface (pages, the API, both PDFs, notifications and e-mails),
the advisor and the jobseeker then change the profile (new sentinels; one need removed),
and the viewer opens every surface again, so the change box «Endret siden du så
profilen» is on the page. Each response is searched for every sentinel:

* no sentinel of an item the viewer may not see appears (and no internal note);
* every item whose sentinel appears is named in the audit rows the request wrote, and
  every detectable item those rows name did appear (the trail neither under- nor
  over-reports);
* the response is marked ``Cache-Control: no-store``.

A new candidate field fails ``test_the_matrix_knows_every_candidate_field`` until it has a
place in ``ITEM_OF_FIELD`` and a sentinel here; a new surface is added to ``SURFACES``.
"""

from __future__ import annotations

import datetime
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core import mail
from django.db.models import Max
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from samspill.accounts.models import User
from samspill.audit.models import Action, AuditEvent, Outcome
from samspill.candidates.models import (
    ALL_FIELDS,
    ITEM_OF_FIELD,
    SHAREABLE_WITH_EMPLOYER,
    Candidate,
    CandidateField,
)
from samspill.candidates.needs import NEED_CONSENT_PREFIX
from samspill.candidates.services import (
    consent_record,
    needs_update,
    profile_update,
    profile_update_own,
)
from samspill.candidates.tests.factories import synthetic_national_id
from samspill.conftest import World
from samspill.employers.tests.factories import OpeningFactory
from samspill.followup.services.contacts import followup_log_contact
from samspill.matching.models import Match, MatchStatus
from samspill.matching.services import match_move
from samspill.notifications.delivery import deliver_pending
from samspill.policy import PARTNER_FIELDS
from samspill.processes.tests.factories import MemberFactory

NEED_KEPT, NEED_REMOVED = "quiet_environment", "hearing"
#: Consent items for single needs, as the jobseeker ticks them.
NEED_ITEMS = {f"{NEED_CONSENT_PREFIX}{NEED_KEPT}", f"{NEED_CONSENT_PREFIX}{NEED_REMOVED}"}

#: Text sentinels, in two generations (before and after the edit): field → marker.
TEXT_FIELDS = (
    "interests",
    "resources",
    "experience",
    "education",
    "avoid",
    "own_interests",
    "own_strengths",
    "own_motivation",
    "own_wishes",
)


def _marker(field: str, generation: int) -> str:
    return f"Snt{generation}{field.replace('_', '').capitalize()}"


#: Fields set once, with values found nowhere else on a page.
FIXED = {
    "first_name": "Sntfornavn",
    "last_name": "Sntetternavn",
    "municipality": "Sntkommune",
    "phone": "41239876",
    "email": "snt.epost@example.com",
    "birth_date": datetime.date(1971, 2, 3),
    "national_id": synthetic_national_id(datetime.date(1971, 2, 3)),
    "gender": "other",
    "need_level": "varig_tilpasset",
}
#: What each item looks like on a surface: the strings whose presence discloses it.
DETECT: dict[str, list[str]] = {
    CandidateField.NAME: ["Sntfornavn", "Sntetternavn"],
    CandidateField.MUNICIPALITY: ["Sntkommune"],
    CandidateField.CONTACT: ["41239876", "snt.epost@example.com"],
    CandidateField.BIRTH_DATE: ["3. februar 1971", "1971-02-03", "03.02.1971"],
    # The whole number, as stored and as shown on request; masked («030271 *****») it
    # shows the birth date only.
    CandidateField.NATIONAL_ID: [
        FIXED["national_id"],
        f"{FIXED['national_id'][:6]} {FIXED['national_id'][6:]}",
    ],
    CandidateField.NEED_LEVEL: ["Varig tilpasset innsats"],
    CandidateField.SITUATION: ["Arbeidsavklaringspenger", "Aldri hatt lønnet arbeid"],
    CandidateField.PLACES: ["Sntsted", _marker("avoid", 1), _marker("avoid", 2)],
    CandidateField.WISHES: ["17–23 timer", "19–23 timer"],
    CandidateField.INTERESTS: [
        _marker(f, g)
        for f in ("interests", "own_interests", "own_motivation", "own_wishes")
        for g in (1, 2)
    ],
    CandidateField.STRENGTHS: [
        _marker(f, g) for f in ("resources", "own_strengths") for g in (1, 2)
    ],
    CandidateField.EXPERIENCE: [_marker(f, g) for f in ("experience", "education") for g in (1, 2)],
    # The full needs item: the descriptions and the staff's labels.
    CandidateField.NEEDS: ["SntBehovKept", "SntBehovRemoved", "Stille og rolig miljø"],
    # Single shared needs: their employer texts.
    f"{NEED_CONSENT_PREFIX}{NEED_KEPT}": ["Kan trenge et stille og rolig miljø"],
    f"{NEED_CONSENT_PREFIX}{NEED_REMOVED}": ["Kan trenge tilpasning for hørsel"],
}
#: Items with no string of their own on a page (shown as a number or not at all).
UNDETECTABLE = {CandidateField.AGE, CandidateField.GENDER}
#: NAV-internal notes about the person: never shown outside NAV's staff.
INTERNAL = ["SntInterntNotat", "SntOverstyring"]


def _fill(world: World, candidate: Candidate, generation: int) -> None:
    """Generation 1 by the advisor; generation 2 by the manager (a colleague's edit is
    news to the advisor) and the jobseeker."""
    editor = world.advisor if generation == 1 else world.manager
    texts = {f: _marker(f, generation) for f in TEXT_FIELDS}
    own = {f: texts.pop(f) for f in list(texts) if f.startswith("own_")}
    hours = (17, 23) if generation == 1 else (19, 23)
    profile_update(
        actor=editor,
        candidate=candidate,
        **texts,
        hours_min=hours[0],
        hours_max=hours[1],
        places=["Sntsted"],
        benefit="aap",
        time_outside_work="never",
    )
    profile_update_own(actor=world.jobseeker, candidate=candidate, **own)
    needs = {NEED_KEPT: "SntBehovKept"}
    if generation == 1:
        needs[NEED_REMOVED] = "SntBehovRemoved"
    needs_update(actor=editor, candidate=candidate, needs=needs)


@dataclass(frozen=True)
class Scene:
    world: World
    candidate: Candidate
    presented: Match


def _scene(world: World) -> Scene:
    candidate = world.process.candidate
    for name, value in FIXED.items():
        setattr(candidate, name, value)
    candidate.save()
    _fill(world, candidate, generation=1)
    MemberFactory(process=world.process, user=world.partner)
    followup_log_contact(
        actor=world.advisor,
        process=world.process,
        party="jobseeker",
        form="phone",
        place="remote",
        on=timezone.localdate(),
        note="SntInterntNotat",
    )
    world.match.override_reason = "SntOverstyring"
    world.match.save(update_fields=["override_reason"])
    presented = Match.objects.create(
        process=world.process,
        opening=OpeningFactory(workplace=world.workplace, title="Butikkmedarbeider"),
        status=MatchStatus.CANDIDATE_INTERESTED,
    )
    match_move(actor=world.advisor, match=presented, to_status=MatchStatus.PRESENTED_EMPLOYER)
    return Scene(world, candidate, presented)


# --- the surfaces -----------------------------------------------------------------------

Url = Callable[[Scene], str]
SURFACES: dict[str, Url] = {
    "start page": lambda s: "/",
    "candidate page (profile, change box)": lambda s: reverse(
        "candidates:detail", kwargs={"candidate_id": s.candidate.uuid}
    ),
    "process page": lambda s: reverse(
        "processes:detail", kwargs={"process_id": s.world.process.uuid}
    ),
    "follow-up plan": lambda s: reverse(
        "followup:plan", kwargs={"process_id": s.world.process.uuid}
    ),
    "pipeline": lambda s: reverse("matching:pipeline"),
    "match page": lambda s: reverse("matching:match", kwargs={"match_id": s.presented.uuid}),
    "match meeting": lambda s: reverse(
        "matching:meeting", kwargs={"meeting_id": s.world.meeting.uuid}
    ),
    "agreement page": lambda s: reverse(
        "agreements:detail", kwargs={"agreement_id": s.world.agreement.uuid}
    ),
    "agreement PDF": lambda s: reverse(
        "agreements:pdf", kwargs={"agreement_id": s.world.agreement.uuid}
    ),
    "employer's agreement PDF": lambda s: reverse(
        "agreements:employer_pdf", kwargs={"agreement_id": s.world.agreement.uuid}
    ),
    "notifications page": lambda s: reverse("notifications:list"),
    "export page": lambda s: reverse(
        "candidates:export", kwargs={"candidate_id": s.candidate.uuid}
    ),
    "export PDF": lambda s: reverse(
        "candidates:export_pdf", kwargs={"candidate_id": s.candidate.uuid}
    ),
    "export JSON": lambda s: reverse(
        "candidates:export_json", kwargs={"candidate_id": s.candidate.uuid}
    ),
    "own export": lambda s: reverse("candidates:own_export"),
    "own export PDF": lambda s: reverse("candidates:own_export_pdf"),
    "own export JSON": lambda s: reverse("candidates:own_export_json"),
    "own profile": lambda s: reverse("candidates:own_profile"),
    "own sharing choices": lambda s: reverse("candidates:consent"),
    "own access log": lambda s: reverse("audit:own"),
    "own correction requests": lambda s: reverse("candidates:corrections"),
    "Innsynslogg": lambda s: reverse("audit:log", kwargs={"candidate_id": s.candidate.uuid}),
    "registration page": lambda s: reverse("candidates:register"),
    "identity number on request": lambda s: reverse(
        "candidates:national_id", kwargs={"candidate_id": s.candidate.uuid}
    ),
    "retention page": lambda s: reverse("retention:due"),
    "API: processes": lambda s: "/api/processes",
    "API: process": lambda s: f"/api/processes/{s.world.process.uuid}",
    "API: candidate": lambda s: f"/api/candidates/{s.candidate.uuid}",
    "API: matches": lambda s: "/api/matching/matches",
    "API: match": lambda s: f"/api/matching/matches/{s.presented.uuid}",
    "API: meeting": lambda s: f"/api/matching/meetings/{s.world.meeting.uuid}",
    "API: ranking": lambda s: f"/api/matching/openings/{s.world.opening.uuid}/candidates",
    "API: agreements": lambda s: f"/api/agreements/process/{s.world.process.uuid}",
    "API: agreement": lambda s: f"/api/agreements/{s.world.agreement.uuid}",
    "API: contacts": lambda s: f"/api/processes/{s.world.process.uuid}/followup/contacts",
    "API: notifications": lambda s: "/api/followup/notifications",
    "API: worklist": lambda s: "/api/followup/today",
}


#: A choice a form offers but has not chosen is no one's data (the registration form lists
#: every need level, for instance).
UNCHOSEN_OPTION = re.compile(r"<option value=\"[^\"]*\">[^<]*</option>")


def _text(response: HttpResponse) -> str:
    kind = response.get("Content-Type", "")
    if kind.startswith("application/pdf"):
        reader = PdfReader(io.BytesIO(response.content))
        return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    if kind.startswith("application/json"):
        return json.dumps(json.loads(response.content), ensure_ascii=False)
    return UNCHOSEN_OPTION.sub("", response.content.decode())


def _found(text: str) -> set[str]:
    return {item for item, needles in DETECT.items() if any(n in text for n in needles)}


def _logged(after_id: int, candidate: Candidate) -> set[str]:
    rows = AuditEvent.objects.filter(
        pk__gt=after_id,
        subject_uuid=candidate.uuid,
        outcome=Outcome.ALLOWED,
        action__in=[Action.VIEW, Action.EXPORT],
    )
    return {item for row in rows for item in row.fields}


def _covered(logged: set[str]) -> set[str]:
    """The full needs item covers each single need (and its employer text)."""
    return logged | NEED_ITEMS if CandidateField.NEEDS in logged else logged


def _open_everything(client: Client, scene: Scene, allowed: set[str], internal: bool) -> None:
    for name, url in SURFACES.items():
        before = AuditEvent.objects.aggregate(last=Max("pk"))["last"] or 0
        response = client.get(url(scene))
        assert "no-store" in response.get("Cache-Control", ""), name
        if response.status_code != 200:
            continue
        text = _text(response)
        found = _found(text)
        leaked = found - allowed
        assert not leaked, f"{name} shows {sorted(leaked)}"
        if not internal:
            assert not [note for note in INTERNAL if note in text], f"{name} shows a note"
        logged = _logged(before, scene.candidate)
        assert found <= _covered(logged), f"{name}: shown {sorted(found)}, logged {sorted(logged)}"
        over = {i for i in logged - found if i in DETECT}
        assert not over, f"{name}: logged {sorted(over)} but did not show it"


# --- consent states and viewers ------------------------------------------------------------

ALL_SHARED = {*SHAREABLE_WITH_EMPLOYER, *NEED_ITEMS}
SOME_SHARED = {CandidateField.NAME, CandidateField.INTERESTS, f"{NEED_CONSENT_PREFIX}{NEED_KEPT}"}
CONSENTS: dict[str, tuple[set[str], set[str] | None]] = {
    # state: (consent while the viewer first looks, consent after: None = unchanged)
    "all shared": (ALL_SHARED, None),
    "some shared": (SOME_SHARED, None),
    "none shared": (set(), None),
    "withdrawn after sharing": (ALL_SHARED, set()),
}


def _allowed(viewer: str, consent: set[str]) -> set[str]:
    """What the viewer may see: an employer what was shared (single needs by their
    employer text only), a partner what their invitation grants, NAV's staff all."""
    if viewer == "employer":
        return set(consent)
    if viewer == "partner":
        return set(PARTNER_FIELDS) | NEED_ITEMS  # all needs, so each of them
    if viewer == "employer_contact":
        return set()  # not invited into the process: the meeting shows them a masked row
    return set(ALL_FIELDS) | NEED_ITEMS


@pytest.mark.parametrize("state", list(CONSENTS))
@pytest.mark.parametrize(
    "viewer", ["employer", "partner", "advisor", "manager", "jobseeker", "employer_contact"]
)
def test_no_surface_shows_more_than_the_viewer_may_see(
    world: World, client: Client, viewer: str, state: str
) -> None:
    scene = _scene(world)
    first, then = CONSENTS[state]
    consent_record(actor=world.jobseeker, candidate=scene.candidate, items=sorted(first))
    user: User = world.persona(viewer)
    client.force_login(user)
    # Internal notes are for NAV's staff, and the person's own export (GDPR art. 15).
    internal = viewer in ("advisor", "manager", "jobseeker")
    _open_everything(client, scene, _allowed(viewer, first), internal)

    if then is not None:
        consent_record(actor=world.jobseeker, candidate=scene.candidate, items=sorted(then))
    _fill(world, scene.candidate, generation=2)  # every text changes; one need is removed
    deliver_pending(now=timezone.now())
    current = first if then is None else then
    _open_everything(client, scene, _allowed(viewer, current), internal)
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}"
        assert not _found(text), f"an e-mail shows {_found(text)}"


DUPLICATE_VIEWERS = (
    *("employer", "partner", "advisor", "manager", "jobseeker", "employer_contact"),
    *("advisor_other_office", "manager_other_office"),
)


@pytest.mark.parametrize("viewer", DUPLICATE_VIEWERS)
def test_a_duplicate_registration_shows_only_what_the_viewer_may_see(
    world: World, client: Client, viewer: str
) -> None:
    """Registering the scene's person again: staff who may see them get a link with their
    name on the page (the API: their id), anyone else nothing of them, and a denied row."""
    scene = _scene(world)
    user: User = world.persona(viewer)
    client.force_login(user)
    number = FIXED["national_id"]
    typed = f"{number[:6]}-{number[6:]}"  # the form echoes what was typed: not a disclosure
    owner = world.advisor_other_office if viewer.endswith("other_office") else world.advisor
    data = {
        "advisor": str(owner.uuid),
        "advisor_id": str(owner.uuid),
        "first_name": "Ola",
        "last_name": "Dobbel",
        "national_id": typed,
        "gender": "male",
        "municipality": "Bergen",
        "need_level": "standard",
        "referral": "self",
        "started_on": timezone.localdate().isoformat(),
    }
    api_data = {k: v for k, v in data.items() if k != "advisor"}
    data.pop("advisor_id")
    sees = viewer in ("advisor", "manager")
    for name, send, shows in (
        ("registration page", lambda: client.post(reverse("candidates:register"), data), {"name"}),
        (
            "API: register",
            lambda: client.post("/api/candidates", api_data, "application/json"),
            set(),
        ),
    ):
        before = AuditEvent.objects.aggregate(last=Max("pk"))["last"] or 0
        response = send()
        assert "no-store" in response.get("Cache-Control", ""), name
        text = _text(response)
        found = _found(text)
        if sees:
            assert "Denne personen er allerede registrert" in text, name
            assert found == shows == _logged(before, scene.candidate), name
        else:
            assert response.status_code in (200, 403, 422), name
            assert not found, f"{name} shows {sorted(found)} to {viewer}"
        denied = AuditEvent.objects.filter(pk__gt=before, actor=user, outcome=Outcome.DENIED)
        assert denied.exists() is not sees, name
    assert Candidate.objects.filter(national_id=number).count() == 1


def test_the_change_box_shows_the_advisor_everything_that_changed(
    world: World, client: Client
) -> None:
    """The matrix above could pass with an empty change box: make sure it has content."""
    scene = _scene(world)
    client.force_login(world.advisor)
    url = SURFACES["candidate page (profile, change box)"](scene)
    client.get(url)
    _fill(world, scene.candidate, generation=2)
    page = client.get(url).content.decode()
    assert "Endret siden du så profilen" in page
    assert _marker("interests", 1) in page
    assert _marker("interests", 2) in page
    assert "SntBehovRemoved" in page  # the removed need's text, to NAV's own staff only


def test_the_employer_sees_shared_changes_and_no_one_who_made_them(
    world: World, client: Client
) -> None:
    scene = _scene(world)
    consent_record(actor=world.jobseeker, candidate=scene.candidate, items=sorted(SOME_SHARED))
    client.force_login(world.employer)
    url = SURFACES["candidate page (profile, change box)"](scene)
    client.get(url)
    _fill(world, scene.candidate, generation=2)
    page = client.get(url).content.decode()
    assert "Endret siden du så profilen" in page
    assert _marker("interests", 2) in page
    assert _marker("resources", 2) not in page
    assert "Endret av" not in page
    assert world.jobseeker.display_name not in page


def test_the_matrix_knows_every_candidate_field() -> None:
    """A new field on ``Candidate`` must be placed in ``ITEM_OF_FIELD`` (which item grants
    it) and, if it is shown, get a sentinel here."""
    names = {field.name for field in Candidate._meta.concrete_fields}
    assert names == set(ITEM_OF_FIELD), "place the field in candidates.models.ITEM_OF_FIELD"
    shown_items = {item for item in ITEM_OF_FIELD.values() if item is not None}
    assert shown_items <= set(DETECT) | UNDETECTABLE
    filled = set(TEXT_FIELDS) | set(FIXED)
    filled |= {"hours_min", "hours_max", "places", "benefit", "time_outside_work"}
    unfilled = {n for n, item in ITEM_OF_FIELD.items() if item is not None} - filled
    assert unfilled == {
        "main_goal",  # one of three common labels; the situation item is detected by benefit
        "times_of_day",  # common labels; the wishes item is detected by its hours
        "sectors",
        "max_commute_km",
    }
