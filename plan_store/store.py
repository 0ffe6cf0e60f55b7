"""Where plans live on disk, and the only code that reads or writes them.

One TOML file per plan in `<data folder>/plans/`, named by a slug of its title, with the previous
version beside it as `<slug>.toml.bak`. The data folder is PHB_DATA_DIR if set, otherwise the
platform's usual place for application data.
"""

from __future__ import annotations

import contextlib
import os
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import clock
from .beside_plan import drop_beside, link_beside
from .clock import utc_now
from .errors import (
    OverwriteRefused,
    PlanBusy,
    PlanChangedOnDisk,
    PlanError,
    PlanGone,
    PlanNotFound,
    PlanSaveError,
    PlanValidationError,
)
from .export_leftovers import noted, tidy_exports
from .gc_pause import collection_paused
from .locking import folder_locked, plan_locked
from .places import BACKUP_SUFFIX, PLAN_SUFFIX, PLANS_FOLDER, TRASH_FOLDER, default_data_dir
from .plan_files import digest, digest_if_exists, encoded, encoded_text, plan_text, read_plan_bytes, write_export
from .safe_files import (
    create_atomically,
    ensure_private_folder,
    remove_temporaries,
    shared_folder_warning,
    write_atomically,
)
from .slugs import is_slug, slugify, unique_slug
from .trash import TrashedPlan, move_plan, moving, restored_slug, trashed_plans

if TYPE_CHECKING:
    from .glance import PlanGlance
    from .plan import Plan

# The plan models (and the codec and rules built on them) are imported where a plan is read or
# written: `phb list` answered from the list cache needs none of them, and building the models
# would be most of its time.

LIST_CACHE = "list-cache.json"
"""What the list of plans shows, kept so thousands of plans list quickly (see phb_tui's listing)."""


@dataclass
class OpenPlan:
    """A plan read from (or about to be written to) a file, with what the file held then.

    `disk_digest` is how the store notices that someone else changed the file in the meantime.
    """

    path: Path
    plan: Plan
    disk_digest: str | None

    @property
    def slug(self) -> str:
        return self.path.name.removesuffix(PLAN_SUFFIX)

    @property
    def backup_path(self) -> Path:
        return self.path.with_name(self.slug + BACKUP_SUFFIX)


@dataclass
class PendingSave:
    """A save taken in two halves (`PlanStore.prepare_save`, then `write_prepared`)."""

    open_plan: OpenPlan
    table: dict[str, Any]
    """The plan as it was prepared, sharing nothing that can change with the plan itself."""
    before: tuple[datetime, int]
    """The plan's `updated` and `revision` before this save set them."""

    def done(self, written: str) -> None:
        """The file now holds the table: later saves compare the file with what was written."""
        self.open_plan.disk_digest = written

    def undo(self) -> None:
        """Nothing was saved, so nothing was revised."""
        plan = self.open_plan.plan
        plan.updated, plan.revision = self.before


