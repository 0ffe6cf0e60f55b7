"""The spending record as text: JSON Lines, one fact a line (docs/spending-record.md).

Why JSON Lines rather than TOML like the plan, a spreadsheet or a database: seven years of a
direct payment can be tens of thousands of transactions. Python reads JSON in C, line by line,
where TOML is read in Python (about twenty times slower at that size); one transaction a line
keeps the file readable in any text editor, searchable with grep and easy to compare; and unlike a
database file it is plain text that any program can read in seven years' time. Splits, evidence
and explanations do not fit the flat columns of a CSV. The whole file is rewritten on each change
(see `spending_files`), which takes well under a second at 100,000 transactions.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .errors import NewerPlanError, PlanFileError
from .money import money_to_str
from .spending import ColumnMapping, Rule, SpendingRecord, Split, StatementNote, Transaction

FORMAT_NAME = "phb-planner spending record"
VERSION = 1
"""Raised when the meaning of a line changes; a newer record is never read by an older version."""


def record_to_text(record: SpendingRecord) -> str:
    """The record as file text: the header, then rules, mappings, statements and transactions."""
    record.sort()
    lines = [_dumps({"format": FORMAT_NAME, "version": VERSION, "help": "docs/spending-record.md"})]
    lines += [_dumps({"kind": "rule", "payee": rule.payee, "line": rule.line}) for rule in record.rules]
    lines += [_dumps(_mapping_dict(mapping)) for mapping in record.mappings]
    lines += [_dumps(_statement_dict(note)) for note in record.statements]
    lines += [_dumps(_transaction_dict(t)) for t in record.transactions]
    return "\n".join(lines) + "\n"


def record_from_text(text: str, path: Path) -> SpendingRecord:
    """Read a record, or a PlanFileError naming the first line that is wrong."""
    record = SpendingRecord()
    lines = _numbered(text, path)
    first = next(lines, None)
    if first is None:
        return record
    number, header = first
    if not isinstance(header, dict) or header.get("format") != FORMAT_NAME:
        raise PlanFileError(path, "this is not a PHB Planner spending record (its first line does not say so)")
    version = header.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise NewerPlanError(
            path, f"this spending record is version {version}; this PHB Planner reads up to {VERSION}. Update it."
        )
    for number, entry in lines:
        try:
            _read_entry(record, entry)
        except (KeyError, TypeError, ValueError, InvalidOperation, AttributeError) as error:
            raise PlanFileError(path, f"line {number} cannot be read ({_reason(error)})") from None
    record.sort()
    return record


def _numbered(text: str, path: Path) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as error:
            raise PlanFileError(path, f"line {number} is not valid JSON ({error.msg})") from None


def _read_entry(record: SpendingRecord, entry: Any) -> None:
    kind = entry["kind"]
    if kind == "transaction":
        record.transactions.append(_transaction(entry))
    elif kind == "rule":
        record.rules.append(Rule(_text(entry["payee"]), _text(entry["line"])))
    elif kind == "mapping":
        record.mappings.append(_mapping(entry))
    elif kind == "statement":
        record.statements.append(_statement(entry))
    else:
        raise ValueError(f'"{kind}" is not a kind of line a spending record has')


def _reason(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"{error.args[0]} is missing"
    if isinstance(error, InvalidOperation):
        return "an amount is not a number"
    return str(error) or type(error).__name__


def _dumps(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


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
    return Transaction(
        id=_text(entry["id"]),
        on=date.fromisoformat(entry["date"]),
        amount=_amount(entry["amount"]),
        description=_text(entry["description"]),
        balance=None if entry.get("balance") is None else _amount(entry["balance"]),
        source=_text(entry.get("source", "")),
        order=int(entry.get("order", 0)),
        splits=tuple(Split(_text(s["line"]), _amount(s["amount"])) for s in entry.get("splits", ())),
        evidence=_text(entry.get("evidence", "")),
        explanation=_text(entry.get("explanation", "")),
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


def _signed(amount: Decimal) -> str:
    """Money as stored: "1234.50", or "-56.20" for money out."""
    return ("-" if amount < 0 else "") + money_to_str(abs(amount))


def _amount(value: Any) -> Decimal:
    if not isinstance(value, str):
        raise ValueError('an amount must be written as text, like "1234.50"')
    amount = Decimal(value)
    if not amount.is_finite() or amount != amount.quantize(Decimal("0.01")):
        raise ValueError(f'"{value}" is not pounds and pence')
    return amount.quantize(Decimal("0.01"))


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("a text field holds something other than text")
    return value
