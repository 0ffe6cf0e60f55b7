"""The Textual app: wires screens to the store. Screens edit the plan; only this module saves it.

Every edit marks the plan unsaved and starts a short timer, which later edits do not put back; when
it ends, the plan is saved through the store (atomically, with a backup). Ctrl+S saves at once. Leaving a plan or quitting
saves first, and asks before anything unsaved could be lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import os
import signal
import sys
from collections.abc import Callable, Iterable
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual import messages, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.driver import Driver
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer

from plan_store import AlreadyExists, OpenPlan, Plan, PlanError, PlanStore, visible
from plan_store.codec import plan_from_toml, plan_to_toml
from plan_store.open_marks import clear_mark, mark_open, open_elsewhere
from plan_store.slugs import slugify
from screens.base import StepScreen
from screens.messages import (
    DeletedPlansWanted,
    DuplicateWanted,
    ExportChoice,
    ExportWanted,
    NewPlanWanted,
    PlanChosen,
    RefreshWanted,
    RenameWanted,
    RestoreWanted,
    SampleWanted,
    TrashWanted,
)

from .keymap import BROWSER_KEYS, SECOND_KEYS, key_words, keymap_path, keys_words, load_keymap, terminal_keymap
from .plain_text import as_written
from .planning.steps import Step
from .session import FAULT, REPORT, PlanSession
from .settings import load_theme, save_theme, settings_path
from .widgets.dialogs import ConfirmDialog, EntryDialog
from .widgets.form import ModelForm
from .widgets.item_list import ItemList
from .widgets.save_status import SaveStatus
from .widgets.themes import HIGH_CONTRAST


def step_screen(step: Step) -> type[StepScreen]:
    """The step's screen class, imported the first time it is shown (see `screens.step_screens`)."""
    from screens.step_screens import step_screen as registered

    return registered(step)


if TYPE_CHECKING:
    from screens.picker import PickerScreen

    from .summary.listing import Listing, PlanRow

SAMPLE_PLAN = Path(__file__).parent / "sample-plan.toml"


def _picker_screen() -> type[PickerScreen]:
    """The list of plans, imported only when wanted: `phb open PLAN` starts without it."""
    from screens.picker import PickerScreen

    return PickerScreen


AUTOSAVE_SECONDS = 1.0

Result = TypeVar("Result")


