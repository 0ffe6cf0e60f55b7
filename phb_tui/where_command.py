"""`phb where`: the places PHB Planner keeps plans and settings, one on each line.

For a person looking for their files, and for scripts (`--json`). Nothing is made or read: a place
that is not there yet says so.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from plan_store.places import TRASH_FOLDER, config_dir, layouts_dir

if TYPE_CHECKING:
    from plan_store import PlanStore


def where_arguments(where: argparse.ArgumentParser) -> None:
    where.add_argument("--json", action="store_true", help="for scripts: each place and whether it is there, as JSON")


def places(store: PlanStore) -> list[tuple[str, str, Path]]:
    """(key for scripts, label for people, path) for every place, in the order shown."""
    from .editing import EDITS_FOLDER
    from .keymap import keymap_path
    from .planning.employer_rates import own_rates_path
    from .settings import settings_path

    return [
        ("data_folder", "Data folder", store.data_dir),
        ("plans_folder", "Plans", store.plans_dir),
        ("edits_folder", "Edits not yet saved", store.data_dir / EDITS_FOLDER),
        ("trash_folder", "Deleted plans", store.data_dir / TRASH_FOLDER),
        ("config_folder", "Config folder", config_dir()),
        ("keys_file", "Keys", keymap_path()),
        ("rates_file", "Rates", own_rates_path()),
        ("settings_file", "Settings", settings_path()),
        ("layouts_folder", "Layouts", layouts_dir()),
    ]


def where(store: PlanStore, arguments: argparse.Namespace) -> int:
    from plan_store import visible

    from .plan_list.all_plans import JSON_FORMAT, to_json

    found = places(store)
    if arguments.json:
        record: dict[str, object] = {"format": JSON_FORMAT}
        record.update({key: {"path": str(path), "exists": path.exists()} for key, _label, path in found})
        print(to_json(record), end="")
        return 0
    width = max(len(label) for _key, label, _path in found) + 2
    for _key, label, path in found:
        missing = "" if path.exists() else " (not made yet)"
        print(f"{label + ':':<{width}}{visible(str(path))}{missing}")
    return 0
