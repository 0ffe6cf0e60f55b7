"""Run every benchmark and print the tables: `python -m bench.run` from the project folder.

`--write` also saves them, with the machine they came from, to bench/RESULTS.md.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from bench import big_plans, many_plans, startup, step_switch
from bench.common import machine


def main() -> None:
    sections = []
    for module in (startup, step_switch, big_plans, many_plans):
        text, _ = module.measure()
        print(text, flush=True)
        sections.append(text)
    if "--write" in sys.argv:
        header = f"# Benchmark results\n\nMeasured on {date.today():%d %B %Y}: {machine()}. Run with `python -m bench.run --write`.\n\n"
        body = "\n".join(f"```\n{section.rstrip()}\n```\n" for section in sections)
        (Path(__file__).parent / "RESULTS.md").write_text(header + body, encoding="utf-8")


if __name__ == "__main__":
    main()
