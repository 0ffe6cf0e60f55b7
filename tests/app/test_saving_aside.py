"""A long plan is written out beside the app after each pause in typing, and nothing is lost or
said to be saved before it is on disk."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from phb_tui import background
from phb_tui.app import PhbApp
from plan_store import PlanStore
from plan_store.store import PendingSave

from .helpers import fill, saved, screen_text


@asynccontextmanager
async def _first_save_held(
    store: PlanStore, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[PhbApp, Pilot[None], Path, threading.Event, threading.Event]]:
    """The app on a new plan written out aside, as a long one is, with a name typed and its save
    held half way until `release` is set; `second` is set when another save begins writing."""
    monkeypatch.setattr(background, "ASIDE_FROM", 0)
    opened = store.create("Autosave aside")
    entered = [threading.Event(), threading.Event()]
    release = threading.Event()
    write = store.write_prepared

    def held(pending: PendingSave) -> str:
        entered[min(sum(event.is_set() for event in entered), 1)].set()
        release.wait(timeout=60)
        return write(pending)

    monkeypatch.setattr(store, "write_prepared", held)
    app = PhbApp(store, store.open(opened.path), autosave_seconds=0.01, keys_file=store.data_dir / "no-keys.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await fill(pilot, "#field-name", "Amira")
        assert await asyncio.to_thread(entered[0].wait, 60)
        yield app, pilot, opened.path, entered[1], release


async def test_an_edit_made_while_a_save_is_written_is_saved_after_it(
    store: PlanStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with _first_save_held(store, monkeypatch) as (app, pilot, path, second, release):
        assert saved(store, path).person.name == ""
        assert "All changes saved" not in screen_text(app)  # Not on disk yet, so not said to be.
        await fill(pilot, "#field-name", "Amira Khan")  # While the first save is being written.
        release.set()
        assert await asyncio.to_thread(second.wait, 60)  # The edit made a save of its own.
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert saved(store, path).person.name == "Amira Khan"
        assert app.session is not None and not app.session.unsaved
        assert "All changes saved" in screen_text(app)


async def test_quitting_while_a_save_is_written_waits_for_it_and_saves_the_rest(
    store: PlanStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with _first_save_held(store, monkeypatch) as (app, pilot, path, _second, release):
        app.screen.query_one("#field-name").focus()
        await pilot.press("end", "space", "K")  # Typed, not yet left, as the person quits.
        threading.Timer(0.05, release.set).start()  # The write ends while quitting waits for it.
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert saved(store, path).person.name == "Amira K"
