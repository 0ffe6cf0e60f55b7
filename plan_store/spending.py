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

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import attrgetter
from typing import Any, NamedTuple, Protocol

HAND_SOURCE = "typed by hand"
"""The source of a transaction the person typed rather than imported."""


class Split(NamedTuple):
    """Part of a transaction paid for one plan line: a payroll payment covering two PAs has two.
    (A named tuple: a rule makes one for each payment it matches.)"""

    line: str
    """The id of a line of the plan's financial plan."""
    amount: Decimal
    """Positive, and the splits of a transaction add up to its size."""


class Transaction(NamedTuple):
    """One payment in or out. A named tuple, not a dataclass: a record of 100,000 is built in a
    third less time (a frozen dataclass sets each field through object.__setattr__)."""

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
        return squeezed(self.payee) in squeezed(description)


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


@dataclass(frozen=True)
class Timesheet:
    """The hours a PA worked in one pay period, from a timesheet typed or imported."""

    pa: str
    """The PA as the plan names them: their name, or the id of their wage line."""
    period_start: date
    """The first day of the pay period (a week or a calendar month, as the PA is paid)."""
    hours: Decimal
    evidence: str = ""
    """The timesheet itself: a file name or a note."""

    def same_period(self, other: Timesheet) -> bool:
        return self.pa.casefold() == other.pa.casefold() and self.period_start == other.period_start


Entry = Transaction | Rule | ColumnMapping | StatementNote | Timesheet
"""One line of the record after its first."""

_ORDER = attrgetter("on", "order", "id")


class Unread(Protocol):
    """Transactions as read from the file but not yet made into objects: most changes need only their ids."""

    def ids(self) -> list[str]: ...

    def build(self) -> list[Transaction]: ...

    def build_between(self, first: date, last: date) -> list[Transaction]: ...


class SpendingRecord:
    """The record in memory. Change it only through its methods: each notes whether the file needs
    only new lines at its end (a statement, a payment typed, a new rule) or writing again whole (a
    payment changed, a rule or column mapping replaced), so an import never rewrites seven years."""

    def __init__(
        self,
        transactions: Iterable[Transaction] = (),
        rules: Iterable[Rule] = (),
        mappings: Iterable[ColumnMapping] = (),
        statements: Iterable[StatementNote] = (),
        unread: Unread | None = None,
        hours: Iterable[Timesheet] = (),
    ) -> None:
        self._transactions = list(transactions)
        self._unread = unread
        self._in_order = False
        self.rules = list(rules)
        self.mappings = list(mappings)
        self.statements = list(statements)
        self.hours = list(hours)
        self.added: list[Entry] = []
        """Lines to add at the end of the file, in order."""
        self.rewrite = False
        """True when a line already in the file changed, so the file is written again whole."""

    @property
    def transactions(self) -> list[Transaction]:
        """Every transaction, day by day, and in each day in the statement's order."""
        if self._unread is not None:
            self._transactions = self._unread.build() + self._transactions
            self._unread = None
        if not self._in_order:
            self._transactions.sort(key=_ORDER)
            self._in_order = True
        return self._transactions

    @property
    def changed(self) -> bool:
        return self.rewrite or bool(self.added)

    def transaction_ids(self) -> list[str]:
        """The ids alone, without making an object of each transaction (an import needs no more)."""
        held = self._unread.ids() if self._unread is not None else []
        return held + [t.id for t in self._transactions]

    def add_transactions(self, added: Iterable[Transaction]) -> None:
        new = list(added)
        self._transactions += new
        self._in_order = False
        self.added += new

    def add_statement(self, note: StatementNote) -> None:
        self.statements.append(note)
        self.added.append(note)

    def transactions_between(self, first: date, last: date) -> list[Transaction]:
        """The transactions of the days from `first` to `last`, not in order, making objects of those alone."""
        held = self._unread.build_between(first, last) if self._unread is not None else []
        return held + [t for t in self._transactions if first <= t.on <= last]

    def replace_transactions(self, changes: dict[str, Transaction]) -> None:
        """Put each changed transaction in place of the one whose id is its key (its own id may differ)."""
        if changes:
            self._transactions = [changes.get(t.id, t) for t in self.transactions]
            self._in_order = False
            self.rewrite = True

    def find(self, transaction_id: str) -> Transaction | None:
        return next((t for t in self.transactions if t.id == transaction_id), None)

    def replace_transaction(self, changed: Transaction) -> None:
        self._transactions = [changed if t.id == changed.id else t for t in self.transactions]
        self.rewrite = True

    def mapping_for(self, header: Iterable[str]) -> ColumnMapping | None:
        wanted = tuple(squeezed(name) for name in header)
        return next((m for m in self.mappings if tuple(squeezed(n) for n in m.header) == wanted), None)

    def keep_mapping(self, mapping: ColumnMapping) -> None:
        """One mapping per header: a new one for the same header replaces the old."""
        header = tuple(squeezed(name) for name in mapping.header)
        kept = [m for m in self.mappings if tuple(squeezed(n) for n in m.header) != header]
        self.mappings = self._kept(kept, self.mappings, mapping)

    def keep_rule(self, rule: Rule) -> None:
        """One rule per payee (any case): a new one for the same words replaces the old, and comes last."""
        kept = [r for r in self.rules if r.payee.casefold() != rule.payee.casefold()]
        self.rules = self._kept(kept, self.rules, rule)

    def keep_hours(self, timesheet: Timesheet) -> None:
        """One timesheet per PA and pay period: a new one for the same period replaces the old."""
        kept = [t for t in self.hours if not t.same_period(timesheet)]
        self.hours = self._kept(kept, self.hours, timesheet)

    def _kept(self, kept: list[Any], before: list[Any], new: Entry) -> list[Any]:
        after = [*kept, new]
        if after == before:
            return before
        if len(kept) == len(before):
            self.added.append(new)
        else:
            self.rewrite = True  # One in the file is replaced, or moves: only writing it again does that.
        return after

    def next_hand_id(self) -> str:
        taken = set(self.transaction_ids())
        number = sum(1 for held in taken if held.startswith("hand-")) + 1
        while f"hand-{number}" in taken:
            number += 1
        return f"hand-{number}"


class StatementLine(NamedTuple):
    """One line of a statement as read, before it is known whether it is new (a named tuple, as
    Transaction is: a statement can have 100,000)."""

    line_number: int
    on: date
    amount: Decimal
    description: str
    balance: Decimal | None = None


def squeezed(text: str) -> str:
    """Case and runs of spaces ignored: banks pad and capitalise payee names as they please.

    str.split() splits on exactly the characters the pattern \\s matches, so this is
    re.sub(r"\\s+", " ", text).strip() (on which the ids of transactions already kept depend),
    at a third of the cost."""
    return " ".join(text.split()).casefold()


def line_key(line: StatementLine) -> str:
    """What a statement's line says, from which its id is made."""
    balance = "" if line.balance is None else f"{line.balance:f}"
    return f"{line.on.isoformat()}|{line.amount:f}|{squeezed(line.description)}|{balance}"


def with_splits(transaction: Transaction, splits: Iterable[Split]) -> Transaction:
    return transaction._replace(splits=tuple(splits))


def opening_balance(record: SpendingRecord) -> Decimal:
    """The account's balance before the first transaction: from the first balance a statement gave."""
    running = Decimal("0.00")
    for transaction in record.transactions:
        running += transaction.amount
        if transaction.balance is not None:
            return transaction.balance - running
    return Decimal("0.00")
