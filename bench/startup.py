"""Cold start and memory, each run a new process, against the least a Textual app can be.

Start-up is timed from starting the process to the first frame of the first screen, and to its
last frame before it settles (see `bench.frames`), for `phb open` on a realistic plan and for the
list of 50 plans, each taking turns with the minimal app (Header, Static, Input, Footer), 10 runs
each, PHB Planner's modules compiled to bytecode first as an installed copy's are. The targets are
judged on the settled figure, the stricter: even the minimal app paints again for about 50 ms.

Memory is what each holds, settled, after visiting every step: `phb open` on a plan of 1,000
costs against a bare app of the same number of screens with the same number of widgets on each
(Labels and Inputs), and against the minimal app.

Targets: start at most 1.5x the minimal app; the list of 50 plans at most 1.3x; memory after
visiting every step with 1,000 costs at most 1.5x the bare app of the same screens.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Spread, Target, big_plan, compiled_as_installed, ratio, realistic_plan, table
from plan_store import PlanStore

RUNS = 10


def _launch(args: list[str]) -> tuple[float, int, int, float]:
    """Seconds from starting the process to its last frame before settling; widgets; KiB held;
    seconds to its first frame."""
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
    widgets, kib, first_at, painted_at = result.stderr.split()[-4:]
    return float(painted_at) - start, int(widgets), int(kib), float(first_at) - start


def measure() -> tuple[str, list[Target]]:
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
        for _ in range(RUNS):
            for name, args in [
                ("minimal", ["minimal"]),
                ("open", ["phb", folder, str(realistic)]),
                ("minimal", ["minimal"]),
                ("picker", ["picker", folder]),
            ]:
                settled, _, _, first_frame = _launch(args)
                times[name].append(settled)
                firsts[name].append(first_frame)
        _, _, minimal_kib, _ = _launch(["minimal"])
        counts = []
        for step in range(7):
            # Each step's widget count, from a tour that stops there.
            counts.append(_step_widgets(folder, str(huge), step))
        _, _, tour_kib, _ = _launch(["tour", folder, str(huge)])
        _, _, bare_kib, _ = _launch(["screens", ",".join(map(str, counts))])
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
        f"Cold start: to the first frame painted, and to the last before it settles ({RUNS} runs each, taking turns)",
        ["App", "First frame", "vs minimal", "Settled", "vs minimal"],
        rows,
    )
    rows = [
        ["Minimal Textual app", f"{minimal_kib / 1024:.1f} MiB", ratio(minimal_kib, bare_kib)],
        [f"Bare app, 7 screens of {', '.join(map(str, counts))} widgets", f"{bare_kib / 1024:.1f} MiB", "1.00x"],
        ["phb open, 1,000 costs, every step visited", f"{tour_kib / 1024:.1f} MiB", ratio(tour_kib, bare_kib)],
    ]
    text += "\n" + table("Memory held once settled (resident)", ["App", "Memory", "vs bare screens"], rows)
    targets = [
        Target(
            "Cold start of phb open at most 1.5x the minimal app (settled)",
            ratio(spread["open"].median, base),
            spread["open"].median <= 1.5 * base,
        ),
        Target(
            "The list of 50 plans at most 1.3x the minimal app (settled)",
            ratio(spread["picker"].median, base),
            spread["picker"].median <= 1.3 * base,
        ),
        Target(
            "Memory, 1,000 costs, every step visited, at most 1.5x the bare screens",
            ratio(tour_kib, bare_kib),
            tour_kib <= 1.5 * bare_kib,
        ),
    ]
    return text, targets


def _step_widgets(folder: str, plan: str, step: int) -> int:
    """Widgets on one step of the app: the tour's screen, stopped after `step` visits."""
    return _launch(["tour", folder, plan, str(step)])[1]


if __name__ == "__main__":
    print(measure()[0])
