"""Cold start and memory: `phb open PLAN` against a bare Textual app with as many widgets.

Each run is a new process, from starting it to the last frame of its first screen before it
settles (see `bench.frames`), the two alternating, 10 runs each, with PHB Planner's modules compiled to
bytecode first as an installed copy's are. Target: at most 1.3 times the bare app. Memory is the peak
resident size of each.
"""

from __future__ import annotations

import os
import pty
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import big_plan, compiled_as_installed, ms, table
from plan_store import PlanStore

RUNS = 10


def _launch(args: list[str]) -> tuple[float, int, int]:
    """Seconds from starting the process to its last frame before settling; widgets; peak KiB."""
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
    widgets, peak, painted_at = result.stderr.split()[-3:]
    return float(painted_at) - start, int(widgets), int(peak)


def measure() -> tuple[str, dict[str, float]]:
    compiled_as_installed()
    with tempfile.TemporaryDirectory() as folder:
        store = PlanStore(Path(folder))
        realistic = store.add(big_plan(12, outcomes=4, title="Realistic plan")).path
        huge = store.add(big_plan(1000, title="Plan with 1000 items")).path
        _, widgets, _ = _launch(["phb", folder, str(realistic)])
        phb_times, bare_times = [], []
        for _ in range(RUNS):
            phb_times.append(_launch(["phb", folder, str(realistic)])[0])
            bare_times.append(_launch(["bare", str(widgets)])[0])
        _, _, phb_peak = _launch(["phb", folder, str(huge)])
        _, _, bare_peak = _launch(["bare", str(widgets)])
    phb_median, bare_median = statistics.median(phb_times), statistics.median(bare_times)
    rows = [
        [f"Bare Textual app, {widgets} widgets", ms(bare_median), "1.00x"],
        ["phb open, realistic plan (first step)", ms(phb_median), f"{phb_median / bare_median:.2f}x"],
    ]
    text = table(
        f"Cold start to first screen painted and settled (median of {RUNS}, alternating)",
        ["App", "Time", "vs bare"],
        rows,
    )
    text += f"Target: at most 1.3x the bare app ({phb_median / bare_median:.2f}x). Modules compiled first, as pip install does.\n\n"
    rows = [
        [f"Bare Textual app, {widgets} widgets", f"{bare_peak / 1024:6.1f} MiB", "1.00x"],
        ["phb open, plan with 1,000 items", f"{phb_peak / 1024:6.1f} MiB", f"{phb_peak / bare_peak:.2f}x"],
    ]
    text += table("Peak memory (resident)", ["App", "Peak", "vs bare"], rows)
    return text, {
        "start_ratio": phb_median / bare_median,
        "start_phb": phb_median,
        "memory_ratio": phb_peak / bare_peak,
    }


if __name__ == "__main__":
    print(measure()[0])
