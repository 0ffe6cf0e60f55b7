"""What the plan list and the Summary step ask the app to do, as messages.

Kept apart from the screens that send them, and light (Textual's Message and dataclasses only),
so the app can handle them by their classes from the start without loading those screens. A
renamed message then fails loudly at import, instead of a handler named by a string going quiet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual.message import Message


@dataclass
class PlanChosen(Message):
    path: Path


@dataclass
class NewPlanWanted(Message):
    title: str


@dataclass
class RenameWanted(Message):
    path: Path
    title: str


@dataclass
class DuplicateWanted(Message):
    path: Path
    title: str = ""
    """The copy's title, as the person chose it; empty for the usual "<title> (copy)"."""


@dataclass
class TrashWanted(Message):
    path: Path


class SampleWanted(Message):
    """Open the built-in sample plan, which is never saved."""


class RefreshWanted(Message):
    """Read the plans folder again."""


class DeletedPlansWanted(Message):
    """Show the plans in the trash, so one can be chosen and put back."""


@dataclass
class RestoreWanted(Message):
    """Put a plan from the trash back in the plans folder."""

    path: Path


@dataclass(frozen=True)
class ExportChoice:
    """Where to write a summary (or a copy of the whole plan), and whether private notes go in."""

    format: str
    path: Path
    include_private: bool
    easy_read: bool = False
    """The short easy-read summary, for the person and their family, rather than the full one."""


class MoneyWanted(Message):
    """Show money in and out: the plan set against what was really spent."""


@dataclass
class ExportWanted(Message):
    choice: ExportChoice


@dataclass
class AgreeWanted(Message):
    """Record that the NHS team agreed the open plan as it is now (the Review step asks who and when)."""

    name: str
    role: str
    on: date
