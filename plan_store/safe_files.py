"""Writing files so that a crash, a full disk or a power cut never leaves a half-written plan.

A new version is written to a temporary file beside the real one, flushed to the disk, and only
then renamed over it; renaming within one folder is atomic, so the real file is always either the
old version or the new one. The old version is kept as a backup first.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def ensure_private_folder(folder: Path) -> Path:
    """Create the folder (and parents) readable by the owner only, and tighten it if it exists."""
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    if os.name == "posix" and (folder.stat().st_mode & 0o777) != PRIVATE_FOLDER:
        with contextlib.suppress(PermissionError):  # Not ours to change; writing will say so.
            folder.chmod(PRIVATE_FOLDER)
    return folder


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


def write_new_file(path: Path, data: bytes) -> None:
    """Write a file that must not exist yet; raises FileExistsError rather than overwrite."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _write_temporary(folder: Path, name: str, data: bytes) -> Path:
    temporary = folder / f".{name}.{secrets.token_hex(6)}.tmp"
    try:
        write_new_file(temporary, data)
    except FileExistsError:
        raise  # Not ours, however unlikely the name clash: leave it alone.
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return temporary


def _keep_backup(path: Path, backup: Path) -> None:
    """Make `backup` the current contents of `path`, atomically, before `path` is replaced.

    A hard link costs nothing and stays correct because `path` is only ever replaced, never
    written in place. Where links are not supported, a synced copy does the same job.
    """
    staging = backup.with_name(f".{backup.name}.{secrets.token_hex(6)}.tmp")
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


#: Older than this, a temporary file is left over from a crash: no save takes anywhere near as long.
STALE_SECONDS = 600


def remove_stale_temporaries(path: Path) -> None:
    """Tidy away temporary copies of `path` left by saves that were cut off (a crash, a power cut)."""
    cutoff = time.time() - STALE_SECONDS
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; without this a power cut can undo it on some systems."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
