"""What every step of the journey shares: the journey bar, guidance, navigation and save status.

A step screen only describes its own content (`compose_step`). It edits the plan it is given and
lets edits bubble up as messages; the app saves. It never reads or writes files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Header, Static

from phb_tui.background import goes_aside, worked_out
from phb_tui.guidance import guidance, intro
from phb_tui.planning.analysis import AnalysisCache, PlanAnalysis
from phb_tui.planning.steps import Step
from phb_tui.planning.wizard import entry
from phb_tui.widgets.form import ModelForm
from phb_tui.widgets.help_dialog import HelpDialog
from phb_tui.widgets.item_list import ItemList
from phb_tui.widgets.journey_bar import JourneyBar
from phb_tui.widgets.key_hints import keys_named
from phb_tui.widgets.save_status import SaveStatus
from phb_tui.widgets.steady_footer import SteadyFooter
from phb_tui.widgets.step_keys import STEP_BINDINGS
from plan_store import Plan, clock

TYPING_PAUSE = 0.3
"""Seconds without a letter typed before the journey bar and totals catch up with long text."""


class StepScreen(Screen[None]):
    STEP: ClassVar[Step]
    CSS_PATH = ["base.tcss"]
    BINDINGS = STEP_BINDINGS
    AUTO_FOCUS = ""
    """Off: `on_mount` puts the cursor in the first field. Textual's own would first focus the
    scrolling body, and each change of focus there restyles every field in it, twice over; it
    would also scroll the first field into view, hiding the step's introduction."""

    @dataclass
    class GoTo(Message):
        """Go straight to a step, such as the one that fixes a gap."""

        step: Step

    @dataclass
    class Move(Message):
        """Next or previous step. The app works out which, so quick presses each count."""

        delta: int

    def __init__(
        self,
        plan: Plan,
        revision: Callable[[], int] = lambda: 0,
        save_status: Callable[[], tuple[str, bool]] = lambda: ("", False),
        analysis: Callable[[], PlanAnalysis] | None = None,
    ):
        super().__init__()
        self.plan = plan
        self.revision = revision
        """How many edits the plan has had: the screen refreshes only if it changed while hidden."""
        self.save_status = save_status
        """What the status line says, and whether it is a problem; read each time the screen is shown."""
        self._shared_analysis = analysis
        self._own_analyses = AnalysisCache()
        self._heard_at: int | None = None
        """The revision when this screen heard of an edit the app has not counted yet."""
        self._heard = 0
        self._seen: int | None = None
        self._figures_due: Timer | None = None

    def analysis(self) -> PlanAnalysis:
        """The plan worked out for its revision, shared by every step (the app keeps it).

        An edit reaches this screen just before the app counts it. Until the app has, the plan is
        worked out here afresh, never taken from the revision before the edit.
        """
        revision = self.revision()
        if self._heard_at is not None:
            if self._heard_at == revision:
                return self._own_analyses.of(self.plan, -self._heard, clock.today())  # Never a revision's number.
            self._heard_at = None
        if self._shared_analysis is not None:
            return self._shared_analysis()
        return self._own_analyses.of(self.plan, revision, clock.today())

    def compose(self) -> ComposeResult:
        yield Header()
        yield JourneyBar(self.analysis, self.STEP, id="journey")
        with VerticalScroll(id="step-body"):
            yield Static(intro(self.STEP), classes="step-intro")
            yield from self.compose_step()
            with Horizontal(classes="step-nav"):
                if self.STEP.number > 1:
                    yield Button(f"◀ Back ({keys_named(self, 'step.previous', 'f7', first=True)})", id="step-back")
                if self.STEP.number < len(Step):
                    nxt = keys_named(self, "step.next", "f8", first=True)
                    yield Button(f"Next step ({nxt}) ▶", id="step-next", variant="primary")
        yield from self.compose_pinned()
        yield SaveStatus(entry(self.STEP).keys, id="save-status")  # Keys the footer has no room for.
        yield SteadyFooter(show_command_palette=False)

    def compose_step(self) -> ComposeResult:
        raise NotImplementedError

    def compose_pinned(self) -> ComposeResult:
        """What stays in view below the step while it scrolls, such as a running total.

        Drawn after the scrolling body rather than docked inside it, so the body ends above it:
        a field the cursor comes to is scrolled into the part that shows, never under the total.
        """
        yield from ()

    def on_screen_resume(self) -> None:
        """Shown again (the app keeps one screen per step): take in what changed meanwhile."""
        if self._seen is not None and self._seen != self.revision():
            for form in self.query(ModelForm):
                form.reload()
            for item_list in self.query(ItemList):
                item_list.redraw()
            self.query_one(JourneyBar).refresh_progress()
            self.plan_edited()
        self._seen = self.revision()
        # Here rather than by the app after the switch, so the first frame of the step already says it.
        self.query_one(SaveStatus).show(*self.save_status())

    def on_screen_suspend(self) -> None:
        self._seen = self.revision()
        if self._figures_due is not None:
            self._refresh_figures()

    def on_mount(self) -> None:
        self.sub_title = f"{self.plan.title}: step {self.STEP.number}, {self.STEP.heading}"
        first = next((w for w in self.query_one("#step-body").query("*") if w.focusable), None)
        if first is not None:
            first.focus(scroll_visible=False)

    def action_go(self, delta: int) -> None:
        self.post_message(self.Move(delta))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No "Next" on the last step, nor "Back" on the first: the footer names only what works."""
        if action == "go" and parameters and isinstance(parameters[0], int):
            return 1 <= self.STEP.number + parameters[0] <= len(Step)
        return True

    @on(JourneyBar.StepClicked)
    def _clicked_in_the_bar(self, event: JourneyBar.StepClicked) -> None:
        self.post_message(self.GoTo(event.step))

    @on(Button.Pressed, "#step-back")
    def _back(self) -> None:
        self.action_go(-1)

    @on(Button.Pressed, "#step-next")
    def _next(self) -> None:
        self.action_go(1)

    def action_help(self) -> None:
        self.app.push_screen(HelpDialog(f"Help: {self.STEP.heading}", guidance(self.STEP)))

    @on(ModelForm.Edited)
    @on(ItemList.Changed)
    def _plan_edited(self, event: ModelForm.Edited | ItemList.Changed) -> None:
        # Not stopped: the app hears it too, and saves.
        self._heard_at = self.revision()
        self._heard += 1
        if isinstance(event, ModelForm.Edited) and event.typing:
            # Figures worked out from the whole plan wait for a pause in the typing, so each
            # letter shows at once, however big the plan.
            if self._figures_due is not None:
                self._figures_due.stop()
            self._figures_due = self.set_timer(TYPING_PAUSE, self._typing_paused)
        else:
            self._refresh_when_counted(self._heard_at)

    def _refresh_when_counted(self, heard_at: int, turns: int = 0) -> None:
        """The figures once the app has counted the edit, so they come from the analysis that every
        step then shares. The app counts it when the message reaches it, right after this screen:
        a turn or two of the app's queue. Should it not have by then, they are worked out afresh."""
        if self.revision() == heard_at and turns < 3:
            self.app.call_later(self._refresh_when_counted, heard_at, turns + 1)
            return
        self._refresh_figures()

    def on_descendant_blur(self) -> None:
        """Leaving a box brings the figures up to date at once, before anything else is read."""
        if self._figures_due is not None:
            self._refresh_figures()

    def _typing_paused(self) -> None:
        """A big plan is worked out beside the app: at 10,000 costs that takes about a second,
        and a key pressed meanwhile would wait for it."""
        if goes_aside(costs=len(self.plan.finance.line_items)):
            self._figures_aside()
        else:
            self._refresh_figures()

    @work(exclusive=True, group="figures")
    async def _figures_aside(self) -> None:
        await worked_out(self.analysis, lambda: self._heard)
        if self._figures_due is not None:  # Not brought up to date meanwhile (by leaving the box).
            self._refresh_figures()  # From the analysis just made.

    def _refresh_figures(self) -> None:
        if self._figures_due is not None:
            self._figures_due.stop()
            self._figures_due = None
        self.query_one(JourneyBar).refresh_progress()
        self.plan_edited()

    def plan_edited(self) -> None:
        """Steps that show figures derived from the plan (totals, suggestions) refresh them here."""
