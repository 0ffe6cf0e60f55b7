"""The Textual app: wires screens to the store. Screens never touch files; this does."""

from __future__ import annotations

from textual import on
from textual.app import App
from textual.binding import Binding

from plan_store import OpenPlan, PlanError, PlanStore
from screens.picker import PickerScreen
from screens.summary import SummaryScreen


class PhbApp(App[None]):
    TITLE = "PHB Planner"
    SUB_TITLE = "Plan a personal health budget"
    BINDINGS = [Binding("q", "quit", "Quit", id="app.quit")]

    def __init__(self, store: PlanStore, opened: OpenPlan | None = None):
        super().__init__()
        self.store = store
        self._first_plan = opened

    def on_mount(self) -> None:
        self.push_screen(PickerScreen(list(self.store.listings())))
        if self._first_plan is not None:
            self.push_screen(SummaryScreen(self._first_plan.plan))

    @on(PickerScreen.PlanChosen)
    def _open_chosen(self, message: PickerScreen.PlanChosen) -> None:
        try:
            opened = self.store.open(message.path)
        except PlanError as error:
            self.notify(str(error), title="This plan cannot be opened", severity="error", timeout=15)
            return
        self.push_screen(SummaryScreen(opened.plan))

    @on(PickerScreen.NewPlanWanted)
    def _start_plan(self, message: PickerScreen.NewPlanWanted) -> None:
        try:
            opened = self.store.create(message.title)
        except PlanError as error:
            self.notify(str(error), title="The plan could not be started", severity="error", timeout=15)
            return
        self._refresh_picker()
        self.push_screen(SummaryScreen(opened.plan))

    @on(PickerScreen.Refresh)
    def _refresh_picker(self) -> None:
        picker = next((s for s in self.screen_stack if isinstance(s, PickerScreen)), None)
        if picker is not None:
            picker.show(list(self.store.listings()))
