"""Nothing a terminal can send stops the app: bytes that are not UTF-8, stray and unknown escape
sequences, and half a character (a lone surrogate) pasted in. The app keeps running, says what
happened, and the plan opens again afterwards; a rescue copy is written whatever the plan holds."""

from __future__ import annotations

import os
import random

import pytest
from textual.widgets import Input, TextArea

from phb_tui.app import PhbApp
from phb_tui.planning.steps import Step
from plan_store import Plan, PlanStore

from ..app.helpers import paste, screen_text
from .terminal import phb_in_terminal

SAFE_ESCAPES = [
    b"\x1b[A",  # Up
    b"\x1b[D",  # Left
    b"\x1b[99~",  # A key no terminal has
    b"\x1b[<0;200;300M",  # A mouse press outside the screen
    b"\x1b]2;PWNED\x07",  # A title change, sent back as if typed
    b"\x1b[1;2;3;4;5;6;7;8;9;10;11;12R",
    b"\x1bO",
    b"\x1b[",
]
"""Escape sequences a noisy line or a confused terminal may send. Keys that quit, save elsewhere,
or leave the plan are left out: the test is that noise cannot stop the app, not that Quit works."""

BROKEN_UTF8 = [b"\xff", b"\xfe\xfe", b"\xc3", b"\xe2\x82", b"\x80\x81", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80"]


def noise(rng: random.Random, length: int) -> bytes:
    """Letters, broken UTF-8, escape sequences and pastes of half a character, in a random order."""
    parts: list[bytes] = []
    while sum(map(len, parts)) < length:
        kind = rng.randrange(5)
        if kind == 0:
            parts.append(rng.choice(BROKEN_UTF8))
        elif kind == 1:
            parts.append(rng.choice(SAFE_ESCAPES))
        elif kind == 2:  # A bracketed paste holding a surrogate written as UTF-8 would write it.
            parts.append(b"\x1b[200~ab\xed\xb2\x80cd\x1b[201~")
        else:
            parts.append(
                bytes(rng.choice(b"abcdefghij klmnopqrstuvwxyz0123456789") for _ in range(rng.randrange(1, 6)))
            )
    return b"".join(parts)


@pytest.mark.skipif(os.name != "posix", reason="needs a POSIX pseudo-terminal")
@pytest.mark.parametrize("seed", range(3))
def test_random_bytes_from_the_terminal_never_stop_the_app(seed: int, store: PlanStore) -> None:
    opened = store.create("Noisy line")
    rng = random.Random(seed)
    with phb_in_terminal("open", opened.slug, data_dir=store.data_dir) as terminal:
        terminal.wait_for_words("Quit")
        terminal.settle()
        start = len(terminal.output)
        for field in range(4):  # Full name, preferred name, date of birth, NHS number, in turn.
            terminal.send(noise(rng, 300))
            terminal.settle()
            assert terminal.alive(), terminal.text()[-2000:]
            if field < 3:
                terminal.send("\t")
        assert "Something your terminal sent" in terminal.text_since(start)  # The notice, by its title.
        assert "Traceback" not in terminal.text()
        terminal.send("\x13")  # Ctrl+S: whatever the boxes hold, the plan is saved or the reason shown.
        terminal.settle()
        assert terminal.alive()
    assert store.open(opened.path).plan.title == "Noisy line"


SURROGATE = "Ann \ud83d Smith"
"""Half of an emoji: what a paste through a faulty clipboard or a browser can deliver."""


@pytest.mark.parametrize("step", [Step.GET_INFORMED, Step.OUTCOMES])
async def test_half_a_character_pasted_into_any_box_is_refused_and_the_plan_still_saves(
    step: Step, store: PlanStore
) -> None:
    opened = store.create("Pasted")
    app = PhbApp(store, store.open(opened.path), autosave_seconds=3600, keys_file=store.data_dir / "none.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.show_step(step)
        await pilot.pause()
        boxes = [w for w in app.screen.query("Input, TextArea") if isinstance(w, Input | TextArea) and w.id]
        assert boxes
        for box in boxes:
            box.focus()
            await pilot.pause()
            await paste(pilot, SURROGATE)
        await pilot.press("tab")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Not saved" in screen_text(app)
        assert app.is_running
    assert store.open(opened.path).plan.title == "Pasted"


def test_a_rescue_copy_is_written_whatever_the_plan_holds(store: PlanStore) -> None:
    opened = store.create("Faulty")
    # As a fault might leave it: half a character in the plan, past the rules.
    opened.plan.__dict__["contingency_plan"] = SURROGATE
    rescued = store.rescue(opened)
    again: Plan = store.open(rescued.path).plan
    assert again.contingency_plan == "Ann ? Smith"
