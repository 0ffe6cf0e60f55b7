"""What the layering promises a person: commands that need no full-screen terminal never load it.

The layers themselves (plan_store -> pure phb_tui -> widgets -> screens -> app and cli) are
import-linter contracts in pyproject.toml, checked by tests/test_code_gates.py; those follow
indirect imports too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from plan_store import PlanStore

from .conftest import ROOT, example_toml

HEADLESS = [
    ["list"],
    ["show", "daniels-plan-2026"],
    ["check", "daniels-plan-2026"],
    ["export", "daniels-plan-2026", "--format", "html"],
]
PROBE = (
    "import sys; from phb_tui.cli import main; code = main(sys.argv[1:]); "
    "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'screens')), file=sys.stderr); "
    "sys.exit(code)"
)


@pytest.mark.parametrize("command", HEADLESS, ids=lambda c: c[0])
def test_the_headless_commands_load_no_textual(command: list[str], store: PlanStore, tmp_path: Path) -> None:
    """They must start quickly and work where no full-screen terminal is: Textual stays unloaded."""
    source = tmp_path / "daniel.toml"
    source.write_text(example_toml(), encoding="utf-8")
    store.import_file(source)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "--data-dir", str(store.data_dir), *command],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode in (0, 1), result.stderr  # 1: the check found gaps.
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_a_list_from_a_warm_cache_builds_no_plan_models(store: PlanStore, tmp_path: Path) -> None:
    """A broker's thousands of plans list in a blink once cached: building the models would be most of the time."""
    source = tmp_path / "daniel.toml"
    source.write_text(example_toml(), encoding="utf-8")
    store.import_file(source)
    probe = (
        "import sys; from phb_tui.cli import main; code = main(sys.argv[1:]); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic' or m == 'plan_store.models'), "
        "file=sys.stderr); sys.exit(code)"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe, "--data-dir", str(store.data_dir), "list"],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=ROOT,
        )
        for _ in range(2)  # The first reads the plan and fills the cache; the second is answered from it.
    ]
    assert [run.returncode for run in runs] == [0, 0], runs[-1].stderr
    assert runs[0].stdout == runs[1].stdout
    assert "Daniel" in runs[1].stdout
    assert runs[1].stderr.strip().splitlines()[-1] == "[]"


def _modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def test_the_sample_plan_is_the_documented_example() -> None:
    assert (ROOT / "phb_tui" / "sample-plan.toml").read_text(encoding="utf-8") == example_toml()


def test_styles_live_in_tcss_files_not_python_strings() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("phb_tui", "screens")
        for path in _modules(folder)
        if "DEFAULT_CSS" in path.read_text(encoding="utf-8") or "\n    CSS = " in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
