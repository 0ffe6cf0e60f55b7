"""The checks every change passes: lint, formatting, types and the layering of imports.

They run as tests, so the README's one test command and CI run them, and so does anyone who runs
pytest before committing. Each tool is the one installed beside this Python by the test extras.
"""

from __future__ import annotations

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
