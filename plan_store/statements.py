"""Reading a bank or prepaid-card statement saved as CSV.

Banks name their columns differently ("Paid out", "Money Out", "Debit Amount", or one signed
"Amount"), some put lines about the account above the header, some list the newest first. The
header is found among the first lines and each column by the names banks use; a source whose
columns cannot be found is read with a mapping the person gives once (kept in the record).
Dates are day first, as UK banks write them. Every line is checked before anything is kept: a
line that cannot be read is named, with what was wrong, and the whole statement is refused.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .dates import date_or_none
from .gc_pause import collection_paused
from .spending import ColumnMapping, StatementLine

HEADER_SEARCH = 20
"""Lines looked at for the header: banks put a few lines about the account above it."""

_NAMES = {
    "date": ("date", "transaction date", "posting date", "posted date", "completed date", "date posted", "value date"),
    "description": (
        "description",
        "transaction description",
        "transaction details",
        "details",
        "transactions",
        "narrative",
        "payee",
        "merchant",
        "merchant name",
        "name",
        "memo",
        "counter party",
        "reference",
    ),
    "paid_out": ("paid out", "money out", "debit", "debit amount", "debits", "out", "withdrawals", "spent"),
    "paid_in": ("paid in", "money in", "credit", "credit amount", "credits", "in", "deposits", "received"),
    "amount": ("amount", "transaction amount", "value", "net amount"),
    "balance": ("balance", "running balance", "account balance", "available balance", "closing balance"),
}
"""What banks and card providers call each column, compared without case, spaces or "(£)"."""

EXPECTED = (
    "a CSV statement from a bank or prepaid card, with a header line naming a date column, a description "
    'column, and either "paid out" and "paid in" columns or one "amount" column'
)

NAME_THE_COLUMNS = (
    "say which column is which with --date-column, --description-column and --amount-column (or "
    "--out-column and --in-column, and --balance-column if it has one), by name or by number, 1 being "
    "the first column on the left."
)

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_WORDY_DATE = re.compile(r"^(\d{1,2})[\s/-]+([A-Za-z]{3,9})[\s/-]+(\d{2}|\d{4})$")
_SHORT_YEAR = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})$")
_NOTHING = Decimal("0.00")
_PLAIN_AMOUNT = re.compile(r"-?[0-9]+(?:\.[0-9]{1,2})?\Z")
_AMOUNT = re.compile(r"^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d{1,2})?$|^\.\d{1,2}$", re.ASCII)


class StatementError(ValueError):
    """A statement that cannot be read; the message names the line and what was wrong."""


@dataclass(frozen=True)
class Columns:
    """Where each thing is in a row: column positions, None where the statement has no such column."""

    date: int
    description: int
    paid_out: int | None = None
    paid_in: int | None = None
    amount: int | None = None
    balance: int | None = None


@dataclass(frozen=True)
class Statement:
    header: tuple[str, ...]
    lines: list[StatementLine]
    digest: str
    """SHA-256 of the file's bytes: the same file imported again is recognised at once."""

    @property
    def first(self) -> date:
        return self.lines[0].on

    @property
    def last(self) -> date:
        return self.lines[-1].on


def squeeze(name: str) -> str:
    name = name.replace("\ufeff", "").casefold()
    name = re.sub(r"\((?:£|gbp)\)|£|\bgbp\b", " ", name)
    return re.sub(r"[\s_:]+", " ", name).strip()


