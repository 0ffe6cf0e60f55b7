"""One plan file's bytes: read with a bound, decoded, fingerprinted, and encoded to be written.

Every read of a plan file goes through `read_plan_bytes`, so a folder, a pipe, a huge file or an
unreadable one is refused in plain words rather than waited on or half read.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import AlreadyExists, OverwriteRefused, PlanError, PlanFileError, PlanSaveError, PlanTooLarge
from .safe_files import create_atomically, write_atomically

if TYPE_CHECKING:
    from .plan import Plan

# The codec and the plan models are imported by `encoded` only: reading bytes, and exporting
# text already made, need neither.

#: Far beyond any real plan (a 1,000-item plan is about 200 KB); refusing protects memory.
MAX_FILE_BYTES = 10 * 1024 * 1024


def read_plan_bytes(path: Path) -> bytes:
    """The file's bytes, or a PlanFileError that says in plain words why they cannot be read."""
    try:
        if path.is_dir():
            raise PlanFileError(path, "this is a folder, not a plan file")
        if path.exists() and not path.is_file():
            # A pipe or a device would make every command wait, or read for ever.
            raise PlanFileError(path, "this is not an ordinary file (it may be a pipe or a device), so it is not read")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PlanFileError(
                path, f"this file is {size / 1_048_576:.0f} MB, far larger than any plan; it is probably not a plan"
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # Bounded, even if the file grows meanwhile.
        if len(data) > MAX_FILE_BYTES:
            raise PlanFileError(path, "this file is far larger than any plan; it is probably not a plan")
        return data
    except FileNotFoundError:
        reason = "this is a link to a file that no longer exists" if path.is_symlink() else "there is no such file"
        raise PlanFileError(path, reason) from None
    except PermissionError:
        raise PlanFileError(path, "you do not have permission to read this file") from None
    except OSError as error:
        raise PlanFileError(path, f"the file could not be read ({error.strerror or error})") from None


def plan_text(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PlanFileError(
            path, f"this is not a text file (unreadable byte at position {error.start + 1}); it may be damaged"
        ) from None


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def encoded(plan: Plan, path: Path) -> bytes:
    """The plan as file bytes; refused if larger than a plan file may be, so none is unreadable.

    Half a character (a lone surrogate) cannot be written as UTF-8. The rules refuse it as it is
    typed, but a rescue copy is written unchecked, and must be written whatever it holds: it
    becomes "?" rather than stopping the rescue.
    """
    from .codec import plan_to_toml

    return encoded_text(plan_to_toml(plan), path)


def encoded_text(text: str, path: Path) -> bytes:
    """`encoded`, of a plan already turned into text."""
    data = text.encode("utf-8", "replace")
    if len(data) > MAX_FILE_BYTES:
        raise PlanTooLarge(path, len(data), MAX_FILE_BYTES)
    return data


def digest_if_exists(path: Path) -> str | None:
    try:
        return digest(path.read_bytes())
    except FileNotFoundError:
        return None


def write_export(path: Path, text: str | bytes, force: bool = False) -> None:
    """Write an export for sharing (text, or a document's bytes); an existing file is only replaced
    when asked (`force`).

    Whole or not at all, like a save: a kill or a full disk never leaves half an export.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    if not path.parent.is_dir():  # Said plainly: the disk's own words ("No such file or directory") name no folder.
        raise PlanError(f"There is no folder {path.parent}, so nothing was written. Make it first, or choose another.")
    try:
        if force:
            write_atomically(path, data)
        else:
            create_atomically(path, data)
    except FileExistsError:
        raise AlreadyExists(f"{path} already exists. Choose another name, or add --force to replace it.") from None
    except IsADirectoryError:
        raise OverwriteRefused(f"{path} is a folder; give a file name to export to.") from None
    except OSError as error:
        raise PlanSaveError(path, error) from None
