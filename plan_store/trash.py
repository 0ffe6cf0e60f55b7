"""The trash folder: deleted plans, named by when they were deleted, and put back from there.

A plan is moved, never copied, with its backup and the files kept beside it, and never over another file.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .beside_plan import drop_beside, drop_linked, link_beside
from .errors import PlanError, PlanNotFound, PlanSaveError
from .places import BACKUP_SUFFIX, PLAN_SUFFIX
from .safe_files import move_without_replacing
from .slugs import is_slug, slugify, unique_slug

if TYPE_CHECKING:
    from .glance import PlanGlance  # Built on the plan models, which only reading a plan needs.

TRASH_STAMP = re.compile(r"(\d{8}-\d{6})-(.+)")
"""How `trash` names a plan: the moment it was deleted (UTC), then the plan's own file name."""


@dataclass(frozen=True)
class TrashedPlan:
    """A plan in the trash folder, as the list of deleted plans shows it."""

    path: Path
    deleted: datetime | None
    """When it was deleted, from the name `trash` gave it; None for a file put there some other way."""
    title: str = ""
    """Empty when the file cannot be read: the list then shows its file name."""
    person: str = ""


def trashed_plans(trash: Path, glance: Callable[[Path], PlanGlance]) -> list[TrashedPlan]:
    """The plans in the trash folder, most recently deleted first (then any of unknown date)."""
    if not trash.is_dir():
        return []
    found: list[TrashedPlan] = []
    for path in trash.iterdir():
        if not path.name.endswith(PLAN_SUFFIX) or path.name.startswith("."):
            continue
        stamp = TRASH_STAMP.fullmatch(path.name.removesuffix(PLAN_SUFFIX))
        try:
            deleted = datetime.strptime(stamp[1], "%Y%m%d-%H%M%S").replace(tzinfo=UTC) if stamp else None
        except ValueError:
            deleted = None
        try:
            seen = glance(path)
            found.append(TrashedPlan(path, deleted, seen.title, seen.name or seen.preferred_name))
        except PlanError:  # Still listed, by its file name, so it can be put back and looked at.
            found.append(TrashedPlan(path, deleted))
    never = datetime.min.replace(tzinfo=UTC)
    # Within one second, the one moved last: moving a file into the trash sets its change time.
    return sorted(
        found, key=lambda plan: (plan.deleted is not None, plan.deleted or never, changed(plan.path)), reverse=True
    )


def changed(path: Path) -> int:
    try:
        return path.stat().st_ctime_ns
    except OSError:
        return 0


def restored_slug(trashed: Path, title: str) -> str:
    """The file name a deleted plan goes back under: from its title, else the name it had before."""
    if title:
        return slugify(title)
    stamp = TRASH_STAMP.fullmatch(trashed.name.removesuffix(PLAN_SUFFIX))
    before = stamp[2] if stamp else trashed.name.removesuffix(PLAN_SUFFIX)
    return before if is_slug(before) else slugify(before)


def move_plan(source: Path, folder: Path, base: str) -> Path:
    """Move a plan file, and its backup and agreed copies beside it, into `folder` under the first free name like
    `base` (then -2, -3...): never over another file. Returns where the plan is now."""
    while True:
        taken = {entry.name.split(".")[0] for entry in folder.iterdir()}
        slug = unique_slug(base, taken)
        target = folder / f"{slug}{PLAN_SUFFIX}"
        linked = link_beside(source, target)  # The files beside it first: a kill never parts them.
        try:
            move_without_replacing(source, target)
            break
        except FileExistsError:
            drop_linked(linked)
            continue  # Taken since we looked, by a program that does not take turns: look again.
    backup = source.with_name(source.name.removesuffix(PLAN_SUFFIX) + BACKUP_SUFFIX)
    if backup.exists():
        os.replace(backup, folder / f"{slug}{BACKUP_SUFFIX}")
    drop_beside(source)
    return target


@contextlib.contextmanager
def moving(path: Path, gone: str) -> Iterator[None]:
    """Moving a plan between folders: a plan that went meanwhile is said to be gone (`gone`),
    and any other failure of the disk is a failed save, naming the plan."""
    try:
        yield
    except FileNotFoundError:
        raise PlanNotFound(gone) from None
    except OSError as error:
        raise PlanSaveError(path, error) from None
