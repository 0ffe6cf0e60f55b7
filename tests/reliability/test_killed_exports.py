"""A killed export leaves nothing behind in the folder it was written to, which is the person's
own (Documents, a USB stick) rather than PHB Planner's: what the kill left is removed at the next
start of the app, and by the next export."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from plan_store import PlanStore

from ..conftest import phb_script, run_phb

DIE_AT_RENAME = """
import os, signal
def _killed(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
if os.environ.get("PHB_TEST_DIE_AT_RENAME"):
    os.link = _killed  # The export's temporary file is whole; the kill lands before it gets its name.
"""


def _killed_export(store: PlanStore, tmp_path: Path, target: Path) -> None:
    """`phb export` killed with SIGKILL at the worst moment: its temporary file written, not renamed."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(DIE_AT_RENAME, encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(hook), "PHB_TEST_DIE_AT_RENAME": "1"}
    done = subprocess.run(
        [
            str(phb_script()),
            "--data-dir",
            str(store.data_dir),
            "export",
            "Shared",
            "--format",
            "txt",
            "-o",
            str(target),
        ],
        capture_output=True,
        env=environment,
        timeout=60,
        check=False,
    )
    assert done.returncode == -9, done.stderr


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is a POSIX signal")
def test_what_a_killed_export_leaves_is_removed_at_the_next_start(store: PlanStore, tmp_path: Path) -> None:
    store.create("Shared")
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / ".notes.txt.0123456789ab.tmp").write_text("not ours", encoding="utf-8")  # Another program's.
    _killed_export(store, tmp_path, documents / "summary.txt")
    assert [name for name in _leftovers(documents) if name.startswith(".summary.txt.")]  # Cut off, as a kill does.
    store.tidy()  # As the app does when it starts.
    assert _leftovers(documents) == [".notes.txt.0123456789ab.tmp"]
    assert not (documents / "summary.txt").exists()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is a POSIX signal")
def test_the_next_export_removes_what_a_killed_one_left(store: PlanStore, tmp_path: Path) -> None:
    store.create("Shared")
    usb = tmp_path / "USB"
    usb.mkdir()
    _killed_export(store, tmp_path, usb / "summary.txt")
    assert _leftovers(usb)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run_phb(
        "export", "Shared", "--format", "txt", "-o", str(elsewhere / "summary.txt"), data_dir=store.data_dir
    )
    assert result.returncode == 0, result.stderr
    assert _leftovers(usb) == []
