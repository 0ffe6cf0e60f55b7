"""`phb edit`: change a plan as text in the person's own editor, checked before anything is kept.

Like `crontab -e` or `git commit`: the plan is written to a private draft (in a folder of its own
that only this person can open, in the data folder's `edits/`, never in the plans folder), the
editor opens it, and when the editor closes the text is read back with the store's own reader,
which refuses anything but an ordinary file (a pipe would make it wait for ever). Unchanged text
changes nothing. A mistake is named (the line for TOML, the field for a wrong value) and the person is
asked whether to edit again; a broken plan is never saved. The save goes through the store on the
plan as it was opened, so a change made meanwhile in another window is never overwritten. Whenever
edited text cannot be saved, it is kept in the data folder's `edits/` folder, so nothing typed is lost.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from plan_store import AlreadyExists, OpenPlan, Plan, PlanError, PlanFileError, PlanStore, clock, visible
from plan_store.codec import plan_from_toml, plan_to_toml
from plan_store.open_marks import clear_mark, mark_open, open_elsewhere
from plan_store.plan_files import read_plan_bytes
from plan_store.safe_files import ensure_private_folder, write_new_file

EDITOR_VARIABLES = ("VISUAL", "EDITOR")
EDITORS_TO_TRY = ("nano", "vi", *(("notepad",) if os.name == "nt" else ()))
EDITS_FOLDER = "edits"
"""In the data folder: edited text that could not be saved, kept for the person."""

SAVED = 0
NOT_SAVED = 2

_QUICK = 1.0
"""An editor that returns sooner than this, with nothing changed, probably did not wait for the person."""

HEADER = """\
# Editing "{title}" ({file}).
# To keep your changes: save this file and close the editor.
# PHB Planner checks them first, and keeps nothing until they are right.
# To cancel: close the editor without changing anything.
# Lines that start with # are notes like these, and are ignored.
#
"""


def editor_command() -> tuple[list[str], str]:
    """The editor to run, as a program and its arguments, and where that choice came from.

    $VISUAL, then $EDITOR, split into words as a shell would (as git does), so "code --wait"
    works; then the first of nano and vi that is installed.
    """
    for variable in EDITOR_VARIABLES:
        value = os.environ.get(variable, "").strip()
        if not value:
            continue
        try:
            words = shlex.split(value, posix=os.name != "nt")
        except ValueError:
            raise PlanError(
                f"{variable} is set to {visible(value)!r}, which cannot be read as a command (a quote is not "
                f"closed). Set it to the editor you use, for example: {variable}=nano"
            ) from None
        if words:
            return words, variable
    for name in EDITORS_TO_TRY:
        if found := shutil.which(name):
            return [found], name
    raise PlanError(
        "No text editor was found. Set EDITOR to the editor you use, for example: "
        "EDITOR=nano phb edit PLAN (or read the plan without editing it: phb show PLAN --plain)."
    )


def edit_plan(store: PlanStore, opened: OpenPlan, ask: Callable[[str], str] = input) -> int:
    """Run the editor until the plan is saved, left unchanged, or the person stops; the exit status."""
    command, source = editor_command()
    if other := open_elsewhere(opened.path):
        since = f"{other.since.astimezone():%H:%M}"
        _problem(
            f"phb: warning: this plan is also open in another window (since {since}). If that window saves "
            "first, your changes here will not be saved over it: they will be kept for you."
        )
    edit = _Edit(store, opened)
    marker = mark_open(opened.path)  # So a window opening the plan meanwhile is warned.
    try:
        return edit.run(command, source, ask)
    finally:
        clear_mark(marker)
        edit.close()


class _Edit:
    """One `phb edit`: the private draft, and what to do with the text the person typed."""

    def __init__(self, store: PlanStore, opened: OpenPlan):
        self.store = store
        self.opened = opened
        title, file = visible(opened.plan.title), visible(opened.path.name)
        self.original = HEADER.format(title=title, file=file) + plan_to_toml(opened.plan)
        # In the data folder, not the system's temporary folder, which is emptied at a restart: a
        # draft left by a kill, or kept because it is not UTF-8, is still there afterwards.
        drafts = ensure_private_folder(store.data_dir / EDITS_FOLDER)
        self.folder = Path(tempfile.mkdtemp(prefix=".draft-", dir=drafts))  # Only this person can open it (0700).
        self.draft = self.folder / opened.path.name
        self.keep_folder = False

    def run(self, command: list[str], source: str, ask: Callable[[str], str]) -> int:
        try:
            write_new_file(self.draft, self.original.encode("utf-8"))  # This person's only (0600).
            while True:
                started = time.monotonic()
                status = _run_editor(command, source, self.draft)
                if status != 0:
                    _problem(f"The editor stopped with an error (exit status {status}), so nothing was saved.")
                    return self.stop()
                edited = self.read_back()
                if edited is None:
                    print("No changes." + (_wait_hint(command) if time.monotonic() - started < _QUICK else ""))
                    return SAVED
                if isinstance(edited, Plan):
                    return self.save(edited)
                _problem(f"There is a mistake in your changes, so nothing has been saved yet:\n{edited}")
                if not _yes(ask, "Edit again? [Y/n] "):
                    return self.stop()
        except BaseException as stopped:  # Ctrl+C, or the editor would not start again: keep the typing.
            if isinstance(stopped, KeyboardInterrupt):
                _problem("")  # Off the line of the question, where the terminal echoed ^C.
            if kept := self.keep_if_changed():
                _problem(f"The plan is unchanged. What you typed is kept in {kept}.")
            raise

    def read_back(self) -> Plan | str | None:
        """The edited plan; None if the text is as it was; otherwise what is wrong with it, in words."""
        data = _read_draft(self.draft)
        if data == self.original.encode("utf-8"):
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            return f"  the file is not UTF-8 text (unreadable byte at position {error.start + 1}); save it as UTF-8"
        try:
            return plan_from_toml(text, self.opened.path)  # The store's own reader and its messages.
        except PlanFileError as error:
            return visible("\n".join([f"  {error.summary}", *(f"  - {problem}" for problem in error.problems)]))

    def save(self, edited: Plan) -> int:
        opened = self.opened
        before = opened.plan
        # The store counts saves itself: a revision or time typed in the editor is not the plan's own.
        edited.revision, edited.updated = before.revision, before.updated
        if edited == before:
            print("No changes to the plan itself.")
            return SAVED
        opened.plan = edited
        try:
            self.store.save(opened)
        except PlanError as error:  # Changed in another window meanwhile, a full disk, far too large...
            opened.plan = before
            _problem(visible(str(error)))
            kept = self.keep_if_changed()
            _problem(f"Your edited text is kept in {kept}. To keep it as a plan of its own: phb import {kept}")
            return NOT_SAVED
        print(
            f'Saved "{visible(edited.title)}" (revision {edited.revision}). '
            f"The version before is kept as {opened.backup_path.name}."
        )
        if edited.title != before.title:
            print(f"The title changed; the file keeps its name, {opened.path.name}.")
        return SAVED

    def stop(self) -> int:
        """Nothing saved: say so, and where what was typed is kept."""
        kept = self.keep_if_changed()
        _problem(
            f"The plan is unchanged. What you typed is kept in {kept}, so nothing is lost."
            if kept
            else "The plan is unchanged."
        )
        return NOT_SAVED

    def keep_if_changed(self) -> Path | None:
        """Where the typing is kept, if the draft differs from what the editor was given."""
        if self.keep_folder:
            return self.draft
        try:
            # Never a plain read: an editor that put a pipe in the draft's place would hang it.
            data = read_plan_bytes(self.draft)
        except PlanError:
            return None
        if data == self.original.encode("utf-8"):
            return None
        try:
            return self.keep(data.decode("utf-8"))
        except UnicodeDecodeError:
            return self.keep_draft()

    def keep(self, text: str) -> Path:
        """Text that was not saved, in the data folder's `edits/`; else the draft, left where it is."""
        folder = self.store.data_dir / EDITS_FOLDER
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        with contextlib.suppress(OSError, PlanError):
            ensure_private_folder(self.store.data_dir)
            ensure_private_folder(folder)
            for number in range(1, 100):
                path = folder / f"{self.opened.slug}-edited-{stamp}{'' if number == 1 else f'-{number}'}.toml"
                with contextlib.suppress(AlreadyExists):
                    self.store.export(path, text)
                    return path
        return self.keep_draft()

    def keep_draft(self) -> Path:
        """The draft itself, which holds exactly what was typed, left in its private folder."""
        self.keep_folder = True
        return self.draft

    def close(self) -> None:
        if not self.keep_folder:
            shutil.rmtree(self.folder, ignore_errors=True)


