"""The list of plans shown by `phb list` and the app's plan picker, quick with thousands of plans.

Reading and checking a whole plan takes most of a millisecond, so a broker's 5,000 plans would
take seconds. Two things keep the list quick. A plan is read only as far as the list needs
(`PlanStore.glance`). And each plan's row is kept in `list-cache.json` in the data folder
(private like everything there), keyed by the file's size, time and inode, so a plan is read
again only when its file has changed. A damaged or missing cache is simply rebuilt.

The app's list also says whether each plan is ready for review and when it is next reviewed,
which needs the whole plan read and checked (`checked=True`): about five times as long as a
glance, once per changed plan. `phb list` does not show them, so it keeps to the glance, and a
row it caches is read in full the next time the app lists it.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plan_store import clock
from plan_store.errors import PlanError, visible_name

from .. import __version__

if TYPE_CHECKING:
    from plan_store import PlanStore

    from ..summary.document import Table

# The plan models and the planning rules are imported where a plan is read: a list answered from
# the cache needs neither, and building the models would be most of its time.

HEADERS = ["Title", "Person", "Stage", "Budget", "Planned", "Last saved"]
_CACHE_FORMAT = f"3/{__version__}"  # A new version of the program may list plans differently.

NOT_GIVEN = "not given"

ORDERS = {
    "saved": "last saved, newest first",
    "name": "name, A to Z",
    "review": "next review, soonest first",
}
"""The orders the list can be sorted in, and how each is said; the first is the usual one."""


@dataclass(frozen=True)
class PlanRow:
    """What the list shows about one plan file, or why it could not be read."""

    file: str
    title: str = ""
    person: str = ""
    """The name the person likes to be called by, or their name: what `phb list` shows."""
    stage: str = ""
    budget: str = ""
    planned: str = ""
    updated: str = ""
    """When the plan was last saved, as an ISO date and time (for sorting and showing)."""
    gaps: int | None = None
    """How many things a reviewer would ask about (0: ready); None if the plan was only glanced at."""
    next_review: str = ""
    """The date of the next review, ISO; empty if none is planned (or the plan was only glanced at)."""
    full_name: str = ""
    """The person's full name, which tells a broker's two Dans apart; empty if not given."""
    problem: str = ""

    @classmethod
    def cached(cls, kept: dict[str, Any]) -> PlanRow:
        """A row as the cache kept it, made without the checks of `__init__`: a tenth of the time,
        which is most of listing thousands of plans from the cache. Fields the cache does not name
        keep their defaults; a cache naming others is made the ordinary way, which refuses it."""
        if not kept.keys() <= _ROW_FIELDS:
            return cls(**kept)
        row = object.__new__(cls)
        row.__dict__.update(kept)
        return row

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

    def saved_briefly(self, now: datetime | None = None) -> str:
        """`last_saved` for a narrow list: "2 Nov 16:40" this year, "2 Nov 2025" before."""
        if not self.updated:
            return ""
        local = datetime.fromisoformat(self.updated).astimezone()
        if local.year == (now or clock.now()).astimezone().year:
            return f"{local.day} {local:%b %H:%M}"
        return f"{local.day} {local:%b %Y}"

    @property
    def readiness(self) -> str:
        """ "ready", "1 gap", "3 gaps"; empty if the plan was not checked."""
        if self.gaps is None:
            return ""
        return "ready" if self.gaps == 0 else f"{self.gaps} gap{'' if self.gaps == 1 else 's'}"

    @property
    def review_words(self) -> str:
        """ "26 Feb 2027", or "not set"."""
        if not self.next_review:
            return "not set"
        day = date.fromisoformat(self.next_review)
        return f"{day.day} {day:%b %Y}"

    def cells(self) -> list[str]:
        if self.problem:
            return [f"{self.file}: ✗ cannot be opened", "", "", "", "", ""]
        return [self.title, self.person, self.stage, self.budget, self.planned, self.last_saved]


_ROW_FIELDS = frozenset(field.name for field in fields(PlanRow))


def plan_rows(store: PlanStore, checked: bool = False) -> list[PlanRow]:
    """A row for every plan file, read from the cache where the file has not changed.

    With `checked`, every row says how ready the plan is and when it is next reviewed.
    """
    return finish_listing(store, start_listing(store, checked))


@dataclass
class Listing:
    """The list of plans half made: the rows the cache still holds, and the plans to read again."""

    checked: bool
    found: dict[Path, PlanRow | None]
    stamps: dict[Path, object]
    cached: dict[str, dict[str, object]]

    @property
    def known(self) -> list[PlanRow]:
        return [row for row in self.found.values() if row is not None]

    @property
    def unread(self) -> list[Path]:
        """Plans new or changed since the list was last made (or never listed with their checks)."""
        return [path for path, row in self.found.items() if row is None]


def start_listing(store: PlanStore, checked: bool = False) -> Listing:
    """The quick half: every file's size and time against the cache. Reading the rest may take seconds."""
    cached = _read_cache(store.read_list_cache())
    found: dict[Path, PlanRow | None] = {}
    stamps: dict[Path, object] = {}
    for path in store.plan_paths():
        stamp = stamps[path] = _stamp(path)
        entry = cached.get(path.name)
        kept = entry.get("row") if entry is not None and entry.get("stamp") == stamp else None
        if checked and isinstance(kept, dict) and kept.get("gaps") is None and not kept.get("problem"):
            kept = None  # Cached by `phb list`, which does not check plans.
        found[path] = PlanRow.cached(kept) if isinstance(kept, dict) else None
    return Listing(checked, found, stamps, cached)


