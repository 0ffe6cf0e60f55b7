"""Reading a statement saved without a header line, as some banks export it.

Such a file does not name its columns, so they are recognised by what is in them: the date is the
first column with a date on every line; money columns hold an amount (or nothing) on every line;
the description is the column of words that differ most from line to line. The money is taken
only when it reads one way alone: one column of amounts with a minus for money out, or money out
and money in side by side (never both on one line), and a running balance that adds up when there
is one. Anything else is refused, saying how to name the columns by number.

Columns named by number are kept as a mapping whose header is "column 1", "column 2"...: a
statement with no header, and as many columns, is read with it next time.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from itertools import permutations
from typing import NoReturn

from .spending import ColumnMapping, StatementLine, squeezed
from .statements import (
    HEADER_SEARCH,
    Columns,
    Statement,
    StatementError,
    balance_problem,
    columns_from_mapping,
    parse_signed,
    parse_statement_date,
    read_rows,
    statement_from,
)

SAMPLE = 200
"""Lines looked at to recognise the columns. The whole statement is still read and checked."""

EXPECTED = (
    "a date column, a column saying who was paid, and either one column of amounts with a minus for "
    "money out or columns of money paid out and paid in, perhaps with a running balance"
)
BY_NUMBER = (
    "Say which column is which by its number, 1 being the first on the left, for example: "
    "--date-column 1 --description-column 2 --amount-column 3 --balance-column 4 "
    "(or --out-column 3 --in-column 4)."
)


def column_name(number: int) -> str:
    """A column of a statement without a header, by its place: "column 1" is the first on the left."""
    return f"column {number}"


def positional_header(width: int) -> tuple[str, ...]:
    return tuple(column_name(number) for number in range(1, width + 1))


def by_position(mapping: ColumnMapping) -> bool:
    """A mapping made for a statement without a header: its columns are named by their places."""
    return bool(mapping.header) and tuple(mapping.header) == positional_header(len(mapping.header))


def width_of(rows: list[list[str]]) -> int:
    """How many columns most of the first lines have (lines about the account above may have fewer)."""
    counts = Counter(len(row) for row in rows[:SAMPLE] if any(cell.strip() for cell in row))
    return counts.most_common(1)[0][0] if counts else 0


def read_by_position(data: bytes, rows: list[list[str]], mapping: ColumnMapping) -> Statement:
    """The statement read with columns named by number; lines above the first transaction are passed over."""
    header = tuple(mapping.header)
    columns = columns_from_mapping(list(header), mapping)
    first = next(
        (n for n, row in enumerate(rows[:HEADER_SEARCH]) if _is_transaction(row, columns)),
        None,
    )
    if first is None:
        raise StatementError(
            f"None of the first {HEADER_SEARCH} lines has a date in {column_name(columns.date + 1)} or an amount "
            "in the money columns given. Nothing was imported."
        )
    return statement_from(data, rows, first, columns, header, f"the statement's lines have {len(header)}")


def read_headerless(
    data: bytes, rows: list[list[str]], mappings: list[ColumnMapping], refused: StatementError
) -> tuple[Statement, ColumnMapping | None]:
    """A statement with no header: by a mapping kept for its shape, or by its columns' contents.

    `refused` is why no header was found; it is raised again if this is not a statement either."""
    width = width_of(rows)
    kept = [m for m in mappings if by_position(m) and len(m.header) == width]
    if kept:
        return read_by_position(data, rows, kept[-1]), kept[-1]
    first = next((n for n, row in enumerate(rows[:HEADER_SEARCH]) if any(cell.strip() for cell in row)), None)
    if first is None or not _looks_like_transaction(rows[first]):
        raise refused
    sample = [row for row in rows[first : first + SAMPLE] if len(row) == width]
    columns = recognise(sample, width)
    expected = f"the first line has {width}"
    return statement_from(data, rows, first, columns, positional_header(width), expected), None


def recognise(rows: list[list[str]], width: int) -> Columns:
    """The columns of lines without a header, from what is in them, or a StatementError saying why not."""
    dates = [c for c in range(width) if _mostly([_is_date(row[c]) for row in rows])]
    if not dates:
        raise _unrecognised("no column has a date on every line")
    money = [c for c in range(width) if c not in dates and _is_money_column(rows, c)]
    if not money:
        raise _unrecognised("no column has an amount of money on every line")
    words = [c for c in range(width) if c not in dates and c not in money and any(row[c].strip() for row in rows)]
    if not words:
        raise _unrecognised("no column says who was paid")
    description = max(words, key=lambda c: (len({squeezed(row[c]) for row in rows}), -c))
    readings = [c for c in _money_readings(dates[0], description, money, rows) if _reads(rows, c)]
    most = max((_money_columns(c) for c in readings), default=0)
    best = [c for c in readings if _money_columns(c) == most]
    if len(best) == 1:
        return best[0]
    sides = sorted({tuple(sorted(pair)) for pair in permutations(money, 2) if _side_by_side(rows, *pair)})
    if not best and sides:
        first, second = sides[0]
        raise _unrecognised(
            f"columns {first + 1} and {second + 1} look like money out and money in, but nothing says which is "
            "which (no running balance, and no minus signs)"
        )
    if not best:
        _refuse_money(money, "its amounts do not read as money in and out")
    shown = " and ".join(str(c + 1) for c in money)
    raise _unrecognised(
        f"columns {shown} can be read as money in and out more than one way (a running balance would tell them apart)"
    )


def _refuse_money(money: list[int], reason: str) -> NoReturn:
    if len(money) > 1:
        reason += " with a running balance that adds up"
    raise _unrecognised(reason)


def _money_readings(date: int, description: int, money: list[int], rows: list[list[str]]) -> list[Columns]:
    readings = []
    for amount in money:
        readings += [Columns(date, description, amount=amount, balance=b) for b in (None, *money) if b != amount]
    for out, paid_in in permutations(money, 2):
        if _side_by_side(rows, out, paid_in):
            readings += [
                Columns(date, description, paid_out=out, paid_in=paid_in, balance=b)
                for b in (None, *money)
                if b not in (out, paid_in)
            ]
    return readings


def _mostly(found: list[bool]) -> bool:
    """True on every line but one in ten at most, and on most: a line that cannot be read is named later,
    when the whole statement is read, rather than hiding what its columns are."""
    wrong = found.count(False)
    return wrong <= max(1, len(found) // 10) and wrong * 2 < len(found)


def _reads(rows: list[list[str]], columns: Columns) -> bool:
    """Whether the lines read this way, and only this way: a balance adds up, or the signs say which is which."""
    lines, problems = read_rows(rows, 0, columns, "")
    if not lines or not _mostly([True] * len(lines) + [False] * len(problems)):
        return False
    if columns.balance is not None:
        return all(line.balance is not None for line in lines) and all(
            balance_problem(run[::-1] if run[0].on > run[-1].on else run) is None for run in _runs(lines)
        )
    if columns.amount is not None:
        return any(line.amount < 0 for line in lines)  # All positive could as well be money out.
    out = [line.amount for line in lines if line.amount < 0]
    written = [_amount_or_none(row[columns.paid_out]) for row in rows] if columns.paid_out is not None else []
    return bool(out) and all(
        value is None or value < 0 for value in written
    )  # Money out written with a minus says which it is.


def _runs(lines: list[StatementLine]) -> list[list[StatementLine]]:
    """Lines that follow one another, split where a line could not be read: a balance is checked within each."""
    runs = [[lines[0]]]
    for line in lines[1:]:
        if line.line_number == runs[-1][-1].line_number + 1:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _money_columns(columns: Columns) -> int:
    return sum(p is not None for p in (columns.amount, columns.paid_out, columns.paid_in, columns.balance))


def _side_by_side(rows: list[list[str]], first: int, second: int) -> bool:
    """Money out and money in: every line has one, and no line has both."""
    pairs = [(_amount_or_none(row[first]), _amount_or_none(row[second])) for row in rows]
    return _mostly([(out is None) != (paid is None) for out, paid in pairs])


def _amount_or_none(text: str) -> Decimal | None:
    """The amount in a cell, or None for nothing, £0.00 or words."""
    try:
        amount = parse_signed(text.strip(), "")
    except StatementError:
        return None
    return amount or None


def _is_money_column(rows: list[list[str]], column: int) -> bool:
    """An amount or nothing on every line, something on one, and pence or a pound sign written (account
    numbers have neither)."""
    cells = [row[column].strip() for row in rows]
    if not any(cells) or not any("." in cell or "£" in cell for cell in cells):
        return False
    return _mostly([not cell or _amount_or_none(cell) is not None or _is_zero(cell) for cell in cells])


def _is_zero(text: str) -> bool:
    try:
        return parse_signed(text, "") == 0
    except StatementError:
        return False


def _is_date(text: str) -> bool:
    try:
        parse_statement_date(text)
    except StatementError:
        return False
    return True


def _looks_like_transaction(row: list[str]) -> bool:
    """A date in one cell and an amount in another: the first line is a payment, not a header."""
    dated = [n for n, cell in enumerate(row) if _is_date(cell)]
    return bool(dated) and any(_amount_or_none(cell) is not None for n, cell in enumerate(row) if n not in dated)


def _is_transaction(row: list[str], columns: Columns) -> bool:
    """A date where the date should be, or an amount where money should be (a line with a bad date is still one)."""
    places = [p for p in vars(columns).values() if p is not None]
    if len(row) <= max(places):
        return False
    if _is_date(row[columns.date]):
        return True
    money = (columns.amount, columns.paid_out, columns.paid_in)
    return any(p is not None and _amount_or_none(row[p]) is not None for p in money)


def _unrecognised(reason: str) -> StatementError:
    return StatementError(
        f"This statement has no header line, and its columns cannot be told from what is in them: {reason}. "
        f"PHB Planner expected {EXPECTED}. {BY_NUMBER} Nothing was imported."
    )
