"""`phb serve` driven in headless Chromium with Playwright, as a person's browser would be.

Chromium is Debian's (`/usr/bin/chromium`, installed by `.ci/run`); Playwright only drives it and
never downloads a browser. Without Chromium these tests are skipped, except where
PHB_REQUIRE_BROWSER is set (CI sets it), where a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

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
    size: dict[str, int] = field(default_factory=dict)
    """The terminal's columns and rows, as the page last told the app."""

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

    def where(self, text: str, *, lowest: bool = False) -> tuple[int, int]:
        """The column and row where `text` first shows on the screen (it must be showing), or last."""
        lines = list(enumerate(self.screen.text.splitlines()))
        for row, line in reversed(lines) if lowest else lines:
            if text in line:
                return cell_len(line[: line.index(text)]), row
        raise AssertionError(f"{text!r} is not on the screen. It shows:\n{self.screen.text}")

    def click(self, text: str, *, right: int = 0, lowest: bool = False) -> None:
        """A mouse click on `text` where it shows on the screen (or `right` of its start)."""
        column, row = self.where(text, lowest=lowest)
        self.click_cell(column + right, row)

    def cell_size(self) -> tuple[float, float]:
        """The width and height in pixels of one character on the page."""
        self.wait_until(lambda _shown: bool(self.size), "the page to tell the app its size")
        box = self.page.locator(".xterm-screen").bounding_box()
        assert box is not None, "the page shows no terminal"
        return box["width"] / self.size["width"], box["height"] / self.size["height"]

    def click_cell(self, column: int, row: int) -> None:
        """A mouse click in the middle of one character cell of the terminal drawn on the page."""
        width, height = self.cell_size()
        box = self.page.locator(".xterm-screen").bounding_box()
        assert box is not None
        self.page.mouse.click(box["x"] + (column + 0.5) * width, box["y"] + (row + 0.5) * height)


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
        opened = Browser(page, screen, requests, downloads)
        page.on("websocket", lambda socket_: socket_.on("framereceived", feeder(screen)))
        page.on("websocket", lambda socket_: socket_.on("framesent", sizer(opened.size)))
        page.goto(served.address)
        yield opened
        context.close()
        chromium.close()


def sizer(size: dict[str, int]) -> Callable[[str | bytes], None]:
    """Notes the terminal's size each time the page sends it (`["resize", {"width": .., "height": ..}]`)."""

    def note(payload: str | bytes) -> None:
        if isinstance(payload, str) and payload.startswith('["resize"'):
            size.update(json.loads(payload)[1])

    return note


def feeder(screen: TerminalScreen) -> Callable[[str | bytes], None]:
    def feed(payload: str | bytes) -> None:
        if isinstance(payload, bytes):  # Text frames are the server's own messages (pings, downloads).
            screen.feed(payload)

    return feed
