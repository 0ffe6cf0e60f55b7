"""Saves a growing plan through the store, over and over, until it is killed.

Used by test_crash_during_save.py: after each completed save it prints the version number, so the
test knows which versions are safely on disk when it kills this process.

Started with --fork, it loads the store once and then, for each line it reads, forks a process
that saves until it is killed (see forking.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from forking import serve

from plan_store import Outcome, PlanStore


def version_of(plan_outcomes: int) -> int:
    return plan_outcomes


def main(data_dir: str, slug: str) -> None:
    store = PlanStore(Path(data_dir))
    opened = store.open(store.plans_dir / f"{slug}.toml")
    version = len(opened.plan.outcomes)
    while True:
        version += 1
        # Each version adds an outcome with some bulk, so a save takes long enough to be interrupted.
        opened.plan.outcomes.append(Outcome(id=f"o{version}", outcome=f"Outcome {version} " + "x" * 2000))
        store.save(opened)
        print(version, flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "--fork":
        serve(lambda: main(sys.argv[2], sys.argv[3]))
    else:
        main(sys.argv[1], sys.argv[2])
