"""`phb serve` driven in headless Chromium with Playwright, as a person's browser would be.

Chromium is Debian's (`/usr/bin/chromium`, installed by `.ci/run`); Playwright only drives it and
never downloads a browser. Without Chromium these tests are skipped, except where
PHB_REQUIRE_BROWSER is set (CI sets it), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.serving import WAIT_SECONDS, Served, free_port, start_serve

from .screen import TerminalScreen

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return os.environ.get("PHB_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    browser = chromium_path()
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            if browser is None and not os.environ.get("PHB_REQUIRE_BROWSER"):
                item.add_marker(pytest.mark.skip(reason="Chromium is not installed (apt install chromium)"))


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    running = start_serve(data_dir, free_port(), netwatch=tmp_path / "connections.log")
    yield running
    running.stop()


@dataclass
class Browser:
    """A page in headless Chromium, with the app's screen as text and every request it made."""

    page: Any
    screen: TerminalScreen
    requests: list[str]
    downloads: list[Any]

    def wait_for(self, text: str, timeout: float = WAIT_SECONDS) -> str:
        return self.wait_until(lambda screen: text in screen, f"{text!r} on the screen", timeout)

    def wait_until(self, seen: Callable[[str], bool], what: str, timeout: float = WAIT_SECONDS) -> str:
        """Lets the browser run until the screen shows what is wanted (not a sleep: it stops as soon as it does)."""
        deadline = time.monotonic() + timeout
        while not seen(self.screen.text):
            if time.monotonic() > deadline:
                raise AssertionError(f"Waited {timeout:.0f} s for {what}. The screen shows:\n{self.screen.text}")
            self.page.wait_for_timeout(20)
        return self.screen.text

    def wait_for_download(self, timeout: float = WAIT_SECONDS) -> Any:
        deadline = time.monotonic() + timeout
        while not self.downloads:
            if time.monotonic() > deadline:
                raise AssertionError(f"No download came in {timeout:.0f} s. The screen shows:\n{self.screen.text}")
            self.page.wait_for_timeout(20)
        return self.downloads.pop(0)

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)


@pytest.fixture
def browser(served: Served) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        pytest.fail("PHB_REQUIRE_BROWSER is set but Chromium is not installed: apt install chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        context = chromium.new_context(viewport={"width": 900, "height": 600}, accept_downloads=True)
        page = context.new_page()
        screen = TerminalScreen()
        requests: list[str] = []
        downloads: list[Any] = []

        page.on("download", lambda download: downloads.append(download))

        context.on("request", lambda request: requests.append(request.url))
        page.on("websocket", lambda socket_: socket_.on("framereceived", feeder(screen)))
        page.goto(served.address)
        yield Browser(page, screen, requests, downloads)
        context.close()
        chromium.close()


def feeder(screen: TerminalScreen) -> Callable[[str | bytes], None]:
    def feed(payload: str | bytes) -> None:
        if isinstance(payload, bytes):  # Text frames are the server's own messages (pings, downloads).
            screen.feed(payload)

    return feed
