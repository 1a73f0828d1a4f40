"""The engine is pure Python + numpy: no module of it imports Django."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parents[1] / "engine"
MODULES = sorted(p.stem for p in ENGINE.glob("*.py"))


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("module", MODULES)
def test_no_module_of_the_engine_imports_django(module: str) -> None:
    imported = _imports(ENGINE / f"{module}.py")
    assert not {name for name in imported if name.split(".")[0] == "django"}
    # Within the project, the engine only uses itself.
    project = {name for name in imported if name.startswith("samspill")}
    assert all(name.startswith("samspill.matching.engine") for name in project), project
    importlib.import_module(f"samspill.matching.engine.{module}")


def test_importing_the_engine_loads_no_django() -> None:
    code = (
        "import sys, samspill.matching.engine as e; e.MatchIndex.build([]);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    src = str(ENGINE.parents[2])
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": src},
    )
    assert out.stdout.strip() == "[]"