def _run_editor(command: list[str], source: str, draft: Path) -> int:
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        process = subprocess.Popen([*command, str(draft)])
    except OSError as error:
        reason = "there is no such program" if isinstance(error, FileNotFoundError) else error.strerror or str(error)
        raise PlanError(
            f'Could not start the editor "{visible(shlex.join(command))}" (from {source}): {reason}. Set EDITOR to '
            "the editor you use, for example: EDITOR=nano"
        ) from None
    with _interrupts_go_to_the_editor():
        return process.wait()


@contextlib.contextmanager
def _interrupts_go_to_the_editor() -> Iterator[None]:
    """Ctrl+C while the editor is open is the editor's to handle, as git does: it must not end
    PHB Planner and leave the editor, and what is typed in it, behind."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _read_draft(draft: Path) -> bytes:
    try:
        return read_plan_bytes(draft)
    except PlanFileError as error:  # The editor removed it, or made it far too large to be a plan.
        raise PlanError(f"The edited copy could not be read back ({error.summary}), so nothing was saved.") from None


def _yes(ask: Callable[[str], str], question: str) -> bool:
    try:
        answer = ask(question)
    except EOFError:  # Nobody there to answer (input from a file or a pipe): do not go round again.
        print()
        return False
    return not answer.strip().casefold().startswith("n")


def _wait_hint(command: list[str]) -> str:
    name = Path(command[0]).name
    return (
        f" (The editor, {visible(name)}, closed at once. If it opens in a window of its own, it must wait "
        'until you close the file: for VS Code, set EDITOR="code --wait".)'
    )


def _problem(message: str) -> None:
    print(message, file=sys.stderr)
