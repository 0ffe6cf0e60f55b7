"""One save at a time in each folder of plans, across windows and processes.

Checking that a plan file has not changed and replacing it must be one step. Two windows that
both check, then both write, each report a save while one of the two is lost. An advisory lock on
the plan's folder makes them take turns, and leaves nothing behind in it. Windows cannot lock a
folder, so there a hidden lock file in the folder stands in for it, opened without following a
link so a link planted in its place cannot make PHB Planner write anywhere else.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import PlanBusy
from .safe_files import PRIVATE_FILE

WAIT_SECONDS = 10.0
"""Far longer than a save takes; after that, the other holder is stuck and the person is told."""

if sys.platform == "win32":
    import msvcrt

    def _open_lock(folder: Path) -> int:
        return os.open(folder / ".phb-planner.lock", os.O_RDWR | os.O_CREAT, PRIVATE_FILE)

    def _try_lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _open_lock(folder: Path) -> int:
        return os.open(folder, os.O_RDONLY | os.O_DIRECTORY)

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


def plan_locked(path: Path, wait: float = WAIT_SECONDS) -> contextlib.AbstractContextManager[None]:
    """Hold the lock of the plan's folder while the block runs; PlanBusy if held past `wait`."""
    return folder_locked(path.parent, wait, path)


@contextlib.contextmanager
def folder_locked(folder: Path, wait: float = WAIT_SECONDS, subject: Path | None = None) -> Iterator[None]:
    """Hold a folder's lock while the block runs: every change to the plans in it takes turns.

    The lock is not re-entrant (a second hold in the same process waits like any other), so
    only the store's public operations take it, never the steps inside them.
    """
    path = subject or folder
    descriptor = _open_lock(folder)
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(descriptor):
            if time.monotonic() >= deadline:
                raise PlanBusy(path, wait)
            time.sleep(0.005)
        yield
    finally:
        os.close(descriptor)  # Closing lets the lock go, even if the block failed.
