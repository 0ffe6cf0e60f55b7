"""Forking the processes a kill test kills, from one server that has already loaded the store.

The server reads a line for each process wanted and forks it: the process is as real as a freshly
started one, but a test of a hundred kills no longer pays for a hundred starts of Python and the
plan models. Each forked process first prints its process id; once it has died, the server prints
GONE, so the test can tell the lines of one process from the next.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

GONE = "gone"


def serve(run: Callable[[], object]) -> None:
    """One process running `run` for each line read, each started only when the one before has died."""
    while sys.stdin.readline():
        child = os.fork()
        if child == 0:
            try:
                print(os.getpid(), flush=True)
                run()
            finally:
                os._exit(1)  # Never back into the server's loop.
        os.waitpid(child, 0)
        print(GONE, flush=True)
