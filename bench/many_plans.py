"""`phb list` with 5,000 and 20,000 realistic plans (5 to 40 costs, notes, several outcomes), each
run a new process, against the plainest way to read them all: a Python process that parses every
file with tomllib (the baseline a sceptic would write first).

Each run of `phb list` takes turns with the plain parse, first time (no list cache yet) and
cached alike.

Targets at 5,000 plans: the first list at most 0.1x the plain parse, the cached one at most
0.02x; from 5,000 to 20,000 plans the first list grows no faster than the plain parse (10%
allowed for noise). A quick run leaves out 20,000 plans.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import compiled_as_installed, realistic_plan, table
from bench.targets import LIST_CACHED, LIST_FIRST, LIST_GROWTH, Target
from plan_store.codec import plan_to_toml
from plan_store.store import LIST_CACHE

DISTINCT = 1000
"""Plans made and written under many titles: as varied as the list needs, quicker to make."""

PLAIN_PARSE = (
    "import pathlib, sys, tomllib\n"
    "for path in sorted(pathlib.Path(sys.argv[1]).glob('*.toml')):\n"
    "    tomllib.loads(path.read_text(encoding='utf-8'))\n"
)


def _make_folder(folder: Path, count: int) -> None:
    plans = folder / "plans"
    plans.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder.chmod(0o700)
    texts = [plan_to_toml(realistic_plan(n, title="TITLE_HERE")) for n in range(min(count, DISTINCT))]
    for n in range(count):
        text = texts[n % len(texts)].replace("TITLE_HERE", f"Client {n:05d}")
        (plans / f"client-{n:05d}.toml").write_text(text, encoding="utf-8")


def _time(args: list[str], runs: int = 1, before: object = None) -> list[float]:
    timings = []
    for _ in range(runs):
        if callable(before):
            before()
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        timings.append(time.perf_counter() - start)
    return timings


def measure(quick: bool = False) -> tuple[str, list[Target]]:
    compiled_as_installed()
    phb = str(Path(sys.executable).parent / "phb")
    rows = []
    found: dict[int, dict[str, float]] = {}
    for count in (5000,) if quick else (5000, 20_000):
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            _make_folder(folder, count)
            cache = folder / LIST_CACHE

            def no_cache() -> None:
                cache.unlink(missing_ok=True)

            runs = 1 if quick or count > 5000 else 3
            cold, plain, warm = [], [], []
            for _ in range(runs):  # Taking turns with the plain parse.
                cold += _time([phb, "--data-dir", name, "list"], before=no_cache)
                plain += _time([sys.executable, "-c", PLAIN_PARSE, str(folder / "plans")])
                warm += _time([phb, "--data-dir", name, "list"], runs=2)  # The first run made the cache.
            found[count] = {
                "cold": statistics.median(cold),
                "plain": statistics.median(plain),
                "warm": statistics.median(warm),
            }
        figures = found[count]
        rows += [
            [f"{count:,} plans: tomllib parse of every file", f"{figures['plain'] * 1000:.0f} ms", "1.00x"],
            [
                f"{count:,} plans: phb list, first time",
                f"{figures['cold'] * 1000:.0f} ms",
                f"{figures['cold'] / figures['plain']:.2f}x",
            ],
            [
                f"{count:,} plans: phb list, cached",
                f"{figures['warm'] * 1000:.0f} ms",
                f"{figures['warm'] / figures['plain']:.2f}x",
            ],
        ]
    text = table("Many plans, each run a new process (median)", ["Command", "Time", "vs plain parse"], rows)
    five = found[5000]
    targets = [
        LIST_FIRST.ratio(five["cold"], five["plain"], f"{five['cold']:.2f} s against {five['plain']:.2f} s"),
        LIST_CACHED.ratio(five["warm"], five["plain"], f"{five['warm']:.2f} s"),
    ]
    if 20_000 in found:
        twenty = found[20_000]
        growth, plain_growth = twenty["cold"] / five["cold"], twenty["plain"] / five["plain"]
        text += (
            f"From 5,000 to 20,000 plans the first list grew {growth:.1f}x (the plain parse {plain_growth:.1f}x); "
            f"cached {twenty['warm'] / five['warm']:.1f}x.\n"
        )
        targets.append(LIST_GROWTH.ratio(growth, plain_growth, f"{growth:.1f}x vs {plain_growth:.1f}x"))
    return text, targets


if __name__ == "__main__":
    print(measure()[0])
