"""The list of plans for a broker with thirty clients: the highlight stays where it was, the list
can be searched and sorted, says what a broker needs in columns that fit 80x24, copies under a
chosen name, puts deleted plans back, and explains its keys (issue 15)."""

from __future__ import annotations

import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from phb_tui.app import PhbApp
from phb_tui.plan_list.listing import PlanRow
from phb_tui.widgets.help_dialog import HelpDialog
from plan_store import Plan, PlanNotFound, PlanStore, new_plan
from plan_store.locking import folder_locked
from screens.base import StepScreen
from screens.deleted_plans import DeletedPlansDialog
from screens.picker import PickerScreen
from screens.title_dialog import TitleDialog

from .helpers import keys, screen_text

NEWEST = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _app(store: PlanStore) -> PhbApp:
    return PhbApp(store, keys_file=store.data_dir / "no-keys.toml")


def _add(store: PlanStore, title: str, name: str = "", hours_ago: int = 0, review: date | None = None) -> Path:
    plan = new_plan(title)
    plan.person.name = name
    plan.reviews.first_review = review
    plan.created = plan.updated = NEWEST - timedelta(hours=hours_ago)
    return store.add(plan).path


def _clients(store: PlanStore) -> None:
    """Four clients, "Ann" saved last, then Bob, Cat and Dev, an hour apart."""
    for hours_ago, (title, name) in enumerate(
        [("Ann", "Ann Zed"), ("Bob", "Bob Young"), ("Cat", "Cat Xavier"), ("Dev", "Dev Wong")]
    ):
        _add(store, title, name, hours_ago)


def _titles(app: PhbApp) -> list[str]:
    table = app.screen.query_one("#plans", DataTable)
    return [str(table.get_row_at(n)[0]) for n in range(table.row_count)]


def _highlighted(app: PhbApp) -> str:
    """The title of the highlighted plan, the one Enter opens."""
    table = app.screen.query_one("#plans", DataTable)
    return str(table.get_row_at(table.cursor_row)[0])


async def _go_to(app: PhbApp, pilot: Pilot[None], title: str) -> None:
    """Move the highlight down to the plan with this title."""
    for _ in range(len(_titles(app))):
        if _highlighted(app) == title:
            return
        await pilot.press("down")
    assert _highlighted(app) == title


def _footer(app: PhbApp) -> str:
    """The footer's lines: at 80 columns its keys take two."""
    return " ".join(line for line in screen_text(app).splitlines() if "Enter Open" in line or "Ctrl+Q Quit" in line)


# --- 1. The highlight stays on the plan ------------------------------------------------------------


async def test_after_a_rename_the_highlight_stays_on_the_renamed_plan(store: PlanStore) -> None:
    _clients(store)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _go_to(app, pilot, "Cat")
        await pilot.press("r")
        await pilot.press(*["backspace"] * 3, *keys("Cathy"), "enter")
        await pilot.pause()
        assert _titles(app) == ["Ann", "Bob", "Cathy", "Dev"]
        assert _highlighted(app) == "Cathy"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen) and app.screen.plan.title == "Cathy"


async def test_coming_back_from_a_plan_the_highlight_is_on_it_and_enter_opens_it_again(store: PlanStore) -> None:
    _clients(store)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _go_to(app, pilot, "Cat")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert _highlighted(app) == "Cat"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen) and app.screen.plan.title == "Cat"


async def test_coming_back_from_a_plan_opened_by_name_the_highlight_is_on_it(store: PlanStore) -> None:
    _clients(store)
    opened = store.open(store.plans_dir / "dev.toml")
    app = PhbApp(store, opened, keys_file=store.data_dir / "no-keys.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert _highlighted(app) == "Dev"


async def test_after_a_delete_the_highlight_goes_to_the_plan_beside_it(store: PlanStore) -> None:
    _clients(store)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _go_to(app, pilot, "Bob")
        await pilot.press("delete", "y")
        await pilot.pause()
        assert _titles(app) == ["Ann", "Cat", "Dev"]
        assert _highlighted(app) == "Cat"  # The next one, moved up into its place.
        await _go_to(app, pilot, "Dev")
        await pilot.press("delete", "y")
        await pilot.pause()
        assert _highlighted(app) == "Cat"  # The last one went: the one above it.


# --- 2. Finding a plan ------------------------------------------------------------------------------


async def test_the_find_key_searches_titles_and_names_and_enter_opens_what_is_found(store: PlanStore) -> None:
    _clients(store)
    _add(store, "Siobhán's plan", "Siobhán O'Neill", hours_ago=9)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*keys("xavier"))  # The person's name, in any case.
        await pilot.pause()
        assert _titles(app) == ["Cat"]
        assert '1 of 5 plans match "xavier"' in screen_text(app)
        await pilot.press(*["backspace"] * 6, *keys("siobhans"))  # No accent, no apostrophe.
        await pilot.pause()
        assert _titles(app) == ["Siobhán's plan"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen) and app.screen.plan.title == "Siobhán's plan"


