"""A hard stop (kill -9, a crash, a flat battery) once the status line says "All changes saved"
loses nothing, whichever kind of field was typed in and though the person never left it.

The real `phb` runs in a pseudo-terminal; keys go in as a terminal sends them; the process is
killed with SIGKILL, which gives it no chance to save on the way out; then the plan is read back.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest

from plan_store import Plan, PlanStore

from .terminal import phb_in_terminal

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs a POSIX pseudo-terminal and SIGKILL")

TAB, NEXT_STEP = "\t", "\x1b[19~"  # What a terminal sends for Tab and F8.


@dataclass(frozen=True)
class Typing:
    keys_there: list[str]
    """Keys that move from the first field of step 1 to the field."""
    typed: str
    kept: Callable[[Plan], bool]


KINDS = {
    "one line (Full name)": Typing([], "Ann Example", lambda plan: plan.person.name == "Ann Example"),
    "date (Date of birth)": Typing(
        [TAB, TAB], "01/02/1960", lambda plan: str(plan.person.date_of_birth) == "1960-02-01"
    ),
    "long text (About me)": Typing(
        [NEXT_STEP], "Her garden and her dog", lambda plan: "Her garden and her dog" in plan.about_me.like_and_admire
    ),
    "money (Budget)": Typing([NEXT_STEP] * 4, "12000", lambda plan: plan.finance.budget_amount == Decimal("12000")),
    "tick box (Keep this private)": Typing(
        [NEXT_STEP, *[TAB] * 7], " ", lambda plan: plan.about_me.family_view.private is True
    ),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_killed_once_the_status_says_saved_nothing_typed_is_lost(kind: str, store: PlanStore) -> None:
    case = KINDS[kind]
    opened = store.create("Hard stop")
    with phb_in_terminal("open", opened.slug, data_dir=store.data_dir) as terminal:
        terminal.wait_for_words("Quit")  # The footer: the step is drawn.
        terminal.settle()
        for key in case.keys_there:
            terminal.send(key)
            terminal.settle()
        start = len(terminal.output)
        terminal.send(case.typed)
        typed_at = time.monotonic()
        terminal.wait_for(
            lambda: "All changes saved at" in terminal.text_since(start), within=20, what="the status to say saved"
        )
        # Within about a second of the last key, though the box was never left.
        assert time.monotonic() - typed_at < 2.0
        terminal.kill()
    plan = store.open(opened.path).plan
    assert case.kept(plan), plan
