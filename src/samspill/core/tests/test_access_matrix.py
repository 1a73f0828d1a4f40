"""The access matrix: every URL that takes an object id denies every persona without access.

The URL patterns are walked, not listed, so a view added later is covered automatically;
a new kind of id must be added to ``TARGETS`` or this test fails and says so.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, UUIDConverter

from samspill.audit.models import AuditEvent, Outcome
from samspill.candidates.models import CorrectionRequest
from samspill.conftest import INSIGHTS_OUTSIDERS, MEETING_OUTSIDERS, OUTSIDERS, World
from samspill.followup.tests.factories import CommitmentFactory, ConcernFactory, PlanItemFactory

#: For each URL kwarg: the object of ``world`` it names, and who must not reach it.
TARGETS: dict[str, tuple[Callable[[World], uuid.UUID], tuple[str, ...]]] = {
    "process_id": (lambda w: w.process.uuid, OUTSIDERS),
    "candidate_id": (lambda w: w.process.candidate.uuid, OUTSIDERS),
    "employer_id": (
        lambda w: w.employer_org.uuid,
        ("employer_other", "jobseeker_other", "partner", "admin"),
    ),
    "workplace_id": (
        lambda w: w.workplace.uuid,
        ("employer_other", "jobseeker_other", "partner", "admin"),
    ),
    "task_id": (
        lambda w: w.task.uuid,
        ("employer_other", "jobseeker_other", "partner", "admin"),
    ),
    "opening_id": (
        lambda w: w.opening.uuid,
        ("employer_other", "jobseeker_other", "partner", "admin"),
    ),
    "match_id": (lambda w: w.match.uuid, OUTSIDERS),
    "meeting_id": (lambda w: w.meeting.uuid, MEETING_OUTSIDERS),
    "line_id": (lambda w: w.line.uuid, MEETING_OUTSIDERS),
    "agreement_id": (lambda w: w.agreement.uuid, OUTSIDERS),
    "job_id": (lambda w: w.job.uuid, OUTSIDERS),
    "review_id": (lambda w: w.review.uuid, INSIGHTS_OUTSIDERS),
    "team_id": (lambda w: w.team.uuid, INSIGHTS_OUTSIDERS),
    "contact_person_id": (
        lambda w: w.contact_person.uuid,
        ("employer_other", "jobseeker_other", "partner", "admin"),
    ),
    # Follow-up records of ``world.process``, made when a URL needs one.
    "item_id": (lambda w: PlanItemFactory(plan__process=w.process).uuid, OUTSIDERS),
    "commitment_id": (lambda w: CommitmentFactory(process=w.process).uuid, OUTSIDERS),
    "concern_id": (lambda w: ConcernFactory(process=w.process).uuid, OUTSIDERS),
    # A correction request of the candidate of ``world.process`` (GDPR art. 16).
    "correction_id": (
        lambda w: (
            CorrectionRequest.objects.create(
                candidate=w.process.candidate, field="name", text="Feil"
            ).uuid
        ),
        OUTSIDERS,
    ),
}


def _walk(
    patterns: list[URLPattern | URLResolver],
    namespace: str = "",
    converters: dict[str, Any] | None = None,
) -> Iterator[tuple[str, dict[str, Any]]]:
    for pattern in patterns:
        found = {**(converters or {}), **getattr(pattern.pattern, "converters", {})}
        if isinstance(pattern, URLResolver):
            prefix = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, prefix, found)
        elif pattern.name:
            yield f"{namespace}{pattern.name}", found


#: URL kwargs that name no record (a fixed list of names, never a person's data).
NOT_IDS = {
    "api:table": {"name"},  # Innsikt's overview tables by name; the API checks the manager
}


def _object_urls() -> list[tuple[str, tuple[str, ...]]]:
    urls = []
    for name, found in _walk(get_resolver().url_patterns):
        converters = {k: c for k, c in found.items() if k not in NOT_IDS.get(name, set())}
        if name.startswith("admin:") or not converters:
            continue
        assert all(isinstance(c, UUIDConverter) for c in converters.values()), (
            f"{name} takes a non-UUID id: URLs must carry UUIDs"
        )
        unknown = set(converters) - set(TARGETS)
        assert not unknown, f"{name} takes {unknown}: add it to TARGETS in this test"
        urls.append((name, tuple(sorted(converters))))
    return urls


OBJECT_URLS = _object_urls()


def test_the_walk_finds_the_object_views() -> None:
    names = {name for name, _ in OBJECT_URLS}
    assert {"processes:detail", "processes:change_phase", "employers:detail", "audit:log"} <= names
    assert any(name.startswith("api:") for name in names)


def test_no_url_takes_an_integer_id() -> None:
    for name, converters in _walk(get_resolver().url_patterns):
        if not name.startswith("admin:"):
            assert not any(isinstance(c, IntConverter) for c in converters.values()), name


def _request(client: Client, url: str) -> int:
    """The view's answer to the first method it accepts (API bodies: an empty object or list)."""
    status = client.get(url).status_code
    if status == 405:
        status = client.post(url, {}).status_code
    if status == 400:  # a JSON-only endpoint
        status = client.post(url, "{}", content_type="application/json").status_code
    for method in (client.put, client.patch):
        for body in ("{}", "[]"):
            if status in (405, 422):
                status = method(url, body, content_type="application/json").status_code
    return status


@pytest.mark.parametrize(("name", "kwargs"), OBJECT_URLS, ids=[n for n, _ in OBJECT_URLS])
def test_every_outsider_is_denied_and_logged(
    world: World, client: Client, name: str, kwargs: tuple[str, ...]
) -> None:
    url = reverse(name, kwargs={kwarg: TARGETS[kwarg][0](world) for kwarg in kwargs})
    outsiders = set.intersection(*(set(TARGETS[kwarg][1]) for kwarg in kwargs))
    assert outsiders
    for persona_name in sorted(outsiders):
        persona = world.persona(persona_name)
        client.force_login(persona)
        denied_before = AuditEvent.objects.filter(actor=persona, outcome=Outcome.DENIED).count()
        status = _request(client, url)
        assert status in (403, 404), f"{persona_name} got {status} from {url}"
        denied_after = AuditEvent.objects.filter(actor=persona, outcome=Outcome.DENIED).count()
        assert denied_after > denied_before, f"no denied audit row for {persona_name} at {url}"


@pytest.mark.parametrize(("name", "kwargs"), OBJECT_URLS, ids=[n for n, _ in OBJECT_URLS])
def test_unknown_ids_are_404_and_logged(
    world: World, client: Client, name: str, kwargs: tuple[str, ...]
) -> None:
    url = reverse(name, kwargs={kwarg: uuid.uuid4() for kwarg in kwargs})
    client.force_login(world.manager)
    assert _request(client, url) == 404
    assert AuditEvent.objects.filter(actor=world.manager, outcome=Outcome.DENIED).exists()


PERSONAL_MODELS = (
    r"\b(Candidate|ConsentRecord|InclusionProcess|PhaseChange|ProcessMember|Agreement)\.objects\b"
)


def test_views_and_api_never_load_personal_records_directly() -> None:
    root = Path(__file__).resolve().parents[2]
    modules = [
        path
        for path in root.rglob("*.py")
        if "tests" not in path.parts
        and (
            path.name in {"views.py", "api.py"}
            or path.name.endswith("_api.py")
            or path.parent.name == "views"
        )
    ]
    assert len(modules) >= 12, "the scan should find every page and API module"
    offenders = [
        str(path.relative_to(root))
        for path in modules
        if re.search(PERSONAL_MODELS, path.read_text())
    ]
    assert offenders == []
