"""Cold start and memory, each run a new process, against the least a Textual app can be.

Start-up is timed from starting the process to the first frame of the first screen, and to its
last frame before it settles (see `bench.frames`), for `phb open` on a realistic plan and for the
list of 50 plans, each taking turns with the minimal app (Header, Static, Input, Footer), 10 runs
each, PHB Planner's modules compiled to bytecode first as an installed copy's are. The targets are
judged on the settled figure, the stricter: even the minimal app paints again for about 50 ms.

Memory is the peak, and what each holds once settled, after visiting every step: `phb open` on a
plan of 1,000 costs taking turns with a bare app of the same number of screens with the same
number of widgets on each (`bench.bare`), and the minimal app.

Targets: start at most 1.3x the minimal app; the list of 50 plans at most 1.3x; peak memory after
visiting every step with 1,000 costs at most 1.3x the bare app of the same screens.
"""

from __future__ import annotations

import os
import pty
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import Spread, big_plan, compiled_as_installed, ratio, realistic_plan, table
from bench.targets import COLD_LIST, COLD_OPEN, MEMORY, Target
from plan_store import PlanStore

RUNS = 10


@dataclass(frozen=True)
class _Launched:
    settled: float
    """Seconds from starting the process to its last frame before settling."""
    first_frame: float
    widgets: list[int]
    """On each screen shown, first to last."""
    held_kib: int
    peak_kib: int


def _launch(args: list[str]) -> _Launched:
    terminal, other_end = pty.openpty()  # `phb open` wants a terminal, as a person's would be.
    try:
        start = time.time()
        result = subprocess.run(
            [sys.executable, "-m", "bench.launch", *args],
            stdin=other_end,
            stdout=other_end,
            stderr=subprocess.PIPE,
            text=True,
        )
    finally:
        os.close(other_end)
        os.close(terminal)
    if result.returncode != 0:
        raise RuntimeError(f"bench.launch {' '.join(args)} failed:\n{result.stderr}")
    widgets, held, peak, first_at, painted_at = result.stderr.split()[-5:]
    return _Launched(
        float(painted_at) - start, float(first_at) - start, [int(n) for n in widgets.split(",")], int(held), int(peak)
    )


def measure(quick: bool = False) -> tuple[str, list[Target]]:
    runs = 3 if quick else RUNS
    compiled_as_installed()
    with tempfile.TemporaryDirectory() as folder:
        store = PlanStore(Path(folder))
        realistic = store.add(realistic_plan(1, title="Realistic plan")).path
        for n in range(2, 51):
            store.add(realistic_plan(n))
        huge = store.add(big_plan(1000, title="Plan with 1000 items")).path
        times: dict[str, list[float]] = {"minimal": [], "open": [], "picker": []}
        firsts: dict[str, list[float]] = {"minimal": [], "open": [], "picker": []}
        _launch(["picker", folder])  # The list of plans is cached once, as after any first use.
        for _ in range(runs):
            for name, args in [
                ("minimal", ["minimal"]),
                ("open", ["phb", folder, str(realistic)]),
                ("minimal", ["minimal"]),
                ("picker", ["picker", folder]),
            ]:
                launched = _launch(args)
                times[name].append(launched.settled)
                firsts[name].append(launched.first_frame)
        minimal = _launch(["minimal"])
        tours, bares = [], []
        for _ in range(1 if quick else 3):  # Taking turns: the bare app has the screens of the tour before it.
            tours.append(_launch(["tour", folder, str(huge)]))
            bares.append(_launch(["screens", ",".join(map(str, tours[-1].widgets))]))
    counts = tours[-1].widgets
    tour_held, tour_peak = statistics.median(t.held_kib for t in tours), statistics.median(t.peak_kib for t in tours)
    bare_held, bare_peak = statistics.median(b.held_kib for b in bares), statistics.median(b.peak_kib for b in bares)
    spread = {name: Spread.of(seconds) for name, seconds in times.items()}
    first = {name: Spread.of(seconds) for name, seconds in firsts.items()}
    base, first_base = spread["minimal"].median, first["minimal"].median
    names = {
        "minimal": "Minimal Textual app (Header, Static, Input, Footer)",
        "open": "phb open, a realistic plan (first step)",
        "picker": "phb, the list of 50 plans",
    }
    rows = [
        [
            label,
            str(first[name]),
            ratio(first[name].median, first_base),
            str(spread[name]),
            ratio(spread[name].median, base),
        ]
        for name, label in names.items()
    ]
    text = table(
        f"Cold start: to the first frame painted, and to the last before it settles ({runs} runs each, taking turns)",
        ["App", "First frame", "vs minimal", "Settled", "vs minimal"],
        rows,
    )
    rows = [
        ["Minimal Textual app", *_mib(minimal.peak_kib, bare_peak), *_mib(minimal.held_kib, bare_held)],
        [
            f"Bare app, 7 screens of {', '.join(map(str, counts))} widgets",
            *_mib(bare_peak, bare_peak),
            *_mib(bare_held, bare_held),
        ],
        ["phb open, 1,000 costs, every step visited", *_mib(tour_peak, bare_peak), *_mib(tour_held, bare_held)],
    ]
    text += "\n" + table(
        f"Memory, resident (median of {len(tours)}, taking turns)",
        ["App", "Peak", "vs bare screens", "Held once settled", "vs bare screens"],
        rows,
    )
    targets = [
        COLD_OPEN.ratio(spread["open"].median, base),
        COLD_LIST.ratio(spread["picker"].median, base),
        MEMORY.ratio(tour_peak, bare_peak, f"held once settled {ratio(tour_held, bare_held)}"),
    ]
    return text, targets


def _mib(kib: float, bare_kib: float) -> list[str]:
    return [f"{kib / 1024:.1f} MiB", ratio(kib, bare_kib)]


if __name__ == "__main__":
    print(measure()[0])