async def test_letters_typed_in_the_search_box_are_words_not_actions(store: PlanStore) -> None:
    _clients(store)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *keys("nrcsot"))  # New, rename, copy, sample, sort, restore.
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert app.screen.query_one("#find", Input).value == "nrcsot"
        assert "No plan matches" in screen_text(app)


async def test_esc_clears_the_search_and_the_highlight_stays_on_the_plan_found(store: PlanStore) -> None:
    _clients(store)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *keys("o"))  # Bob Young, Dev Wong.
        await pilot.pause()
        assert _titles(app) == ["Bob", "Dev"]
        await pilot.press("down")  # Up and Down move the highlight from the search box.
        assert _highlighted(app) == "Dev"
        await pilot.press("escape")
        await pilot.pause()
        assert _titles(app) == ["Ann", "Bob", "Cat", "Dev"]
        assert _highlighted(app) == "Dev"
        assert app.screen.query_one("#find", Input).value == ""
        assert isinstance(app.focused, DataTable)  # Letters are actions again.


# --- 3. Sorting -------------------------------------------------------------------------------------


async def test_the_sort_key_cycles_name_next_review_and_last_saved_and_says_which(store: PlanStore) -> None:
    _add(store, "Zoe's plan", "Zoe Adams", hours_ago=0, review=date(2027, 3, 1))
    _add(store, "Mo's plan", "Mo Brown", hours_ago=1)
    _add(store, "Al's plan", "Al Chen", hours_ago=2, review=date(2027, 1, 5))
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Sorted by last saved, newest first" in screen_text(app)
        await _go_to(app, pilot, "Mo's plan")
        await pilot.press("o")
        await pilot.pause()
        assert _titles(app) == ["Al's plan", "Mo's plan", "Zoe's plan"]
        assert "Sorted by name, A to Z" in screen_text(app)
        assert _highlighted(app) == "Mo's plan"  # The same plan, wherever it moved to.
        await pilot.press("o")
        await pilot.pause()
        assert _titles(app) == ["Al's plan", "Zoe's plan", "Mo's plan"]  # No review date: last.
        assert "Sorted by next review, soonest first" in screen_text(app)
        assert _highlighted(app) == "Mo's plan"
        await pilot.press("o")
        await pilot.pause()
        assert _titles(app) == ["Zoe's plan", "Mo's plan", "Al's plan"]


# --- 4. and 8. Columns at 80x24 and 200x60 ---------------------------------------------------------


async def test_at_80_columns_money_and_dates_are_whole_and_text_gives_way(store: PlanStore, example_plan: Plan) -> None:
    example_plan.title = "Daniel's continuing healthcare plan, agreed with the ICB for 2026 to 2027"
    example_plan.person.name = "Daniel Alexander Montgomery-Price"
    opened = store.add(example_plan)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        header = next(line for line in text.splitlines() if "Title" in line)
        assert header.split() == ["Title", "Person", "Budget", "Ready", "Next", "review", "Last", "saved"]
        row = next(line for line in text.splitlines() if "£52,000.00/yr" in line)
        saved = PlanRow(opened.path.name, updated=example_plan.updated.isoformat()).saved_briefly()
        assert row.rstrip().endswith(saved)  # Last saved, whole, at the right-hand edge.
        assert "26 Feb 2027" in row and "Daniel" in row
        assert max(len(line) for line in text.splitlines()) <= 80


async def test_the_columns_say_whose_plan_the_budget_how_ready_and_the_next_review(
    store: PlanStore, example_plan: Plan
) -> None:
    store.add(example_plan)
    _add(store, "Just started", hours_ago=100)
    app = _app(store)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        header = next(line for line in lines if "Title" in line)
        for heading in ("Person", "Stage", "Budget", "Planned", "Ready", "Next review", "Last saved"):
            assert heading in header  # At 200 columns there is room for every column.
        daniel = next(line for line in lines if line.strip().startswith("Daniel's plan 2026"))
        for shown in ("Daniel Price", "6 Plan written", "£52,000.00/yr", "£50,160.49/yr", "26 Feb 2027"):
            assert shown in daniel
        assert "2 Nov 2026" in daniel
        started = next(line for line in lines if line.strip().startswith("Just started"))
        assert "not given" in started and "not set" in started and " gaps " in started


async def test_a_file_that_cannot_be_opened_says_so_in_full_at_80_columns(store: PlanStore) -> None:
    _clients(store)
    (store.plans_dir / "a-client-whose-file-was-damaged.toml").write_text("title = ", encoding="utf-8")
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert _titles(app)[:4] == ["Ann", "Bob", "Cat", "Dev"]  # Whatever the order, it comes last.
        line = next(line for line in screen_text(app).splitlines() if "cannot open" in line)
        assert line.strip().startswith("a-client-")


# --- 5. Copying asks for the copy's name -----------------------------------------------------------


async def test_copy_asks_for_the_new_title_starting_from_the_old_one(store: PlanStore) -> None:
    _clients(store)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _go_to(app, pilot, "Cat")
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, TitleDialog)
        box = app.screen.query_one("#title", Input)
        assert box.value == "Cat (copy)" and box.cursor_position == len("Cat (copy)")
        await pilot.press("escape")  # Changing one's mind copies nothing.
        await pilot.pause()
        assert len(store.plan_paths()) == 4
        await pilot.press("c", *["backspace"] * len(" (copy)"), *keys(" for 2027"), "enter")
        await pilot.pause()
        assert _highlighted(app) == "Cat for 2027"  # The copy just made.
    assert store.open(store.plans_dir / "cat-for-2027.toml").plan.person.name == "Cat Xavier"


