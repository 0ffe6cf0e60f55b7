"""The list of plans shown by `phb list` and the app's plan picker, quick with thousands of plans.

Reading and checking a whole plan takes most of a millisecond, so a broker's 5,000 plans would
take seconds. Two things keep the list quick. A plan is read only as far as the list needs
(`PlanStore.glance`). And each plan's row is kept in `list-cache.json` in the data folder
(private like everything there), keyed by the file's size, time and inode, so a plan is read
again only when its file has changed. A damaged or missing cache is simply rebuilt.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from plan_store import PlanError, PlanStore, format_money, visible

from .. import __version__
from ..planning.finance import budget_short_words, position_against_budget
from .document import Table

HEADERS = ["Title", "Person", "Stage", "Budget", "Planned", "Last saved"]
_CACHE_FORMAT = f"2/{__version__}"  # A new version of the program may list plans differently.


@dataclass(frozen=True)
class PlanRow:
    """What the list shows about one plan file, or why it could not be read."""

    file: str
    title: str = ""
    person: str = ""
    stage: str = ""
    budget: str = ""
    planned: str = ""
    updated: str = ""
    """When the plan was last saved, as an ISO date and time (for sorting and showing)."""
    problem: str = ""

    @property
    def slug(self) -> str:
        return self.file.removesuffix(".toml")

    @property
    def last_saved(self) -> str:
        """In the person's own time zone, to the minute: "2 Nov 2026 16:40"."""
        if not self.updated:
            return ""
        local = datetime.fromisoformat(self.updated).astimezone()
        return f"{local.day} {local:%b %Y %H:%M}"

    def cells(self) -> list[str]:
        if self.problem:
            return [f"{self.file}: CANNOT OPEN", "", "", "", "", ""]
        return [self.title, self.person, self.stage, self.budget, self.planned, self.last_saved]


def plan_rows(store: PlanStore) -> list[PlanRow]:
    """A row for every plan file, read from the cache where the file has not changed."""
    cached = _read_cache(store.read_list_cache())
    rows: list[PlanRow] = []
    fresh: dict[str, dict[str, object]] = {}
    for path in store.plan_paths():
        stamp = _stamp(path)
        entry = cached.get(path.name)
        kept = entry.get("row") if entry is not None and entry.get("stamp") == stamp else None
        row = PlanRow(**kept) if isinstance(kept, dict) else read_row(store, path)
        rows.append(row)
        fresh[path.name] = {"stamp": stamp, "row": asdict(row)}
    if fresh != cached:
        text = json.dumps({"format": _CACHE_FORMAT, "plans": fresh}, ensure_ascii=False, separators=(",", ":"))
        store.write_list_cache(text.encode("utf-8"))
    return rows


def read_row(store: PlanStore, path: Path) -> PlanRow:
    try:
        plan = store.glance(path)
    except PlanError as error:  # One file that cannot be read never hides the others.
        return PlanRow(path.name, problem=str(error))
    position = position_against_budget(plan.finance, plan.costs)
    period = budget_short_words(plan.finance)
    return PlanRow(
        file=path.name,
        title=plan.title,
        person=plan.preferred_name or plan.name or "not given",
        stage=f"{plan.stage.number} {plan.stage.short_label}",
        budget=f"{format_money(position.budget)}{period}" if position.budget is not None else "not set",
        planned=f"{format_money(position.planned)}{period}" if plan.costs else "none yet",
        updated=plan.updated.isoformat(),
    )


def plan_table(rows: list[PlanRow]) -> Table:
    """Rows for the table; where two plans share a title, each also shows its file name."""
    titles = Counter(row.title.casefold() for row in rows if not row.problem)
    cells = []
    for row in rows:
        shown = row.cells()
        if not row.problem and titles[row.title.casefold()] > 1:
            shown[0] = f"{shown[0]} [{row.slug}]"
        cells.append([visible(cell) for cell in shown])  # A file name may hold escape codes.
    return Table(HEADERS, cells, numeric=frozenset({3, 4}))


def _stamp(path: Path) -> list[int]:
    try:
        status = path.stat()
    except OSError:
        return []
    return [status.st_mtime_ns, status.st_size, status.st_ino]


def _read_cache(stored: bytes | None) -> dict[str, dict[str, object]]:
    """The cached rows, or none at all if the cache is missing, damaged or from another version."""
    try:
        data = json.loads(stored or b"")
    except ValueError:
        return {}
    if not isinstance(data, dict) or data.get("format") != _CACHE_FORMAT or not isinstance(data.get("plans"), dict):
        return {}
    plans: dict[str, dict[str, object]] = data["plans"]
    return plans
