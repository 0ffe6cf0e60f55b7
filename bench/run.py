"""Run every benchmark and print the tables: `python -m bench.run` from the project folder.

Each benchmark runs in a fresh process and measures PHB Planner against the simplest baseline a
sceptic would accept, taking turns with it in the same run: a minimal Textual app, a bare app of
the same screens, a bare TextArea or DataTable, tomllib and tomli-w alone, a plain parse of every
file. The last table gives every target (`bench.targets`) with what was measured, met or MISSED.

`--quick` runs each measure fewer times and leaves out the largest sizes (a few minutes instead of
many): enough to see the benchmarks work and where things stand, not figures to keep.
`--write` also saves everything, with the machine it came from, to bench/RESULTS.md.
"""

from __future__ import annotations

import importlib
import multiprocessing
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from bench import files, interactions, many_plans, spending, startup, steps
from bench.common import machine
from bench.targets import Target, targets_table


def _measure(name: str, quick: bool) -> tuple[str, list[Target]]:
    module: Any = importlib.import_module(name)
    return module.measure(quick)  # type: ignore[no-any-return]


def main() -> None:
    quick = "--quick" in sys.argv
    if quick and "--write" in sys.argv:
        sys.exit("bench: a quick run's figures are not kept; leave out --quick or --write")
    sections = []
    targets: list[Target] = []
    started = time.perf_counter()
    for module in (startup, steps, interactions, files, many_plans, spending):
        # Each in a fresh process of its own: the interaction benchmarks run the app in-process
        # at 10,000 costs, and what they leave behind slowed the file benchmarks after them.
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as alone:
            text, found = alone.submit(_measure, module.__name__, quick).result()
        print(text, flush=True)
        sections.append(text)
        targets += found
    summary = targets_table(targets, quick) + f"The run took {time.perf_counter() - started:.0f} s.\n"
    print(summary)
    sections.append(summary)
    if "--write" in sys.argv:
        header = (
            f"# Benchmark results\n\nMeasured on {date.today():%d %B %Y}: {machine()}. "
            "Run with `python -m bench.run --write`.\n\n"
        )
        body = "\n".join(f"```\n{section.rstrip()}\n```\n" for section in sections)
        (Path(__file__).parent / "RESULTS.md").write_text(header + body, encoding="utf-8")


if __name__ == "__main__":
    main()
