"""Writing files so that a crash, a full disk or a power cut never leaves a half-written plan.

A new version is written to a temporary file beside the real one, flushed to the disk, and only
then renamed over it; renaming within one folder is atomic, so the real file is always either the
old version or the new one. The old version is kept as a backup first.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
TEMPORARY_SUFFIX = ".tmp"

#: Never through a link: a link planted where PHB Planner writes must not redirect the write.
NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def ensure_private_folder(folder: Path) -> Path:
    """Create the folder (and parents) readable by the owner only.

    A folder that already exists is left as the person set it: one they made read-only stays
    read-only (writing then says why), and one others can read is reported by `folder_warnings`,
    not silently changed. Every folder made here is 0700 whatever the umask: `mkdir` applies the
    umask, and makes parents with no mode of their own (0777 under umask 000), so each folder
    made is set to 0700 once it exists.
    """
    missing: list[Path] = []
    for place in (folder, *folder.parents):
        if place.exists():
            break
        missing.append(place)
    for place in reversed(missing):
        try:
            place.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:  # Made meanwhile by another window: theirs, and made the same way.
            continue
        if os.name == "posix":
            place.chmod(PRIVATE_FOLDER)
    if not folder.is_dir():
        folder.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)  # Raises as mkdir would: a file in the way.
    return folder


def shared_folder_warning(folder: Path) -> str | None:
    """Plain words when other people on the computer could look into `folder`, else None."""
    if os.name != "posix":
        return None
    try:
        mode = folder.stat().st_mode & 0o777
    except OSError:
        return None
    if not mode & 0o077:
        return None
    return (
        f"Other people who use this computer may be able to see into {folder} (its permissions are "
        f"{mode:o}). Plans hold health details; to keep them private, run: chmod 700 '{folder}'"
    )


def write_atomically(path: Path, data: bytes, backup: Path | None = None) -> None:
    """Replace `path` with `data` in one step, keeping the previous contents at `backup`."""
    temporary = _write_temporary(path.parent, path.name, data)
    try:
        if backup is not None and path.exists():
            _keep_backup(path, backup)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(path.parent)


def create_atomically(path: Path, data: bytes) -> None:
    """Write a file that must not exist yet, whole or not at all: FileExistsError if it is taken.

    The data is written to a temporary file first, so a kill or a full disk never leaves a
    half-written or empty file under the real name.
    """
    temporary = _write_temporary(path.parent, path.name, data)
    try:
        move_without_replacing(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(path.parent)


def move_without_replacing(source: Path, target: Path) -> None:
    """Move a file to a name that must be free: FileExistsError rather than replace what is there.

    A hard link claims the new name in one step, failing if it is taken; where links are not
    supported, the name is checked first.
    """
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        if target.exists() or target.is_symlink():
            raise FileExistsError(target) from None
        os.replace(source, target)
        return
    os.unlink(source)


def link_or_copy(source: Path, target: Path) -> None:
    """A second name for a file that is only ever replaced whole: a hard link, else a copy made whole.

    FileExistsError if `target` is taken: nothing is ever replaced.
    """
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        create_atomically(target, source.read_bytes())


def write_new_file(path: Path, data: bytes) -> None:
    """Write a file that must not exist yet; raises FileExistsError rather than overwrite.

    Exclusive creation never follows a link. If the write fails part-way (a full disk), the
    file this call created is removed, so nothing half-written is left.
    """
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NO_FOLLOW, PRIVATE_FILE)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise


def temporary_name(folder: Path, name: str) -> Path:
    """A fresh hidden name beside `name`, which `remove_temporaries` knows to tidy."""
    return folder / f".{name}.{secrets.token_hex(6)}{TEMPORARY_SUFFIX}"


def _write_temporary(folder: Path, name: str, data: bytes) -> Path:
    temporary = temporary_name(folder, name)
    write_new_file(temporary, data)
    return temporary


def _keep_backup(path: Path, backup: Path) -> None:
    """Make `backup` the current contents of `path`, atomically, before `path` is replaced.

    A hard link costs nothing and stays correct because `path` is only ever replaced, never
    written in place. Where links are not supported, a synced copy does the same job.
    """
    staging = temporary_name(backup.parent, backup.name)
    try:
        os.link(path, staging)
        # A link shares the plan's permissions; a plan copied in readable by others must not
        # leave a backup readable by others. The plan itself is about to be replaced anyway.
        staging.chmod(PRIVATE_FILE)
    except OSError:
        staging.unlink(missing_ok=True)
        staging = _write_temporary(backup.parent, backup.name, path.read_bytes())
    try:
        os.replace(staging, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            staging.unlink()
        raise


def remove_temporaries(folder: Path, prefix: str = ".") -> int:
    """Tidy away temporary files in `folder` left by writes that were cut off (a crash, a kill).

    Only safe while holding the folder's lock: every write that makes a temporary file in a
    folder of plans holds it until its temporary file is gone. `prefix` narrows the tidy to one
    plan's temporaries in a folder PHB Planner does not own. Returns how many were removed.
    """
    removed = 0
    with contextlib.suppress(OSError):
        for leftover in folder.iterdir():
            if leftover.name.startswith(prefix) and leftover.name.endswith(TEMPORARY_SUFFIX):
                with contextlib.suppress(OSError):
                    if leftover.is_file() or leftover.is_symlink():
                        leftover.unlink()
                        removed += 1
    return removed


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; without this a power cut can undo it on some systems."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
