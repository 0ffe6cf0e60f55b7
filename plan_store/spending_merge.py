"""Which lines of a statement the record holds already, from this statement or another of the account.

A line's id comes from what it says and which copy it is (two bus fares alike on one day are two
copies), so the same statement again, or an overlapping one of the same kind, brings the same ids.
The same account's statements from different sources do not say the same things: an OFX statement
gives no balance on each line, a CSV does; one bank writes "S Okafor wages", another
"S OKAFOR WAGES". So a line whose id is new is still the same payment as one the record holds
from another statement when the day, the amount and the description (without case, spaces or
punctuation, and only as far as OFX keeps a name: 32 characters) are the same, and that payment
is not already matched to another line of this statement. Lines of one statement are never
matched to each other: two alike payments on one day both count.

Of the two versions of a payment the one with a balance is kept (it checks the record's sums);
between two alike in that, the one with the smaller id, so the record is the same whichever
statement came first. What the person said about the payment (its plan lines, evidence and
explanation) stays with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from hashlib import sha256

from .spending import HAND_SOURCE, SpendingRecord, StatementLine, Transaction, line_key, squeezed

OFX_NAME_LENGTH = 32
"""OFX 1 cuts a payee's name at 32 characters; descriptions are compared as far as that."""


@dataclass
class Merged:
    added: list[Transaction] = field(default_factory=list)
    """Payments the record did not hold."""
    replaced: dict[str, Transaction] = field(default_factory=dict)
    """Payments held from another statement, by id, and the version of them kept now."""
    same: dict[int, Transaction] = field(default_factory=dict)
    """For each line (by its number) that the record held already, the payment held: known only
    when the statement has new lines, as only then are the held payments made into objects."""
    elsewhere: int = 0
    """Lines whose payments another statement of the account brought, with other words or balances."""


def alike(description: str) -> str:
    """A description as compared between statements: case, spaces and punctuation do not count."""
    return "".join(ch for ch in squeezed(description)[:OFX_NAME_LENGTH] if ch.isalnum())


def merge(record: SpendingRecord, lines: list[StatementLine], source: str) -> Merged:
    """The statement's lines set against the record: what is new, and what it holds already."""
    held_ids = set(record.transaction_ids())
    seen: dict[str, int] = {}  # Plain dicts: a Counter calls Python code for every key it has not seen.
    order_in_day: dict[date, int] = {}
    merged = Merged()
    pending: list[tuple[StatementLine, Transaction]] = []
    claimed: dict[str, int] = {}  # The ids of held payments matched, and the line each is matched to.
    for line in lines:
        key = line_key(line)
        copy = seen[key] = seen.get(key, 0) + 1
        order = order_in_day.get(line.on, 0)
        order_in_day[line.on] = order + 1
        identity = "s" + sha256(f"{key}|{copy}".encode()).hexdigest()[:16]
        if identity in held_ids:
            claimed[identity] = line.line_number
            continue
        pending.append(
            (line, Transaction(identity, line.on, line.amount, line.description.strip(), line.balance, source, order))
        )
    if not pending or not held_ids:
        merged.added = [transaction for _, transaction in pending]
        return merged
    candidates = _held_by_payment(record, lines, claimed, merged.same)
    for line, transaction in pending:
        held = _first_free(candidates.get(_payment(transaction), []), transaction.balance, claimed)
        if held is None:
            merged.added.append(transaction)
            continue
        claimed[held.id] = line.line_number
        merged.same[line.line_number] = held
        merged.elsewhere += 1
        if _kept_first(transaction, held):
            merged.replaced[held.id] = transaction._replace(
                splits=held.splits, evidence=held.evidence, explanation=held.explanation
            )
    return merged


def _payment(transaction: Transaction) -> tuple[date, Decimal, str]:
    return transaction.on, transaction.amount, alike(transaction.description)


def _held_by_payment(
    record: SpendingRecord, lines: list[StatementLine], claimed: dict[str, int], same: dict[int, Transaction]
) -> dict[tuple[date, Decimal, str], list[Transaction]]:
    """The record's imported payments on the statement's days, by what makes them the same payment.

    Those matched by their ids already are noted in `same`, for the check of the day's balances."""
    first = min(line.on for line in lines)
    last = max(line.on for line in lines)
    found: dict[tuple[date, Decimal, str], list[Transaction]] = {}
    for held in sorted(record.transactions_between(first, last), key=lambda t: (t.on, t.order, t.id)):
        if held.id in claimed:
            same[claimed[held.id]] = held
        elif held.source != HAND_SOURCE:
            found.setdefault(_payment(held), []).append(held)
    return found


def _first_free(held: list[Transaction], balance: Decimal | None, claimed: dict[str, int]) -> Transaction | None:
    """The first held payment not yet matched; one with the same balance first, so alike copies pair in order."""
    free = [t for t in held if t.id not in claimed]
    same_balance = [t for t in free if balance is not None and t.balance == balance]
    return next(iter(same_balance or free), None)


def _kept_first(new: Transaction, held: Transaction) -> bool:
    """Whether the new version is kept rather than the one held: a balance, then the smaller id."""
    return (new.balance is None, new.id) < (held.balance is None, held.id)


def day_balance_problem(lines: list[StatementLine], same: dict[int, Transaction]) -> str | None:
    """Where a statement's sums, day by day, stop agreeing with the balances known for those days.

    A day's closing balance is the statement's own (a CSV's running balance, an OFX ledger
    balance) when its last line has one, or else the one the record holds after the last of that
    day's payments it shares with this statement; where both are known they must agree. Days are
    compared, not lines: banks list a day's payments in different orders.
    """
    days: dict[date, list[StatementLine]] = {}
    for line in sorted(lines, key=lambda line: line.on):
        days.setdefault(line.on, []).append(line)
    previous: Decimal | None = None
    for on, of_day in days.items():
        total = sum((line.amount for line in of_day), Decimal("0.00"))
        own = of_day[-1].balance
        known = [same[line.line_number] for line in of_day if line.line_number in same]
        held = max((t for t in known if t.balance is not None), key=lambda t: t.order, default=None)
        if own is not None and held is not None and held.balance != own:
            return (
                f"{on:%d/%m/%Y}: the statement's balance at the end of the day is {own:,.2f}, but "
                f"{held.source} says {held.balance:,.2f}"
            )
        end, whose = (own, "the statement says") if own is not None else (None, "")
        if end is None and held is not None and held.balance is not None:
            end, whose = held.balance, f"{held.source} says"
        if previous is not None and end is not None and previous + total != end:
            return (
                f"{on:%d/%m/%Y}: the balance before that day was {previous:,.2f} and its payments come to "
                f"{total:+,.2f}, which makes {previous + total:,.2f}, but {whose} {end:,.2f}"
            )
        previous = end if end is not None else (None if previous is None else previous + total)
    return None
