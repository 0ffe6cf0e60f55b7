"""The spending record as text: JSON Lines, one fact a line (docs/spending-record.md).

Why JSON Lines rather than TOML like the plan, a spreadsheet or a database: seven years of a
direct payment can be tens of thousands of transactions. Python reads JSON in C, line by line,
where TOML is read in Python (about twenty times slower at that size); one transaction a line
keeps the file readable in any text editor, searchable with grep and easy to compare; and unlike a
database file it is plain text that any program can read in seven years' time. Splits, evidence
and explanations do not fit the flat columns of a CSV. A change that only adds (a statement, a
payment typed) adds lines at the end; only a change to a line already there writes them all
again (see `spending_files`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .errors import NewerPlanError, PlanFileError
from .gc_pause import collection_paused
from .money import money_to_str
from .spending import ColumnMapping, Entry, Rule, SpendingRecord, Split, StatementNote, Timesheet, Transaction

FORMAT_NAME = "phb-planner spending record"
VERSION = 1
"""Raised when the meaning of a line changes; a newer record is never read by an older version."""


HEADER = {"format": FORMAT_NAME, "version": VERSION, "help": "docs/spending-record.md"}

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
"""One encoder made once, with no indent: Python encodes in C only without one."""
_DECODE = json.JSONDecoder().raw_decode
_STRING = json.encoder.encode_basestring
"""Text as _ENCODE writes it (the C function where there is one)."""
_SPACE = re.compile(r"[ \t\n\r]*")
"""What JSON counts as space between values (json.decoder.WHITESPACE)."""
_MONEY = re.compile(r"-?[0-9]+\.[0-9]{2}")
"""Money as the record writes it; anything else takes the slower, more forgiving path."""


def record_to_text(record: SpendingRecord) -> str:
    """The record as file text: the header, then rules, mappings, statements and transactions."""
    entries: list[Entry] = [*record.rules, *record.mappings, *record.statements, *record.hours, *record.transactions]
    return header_line() + entry_lines(entries)


def entry_lines(entries: Iterable[Entry]) -> str:
    """Lines for the end of the file, each ending in a new line ("" for none)."""
    with collection_paused():
        return "".join(
            _transaction_line(e) if isinstance(e, Transaction) else _ENCODE(_entry_dict(e)) + "\n" for e in entries
        )


def _transaction_line(t: Transaction) -> str:
    """What _ENCODE(_transaction_dict(t)) writes, in half the time for the usual payment (a test
    holds the two to the same bytes): only its text is encoded, by the encoder's own C function."""
    if t.splits or t.evidence or t.explanation:
        return _ENCODE(_transaction_dict(t)) + "\n"
    balance = "" if t.balance is None else f', "balance": "{_signed(t.balance)}"'
    order = f', "order": {t.order:d}' if t.order else ""
    return (
        f'{{"kind": "transaction", "id": {_STRING(t.id)}, "date": "{t.on.isoformat()}", '
        f'"amount": "{_signed(t.amount)}", "description": {_STRING(t.description)}{balance}, '
        f'"source": {_STRING(t.source)}{order}}}\n'
    )


def header_line() -> str:
    return _ENCODE(HEADER) + "\n"


def _entry_dict(entry: Entry) -> dict[str, Any]:
    if isinstance(entry, Transaction):
        return _transaction_dict(entry)
    if isinstance(entry, Rule):
        return {"kind": "rule", "payee": entry.payee, "line": entry.line}
    if isinstance(entry, ColumnMapping):
        return _mapping_dict(entry)
    if isinstance(entry, Timesheet):
        return _hours_dict(entry)
    return _statement_dict(entry)


