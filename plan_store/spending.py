"""The spending record of one plan: every payment in and out of the budget's account.

A record holds transactions (from statements, or typed by hand), the rules the person confirmed
that match a payee to a plan line, the column mappings saved for statements whose columns could
not be found, and a note of each statement imported. It is kept beside the plan
(`spending_files`) and written whole (`spending_codec`), so it is always as before a change or
fully after it.

Money is `Decimal`, signed: money in is positive and money out negative, so the balance moves by
exactly the sum of the amounts.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

HAND_SOURCE = "typed by hand"
"""The source of a transaction the person typed rather than imported."""


@dataclass(frozen=True)
class Split:
    """Part of a transaction paid for one plan line: a payroll payment covering two PAs has two."""

    line: str
    """The id of a line of the plan's financial plan."""
    amount: Decimal
    """Positive, and the splits of a transaction add up to its size."""


@dataclass(frozen=True)
class Transaction:
    id: str
    """Stable: from what the statement said, so the same line imported again is recognised."""
    on: date
    amount: Decimal
    """Money in is positive, money out negative."""
    description: str
    balance: Decimal | None = None
    """The account's balance after it, as the statement gave it."""
    source: str = ""
    """Where it came from: the statement's source name, or HAND_SOURCE."""
    order: int = 0
    """Its place among the day's transactions on the statement, so a day reads in the bank's order."""
    splits: tuple[Split, ...] = ()
    """The plan lines it paid for, when the person said so; otherwise a matching rule decides."""
    evidence: str = ""
    """A receipt, invoice or timesheet: a file name or a note."""
    explanation: str = ""
    """The person's reason, for spending the plan does not list."""

    @property
    def money_in(self) -> Decimal:
        return self.amount if self.amount > 0 else Decimal("0.00")

    @property
    def money_out(self) -> Decimal:
        return -self.amount if self.amount < 0 else Decimal("0.00")


@dataclass(frozen=True)
class Rule:
    """Text in a payee's description that means a plan line, confirmed once by the person."""

    payee: str
    line: str

    def matches(self, description: str) -> bool:
        return _squeezed(self.payee) in _squeezed(description)


@dataclass(frozen=True)
class ColumnMapping:
    """Which column holds what, for a source whose header PHB Planner cannot read on its own."""

    source: str
    header: tuple[str, ...]
    """The statement's header line, as found: the mapping is used again for the same header."""
    date: str
    description: str
    paid_out: str = ""
    paid_in: str = ""
    amount: str = ""
    balance: str = ""


@dataclass(frozen=True)
class StatementNote:
    """A statement imported: which file, the days it covers, and how many lines were new."""

    file: str
    digest: str
    first: date
    last: date
    lines: int
    added: int
    imported_on: date


@dataclass
class SpendingRecord:
    transactions: list[Transaction] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    mappings: list[ColumnMapping] = field(default_factory=list)
    statements: list[StatementNote] = field(default_factory=list)

    def sort(self) -> None:
        """Day by day, in each day the statement's order: the same whatever order things came in."""
        self.transactions.sort(key=lambda t: (t.on, t.order, t.id))

    def find(self, transaction_id: str) -> Transaction | None:
        return next((t for t in self.transactions if t.id == transaction_id), None)

    def replace_transaction(self, changed: Transaction) -> None:
        self.transactions = [changed if t.id == changed.id else t for t in self.transactions]

    def mapping_for(self, header: Iterable[str]) -> ColumnMapping | None:
        wanted = tuple(_squeezed(name) for name in header)
        return next((m for m in self.mappings if tuple(_squeezed(n) for n in m.header) == wanted), None)

    def keep_mapping(self, mapping: ColumnMapping) -> None:
        """One mapping per header: a new one for the same header replaces the old."""
        header = tuple(_squeezed(name) for name in mapping.header)
        self.mappings = [m for m in self.mappings if tuple(_squeezed(n) for n in m.header) != header]
        self.mappings.append(mapping)

    def next_hand_id(self) -> str:
        taken = {t.id for t in self.transactions}
        number = sum(1 for t in self.transactions if t.source == HAND_SOURCE) + 1
        while f"hand-{number}" in taken:
            number += 1
        return f"hand-{number}"


@dataclass(frozen=True)
class StatementLine:
    """One line of a statement as read, before it is known whether it is new."""

    line_number: int
    on: date
    amount: Decimal
    description: str
    balance: Decimal | None = None


def _squeezed(text: str) -> str:
    """Case and runs of spaces ignored: banks pad and capitalise payee names as they please."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def _key(line: StatementLine) -> str:
    balance = "" if line.balance is None else f"{line.balance:f}"
    return f"{line.on.isoformat()}|{line.amount:f}|{_squeezed(line.description)}|{balance}"


def new_transactions(record: SpendingRecord, lines: list[StatementLine], source: str) -> list[Transaction]:
    """The statement's lines that the record does not hold yet, as transactions.

    Two lines can be alike in every way (two bus fares on one day, with no balance given): each
    copy counts. A line is new only when the statement has more copies of it than the record, so
    importing a statement twice adds nothing and an overlapping one adds only the days it adds.
    A line's id comes from what it says and which copy it is, so it is the same whichever
    statement brought it in, in whatever order statements are imported.
    """
    held = Counter(t.id for t in record.transactions)
    seen: Counter[str] = Counter()
    order_in_day: Counter[date] = Counter()
    added = []
    for line in lines:
        key = _key(line)
        seen[key] += 1
        order = order_in_day[line.on]
        order_in_day[line.on] += 1
        identity = "s" + hashlib.sha256(f"{key}|{seen[key]}".encode()).hexdigest()[:16]
        if held[identity]:
            continue
        added.append(Transaction(identity, line.on, line.amount, line.description.strip(), line.balance, source, order))
    return added


def with_splits(transaction: Transaction, splits: Iterable[Split]) -> Transaction:
    return replace(transaction, splits=tuple(splits))


def opening_balance(record: SpendingRecord) -> Decimal:
    """The account's balance before the first transaction: from the first balance a statement gave."""
    running = Decimal("0.00")
    for transaction in record.transactions:
        running += transaction.amount
        if transaction.balance is not None:
            return transaction.balance - running
    return Decimal("0.00")
