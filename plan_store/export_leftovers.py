"""Exports leave nothing behind when killed, in whatever folder they were written to.

An export is written like a save: to a hidden temporary file beside the target, then renamed
over it. A kill between the two leaves the temporary, a whole copy of the summary (or of the
plan), in a folder that is the person's own (Documents, a USB stick) rather than PHB Planner's,
where the next start never looked. So before writing, the target is noted in the data folder;
after the write (done or refused) the note is taken out again; and at the next start every
target still noted is one whose write was cut off, and its temporaries beside it are removed.

The caller holds the plans folder's lock around each of these, so no export is under way while
the start tidies.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from .safe_files import ensure_private_folder, remove_temporaries, write_atomically

NOTE = "exports-under-way.txt"
"""In the data folder: one export target per line, for each export started and not yet ended."""


@contextlib.contextmanager
def noted(data_dir: Path, target: Path) -> Iterator[None]:
    """Note `target` while the block writes it; the note goes when the block ends, however it ends."""
    with contextlib.suppress(OSError):
        ensure_private_folder(data_dir)
    _write(data_dir, _read(data_dir) | {str(target.absolute())})
    try:
        yield
    finally:
        _write(data_dir, _read(data_dir) - {str(target.absolute())})


def tidy_exports(data_dir: Path) -> int:
    """Remove the temporaries of every export that a kill cut off; how many went."""
    targets = _read(data_dir)
    removed = sum(remove_temporaries(Path(target).parent, f".{Path(target).name}.") for target in targets)
    if targets:
        _write(data_dir, set())
    return removed + remove_temporaries(data_dir, f".{NOTE}.")


def _read(data_dir: Path) -> set[str]:
    try:
        text = (data_dir / NOTE).read_text(encoding="utf-8", errors="surrogateescape")
    except OSError:
        return set()
    return {line for line in text.splitlines() if line}


def _write(data_dir: Path, targets: set[str]) -> None:
    """Best effort: a note that cannot be written (a full disk) must not stop the export, which
    then says what is wrong itself; only a kill during it would leave its temporary behind."""
    with contextlib.suppress(OSError):
        _write_note(data_dir, targets)


def _write_note(data_dir: Path, targets: set[str]) -> None:
    note = data_dir / NOTE
    if not targets:
        with contextlib.suppress(FileNotFoundError):
            note.unlink()
        return
    # A folder's name may hold anything but a line break and NUL; one with a line break is simply
    # not noted well, and its leftover stays, as before.
    write_atomically(note, "".join(f"{target}\n" for target in sorted(targets)).encode("utf-8", "surrogateescape"))