# --- 6. Putting a deleted plan back ----------------------------------------------------------------


async def test_a_deleted_plan_is_put_back_from_the_list_newest_deleted_first(store: PlanStore) -> None:
    _clients(store)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _go_to(app, pilot, "Bob")
        await pilot.press("delete", "y")
        await pilot.pause()
        await _go_to(app, pilot, "Dev")
        await pilot.press("delete", "y")
        await pilot.pause()
        assert "Restore" in _footer(app)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, DeletedPlansDialog)
        text = screen_text(app)
        assert text.index("Dev (Dev Wong), deleted") < text.index("Bob (Bob Young), deleted")
        await pilot.press("down", "enter")  # Bob, deleted before Dev.
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert _titles(app) == ["Ann", "Bob", "Cat"]
        assert _highlighted(app) == "Bob"
    assert (store.plans_dir / "bob.toml").is_file()
    assert [plan.title for plan in store.trashed_plans()] == ["Dev"]


async def test_restore_is_in_the_command_palette_and_never_replaces_a_plan(store: PlanStore) -> None:
    path = _add(store, "Ann", "Ann Zed")
    store.trash(path)
    _add(store, "Ann", "Another Ann")  # A new plan has taken the name since.
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*keys("restore"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DeletedPlansDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert sorted(_titles(app)) == ["Ann", "Ann"]
    assert store.open(store.plans_dir / "ann.toml").plan.person.name == "Another Ann"
    assert store.open(store.plans_dir / "ann-2.toml").plan.person.name == "Ann Zed"


async def test_with_nothing_in_the_trash_the_list_says_so(store: PlanStore) -> None:
    _clients(store)
    app = _app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert "no deleted plans" in " ".join(screen_text(app).split())


def test_the_store_lists_the_trash_newest_first_and_names_files_it_cannot_read(store: PlanStore) -> None:
    first, second = _add(store, "First", "Ann Zed"), _add(store, "Second")
    store.trash(first)
    store.trash(second)
    trash = store.data_dir / "trash"
    (trash / "20260101-090000-broken.toml").write_text("title = ", encoding="utf-8")
    (trash / "put-here-by-hand.toml").write_text("title = ", encoding="utf-8")
    listed = store.trashed_plans()
    assert [plan.title or plan.path.name for plan in listed][-2:] == [
        "20260101-090000-broken.toml",
        "put-here-by-hand.toml",
    ]
    assert {plan.title for plan in listed[:2]} == {"First", "Second"}
    assert listed[0].deleted is not None and listed[0].deleted >= listed[1].deleted  # type: ignore[operator]
    assert listed[-1].deleted is None
    assert next(plan for plan in listed if plan.title == "First").person == "Ann Zed"


def test_restoring_brings_the_backup_back_and_takes_its_turn_under_the_folder_lock(store: PlanStore) -> None:
    opened = store.create("Kept")
    store.save(opened)  # Now there is a backup too.
    trashed = store.trash(opened.path)
    done: list[Path] = []
    with folder_locked(store.plans_dir):  # Another window in the middle of a save.
        worker = threading.Thread(target=lambda: done.append(store.restore(trashed)))
        worker.start()
        time.sleep(0.3)
        assert not done and trashed.exists()  # Waiting its turn.
    worker.join(timeout=10)
    assert done == [store.plans_dir / "kept.toml"]
    assert (store.plans_dir / "kept.toml.bak").is_file() and not trashed.exists()
    assert store.open(done[0]).plan.title == "Kept"
    with pytest.raises(PlanNotFound):
        store.restore(trashed)  # Put back already, in another window.


def test_only_plans_in_the_trash_can_be_restored(store: PlanStore) -> None:
    path = _add(store, "Ann")
    with pytest.raises(PlanNotFound):
        store.restore(path)
    assert path.is_file()


# --- 7. Help and the footer ------------------------------------------------------------------------


async def test_f1_explains_every_key_of_the_list_and_the_footer_shows_them_all(store: PlanStore) -> None:
    _clients(store)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = _footer(app)
        for key in ("Enter Open", "N New", "R Rename", "C Copy", "Delete Remove", "T Restore", "/ Find"):
            assert key in footer, footer
        for key in ("O Sort", "S Sample", "F5 Refresh", "F1 Help", "Ctrl+Q Quit", "Ctrl+P"):
            assert key in footer, footer
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        help_text = app.screen.text
        for words in ("Enter**: open", "T**: put back", "/**: find", "O**: change the order", "F5**: read"):
            assert words in help_text, help_text
        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)


async def test_the_intro_counts_the_plans_and_names_the_help_key(store: PlanStore) -> None:
    _clients(store)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        intro = str(app.screen.query_one("#intro", Static).render())
        assert intro == "Your 4 plans. Enter opens the highlighted one; F1 explains every key."
