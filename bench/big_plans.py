"""Load, validate, save, readiness check and HTML export for plans of 10, 100 and 1,000 items.

Targets for 1,000 items: load under 100 ms, save under 50 ms, export under 300 ms, and time growing
no worse than linearly. The baseline is reading the same file's bytes and parsing its TOML, which
no loader can beat.
"""

from __future__ import annotations

import tempfile
import tomllib
from pathlib import Path

from bench.common import big_plan, median_seconds, ms, table
from phb_tui.planning.checks import find_gaps
from phb_tui.summary.exporting import export_text
from plan_store import Plan, PlanStore


def measure() -> tuple[str, dict[str, float]]:
    rows = []
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        store = PlanStore(Path(folder))
        for items in (10, 100, 1000):
            opened = store.add(big_plan(items, title=f"Plan with {items} items"))
            path = opened.path
            baseline = median_seconds(lambda: tomllib.loads(path.read_text(encoding="utf-8")))
            load = median_seconds(lambda: store.open(path))
            plan = store.open(path).plan
            validate = median_seconds(lambda: Plan.model_validate(plan.model_dump()))
            save = median_seconds(lambda: store.save(opened))
            check = median_seconds(lambda: find_gaps(plan))
            export = median_seconds(lambda: export_text(plan, "html"), runs=5)
            size = path.stat().st_size
            rows.append(
                [
                    f"{items} items",
                    f"{size / 1024:6.0f} KB",
                    ms(baseline),
                    ms(load),
                    f"{load / baseline:5.1f}x",
                    ms(validate),
                    ms(save),
                    ms(check),
                    ms(export),
                ]
            )
            figures.update(
                {f"load_{items}": load, f"save_{items}": save, f"export_{items}": export, f"check_{items}": check}
            )
    headers = [
        "Plan (50 outcomes)",
        "File",
        "Read+parse",
        "Load",
        "vs parse",
        "Validate",
        "Save",
        "Check",
        "HTML export",
    ]
    text = table("Big plans (median of 7; export of 5)", headers, rows)
    growth = figures["load_1000"] / figures["load_100"]
    text += f"Load time from 100 to 1,000 items grew {growth:.1f}x for 10x the items (linear is 10x).\n"
    text += f"Targets at 1,000 items: load < 100 ms ({figures['load_1000'] * 1000:.0f}), save < 50 ms ({figures['save_1000'] * 1000:.0f}), export < 300 ms ({figures['export_1000'] * 1000:.0f}).\n"
    return text, figures


if __name__ == "__main__":
    print(measure()[0])
