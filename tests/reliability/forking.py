"""Forking the processes a kill test kills, from one server that has already loaded the store.

The server reads a line for each process wanted and forks it: the process is as real as a freshly
started one, but a test of a hundred kills no longer pays for a hundred starts of Python and the
plan models. Each forked process first prints its process id; once it has died, the server prints
GONE, so the test can tell the lines of one process from the next.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

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


class ForkServer:
    """The test's side: a server running `script --fork ARGUMENTS`, a process forked from it at
    each `start`, its lines read one at a time, and its end (`kill`) awaited."""

    def __init__(self, script: Path, *arguments: str) -> None:
        self._server = subprocess.Popen(
            [sys.executable, str(script), "--fork", *arguments],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(script.resolve().parents[2])},
        )
        assert self._server.stdin is not None and self._server.stdout is not None
        self._to, self._from = self._server.stdin, self._server.stdout

    def __enter__(self) -> ForkServer:
        return self

    def __exit__(self, *_: object) -> None:
        self._to.close()
        self._server.kill()
        self._server.wait()
        self._from.close()

    def start(self) -> int:
        """Fork a process; its process id."""
        self._to.write("start\n")
        self._to.flush()
        return int(self._from.readline())

    def read(self) -> str:
        """The process's next line: GONE once it has died, "" if the server has."""
        return self._from.readline().strip()

    def kill(self, process: int, last: str) -> list[str]:
        """Kill the process unless its `last` line was GONE, and read on to the server's word that
        it has died; the lines it had printed that were not yet read (it may be ahead of the test)."""
        if last != GONE:  # Not already dead by itself.
            os.kill(process, signal.SIGKILL)
        unread: list[str] = []
        while last != GONE:
            last = self.read()
            assert last, "the server stopped"
            unread += [last] if last != GONE else []
        return unread
