"""Views and API modules write nothing themselves: every write is a service call.

An AST scan of every page and API module for calls that write through the ORM. The
heuristic is kept precise so that it has no false alarms to wave through:

- ``.save(``, ``.delete(``, ``.create(``, ``.bulk_create(``, ``.bulk_update(``,
  ``.get_or_create(``, ``.update_or_create(`` on anything (a model, a queryset, a
  ModelForm: views have no other use for these names);
- ``.update(`` only on a queryset: a receiver that goes through ``.objects`` or ends in
  ``.filter(…)``, ``.exclude(…)``, ``.all()`` or ``.select_for_update(…)`` (``dict.update``
  is fine).

A view that must write anyway goes in ``ALLOWED`` with the reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

WRITES = {
    "save",
    "delete",
    "create",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
}
QUERYSET_METHODS = {"filter", "exclude", "all", "select_for_update"}

#: (module relative to ``src/samspill``, written call) → why the view may do it. Empty: none.
ALLOWED: dict[tuple[str, str], str] = {}


def _is_queryset(node: ast.expr) -> bool:
    if isinstance(node, ast.Call):
        node = node.func
        if isinstance(node, ast.Attribute) and node.attr in QUERYSET_METHODS:
            return True
    while isinstance(node, ast.Attribute | ast.Call):
        if isinstance(node, ast.Attribute) and node.attr == "objects":
            return True
        node = node.func if isinstance(node, ast.Call) else node.value
    return False


def orm_writes(source: str) -> list[str]:
    """The calls in ``source`` that write through the ORM, as written."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method, receiver = node.func.attr, node.func.value
        if method in WRITES or (method == "update" and _is_queryset(receiver)):
            found.append(ast.unparse(node.func))
    return found


def _page_modules() -> list[Path]:
    return sorted(
        path
        for path in ROOT.rglob("*.py")
        if "tests" not in path.parts
        and (
            path.name.startswith("views")
            or path.parent.name == "views"
            or path.name == "api.py"
            or path.name.endswith("_api.py")
        )
    )


@pytest.mark.parametrize(
    "source",
    [
        "task.save()",
        "form.save(commit=False)",
        "contact.delete()",
        "Contact.objects.create(note='x')",
        "Contact.objects.filter(pk=1).update(note='x')",
        "employer.contacts.all().update(note='x')",
        "employer.contacts.filter(done=False).update(done=True)",
        "Opening.objects.bulk_create([])",
    ],
)
def test_the_scan_finds_an_orm_write(source: str) -> None:
    assert orm_writes(source) != []


@pytest.mark.parametrize(
    "source",
    [
        "initial.update({'a': 1})",
        "context |= {'a': 1}",
        "services.task_update(actor=user, task=task)",
        "Contact.objects.filter(pk=1).first()",
    ],
)
def test_the_scan_leaves_reads_and_dicts_alone(source: str) -> None:
    assert orm_writes(source) == []


def test_views_and_api_modules_write_only_through_services() -> None:
    modules = _page_modules()
    assert len(modules) >= 20, "the scan should find every page and API module"
    found = {
        (str(path.relative_to(ROOT)), call)
        for path in modules
        for call in orm_writes(path.read_text())
    }
    assert found - ALLOWED.keys() == set(), "write through a service, not in the view"
    assert ALLOWED.keys() - found == set(), "an allowed write is gone: drop it from ALLOWED"
