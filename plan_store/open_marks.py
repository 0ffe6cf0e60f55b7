"""A small marker beside a plan for each window that has it open, so another window can warn.

A marker holds only a process number, the computer's name and a time: nothing about the person.
It does not lock anything. Saving already refuses to overwrite changes made elsewhere; the marker
just tells people early, before both have typed an hour of changes.

Each window writes its own marker (`.<plan>.toml.<token>.open`) and removes only that one, so a
third window is still warned while the first is open after the second has closed. Markers are
made by exclusive creation and read without following links: a link planted under a marker's name
in a shared folder can neither redirect a write nor make a read hang.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import stat
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .clock import utc_now
from .safe_files import NO_FOLLOW, write_new_file

MARKER_SUFFIX = ".open"
_MAX_MARKER_BYTES = 4096
"""A marker is three short lines; anything longer was not written by PHB Planner."""


@dataclass(frozen=True)
class OpenElsewhere:
    since: datetime
    process: int
    host: str


def markers_of(path: Path) -> list[Path]:
    """Every window's marker for the plan at `path`."""
    prefix = f".{path.name}."
    try:
        return sorted(
            entry
            for entry in path.parent.iterdir()
            if entry.name.startswith(prefix) and entry.name.endswith(MARKER_SUFFIX)
        )
    except OSError:
        return []


def open_elsewhere(path: Path, own: Path | None = None) -> OpenElsewhere | None:
    """The earliest other window that has this plan open, or None.

    A marker left by a window that has gone (its process is no longer running on this computer)
    is removed as it is found.
    """
    others = []
    for marker in markers_of(path):
        if marker == own:
            continue
        other = _read(marker)
        if other is None:
            continue
        if other.host == socket.gethostname() and (other.process == os.getpid() or not _running(other.process)):
            if other.process != os.getpid():
                with contextlib.suppress(OSError):
                    marker.unlink()
            continue
        others.append(other)
    return min(others, key=lambda other: other.since) if others else None


def mark_open(path: Path) -> Path | None:
    """Say that this window has the plan open; the marker to clear later, or None if none was made.

    Failing to write the marker never stops work. A marker cut short by a crash reads as no
    marker at all, which is the right answer for a window that has gone.
    """
    text = f'process = {os.getpid()}\nhost = "{_quoted(socket.gethostname())}"\nsince = {utc_now().isoformat()}\n'
    marker = path.with_name(f".{path.name}.{secrets.token_hex(4)}{MARKER_SUFFIX}")
    try:
        write_new_file(marker, text.encode("utf-8"))
    except OSError:
        return None
    return marker


def clear_mark(marker: Path | None) -> None:
    """Remove this window's own marker."""
    if marker is not None:
        with contextlib.suppress(OSError):
            marker.unlink()


def _read(marker: Path) -> OpenElsewhere | None:
    try:
        descriptor = os.open(marker, os.O_RDONLY | NO_FOLLOW | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None
        mark = tomllib.loads(os.read(descriptor, _MAX_MARKER_BYTES).decode("utf-8"))
        since = mark["since"]
        if not isinstance(since, datetime) or since.tzinfo is None:
            return None
        return OpenElsewhere(since, int(mark["process"]), str(mark["host"]))
    except (OSError, ValueError, KeyError, TypeError, tomllib.TOMLDecodeError):
        return None
    finally:
        os.close(descriptor)


def _running(process: int) -> bool:
    if process <= 0:
        return False  # Not a process number: signalling 0 or -1 would reach a whole group.
    if os.name != "posix":
        return True  # No cheap check elsewhere: assume the other window is still there.
    try:
        os.kill(process, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True  # Someone else's process, and alive.
    return True


def _quoted(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
