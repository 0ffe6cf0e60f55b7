"""Everything that can go wrong with a plan file, said in words a person can act on.

Every error the store raises is a `PlanError`. Its `str()` is the whole message for people: the
CLI prints it as it is and the app shows it, so no caller ever needs a traceback to explain itself.
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass
from pathlib import Path

# Everything a terminal might act on, or that hides or reorders text: C0 and C1 controls (line
# breaks and tabs aside), DEL, and the direction and invisible formatting characters.
_UNSEEN = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f]"
)


def visible(text: str) -> str:
    """Text that quotes a file's content or name, safe to print: controls become visible escapes.

    A plan or a file name received from someone else may hold escape codes that would clear the
    screen, set the clipboard (OSC 52) or recolour the terminal if printed as they are.
    """
    if text.isprintable():  # Most text: nothing _UNSEEN matches is printable, and this is ten times quicker.
        return text
    return _UNSEEN.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


_LINE_BREAKS = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})


def visible_name(name: str) -> str:
    """A name (a file's, a plan's) shown on one line: `visible`, with line breaks and tabs shown too.

    A file name may hold a line break; printed as it is, it would forge a line of its own in a
    list of plans ("two\nFORGED: ready"). The one way every list, report and widget shows a name.
    """
    if name.isprintable():  # Neither a line break nor a tab is printable.
        return name
    return visible(name).translate(_LINE_BREAKS)


class PlanError(Exception):
    """Base of every error the store reports; the message is meant for the person."""


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with one field: where it is in the plan, and what is allowed there."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class PlanFileError(PlanError):
    """A plan file that cannot be used. The file itself is left exactly as it was."""

    def __init__(self, path: Path, summary: str, problems: list[FieldProblem] | None = None):
        self.path = path
        self.summary = summary
        self.problems = problems or []
        super().__init__(self._message())

    def _message(self) -> str:
        lines = [f"{self.path}: {self.summary}"]
        lines += [f"  - {problem}" for problem in self.problems]
        lines.append("The file has not been changed.")
        return "\n".join(lines)


class TomlSyntaxError(PlanFileError):
    """The file is not valid TOML; `line` says where, when the parser could tell."""

    def __init__(self, path: Path, detail: str, line: int | None, column: int | None):
        self.line = line
        self.column = column
        where = f"line {line}, column {column}: " if line is not None else ""
        super().__init__(path, f"{where}this is not valid TOML ({detail})")


class PlanValidationError(PlanFileError):
    """The file is valid TOML, but some fields hold values a plan cannot have."""

    def __init__(self, path: Path, problems: list[FieldProblem]):
        count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
        super().__init__(path, f"this plan has {count}:", problems)


class NewerPlanError(PlanFileError):
    """Written by a newer PHB Planner; reading it here could lose what this version cannot see."""


class PlanChangedOnDisk(PlanError):
    """The file was changed by something else since it was opened; saving would overwrite that."""

    def __init__(self, path: Path):
        self.path = path
        super().__init__(
            f"{path} was changed outside this window since it was opened (perhaps in another "
            "window or by someone else's copy). Nothing was saved, so their changes are safe. "
            "Save your version under a new name, or reopen the plan to see theirs."
        )


class PlanGone(PlanChangedOnDisk):
    """The file was renamed, moved to the trash or deleted since it was opened here."""

    def __init__(self, path: Path):
        self.path = path
        PlanError.__init__(
            self,
            f"{path} is no longer there: it was renamed, moved to the trash or deleted (perhaps in another "
            "window) since it was opened here. Nothing was saved, so that change stands. Your changes are "
            "still on screen: save them as a copy, or go back to the list of plans to find the plan.",
        )


class PlanTooLarge(PlanError):
    """A plan too large to open again is never written: the work stays on screen instead."""

    def __init__(self, path: Path, size: int, limit: int):
        self.path = path
        super().__init__(
            f"{path} was not saved: it would be {size / 1_048_576:.1f} MB, and a plan file can be at most "
            f"{limit / 1_048_576:.0f} MB, so it could never be opened again. Your work is still here. "
            "Shorten the longest notes (a plan is usually well under 1 MB), then save again."
        )


class PlanBusy(PlanError):
    """Another window or program kept the plan locked for longer than a save ever takes."""

    def __init__(self, path: Path, waited: float):
        self.path = path
        super().__init__(
            f"{path} is being saved by another window or program, which did not finish within "
            f"{waited:.0f} seconds. Nothing was saved; your changes are still here. Try again in a moment."
        )


class PlanSaveError(PlanError):
    """The disk refused a write (full, read-only, no permission). Nothing on disk was damaged."""

    def __init__(self, path: Path, error: OSError):
        self.path = path
        reason = error.strerror or str(error)
        super().__init__(
            f"Could not save {path}: {reason}. The file on disk is unchanged and your work is still open. "
            f"{_advice(path, error.errno)}".rstrip()
        )


def _advice(path: Path, code: int | None) -> str:
    folder = path if path.is_dir() else path.parent
    if code in (errno.EACCES, errno.EPERM):
        return f"You may not write in {folder}: it may have been made read-only."
    if code == errno.EROFS:
        return "That disk can only be read, not written to."
    if code in (errno.ENOSPC, errno.EDQUOT):
        return "The disk is full: free some space."
    return ""


class PlanNotFound(PlanError):
    """No plan matches the name given."""


class OverwriteRefused(PlanError):
    """A file is already where something would be written, and was left alone."""


class AlreadyExists(OverwriteRefused):
    """An ordinary file is already there, and may be replaced if the person says so."""
