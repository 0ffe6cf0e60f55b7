"""Where a plan's spending record lives, and the only code that reads or writes it.

The record of the plan `<slug>.toml` is `<slug>.spending.jsonl` beside it, with the previous
version as `<slug>.spending.jsonl.bak`. Both are private (0600). Every change reads the record,
changes it in memory and writes it whole, holding the plans folder's lock throughout (the same
lock a plan's save takes), so a kill leaves the record as it was before the change or as it is
after it, never half, and two windows never interleave their changes. A change that only adds
lines costs what the new lines cost, plus copying the bytes already read.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from .errors import PlanError, PlanFileError, PlanSaveError
from .locking import plan_locked
from .places import PLAN_SUFFIX
from .safe_files import link_or_copy, remove_temporaries, write_atomically
from .spending import SpendingRecord
from .spending_codec import entry_lines, header_line, record_from_text, record_to_text

SPENDING_SUFFIX = ".spending.jsonl"
BACKUP_SUFFIX = ".bak"

MAX_RECORD_BYTES = 512 * 1024 * 1024
"""About two million transactions, far beyond seven years of any budget: refusing protects memory."""


def spending_path(plan_path: Path) -> Path:
    """The record kept beside the plan at `plan_path`."""
    return plan_path.with_name(plan_path.name.removesuffix(PLAN_SUFFIX) + SPENDING_SUFFIX)


def spending_backup_path(plan_path: Path) -> Path:
    record = spending_path(plan_path)
    return record.with_name(record.name + BACKUP_SUFFIX)


def read_record(plan_path: Path) -> SpendingRecord:
    """The plan's record, or an empty one if nothing has been recorded yet."""
    path = spending_path(plan_path)
    return _record(path, _record_bytes(path))


def _record_bytes(path: Path) -> bytes:
    try:
        if path.exists() and not path.is_file():
            raise PlanFileError(path, "this is not an ordinary file, so it is not read")
        with path.open("rb") as handle:
            data = handle.read(MAX_RECORD_BYTES + 1)
    except FileNotFoundError:
        return b""
    except PermissionError:
        raise PlanFileError(path, "you do not have permission to read this file") from None
    except OSError as error:
        raise PlanFileError(path, f"the file could not be read ({error.strerror or error})") from None
    if len(data) > MAX_RECORD_BYTES:
        raise PlanFileError(path, "this file is far larger than any spending record")
    return data


def _record(path: Path, data: bytes) -> SpendingRecord:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PlanFileError(path, f"this is not a text file (unreadable byte at position {error.start + 1})") from None
    return record_from_text(text, path)


@contextlib.contextmanager
def changing_record(plan_path: Path) -> Iterator[SpendingRecord]:
    """The plan's record to change; written when the block ends without an error.

    If the block raises, nothing is written: an import that finds a bad line changes nothing.
    A change that only adds lines (a statement, a payment typed, a new rule) writes the bytes read
    followed by the new lines: nothing already in the record is encoded again. Either way the new
    file is written beside the old, synced, and renamed over it, the old one kept as the backup,
    so a kill leaves the record as it was or as it is after the change, never half.
    """
    if not plan_path.is_file():
        raise PlanError(f"{plan_path} is no longer there; it may have been renamed or deleted.")
    path = spending_path(plan_path)
    try:
        with plan_locked(plan_path):
            data = _record_bytes(path)
            record = _record(path, data)
            yield record
            if not record.changed:  # Unchanged: the backup keeps the version before the last real change.
                return
            if record.rewrite:
                data = record_to_text(record).encode("utf-8")
            else:
                data = _ended(data) + entry_lines(record.added).encode("utf-8")
            write_atomically(path, data, backup=spending_backup_path(plan_path))
            remove_temporaries(plan_path.parent, f".{path.name}.")
    except OSError as error:
        raise PlanSaveError(path, error) from None


def _ended(data: bytes) -> bytes:
    """The record so far, ready for lines at its end: a new record starts with its header."""
    if not data.strip():
        return header_line().encode("utf-8")
    return data if data.endswith(b"\n") else data + b"\n"


def spending_files(plan_path: Path) -> list[Path]:
    """The record and its backup, those that exist."""
    return [path for path in (spending_path(plan_path), spending_backup_path(plan_path)) if path.exists()]


def link_spending(source: Path, target: Path) -> list[Path]:
    """Give the record of the plan at `source` (and its backup) names beside `target`.

    Hard links cost nothing; a record is only ever replaced whole, never written in place, so the
    two names part as soon as either plan's record changes. Where links are not supported the
    bytes are copied. A name already taken is left alone. Returns the names made.
    """
    made = []
    for old, new in (
        (spending_path(source), spending_path(target)),
        (spending_backup_path(source), spending_backup_path(target)),
    ):
        if not old.exists():
            continue
        try:
            link_or_copy(old, new)
        except FileExistsError:
            continue
        made.append(new)
    return made


def drop_spending(paths: list[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
