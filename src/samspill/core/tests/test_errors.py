"""Error pages in Norwegian that say what happened, JSON under /api/, a 503 when the
database is away, and one log line (no traceback) for a 403 or 404."""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, connections
from django.test import Client, override_settings

from samspill.conftest import World
from samspill.processes.models import InclusionProcess, PhaseChange


def _main(response: Any) -> str:
    """The page's <main>, what the person reads, without forms (their tokens and return
    addresses differ per request)."""
    html = response.content.decode()
    match = re.search(r"<main.*?</main>", html, re.S)
    assert match, html
    return re.sub(r"<form.*?</form>", "", match.group(0), flags=re.S)


# --- the pages ----------------------------------------------------------------------------


def test_404_is_a_norwegian_page_in_the_layout(db: None, client: Client) -> None:
    response = client.get("/finnes-ikke/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="nb">' in html
    assert "Fant ikke siden" in html
    assert "Gå til startsiden" in html
    assert "Not Found" not in html


def test_404_does_not_tell_whether_the_record_exists(world: World, client: Client) -> None:
    """Someone else's process and a process that never existed give the same page."""
    client.force_login(world.advisor_other_office)
    hidden = client.get(f"/forlop/{world.process.uuid}/")
    missing = client.get(f"/forlop/{uuid.uuid4()}/")
    assert hidden.status_code == missing.status_code == 404
    assert _main(hidden) == _main(missing)
    assert "Fant ikke siden" in _main(hidden)


@override_settings(DEBUG=True)
def test_404_in_the_demo_lists_no_url_patterns(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    for path in ("/finnes-ikke/", f"/forlop/{uuid.uuid4()}/"):
        response = client.get(path)
        assert response.status_code == 404, path
        html = response.content.decode()
        assert "Fant ikke siden" in html, path
        assert "URLconf" not in html, path
        assert "Django tried" not in html, path
        assert "healthz" not in html, path  # a pattern in the URLconf, in no menu


@override_settings(DEBUG=True)
def test_the_demo_still_redirects_to_the_address_with_a_slash(db: None, client: Client) -> None:
    assert client.get("/logg-inn").status_code == 301


def test_403_is_a_norwegian_page(world: World, client: Client) -> None:
    client.force_login(world.employer)
    response = client.get(f"/arbeidsgivere/{world.employer_org.uuid}/endre/")
    assert response.status_code == 403
    main = _main(response)
    assert "Du har ikke tilgang til denne siden" in main
    assert "Forbidden" not in response.content.decode()


def test_400_is_a_norwegian_page(db: None, client: Client) -> None:
    response = client.get("/logg-inn/", HTTP_HOST="angriper.example")
    assert response.status_code == 400
    assert "Forespørselen kunne ikke behandles" in _main(response)


def test_a_stale_form_gets_a_page_that_says_what_to_do(db: None) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/logg-inn/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    main = _main(response)
    assert "Skjemaet kunne ikke sendes" in main
    assert "last inn siden på nytt" in main
    assert "CSRF" not in main
    assert "Forbidden" not in response.content.decode()


@pytest.mark.urls("samspill.core.tests.urls_errors")
def test_500_is_standalone_and_needs_no_database(
    db: None, django_assert_num_queries: Callable[..., Any]
) -> None:
    client = Client(raise_request_exception=False)
    with django_assert_num_queries(0):
        response = client.get("/feiler/")
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="nb">' in html
    assert "Noe gikk galt hos oss" in html
    assert "/static/samspill/samspill.css" in html
    assert "a bug" not in html


def test_500_template_uses_no_request_context() -> None:
    """Nothing in 500.html or 503.html (or the standalone page they share) that needs the
    request, the user or a query; they extend nothing else (base.html needs the request)."""
    templates = Path(__file__).resolve().parents[1] / "templates"
    for name in ("500.html", "503.html", "_standalone.html"):
        text = (templates / name).read_text()
        extends = [line for line in text.splitlines() if "{% extends" in line]
        assert all('"_standalone.html"' in line for line in extends), name
        for needs_request in ("user", "request", "csrf_token", "{% url", "messages"):
            assert needs_request not in text, (name, needs_request)


# --- the API ------------------------------------------------------------------------------


def test_api_errors_are_norwegian_json(world: World, client: Client) -> None:
    client.force_login(world.advisor)
    response = client.get("/api/finnes-ikke")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"].startswith("Fant ikke det du ba om")


@pytest.mark.urls("samspill.core.tests.urls_errors")
def test_api_500_is_norwegian_json(db: None) -> None:
    response = Client(raise_request_exception=False).get("/api/feiler")
    assert response.status_code == 500
    assert response.json() == {"detail": "Noe gikk galt hos oss. Prøv igjen om litt."}


# --- the database away: 503 ---------------------------------------------------------------


@contextmanager
def _database_unreachable(tmp_path: Path) -> Iterator[None]:
    """The default connection points at a database that cannot be reached, for real: a
    file in a folder that does not exist (SQLite), or a port nobody listens on
    (PostgreSQL). The test's own connection is put back afterwards."""
    original = connections[DEFAULT_DB_ALIAS]
    broken_settings = {**original.settings_dict}
    if original.vendor == "sqlite":
        broken_settings["NAME"] = str(tmp_path / "finnes-ikke" / "samspill.sqlite3")
    else:
        broken_settings.update(HOST="127.0.0.1", PORT="9", OPTIONS={"connect_timeout": 2})
    broken = original.__class__(broken_settings, alias=DEFAULT_DB_ALIAS)
    connections[DEFAULT_DB_ALIAS] = broken
    try:
        yield
    finally:
        broken.close()
        connections[DEFAULT_DB_ALIAS] = original


def test_a_page_answers_503_while_the_database_is_away(
    world: World, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(world.advisor)
    with _database_unreachable(tmp_path):
        response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Samspill er midlertidig utilgjengelig" in _main(response)
    assert response["Cache-Control"].startswith("max-age=0")  # still no-store etc.
    assert "no-store" in response["Cache-Control"]
    assert "Content-Security-Policy" in response
    # The database is back for the next request.
    assert client.get("/").status_code == 200


def test_the_api_answers_503_json_while_the_database_is_away(world: World, tmp_path: Path) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(world.advisor)
    with _database_unreachable(tmp_path):
        response = client.get("/api/me")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json()["detail"].startswith("Tjenesten er midlertidig utilgjengelig.")


def test_a_database_failure_halfway_leaves_nothing_half_written(
    world: World, client: Client
) -> None:
    """The connection drops after the phase change's history row is written, when the
    process itself is updated: the whole change is rolled back, and the answer is 503."""
    process = world.process
    before = (process.phase, PhaseChange.objects.filter(process=process).count())

    def drop_on_process_update(execute: Any, sql: str, *args: Any) -> Any:
        if sql.lstrip().upper().startswith("UPDATE") and "processes_inclusionprocess" in sql:
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, *args)

    client.force_login(world.advisor)
    with connection.execute_wrapper(drop_on_process_update):
        response = client.post(
            f"/forlop/{process.uuid}/fase/",
            {"to_phase": "employment", "effective_on": "15.05.2026"},
        )
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    fresh = InclusionProcess.objects.get(pk=process.pk)
    assert (fresh.phase, PhaseChange.objects.filter(process=process).count()) == before


# --- logging ------------------------------------------------------------------------------


def _request_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "django.request"]


def test_a_403_is_one_log_line_without_a_traceback(
    world: World, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    client.force_login(world.employer)
    path = f"/arbeidsgivere/{world.employer_org.uuid}/endre/"
    with caplog.at_level(logging.INFO):
        assert client.get(path).status_code == 403
    [record] = _request_records(caplog)
    assert record.levelno == logging.WARNING
    assert record.exc_info is None
    assert record.getMessage() == f"Forbidden (Permission denied): {path} [PermissionDenied]"
    assert "Traceback" not in caplog.text


def test_a_404_is_one_log_line_without_a_traceback(
    world: World, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    client.force_login(world.advisor_other_office)
    path = f"/forlop/{world.process.uuid}/"
    with caplog.at_level(logging.INFO):
        assert client.get(path).status_code == 404
    [record] = _request_records(caplog)
    assert record.levelno == logging.WARNING
    assert record.exc_info is None
    assert record.getMessage() == f"Not Found: {path}"
    assert "Traceback" not in caplog.text
