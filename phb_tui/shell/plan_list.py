"""The list of plans: showing it, reading it (aside when many plans changed), and what is done
from it (open, start, rename, copy, delete, put back, the sample plan)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual import on, work

from plan_store import OpenPlan, PlanError, PlanStore
from plan_store.codec import plan_from_toml
from screens.base import StepScreen
from screens.messages import (
    DeletedPlansWanted,
    DuplicateWanted,
    NewPlanWanted,
    PlanChosen,
    RefreshWanted,
    RenameWanted,
    RestoreWanted,
    SampleWanted,
    TrashWanted,
)

from ..background import goes_aside
from ..session import PlanSession
from .base import ShellBase

if TYPE_CHECKING:
    from screens.picker import PickerScreen

    from ..plan_list.listing import Listing, PlanRow

SAMPLE_PLAN = Path(__file__).parent.parent / "sample-plan.toml"

Result = TypeVar("Result")


def picker_screen() -> type[PickerScreen]:
    """The list of plans, imported only when wanted: `phb open PLAN` starts without it."""
    from screens.picker import PickerScreen

    return PickerScreen


class PlanListActions(ShellBase):
    def _show_picker(self) -> None:
        self.push_screen(self._new_picker())

    def _new_picker(self, highlight: Path | None = None) -> PickerScreen:
        """The list of plans. Hundreds of plans changed since it was last made take seconds to read:
        the list then shows at once with the plans it knows, and fills in when they are read."""
        rows, rest = self._plan_rows_now()
        wanted = highlight.name if highlight else None
        picker = picker_screen()(rows, self.store.plans_dir, wanted, reading=len(rest.unread) if rest else 0)
        if rest:
            _read_aside(picker, self.store, rest)
        return picker

    def _plan_rows_now(self) -> tuple[list[PlanRow], Listing | None]:
        """Every plan's row; or, with hundreds to read again, those known now and the listing to finish."""
        from ..plan_list.listing import finish_listing, start_listing

        listing = start_listing(self.store, checked=True)
        if not goes_aside(plans=len(listing.unread)):
            return finish_listing(self.store, listing), None
        return listing.known, listing

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
        if isinstance(self.screen, picker_screen()):
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
            if isinstance(self.screen, picker_screen()):
                self.screen.show_problem(f"{failure}.\n{error}")
            else:
                self.notify(str(error), title=failure, severity="error", timeout=20)
            return None

    @on(RefreshWanted)
    def _refresh_wanted(self) -> None:
        self._refresh_picker()

    def _refresh_picker(self, highlight: Path | None = None) -> None:
        """Read the list again; the highlight goes to `highlight`, or stays on the plan it was on."""
        picker = next((s for s in self.screen_stack if isinstance(s, picker_screen())), None)
        if picker is None:
            return
        rows, rest = self._plan_rows_now()
        picker.reading = len(rest.unread) if rest else 0
        picker.show(rows, highlight.name if highlight else None)
        if rest:
            _read_aside(picker, self.store, rest)

    def action_plans(self) -> None:
        """Back to the list of plans, saving first."""

        def leave() -> None:
            # Back on the plan just left, even if saving it moved it in the list.
            left = self.session.opened.path if self.session and not self.session.sample else None
            self._close_session()
            closed, self._step_screens = self._step_screens, []
            if any(isinstance(screen, picker_screen()) for screen in self.screen_stack):
                while isinstance(self.screen, StepScreen):
                    self.pop_screen()
                self._refresh_picker(highlight=left)
            else:
                self.switch_screen(self._new_picker(highlight=left))
            self.call_after_refresh(self._forget_step_screens, closed)

        self._after_saving(leave, "leave this plan")


@work(exclusive=True, group="list-of-plans", exit_on_error=False, description="Reading the list of plans")
async def _read_aside(picker: PickerScreen, store: PlanStore, listing: Listing) -> None:
    """Read the plans the list does not know in a thread, then show them all.

    The picker owns the work, so it ends with the picker; a newer reading replaces an older one.
    """
    from ..plan_list.listing import finish_listing

    rows = await asyncio.to_thread(finish_listing, store, listing)
    if picker.is_attached:  # Not if the person has gone on to a plan meanwhile.
        picker.show(rows, complete=True)
