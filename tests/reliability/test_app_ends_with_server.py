"""An app started for a browser tab ends with its `phb serve`, however the server ends: killed
outright (SIGKILL, so it cannot close the tab's connection) or hung up alone (SIGHUP)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from tests.serving import free_port, start_serve

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(child) for child in (task / "children").read_text().split()}
    return found


def _running(pid: int) -> bool:
    """Running, and not a zombie waiting for a parent to read its end."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait(condition: object, within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"waited {within} s for {what}"
        time.sleep(0.05)


@pytest.mark.parametrize("ending", [signal.SIGKILL, signal.SIGHUP])
def test_the_app_of_a_tab_ends_when_its_server_does(ending: signal.Signals, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    served = start_serve(data_dir, free_port())
    socket_address = served.address.replace("http://", "ws://").replace("/?", "/ws?") + "&width=80&height=24"

    async def tab_open_while_the_server_ends() -> int:
        async with aiohttp.ClientSession() as session, session.ws_connect(socket_address) as tab:
            _wait(lambda: _children(served.process.pid), 30, "the tab's app to start")
            (app,) = _children(served.process.pid)
            # Until the app has drawn its first screen and gone quiet: an app still starting fails
            # on its first write once its server has gone, which proves nothing.
            deadline, drawn = time.monotonic() + 60, 0
            while time.monotonic() < deadline:
                try:
                    message = await asyncio.wait_for(tab.receive(), 1.5)
                except TimeoutError:
                    if drawn > 1000:
                        break
                    continue
                drawn += len(message.data) if isinstance(message.data, bytes | str) else 0
            os.kill(served.process.pid, ending)  # The tab's connection is still open.
            served.process.wait(timeout=30)
            _wait(lambda: not _running(app), 15, "the app to end with its server")
            return app

    try:
        assert asyncio.run(tab_open_while_the_server_ends())
    finally:
        if served.process.poll() is None:
            served.process.kill()
        served.process.wait(timeout=30)
