"""`phb edit PLAN`: the plan in the person's own editor, checked before it is kept.

The editor here is a small Python script (given in EDITOR with its arguments, as people give
"code --wait"), which makes the changes one round of editing at a time and notes what it saw.
"""

from __future__ import annotations

import io
import json
import shlex
import socket
import sys
from pathlib import Path
from typing import Any

import pytest

from phb_tui.cli import main
from plan_store import Plan, PlanStore

EDITOR_SCRIPT = """
import json, os, pathlib, sys

draft = pathlib.Path(sys.argv[1])
notes = pathlib.Path(os.environ["TEST_EDITOR_NOTES"])
rounds = json.loads(os.environ["TEST_EDITOR_ROUNDS"])
seen = json.loads(notes.read_text()) if notes.exists() else []
this = rounds[len(seen)]
text = draft.read_text(encoding="utf-8")
seen.append({
    "draft": str(draft),
    "mode": draft.stat().st_mode & 0o777,
    "folder_mode": draft.parent.stat().st_mode & 0o777,
    "text": text,
    "markers": sorted(p.name for p in pathlib.Path(os.environ.get("TEST_PLANS_DIR", "/nowhere")).glob(".*.open")),
})
notes.write_text(json.dumps(seen))
for old, new in this.get("replace", []):
    assert old in text, old
    text = text.replace(old, new)
if this.get("replace"):
    draft.write_text(text, encoding="utf-8")
if this.get("meanwhile"):  # Another window saves the plan while this editor is open.
    plan = pathlib.Path(this["meanwhile"])
    plan.write_text(plan.read_text(encoding="utf-8") + "# saved in another window\\n", encoding="utf-8")
sys.exit(this.get("exit", 0))
"""

BUDGET = 'budget_amount = "52000.00"'


@pytest.fixture
def plan_file(store: PlanStore, example_plan: Plan) -> Path:
    return store.add(example_plan).path


