"""Running the real `phb` in a pseudo-terminal, as a person's terminal would: keys go in as the
bytes a terminal sends, the screen comes out as it would be drawn, and the process can be
stopped hard (SIGKILL) at any moment, with no chance to save on the way out."""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..conftest import phb_script

_CODES = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


BLINK_BYTES = 200
"""More than a cursor's blink redraws: anything larger is the app still drawing."""


class Terminal:
    """One `phb` process on a pseudo-terminal of 100x30."""

    def __init__(self, process: subprocess.Popen[bytes], master: int):
        self.process = process
        self.master = master
        self.output = bytearray()

    def send(self, data: bytes | str) -> None:
        os.write(self.master, data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)

    def read(self, seconds: float = 0.1) -> None:
        """Take in whatever the app has drawn, waiting at most `seconds` for the first of it."""
        ready, _, _ = select.select([self.master], [], [], seconds)
        while ready:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # The process has gone and the terminal closed.
                return
            if not chunk:
                return
            self.output += chunk
            ready, _, _ = select.select([self.master], [], [], 0)

    def text(self) -> str:
        """What has been drawn, with the terminal's codes taken out."""
        return _CODES.sub(b"", bytes(self.output)).decode("utf-8", "replace")

    def wait_for(self, condition: Callable[[], bool], within: float = 20.0, what: str = "") -> None:
        """Read the screen until `condition` holds; a bounded wait, never a sleep for timing."""
        deadline = time.monotonic() + within
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"waited {within} s for {what or condition}; drawn: {self.text()[-2000:]!r}")
            self.read()

    def text_since(self, start: int) -> str:
        """What has been drawn since `start` bytes of output, with the codes taken out."""
        return _CODES.sub(b"", bytes(self.output[start:])).decode("utf-8", "replace")

    def wait_for_words(self, words: str, within: float = 20.0) -> None:
        start = len(self.output)
        self.wait_for(lambda: words in self.text_since(start), within, words)

    def settle(self, quiet: float = 0.8, within: float = 30.0) -> None:
        """Read until the app has drawn nothing for `quiet` seconds but a blinking cursor (a few
        bytes at a time, twice a second, for as long as a text box has the cursor): it is waiting
        for keys."""
        deadline = time.monotonic() + within
        calm_since = time.monotonic()
        while time.monotonic() < deadline:
            if time.monotonic() - calm_since >= quiet:
                return
            before = len(self.output)
            self.read(0.1)
            if len(self.output) - before > BLINK_BYTES:
                calm_since = time.monotonic()
        raise AssertionError(f"the app was still drawing after {within} s")

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=20)


@contextmanager
def phb_in_terminal(*args: str, data_dir: Path, env: dict[str, str] | None = None) -> Iterator[Terminal]:
    """`phb --data-dir DATA ARGS...` on a terminal of its own; killed at the end if still running."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    process = subprocess.Popen(
        [str(phb_script()), "--data-dir", str(data_dir), *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        start_new_session=True,
        env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30", **(env or {})},
    )
    os.close(slave)
    terminal = Terminal(process, master)
    try:
        yield terminal
    finally:
        if terminal.alive():
            terminal.kill()
        os.close(master)