def finish_listing(store: PlanStore, listing: Listing) -> list[PlanRow]:
    """Read the plans the cache could not answer for, and keep the whole list in the cache."""
    found = dict(listing.found)
    unread = listing.unread
    if not unread and len(found) == len(listing.cached):
        # Every row came from the cache, unchanged, and no plan has gone: the cache holds this list already.
        return listing.known
    found.update(zip(unread, read_rows(store, unread, listing.checked), strict=True))
    rows = [row for row in found.values() if row is not None]
    fresh = {path.name: {"stamp": listing.stamps[path], "row": vars(row).copy()} for path, row in found.items() if row}
    if fresh != listing.cached:
        text = json.dumps({"format": _CACHE_FORMAT, "plans": fresh}, ensure_ascii=False, separators=(",", ":"))
        store.write_list_cache(text.encode("utf-8"))
    return rows


TOGETHER_FROM = 400
"""Plans to read at once before the work is shared among the computer's processors: starting the
helpers takes about as long as reading this many plans alone."""


def read_rows(store: PlanStore, paths: list[Path], checked: bool = False) -> list[PlanRow]:
    """A row for each path, in order; thousands are read by several processes at once."""
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < TOGETHER_FROM or workers < 2:
        return [read_row(store, path, checked) for path in paths]
    # Loaded only now: most lists are short, and the app's list of plans starts sooner without them.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context(_start_method())
    try:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            chunk = max(1, len(paths) // (workers * 4))
            return list(pool.map(partial(read_row, store, checked=checked), paths, chunksize=chunk))
    except (OSError, BrokenProcessPool):  # No processes to be had: read them here instead.
        return [read_row(store, path, checked) for path in paths]


def _start_method() -> str:
    """A copy of this process where that is safe (no other threads, as in `phb list`), which
    starts at once; otherwise fresh processes, which must load PHB Planner first."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1 and sys.platform != "darwin":
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def read_row(store: PlanStore, path: Path, checked: bool = False) -> PlanRow:
    from plan_store.glance import PlanGlance
    from plan_store.money import format_money

    from ..planning.finance import budget_short_words, position_against_budget

    gaps: int | None = None
    review: date | None = None
    try:
        if checked:
            # Only the app's list checks plans: `phb list` starts without these.
            from ..planning.checks import find_gaps
            from ..planning.reviews import next_review

            whole = store.open(path).plan
            plan = PlanGlance.of(whole)
            gaps, due = len(find_gaps(whole)), next_review(whole.reviews)
            review = due.due if due else None
        else:
            plan = store.glance(path)
    except PlanError as error:  # One file that cannot be read never hides the others.
        return PlanRow(path.name, problem=str(error))
    position = position_against_budget(plan.finance, plan.costs)
    period = budget_short_words(plan.finance)
    return PlanRow(
        file=path.name,
        title=plan.title,
        person=plan.preferred_name or plan.name or NOT_GIVEN,
        stage=f"{plan.stage.number} {plan.stage.short_label}",
        budget=f"{format_money(position.budget)}{period}" if position.budget is not None else "not set",
        planned=f"{format_money(position.planned)}{period}" if plan.costs else "none yet",
        updated=plan.updated.isoformat(),
        gaps=gaps,
        next_review=review.isoformat() if review else "",
        full_name=plan.name or plan.preferred_name,
    )


def sorted_rows(rows: Iterable[PlanRow], order: str) -> list[PlanRow]:
    """The rows in one of the `ORDERS`; files that cannot be opened come last whatever the order."""
    rows = list(rows)
    good = [row for row in rows if not row.problem]
    if order == "name":
        good.sort(key=lambda row: (not row.full_name, folded(row.full_name), folded(row.title), row.file))
    elif order == "review":
        good.sort(key=lambda row: (not row.next_review, row.next_review, folded(row.full_name), row.file))
    else:
        good.sort(key=lambda row: (_moment(row.updated), row.file), reverse=True)
    return good + sorted((row for row in rows if row.problem), key=lambda row: row.file)


def matching(rows: Iterable[PlanRow], words: str) -> list[PlanRow]:
    """The rows whose title or person's name holds every word typed, in any case, with or without
    accents and apostrophes ("siobhan" finds Siobhán, "daniels" finds Daniel's plan)."""
    wanted = folded(words).split()
    return [row for row in rows if all(word in _searched(row) for word in wanted)]


def folded(text: str) -> str:
    """Text as a search compares it: no case, no accents, no apostrophes."""
    plain = "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))
    return plain.casefold().replace("'", "").replace("\u2019", "")


def _searched(row: PlanRow) -> str:
    """Both the person's names; and a file that cannot be opened by its file name, its only name."""
    return folded(f"{row.title} {row.full_name} {row.person} {row.file if row.problem else ''}")


def _moment(updated: str) -> datetime:
    try:
        return datetime.fromisoformat(updated)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)


def plan_table(rows: list[PlanRow]) -> Table:
    """Rows for the table; where two plans share a title, each also shows its file name."""
    from ..summary.document import Table

    titles = Counter(row.title.casefold() for row in rows if not row.problem)
    cells = []
    for row in rows:
        shown = row.cells()
        if not row.problem and titles[row.title.casefold()] > 1:
            shown[0] = f"{shown[0]} [{row.slug}]"
        cells.append([visible_name(cell) for cell in shown])  # A file name may hold escape codes or line breaks.
    return Table(HEADERS, cells, numeric=frozenset({3, 4}))


@dataclass(frozen=True)
class Column:
    """A column of the app's list: its heading, what it shows of a row, and its width once fitted."""

    heading: str
    cell: Callable[[PlanRow], str]
    whole: bool = False
    """Figures and dates: never cut short. The title and the name give way instead."""
    width: int = 0
    cut_in_middle: frozenset[str] = frozenset()
    """Texts cut in the middle, not at the end: two plans whose titles start alike ("Mum's plan
    2026" and its copy) would otherwise look the same once cut."""

    def shown(self, row: PlanRow) -> str:
        text = self.cell(row)
        return shortened(text, self.width, keep_end=text in self.cut_in_middle)


APP_COLUMNS = (
    Column("Title", lambda row: row.file if row.problem else row.title),
    Column("Person", lambda row: "" if row.problem else row.full_name or NOT_GIVEN),
    Column("Stage", lambda row: row.stage),
    Column("Budget", lambda row: row.budget, whole=True),
    Column("Planned", lambda row: row.planned, whole=True),
    # Never cut short, and in capitals, so a file that cannot be opened stands out without colour.
    Column("Ready", lambda row: "✗ cannot open" if row.problem else row.readiness, whole=True),
    Column("Next review", lambda row: "" if row.problem else row.review_words, whole=True),
    Column("Last saved", lambda row: row.last_saved, whole=True),
)
_LEFT_OUT_FIRST = ("Planned", "Stage")
"""Where the screen is too narrow for every column in full, these go, in this order."""
COLUMN_PADDING = 2
"""What a table adds around each column: a space each side."""


def fit_app_columns(rows: Sequence[PlanRow], room: int, now: datetime | None = None) -> list[Column]:
    """The app's columns that fit `room` cells, each with its width: money and dates whole, the
    title and the name sharing what is left. At 80 columns the time of day is left off saves from
    before this year, and the stage and planned spending wait for a wider screen."""
    from rich.cells import cell_len  # Only the app fits columns, and it has Rich loaded already.

    def natural(column: Column) -> int:
        return max([cell_len(column.heading), *(cell_len(column.cell(row)) for row in rows)])

    def needed(columns: list[Column]) -> int:
        return sum(natural(column) + COLUMN_PADDING for column in columns)

    columns = list(APP_COLUMNS)
    for heading in _LEFT_OUT_FIRST:
        if needed(columns) > room:
            columns = [column for column in columns if column.heading != heading]
    if needed(columns) > room:
        brief = Column("Last saved", lambda row: row.saved_briefly(now), whole=True)
        columns = [brief if column.heading == "Last saved" else column for column in columns]
    fitted = [replace(column, width=natural(column)) for column in columns]
    text = [n for n, column in enumerate(fitted) if not column.whole]
    spare = room - sum(column.width + COLUMN_PADDING for column in fitted if column.whole)
    spare -= COLUMN_PADDING * len(text)
    if sum(fitted[n].width for n in text) > spare:
        # The title is how a plan is told apart: it takes what it needs, leaving the name a quarter
        # of the room at most (and its heading's width), before the two are shared out.
        title, *others = text
        least = sum(min(fitted[n].width, max(cell_len(fitted[n].heading), spare // 4)) for n in others)
        fitted[title] = replace(fitted[title], width=max(min(fitted[title].width, spare - least), 1))
        for n, width in zip(
            others, _shared(spare - fitted[title].width, [fitted[n].width for n in others]), strict=True
        ):
            fitted[n] = replace(fitted[n], width=width)
        alike: dict[str, set[str]] = {}
        for row in rows:
            alike.setdefault(fitted[title].shown(row), set()).add(fitted[title].cell(row))
        middle = frozenset(title_text for texts in alike.values() if len(texts) > 1 for title_text in texts)
        fitted[title] = replace(fitted[title], cut_in_middle=middle)
    return fitted


def _shared(room: int, wanted: list[int]) -> list[int]:
    """Widths that together fit `room`: an equal share each, and what one needs less than its
    share goes to the others."""
    widths = [0] * len(wanted)
    waiting = sorted(range(len(wanted)), key=lambda n: wanted[n])
    while waiting:
        n = waiting.pop(0)
        widths[n] = min(wanted[n], max(room // (len(waiting) + 1), 1)) if waiting else max(room, 1)
        room -= widths[n]
    return widths


def shortened(text: str, width: int, keep_end: bool = False) -> str:
    """Cut to `width` cells, the last an ellipsis (one cell, so more of the words show); with
    `keep_end`, the ellipsis in the middle, so the end of the text shows too."""
    from rich.cells import cell_len

    if cell_len(text) <= width:
        return text
    if keep_end and width > 4:
        head = shortened(text, (width + 1) // 2)
        tail = ""
        for char in reversed(text):
            if cell_len(head + char + tail) > width:
                break
            tail = char + tail
        return head + tail
    kept = ""
    for char in text:
        if cell_len(kept + char) > width - 1:
            break
        kept += char
    return kept + "…"


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
