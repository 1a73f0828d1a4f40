"""Every action the agreement page offers is one the service accepts, and every action it
does not offer is refused: for each role and each stage, the page's buttons and links are
read from the HTML and each is performed through the client, as a browser would."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from samspill.agreements import services
from samspill.agreements.models import Agreement, CancelReason, Stage
from samspill.agreements.tests.factories import CommitmentFactory
from samspill.agreements.tests.helpers import END, WAGE_SUBSIDY, approve, complete, send
from samspill.conftest import World
from samspill.core.tests.page import Fields, Page, accepted
from samspill.matching.models import MatchStatus


def _post_form(page: Page) -> Fields:
    """The page's own form (posting back to itself)."""
    return next(fields for action, method, fields in page.forms if method == "post" and not action)


LINKED = {"edit", "change", "cancel"}
POSTED = {"send", "approve", "conclude", "commitment"}
#: «Fjern» on one of NAV's commitments posts to the commitment URL with the one to remove.
REMOVE = "remove commitment"


def offered(client: Client, agreement: Agreement) -> dict[str, Fields]:
    """The agreement's actions its page offers, with the fields of the form that posts each."""
    response = client.get(reverse("agreements:detail", kwargs={"agreement_id": agreement.uuid}))
    assert response.status_code == 200
    page = Page(response.content.decode())
    found: dict[str, Fields] = {}
    for action, method, fields in page.forms:
        name = resolve(action).url_name if method == "post" and action else None
        if name == "commitment" and "remove" in fields:
            found[REMOVE] = fields
        elif name in POSTED:
            found[str(name)] = fields
    for href in page.links:
        try:
            match = resolve(href)
        except Resolver404:
            continue
        if match.url_name in LINKED and match.kwargs.get("agreement_id") == agreement.uuid:
            found[str(match.url_name)] = {}
    return found


#: What the form for each action gets filled in with, as a person would.
FILL: dict[str, Fields] = {
    "edit": {"tasks": ["Kasse og varemottak."]},
    "commitment": {"text": ["Ringer arbeidsgiveren"], "deadline": ["2027-02-01"]},
    "change": {
        "kind": ["extend"],
        "end_on": [(END + timedelta(days=90)).isoformat()],
        "reason": ["Går godt"],
    },
    "cancel": {"reason": [CancelReason.ERROR.value]},
}


def perform(client: Client, agreement: Agreement, name: str, fields: Fields) -> HttpResponse:
    if name == REMOVE:
        commitment = agreement.commitments.get()
        name, fields = "commitment", {"remove": [str(commitment.uuid)]} | fields
    url = reverse(f"agreements:{name}", kwargs={"agreement_id": agreement.uuid})
    if name in LINKED:
        response = client.get(url)
        if response.status_code != 200:
            return response
        fields = _post_form(Page(response.content.decode()))
    data = {"revision": [str(agreement.revision)], "owner": ["Veileder"]} | fields
    response = client.post(url, data | FILL.get(name, {}))
    assert isinstance(response, HttpResponse)
    return response


def _draft(world: World) -> Agreement:
    return complete(world.agreement, world.advisor)


def _sent(world: World, **values: object) -> Agreement:
    return send(complete(world.agreement, world.advisor, **values), world.advisor)


def _parties_approved(world: World) -> Agreement:
    agreement = _sent(world)
    approve(agreement, world.jobseeker)
    approve(agreement, world.employer)
    return agreement


def _awaiting_conclusion(world: World) -> Agreement:
    agreement = _sent(world, **WAGE_SUBSIDY)
    for party in (world.jobseeker, world.employer, world.advisor):
        approve(agreement, party)
    return agreement


def _concluded(world: World) -> Agreement:
    agreement = _parties_approved(world)
    approve(agreement, world.advisor)  # arbeidstrening pays nothing: this concludes it
    return agreement


def _cancelled(world: World) -> Agreement:
    return services.agreement_cancel(
        actor=world.advisor, agreement=world.agreement, revision=None, reason=CancelReason.ERROR
    )


