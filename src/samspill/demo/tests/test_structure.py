"""The demo generator's shape: steps share a ``DemoContext``; no cycle, no private reach-ins."""

from __future__ import annotations

import ast
import datetime
from pathlib import Path

import pytest

from samspill.accounts.models import Office
from samspill.demo.context import DemoContext

DEMO = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, imported names) of every ``from … import …`` in ``path``, nested ones too."""
    tree = ast.parse(path.read_text())
    return [
        (node.module or "", [alias.name for alias in node.names])
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    ]


@pytest.mark.parametrize("path", sorted(DEMO.glob("*.py")), ids=lambda p: p.name)
def test_no_step_imports_the_generator_or_private_names(path: Path) -> None:
    for module, names in _imports(path):
        assert module != "samspill.demo.generator", f"{path.name} imports the generator"
        if module.startswith("samspill.demo"):
            private = [name for name in names if name.startswith("_")]
            assert private == [], f"{path.name} imports private {private} from {module}"


def _context(seed: int) -> DemoContext:
    return DemoContext.create(
        seed=seed, size=10, today=datetime.date(2026, 6, 1), progress=lambda *_: None, password="!"
    )


def test_the_context_is_deterministic_for_a_seed() -> None:
    first, again, other = _context(7), _context(7), _context(8)
    assert [first.uuid(), first.phone(), first.user("a", "advisor").last_name] == [
        again.uuid(),
        again.phone(),
        again.user("a", "advisor").last_name,
    ]
    assert first.uuid() != other.uuid()


@pytest.mark.django_db
def test_insert_saves_in_batches_reports_progress_and_counts() -> None:
    seen: list[tuple[str, int, int]] = []
    context = DemoContext.create(
        seed=1,
        size=10,
        today=datetime.date(2026, 6, 1),
        progress=lambda *args: seen.append(args),
        password="!",
    )
    offices = [
        Office(
            uuid=context.uuid(),
            name=f"NAV {n}",
            unit_number=f"{n:04d}",
            municipality="Oslo",
            latitude=59.9,
            longitude=10.7,
        )
        for n in range(3)
    ]
    assert context.insert("Kontorer", offices) == offices
    assert context.insert("Kontorer", []) == []
    assert Office.objects.count() == 3
    assert seen == [("Kontorer", 3, 3)]
    assert context.summary.counts == {"Kontorer": 3}
