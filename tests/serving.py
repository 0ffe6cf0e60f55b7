"""Starting `phb serve` for a test, as a person would in a terminal, and stopping it with Ctrl+C."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

WAIT_SECONDS = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Served:
    """A running `phb serve`: its private address, and what it printed."""

    process: subprocess.Popen[str]
    address: str
    port: int
    data_dir: Path
    printed: list[str] = field(default_factory=list)

    def stop(self) -> str:
        """Ctrl+C, as a person stops it; returns everything it printed."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        out, _ = self.process.communicate(timeout=WAIT_SECONDS)
        self.printed.append(out)
        return "".join(self.printed)


NETWATCH = Path(__file__).parent / "netwatch"


def start_serve(data_dir: Path, port: int, *extra: str, netwatch: Path | None = None) -> Served:
    """`phb serve` on `port`; with `netwatch`, every connection it or its apps try is noted there."""
    path = os.pathsep.join(filter(None, [str(NETWATCH), os.environ.get("PYTHONPATH")]))
    watching = {"PYTHONPATH": path, "PHB_NETWATCH_LOG": str(netwatch)} if netwatch else {}
    process = subprocess.Popen(
        [sys.executable, "-m", "phb_tui", "--data-dir", str(data_dir), "serve", "--port", str(port), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **watching},
    )
    assert process.stdout is not None
    printed: list[str] = []
    address = None
    for line in process.stdout:
        printed.append(line)
        if found := re.search(r"http://[\w.:-]+/\?token=[\w-]+", line):
            address = found.group()
        if address and "Ctrl+C" in line:  # The last line of what it says as it starts.
            return Served(process, address, port, data_dir, printed)
    process.wait(timeout=WAIT_SECONDS)
    raise AssertionError("phb serve stopped without printing its address:\n" + "".join(printed))


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def connections_beyond_this_computer(netwatch: Path) -> list[str]:
    """The connections noted that went (or looked up a name) anywhere but this computer."""
    if not netwatch.exists():
        return []
    return [line for line in netwatch.read_text().splitlines() if not any(name in line for name in LOOPBACK_NAMES)]
