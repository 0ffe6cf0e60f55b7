"""One store operation, done as another window or a script would, for the race and kill tests.

    worker.py DATA_DIR copy SLUG COUNT           copy a plan COUNT times; prints each copy's file
    worker.py DATA_DIR import SOURCE COUNT       import a file COUNT times; prints each new file
    worker.py DATA_DIR rename SLUG TITLE WAIT    once the plan has WAIT outcomes, rename it
    worker.py DATA_DIR trash SLUG WAIT           once the plan has WAIT outcomes, trash it
    worker.py DATA_DIR churn OPERATION SOURCE    do OPERATION over and over until killed
    worker.py --fork DATA_DIR churn ...          the same, in a process forked for each line read

Rename retries when told the plan changed meanwhile, as the app asks a person to, and prints
"renamed <file>" or "gone" (another window renamed or trashed it first). Churn prints "done"
after each whole operation, so a test knows what finished before it killed this process; with
--fork, one server loads the store once and forks each process to be killed (see forking.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from forking import serve

from plan_store import PlanChangedOnDisk, PlanError, PlanGone, PlanStore


def _wait_for_outcomes(store: PlanStore, path: Path, wanted: int) -> bool:
    """Until the savers have saved `wanted` outcomes; False if the plan went first."""
    while True:
        try:
            if len(store.open(path).plan.outcomes) >= wanted:
                return True
        except PlanError:
            if not path.exists():
                return False


def rename(store: PlanStore, slug: str, title: str, wait: int) -> None:
    path = store.plans_dir / f"{slug}.toml"
    if not _wait_for_outcomes(store, path, wait):
        print("gone", flush=True)
        return
    while True:
        try:
            moved = store.rename(store.open(path), title)
        except PlanGone:
            print("gone", flush=True)
            return
        except PlanChangedOnDisk:
            continue  # A save got in first: read it again, as a person would.
        except PlanError:
            if path.exists():
                raise
            print("gone", flush=True)  # Renamed or trashed before it could be opened.
            return
        print(f"renamed {moved.path.name}", flush=True)
        return


def trash(store: PlanStore, slug: str, wait: int) -> None:
    path = store.plans_dir / f"{slug}.toml"
    if _wait_for_outcomes(store, path, wait):
        print(f"trashed {store.trash(path).name}", flush=True)


def churn(store: PlanStore, operation: str, source: Path) -> None:
    """The operation again and again; each is whole or absent if a kill cuts it short."""
    exports = store.data_dir / "exports"
    exports.mkdir(exist_ok=True)
    text = source.read_text(encoding="utf-8")
    number = 0
    while True:
        number += 1
        if operation == "new":
            store.create(f"New plan {number}")
        elif operation == "import":
            store.import_file(source)
        elif operation == "copy":
            store.duplicate(store.plans_dir / "original.toml")
        elif operation == "rename":
            store.rename(store.open(store.plan_paths()[0]), f"Renamed {number}")
        elif operation == "trash":
            store.trash(store.import_file(source).path)
        elif operation == "export":
            store.export(exports / f"export-{number}.toml", text)
        else:
            raise SystemExit(f"unknown operation {operation}")
        print("done", flush=True)


def main(arguments: list[str]) -> None:
    store = PlanStore(Path(arguments[0]))
    command, rest = arguments[1], arguments[2:]
    if command == "copy":
        for _ in range(int(rest[1])):
            print(store.duplicate(store.plans_dir / f"{rest[0]}.toml").path.name, flush=True)
    elif command == "import":
        for _ in range(int(rest[1])):
            print(store.import_file(Path(rest[0])).path.name, flush=True)
    elif command == "rename":
        rename(store, rest[0], rest[1], int(rest[2]))
    elif command == "trash":
        trash(store, rest[0], int(rest[1]))
    elif command == "churn":
        churn(store, rest[0], Path(rest[1]))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    if sys.argv[1] == "--fork":
        serve(lambda: main(sys.argv[2:]))
    else:
        main(sys.argv[1:])
