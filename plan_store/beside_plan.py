"""Everything kept beside a plan file that moves with it: its agreed copies and its spending record.

The store calls these two functions wherever a plan is renamed, copied, trashed, restored or
imported: new names are made first and old ones removed last, so a kill at any moment leaves the
plan with all its files, at worst with a spare set.
"""

from __future__ import annotations

from pathlib import Path

from .agreed_files import agreed_copies, drop_agreed, link_agreed
from .spending_files import drop_spending, link_spending, spending_files


def link_beside(source: Path, target: Path) -> list[Path]:
    """Give each file kept beside the plan at `source` a name beside `target`; returns the new names."""
    return link_agreed(source, target) + link_spending(source, target)


def drop_beside(plan_path: Path) -> None:
    """Remove the files kept beside the plan at `plan_path`, once the plan has moved."""
    drop_agreed(agreed_copies(plan_path))
    drop_spending(spending_files(plan_path))


def drop_linked(paths: list[Path]) -> None:
    """Remove names `link_beside` made, when the plan could not follow them."""
    drop_agreed(paths)