class Editor:
    """Sets EDITOR to the script, one entry of `rounds` for each time the editor is opened."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
        self.script = tmp_path / "editor script.py"  # A space, so the command must be split with care.
        self.script.write_text(EDITOR_SCRIPT, encoding="utf-8")
        self.notes = tmp_path / "editor-notes.json"
        self.monkeypatch = monkeypatch
        monkeypatch.delenv("VISUAL", raising=False)
        monkeypatch.setenv("EDITOR", shlex.join([sys.executable, str(self.script)]))
        monkeypatch.setenv("TEST_EDITOR_NOTES", str(self.notes))

    def will(self, *rounds: dict[str, Any], answers: str = "") -> None:
        self.monkeypatch.setenv("TEST_EDITOR_ROUNDS", json.dumps(rounds))
        self.monkeypatch.setattr("sys.stdin", io.StringIO(answers))

    @property
    def seen(self) -> list[dict[str, Any]]:
        seen: list[dict[str, Any]] = json.loads(self.notes.read_text(encoding="utf-8"))
        return seen


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Editor:
    return Editor(tmp_path, monkeypatch)


def phb_edit(capsys: pytest.CaptureFixture[str], plan: str = "daniels-plan-2026") -> tuple[int, str, str]:
    status = main(["edit", plan])
    out, err = capsys.readouterr()
    return status, out, err


def kept_file(err: str) -> Path:
    return Path(err.split("is kept in ", 1)[1].split()[0].rstrip(".,"))


def test_unchanged_changes_nothing_and_the_private_draft_is_removed(
    capsys: pytest.CaptureFixture[str], store: PlanStore, plan_file: Path, editor: Editor
) -> None:
    before = plan_file.read_bytes()
    editor.will({})
    status, out, err = phb_edit(capsys)
    assert (status, err) == (0, "")
    assert out.startswith("No changes.")
    assert plan_file.read_bytes() == before
    assert not plan_file.with_name("daniels-plan-2026.toml.bak").exists()
    (seen,) = editor.seen
    draft = Path(seen["draft"])
    assert (seen["mode"], seen["folder_mode"]) == (0o600, 0o700)  # Only this person can read it.
    assert not draft.is_relative_to(store.plans_dir)  # Never in the plans folder, where it would be a plan.
    assert draft.is_relative_to(store.data_dir / "edits")  # Not the system's temporary folder, emptied at restart.
    assert not draft.parent.exists()  # Removed afterwards.
    header = seen["text"].splitlines()[:4]
    assert header[0] == '# Editing "Daniel\'s plan 2026" (daniels-plan-2026.toml).'
    assert "save this file and close the editor" in " ".join(header)
    assert "close the editor without changing anything" in seen["text"]
    assert BUDGET in seen["text"]


def test_a_good_edit_is_saved_and_the_previous_version_kept(
    capsys: pytest.CaptureFixture[str], store: PlanStore, plan_file: Path, editor: Editor
) -> None:
    before = plan_file.read_bytes()
    editor.will({"replace": [[BUDGET, 'budget_amount = "54000.00"'], ["revision = 14", "revision = 99"]]})
    status, out, err = phb_edit(capsys)
    assert (status, err) == (0, "")
    assert out == (
        'Saved "Daniel\'s plan 2026" (revision 15). The version before is kept as daniels-plan-2026.toml.bak.\n'
    )
    saved = store.open(plan_file).plan
    assert str(saved.finance.budget_amount) == "54000.00"
    assert saved.revision == 15  # Counted by the store; a number typed in the editor is not the plan's.
    assert plan_file.with_name("daniels-plan-2026.toml.bak").read_bytes() == before
    assert not Path(editor.seen[0]["draft"]).parent.exists()


def test_broken_toml_is_named_by_line_then_fixed_on_a_second_round(
    capsys: pytest.CaptureFixture[str], store: PlanStore, plan_file: Path, editor: Editor
) -> None:
    broken = 'budget_amount = "54000.00'  # The closing quote is missing.
    editor.will(
        {"replace": [[BUDGET, broken]]},
        {"replace": [[broken, 'budget_amount = "54000.00"']]},
        answers="\n",  # Enter: the default, yes.
    )
    status, out, err = phb_edit(capsys)
    assert status == 0
    line = next(n for n, text in enumerate(editor.seen[1]["text"].splitlines(), 1) if text.startswith(broken))
    assert err.startswith("There is a mistake in your changes, so nothing has been saved yet:\n")
    assert err.splitlines()[1].startswith(f"  line {line}, column ")  # The line as the editor numbers it.
    assert "this is not valid TOML" in err and err.count("\n") == 2
    assert out.startswith('Edit again? [Y/n] Saved "Daniel\'s plan 2026" (revision 15).')
    assert editor.seen[0]["draft"] == editor.seen[1]["draft"]  # The same text, mistake and all, to fix.
    assert str(store.open(plan_file).plan.finance.budget_amount) == "54000.00"


@pytest.mark.parametrize("answer", ["n\n", "No\n", ""])  # "" : nobody to answer, so no.
def test_a_mistake_refused_leaves_the_plan_unchanged_and_keeps_what_was_typed(
    capsys: pytest.CaptureFixture[str], store: PlanStore, plan_file: Path, editor: Editor, answer: str
) -> None:
    before = plan_file.read_bytes()
    editor.will({"replace": [['stage = "plan_written"', 'stage = "plan_writen"']]}, answers=answer)
    status, _out, err = phb_edit(capsys)
    assert status == 2
    assert "There is a mistake in your changes, so nothing has been saved yet:\n  this plan has 1 problem:\n" in err
    assert '  - stage: must be one of "finding_out"' in err  # The field, and what is allowed there.
    assert "The plan is unchanged. What you typed is kept in " in err and "so nothing is lost." in err
    assert plan_file.read_bytes() == before
    kept = kept_file(err)
    assert kept.parent == store.data_dir / "edits" and kept.stat().st_mode & 0o777 == 0o600
    assert 'stage = "plan_writen"' in kept.read_text(encoding="utf-8")
    assert sorted(path.name for path in store.plans_dir.iterdir()) == ["daniels-plan-2026.toml"]
    assert not Path(editor.seen[0]["draft"]).parent.exists()


def test_a_plan_changed_meanwhile_in_another_window_is_not_overwritten(
    capsys: pytest.CaptureFixture[str], store: PlanStore, plan_file: Path, editor: Editor
) -> None:
    editor.will({"replace": [[BUDGET, 'budget_amount = "54000.00"']], "meanwhile": str(plan_file)})
    status, out, err = phb_edit(capsys)
    assert (status, out) == (2, "")
    assert "was changed outside this window since it was opened" in err  # The store's own words.
    assert "# saved in another window" in plan_file.read_text(encoding="utf-8")
    assert BUDGET in plan_file.read_text(encoding="utf-8")
    kept = kept_file(err)
    assert 'budget_amount = "54000.00"' in kept.read_text(encoding="utf-8")
    assert f"To keep it as a plan of its own: phb import {kept}" in err
    assert main(["import", str(kept)]) == 0  # What was kept is a whole plan.


def test_an_editor_that_stops_with_an_error_saves_nothing_but_keeps_the_typing(
    capsys: pytest.CaptureFixture[str], plan_file: Path, editor: Editor
) -> None:
    before = plan_file.read_bytes()
    editor.will({"replace": [[BUDGET, 'budget_amount = "54000.00"']], "exit": 1})  # Like vi's :cq
    status, _out, err = phb_edit(capsys)
    assert status == 2
    assert "The editor stopped with an error (exit status 1), so nothing was saved." in err
    assert plan_file.read_bytes() == before
    assert 'budget_amount = "54000.00"' in kept_file(err).read_text(encoding="utf-8")


def test_no_editor_at_all_is_explained(
    capsys: pytest.CaptureFixture[str], plan_file: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    status, out, err = phb_edit(capsys)
    assert (status, out) == (2, "")
    assert err.startswith("phb: No text editor was found. Set EDITOR to the editor you use, for example: EDITOR=nano")


def test_an_editor_that_cannot_start_is_named(
    capsys: pytest.CaptureFixture[str], plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "no-such-editor --wait")
    before = plan_file.read_bytes()
    status, out, err = phb_edit(capsys)
    assert (status, out) == (2, "")
    assert err == (
        'phb: Could not start the editor "no-such-editor --wait" (from EDITOR): there is no such program. '
        "Set EDITOR to the editor you use, for example: EDITOR=nano\n"
    )
    assert plan_file.read_bytes() == before


def test_visual_comes_before_editor(
    capsys: pytest.CaptureFixture[str], plan_file: Path, editor: Editor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", shlex.join([sys.executable, str(editor.script)]))
    monkeypatch.setenv("EDITOR", "no-such-editor")
    editor.will({})
    assert phb_edit(capsys)[0] == 0


def test_a_plan_open_in_another_window_is_edited_with_a_warning_and_marked_meanwhile(
    capsys: pytest.CaptureFixture[str], plan_file: Path, editor: Editor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEST_PLANS_DIR", str(plan_file.parent))
    other = plan_file.with_name(f".{plan_file.name}.0123abcd.open")  # The app's marker, from a window still open.
    other.write_text(
        f'process = 1\nhost = "{socket.gethostname()}"\nsince = 2026-11-24T09:30:00+00:00\n', encoding="utf-8"
    )
    editor.will({"replace": [[BUDGET, 'budget_amount = "54000.00"']]})
    status, out, err = phb_edit(capsys)
    assert status == 0 and out.startswith("Saved")
    assert err.startswith("phb: warning: this plan is also open in another window (since ")
    assert "your changes here will not be saved over it: they will be kept for you." in err
    assert len(editor.seen[0]["markers"]) == 2  # While editing, a window opening the plan is warned too.
    assert sorted(path.name for path in plan_file.parent.glob(".*.open")) == [other.name]  # Ours is gone.
