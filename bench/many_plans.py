"""`phb list` with 5,000 plans in the data folder. Target: under 1.5 s.

The baseline is `phb --version` measured in the same run: starting Python and PHB Planner's own
imports, which every command pays before it reads a single plan.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import big_plan, ms, table
from plan_store.codec import plan_to_toml

PLANS = 5000


def _make_folder(folder: Path) -> None:
    plans = folder / "plans"
    plans.mkdir(parents=True)
    template = plan_to_toml(big_plan(12, outcomes=4, title="TITLE_HERE"))
    for n in range(PLANS):
        (plans / f"client-{n:04d}.toml").write_text(template.replace("TITLE_HERE", f"Client {n:04d}"), encoding="utf-8")


def _time(args: list[str], runs: int = 5) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def measure() -> tuple[str, dict[str, float]]:
    phb = str(Path(sys.executable).parent / "phb")
    with tempfile.TemporaryDirectory() as folder:
        _make_folder(Path(folder))
        baseline = _time([phb, "--version"])
        listing = _time([phb, "--data-dir", folder, "list"], runs=3)
    rows = [["phb --version (start-up only)", ms(baseline), "1.0x"], [f"phb list, {PLANS:,} plans", ms(listing), f"{listing / baseline:.1f}x"]]
    text = table("Many plans (median of 3 to 5 runs, each a new process)", ["Command", "Time", "vs start-up"], rows)
    text += f"Target: phb list under 1,500 ms with {PLANS:,} plans ({listing * 1000:.0f} ms); {listing / PLANS * 1e6:.0f} µs a plan after start-up.\n"
    return text, {"list_5000": listing, "startup": baseline}


if __name__ == "__main__":
    print(measure()[0])
