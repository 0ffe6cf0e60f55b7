"""Plans to TOML text and back. Nothing here touches the disk.

Files are written short (defaults and empty values left out) so that a person can read and edit
one by hand, and read back strictly, so that every mistake in such an edit is named.
"""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from .errors import NewerPlanError, PlanFileError, PlanValidationError, TomlSyntaxError
from .gc_pause import collection_paused
from .migrations import file_version, upgrade
from .plan import SCHEMA_VERSION, Plan
from .validation import problems_from

FILE_HEADER = (
    "# A personal health budget plan, saved by PHB Planner.\n"
    '# The layout is described in docs/plan-format.md. Money is written in quotes, like "12.50".\n\n'
)

_WHERE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_AT_END = re.compile(r"\s*\(at end of document\)\s*$")
_FRIENDLIER = {
    "Cannot overwrite a value": "the same key is written twice",
    "Cannot declare": "the same table is written twice",
}


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The table written to disk: the plan without defaults or blanks, version and title first."""
    data = plan.model_dump(mode="python", exclude_none=True, exclude_defaults=True)
    head = {
        "schema_version": plan.schema_version,
        "title": plan.title,
        "created": plan.created,
        "updated": plan.updated,
        "revision": plan.revision,
    }
    # The choices are string enums, which the TOML writer takes as the text they stand for.
    return {**head, **data}


def plan_to_toml(plan: Plan) -> str:
    with collection_paused():
        return table_to_toml(plan_to_dict(plan))


def table_to_toml(table: dict[str, Any]) -> str:
    """The file's text from a table `plan_to_dict` made: five sixths of the time of `plan_to_toml`.

    The table shares nothing that can change with the plan it was taken from, so this may run in
    another thread while the plan is edited.
    """
    with collection_paused():
        return FILE_HEADER + tomli_w.dumps(table, multiline_strings=True)


def plan_from_toml(text: str, path: Path) -> Plan:
    """Parse, upgrade and validate; every failure is a PlanFileError that names the place."""
    with collection_paused():
        return _plan_from_toml(text, path)


def parse_toml(text: str, path: Path, kind: str = "a plan") -> dict[str, Any]:
    """The table in `text` (money as Decimal), or a PlanFileError naming the line of a mistake.

    `kind` names what the file should be ("a plan", "a layout"), for the message."""
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(path, str(error), text) from None
    except RecursionError:  # Lists or tables inside each other thousands of times over.
        raise PlanFileError(path, f"its lists or tables are nested far too deeply to be {kind}") from None


def _plan_from_toml(text: str, path: Path) -> Plan:
    raw = parse_toml(text, path)
    version = file_version(raw)
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise NewerPlanError(
            path,
            f"this plan was saved by a newer version of PHB Planner (plan format {version}; this "
            f"version reads formats up to {SCHEMA_VERSION}). Update PHB Planner to open it.",
        )
    try:
        upgraded = upgrade(raw)
    except (TypeError, ValueError, AttributeError, KeyError, IndexError):
        # The upgrade steps expect the old layout; a hand-edited old file may not have it.
        raise PlanFileError(
            path,
            f"this plan is in an older layout (format {version}) with values of the wrong kind, so it cannot be upgraded",
        ) from None
    try:
        return Plan.model_validate(upgraded)
    except ValidationError as error:
        raise PlanValidationError(path, problems_from(error, Plan)) from None


def _syntax_error(path: Path, message: str, text: str) -> TomlSyntaxError:
    line = column = None
    where = _WHERE.search(message)
    if where:
        line, column = int(where.group(1)), int(where.group(2))
        message = message[: where.start()]
    elif message.startswith(("Cannot overwrite", "Cannot declare")):
        # Python only says "at end of document" here, so find the repeated key or table ourselves.
        line = _repeated_line(text)
        column = 1 if line else None
        message = _AT_END.sub("", message)
    elif _AT_END.search(message):
        # Something left open (a bracket, a quote) runs to the end; the last line is where it shows.
        lines = text.splitlines() or [""]
        line, column = len(lines), len(lines[-1]) + 1
        message = _AT_END.sub("", message)
    for start, plain in _FRIENDLIER.items():
        if message.startswith(start):
            message = plain
    return TomlSyntaxError(path, message[:1].lower() + message[1:], line, column)


_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""")
_TABLE = re.compile(r"^\s*\[([^\[\]]+)\]\s*(#.*)?$")


def _repeated_line(text: str) -> int | None:
    """The line that repeats a key within its table, or repeats a [table] header; None if unsure."""
    tables: set[str] = set()
    keys: set[str] = set()
    for number, line in enumerate(text.splitlines(), 1):
        header = _TABLE.match(line)
        if header:
            name = header.group(1).strip()
            if name in tables:
                return number
            tables.add(name)
            keys = set()
        elif line.lstrip().startswith("[["):
            keys = set()
        elif key := _KEY.match(line):
            if key.group(1) in keys:
                return number
            keys.add(key.group(1))
    return None
