"""Opens a plan, adds an outcome and saves, over and over, as a second window or a script would.

Used by test_races.py. When told the file changed meanwhile, it reads it again and retries, as the
app asks a person to; it prints the id of each outcome whose save was reported as done. When the
plan has been renamed or moved to the trash, it prints "gone" and stops, as a person would.
"""

from __future__ import annotations

import sys
from pathlib import Path

from plan_store import Outcome, PlanChangedOnDisk, PlanError, PlanGone, PlanStore


def main(data_dir: str, slug: str, worker: str, saves: int) -> None:
    store = PlanStore(Path(data_dir))
    path = store.plans_dir / f"{slug}.toml"
    for number in range(saves):
        outcome_id = f"{worker}-{number}"
        while True:
            try:
                opened = store.open(path)
            except PlanError:
                if not path.exists():  # Renamed or trashed before it could be opened.
                    print("gone", flush=True)
                    return
                raise
            opened.plan.outcomes.append(Outcome(id=outcome_id, outcome=f"Outcome {outcome_id}"))
            try:
                store.save(opened)
            except PlanGone:
                print("gone", flush=True)
                return
            except PlanChangedOnDisk:
                continue
            print(outcome_id, flush=True)
            break


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
