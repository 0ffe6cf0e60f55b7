"""The Textual app: wires screens to the store. Screens edit the plan; only the app shell saves it.

The app's jobs each live in a part of their own (phb_tui/shell/): the list of plans, saving,
exporting and the key registry. Here they are put together, with what ties them: opening and
closing a plan, one screen per step, the keys and theme of this run, and closing safely.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from rich.console import RenderableType
from textual import messages, on
from textual.app import SystemCommand
from textual.binding import Binding
from textual.driver import Driver
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from plan_store import OpenPlan, PlanStore, visible
from plan_store.open_marks import clear_mark, mark_open, open_elsewhere
from screens.base import StepScreen

from .keymap import BROWSER_KEYS, both_cases, key_words, keymap_path, keys_words, load_keymap, terminal_keymap
from .plain_text import as_written
from .planning.steps import Step
from .session import FAULT, PlanSession
from .settings import load_theme, save_theme, settings_path
from .shell.agreeing import Agreeing
from .shell.exporting import Exporting
from .shell.keys import APP_BINDINGS, usual_key, usual_keys
from .shell.money import MoneyView
from .shell.plan_list import PlanListActions
from .shell.saving import AUTOSAVE_SECONDS, Saving
from .widgets.themes import HIGH_CONTRAST


def step_screen(step: Step) -> type[StepScreen]:
    """The step's screen class, imported the first time it is shown (see `screens.step_screens`)."""
    from screens.step_screens import step_screen as registered

    return registered(step)


class PhbApp(PlanListActions, Saving, Exporting, MoneyView, Agreeing):
    TITLE = "PHB Planner"
    SUB_TITLE = "Plan a personal health budget"
    CSS_PATH = ["widgets/widgets.tcss"]
    BINDINGS = APP_BINDINGS

    def __init__(
        self,
        store: PlanStore,
        opened: OpenPlan | None = None,
        autosave_seconds: float = AUTOSAVE_SECONDS,
        keys_file: Path | None = None,
        theme: str | None = None,
        settings_file: Path | None = None,
        first_step: Step = Step.GET_INFORMED,
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
        self._session_number = 0
        self._first_plan = opened
        self._first_step = first_step
        """The step `opened` is shown at: the first for a person; tests start at the step they try,
        without building the first step's screen they never look at."""
        self._autosave_seconds = autosave_seconds
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
            self._open_session(PlanSession(self.store, self._first_plan), self._first_step)
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

    def fault_caught(self) -> None:
        if self._fault_note is None:
            self._fault_note = self._rescue()

    def fault_words(self) -> RenderableType | None:
        """Plain words on closing, instead of a traceback whose values would print the plan's details."""
        return None if os.environ.get("PHB_DEBUG") else as_written(self._fault_note or FAULT)

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

    def _apply_keymap(self) -> None:
        """This terminal's order of the usual keys, then the person's own keys.toml over it."""
        keymap = terminal_keymap(os.environ, sys.platform)
        if self.is_web:
            keymap.update(BROWSER_KEYS)
        problems: list[str] = []
        if self._keys_file.is_file():  # Usually not; then no need to gather every binding.
            own, problems = load_keymap(self._keys_file, usual_keys())
            keymap.update({action: both_cases(keys) for action, keys in own.items()})
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
        return (self.keymap_keys(binding_id) or usual_key(binding_id)).split(",")

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
            screen = step_screen(step)(session.plan, lambda: session.revision, self._status_line, session.analysis)
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
        yield SystemCommand(
            "Money in and out",
            "What was really spent, set against the plan, from its bank statements",
            self.action_money_in_out,
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