def record_from_text(text: str, path: Path) -> SpendingRecord:
    """Read a record, or a PlanFileError naming the first line that is wrong.

    Rules, mappings and statements are read at once; transactions are checked as JSON now and
    made into objects only when something asks for them (see `_Unread`).
    """
    lines = _numbered(text, path)
    first = next(lines, None)
    if first is None:
        return SpendingRecord()
    number, header = first
    if not isinstance(header, dict) or header.get("format") != FORMAT_NAME:
        raise PlanFileError(path, "this is not a PHB Planner spending record (its first line does not say so)")
    version = header.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise NewerPlanError(
            path, f"this spending record is version {version}; this PHB Planner reads up to {VERSION}. Update it."
        )
    unread = _Unread(path)
    rules: list[Rule] = []
    mappings: list[ColumnMapping] = []
    statements: list[StatementNote] = []
    hours: list[Timesheet] = []
    with collection_paused():  # A dict for each line, none in a cycle (see gc_pause).
        entries = list(lines)
    for number, entry in entries:
        try:
            kind = entry["kind"]
            if kind == "transaction":
                unread.entries.append((number, entry))
            elif kind == "rule":
                rules.append(Rule(_text(entry["payee"]), _text(entry["line"])))
            elif kind == "mapping":
                mappings.append(_mapping(entry))
            elif kind == "statement":
                statements.append(_statement(entry))
            elif kind == "hours":
                hours.append(_hours(entry))
            else:
                raise ValueError(f'"{kind}" is not a kind of line a spending record has')
        except (KeyError, TypeError, ValueError, InvalidOperation, AttributeError) as error:
            raise PlanFileError(path, f"line {number} cannot be read ({_reason(error)})") from None
    return SpendingRecord(rules=rules, mappings=mappings, statements=statements, unread=unread, hours=hours)


