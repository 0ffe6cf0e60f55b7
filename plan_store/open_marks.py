"""A small marker beside a plan while a window has it open, so a second window can warn.

The marker holds only a process number, the computer's name and a time: nothing about the person.
It does not lock anything. Saving already refuses to overwrite changes made elsewhere; the marker
just tells people early, before both have typed an hour of changes.
"""

from __future__ import annotations

import contextlib
import os
import socket
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .plan import utc_now
from .safe_files import PRIVATE_FILE


@dataclass(frozen=True)
class OpenElsewhere:
    since: datetime
    process: int
    host: str


def marker_for(path: Path) -> Path:
    return path.with_name(f".{path.name}.open")


def open_elsewhere(path: Path) -> OpenElsewhere | None:
    """Who else has this plan open, or None; markers left by windows that have gone are ignored."""
    try:
        mark = tomllib.loads(marker_for(path).read_text(encoding="utf-8"))
        other = OpenElsewhere(mark["since"], int(mark["process"]), str(mark["host"]))
    except (OSError, ValueError, KeyError, TypeError, tomllib.TOMLDecodeError):
        return None
    if other.host == socket.gethostname() and (other.process == os.getpid() or not _running(other.process)):
        return None
    return other


def mark_open(path: Path) -> None:
    """Say that this process has the plan open. Failing to write the marker never stops work.

    A plain write, not an atomic one: a marker cut short by a crash reads as no marker at all,
    which is the right answer for a window that has gone, and opening a plan stays quick.
    """
    text = f'process = {os.getpid()}\nhost = "{_quoted(socket.gethostname())}"\nsince = {utc_now().isoformat()}\n'
    with contextlib.suppress(OSError):
        marker = marker_for(path)
        descriptor = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)


def clear_mark(path: Path) -> None:
    """Remove the marker if it is this process's own."""
    marker = marker_for(path)
    with contextlib.suppress(OSError, ValueError, KeyError, tomllib.TOMLDecodeError):
        if int(tomllib.loads(marker.read_text(encoding="utf-8"))["process"]) == os.getpid():
            marker.unlink()


def _running(process: int) -> bool:
    if os.name != "posix":
        return True  # No cheap check elsewhere: assume the other window is still there.
    try:
        os.kill(process, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # Someone else's process, and alive.
    return True


def _quoted(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
