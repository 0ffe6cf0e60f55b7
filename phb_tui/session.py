"""One open plan in the app: the plan, whether it has unsaved changes, and how the last save went.

Kept free of Textual so the rules (what counts as saved, what a failure says) are plain code that
the app shows and tests can check directly.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from plan_store import OpenPlan, Plan, PlanError, PlanStore, clock, visible

from .planning.analysis import AnalysisCache, PlanAnalysis

FAULT = "PHB Planner stopped because of a fault in the program. It was not something you did."
REPORT = (
    "To report the fault, tell whoever gave you PHB Planner what you were doing when it stopped. "
    "Running it with PHB_DEBUG=1 set shows the technical details. A rescued plan holds your "
    "personal details: share it only with people you trust."
)


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
        """Save now if anything changed; False (with `problem` set) when the save failed."""
        if self.sample or not self.unsaved:
            return True
        try:
            self.store.save(self.opened)
        except PlanError as error:
            self.problem = visible(str(error))
            return False
        self.unsaved = False
        self.problem = None
        self.saved_at = clock.now()
        return True

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