class PlanStore:
    """Reads and writes the plans in one data folder."""

    def __init__(self, data_dir: Path | None = None):
        self.data_dir = (data_dir or default_data_dir()).expanduser()
        self.plans_dir = self.data_dir / PLANS_FOLDER

    # --- reading --------------------------------------------------------------------------------

    def plan_paths(self) -> list[Path]:
        if not self.plans_dir.is_dir():
            return []
        # By name: comparing the paths themselves is a tenth of listing thousands of plans from the cache.
        return sorted(
            (p for p in self.plans_dir.iterdir() if p.name.endswith(PLAN_SUFFIX) and not p.name.startswith(".")),
            key=lambda path: path.name,
        )

    def open(self, path: Path) -> OpenPlan:
        from .codec import plan_from_toml

        data = read_plan_bytes(path)
        return OpenPlan(path, plan_from_toml(plan_text(path, data), path), digest(data))

    def glance(self, path: Path) -> PlanGlance:
        """What a list shows of a plan: quick where the file is laid out as saved, else a full read."""
        from .codec import plan_from_toml
        from .glance import PlanGlance, glance

        data = read_plan_bytes(path)
        text = plan_text(path, data)
        return glance(text) or PlanGlance.of(plan_from_toml(text, path))

    def resolve(self, name: str) -> Path:
        """Find a plan by file slug, by title (any case), or by a path to a .toml file."""
        candidate = Path(name).expanduser()
        if name.endswith(PLAN_SUFFIX) or os.sep in name or "/" in name:
            if candidate.exists() or candidate.is_symlink():
                return candidate  # Opening it will say what, if anything, is wrong with it.
            in_folder = self.plans_dir / candidate.name
            if candidate.name == name and (in_folder.exists() or in_folder.is_symlink()):
                return in_folder
            raise PlanNotFound(f"There is no plan file at {candidate}.")
        if is_slug(name) and (self.plans_dir / f"{name}{PLAN_SUFFIX}").is_file():
            return self.plans_dir / f"{name}{PLAN_SUFFIX}"
        wanted = name.strip().casefold()
        matches = [path for path, title in self._titles() if title.strip().casefold() == wanted]
        if not matches:
            slug_path = self.plans_dir / f"{slugify(name)}{PLAN_SUFFIX}"
            matches = [slug_path] if slug_path.is_file() else []
        if len(matches) == 1:
            return matches[0]
        if matches:
            names = ", ".join(path.stem for path in matches)
            raise PlanNotFound(f'More than one plan is called "{name}". Name one by its file name: {names}.')
        raise PlanNotFound(f'There is no plan called "{name}" in {self.plans_dir}. Run "phb list" to see the plans.')

    def _titles(self) -> Iterator[tuple[Path, str]]:
        """Titles read without full validation, so one broken plan cannot hide the others."""
        from .glance import glance

        for path in self.plan_paths():
            try:
                text = plan_text(path, read_plan_bytes(path))
                seen = glance(text)
                title = seen.title if seen else tomllib.loads(text).get("title")
            except (PlanError, tomllib.TOMLDecodeError):
                continue
            if isinstance(title, str):
                yield path, title

    # --- writing --------------------------------------------------------------------------------
    # Every change to the plans folder holds its lock (`folder_locked`) from checking to the last
    # rename, so operations from different windows and processes take turns, and the lock's
    # holder knows that any temporary file in the folder was left by a write that was cut off.

    def create(self, title: str) -> OpenPlan:
        """A new plan in its own new file; an existing file is never reused."""
        from .starter import new_plan

        return self.add(new_plan(title))

    def add(self, plan: Plan) -> OpenPlan:
        """Save `plan` as a new file, with a slug no other plan has."""
        with self._changing():
            return self._add(plan)

    def save(self, open_plan: OpenPlan) -> None:
        """Write the plan over its file, keeping the previous version as the backup.

        Refuses if the file changed (or went) since it was read, or if an edit broke a link
        between sections (a cost linked to an outcome since removed), so no file is written that
        would not open again. Every field was checked as it was set (the models validate each
        assignment); checking them all again took a third of the time of each save.
        """
        pending = self.prepare_save(open_plan)
        try:
            written = self.write_prepared(pending)
        except PlanError:
            pending.undo()
            raise
        pending.done(written)

    def prepare_save(self, open_plan: OpenPlan) -> PendingSave:
        """The first half of `save`: the plan taken as a table, as it is at this moment.

        Quick (a sixth of a save), and done where the plan is edited. The second half,
        `write_prepared`, touches nothing the plan holds, so an app may do it in another thread
        while the person carries on typing. Raises as `save` does for a broken link.
        """
        from .codec import plan_to_dict
        from .plan import Plan, link_problems

        plan = open_plan.plan
        if any(link_problems(plan)):
            from pydantic import ValidationError

            from .validation import problems_from

            try:
                Plan.model_validate(plan.model_dump())  # For the same messages as opening the file gives.
            except ValidationError as error:
                raise PlanValidationError(open_plan.path, problems_from(error, Plan)) from None
        before = plan.updated, plan.revision
        plan.updated = utc_now()
        plan.revision += 1
        with collection_paused():
            table = plan_to_dict(plan)
        return PendingSave(open_plan, table, before)

    def write_prepared(self, pending: PendingSave) -> str:
        """The second half of `save`: the table written over the plan's file; the digest of what was written.

        Nothing is changed in memory: `pending.done` (or, if this raised, `pending.undo`) does that,
        where the plan is edited.
        """
        from .codec import table_to_toml

        open_plan = pending.open_plan
        try:
            if open_plan.path.parent == self.plans_dir:
                self._ensure_folders()
            # Checking for changes and replacing the file are one step: another window's save
            # waits for this one, then finds the file changed, rather than both succeeding.
            with plan_locked(open_plan.path):
                _refuse_if_changed(open_plan)
                data = encoded_text(table_to_toml(pending.table), open_plan.path)
                write_atomically(open_plan.path, data, backup=open_plan.backup_path)
                self._tidy_beside(open_plan.path)
        except OSError as error:
            raise PlanSaveError(open_plan.path, error) from None
        return digest(data)

    def rename(self, open_plan: OpenPlan, title: str) -> OpenPlan:
        """Give a plan a new title and a file name to match; the old file becomes its backup."""
        renamed = _with_title(open_plan.plan, title)
        with self._changing():
            _refuse_if_changed(open_plan)
            moved = self._add(renamed)
            try:
                link_beside(open_plan.path, moved.path)  # The agreed copies and spending go with it.
                os.replace(open_plan.path, moved.backup_path)
                open_plan.backup_path.unlink(missing_ok=True)
                drop_beside(open_plan.path)
            except OSError as error:
                raise PlanSaveError(open_plan.path, error) from None
        return moved

    def rescue(self, open_plan: OpenPlan, when: datetime | None = None) -> OpenPlan:
        """The plan as it is in memory, saved as a new plan beside it, titled as rescued.

        For when the program fails while a plan is open: the latest work is kept without touching
        the plan's own file, and shows up in the list of plans to be opened and checked.
        """
        from .fields import MAX_TITLE
        from .plan import Plan

        moment = (when or clock.now()).astimezone()
        suffix = f" (rescued {moment.day} {moment:%b %H:%M})"
        title = open_plan.plan.title[: MAX_TITLE - len(suffix)] + suffix
        # Built without checking: a fault may have left the plan in a state the rules would refuse,
        # and a rescue keeps whatever there is. Opening the copy names any problem in it.
        copy = Plan.model_construct(**{**dict(open_plan.plan), "title": title})
        return self.add(copy)

    def duplicate(self, path: Path) -> OpenPlan:
        """A copy of a plan under "<title> (copy)", as a starting point for another plan."""
        from .fields import MAX_TITLE

        title = self.open(path).plan.title
        return self.copy_as(path, f"{title[: MAX_TITLE - len(' (copy)')]} (copy)")

    def trash(self, path: Path) -> Path:
        """Move a plan (and its backup) to the trash folder, from where it can be moved back."""
        trash = self.data_dir / TRASH_FOLDER
        stamp = utc_now().strftime("%Y%m%d-%H%M%S")
        slug = path.name.removesuffix(PLAN_SUFFIX)
        gone = f"{path} is no longer there; it may have been renamed or deleted in another window."
        with moving(path, gone), plan_locked(path):
            ensure_private_folder(trash)
            # Two plans of one name trashed in the same second each keep their own file.
            target = move_plan(path, trash, f"{stamp}-{slug}")
            self._tidy_beside(path)
        return target

    def copy_as(self, path: Path, title: str) -> OpenPlan:
        """A copy of a plan under a title the person chose (`duplicate` chooses "<title> (copy)")."""
        copy = _with_title(self.open(path).plan, title)
        now = utc_now()
        copy.created, copy.updated = now, now
        return _with_agreed_copies(path, self.add(copy))

    def trashed_plans(self) -> list[TrashedPlan]:
        """The plans in the trash folder, most recently deleted first (then any of unknown date)."""
        return trashed_plans(self.data_dir / TRASH_FOLDER, self.glance)

    def restore(self, trashed: Path) -> Path:
        """Put a deleted plan (and its backup) back in the plans folder, where it was before.

        Under its own file name, or a free one like it if a plan has that name now: never over
        another plan. The file is moved as it is, so a plan that could not be opened comes back
        unchanged too. Returns where it is now.
        """
        if trashed.parent != self.data_dir / TRASH_FOLDER or not trashed.name.endswith(PLAN_SUFFIX):
            raise PlanNotFound(f"{trashed} is not a plan in the trash folder.")
        base = restored_slug(trashed, self._trashed_title(trashed))
        gone = f"{trashed.name} is no longer in the trash; it may have been put back in another window."
        with moving(trashed, gone), self._changing():
            target = move_plan(trashed, self.plans_dir, base)
            self._tidy_beside(target)
        return target

    def _trashed_title(self, trashed: Path) -> str:
        try:
            return self.glance(trashed).title
        except PlanError:
            return ""

    def import_file(self, source: Path) -> OpenPlan:
        """Copy a plan from elsewhere into the data folder, checked, under a new file name."""
        plan = self.open(source).plan
        return _with_agreed_copies(source, self.add(plan))

    def tidy(self) -> int:
        """Remove what writes cut off by a crash or a kill left behind; how many files went.

        Run as the app starts. Waiting for the lock means no write is under way, so every
        temporary file in the folder is a leftover, however new.
        """
        if not self.plans_dir.is_dir():
            return 0
        try:
            with folder_locked(self.plans_dir, wait=1.0):
                return (
                    remove_temporaries(self.plans_dir)
                    + remove_temporaries(self.data_dir, f".{LIST_CACHE}.")
                    + tidy_exports(self.data_dir)
                )
        except (PlanBusy, OSError):
            return 0  # Another window is busy saving; it can tidy another time.

    def export(self, path: Path, text: str | bytes, force: bool = False) -> None:
        """`write_export`, never into the plans folder.

        An export there would show up as a plan without its private notes, or with `force`
        replace a live plan without keeping a backup. The export is noted in the data folder while
        it is written, so that what a kill leaves beside it is tidied at the next start.
        """
        if _same_folder(path.parent, self.plans_dir):
            raise OverwriteRefused(
                f"{path.parent} is where PHB Planner keeps its plans, so nothing is exported there. "
                "Choose another folder, such as your Documents folder."
            )
        with contextlib.ExitStack() as held:
            # A data folder that cannot be made (read-only) must not stop an export elsewhere.
            with contextlib.suppress(OSError):
                self._ensure_folders()
                held.enter_context(folder_locked(self.plans_dir))
                tidy_exports(self.data_dir)  # What an earlier export, killed, left: none is under way now.
            with noted(self.data_dir, path):
                write_export(path, text, force)

    def read_list_cache(self) -> bytes | None:
        """What the list of plans showed last time, or None if there is nothing usable (never an error)."""
        try:
            return read_plan_bytes(self.data_dir / LIST_CACHE)
        except PlanError:
            return None

    def write_list_cache(self, data: bytes) -> None:
        """Best effort, like any cache: whole or not at all, and never through a planted link."""
        if not self.plans_dir.is_dir():
            return
        with contextlib.suppress(PlanError, OSError), folder_locked(self.plans_dir, wait=1.0):
            write_atomically(self.data_dir / LIST_CACHE, data)
            remove_temporaries(self.data_dir, f".{LIST_CACHE}.")

    def folder_warnings(self) -> list[str]:
        """Plain warnings about the data folder that the person should hear about, once."""
        return [warning for folder in (self.data_dir, self.plans_dir) if (warning := shared_folder_warning(folder))]

    def _tidy_beside(self, path: Path) -> None:
        """With the folder's lock held: every leftover in the plans folder, or elsewhere only this plan's."""
        remove_temporaries(path.parent, "." if path.parent == self.plans_dir else f".{path.name}.")

    def _add(self, plan: Plan) -> OpenPlan:
        """`add`, for a caller already holding the folder's lock."""
        data = encoded(plan, self.plans_dir / f"{slugify(plan.title)}{PLAN_SUFFIX}")
        try:
            taken = {path.name.split(".")[0] for path in self.plans_dir.iterdir()}
            path = self.plans_dir / f"{unique_slug(slugify(plan.title), taken)}{PLAN_SUFFIX}"
            create_atomically(path, data)
        except FileExistsError:  # Made since we looked, by a program that does not take turns.
            raise OverwriteRefused("Another plan was saved with the same name at the same moment; try again.") from None
        except OSError as error:
            raise PlanSaveError(self.plans_dir, error) from None
        return OpenPlan(path, plan, digest(data))

    @contextlib.contextmanager
    def _changing(self) -> Iterator[None]:
        """The plans folder, made if need be, held for one change."""
        try:
            self._ensure_folders()
        except OSError as error:
            raise PlanSaveError(self.plans_dir, error) from None
        with folder_locked(self.plans_dir):
            yield

    def _ensure_folders(self) -> None:
        """Both folders this store owns are private; folders above them are not ours to change."""
        ensure_private_folder(self.data_dir)
        ensure_private_folder(self.plans_dir)


