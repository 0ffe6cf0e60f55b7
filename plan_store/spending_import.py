"""Changes to a spending record: a statement imported, a transaction typed, split or explained, a rule.

Each is one call that reads the record, checks everything, and writes it (see
`spending_files.changing_record`): a statement with one bad line, or a split that does not add up,
changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from . import clock
from .errors import PlanError
from .gc_pause import collection_paused
from .ofx_statements import looks_like_ofx, read_ofx
from .spending import HAND_SOURCE, ColumnMapping, Rule, Split, StatementNote, Timesheet, Transaction
from .spending_files import changing_record
from .spending_merge import day_balance_problem, merge
from .statements import StatementError, balance_problem, read_statement

MAX_STATEMENT_BYTES = 200 * 1024 * 1024
"""Well beyond seven years of statements in one file; a bigger file is not a statement."""


@dataclass(frozen=True)
class Imported:
    file: str
    lines: int
    added: list[Transaction]
    first: date
    last: date
    mapping: ColumnMapping | None
    already: bool
    """The very same file was imported before."""
    from_elsewhere: int = 0
    """Lines that were payments another statement of the account brought already."""
    balances_given: int = 0
    """Of those, how many now have the balance this statement gives them."""


def import_statement(
    plan_path: Path,
    statement_file: Path,
    *,
    encoding: str = "utf-8",
    mapping: ColumnMapping | None = None,
    check_balance: bool = True,
) -> Imported:
    """Add the statement's new lines to the plan's record; a PlanError says why nothing was added."""
    data = statement_bytes(statement_file)
    # Hundreds of thousands of small objects, none in a cycle: collections would only walk them (gc_pause).
    with collection_paused(), changing_record(plan_path) as record:
        try:
            statement, used = (
                (read_ofx(data), None)
                if looks_like_ofx(data)
                else read_statement(data, record.mappings, encoding, mapping)
            )
        except StatementError as error:
            raise PlanError(f"{statement_file.name}: {error}") from None
        if check_balance and (problem := balance_problem(statement.lines)):
            raise PlanError(
                f"{statement_file.name}: the running balance does not add up at {problem}. A line may be missing, "
                "or the money in and out columns read the wrong way round. Nothing was imported. "
                "To import it as it is, add --despite-balance."
            )
        if mapping is not None:
            record.keep_mapping(mapping)
        source = used.source if used else statement_file.name
        merged = merge(record, statement.lines, source)
        if check_balance and merged.same and (problem := day_balance_problem(statement.lines, merged.same)):
            raise PlanError(
                f"{statement_file.name}: its balance does not agree with the payments the record already holds, "
                f"on {problem}. A statement may be missing a payment, or be of another account. Nothing was "
                "imported. To import it as it is, add --despite-balance."
            )
        already = any(note.digest == statement.digest for note in record.statements)
        result = Imported(
            statement_file.name,
            len(statement.lines),
            merged.added,
            statement.first,
            statement.last,
            used,
            already,
            merged.elsewhere,
            sum(1 for kept in merged.replaced.values() if kept.balance is not None),
        )
        if not merged.added and not merged.replaced:  # Nothing new: the record stays exactly as it was.
            return result
        record.replace_transactions(merged.replaced)
        record.add_transactions(merged.added)
        record.add_statement(
            StatementNote(
                statement_file.name,
                statement.digest,
                statement.first,
                statement.last,
                len(statement.lines),
                len(merged.added),
                clock.today(),
            )
        )
    return result


def statement_bytes(path: Path) -> bytes:
    """A statement's or timesheet's bytes, or a PlanError in plain words."""
    try:
        if path.is_dir():
            raise PlanError(f"{path} is a folder; give the statement file.")
        if path.exists() and not path.is_file():
            raise PlanError(f"{path} is not an ordinary file, so it is not read.")
        if path.stat().st_size > MAX_STATEMENT_BYTES:
            raise PlanError(f"{path} is far larger than any statement, so it is not read.")
        return path.read_bytes()
    except FileNotFoundError:
        raise PlanError(f"There is no file at {path}.") from None
    except PermissionError:
        raise PlanError(f"You do not have permission to read {path}.") from None
    except OSError as error:
        raise PlanError(f"{path} could not be read ({error.strerror or error}).") from None


def add_by_hand(
    plan_path: Path,
    on: date,
    amount: Decimal,
    description: str,
    splits: Iterable[Split] = (),
    evidence: str = "",
    explanation: str = "",
    line_ids: Iterable[str] = (),
) -> Transaction:
    """A transaction the person typed (cash, or a payment not on a statement yet)."""
    if not description.strip():
        raise PlanError("Say what the payment was for, or who it was to, with --description.")
    if amount == 0:
        raise PlanError("The amount is £0.00; give the money paid out or paid in.")
    with changing_record(plan_path) as record:
        transaction = Transaction(record.next_hand_id(), on, amount, description.strip(), source=HAND_SOURCE)
        transaction = transaction._replace(
            splits=checked_splits(transaction, splits, line_ids), evidence=evidence, explanation=explanation
        )
        record.add_transactions([transaction])
    return transaction


def change_transaction(
    plan_path: Path,
    transaction_id: str,
    line_ids: Iterable[str],
    splits: Iterable[Split] | None = None,
    evidence: str | None = None,
    explanation: str | None = None,
) -> Transaction:
    """Say which plan lines a transaction paid for, its evidence, or why it is outside the plan."""
    with changing_record(plan_path) as record:
        found = record.find(transaction_id)
        if found is None:
            raise PlanError(
                f'There is no transaction "{transaction_id}"; "phb spending PLAN --list" shows each one\'s id.'
            )
        changed = found
        if splits is not None:
            changed = changed._replace(splits=checked_splits(found, splits, line_ids))
        if evidence is not None:
            changed = changed._replace(evidence=evidence.strip())
        if explanation is not None:
            changed = changed._replace(explanation=explanation.strip())
        record.replace_transaction(changed)
    return changed


def checked_splits(transaction: Transaction, splits: Iterable[Split], line_ids: Iterable[str]) -> tuple[Split, ...]:
    """Splits that name plan lines and add up to the transaction's size, or a PlanError saying which do not."""
    chosen = tuple(splits)
    known = set(line_ids)
    for split in chosen:
        if split.line not in known:
            shown = ", ".join(sorted(known)) or "none yet"
            raise PlanError(f'The plan has no line "{split.line}". Its lines are: {shown}.')
        if split.amount <= 0:
            raise PlanError(f"The share for {split.line} must be more than £0.00.")
    total = sum((split.amount for split in chosen), Decimal("0.00"))
    size = abs(transaction.amount)
    if chosen and total != size:
        raise PlanError(f"The shares add up to £{total:,.2f}, but the payment is £{size:,.2f}; they must be equal.")
    return chosen


