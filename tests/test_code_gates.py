"""The checks every change passes: lint, formatting, types and the layering of imports.

They run as tests, so the README's one test command and CI run them, and so does anyone who runs
pytest before committing. Each tool is the one installed beside this Python by the test extras.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

GATES = {
    "ruff lint": ["ruff", "check", "--no-cache", "."],
    "ruff format": ["ruff", "format", "--check", "--no-cache", "."],
    "mypy": ["mypy"],
    "import layers": ["lint-imports", "--no-cache"],
}


@pytest.mark.parametrize("gate", list(GATES))
def test_the_code_passes(gate: str) -> None:
    tool, *arguments = GATES[gate]
    command = [str(Path(sys.executable).parent / tool), *arguments]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{' '.join(command)} found problems:\n{result.stdout}\n{result.stderr}"


CLOCK_READS = re.compile(r"\b(?:date\.today|datetime\.now|datetime\.today|datetime\.utcnow|time\.localtime)\(")
THE_CLOCK = ROOT / "plan_store" / "clock.py"


def test_the_clock_is_read_in_one_place() -> None:
    """Every date the product reasons about comes from plan_store.clock, which the suite pins: a
    second reader of the clock would make some test fail on some later day."""
    readers = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("plan_store", "phb_tui", "screens")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path != THE_CLOCK
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CLOCK_READS.search(line)
    ]
    assert readers == [], f"read the clock through plan_store.clock instead: {readers}"
    assert CLOCK_READS.search(THE_CLOCK.read_text(encoding="utf-8"))  # The search itself finds a reader.


def test_the_tests_never_read_the_real_clock() -> None:
    here = Path(__file__).resolve()
    readers = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "tests").rglob("*.py"))
        if path != here
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CLOCK_READS.search(line)
    ]
    assert readers == [], f"pin the day with PHB_TODAY (tests/conftest.py) instead: {readers}"
