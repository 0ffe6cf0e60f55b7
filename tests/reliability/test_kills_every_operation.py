"""Kill a process in the middle of every store operation, not only saving: whatever it was doing,
every plan, backup, trashed plan and export left behind opens whole, and what a kill leaves over
is tidied when PHB Planner next starts."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from plan_store import Outcome, PlanStore
from plan_store.codec import plan_to_toml

from .forking import GONE, ForkServer

KILLS = 20
"""For each operation; with saving's own 200 (test_crash_during_save.py), 320 kills in all."""
HERE = Path(__file__).resolve().parent
OPERATIONS = ["new", "import", "copy", "rename", "trash", "export"]


def _big_plan_file(store: PlanStore, folder: Path) -> Path:
    """A plan of about 300 KB, so that writing it takes long enough for kills to land mid-way."""
    opened = store.create("Original")
    for number in range(150):
        opened.plan.outcomes.append(Outcome(id=f"o{number}", outcome="A long outcome. " * 125))
    store.save(opened)
    source = folder / "received.toml"
    source.write_text(plan_to_toml(opened.plan), encoding="utf-8")
    return source


def _everything_left_opens(store: PlanStore, export_text: str, whole: set[tuple[object, ...]]) -> tuple[int, int]:
    """Every file PHB Planner wrote opens whole; how many plans and how many leftovers there are.

    `whole` holds the files found whole after earlier kills, each named by where it is and what
    its inode says of it (number, size, times of writing and of any change, a rename included):
    one no kill has touched since is the same file, and reading every plan again after every
    kill was three quarters of this test's time."""
    for folder in (store.plans_dir, store.data_dir / "trash"):
        if folder.is_dir():
            for path in folder.iterdir():
                if path.name.endswith((".toml", ".toml.bak")) and not path.name.startswith("."):
                    status = path.stat()
                    seen = (path, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)
                    if seen not in whole:
                        store.open(path)  # Raises if empty, cut short or damaged.
                        whole.add(seen)
    exports = store.data_dir / "exports"
    for export in exports.glob("export-*.toml"):
        assert export.read_text(encoding="utf-8") == export_text, f"{export.name} is not whole"
    leftovers = [path for path in store.plans_dir.iterdir() if path.name.endswith(".tmp")]
    return len(store.plan_paths()), len(leftovers)


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is a POSIX signal")
@pytest.mark.parametrize("operation", OPERATIONS)
def test_sigkill_during_any_operation_never_leaves_a_broken_file(
    operation: str, store: PlanStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _big_plan_file(store, tmp_path)
    if operation not in ("copy", "rename"):
        store.trash(store.plans_dir / "original.toml")
    export_text = source.read_text(encoding="utf-8")
    chooser = random.Random(f"20261124-{operation}")  # Fixed, so a failure can be repeated.
    leftovers_seen = 0
    whole: set[tuple[object, ...]] = set()
    with ForkServer(HERE / "worker.py", str(store.data_dir), "churn", operation, str(source)) as server:
        for _ in range(KILLS):  # One server forks each worker that is killed: see forking.py.
            leftovers_seen += _kill_one(server, chooser, store, export_text, whole, operation)
    with capsys.disabled():
        print(
            f"\n{KILLS} kills during {operation}: every file left opened whole; "
            f"{leftovers_seen} temporary files left by kills were tidied at the next start."
        )


def _kill_one(
    server: ForkServer,
    chooser: random.Random,
    store: PlanStore,
    export_text: str,
    whole: set[tuple[object, ...]],
    operation: str,
) -> int:
    """Start a worker, let it finish a few operations, kill it in the next, and check what it
    left; how many temporary files it left."""
    worker, line = server.start(), ""
    for _ in range(chooser.randint(1, 3)):  # Operations to let finish before killing the next.
        line = server.read()
        if line in ("", GONE):
            break
    server.kill(worker, line)
    plans, leftovers = _everything_left_opens(store, export_text, whole)
    if operation == "rename":
        # A kill between writing the renamed plan and retiring the old file leaves both, whole
        # and alike: one plan too many, never one too few.
        assert plans in (1, 2)
        if plans == 2:
            store.trash(store.plan_paths()[0])
    exports = store.data_dir / "exports"
    leftovers += len(list(exports.glob(".*.tmp"))) if exports.is_dir() else 0
    store.tidy()  # As the app does when it starts.
    assert [path.name for path in store.plans_dir.iterdir() if path.name.endswith(".tmp")] == []
    # Exports are tidied too, though they are written to a folder of the person's choosing.
    assert not exports.is_dir() or list(exports.glob(".*.tmp")) == []
    return leftovers
