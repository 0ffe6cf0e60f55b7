"""Several processes saving one plan at the same moment: no save reported as done may be lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from plan_store import PlanBusy, PlanStore
from plan_store.locking import plan_locked

HERE = Path(__file__).resolve().parent
PROCESSES = 4
SAVES = 150


@pytest.mark.slow
def test_saves_racing_from_several_processes_never_lose_one(store: PlanStore) -> None:
    opened = store.create("Race")
    environment = {**os.environ, "PYTHONPATH": str(HERE.parent.parent)}
    racers = [
        subprocess.Popen(
            [sys.executable, str(HERE / "racer.py"), str(store.data_dir), opened.slug, f"w{n}", str(SAVES)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
        )
        for n in range(PROCESSES)
    ]
    reported: list[str] = []
    for racer in racers:
        out, err = racer.communicate(timeout=300)
        assert racer.returncode == 0, err
        reported += out.split()
    assert len(reported) == PROCESSES * SAVES
    on_disk = {outcome.id for outcome in store.open(opened.path).plan.outcomes}
    lost = sorted(set(reported) - on_disk)
    assert lost == [], f"{len(lost)} of {len(reported)} saves reported as done are missing from the file"


def test_a_save_that_cannot_get_its_turn_says_so_and_changes_nothing(store: PlanStore) -> None:
    opened = store.create("Busy")
    before = opened.path.read_bytes()
    # The first lock is another window in the middle of its save, and stuck there.
    with plan_locked(opened.path), pytest.raises(PlanBusy) as busy, plan_locked(opened.path, wait=0.05):
        pass
    assert "is being saved by another window or program" in str(busy.value)
    assert "Nothing was saved" in str(busy.value)
    assert opened.path.read_bytes() == before
