"""The targets the benchmarks are judged by, each declared once, and the table that says which
were met.

`ROWS` are the rows of the performance table the work is judged by, in its order; `OTHERS` guard
what earlier work won (typing as fast as a bare TextArea, growth no faster than the libraries).
Each benchmark judges its figures against these goals; the table shows every row, and a row no
benchmark measured as missed, so a benchmark that stops reporting one cannot go unnoticed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bench.common import table


@dataclass(frozen=True)
class Goal:
    """What is measured, against which baseline, and the limit: a ratio to the baseline ("x"),
    at most the limit; or milliseconds, under it."""

    what: str
    limit: float
    unit: str

    @property
    def wanted(self) -> str:
        return f"<= {self.limit:g}x" if self.unit == "x" else f"< {self.limit:g} ms"

    def judged(self, figure: float, note: str = "") -> Target:
        """`figure` is the ratio for "x" goals and seconds for "ms" goals."""
        if self.unit == "x":
            return Target(self, f"{figure:.3g}x" if figure < 0.1 else f"{figure:.2f}x", figure <= self.limit, note)
        return Target(self, f"{figure * 1000:.0f} ms", figure * 1000 < self.limit, note)

    def ratio(self, figure: float, baseline: float, note: str = "") -> Target:
        return self.judged(figure / baseline if baseline else float("inf"), note)


@dataclass(frozen=True)
class Target:
    """A goal, the figure measured against it, and whether it was met."""

    goal: Goal
    measured: str
    met: bool
    note: str = ""


COLD_OPEN = Goal("Cold start, phb open, a realistic plan, to the settled first frame, vs the minimal app", 1.3, "x")
COLD_LIST = Goal("Cold start, phb with 50 plans, settled, vs the minimal app", 1.3, "x")
SUMMARY_VISIT = Goal("Summary step, first visit, 1,000 costs, to the last frame", 100, "ms")
SUMMARY_WAIT = Goal("Longest a key waits after the Summary opens, 1,000 costs", 50, "ms")
FINANCE_VISIT = Goal("Financial plan step, first visit, 1,000 costs, to the last frame", 100, "ms")
LIST_FIRST = Goal("phb list, 5,000 plans, first time, vs a tomllib loop", 0.1, "x")
LIST_CACHED = Goal("phb list, 5,000 plans, cached, vs a tomllib loop", 0.02, "x")
OPEN = Goal("Open a plan of 1,000 costs, vs tomllib", 1.1, "x")
SAVE = Goal("Save a plan of 1,000 costs, vs tomli-w", 1.2, "x")
MEMORY = Goal("Peak memory after every step, 1,000 costs, vs the bare app", 1.3, "x")

ROWS = [
    COLD_OPEN,
    COLD_LIST,
    SUMMARY_VISIT,
    SUMMARY_WAIT,
    FINANCE_VISIT,
    LIST_FIRST,
    LIST_CACHED,
    OPEN,
    SAVE,
    MEMORY,
]

EVERY_INTERACTION = Goal("Every interaction, 1,000 costs, median (the slowest shown)", 100, "ms")
TYPING = Goal("Typing, realistic plan: a key to its last frame, over a bare TextArea's", 16, "ms")
NEVER_FROZEN = Goal("Longest a key waits anywhere, 10,000 costs", 1000, "ms")
OPEN_GROWTH = Goal("Opening, 1,000 to 10,000 costs: growth vs tomllib's", 1.1, "x")
SAVE_GROWTH = Goal("Saving, 1,000 to 10,000 costs: growth vs tomli-w's", 1.1, "x")
LIST_GROWTH = Goal("phb list, first time, 5,000 to 20,000 plans: growth vs the tomllib loop's", 1.1, "x")

SPENDING = Goal("phb spending import and phb spending PLAN, 100,000 transactions, vs the csv module", 6, "x")
SPENDING_GROWTH = Goal("phb spending import and PLAN, 10,000 to 100,000 transactions: growth", 11, "x")

OTHERS = [EVERY_INTERACTION, TYPING, NEVER_FROZEN, OPEN_GROWTH, SAVE_GROWTH, LIST_GROWTH, SPENDING, SPENDING_GROWTH]


def _rows(goals: Sequence[Goal], found: Sequence[Target]) -> list[list[str]]:
    rows = []
    for goal in goals:
        mine = [target for target in found if target.goal == goal] or [Target(goal, "not measured", met=False)]
        rows += [
            [goal.what, goal.wanted, target.measured, "met" if target.met else "MISSED", target.note] for target in mine
        ]
    return rows


def targets_table(found: Sequence[Target], quick: bool = False) -> str:
    """The issue's rows in order, then the others measured, each with its target and met or MISSED;
    then how many were met."""
    headers = ["Measure", "Target", "Measured", "", "Beside it"]
    title = "Targets" + (" (quick run: fewer runs, figures only indicative)" if quick else "")
    text = table(title, headers, _rows(ROWS, found))
    others = [goal for goal in OTHERS if any(target.goal == goal for target in found)]
    if others:
        text += "\n" + table("Also kept", headers, _rows(others, found))
    judged = _rows(ROWS + others, found)
    met = sum(row[3] == "met" for row in judged)
    text += f"{met} of {len(judged)} targets met"
    missing = [goal.what for goal in ROWS if not any(target.goal == goal for target in found)]
    if missing:
        text += f"; not measured: {'; '.join(missing)}"
    return text + ".\n"
