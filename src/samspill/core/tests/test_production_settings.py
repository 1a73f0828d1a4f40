"""Production settings, each case in its own process (settings load once per process):
`check --deploy` is clean, unsafe set-ups refuse to start, and the admin site and the
API docs are not public unless switched on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import Resolver404, resolve

MANAGE = Path(settings.PROJECT_DIR) / "manage.py"
STRONG_KEY = "k3P9-production-secret-that-is-long-and-random-enough-zQ7wX1vB5nM2"

pytestmark = pytest.mark.xdist_group("subprocess")


@pytest.fixture
def production(tmp_path: Path) -> dict[str, str]:
    """A production environment: no DJANGO_DEBUG, no PYTEST_VERSION, a real configuration."""
    return {
        "DJANGO_SECRET_KEY": STRONG_KEY,
        "DJANGO_ALLOWED_HOSTS": "samspill.example.no",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'samspill.sqlite3'}",
        "SAMSPILL_INTEGRITY_KEY": "integrity-key-for-tests-only-0123456789abcdef",
        "STATIC_ROOT": str(tmp_path / "static"),
    }


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    inherited = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_", "SAMSPILL_", "SQLITE_"))
        and key != "DATABASE_URL"
    }
    return subprocess.run(
        [sys.executable, str(MANAGE), *args],
        env={**inherited, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _deploy_check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return _run("check", "--deploy", "--fail-level", "WARNING", env=env)


def test_deploy_check_is_clean(production: dict[str, str]) -> None:
    result = _deploy_check(production)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_refuses_to_start_without_database_url(production: dict[str, str]) -> None:
    del production["DATABASE_URL"]
    result = _run("check", env=production)
    assert result.returncode != 0
    assert "ImproperlyConfigured: DATABASE_URL is not set" in result.stderr


@pytest.mark.parametrize("hosts", ["*", "samspill.example.no,*", ".example.no", "*.example.no"])
def test_refuses_a_wildcard_host(production: dict[str, str], hosts: str) -> None:
    result = _run("check", env={**production, "DJANGO_ALLOWED_HOSTS": hosts})
    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_ALLOWED_HOSTS holds a wildcard" in result.stderr


def test_refuses_to_start_with_ssl_redirect_off(production: dict[str, str]) -> None:
    result = _run("check", env={**production, "DJANGO_SECURE_SSL_REDIRECT": "0"})
    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECURE_SSL_REDIRECT is off" in result.stderr


def test_a_proxy_that_redirects_may_do_it_when_declared(production: dict[str, str]) -> None:
    env = {**production, "DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_SSL_REDIRECT_BY_PROXY": "1"}
    result = _deploy_check(env)
    assert result.returncode == 0, result.stdout + result.stderr
    shown = _run(
        "shell", "-v", "0", "-c",
        "from django.conf import settings; print(settings.SECURE_SSL_REDIRECT)",
        env=env,
    )  # fmt: skip
    assert shown.stdout.strip() == "False", shown.stderr


# --- the admin site and the API docs ------------------------------------------------------

PATHS = ["/admin/", "/forvaltning-7f3k/", "/api/docs", "/api/openapi.json"]
# Asked through Django's test client in the production process: 404 means not mounted
# (an unknown path under /api/ is a JSON 404 too). Static files are not collected here,
# so the pages link them unhashed.
ASK = (
    "import json\n"
    "from django.conf import settings\n"
    "from django.test import Client, override_settings\n"
    "storages = {**settings.STORAGES, 'staticfiles': "
    "{'BACKEND': 'django.contrib.staticfiles.storage.StaticFilesStorage'}}\n"
    "client = Client(HTTP_HOST='samspill.example.no')\n"
    "with override_settings(STORAGES=storages):\n"
    f"    found = {{p: client.get(p, secure=True).status_code != 404 for p in {PATHS!r}}}\n"
    "print(json.dumps(found))"
)


def _mounted(env: dict[str, str]) -> dict[str, bool]:
    result = _run("shell", "-v", "0", "-c", ASK, env=env)
    assert result.returncode == 0, result.stderr
    mounted: dict[str, bool] = json.loads(result.stdout)
    return mounted


def test_in_production_neither_admin_nor_api_docs_are_mounted(
    production: dict[str, str],
) -> None:
    assert _mounted(production) == dict.fromkeys(PATHS, False)


def test_in_production_the_admin_is_mounted_when_switched_on_at_its_path(
    production: dict[str, str],
) -> None:
    env = {
        **production,
        "SAMSPILL_ADMIN_ENABLED": "1",
        "SAMSPILL_ADMIN_PATH": "forvaltning-7f3k",
        "SAMSPILL_API_DOCS": "1",
    }
    assert _mounted(env) == {
        "/admin/": False,
        "/forvaltning-7f3k/": True,
        "/api/docs": True,
        "/api/openapi.json": True,
    }


def test_refuses_an_admin_path_that_is_not_a_plain_path(production: dict[str, str]) -> None:
    env = {**production, "SAMSPILL_ADMIN_ENABLED": "1", "SAMSPILL_ADMIN_PATH": "../x y"}
    result = _run("check", env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured: SAMSPILL_ADMIN_PATH must be" in result.stderr


def test_in_development_admin_and_api_docs_are_on(db: None, client: Client) -> None:
    for path in ("/admin/", "/api/docs", "/api/openapi.json"):
        try:
            resolve(path)
        except Resolver404:  # pragma: no cover - the assertion below explains
            pytest.fail(f"{path} is not mounted in development")
    assert client.get("/api/openapi.json").status_code == 200


def test_the_login_providers_origin_can_be_allowed_as_a_form_target(
    production: dict[str, str],
) -> None:
    env = {**production, "SAMSPILL_CSP_FORM_ACTION": "https://login.example.no"}
    shown = _run(
        "shell", "-v", "0", "-c",
        "from django.conf import settings; "
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['form-action'])",
        env=env,
    )  # fmt: skip
    assert shown.stdout.strip() == "[\"'self'\", 'https://login.example.no']", shown.stderr
