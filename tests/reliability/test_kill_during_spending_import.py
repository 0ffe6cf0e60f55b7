"""Kill `phb spending import` at random moments while it adds a long statement to a record that
already holds one: the record always loads, holding either what it held before or everything,
never part of the statement, and its backup loads too."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from plan_store import Plan, PlanStore
from plan_store.spending_files import read_record, spending_backup_path, spending_path

from ..conftest import phb_script
from ..spending_statements import long_statement

KILLS = 12
PLAN = "daniels-plan-2026"


def _import(statement: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [str(phb_script()), "spending", "import", PLAN, str(statement)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _held(plan_path: Path) -> list[str]:
    return [t.id for t in read_record(plan_path).transactions]  # Raises if the record is damaged.


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is a POSIX signal")
def test_sigkill_during_an_import_leaves_the_record_before_or_after(
    store: PlanStore, example_plan: Plan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_path = store.add(example_plan).path
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text(long_statement(10_000), encoding="utf-8")
    second.write_text(long_statement(30_000, first_day="2026-05-01"), encoding="utf-8")
    assert _import(first).wait() == 0
    before_bytes = spending_path(plan_path).read_bytes()
    before = _held(plan_path)
    started = time.perf_counter()
    assert _import(second).wait() == 0
    whole = time.perf_counter() - started  # How long a whole import takes on this machine.
    after = _held(plan_path)
    assert len(after) == len(before) + 30_000
    chooser = random.Random(20261124)  # Fixed, so a failure can be repeated.
    landed = {"before": 0, "after": 0}
    for _ in range(KILLS):
        spending_path(plan_path).write_bytes(before_bytes)
        child = _import(second)
        # Anywhere from its start to a little after a whole import would end on this machine.
        time.sleep(chooser.uniform(0, 1.1 * whole))
        child.send_signal(signal.SIGKILL)
        child.wait()
        held = _held(plan_path)
        assert held in (before, after), f"{len(held)} transactions: neither before ({len(before)}) nor after"
        landed["before" if held == before else "after"] += 1
        if spending_backup_path(plan_path).exists():
            assert _held_in(spending_backup_path(plan_path), tmp_path) in (before, after)
    assert _import(second).wait() == 0  # The next import tidies whatever a kill left, and finishes.
    assert _held(plan_path) == after
    assert [p.name for p in plan_path.parent.iterdir() if p.name.endswith(".tmp")] == []
    with capsys.disabled():
        print(f"\n{KILLS} kills during an import: the record was whole every time ({landed}).")


def _held_in(record: Path, folder: Path) -> list[str]:
    """The transactions in a copy of the record, read as the record of a plan of its own."""
    plan = folder / "copy" / "backup.toml"
    plan.parent.mkdir(exist_ok=True)
    plan.touch()
    spending_path(plan).write_bytes(record.read_bytes())
    return _held(plan)
