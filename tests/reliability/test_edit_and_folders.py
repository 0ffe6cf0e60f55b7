"""`phb edit` reads back only an ordinary file, keeps every draft in the data folder, and every
folder PHB Planner makes is private (0700) whatever the umask."""

from __future__ import annotations

import os
import shlex
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from plan_store import PlanStore

from ..conftest import phb_script

pytestmark = pytest.mark.skipif(os.name != "posix", reason="pipes, modes and umask are POSIX ones")


def _edit_with(script: str, store: PlanStore, tmp_path: Path, answers: str = "") -> subprocess.CompletedProcess[str]:
    """`phb edit` with an editor that runs `script` on the draft (sys.argv[1]); never waits for ever."""
    editor = tmp_path / "editor.py"
    editor.write_text(script, encoding="utf-8")
    return subprocess.run(
        [str(phb_script()), "--data-dir", str(store.data_dir), "edit", "Edited"],
        input=answers,
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "EDITOR": shlex.join([sys.executable, str(editor)]), "VISUAL": ""},
    )


def test_an_editor_that_leaves_a_pipe_in_place_of_the_draft_is_refused_not_waited_on(
    store: PlanStore, tmp_path: Path
) -> None:
    opened = store.create("Edited")
    before = opened.path.read_bytes()
    result = _edit_with("import os, sys\nos.unlink(sys.argv[1])\nos.mkfifo(sys.argv[1])\n", store, tmp_path)
    assert result.returncode == 2
    assert "not an ordinary file" in result.stderr
    assert opened.path.read_bytes() == before


def test_a_draft_that_is_not_utf8_is_kept_in_the_data_folder(store: PlanStore, tmp_path: Path) -> None:
    opened = store.create("Edited")
    script = "import sys, pathlib\npathlib.Path(sys.argv[1]).write_bytes(b'title = \"caf\\xe9\"\\n')\n"
    result = _edit_with(script, store, tmp_path, answers="n\n")
    assert "not UTF-8" in result.stderr
    kept = Path(result.stderr.split("is kept in ", 1)[1].split()[0].rstrip(".,"))
    assert kept.is_relative_to(store.data_dir)  # Not the system's temporary folder, emptied at a restart.
    assert kept.read_bytes() == b'title = "caf\xe9"\n'
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    assert store.open(opened.path).plan.title == "Edited"


def test_folders_made_for_the_data_folder_are_private_whatever_the_umask(tmp_path: Path) -> None:
    data_dir = tmp_path / "made" / "for" / "phb"
    subprocess.run(
        ["sh", "-c", 'umask 000; exec "$0" --data-dir "$1" new "Umask"', str(phb_script()), str(data_dir)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    made = [data_dir / "plans", data_dir, data_dir.parent, data_dir.parent.parent]
    assert {str(folder.relative_to(tmp_path)): oct(stat.S_IMODE(folder.stat().st_mode)) for folder in made} == {
        str(folder.relative_to(tmp_path)): "0o700" for folder in made
    }