def _with_title(plan: Plan, title: str) -> Plan:
    """A copy with a new title; raises PlanError with the reason if the title is unusable."""
    from .fields import check_title
    from .plan import Plan

    try:
        title = check_title(title)
    except ValueError as error:
        raise PlanError(f"The title {error}.") from None
    return Plan.model_validate({**plan.model_dump(), "title": title})


def _with_agreed_copies(source: Path, copied: OpenPlan) -> OpenPlan:
    """A new plan made from the one at `source`, with that plan's agreed copies beside it too.

    Never edited, so the two may share them. One that cannot be copied is named as missing when
    the changes since it are asked for; the new plan itself is already saved whole.
    """
    with contextlib.suppress(OSError):
        link_beside(source, copied.path)
    return copied


def _refuse_if_changed(open_plan: OpenPlan) -> None:
    """Stop before writing if someone else changed, renamed or deleted the file since it was read."""
    current = digest_if_exists(open_plan.path)
    if current is None and open_plan.disk_digest is not None:
        raise PlanGone(open_plan.path)
    if current is not None and current != open_plan.disk_digest:
        raise PlanChangedOnDisk(open_plan.path)


def _same_folder(one: Path, other: Path) -> bool:
    try:
        return one.expanduser().resolve() == other.resolve()
    except OSError:
        return False
