"""Opening and saving plans of 10 to 10,000 costs, against the TOML libraries on the same file.

Opening is timed against `tomllib` reading and parsing the same file, which no loader can beat;
saving against `tomli_w` writing the same table to a file. Each pair takes turns, 7 runs each.

Targets at 1,000 costs: open at most 1.1x tomllib; save at most 1.2x tomli-w; from 1,000 to
10,000 costs, each grows no faster than its library does (10% allowed for noise). A quick run
leaves out 10,000 costs.
"""

from __future__ import annotations

import tempfile
import tomllib
from pathlib import Path

import tomli_w

from bench.common import alternating, big_plan, ratio, realistic_plan, table
from bench.targets import OPEN, OPEN_GROWTH, SAVE, SAVE_GROWTH, Target
from plan_store import PlanStore
from plan_store.codec import plan_to_dict

SIZES = {"realistic": None, "10 costs": 10, "100 costs": 100, "1,000 costs": 1000, "10,000 costs": 10_000}


def measure(quick: bool = False) -> tuple[str, list[Target]]:
    rows = []
    figures: dict[str, dict[str, float]] = {}
    sizes = {name: items for name, items in SIZES.items() if not quick or (items or 0) <= 1000}
    with tempfile.TemporaryDirectory() as folder:
        store = PlanStore(Path(folder))
        for name, items in sizes.items():
            plan = realistic_plan(5) if items is None else big_plan(items, title=f"Plan with {items} items")
            opened = store.add(plan)
            path = opened.path
            table_ = plan_to_dict(opened.plan)
            written = Path(folder) / "tomli-w.toml"

            def baseline_save() -> None:
                written.write_text(tomli_w.dumps(table_, multiline_strings=True), encoding="utf-8")

            runs = 3 if items and items >= 10_000 else 7
            spread = alternating(
                {
                    "tomllib": lambda: tomllib.loads(path.read_text(encoding="utf-8")),
                    "open": lambda: store.open(path),
                    "tomli-w": baseline_save,
                    "save": lambda: store.save(opened),
                },
                runs=runs,
            )
            figures[name] = {key: value.median for key, value in spread.items()}
            rows.append(
                [
                    name,
                    f"{path.stat().st_size / 1024:.0f} KB",
                    str(spread["tomllib"]),
                    str(spread["open"]),
                    ratio(spread["open"].median, spread["tomllib"].median),
                    str(spread["tomli-w"]),
                    str(spread["save"]),
                    ratio(spread["save"].median, spread["tomli-w"].median),
                ]
            )
    text = table(
        "Open and save, median (fastest to slowest), taking turns with the libraries",
        ["Plan", "File", "tomllib", "phb open", "vs", "tomli-w", "phb save", "vs"],
        rows,
    )
    thousand = figures["1,000 costs"]
    targets = [
        OPEN.ratio(thousand["open"], thousand["tomllib"]),
        SAVE.ratio(thousand["save"], thousand["tomli-w"]),
    ]
    if "10,000 costs" in figures:
        ten = figures["10,000 costs"]
        growth = {key: ten[key] / thousand[key] for key in thousand}
        text += (
            f"From 1,000 to 10,000 costs: opening grew {growth['open']:.1f}x (tomllib {growth['tomllib']:.1f}x), "
            f"saving {growth['save']:.1f}x (tomli-w {growth['tomli-w']:.1f}x).\n"
        )
        targets += [
            OPEN_GROWTH.ratio(growth["open"], growth["tomllib"], f"{growth['open']:.1f}x vs {growth['tomllib']:.1f}x"),
            SAVE_GROWTH.ratio(growth["save"], growth["tomli-w"], f"{growth['save']:.1f}x vs {growth['tomli-w']:.1f}x"),
        ]
    return text, targets


if __name__ == "__main__":
    print(measure()[0])
