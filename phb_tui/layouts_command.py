"""`phb layouts`: the layouts `phb export --layout` can use, where each comes from, and what it is.

A layout of one's own that cannot be read is listed with its first problem, and the exit status
says so (2), as `phb check --all` does for a plan that cannot be opened.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from plan_store.errors import visible_name
from plan_store.places import layouts_dir

from .exit_status import EXIT_ERROR, EXIT_OK

if TYPE_CHECKING:
    from plan_store import PlanStore

    from .summary.layout_files import LayoutFile

LAYOUT_HELP = (
    "arrange the summary as your ICB's form does: a layout's name from \"phb layouts\", or a layout file's path"
)


def layouts_arguments(layouts: argparse.ArgumentParser) -> None:
    layouts.add_argument("--json", action="store_true", help="for scripts: every layout, as JSON")
    layouts.epilog = "Write your own in the layouts folder (phb where shows it); docs/layouts.md says how."


def _described(entry: LayoutFile) -> tuple[str, str | None]:
    """(description, problem): a layout that cannot be read gives its problem instead."""
    from .summary.layout import LayoutError
    from .summary.layout_files import read_layout

    try:
        return read_layout(entry.path).description, None
    except LayoutError as error:
        first = error.problems[0] if error.problems else ""
        return "", f"{error.summary} {first}".strip()


def layouts(store: PlanStore, arguments: argparse.Namespace) -> int:
    from .plan_list.all_plans import JSON_FORMAT, to_json
    from .summary.layout_files import layout_files

    found = [(entry, *_described(entry)) for entry in layout_files()]
    folder = layouts_dir()
    if arguments.json:
        records = [
            {
                "name": entry.name,
                "from": "shipped" if entry.shipped else "own",
                "path": str(entry.path),
                "description": description if problem is None else None,
                "problem": problem,
            }
            for entry, description, problem in found
        ]
        print(to_json({"format": JSON_FORMAT, "layouts_folder": str(folder), "layouts": records}), end="")
    else:
        width = max(len(entry.name) for entry, _description, _problem in found) + 2
        for entry, description, problem in found:
            source = "shipped" if entry.shipped else "your own"
            said = f"cannot be used: {problem}" if problem else description or "(no description)"
            print(f"{visible_name(entry.name):<{width}}{source:<10}{visible_name(said)}")
        there = "" if folder.is_dir() else " (not made yet)"
        print(
            f"\nYour own layouts go in {visible_name(str(folder))}{there}. Use one with: phb export PLAN --layout NAME"
        )
    return EXIT_ERROR if any(problem for _entry, _description, problem in found) else EXIT_OK