def add_rule(plan_path: Path, payee: str, line: str, line_ids: Iterable[str]) -> Rule:
    """A rule the person confirmed: a payment whose description holds `payee` is for `line`."""
    if not payee.strip():
        raise PlanError('Give the words of the payee\'s description to match, like "J SMITH WAGES".')
    if line not in set(line_ids):
        shown = ", ".join(sorted(set(line_ids))) or "none yet"
        raise PlanError(f'The plan has no line "{line}". Its lines are: {shown}.')
    rule = Rule(payee.strip(), line)
    with changing_record(plan_path) as record:
        record.keep_rule(rule)
    return rule


def record_hours(plan_path: Path, sheets: Iterable[Timesheet], pas: dict[str, str]) -> list[Timesheet]:
    """Keep timesheets: each names a PA of the plan; one for the same PA and period replaces it.

    `pas` gives each name a PA may be called by (their name, their wage line's id) the key kept
    for them: the wage line's id, which stays the same if their name is written differently.
    """
    names = {name.strip().casefold(): key for name, key in pas.items()}
    chosen = []
    for sheet in sheets:
        found = names.get(sheet.pa.strip().casefold())
        if found is None:
            shown = ", ".join(sorted(pas)) or "none yet (add them with phb pa-costs)"
            raise PlanError(f'The plan has no PA called "{sheet.pa}". Its PAs are: {shown}. Nothing was recorded.')
        chosen.append(replace(sheet, pa=found))
    with changing_record(plan_path) as record:
        for sheet in chosen:
            record.keep_hours(sheet)
    return chosen
