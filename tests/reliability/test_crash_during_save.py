"""Kill a process in the middle of saving, again and again: the plan must always survive whole."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from plan_store import PlanStore

from .forking import GONE, ForkServer

KILLS = 200
RUNS = 4
"""The kills are shared between runs on separate plans, so parallel test workers can share them."""
HERE = Path(__file__).resolve().parent


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is a POSIX signal")
@pytest.mark.parametrize("run", range(RUNS))
def test_sigkill_during_saves_never_leaves_a_broken_plan(
    run: int, store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = store.create("Crash test")
    path, backup = opened.path, opened.backup_path
    chooser = random.Random(20261123 + run)  # Fixed, so a failure can be repeated.
    outcomes_seen: set[int] = set()
    with ForkServer(HERE / "saver.py", str(store.data_dir), "crash-test") as server:  # See forking.py.
        for _ in range(KILLS // RUNS):
            saver = server.start()
            wanted = chooser.randint(1, 4)  # Saves to let finish before killing mid-way through the next.
            confirmed, line = None, ""
            for _ in range(wanted):
                line = server.read()
                if line in ("", GONE):
                    break
                confirmed = int(line)
            # Saves it confirmed while the test was reading the earlier lines count too.
            confirmed = next((int(done) for done in reversed(server.kill(saver, line))), confirmed)
            assert confirmed is not None, "the saver stopped before saving anything"
            _check_whole(store, path, backup, confirmed, outcomes_seen)
    with capsys.disabled():
        print(
            f"\n{KILLS // RUNS} kills during saving (run {run + 1} of {RUNS}): the plan and its backup loaded every time "
            f"(killed after the save finished: {1 in outcomes_seen}; before: {0 in outcomes_seen})."
        )


def _check_whole(store: PlanStore, path: Path, backup: Path, confirmed: int, outcomes_seen: set[int]) -> None:
    """The plan and its backup load after a kill, with every save that was confirmed."""
    plan = store.open(path).plan  # Loads: never half-written.
    on_disk = len(plan.outcomes)
    assert on_disk in (confirmed, confirmed + 1), (confirmed, on_disk)
    assert plan.outcomes[-1].id == f"o{on_disk}"
    older = store.open(backup).plan  # The backup loads too.
    # It is the version before the plan. A save replaces two files, the backup and then the
    # plan, and no two renames are one step: a kill in the instant between them leaves the
    # backup equal to the plan, so nothing that was saved is lost, but it is not older.
    assert len(older.outcomes) in (on_disk - 1, on_disk)
    if len(older.outcomes) == on_disk:
        assert older.outcomes == plan.outcomes
    outcomes_seen.add(on_disk - confirmed)
