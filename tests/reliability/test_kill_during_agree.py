"""Kill a process while it records agreements: the plan and every agreed copy it names stay whole.

The worker edits a large plan and agrees it, over and over, until killed. After each kill the plan
opens, each agreement's copy is there and matches its digest, and what the kill left over is
tidied when PHB Planner next starts.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from plan_store import Outcome, PlanStore
from plan_store.agreed import read_agreed

KILLS = 20
HERE = Path(__file__).resolve().parent

WORKER = """
import sys
from pathlib import Path
from plan_store import Outcome, PlanStore
from plan_store.agreed import agree

store = PlanStore(Path(sys.argv[1]))
path = store.plans_dir / "original.toml"
number = 0
while True:
    number += 1
    opened = store.open(path)
    opened.plan.outcomes[0].outcome = f"Changed {number} times."
    store.save(opened)
    agree(store, opened, "Priya Shah", "CHC nurse assessor", opened.plan.created.date())
    print("done", flush=True)
"""


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is a POSIX signal")
def test_sigkill_during_agree_leaves_the_plan_and_its_agreed_copies_whole(store: PlanStore, tmp_path: Path) -> None:
    opened = store.create("Original")
    for number in range(150):  # About 300 KB, so writing takes long enough for kills to land mid-way.
        opened.plan.outcomes.append(Outcome(id=f"o{number}", outcome="A long outcome. " * 125))
    store.save(opened)
    script = tmp_path / "agree_worker.py"
    script.write_text(WORKER, encoding="utf-8")
    # The real day: the plan was made today, by the real clock, and cannot be agreed before that.
    environment = {**os.environ, "PYTHONPATH": str(HERE.parent.parent), "PHB_TODAY": ""}
    chooser = random.Random("20261124-agree")  # Fixed, so a failure can be repeated.
    agreed = 0
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(script), str(store.data_dir)], stdout=subprocess.PIPE, text=True, env=environment
        )
        assert child.stdout is not None
        for _ in range(chooser.randint(0, 2)):
            if not child.stdout.readline():
                break
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        plan = store.open(opened.path).plan  # Raises if the plan was left broken.
        for agreement in plan.agreements:
            read_agreed(opened.path, agreement)  # Raises if a copy is missing, cut short or damaged.
        agreed = len(plan.agreements)
        store.tidy()
        assert [path.name for path in store.plans_dir.iterdir() if path.name.endswith(".tmp")] == []
    assert agreed > 0
