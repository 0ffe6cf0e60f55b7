"""A person using the mouse in `phb serve`: clicks on the journey bar, buttons and lists do what keys do."""

from __future__ import annotations

from pathlib import Path

from plan_store import PlanStore
from tests.serving import Served

from .conftest import Browser


def open_sample(browser: Browser) -> None:
    browser.wait_for("You have no plans yet")
    browser.press("s")
    browser.wait_for("Step 1 of 7")
    browser.wait_for("5 Finance")  # The bar names the steps once it knows its width.


def summary_by_a_click(browser: Browser) -> None:
    browser.click("7 Summary", right=2)
    browser.wait_for("Step 7 of 7")


def test_a_click_on_a_step_in_the_journey_bar_goes_to_it(browser: Browser) -> None:
    open_sample(browser)
    browser.click("5 Finance", right=2)
    browser.wait_for("Step 5 of 7")
    browser.wait_for("2 Outcomes")
    browser.click("2 Outcomes", right=2)
    browser.wait_for("Step 2 of 7")


def test_a_click_on_a_button_presses_it(served: Served, browser: Browser) -> None:
    open_sample(browser)
    summary_by_a_click(browser)
    browser.wait_for("E Export")
    browser.click("E Export")  # A key in the footer is a button too.
    browser.wait_for("File name")
    browser.wait_for("Download")
    browser.click("Download", right=2)
    browser.wait_for("is on its way")
    assert "Daniel Price" in downloaded(served, browser)


def test_a_click_on_a_row_opens_it_as_enter_would(served: Served, browser: Browser) -> None:
    store = PlanStore(served.data_dir)
    for title, name in (("Amira's plan", "Amira Hassan"), ("Leo's care plan", "Leo Marsh")):
        made = store.create(title)
        made.plan.person.name = name
        store.save(made)
    browser.wait_for("Sorted by")
    browser.press("F9")  # Refresh: the plans may have been made after the list was read.
    browser.wait_for("Your 2 plans")
    # As in any list: the first click picks the row (as Down would), a click on the picked row opens it.
    browser.click("Leo's care plan")
    browser.click("Leo's care plan")
    browser.wait_for("Step 1 of 7")
    assert "Leo Marsh" in browser.screen.text

    # A taller window, so the list of costs shows without scrolling: the page scrolls smoothly,
    # and a click while it moves lands wherever the row has got to.
    browser.page.set_viewport_size({"width": 900, "height": 1200})
    browser.press("F8", "F8", "F8", "F8")
    browser.wait_for("Step 5 of 7")
    browser.press("Control+k")  # A cost, for the list of costs to have a row to click.
    browser.wait_for("Search for commands")
    browser.type("Add a cost")
    browser.wait_for("Add something the budget pays for")
    browser.press("Enter")
    browser.wait_for("What will be bought")
    browser.type("Swimming lessons")
    browser.press("Escape")
    browser.wait_until(lambda shown: "What will be bought" not in shown, "the cost dialog to close")
    in_the_list = "Swimming lessons  "  # The row, not the journey bar's note about it.
    browser.wait_for(in_the_list)
    browser.click(in_the_list)  # Picks the row (the cursor was in its first column)...
    browser.click(in_the_list)  # ...and a click on what is picked opens it.
    browser.wait_for("What will be bought")


def test_enter_on_the_download_button_downloads_the_file(served: Served, browser: Browser) -> None:
    open_sample(browser)
    summary_by_a_click(browser)
    browser.press("e")
    browser.wait_for("File name")
    browser.press("Tab", "Tab", "Tab", "Tab")  # Past the file name and the two tick boxes.
    browser.press("Enter")
    browser.wait_for("is on its way")
    assert "Daniel Price" in downloaded(served, browser)


def downloaded(served: Served, browser: Browser) -> str:
    """What the browser saved, read back."""
    download = browser.wait_for_download()
    saved = Path(served.data_dir.parent / download.suggested_filename)
    download.save_as(saved)
    return saved.read_text(encoding="utf-8")