class PhbApp(App[None]):
    TITLE = "PHB Planner"
    SUB_TITLE = "Plan a personal health budget"
    CSS_PATH = ["widgets/widgets.tcss"]
    BINDINGS = [
        Binding(SECOND_KEYS["app.quit"], "quit", "Quit", id="app.quit", priority=True),
        # The command palette under an id of its own, so keys.toml can remap it like any other.
        Binding(SECOND_KEYS["app.palette"], "command_palette", "Commands", id="app.palette", show=False, priority=True),
        # The panel of keys (from the command palette) closes with Esc like everything else. No id:
        # Esc closes things everywhere, so it is not a key to remap.
        Binding("escape", "hide_help_panel", "Close the keys", show=False),
        # Priority, so it works in dialogs too. Saving is automatic, so the footer leaves it out to
        # fit 80 columns; the status line above the footer names it (and Ctrl+P) instead.
        Binding("ctrl+s", "save", "Save", id="app.save", show=False, priority=True),
    ]

    def __init__(
        self,
        store: PlanStore,
        opened: OpenPlan | None = None,
        autosave_seconds: float = AUTOSAVE_SECONDS,
        keys_file: Path | None = None,
        theme: str | None = None,
        settings_file: Path | None = None,
    ):
        super().__init__()
        self.register_theme(HIGH_CONTRAST)
        self._theme_asked = theme
        """A theme given for this run (`phb --theme`), over the one remembered."""
        self._settings_file = settings_file or settings_path()
        self.store = store
        self.session: PlanSession | None = None
        self.current_step = Step.GET_INFORMED
        self._step_screens: list[str] = []
        """Names of the installed step screens of the open plan."""
        self._session_number = 0
        self._first_plan = opened
        self._autosave_seconds = autosave_seconds
        self._autosave: Timer | None = None
        self._keys_file = keys_file or keymap_path()
        self._fault_note: str | None = None
        self._told_unreadable = False
        """What went wrong, in plain words, once a fault in the program has stopped the app."""

    def get_driver_class(self) -> type[Driver]:
        """On Linux and macOS terminals, a driver that no byte from the terminal can stop."""
        driver = super().get_driver_class()
        if driver.__name__ == "LinuxDriver":  # Not the browser's, a test's, or Windows'.
            from .terminal_input import SafeLinuxDriver

            return SafeLinuxDriver
        return driver

    def on_unreadable_input(self) -> None:
        """Said once, not for every byte of a burst of noise."""
        from .terminal_input import UNREADABLE

        if not self._told_unreadable:
            self._told_unreadable = True
            self.notify(UNREADABLE, title="Something your terminal sent", severity="warning", timeout=15)

    def on_mount(self) -> None:
        self._apply_keymap()
        self._apply_theme()
        self._catch_stop_signals(install=True)
        for warning in self.store.folder_warnings():
            self.notify(warning, title="Your plans may not be private", severity="warning", timeout=20)
        if self._first_plan is not None:
            # Straight to the plan; the list of plans is built only if the person goes back to it.
            self._open_session(PlanSession(self.store, self._first_plan))
        else:
            self._show_picker()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every message is plain text, whatever `markup` says and whichever screen sends it.

        Messages quote plan titles, file names and errors; read as markup, a person's "[...]"
        would vanish or stop the app. Screens' `notify` comes here too, so this is the one place.
        """
        super().notify(visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False)

    # --- a fault in the program ------------------------------------------------------------------
    # Textual's only hooks for an error that nothing else caught are private methods; Textual is
    # pinned to the major version they were written against (pyproject.toml).

    def _handle_exception(self, error: Exception) -> None:
        if self._fault_note is None:
            self._fault_note = self._rescue()
        super()._handle_exception(error)

    def _rescue(self) -> str:
        if self.session is None:
            return f"{FAULT} No plan was open, so nothing was lost.\n\n{REPORT}"
        with contextlib.suppress(Exception):  # The fault may be in a screen; the plan itself is whole.
            self._commit_typing()
        note = self.session.rescue()
        with contextlib.suppress(OSError):
            clear_mark(self.session.marker)  # So the next window is not told it is open here.
        return note

    # --- the terminal closing, or the computer asking the app to stop ---------------------------

    STOP_SIGNALS = ("SIGHUP", "SIGTERM")

    def _catch_stop_signals(self, install: bool) -> None:
        """Closing the terminal window (SIGHUP) or a shutdown (SIGTERM) would end the app at once,
        losing what is typed and not yet saved; caught, they save first."""
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # Not on Windows.
            loop = asyncio.get_running_loop()
            for name in self.STOP_SIGNALS:
                number = getattr(signal, name, None)
                if number is None:
                    continue
                if install:
                    loop.add_signal_handler(number, self._stop_by_signal)
                else:
                    loop.remove_signal_handler(number)

    def on_unmount(self) -> None:
        self._catch_stop_signals(install=False)

    def _stop_by_signal(self) -> None:
        """Keep everything typed, in the plan or else in a rescued copy, then close."""
        self._keep_work()
        self.exit()

    def _keep_work(self) -> None:
        session = self.session
        if session is not None:
            with contextlib.suppress(Exception):  # Whatever a screen is doing, the plan is whole.
                self._commit_typing()
            if not session.save():
                session.rescue()
            self._close_session()

    def _fatal_error(self) -> None:
        """Plain words on closing, instead of a traceback whose values would print the plan's details."""
        if os.environ.get("PHB_DEBUG"):
            super()._fatal_error()
            return
        self.bell()
        self._exit_renderables.append(as_written(self._fault_note or FAULT))
        self._close_messages_no_wait()

    def _show_picker(self) -> None:
        self.push_screen(self._new_picker())

    def _new_picker(self, highlight: Path | None = None) -> PickerScreen:
        """The list of plans. Hundreds of plans changed since it was last made take seconds to read:
        the list then shows at once with the plans it knows, and fills in when they are read."""
        rows, rest = self._plan_rows_now()
        wanted = highlight.name if highlight else None
        picker = _picker_screen()(rows, self.store.plans_dir, wanted, reading=len(rest.unread) if rest else 0)
        if rest:
            self._finish_aside(picker, rest)
        return picker

    def _plan_rows_now(self) -> tuple[list[PlanRow], Listing | None]:
        """Every plan's row; or, with hundreds to read again, those known now and the listing to finish."""
        from .summary.listing import finish_listing, start_listing

        listing = start_listing(self.store, checked=True)
        if len(listing.unread) < READ_ASIDE_FROM:
            return finish_listing(self.store, listing), None
        return listing.known, listing

    def _finish_aside(self, picker: PickerScreen, listing: Listing) -> None:
        """Read the plans the list does not know in a thread, then show them all."""
        from .summary.listing import finish_listing

        def show(rows: list[PlanRow]) -> None:
            if picker.is_attached:  # Not if the person has gone on to a plan meanwhile.
                picker.show(rows, complete=True)

        def read_aside() -> None:
            self.call_from_thread(show, finish_listing(self.store, listing))

        self.run_worker(read_aside, thread=True, group="list-of-plans", exit_on_error=False)

    def _apply_keymap(self) -> None:
        """This terminal's order of the usual keys, then the person's own keys.toml over it."""
        keymap = terminal_keymap(os.environ, sys.platform)
        if self.is_web:
            keymap.update(BROWSER_KEYS)
        problems: list[str] = []
        if self._keys_file.is_file():  # Usually not; then no need to gather every binding.
            own, problems = load_keymap(self._keys_file, usual_keys())
            keymap.update(own)
        if keymap:
            self.set_keymap(keymap)
        # The footer names the command palette by this key; it must be the first key the palette has
        # now (Ctrl+K in a browser, Ctrl+R in VS Code), not Textual's usual Ctrl+P.
        setattr(self, "COMMAND_PALETTE_BINDING", self.keys_for_binding("app.palette")[0])  # noqa: B010
        for problem in problems:
            self.notify(problem, title="Key settings", severity="warning", timeout=12)

    def _apply_theme(self) -> None:
        """The theme asked for, or the one remembered; a theme chosen later is remembered."""
        themes = set(self.available_themes)
        remembered, problem = load_theme(self._settings_file, themes)
        if problem:
            self.notify(problem, title="Settings", severity="warning", timeout=12)
        if self._theme_asked is not None and self._theme_asked not in themes:
            self.notify(
                f'There is no theme called "{self._theme_asked}". These are: {", ".join(sorted(themes))}.',
                title="Settings",
                severity="warning",
                timeout=12,
            )
        chosen = self._theme_asked if self._theme_asked in themes else remembered
        if chosen:
            self.theme = chosen
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name != self._theme_asked:
            save_theme(self._settings_file, theme.name)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hide_help_panel":
            return bool(self.screen.query("HelpPanel"))  # Otherwise Esc is the screen's own.
        return True

    def get_key_display(self, binding: Binding) -> str:
        """One notation for keys everywhere: "Ctrl+Q", never "^q"."""
        return binding.key_display or key_words(binding.key)

    def keys_for_binding(self, binding_id: str) -> list[str]:
        """The keys of a binding as they are now, as Textual names them: ["ctrl+k", "ctrl+p"]."""
        return (self._keymap.get(binding_id) or _usual_key(binding_id)).split(",")

    def keys_for(self, binding_id: str, first: bool = False) -> str:
        """The keys of a binding as they are now (after keys.toml), in words: "F8 or Ctrl+N"."""
        keys = self.keys_for_binding(binding_id)
        return keys_words(keys[0] if first else ",".join(keys)) if keys != [""] else ""

    # --- opening and leaving plans --------------------------------------------------------------

    def _open_session(self, session: PlanSession, step: Step = Step.GET_INFORMED) -> None:
        self.session = session
        self._session_number += 1
        if not session.sample:
            path = session.opened.path
            if other := open_elsewhere(path, own=session.marker):
                session.open_elsewhere_since = other.since
                self.notify(
                    f"This plan is also open in another window (since {other.since.astimezone():%H:%M}). You can "
                    "carry on: if both windows change it, the second to save will stop and say so, so neither "
                    "overwrites the other.",
                    title="Open in another window",
                    severity="warning",
                    timeout=20,
                )
            session.marker = mark_open(path)
        self.show_step(step)

    def _close_session(self) -> None:
        if self.session is not None:
            clear_mark(self.session.marker)
        self.session = None

    def _forget_step_screens(self, names: list[str]) -> None:
        """Drop a closed plan's screens, once none of them is showing."""
        for name in names:
            self.uninstall_screen(name)

    def show_step(self, step: Step) -> None:
        if self.session is None:
            return
        self._commit_typing()
        self.current_step = step
        name = f"plan{self._session_number}-{step.value}"  # Never a screen of an earlier plan.
        if name not in self._step_screens:
            # Built once per open plan, then reused: building a step's widgets is what takes time.
            session = self.session
            screen = step_screen(step)(session.plan, lambda: session.revision, self._status_line)
            self.install_screen(screen, name)
            self._step_screens.append(name)
        if isinstance(self.screen, StepScreen):
            self.switch_screen(name)
        else:
            self.push_screen(name)

    @on(StepScreen.GoTo)
    def _go_to(self, message: StepScreen.GoTo) -> None:
        self.show_step(message.step)

    @on(StepScreen.Move)
    def _move(self, message: StepScreen.Move) -> None:
        steps = list(Step)
        target = steps.index(self.current_step) + message.delta
        if 0 <= target < len(steps):
            self.show_step(steps[target])

    @on(PlanChosen)
    def _plan_chosen(self, message: PlanChosen) -> None:
        if opened := self._attempt(partial(self.store.open, message.path), "This plan cannot be opened"):
            self._open_session(PlanSession(self.store, opened))

    @on(NewPlanWanted)
    def _new_plan(self, message: NewPlanWanted) -> None:
        if opened := self._attempt(partial(self.store.create, message.title), "The plan could not be started"):
            self._refresh_picker()
            self._open_session(PlanSession(self.store, opened))

    @on(SampleWanted)
    def _sample(self) -> None:
        text = SAMPLE_PLAN.read_text(encoding="utf-8")
        plan = plan_from_toml(text, Path("sample-plan.toml"))
        self._open_session(PlanSession(self.store, OpenPlan(Path("sample-plan.toml"), plan, None), sample=True))
        self.notify("This is a sample plan to explore. Change anything you like: nothing is saved.", timeout=8)

    @on(RenameWanted)
    def _rename(self, message: RenameWanted) -> None:
        def rename() -> OpenPlan:
            return self.store.rename(self.store.open(message.path), message.title)

        if renamed := self._attempt(rename, "The plan could not be renamed"):
            self._refresh_picker(highlight=renamed.path)

    @on(DuplicateWanted)
    def _duplicate(self, message: DuplicateWanted) -> None:
        if message.title:
            copying = partial(self.store.copy_as, message.path, message.title)
        else:
            copying = partial(self.store.duplicate, message.path)
        if copy := self._attempt(copying, "The plan could not be copied"):
            self.notify(f'Made a copy: "{copy.plan.title}".')
            self._refresh_picker(highlight=copy.path)

    @on(TrashWanted)
    def _trash(self, message: TrashWanted) -> None:
        if target := self._attempt(partial(self.store.trash, message.path), "The plan could not be deleted"):
            restore = self.keys_for("picker.restore", first=True)
            self.notify(f"Moved to the trash: {target}. To put it back, press {restore} in the list.", timeout=12)
            self._refresh_picker()  # The highlight goes to the plan beside it.

    @on(DeletedPlansWanted)
    def _deleted_plans(self) -> None:
        if isinstance(self.screen, _picker_screen()):
            self.screen.choose_deleted(self.store.trashed_plans())

    @on(RestoreWanted)
    def _restore(self, message: RestoreWanted) -> None:
        if restored := self._attempt(partial(self.store.restore, message.path), "The plan could not be put back"):
            self.notify(f"Put back in your list of plans as {restored.name}.")
            self._refresh_picker(highlight=restored)

    def _attempt(self, action: Callable[[], Result], failure: str) -> Result | None:
        """Run a store action; a PlanError becomes a message on screen and nothing else happens."""
        try:
            return action()
        except PlanError as error:
            if isinstance(self.screen, _picker_screen()):
                self.screen.show_problem(f"{failure}.\n{error}")
            else:
                self.notify(str(error), title=failure, severity="error", timeout=20)
            return None

    @on(RefreshWanted)
    def _refresh_wanted(self) -> None:
        self._refresh_picker()

    def _refresh_picker(self, highlight: Path | None = None) -> None:
        """Read the list again; the highlight goes to `highlight`, or stays on the plan it was on."""
        picker = next((s for s in self.screen_stack if isinstance(s, _picker_screen())), None)
        if picker is None:
            return
        rows, rest = self._plan_rows_now()
        picker.reading = len(rest.unread) if rest else 0
        picker.show(rows, highlight.name if highlight else None)
        if rest:
            self._finish_aside(picker, rest)

    def action_plans(self) -> None:
        """Back to the list of plans, saving first."""

        def leave() -> None:
            # Back on the plan just left, even if saving it moved it in the list.
            left = self.session.opened.path if self.session and not self.session.sample else None
            self._close_session()
            closed, self._step_screens = self._step_screens, []
            if any(isinstance(screen, _picker_screen()) for screen in self.screen_stack):
                while isinstance(self.screen, StepScreen):
                    self.pop_screen()
                self._refresh_picker(highlight=left)
            else:
                self.switch_screen(self._new_picker(highlight=left))
            self.call_after_refresh(self._forget_step_screens, closed)

        self._after_saving(leave, "leave this plan")

    # --- saving ---------------------------------------------------------------------------------

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
            self._autosave = self.set_timer(self._autosave_seconds, self.action_save)
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
        if self.session is None:
            return
        self._commit_typing()
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None
        if not self.session.save():
            advice = f'\n\nTo keep your changes, press {self.keys_for("app.palette", first=True)} and choose "Save a copy elsewhere".'
            self.notify(
                (self.session.problem or "") + advice,
                title="Your changes are not saved yet",
                severity="error",
                timeout=30,
            )
        self._show_status()

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

    # --- export ---------------------------------------------------------------------------------

    @on(ExportWanted)
    def _export_wanted(self, message: ExportWanted) -> None:
        self.export(message.choice, force=False)

    def export(self, choice: ExportChoice, force: bool, whole_plan: bool = False) -> None:
        """Export now, or for a long plan beside the app: 10,000 costs take seconds to write out,
        and keys must keep working meanwhile. If the plan changes while that happens, the export
        starts again from the plan as it is then, so the file always matches one moment of it."""
        session = self.session
        if session is None:
            return
        if len(session.plan.finance.line_items) < EXPORTED_ASIDE_FROM:
            self._exported(choice, force, whole_plan, _export_text(session.plan, choice, whole_plan))
            return
        self.notify("Preparing the export of this long plan. You can carry on meanwhile.", timeout=5)
        revision = session.revision

        def done(text: str | None) -> None:
            if self.session is not session:  # The plan was closed meanwhile.
                return
            if text is None or session.revision != revision:
                self.export(choice, force, whole_plan)
                return
            self._exported(choice, force, whole_plan, text)

        def aside() -> None:
            try:
                text: str | None = _export_text(session.plan, choice, whole_plan)
            except Exception:  # The plan changed while it was read: it is exported again.
                text = None
            self.call_from_thread(done, text)

        self.run_worker(aside, thread=True, group="export", exit_on_error=False)

    def _exported(self, choice: ExportChoice, force: bool, whole_plan: bool, text: str) -> None:
        if self.is_web:  # In a browser the file goes to the person's own downloads, not the server's disk.
            self._download(choice, text, whole_plan)
            return
        try:
            self.store.export(choice.path, text, force=force)
        except AlreadyExists:

            def answered(yes: bool | None) -> None:
                if yes:
                    self.export(choice, force=True, whole_plan=whole_plan)

            self.push_screen(
                ConfirmDialog(f"{choice.path} already exists. Replace it?", "Yes, replace it", "No, keep it"), answered
            )
            return
        except PlanError as error:
            self.notify(str(error), title="The summary could not be exported", severity="error", timeout=20)
            return
        if whole_plan:
            self.notify(
                f'A copy of the whole plan is saved at {choice.path}. To carry on with it later: phb import "{choice.path}"',
                timeout=30,
            )
            return
        left_out = "" if choice.include_private else " Notes marked private were left out."
        self.notify(f"Exported to {choice.path}.{left_out}", timeout=10)

    def _download(self, choice: ExportChoice, text: str, whole_plan: bool) -> None:
        # The name goes into a header of the download: letters, digits and dashes only, whatever was typed.
        name = f"{slugify(choice.path.stem)}.{choice.format}"
        self.deliver_text(io.StringIO(text), save_filename=name, open_method="download")
        if whole_plan:
            self.notify(
                f"A copy of the whole plan, {name}, is on its way to your browser's downloads. It holds "
                "everything, private notes too, so keep it somewhere safe.",
                timeout=30,
            )
            return
        left_out = "" if choice.include_private else " Notes marked private were left out."
        self.notify(f"{name} is on its way to your browser's downloads.{left_out}", timeout=10)

    # --- the browser tab closing ----------------------------------------------------------------

    @on(messages.ExitApp)
    def _keep_work_as_it_closes(self) -> None:
        """In a browser, closing the tab or stopping `phb serve` ends the app with no quit of its
        own: what is typed is saved first, as when the terminal closes."""
        if self.is_web and self.session is not None and self._fault_note is None:
            self._keep_work()

    # --- command palette ------------------------------------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.session is None:
            return
        for step in Step:
            yield SystemCommand(
                f"Go to step {step.number}: {step.heading}",
                f"Open the {step.heading} step",
                partial(self.show_step, step),
            )
        yield SystemCommand(
            "New outcome",
            f"Add an outcome in step {Step.OUTCOMES.number}",
            partial(self._on_step, Step.OUTCOMES, "#outcomes", "add"),
        )
        yield SystemCommand(
            "Add a cost",
            f"Add something the budget pays for, in step {Step.FINANCE.number}",
            partial(self._on_step, Step.FINANCE, "#line-items", "add"),
        )
        yield SystemCommand(
            "Work out PA costs",
            "The full cost of employing a personal assistant",
            partial(self._on_step, Step.FINANCE, None, "pa_costs"),
        )
        yield SystemCommand(
            "Export summary",
            "Save the summary as a file to share",
            partial(self._on_step, Step.SUMMARY, None, "export"),
        )
        yield SystemCommand("Save now", "Save the plan straight away", self.action_save)
        yield SystemCommand(
            "Save a copy elsewhere",
            "Keep the whole plan in another file, such as on a USB stick",
            self.action_save_copy,
        )

    def _on_step(self, step: Step, selector: str | None, action: str) -> None:
        """Go to a step, then run one of its actions once it is on screen."""
        self.show_step(step)

        def run() -> None:
            target = self.screen.query_one(selector) if selector else self.screen
            getattr(target, f"action_{action}")()

        self.call_after_refresh(run)


