"""Several processes changing the plans folder at the same moment: no save reported as done may be
lost, and every operation ends in one clear state, whichever process got there first."""

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
ENVIRONMENT = {**os.environ, "PYTHONPATH": str(HERE.parent.parent)}


def _start(script: str, *arguments: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(HERE / script), *map(str, arguments)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENVIRONMENT,
    )


def _savers(store: PlanStore, slug: str, processes: int, saves: int) -> list[subprocess.Popen[str]]:
    return [_start("racer.py", store.data_dir, slug, f"w{n}", saves) for n in range(processes)]


def _finish(processes: list[subprocess.Popen[str]]) -> list[str]:
    """Every line the processes printed; each must have finished without an error."""
    lines: list[str] = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        lines += out.split("\n")
    return [line for line in lines if line]


def _outcome_ids(store: PlanStore, path: Path) -> set[str]:
    return {outcome.id for outcome in store.open(path).plan.outcomes}


def _no_temporaries(store: PlanStore) -> None:
    leftovers = [path.name for path in store.plans_dir.iterdir() if path.name.endswith(".tmp")]
    assert leftovers == []


@pytest.mark.slow
def test_saves_racing_from_several_processes_never_lose_one(store: PlanStore) -> None:
    opened = store.create("Race")
    reported = _finish(_savers(store, opened.slug, PROCESSES, SAVES))
    assert len(reported) == PROCESSES * SAVES
    lost = sorted(set(reported) - _outcome_ids(store, opened.path))
    assert lost == [], f"{len(lost)} of {len(reported)} saves reported as done are missing from the file"


@pytest.mark.slow
def test_copies_and_imports_racing_with_saves_lose_nothing(store: PlanStore, tmp_path: Path) -> None:
    opened = store.create("Copied while saved")
    outside = tmp_path / "received.toml"
    outside.write_bytes(store.create("Received").path.read_bytes())
    savers = _savers(store, opened.slug, 3, 60)
    others = [_start("worker.py", store.data_dir, "copy", opened.slug, 20)]
    others += [_start("worker.py", store.data_dir, "import", outside, 15) for _ in range(2)]
    reported = _finish(savers)
    made = _finish(others)
    assert sorted(set(reported) - _outcome_ids(store, opened.path)) == []
    assert len(made) == len(set(made)) == 20 + 2 * 15  # Each copy and import in a file of its own.
    for name in made:
        store.open(store.plans_dir / name)  # Whole, every one.
    _no_temporaries(store)


@pytest.mark.slow
def test_a_plan_trashed_while_others_save_keeps_every_save_and_none_brings_it_back(store: PlanStore) -> None:
    opened = store.create("Trashed while saved")
    savers = _savers(store, opened.slug, 3, 200)
    (trashed,) = _finish([_start("worker.py", store.data_dir, "trash", opened.slug, 30)])
    reported = _finish(savers)
    assert reported.count("gone") == 3  # Every window was told, none saved the plan back.
    saves = [line for line in reported if line != "gone"]
    in_trash = store.data_dir / "trash" / trashed.removeprefix("trashed ")
    assert sorted(set(saves) - _outcome_ids(store, in_trash)) == []
    assert store.plan_paths() == []
    _no_temporaries(store)


@pytest.mark.slow
def test_a_plan_renamed_while_others_save_keeps_every_save_under_its_new_name(store: PlanStore) -> None:
    opened = store.create("Renamed while saved")
    savers = _savers(store, opened.slug, 3, 200)
    (renamed,) = _finish([_start("worker.py", store.data_dir, "rename", opened.slug, "New name", 30)])
    reported = _finish(savers)
    assert renamed == "renamed new-name.toml"
    assert reported.count("gone") == 3
    saves = [line for line in reported if line != "gone"]
    assert store.plan_paths() == [store.plans_dir / "new-name.toml"]
    assert sorted(set(saves) - _outcome_ids(store, store.plans_dir / "new-name.toml")) == []
    _no_temporaries(store)


@pytest.mark.slow
@pytest.mark.parametrize("attempt", range(3))
def test_two_renames_at_once_leave_one_plan(store: PlanStore, attempt: int) -> None:
    opened = store.create("Renamed twice")
    renamers = [_start("worker.py", store.data_dir, "rename", opened.slug, title, 0) for title in ("First", "Second")]
    results = sorted(_finish(renamers))
    assert results in (["gone", "renamed first.toml"], ["gone", "renamed second.toml"])
    (left,) = store.plan_paths()
    assert left.name == results[1].removeprefix("renamed ")
    store.open(left)


def test_a_save_that_cannot_get_its_turn_says_so_and_changes_nothing(store: PlanStore) -> None:
    opened = store.create("Busy")
    before = opened.path.read_bytes()
    # The first lock is another window in the middle of its save, and stuck there.
    with plan_locked(opened.path), pytest.raises(PlanBusy) as busy, plan_locked(opened.path, wait=0.05):
        pass
    assert "is being saved by another window or program" in str(busy.value)
    assert "Nothing was saved" in str(busy.value)
    assert opened.path.read_bytes() == before
