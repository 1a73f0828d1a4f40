"""Production settings refuse to start unsafely, and `check --deploy` is clean when set up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

MANAGE = Path(settings.PROJECT_DIR) / "manage.py"
STRONG_KEY = "k3P9-production-secret-that-is-long-and-random-enough-zQ7wX1vB5nM2"


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "PYTEST_")) and k != "DATABASE_URL"
    }
    # Required in production besides what each test sets (test_production_settings.py
    # checks the refusals without them).
    required = {
        "DATABASE_URL": "sqlite:///:memory:",
        "SAMSPILL_INTEGRITY_KEY": "integrity-key-for-tests-only-0123456789abcdef",
    }
    return subprocess.run(
        [sys.executable, str(MANAGE), *args],
        env={**clean, **required, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_refuses_to_start_without_secret_key() -> None:
    result = _manage("check", DJANGO_ALLOWED_HOSTS="samspill.example.no")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_refuses_a_weak_secret_key() -> None:
    result = _manage("check", DJANGO_SECRET_KEY="hemmelig", DJANGO_ALLOWED_HOSTS="x.example.no")
    assert result.returncode != 0
    assert "too weak" in result.stderr


def test_refuses_to_start_without_allowed_hosts() -> None:
    result = _manage("check", DJANGO_SECRET_KEY=STRONG_KEY)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS is not set" in result.stderr


def test_deploy_check_is_clean_with_production_settings() -> None:
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="samspill.example.no",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_debug_is_off_unless_asked_for() -> None:
    result = _manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="samspill.example.no",
    )
    assert result.stdout.strip() == "False", result.stderr
