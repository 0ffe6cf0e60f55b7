"""A file name can hold anything a file system allows: escape sequences that retitle or recolour
the terminal, line breaks that would forge a line in a report. Every list, report and widget
shows such a name with its codes as visible escapes, on one line, and the terminal never obeys it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from phb_tui.shell.plan_list import SAMPLE_PLAN
from plan_store import PlanStore

from ..conftest import run_phb
from .terminal import phb_in_terminal

RETITLE = "e\x1b]2;PWNED\x07"
"""Sets the terminal window's title to PWNED, if printed as it is."""
FORGED = "two\nFORGED: ready"
"""Starts a line of its own, if printed as it is."""

pytestmark = pytest.mark.skipif(os.name != "posix", reason="such file names are POSIX ones")


def _hostile_plans(store: PlanStore) -> None:
    store.plans_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLE_PLAN, store.plans_dir / f"{RETITLE}.toml")  # Opens: listed by its title.
    shutil.copy(SAMPLE_PLAN, store.plans_dir / f"{FORGED}.toml")
    (store.plans_dir / f"{RETITLE}broken.toml").write_text("title = \n", encoding="utf-8")  # Listed by file name.
    (store.plans_dir / f"{FORGED} broken.toml").write_text("title = \n", encoding="utf-8")


@pytest.mark.parametrize("command", [["list"], ["check", "--all"], ["reviews"]])
def test_commands_show_hostile_file_names_escaped_and_on_one_line(command: list[str], store: PlanStore) -> None:
    _hostile_plans(store)
    result = run_phb(*command, data_dir=store.data_dir)
    printed = result.stdout + result.stderr
    assert "\x1b" not in printed and "\x07" not in printed
    assert not any(line.startswith("FORGED") for line in printed.splitlines()), printed


def test_the_list_of_plans_in_the_app_never_sends_a_file_name_to_the_terminal(store: PlanStore) -> None:
    _hostile_plans(store)
    with phb_in_terminal(data_dir=store.data_dir) as terminal:
        terminal.wait_for_words("Quit")
        terminal.settle()
        terminal.send("\x1b[B\x1b[B\x1b[B")  # Down the list, so each row is shown in full beside it.
        terminal.settle()
        assert terminal.alive()
    drawn = bytes(terminal.output)
    assert b"PWNED\x07" not in drawn and b"\x1b]2;PWNED" not in drawn
    assert b"PWNED" in drawn  # Shown, as an escape, not hidden.


def test_a_plan_path_given_on_the_command_line_is_shown_escaped(tmp_path: Path, store: PlanStore) -> None:
    hostile = tmp_path / f"{RETITLE}.toml"
    hostile.write_text("title = \n", encoding="utf-8")
    result = run_phb("check", str(hostile), data_dir=store.data_dir)
    assert "\x1b" not in result.stdout + result.stderr
