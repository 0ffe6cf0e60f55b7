"""A person using PHB Planner in their web browser through `phb serve`."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.serving import Served, connections_beyond_this_computer
from tests.word_files import opened

from .conftest import Browser

BROWSER_KEYS = ("Ctrl+N", "Ctrl+T", "Ctrl+W", "Ctrl+P", "Ctrl+R", "F5", "F6")


def test_the_sample_plan_is_planned_and_exported_in_the_browser(served: Served, browser: Browser) -> None:
    browser.wait_for("You have no plans yet")
    browser.press("s")
    browser.wait_for("Get informed")
    browser.press("F8", "F8", "F8", "F8")  # Step by step to the Financial plan, as the footer says.
    screen = browser.wait_for("Step 5 of 7")
    taken = [key for key in BROWSER_KEYS if key in screen]
    assert not taken, f"the footer or status line offers keys the browser keeps: {taken}\n{screen}"
    assert "Ctrl+K" in screen and "F9 PA costs" in screen

    browser.press("Control+k")  # The command palette: in a browser Ctrl+P may print the page.
    browser.wait_for("Search for commands")
    browser.type("Add a cost")
    browser.wait_for("Add something the budget pays for")  # The command found, with what it does.
    browser.press("Enter")
    browser.wait_for("What will be bought")
    browser.type("Swimming lessons at the leisure centre")
    browser.press("Escape")  # Done: the cost goes into the plan.
    # The dialog gone, before the next key: an Escape followed at once by Ctrl+K reads as Alt+Ctrl+K.
    # The export below shows the cost went into the plan.
    browser.wait_until(lambda shown: "New cost" not in shown, "the cost dialog to close")

    browser.press("Control+k")
    browser.wait_for("Search for commands")
    browser.type("Export summary")
    browser.wait_for("Save the summary as a file to share")
    browser.press("Enter")
    screen = browser.wait_for("File name")
    assert "downloads" in screen
    browser.press("Tab")  # From the format (a web page, as it starts) to the file name.
    browser.press("Enter")  # In the file name box: download it.
    browser.wait_for("is on its way")
    download = browser.wait_for_download()
    saved = Path(served.data_dir.parent / download.suggested_filename)
    download.save_as(saved)
    html = saved.read_text(encoding="utf-8")
    assert saved.name == "daniels-plan-2026-summary.html"
    assert "Swimming lessons at the leisure centre" in html
    assert not list(served.data_dir.rglob("*.html")), "the export went to the server's disk"

    # Again as a Word document: bytes, not text, reach the browser whole.
    browser.press("Control+k")
    browser.wait_for("Search for commands")
    browser.type("Export summary")
    browser.wait_for("Save the summary as a file to share")
    browser.press("Enter")
    browser.wait_for("File name")
    browser.press("Space")  # Open the list of formats, then the one after the web page: Word.
    browser.wait_for("Word document")
    browser.press("ArrowDown", "Enter")
    browser.wait_for("daniels-plan-2026-summary.docx")
    browser.press("Tab", "Enter")
    browser.wait_for("is on its way")
    download = browser.wait_for_download()
    assert download.suggested_filename == "daniels-plan-2026-summary.docx"
    saved = Path(served.data_dir.parent / download.suggested_filename)
    download.save_as(saved)
    word = opened(saved.read_bytes())
    assert word.paragraphs[0].text == "Daniel's plan 2026"
    assert "Swimming lessons at the leisure centre" in "\n".join(c.text for t in word.tables for c in t._cells)
    assert not list(served.data_dir.rglob("*.docx")), "the export went to the server's disk"

    places = {request.split("/")[2] for request in browser.requests}
    assert places == {f"127.0.0.1:{served.port}"}, f"the page reached beyond this computer: {places}"
    netwatch = served.data_dir.parent / "connections.log"
    assert connections_beyond_this_computer(netwatch) == []


def test_stopping_with_ctrl_c_keeps_what_was_just_typed(served: Served, browser: Browser) -> None:
    browser.wait_for("You have no plans yet")
    browser.press("n")
    browser.wait_for("Start a new plan")
    browser.type("Amira's plan")
    browser.wait_for("Amira's plan")
    browser.press("Enter")
    screen = browser.wait_for("Full name")  # The first box, where the cursor starts.
    browser.type("Amira Hassan")
    browser.wait_for("Amira Hassan")
    printed = served.stop()  # At once: no time for the save that follows a pause in typing.
    assert "Stopped. Your plans are saved." in printed
    browser.page.wait_for_selector("body.-closed")
    closed = browser.page.locator(".closed-dialog")
    assert "your plans are saved" in closed.inner_text()
    assert browser.page.evaluate("document.activeElement.textContent") == "Start again"  # Enter presses it.
    [plan] = (served.data_dir / "plans").glob("*.toml")
    saved = tomllib.loads(plan.read_text(encoding="utf-8"))
    assert saved["person"]["name"] == "Amira Hassan", screen
