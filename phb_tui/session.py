"""One open plan in the app: the plan, whether it has unsaved changes, and how the last save went.

Kept free of Textual so the rules (what counts as saved, what a failure says) are plain code that
the app shows and tests can check directly.
"""

from __future__ import annotations

import threading
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from plan_store import Agreement, OpenPlan, Plan, PlanError, PlanStore, clock, visible

from .planning.analysis import AnalysisCache, PlanAnalysis

if TYPE_CHECKING:
    from plan_store.store import PendingSave

FAULT = "PHB Planner stopped because of a fault in the program. It was not something you did."
REPORT = (
    "To report the fault, tell whoever gave you PHB Planner what you were doing when it stopped. "
    "Running it with PHB_DEBUG=1 set shows the technical details. A rescued plan holds your "
    "personal details: share it only with people you trust."
)


class SaveAside:
    """The slow half of a save (`PlanStore.write_prepared`), to be run in another thread.

    Whoever needs the save finished at once (quitting, the terminal closing) calls `finish` with
    `wait`, which does the writing itself if no thread has started on it yet.
    """

    def __init__(self, store: PlanStore, pending: PendingSave, revision: int):
        self.store = store
        self.pending = pending
        self.revision = revision
        """The session's edit count when the plan was taken: an edit since is not in this save."""
        self.written: str | None = None
        self.error: PlanError | None = None
        self.fault: Exception | None = None
        self._taken = threading.Lock()
        self._done = threading.Event()

    def run(self) -> None:
        """Write the plan out, unless this is already being done (then return at once)."""
        if not self._taken.acquire(blocking=False):
            return
        try:
            self.written = self.store.write_prepared(self.pending)
        except PlanError as error:
            self.error = error
        except Exception as fault:  # Raised where the app can deal with it, not lost in a thread.
            self.fault = fault
        finally:
            self._done.set()

    def finish(self, wait: bool) -> bool:
        """Whether the writing is over; with `wait`, it is, once this returns."""
        if wait:
            self.run()
            self._done.wait()
        return self._done.is_set()


class PlanSession:
    def __init__(self, store: PlanStore, opened: OpenPlan, sample: bool = False):
        self.store = store
        self.opened = opened
        self.sample = sample
        """A sample plan to explore: edits are allowed, nothing is ever written."""
        self.unsaved = False
        self.revision = 0
        """Counts edits, so a screen shown again can tell whether anything changed meanwhile."""
        self.problem: str | None = None
        self.saved_at: datetime | None = None
        self.open_elsewhere_since: datetime | None = None
        """Set when another window had this plan open as it was opened here."""
        self.marker: Path | None = None
        """This window's open-marker beside the plan, so other windows can warn."""
        self.aside: SaveAside | None = None
        """A save being written out in another thread; the plan is not said to be saved until it is."""
        self._analyses = AnalysisCache()

    @property
    def plan(self) -> Plan:
        return self.opened.plan

    def analysis(self) -> PlanAnalysis:
        """The plan worked out for its revision: made again only after an edit (or on a new day),
        and shared by every step, the journey bar and the status lines."""
        return self._analyses.of(self.plan, self.revision, clock.today())

    def changed(self) -> None:
        self.unsaved = True
        self.revision += 1

    def save(self) -> bool:
        """Save now if anything changed; False (with `problem` set) when the save failed.

        A save being written out aside is finished first, so the two never race for the file.
        """
        self.settle(wait=True)
        if self.sample or not self.unsaved:
            return True
        try:
            self.store.save(self.opened)
        except PlanError as error:
            self.problem = visible(str(error))
            return False
        self._saved(self.revision)
        return True

    def save_aside(self) -> SaveAside | None:
        """A save with the plan taken now and its writing left to `SaveAside.run`, in another thread.

        None if there is nothing to save, a save is under way already, or the plan cannot be
        saved as it is (`problem` then says why). Until `settle` takes in how the writing went,
        the plan is not said to be saved.
        """
        if self.sample or not self.unsaved or self.aside is not None:
            return None
        try:
            pending = self.store.prepare_save(self.opened)
        except PlanError as error:
            self.problem = visible(str(error))
            return None
        self.aside = SaveAside(self.store, pending, self.revision)
        return self.aside

    def settle(self, wait: bool = False) -> bool:
        """Take in how a save done aside went; False while it is still being written (never with `wait`).

        An edit made while it was written keeps the plan unsaved, for the next save to take.
        """
        aside = self.aside
        if aside is None:
            return True
        if not aside.finish(wait):
            return False
        self.aside = None
        if aside.written is None:
            aside.pending.undo()
            if aside.fault is not None:
                raise aside.fault
            self.problem = visible(str(aside.error))
            return True
        aside.pending.done(aside.written)
        self._saved(aside.revision)
        return True

    def agree(self, name: str, role: str, on: date) -> Agreement:
        """Record, as `phb agree` does, that this revision was agreed: saved first, so the copy kept
        is the plan as the person sees it. A PlanError says why nothing was recorded."""
        from plan_store.agreed import agree

        if self.sample:
            raise PlanError("This is the sample plan, which is never saved, so it cannot be recorded as agreed.")
        if not self.save():
            raise PlanError(f"The plan could not be saved first, so nothing was recorded. {self.problem}")
        agreement = agree(self.store, self.opened, name, role, on)
        self._saved(self.revision)
        return agreement

    def _saved(self, revision: int) -> None:
        """The plan as it was at edit `revision` is on disk."""
        self.unsaved = self.revision != revision
        self.problem = None
        self.saved_at = clock.now()

    def rescue(self) -> str:
        """After a fault in the program: keep unsaved work in a rescued copy, and say what happened."""
        if self.sample:
            return f"{FAULT} The sample plan is never saved, so nothing was lost."
        if not self.unsaved:
            return f"{FAULT} Every change had been saved, so nothing was lost.\n\n{REPORT}"
        try:
            rescued = self.store.rescue(self.opened)
        except Exception as problem:  # Whatever went wrong, the person must still be told.
            return (
                f"{FAULT} Your latest changes could not be kept ({problem}). The plan is as it was "
                f"when it was last saved.\n\n{REPORT}"
            )
        return (
            f'{FAULT}\n\nYour latest changes are kept in a new plan, "{rescued.plan.title}", in your list '
            f"of plans (the file {rescued.path}). The plan you were working on is as it was when it was "
            f"last saved.\n\n{REPORT}"
        )

    @property
    def status(self) -> str:
        """Words for the save indicator; never relies on colour to say something is wrong."""
        if self.sample:
            return "Sample plan: changes are not saved"
        if self.problem:
            return "✗ Not saved: " + self.problem.splitlines()[0]
        if self.unsaved:
            return "Saving soon..."
        saved = f"All changes saved at {self.saved_at:%H:%M:%S}" if self.saved_at else "All changes saved"
        if self.open_elsewhere_since:
            return f"! Also open in another window (since {self.open_elsewhere_since.astimezone():%H:%M}). {saved}"
        return saved

    def status_line(self) -> tuple[str, bool]:
        """What the status line says, and whether it is a problem (saving failed)."""
        return self.status, self.problem is not None
