"""The column options of `phb spending import`: which column of a statement holds what.

Columns are named as the statement's header names them, or, for a statement with no header line,
by number (1 is the first on the left). Either way they become a `ColumnMapping`, kept in the
record for the next statement of that source; one by number has the header "column 1",
"column 2"... (see plan_store.headerless).
"""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

from plan_store.errors import PlanError
from plan_store.headerless import column_name, positional_header, width_of
from plan_store.spending import ColumnMapping
from plan_store.statements import HEADER_SEARCH, StatementError, decode, squeeze


def column_mapping(arguments: argparse.Namespace) -> ColumnMapping | None:
    """The columns the person named with --date-column and the rest, or None if they named none."""
    given = [
        arguments.date_column,
        arguments.description_column,
        arguments.out_column,
        arguments.in_column,
        arguments.amount_column,
        arguments.balance_column,
    ]
    if not any(given):
        return None
    if not arguments.date_column or not arguments.description_column:
        raise PlanError("To say which columns hold what, give at least --date-column and --description-column.")
    names = [name or "" for name in given]
    numbered = [name.strip().isdigit() for name in names if name]
    if any(numbered):
        if not all(numbered):
            raise PlanError(
                "Give the columns all by number (1 is the first on the left) or all by their names in the header, "
                "not some of each."
            )
        header, names = _by_number(arguments.file, arguments.encoding, names)
    else:
        header = _header_of(arguments.file, arguments.encoding, arguments.date_column)
    date_column, description, paid_out, paid_in, amount, balance = names
    return ColumnMapping(
        source=arguments.source or arguments.file.stem,
        header=header,
        date=date_column,
        description=description,
        paid_out=paid_out,
        paid_in=paid_in,
        amount=amount,
        balance=balance,
    )


def _rows(path: Path, encoding: str) -> list[list[str]]:
    try:
        text = decode(path.read_bytes(), encoding)
    except OSError as error:
        raise PlanError(f"{path} could not be read ({error.strerror or error}).") from None
    except StatementError as error:
        raise PlanError(f"{path.name}: {error}") from None
    return list(csv.reader(io.StringIO(text, newline="")))


def _by_number(path: Path, encoding: str, numbers: list[str]) -> tuple[tuple[str, ...], list[str]]:
    """Columns given by their places, for a statement with no header: the header "column 1", "column 2"..."""
    width = width_of(_rows(path, encoding))
    for number in (int(n) for n in numbers if n):
        if not 1 <= number <= width:
            raise PlanError(
                f"{path.name}: there is no column {number}; its lines have {width} columns, numbered 1 to {width}. "
                "Nothing was imported."
            )
    return positional_header(width), [column_name(int(n)) if n else "" for n in numbers]


def _header_of(path: Path, encoding: str, date_column: str) -> tuple[str, ...]:
    """The statement's header: the first line among the first few that names the date column."""
    for row in _rows(path, encoding)[:HEADER_SEARCH]:
        if squeeze(date_column) in (squeeze(cell) for cell in row):
            return tuple(row)
    raise PlanError(
        f'{path.name}: no line near the top names a column "{date_column}". If the statement has no header line, '
        "give the columns by number, 1 being the first on the left. Nothing was imported."
    )
