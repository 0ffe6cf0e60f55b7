"""Driving the app as a person does: open a plan, move between steps, type into fields."""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea

from phb_tui.app import PhbApp
from phb_tui.planning.steps import Step
from plan_store import Plan, PlanStore


@asynccontextmanager
async def plan_open_at(
    store: PlanStore, plan: Plan | None = None, step: Step = Step.GET_INFORMED, size: tuple[int, int] = (80, 24)
) -> AsyncIterator[tuple[PhbApp, Pilot[None], Path]]:
    """The app opened on a saved plan (a new blank one by default), showing `step`."""
    opened = store.add(plan) if plan is not None else store.create("Test plan")
    app = PhbApp(
        store,
        store.open(opened.path),
        autosave_seconds=3600,
        keys_file=store.data_dir / "no-keys.toml",
        first_step=step,  # Straight there: building step 1's screen on the way cost most of a second.
    )
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.current_step == step
        yield app, pilot, opened.path


async def until(pilot: Pilot[Any], condition: Callable[[], bool], what: str, turns: int = 1000) -> None:
    """Let the app work until `condition` holds, or fail naming `what`.

    On a busy machine a new screen, a dialog or a footer can take many turns of the event loop to
    appear; counting turns rather than seconds keeps a test from depending on the machine's speed.
    """
    for _ in range(turns):
        if condition():
            return
        await pilot.pause()
    raise AssertionError(f"never happened: {what}")


def saved(store: PlanStore, path: Path) -> Plan:
    """What is on disk now, read back through the store as a fresh program would."""
    return store.open(path).plan


async def fill(pilot: Pilot[None], selector: str, text: str, pasted: bool = False) -> None:
    """Focus a field, replace what is in it, then leave it (as Tab would).

    Typed key by key, so every keystroke goes through the field as a person's would; or pasted,
    which is quicker for tests that fill in a whole plan.
    """
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    await pilot.pause()
    if isinstance(widget, Input):
        widget.value = ""
    elif isinstance(widget, TextArea):
        widget.clear()
    if pasted:
        await paste(pilot, text)
    else:
        await pilot.press(*keys(text))
    await pilot.press("tab")
    await pilot.pause()


async def choose(pilot: Pilot[None], selector: str, value: str) -> None:
    """Pick an option in a choice box, as opening it and choosing would."""
    pilot.app.screen.query_one(selector, Select).value = value
    await pilot.pause()


def error_text(app: PhbApp, field: str) -> str:
    errors = app.screen.query(f"#error-{field}")
    return str(errors.first().render()) if errors else ""  # A field never refused has no error line.


def screen_text(app: PhbApp) -> str:
    """The words painted on the terminal, taken from Textual's own screenshot."""
    svg = app.export_screenshot()
    body = svg[svg.index("<g class") :] if "<g class" in svg else svg
    return html.unescape(re.sub(r"<[^>]+>", "", body)).replace("\xa0", " ")


def keys(text: str) -> list[str]:
    """Key presses that type `text`."""
    return ["space" if char == " " else char for char in text]


async def paste(pilot: Pilot[None], text: str) -> None:
    """Paste into the focused field, as a person pasting from another document does.

    The terminal delivers a paste to the app, which passes it to the focused field.
    """
    assert pilot.app.focused is not None, "nothing has focus to paste into"
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