READ_ASIDE_FROM = 200
"""Plans changed since the list of plans was last made, from which they are read beside the app."""

EXPORTED_ASIDE_FROM = 2000
"""Costs from which an export is written out beside the app (in a thread) rather than in it."""


def _export_text(plan: Plan, choice: ExportChoice, whole_plan: bool) -> str:
    from .summary.exporting import export_text  # The renderers cost start-up time; only exporting needs them.

    if whole_plan:
        return plan_to_toml(plan)
    return export_text(plan, choice.format, choice.include_private, easy_read=choice.easy_read)


def remappable_ids() -> set[str]:
    """Every binding id a person may remap in keys.toml."""
    classes: list[type[DOMNode]] = [
        PhbApp,
        _picker_screen(),
        StepScreen,
        step_screen(Step.SUMMARY),
        step_screen(Step.FINANCE),
        ItemList,
        EntryDialog,
    ]
    return {binding.id for cls in classes for binding in cls.BINDINGS if isinstance(binding, Binding) and binding.id}


@cache
def _usual_key(binding_id: str) -> str:
    """The key a binding has when no keymap changes it.

    The classes every step loads are looked through first, so naming a key on the first screen
    does not import the list of plans, the Financial plan and the Summary just to find it.
    """
    loaded: list[type[DOMNode]] = [PhbApp, StepScreen, ItemList, EntryDialog]
    for cls in loaded:
        for binding in cls.BINDINGS:
            if isinstance(binding, Binding) and binding.id == binding_id:
                return binding.key
    return next((keys[binding_id] for keys in usual_keys() if binding_id in keys), "")


def usual_keys() -> list[dict[str, str]]:
    """For each screen, the remappable bindings in use together there, with their usual keys.

    keys.toml may give two actions one key when they are never on screen together (the list of
    plans and a step), so a clash is looked for one screen at a time.
    """
    screens: list[list[type[DOMNode]]] = [
        [PhbApp, _picker_screen()],
        [PhbApp, StepScreen, ItemList],
        [PhbApp, step_screen(Step.FINANCE), ItemList],
        [PhbApp, step_screen(Step.SUMMARY)],
        [PhbApp, EntryDialog],
    ]
    return [
        {
            binding.id: binding.key
            for cls in classes
            for binding in cls.BINDINGS
            if isinstance(binding, Binding) and binding.id
        }
        for classes in screens
    ]