class _Unread:
    """The transaction lines of a record, parsed as JSON but not yet made into objects.

    Making 100,000 objects, with their dates and amounts, takes longer than reading the file; an
    import needs only their ids. A line that is wrong is named when the objects are made.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: list[tuple[int, dict[str, Any]]] = []

    def ids(self) -> list[str]:
        ids = [entry.get("id") for _, entry in self.entries]
        for (number, _), found in zip(self.entries, ids, strict=True):
            if not isinstance(found, str):
                raise PlanFileError(self.path, f"line {number} cannot be read (its id is missing or not text)")
        return ids  # type: ignore[return-value]

    def build(self) -> list[Transaction]:
        try:
            with collection_paused():  # 100,000 objects that form no cycles (see gc_pause).
                return [_transaction(entry) for _, entry in self.entries]
        except (KeyError, TypeError, ValueError, InvalidOperation, AttributeError):
            pass
        for number, entry in self.entries:  # Rarely: again, one at a time, to name the line.
            try:
                _transaction(entry)
            except (KeyError, TypeError, ValueError, InvalidOperation, AttributeError) as error:
                raise PlanFileError(self.path, f"line {number} cannot be read ({_reason(error)})") from None
        raise AssertionError("unreachable: a line failed once and then read")  # pragma: no cover


def _numbered(text: str, path: Path) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line or line.isspace():
            continue
        # json.loads, less the cost of its Python wrapper: this runs once for each transaction.
        try:
            value, end = _DECODE(line, _past_space(line, 0))
        except json.JSONDecodeError as error:
            raise PlanFileError(path, f"line {number} is not valid JSON ({error.msg})") from None
        if _past_space(line, end) != len(line):
            raise PlanFileError(path, f"line {number} is not valid JSON (Extra data)")
        yield number, value


def _past_space(line: str, at: int) -> int:
    found = _SPACE.match(line, at)
    return found.end() if found else at


def _reason(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"{error.args[0]} is missing"
    if isinstance(error, InvalidOperation):
        return "an amount is not a number"
    return str(error) or type(error).__name__


def _transaction_dict(t: Transaction) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "kind": "transaction",
        "id": t.id,
        "date": t.on.isoformat(),
        "amount": _signed(t.amount),
        "description": t.description,
    }
    if t.balance is not None:
        entry["balance"] = _signed(t.balance)
    entry["source"] = t.source
    if t.order:
        entry["order"] = t.order
    if t.splits:
        entry["splits"] = [{"line": s.line, "amount": money_to_str(s.amount)} for s in t.splits]
    if t.evidence:
        entry["evidence"] = t.evidence
    if t.explanation:
        entry["explanation"] = t.explanation
    return entry


def _transaction(entry: dict[str, Any]) -> Transaction:
    balance = entry.get("balance")
    splits = entry.get("splits")
    return Transaction(
        _text(entry["id"]),
        date.fromisoformat(entry["date"]),
        _amount(entry["amount"]),
        _text(entry["description"]),
        None if balance is None else _amount(balance),
        _text(entry.get("source", "")),
        int(entry.get("order", 0)),
        tuple(Split(_text(s["line"]), _amount(s["amount"])) for s in splits) if splits else (),
        _text(entry.get("evidence", "")),
        _text(entry.get("explanation", "")),
    )


def _mapping_dict(m: ColumnMapping) -> dict[str, Any]:
    columns = {
        "date": m.date,
        "description": m.description,
        "paid_out": m.paid_out,
        "paid_in": m.paid_in,
        "amount": m.amount,
        "balance": m.balance,
    }
    return {"kind": "mapping", "source": m.source, "header": list(m.header), **{k: v for k, v in columns.items() if v}}


def _mapping(entry: dict[str, Any]) -> ColumnMapping:
    return ColumnMapping(
        source=_text(entry["source"]),
        header=tuple(_text(name) for name in entry["header"]),
        date=_text(entry["date"]),
        description=_text(entry["description"]),
        paid_out=_text(entry.get("paid_out", "")),
        paid_in=_text(entry.get("paid_in", "")),
        amount=_text(entry.get("amount", "")),
        balance=_text(entry.get("balance", "")),
    )


def _statement_dict(note: StatementNote) -> dict[str, Any]:
    return {
        "kind": "statement",
        "file": note.file,
        "sha256": note.digest,
        "first": note.first.isoformat(),
        "last": note.last.isoformat(),
        "lines": note.lines,
        "added": note.added,
        "imported_on": note.imported_on.isoformat(),
    }


def _statement(entry: dict[str, Any]) -> StatementNote:
    return StatementNote(
        file=_text(entry["file"]),
        digest=_text(entry["sha256"]),
        first=date.fromisoformat(entry["first"]),
        last=date.fromisoformat(entry["last"]),
        lines=int(entry["lines"]),
        added=int(entry["added"]),
        imported_on=date.fromisoformat(entry["imported_on"]),
    )


def _hours_dict(sheet: Timesheet) -> dict[str, Any]:
    entry = {
        "kind": "hours",
        "pa": sheet.pa,
        "period_start": sheet.period_start.isoformat(),
        "hours": f"{sheet.hours:f}",
    }
    return {**entry, "evidence": sheet.evidence} if sheet.evidence else entry


def _hours(entry: dict[str, Any]) -> Timesheet:
    hours = Decimal(_text(entry["hours"]))
    if not hours.is_finite() or hours < 0:
        raise ValueError(f'"{entry["hours"]}" is not a number of hours')
    return Timesheet(
        _text(entry["pa"]), date.fromisoformat(entry["period_start"]), hours, _text(entry.get("evidence", ""))
    )


def _signed(amount: Decimal) -> str:
    """Money as stored: "1234.50", or "-56.20" for money out."""
    text = f"{amount:f}"
    if amount and len(text) > 3 and text[-3] == ".":  # Already pennies, as every amount kept is.
        return text
    return ("-" if amount < 0 else "") + money_to_str(abs(amount))


def _amount(value: Any) -> Decimal:
    if type(value) is str and _MONEY.fullmatch(value):
        return Decimal(value)
    if not isinstance(value, str):
        raise ValueError('an amount must be written as text, like "1234.50"')
    amount = Decimal(value)
    if not amount.is_finite() or amount != amount.quantize(Decimal("0.01")):
        raise ValueError(f'"{value}" is not pounds and pence')
    return amount.quantize(Decimal("0.01"))


def _text(value: Any) -> str:
    if type(value) is not str:
        raise ValueError("a text field holds something other than text")
    return value