def decode(data: bytes, encoding: str = "utf-8") -> str:
    """The statement's text; a byte that is not `encoding` is named by its line."""
    try:
        return data.decode("utf-8-sig" if encoding.casefold().replace("_", "-") in ("utf-8", "utf8") else encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise StatementError(
            f"line {line} has a character that is not {encoding} (byte {data[error.start]:#04x}). "
            "Nothing was imported. If the bank saved it in another encoding, try --encoding cp1252."
        ) from None
    except LookupError:
        raise StatementError(f'"{encoding}" is not an encoding Python knows; try utf-8 or cp1252.') from None


def find_columns(header: list[str]) -> Columns | None:
    """Columns found from the header's names, or None if a date, a description or money is missing."""
    found: dict[str, int] = {}
    for position, name in enumerate(header):
        squeezed = squeeze(name)
        for role, names in _NAMES.items():
            if squeezed in names and role not in found:
                found[role] = position
                break
    if "description" not in found:
        # Some banks have both "Type" and "Reference"; failing all, a column called "type" will do.
        for position, name in enumerate(header):
            if squeeze(name) in ("type", "transaction type") and position not in found.values():
                found["description"] = position
    money = ("paid_out" in found or "paid_in" in found) or "amount" in found
    if "date" not in found or "description" not in found or not money:
        return None
    return Columns(**found)


def columns_from_mapping(header: list[str], mapping: ColumnMapping) -> Columns:
    """Columns from names the person gave; a name the header does not have is refused by name."""
    squeezed = [squeeze(name) for name in header]

    def position(name: str, what: str) -> int | None:
        if not name:
            return None
        try:
            return squeezed.index(squeeze(name))
        except ValueError:
            shown = ", ".join(f'"{h}"' for h in header)
            raise StatementError(f'There is no column "{name}" for {what}; the columns are {shown}.') from None

    date_at = position(mapping.date, "the date")
    description_at = position(mapping.description, "the description")
    if date_at is None or description_at is None:
        raise StatementError("A mapping needs the date column and the description column.")
    columns = Columns(
        date_at,
        description_at,
        position(mapping.paid_out, "money paid out"),
        position(mapping.paid_in, "money paid in"),
        position(mapping.amount, "the amount"),
        position(mapping.balance, "the balance"),
    )
    if columns.amount is None and columns.paid_out is None and columns.paid_in is None:
        raise StatementError("A mapping needs a column for the amount, or columns for money paid out and paid in.")
    return columns


def find_header(rows: list[list[str]], mappings: list[ColumnMapping]) -> tuple[int, Columns, ColumnMapping | None]:
    """The header's row number, its columns, and the saved mapping used, if one was."""
    for number, row in enumerate(rows[:HEADER_SEARCH]):
        if not any(cell.strip() for cell in row):
            continue
        squeezed = tuple(squeeze(cell) for cell in row)
        for mapping in mappings:
            if tuple(squeeze(name) for name in mapping.header) == squeezed:
                return number, columns_from_mapping(row, mapping), mapping
        columns = find_columns(row)
        if columns is not None:
            return number, columns, None
    raise StatementError(
        f"This does not look like a statement. PHB Planner expected {EXPECTED}. If it is one, {NAME_THE_COLUMNS} "
        "Nothing was imported."
    )


def read_statement(
    data: bytes, mappings: list[ColumnMapping], encoding: str = "utf-8", mapping: ColumnMapping | None = None
) -> tuple[Statement, ColumnMapping | None]:
    """Every line of the statement, oldest first, or a StatementError naming each bad line.

    `mapping` is one the person gives now; otherwise a saved one whose header matches is used, and
    failing that the columns are found from their names. Returns the mapping used, if any.
    """
    with collection_paused():  # Lists and lines by the hundred thousand, none in a cycle (see gc_pause).
        return _read(data, mappings, encoding, mapping)


def _read(
    data: bytes, mappings: list[ColumnMapping], encoding: str, mapping: ColumnMapping | None
) -> tuple[Statement, ColumnMapping | None]:
    from . import headerless  # It reads rows with this module's parts.

    text = decode(data, encoding)
    if "\x00" in text:
        raise StatementError(f"This is not a text file. PHB Planner expected {EXPECTED}. Nothing was imported.")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if mapping is not None and headerless.by_position(mapping):
        return headerless.read_by_position(data, rows, mapping), mapping
    if mapping is not None:
        start = next(
            (
                n
                for n, row in enumerate(rows[:HEADER_SEARCH])
                if tuple(map(squeeze, row)) == tuple(map(squeeze, mapping.header))
            ),
            None,
        )
        if start is None:
            raise StatementError("The header of this statement is not the one the mapping was made for.")
        columns, used = columns_from_mapping(rows[start], mapping), mapping
        return statement_from(data, rows, start + 1, columns, tuple(rows[start])), used
    try:
        start, columns, found = find_header(rows, mappings)
    except StatementError as refused:
        return headerless.read_headerless(data, rows, mappings, refused)
    return statement_from(data, rows, start + 1, columns, tuple(rows[start])), found


def statement_from(
    data: bytes, rows: list[list[str]], first: int, columns: Columns, header: tuple[str, ...], expected: str = ""
) -> Statement:
    """The statement whose transactions start at row `first`, or a StatementError naming every bad line.

    `expected` says how many columns a line should have, for a line with too few."""
    lines, problems = read_rows(rows, first, columns, expected or f"the header has {len(header)}")
    if problems:
        shown = "\n".join(f"  - {problem}" for problem in problems[:20])
        more = f"\n  ...and {len(problems) - 20} more." if len(problems) > 20 else ""
        count = "1 line" if len(problems) == 1 else f"{len(problems)} lines"
        raise StatementError(f"{count} of the statement cannot be read, so nothing was imported:\n{shown}{more}")
    if not lines:
        raise StatementError("The statement has a header but no transactions under it. Nothing was imported.")
    if lines[0].on > lines[-1].on:  # Newest first, as many banks list them.
        lines.reverse()
    return Statement(header, lines, hashlib.sha256(data).hexdigest())


def read_rows(
    rows: list[list[str]], first: int, columns: Columns, expected: str
) -> tuple[list[StatementLine], list[str]]:
    """The lines from row `first` on, and what is wrong with each that cannot be read."""
    lines: list[StatementLine] = []
    problems: list[str] = []
    widest = max(p for p in vars(columns).values() if p is not None)
    for index in range(first, len(rows)):
        row = rows[index]
        number = index + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= widest:
            problems.append(f"line {number} has {len(row)} columns; {expected}")
            continue
        try:
            lines.append(_line(row, number, columns))
        except StatementError as error:
            problems.append(f"line {number}: {error}")
    return lines, problems


def _line(row: list[str], number: int, columns: Columns) -> StatementLine:
    on = parse_statement_date(row[columns.date])
    if columns.amount is not None:
        amount = parse_signed(row[columns.amount], "the amount")
    else:
        out = parse_signed(row[columns.paid_out], "money paid out") if columns.paid_out is not None else Decimal(0)
        paid = parse_signed(row[columns.paid_in], "money paid in") if columns.paid_in is not None else Decimal(0)
        amount = paid - abs(out)
    balance = None
    if columns.balance is not None and row[columns.balance].strip():
        balance = parse_signed(row[columns.balance], "the balance")
    description = row[columns.description].strip()
    return StatementLine(number, on, amount.quantize(Decimal("0.01")), description, balance)


@lru_cache(maxsize=8192)
def parse_statement_date(text: str) -> date:
    """A date as UK banks write it: 03/04/2026, 3 Apr 2026, 03-Apr-26, 2026-04-03. Never month first.

    Remembered: a statement of 100,000 lines has a few thousand different days."""
    cleaned = text.strip()
    if match := _WORDY_DATE.match(cleaned):
        day, month_name, year = match.groups()
        month = _MONTHS.get(month_name[:3].casefold())
        full_year = int(year) + (2000 if len(year) == 2 else 0)
        if month is not None:
            try:
                return date(full_year, month, int(day))
            except ValueError:
                pass
        raise StatementError(f'"{cleaned}" is not a real date')
    if match := _SHORT_YEAR.match(cleaned):
        cleaned = f"{match[1]}/{match[2]}/20{match[3]}"
    found = date_or_none(cleaned)
    if found is None:
        raise StatementError(f'"{cleaned}" is not a date (dates are read day first, like 03/04/2026)')
    return found


def parse_signed(text: str, what: str) -> Decimal:
    """An amount as banks write it: "12.50", "-12.50", "£1,234.50", "(12.50)", "12.50 DR"; blank is nothing."""
    if not text:
        return _NOTHING
    if _PLAIN_AMOUNT.match(text):  # Most lines: the rest of the checks would change nothing.
        return Decimal(text)
    cleaned = text.strip().replace("£", "").replace(" ", "")
    if not cleaned:
        return Decimal("0.00")
    negative = False
    if cleaned.startswith("(") and cleaned.endswith(")"):
        cleaned, negative = cleaned[1:-1], True
    upper = cleaned.upper()
    if upper.endswith(("DR", "CR")):
        negative, cleaned = upper.endswith("DR"), cleaned[:-2]
    if cleaned.startswith(("-", "+")):
        negative, cleaned = negative or cleaned[0] == "-", cleaned[1:]
    if not _AMOUNT.match(cleaned):
        raise StatementError(f'{what} "{text.strip()}" is not an amount of money')
    try:
        amount = Decimal(cleaned.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern rules this out
        raise StatementError(f'{what} "{text.strip()}" is not an amount of money') from None
    return -amount if negative else amount


def balance_problem(lines: list[StatementLine], opening: Decimal | None = None) -> str | None:
    """Where the statement's running balance stops matching its amounts, or None if it adds up.

    Each balance must be the one before it plus the line's amount. A statement that does not add
    up has usually lost a line, or has its columns read the wrong way round.
    """
    previous = opening
    for line in lines:
        if line.balance is None:
            if previous is not None:
                previous += line.amount
            continue
        if previous is not None and previous + line.amount != line.balance:
            return (
                f"line {line.line_number}: the balance before it was {previous:,.2f} and the line is "
                f"{line.amount:+,.2f}, which makes {previous + line.amount:,.2f}, but the statement says {line.balance:,.2f}"
            )
        previous = line.balance
    return None