STATES: dict[str, Callable[[World], Agreement]] = {
    "incomplete draft": lambda world: world.agreement,
    "complete draft": _draft,
    "sent": _sent,
    "approved by the parties": _parties_approved,
    "awaiting the second approver": _awaiting_conclusion,
    "concluded": _concluded,
    "cancelled": _cancelled,
}
BEFORE_CONCLUSION = {"edit", "commitment", REMOVE, "cancel"}
#: What each persona is offered in each state (the test performs every one of them).
EXPECTED: dict[tuple[str, str], set[str]] = {
    ("incomplete draft", "advisor"): BEFORE_CONCLUSION,
    ("complete draft", "advisor"): BEFORE_CONCLUSION | {"send"},
    ("sent", "advisor"): BEFORE_CONCLUSION,  # the advisor approves last
    ("sent", "jobseeker"): {"approve"},
    ("sent", "employer"): {"approve"},
    ("approved by the parties", "advisor"): BEFORE_CONCLUSION | {"approve"},
    ("awaiting the second approver", "advisor"): BEFORE_CONCLUSION,  # four eyes
    ("awaiting the second approver", "manager"): BEFORE_CONCLUSION | {"conclude"},
    ("concluded", "advisor"): {"change", "cancel"},
}
PERSONAS = ("advisor", "manager", "jobseeker", "employer")
ALL = LINKED | POSTED | {REMOVE}


def _expected(state: str, persona: str) -> set[str]:
    if (state, persona) in EXPECTED:
        return EXPECTED[state, persona]
    if persona == "manager":  # another advisor of the office, like the process's own
        return EXPECTED.get((state, "advisor"), set())
    return set()


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("state", list(STATES))
def test_every_offered_action_is_accepted_and_no_other(
    world: World, client: Client, state: str, persona: str
) -> None:
    agreement = STATES[state](world)
    CommitmentFactory(agreement=agreement)
    agreement.refresh_from_db()
    client.force_login(world.persona(persona))
    actions = offered(client, agreement)
    assert set(actions) == _expected(state, persona)
    for name in sorted(ALL):
        with transaction.atomic():
            response = perform(client, agreement, name, actions.get(name, {}))
            assert accepted(response) == (name in actions), (name, response.status_code)
            transaction.set_rollback(True)


def test_the_process_page_offers_a_new_draft_only_when_the_service_accepts_it(
    world: World, client: Client
) -> None:
    process_page = reverse("processes:detail", kwargs={"process_id": world.process.uuid})
    create = reverse("agreements:create", kwargs={"process_id": world.process.uuid})
    client.force_login(world.advisor)
    assert create not in client.get(process_page).content.decode()  # the draft is open
    response = client.post(create)
    assert not accepted(response)
    _concluded(world)
    assert create in client.get(process_page).content.decode()
    assert accepted(client.post(create))
    assert Agreement.objects.filter(process=world.process, stage=Stage.DRAFT).exists()


def test_the_match_page_offers_the_draft_agreement_only_once(world: World, client: Client) -> None:
    _cancelled(world)
    world.match.status = MatchStatus.AGREED
    world.match.save()
    match_page = reverse("matching:match", kwargs={"match_id": world.match.uuid})
    draft = reverse("matching:match_agreement", kwargs={"match_id": world.match.uuid})
    client.force_login(world.advisor)
    assert draft in client.get(match_page).content.decode()
    assert accepted(client.post(draft))
    assert draft not in client.get(match_page).content.decode()
    assert not accepted(client.post(draft))


def test_removing_a_commitment_that_is_not_there_says_so(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    url = reverse("agreements:commitment", kwargs={"agreement_id": world.agreement.uuid})
    for remove in ("ikke-en-uuid", "3f2b8c1e-0000-4000-8000-000000000000"):
        data = {"revision": world.agreement.revision, "remove": remove}
        assert not accepted(client.post(url, data))
