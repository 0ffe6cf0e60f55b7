"""Saving: a short while after each edit, at once on Ctrl+S, and before anything could be lost.

Every edit marks the plan unsaved and starts a short timer, which later edits do not put back; when
it ends, the plan is saved through the store (atomically, with a backup). Leaving a plan or quitting
saves first, and asks before anything unsaved could be lost. A fault, the terminal closing or the
browser tab closing keeps the work too, in the plan or in a rescued copy.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from textual import on, work
from textual.timer import Timer

from plan_store.open_marks import clear_mark
from screens.messages import ExportChoice

from ..background import done_aside, goes_aside
from ..session import FAULT, REPORT, PlanSession, SaveAside
from ..widgets.dialogs import ConfirmDialog
from ..widgets.form import ModelForm
from ..widgets.item_list import ItemList
from ..widgets.save_status import SaveStatus
from .base import ShellBase

AUTOSAVE_SECONDS = 1.0


class Saving(ShellBase):
    _autosave_seconds: float
    _autosave: Timer | None = None

    @on(ModelForm.Edited)
    @on(ItemList.Changed)
    def _edited(self) -> None:
        if self.session is None:
            return
        already = self.session.unsaved
        self.session.changed()
        # While typing, every letter is an edit: the status line already says so after the first.
        self._save_soon(show=not already)

    def _save_soon(self, show: bool = True) -> None:
        """Every change to the plan comes here, so none waits for a save that never starts.

        The first change since the last save sets the time; later ones do not put it back, so a
        person typing without a pause still has each letter on disk within a second or so.
        """
        if self._autosave_seconds <= 0:
            self.call_later(self.action_save)  # No pause wanted: save straight after each edit.
        elif self._autosave is None:
            self._autosave = self.set_timer(self._autosave_seconds, self._autosave_due)
        if show:
            self._show_status()

    def _commit_typing(self) -> None:
        """Take in whatever is typed in a box the person has not left yet, on every open screen."""
        if self.session is None:
            return
        committed = False
        for screen in self.screen_stack:
            for form in screen.query(ModelForm):
                if form.commit():
                    self.session.changed()
                    committed = True
        if committed:
            self._save_soon()

    def action_save(self) -> None:
        self._save(aside=False)

    def _autosave_due(self) -> None:
        self._save(aside=True)

    def _save(self, aside: bool) -> None:
        """Save now; for the pause after an edit (`aside`) a long plan is written out in another
        thread: at 10,000 costs that is most of half a second, and typing must not wait for it."""
        if self.session is None:
            return
        self._commit_typing()
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None
        session = self.session
        if aside and goes_aside(costs=len(session.plan.finance.line_items)):
            # While one is being written, an edit waits for it to end: then it is saved in turn.
            if session.settle():
                under_way = session.save_aside()
                if under_way is not None:
                    self._write_aside(session, under_way)
                elif session.problem:
                    self._say_not_saved()
        elif not session.save():
            self._say_not_saved()
        self._show_status()

    @work(group="save", description="Saving a long plan")
    async def _write_aside(self, session: PlanSession, under_way: SaveAside) -> None:
        await done_aside(under_way.run)
        session.settle()  # Already done if the plan was closed, or saved at once, meanwhile.
        if self.session is not session:
            return
        if session.problem:
            self._say_not_saved()
        elif session.unsaved:  # Edited while it was written: that edit is saved in turn.
            self._save_soon(show=False)
        self._show_status()

    def _say_not_saved(self) -> None:
        advice = f'\n\nTo keep your changes, press {self.keys_for("app.palette", first=True)} and choose "Save a copy elsewhere".'
        self.notify(
            ((self.session.problem if self.session else None) or "") + advice,
            title="Your changes are not saved yet",
            severity="error",
            timeout=30,
        )

    def action_save_copy(self) -> None:
        """Keep the work in another file when it cannot be saved where it lives."""
        if self.session is None:
            return
        self._commit_typing()

        from screens.export_dialog import ExportDialog

        def chosen(choice: ExportChoice | None) -> None:
            if choice is not None:
                self.export(choice, force=False, whole_plan=True)

        self.push_screen(ExportDialog(self.session.plan, rescue=True), chosen)

    def _show_status(self) -> None:
        if self.session is not None:
            for indicator in self.screen.query(SaveStatus):
                indicator.show(*self._status_line())

    @on(ModelForm.RefusalsChanged)
    def _refusals_changed(self) -> None:
        self._show_status()

    def _refused_fields(self) -> list[str]:
        """Fields on any step or dialog of the open plan whose typed text was refused."""
        screens = [*self.screen_stack, *(self.get_screen(name) for name in self._step_screens)]
        seen: list[str] = []
        for screen in dict.fromkeys(screens):
            for form in screen.query(ModelForm):
                seen += [label for label in form.refused_labels() if label not in seen]
        return seen

    def _status_line(self) -> tuple[str, bool]:
        """What the status line says: a refused value is unsaved work, and is said to be."""
        if self.session is None:
            return "", False
        refused = self._refused_fields()
        if refused and not self.session.problem and not self.session.sample:
            names = ", ".join(f'"{label}"' for label in refused)
            return f"Not saved: what is typed in {names} was not accepted; the earlier value is kept", True
        status, problem = self.session.status_line()
        if problem:
            palette = self.keys_for("app.palette", first=True)
            status = f'{status} ({palette}, then "Save a copy elsewhere", keeps your changes)'
        return status, problem

    def _after_saving(self, then: Callable[[], object], doing: str) -> None:
        """Save, and only then run `then`; if saving fails, or a field's text was refused, ask
        before losing anything."""
        self._commit_typing()
        if self.session is None:
            then()
            return
        if self.session.save():
            refused = [] if self.session.sample else self._refused_fields()
            if not refused:
                then()
                return
            self._show_status()
            names = ", ".join(f'"{label}"' for label in refused)
            question = (
                f"What is typed in {names} was not accepted, so it is not saved: the earlier value is "
                f"kept.\n\nDo you want to {doing} anyway and lose what you typed there?"
            )

            def lose_it(yes: bool | None) -> None:
                if yes:
                    then()

            self.push_screen(ConfirmDialog(question, f"Yes, {doing} and lose it", "No, stay here"), lose_it)
            return
        self._show_status()

        def answered(yes: bool | None) -> None:
            if yes:
                then()

        problem = self.session.problem or ""
        question = (
            f"Your latest changes could not be saved:\n\n{problem}\n\nDo you want to {doing} anyway and lose them?"
        )
        self.push_screen(ConfirmDialog(question, f"Yes, {doing} and lose them", "No, stay here"), answered)

    async def action_quit(self) -> None:
        def leave() -> None:
            self._close_session()
            self.exit()

        self._after_saving(leave, "quit")

    def _keep_work(self) -> None:
        """Keep everything typed, in the plan or else in a rescued copy, and close it."""
        session = self.session
        if session is not None:
            with contextlib.suppress(Exception):  # Whatever a screen is doing, the plan is whole.
                self._commit_typing()
            if not session.save():
                session.rescue()
            self._close_session()

    def _rescue(self) -> str:
        """After a fault in the program: keep unsaved work in a rescued copy, and say what happened."""
        if self.session is None:
            return f"{FAULT} No plan was open, so nothing was lost.\n\n{REPORT}"
        with contextlib.suppress(Exception):  # The fault may be in a screen; the plan itself is whole.
            self._commit_typing()
        note = self.session.rescue()
        with contextlib.suppress(OSError):
            clear_mark(self.session.marker)  # So the next window is not told it is open here.
        return note
