"""Closing the terminal window, or the computer asking PHB Planner to stop, never loses typing:
what is typed is taken in and saved first, even in a box the person has not left."""

from __future__ import annotations

import os
import signal

import pytest

from phb_tui.app import PhbApp
from plan_store import PlanStore

from ..app.helpers import keys, screen_text


@pytest.mark.skipif(os.name != "posix", reason="SIGHUP and SIGTERM are POSIX signals")
@pytest.mark.parametrize("stop", [signal.SIGHUP, signal.SIGTERM])
async def test_typing_not_yet_left_is_saved_when_the_terminal_closes(stop: signal.Signals, store: PlanStore) -> None:
    opened = store.create("Closed terminal")
    app = PhbApp(store, store.open(opened.path), autosave_seconds=3600, keys_file=store.data_dir / "none.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#field-icb_name").focus()
        await pilot.press(*keys("NHS Devon"))  # Typed, and the box not left: in the plan, not yet on disk.
        assert "Saving soon" in screen_text(app)
        os.kill(os.getpid(), stop)
        await pilot.pause()
        await pilot.pause()
    assert store.open(opened.path).plan.icb_name == "NHS Devon"
    assert app.return_code == 0


async def test_moving_on_without_leaving_the_box_still_saves(store: PlanStore) -> None:
    opened = store.create("Next without tab")
    app = PhbApp(store, store.open(opened.path), autosave_seconds=0, keys_file=store.data_dir / "none.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#field-icb_name").focus()
        await pilot.press(*keys("NHS Devon"), "f8")  # Straight on to the next step.
        await pilot.pause()
        assert store.open(opened.path).plan.icb_name == "NHS Devon"
        assert "All changes saved" in screen_text(app)
