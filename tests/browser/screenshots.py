"""The README's pictures of `phb serve`, taken the way the browser tests drive it.

    python -m tests.browser.screenshots

starts `phb serve` on three plans made from the sample plan, opens it in headless Chromium, and
writes `docs/browser-plans.png` (the list of plans) and `docs/browser-financial-plan.png` (step 5).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from plan_store import PlanStore
from plan_store.codec import plan_from_toml

from ..serving import free_port, start_serve
from .conftest import CHROMIUM_FLAGS, Browser, chromium_path, feeder
from .screen import TerminalScreen

DOCS = Path(__file__).resolve().parents[2] / "docs"
SAMPLE = Path(__file__).resolve().parents[2] / "phb_tui" / "sample-plan.toml"
PEOPLE = [("Daniel's plan 2026", "Daniel Price"), ("Amira's plan", "Amira Hassan"), ("Leo's care plan", "Leo Marsh")]


def settled(browser: Browser, quiet: float = 0.5) -> None:
    """Until the screen has not changed for `quiet` seconds: a long list fills in after it first shows."""
    shown, since = browser.screen.text, time.monotonic()
    while time.monotonic() - since < quiet:
        browser.page.wait_for_timeout(50)
        if browser.screen.text != shown:
            shown, since = browser.screen.text, time.monotonic()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        data_dir.mkdir(mode=0o700)
        store = PlanStore(data_dir)
        sample = plan_from_toml(SAMPLE.read_text(encoding="utf-8"), SAMPLE)
        for title, name in PEOPLE:
            plan = sample.model_copy(deep=True)
            plan.title = title
            plan.person.name = name
            store.add(plan)
        served = start_serve(data_dir, free_port())
        try:
            with sync_playwright() as playwright:
                chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
                page = chromium.new_page(viewport={"width": 1000, "height": 620})
                screen = TerminalScreen()
                page.on("websocket", lambda socket: socket.on("framereceived", feeder(screen)))
                page.goto(served.address)
                browser = Browser(page, screen, [], [])
                browser.wait_for("Your 3 plans")
                browser.wait_for("Ctrl+K Commands")
                settled(browser)
                page.screenshot(path=DOCS / "browser-plans.png")
                browser.press("ArrowDown", "Enter")  # Daniel's plan, the second in the list.
                browser.wait_for("Step 1 of 7")
                browser.press("F8", "F8", "F8", "F8")
                browser.wait_for("Step 5 of 7")
                browser.wait_for("F8 Next")
                settled(browser)
                page.screenshot(path=DOCS / "browser-financial-plan.png")
                chromium.close()
        finally:
            served.stop()


if __name__ == "__main__":
    main()
