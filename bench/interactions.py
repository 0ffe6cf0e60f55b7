"""How long a person waits after a key, in one process at 80x24, from the key to the last frame
the app paints in response (see `bench.frames`), with plans of realistic size and of 1,000 and
10,000 costs.

- Step switch: F8 to each step the first time (when it is built) and on return visits.
- Open a dialog: A on the list of costs; then Esc.
- Add an item: A, a letter typed, Esc: the time of Esc, which adds the cost and redraws the list.
- Type a key: a letter in a notes box on the Financial plan step, against a bare TextArea.
- Scroll: Page Down in the list of costs, against a bare DataTable with the same rows.

Beside each, the longest the app kept the event loop to itself meanwhile: a key pressed then
waits that long, so it says whether anything froze.

Targets: every interaction settles in under 100 ms with 1,000 costs; typing adds at most one
frame (16 ms) over the bare widget with a realistic plan; nothing keeps keys waiting over a
second at 10,000 costs. A quick run leaves out 10,000 costs. Each step's first visit against
a bare app of the same screens is `bench.steps`.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import DataTable, TextArea

from bench.common import Spread, big_plan, realistic_plan, table
from bench.frames import FrameClock, Stalls, press
from bench.targets import EVERY_INTERACTION, NEVER_FROZEN, TYPING, Target
from phb_tui.app import PhbApp
from phb_tui.planning.steps import Step
from phb_tui.widgets.virtual_table import VirtualTable
from plan_store import Plan, PlanStore

SIZE = (80, 24)
LETTERS = 20


FIRST_FRAMES: dict[str, list[float]] = {}
"""Key to the first frame painted in answer, by interaction: what a person sees change first."""


async def _key(app: App[Any], clock: FrameClock, key: str, noted: str = "") -> float:
    first, last = await press(app, clock, key)
    if noted:
        FIRST_FRAMES.setdefault(noted, []).append(first)
    return last


async def _phb(plan: Plan, folder: Path, label: str) -> dict[str, Any]:
    store = PlanStore(folder)
    opened = store.add(plan)
    app = PhbApp(store, store.open(opened.path), keys_file=folder / "none.toml", autosave_seconds=3600)
    figures: dict[str, Any] = {}
    async with app.run_test(size=SIZE):
        clock = FrameClock(app)
        await clock.settle(time.perf_counter())
        with Stalls() as stalls:
            first = [await _key(app, clock, "f8", f"{label}: first visit") for _ in range(len(Step) - 1)]
            returns = [await _key(app, clock, "f7") for _ in range(len(Step) - 1)]
            returns += [await _key(app, clock, "f8") for _ in range(len(Step) - 1)]
        figures["first visit"], figures["return visit"] = Spread.of(first), Spread.of(returns)
        figures["stall: steps"] = stalls.worst
        app.show_step(Step.FINANCE)
        await clock.settle(time.perf_counter())
        costs = app.screen.query_one("#line-items VirtualTable", VirtualTable)
        dialogs, adds, scrolls = [], [], []
        with Stalls() as stalls:
            for _ in range(5):
                costs.focus()
                await clock.settle(time.perf_counter(), painted=False)
                dialogs.append(await _key(app, clock, "a", f"{label}: open a dialog"))
                await _key(app, clock, "x")
                adds.append(await _key(app, clock, "escape", f"{label}: add an item"))
                costs.move_cursor(row=0)
                await clock.settle(time.perf_counter(), painted=False)
                scrolls.append(await _key(app, clock, "pagedown"))
        figures["open a dialog"], figures["add an item"] = Spread.of(dialogs), Spread.of(adds)
        figures["scroll"] = Spread.of(scrolls)
        figures["stall: editing"] = stalls.worst
        app.screen.query_one("#field-contingency_notes").focus()
        await clock.settle(time.perf_counter(), painted=False)
        with Stalls() as stalls:
            letters = [await _key(app, clock, letter) for letter in "abcdefghij" * (LETTERS // 10)]
        figures["type a key"] = Spread.of(letters)
        figures["stall: typing"] = stalls.worst
    return figures


class _BareTextArea(App[None]):
    def compose(self) -> ComposeResult:
        yield TextArea()


class _BareTable(App[None]):
    def __init__(self, rows: list[list[str]]):
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row")

    def on_mount(self) -> None:
        table_ = self.query_one(DataTable)
        table_.add_columns("#", "Item", "Provider", "Cost", "Outcomes")
        table_.add_rows(self.rows)
        table_.focus()


async def _bare(app: App[Any], keys: list[str], before: Callable[[App[Any]], Awaitable[None]] | None = None) -> Spread:
    async with app.run_test(size=SIZE):
        clock = FrameClock(app)
        await clock.settle(time.perf_counter())
        times = []
        for key in keys:
            if before:
                await before(app)
                await clock.settle(time.perf_counter(), painted=False)
            times.append(await _key(app, clock, key))
    return Spread.of(times)


async def _to_top(app: App[Any]) -> None:
    app.query_one(DataTable).move_cursor(row=0)


def _rows(plan: Plan) -> list[list[str]]:
    return [
        [str(n), item.description, item.provider, f"£{item.unit_cost}", ", ".join(item.outcome_ids)]
        for n, item in enumerate(plan.finance.line_items, 1)
    ]


def measure(quick: bool = False) -> tuple[str, list[Target]]:
    plans = {"realistic": realistic_plan(3), "1,000 costs": big_plan(1000)}
    if not quick:
        plans["10,000 costs"] = big_plan(10_000, title="Plan with 10000 items")
    results: dict[str, dict[str, Any]] = {}
    for name, plan in plans.items():
        with tempfile.TemporaryDirectory() as folder:
            results[name] = asyncio.run(_phb(plan, Path(folder), name))
    bare_typing = asyncio.run(_bare(_BareTextArea(), list("abcdefghij" * (LETTERS // 10))))
    bare_scroll = {
        name: asyncio.run(_bare(_BareTable(_rows(plan)), ["pagedown"] * 5, _to_top)) for name, plan in plans.items()
    }
    measures = ["first visit", "return visit", "open a dialog", "add an item", "scroll", "type a key"]
    rows = [[measure, *(str(results[name][measure]) for name in plans)] for measure in measures]
    rows.append(["bare TextArea, type a key", *(str(bare_typing) for _ in plans)])
    rows.append(["bare DataTable, same rows, scroll", *(str(bare_scroll[name]) for name in plans)])
    for stall in ("steps", "editing", "typing"):
        rows.append(
            [
                f"longest a key waited ({stall})",
                *(f"{results[name][f'stall: {stall}'] * 1000:.0f} ms" for name in plans),
            ]
        )
    text = table("Key to last frame, 80x24: median (fastest to slowest)", ["Interaction", *plans], rows)
    firsts = [
        [measure, *(str(Spread.of(FIRST_FRAMES[f"{name}: {measure}"])) for name in plans)]
        for measure in ("first visit", "open a dialog", "add an item")
    ]
    text += "\n" + table(
        "Key to first frame, what a person sees change first (a long list then fills in while keys work)",
        ["Interaction", *plans],
        firsts,
    )
    thousand = results["1,000 costs"]
    slowest = max(thousand[measure].median for measure in measures)
    worst_name = max(measures, key=lambda measure: thousand[measure].median)
    typing = results["realistic"]["type a key"].median
    targets = [
        EVERY_INTERACTION.judged(slowest, worst_name),
        TYPING.judged(
            typing - bare_typing.median, f"{typing * 1000:.1f} ms against {bare_typing.median * 1000:.1f} ms"
        ),
    ]
    if "10,000 costs" in results:
        frozen = max(results["10,000 costs"][f"stall: {stall}"] for stall in ("steps", "editing", "typing"))
        targets.append(NEVER_FROZEN.judged(frozen))
    return text, targets


if __name__ == "__main__":
    print(measure()[0])
