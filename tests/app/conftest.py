"""Pictures of the app that are the same on every run, however busy the machine."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

Snap = Callable[..., bool]


def steady_cursors(app: App[Any]) -> None:
    """Every box's cursor shown without blinking. A blinking cursor is drawn or not by the half
    second, so a picture taken on a busy machine would show it or not by chance."""
    for screen in app.screen_stack:
        for box in screen.query("Input, TextArea"):
            if isinstance(box, Input | TextArea):
                box.cursor_blink = False


@pytest.fixture
def snap_compare(snap_compare: Snap) -> Snap:
    """pytest-textual-snapshot's `snap_compare`, with the keys pressed first and the cursors steadied
    just before the picture is taken."""

    def compare(
        app: App[Any],
        press: Iterable[str] = (),
        run_before: Callable[[Pilot[Any]], Awaitable[None] | None] | None = None,
        **options: Any,
    ) -> bool:
        async def before(pilot: Pilot[Any]) -> None:
            if run_before is not None:
                result = run_before(pilot)
                if inspect.isawaitable(result):
                    await result
            await pilot.press(*press)
            await pilot.pause()
            steady_cursors(pilot.app)
            await pilot.pause()

        return snap_compare(app, run_before=before, **options)

    return compare
