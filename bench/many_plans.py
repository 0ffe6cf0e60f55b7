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

from bench.common import big_plan, compiled_as_installed, ms, table
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
    compiled_as_installed()
    phb = str(Path(sys.executable).parent / "phb")
    with tempfile.TemporaryDirectory() as folder:
        _make_folder(Path(folder))
        baseline = _time([phb, "--version"])
        cold = _time([phb, "--data-dir", folder, "list"], runs=1)  # Every plan read: no list cache yet.
        warm = _time([phb, "--data-dir", folder, "list"], runs=5)
        (Path(folder) / "plans" / "client-0001.toml").touch()  # One plan changed since the last list.
        one_changed = _time([phb, "--data-dir", folder, "list"], runs=1)
    rows = [
        ["phb --version (start-up only)", ms(baseline), "1.0x"],
        [
            f"phb list, {PLANS:,} plans, first time (reads every plan's listed lines)",
            ms(cold),
            f"{cold / baseline:.1f}x",
        ],
        [f"phb list, {PLANS:,} plans, one changed since last list", ms(one_changed), f"{one_changed / baseline:.1f}x"],
        [f"phb list, {PLANS:,} plans, none changed", ms(warm), f"{warm / baseline:.1f}x"],
    ]
    text = table(
        "Many plans (each run a new process; median of 5 where repeated)", ["Command", "Time", "vs start-up"], rows
    )
    text += (
        f"Target: phb list under 1,500 ms with {PLANS:,} plans: {warm * 1000:.0f} ms when the list cache is up to date; "
        f"{cold * 1000:.0f} ms the first time, when every plan is read as far as the list needs ({(cold - baseline) / PLANS * 1e6:.0f} µs a plan).\n"
    )
    return text, {"list_5000_cold": cold, "list_5000_warm": warm, "startup": baseline}


if __name__ == "__main__":
    print(measure()[0])
