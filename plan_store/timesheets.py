"""Timesheets saved as CSV: which PA, the first day of the pay period, and the hours worked.

Payroll services and timesheet apps name the columns differently, so each is found from the
header by the names they use, as a statement's columns are. Dates are day first. Every line is
checked before anything is kept: a line that cannot be read is named, and nothing is imported.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation

from .spending import Timesheet
from .statements import StatementError, decode, parse_statement_date, squeeze

_NAMES = {
    "pa": ("pa", "name", "who", "assistant", "personal assistant", "employee", "employee name", "staff"),
    "period_start": (
        "period start",
        "period starting",
        "pay period start",
        "week starting",
        "week start",
        "week commencing",
        "month starting",
        "from",
        "date",
    ),
    "hours": ("hours", "hours worked", "total hours"),
    "evidence": ("evidence", "timesheet", "note", "notes", "reference"),
}
"""What timesheet exports call each column, compared without case or spaces."""

EXPECTED = 'a CSV of timesheets with a header naming the PA ("PA" or "Name"), "Period start" and "Hours"'


def read_timesheets(data: bytes, encoding: str = "utf-8") -> list[Timesheet]:
    """Every line as a Timesheet, or a StatementError naming each line that cannot be read."""
    rows = list(csv.reader(io.StringIO(decode(data, encoding), newline="")))
    header = next((n for n, row in enumerate(rows) if any(cell.strip() for cell in row)), None)
    found: dict[str, int] = {}
    for position, name in enumerate(rows[header] if header is not None else []):
        role = next((role for role, names in _NAMES.items() if squeeze(name) in names), None)
        if role is not None and role not in found:
            found[role] = position
    if header is None or not {"pa", "period_start", "hours"} <= found.keys():
        raise StatementError(
            f"This does not look like timesheets. PHB Planner expected {EXPECTED}. Nothing was imported."
        )
    sheets, problems = [], []
    for number, row in enumerate(rows[header + 1 :], header + 2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            sheets.append(_sheet(row, found))
        except (StatementError, IndexError, InvalidOperation) as error:
            problems.append(f"line {number}: {_why(error)}")
    if problems:
        shown = "\n".join(f"  - {problem}" for problem in problems[:20])
        raise StatementError(f"Some lines cannot be read, so nothing was imported:\n{shown}")
    if not sheets:
        raise StatementError("The timesheets have a header but no lines under it. Nothing was imported.")
    return sheets


def _sheet(row: list[str], columns: dict[str, int]) -> Timesheet:
    who = row[columns["pa"]].strip()
    if not who:
        raise StatementError("it does not name the PA")
    evidence = row[columns["evidence"]].strip() if "evidence" in columns and columns["evidence"] < len(row) else ""
    return Timesheet(who, parse_statement_date(row[columns["period_start"]]), hours(row[columns["hours"]]), evidence)


def hours(text: str) -> Decimal:
    """Hours as people write them: "37.5", "37.50"; not negative, not more than a month has."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise StatementError(f'"{text.strip()}" is not a number of hours') from None
    if not value.is_finite() or value < 0 or value > 744:
        raise StatementError(f'"{text.strip()}" is not a number of hours (0 to 744, the hours in a month)')
    return value


def _why(error: Exception) -> str:
    return "it has fewer columns than the header" if isinstance(error, IndexError) else str(error)
