"""`phb spending`: the money in and out of a plan's budget, set against the plan.

    phb spending PLAN [--from DATE] [--to DATE] [--json]    the figures for a period
    phb spending import PLAN FILE                            a bank or card statement (CSV or OFX)
    phb spending add PLAN --date D --paid-out X ...          a payment typed by hand
    phb spending set PLAN ID --line LINE=AMOUNT ...          which lines a payment was for
    phb spending rule PLAN "PAYEE WORDS" LINE                match a payee to a line from now on
    phb spending return PLAN --from D --to D                 the monitoring return for the ICB
    phb spending hours PLAN --pa NAME --period-start D --hours N   a PA's timesheet (or --file F.csv)

The record is kept beside the plan (plan_store.spending_files); every change is written whole.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plan_store.errors import PlanError, visible, visible_name

from .completion import plan_argument

if TYPE_CHECKING:
    from plan_store import OpenPlan, PlanStore
    from plan_store.spending import Split

EXIT_OK = 0
SHOW = "show"
FORMATS = ("txt", "md", "html")


def spending_arguments(spending: argparse.ArgumentParser, common: Sequence[argparse.ArgumentParser] = ()) -> None:
    """The `spending` command and its own commands; with no command named, `show` is meant."""
    spending.epilog = (
        "With a PLAN and no command, shows the money in and out for the plan. "
        "Commands: import, add, set, rule, hours, return. "
        "Dates are written like 31/01/2027 or 2027-01-31. Money is pounds and pence, like 1234.50."
    )
    commands = spending.add_subparsers(title="commands", metavar="COMMAND", help="what to do (default: show)")
    commands.required = True

    def command(
        name: str, handler: Callable[[PlanStore, argparse.Namespace], int], summary: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=list(common), help=summary, description=summary)
        sub.set_defaults(handler=handler)
        return sub

    show = command(SHOW, show_spending, "Money in and out, and the plan set against what was spent.")
    plan_argument(show, "the plan: its title, its file name or a path")
    _period_arguments(show, required=False)
    show.add_argument(
        "--json", action="store_true", help='for scripts: the figures as JSON (money as text like "1234.50")'
    )
    show.add_argument(
        "--list", action="store_true", help="also list every transaction with its id, for phb spending set"
    )

    importer = command(
        "import", import_command, "Add a bank or prepaid-card statement (CSV or OFX) to the plan's record."
    )
    plan_argument(importer, "the plan the account is for: its title, its file name or a path")
    importer.add_argument(
        "file", type=Path, metavar="FILE", help="the statement saved from the bank, like statement.csv"
    )
    importer.add_argument(
        "--encoding", default="utf-8", help="the statement's text encoding (default utf-8; try cp1252)"
    )
    importer.add_argument(
        "--despite-balance", action="store_true", help="import even if the running balance does not add up"
    )
    mapping = importer.add_argument_group("columns, for a statement whose columns are not found on their own")
    mapping.add_argument("--source", metavar="NAME", help="a name for this bank or card, kept with the columns")
    mapping.add_argument("--date-column", metavar="COLUMN", help="the column with the date")
    mapping.add_argument("--description-column", metavar="COLUMN", help="the column saying who was paid")
    mapping.add_argument("--out-column", metavar="COLUMN", help="the column of money paid out")
    mapping.add_argument("--in-column", metavar="COLUMN", help="the column of money paid in")
    mapping.add_argument(
        "--amount-column", metavar="COLUMN", help="one column of amounts, money out written with a minus"
    )
    mapping.add_argument("--balance-column", metavar="COLUMN", help="the column of the running balance")

    adder = command("add", add_command, "Add a payment typed by hand, such as cash or one not on a statement yet.")
    plan_argument(adder, "the plan: its title, its file name or a path")
    adder.add_argument("--date", required=True, metavar="DATE", help="the day it was paid, like 03/04/2026")
    money = adder.add_mutually_exclusive_group(required=True)
    money.add_argument("--paid-out", metavar="AMOUNT", help="money paid out, like 45.00")
    money.add_argument("--paid-in", metavar="AMOUNT", help="money paid in, like 45.00")
    adder.add_argument("--description", required=True, metavar="TEXT", help="who was paid, or what for")
    _detail_arguments(adder)

    setter = command("set", set_command, "Say which plan lines a payment was for, its evidence, or why it was spent.")
    plan_argument(setter, "the plan: its title, its file name or a path")
    setter.add_argument("id", metavar="ID", help="the payment's id, from: phb spending PLAN --list")
    _detail_arguments(setter)

    rule = command("rule", rule_command, "Match a payee to a plan line, for every payment now and later.")
    plan_argument(rule, "the plan: its title, its file name or a path")
    rule.add_argument("payee", metavar="PAYEE", help='words in the payment\'s description, like "J SMITH WAGES"')
    rule.add_argument("line", metavar="LINE", help="the id of the plan line it pays for, like pa-mornings")

    hours = command("hours", hours_command, "Record the hours a PA worked in a pay period, from a timesheet.")
    plan_argument(hours, "the plan: its title, its file name or a path")
    hours.add_argument("--pa", metavar="NAME", help="the PA: their name in the plan, or the id of their wage line")
    hours.add_argument(
        "--period-start", metavar="DATE", help="the first day of the pay period (a week or a month), like 01/04/2026"
    )
    hours.add_argument("--hours", metavar="N", help="the hours worked in that pay period, like 86.5")
    hours.add_argument("--evidence", metavar="TEXT", help="the timesheet: a file name or a note")
    hours.add_argument(
        "--file", type=Path, metavar="FILE", help='timesheets saved as CSV, with columns "PA", "Period start", "Hours"'
    )
    hours.add_argument("--encoding", default="utf-8", help="the CSV's text encoding (default utf-8)")

    returner = command("return", return_command, "The monitoring return for the ICB, for a quarter or a year.")
    plan_argument(returner, "the plan: its title, its file name or a path")
    _period_arguments(returner, required=True)
    returner.add_argument("--format", choices=FORMATS, default="txt", help="txt (default), md or html")
    returner.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help='write to FILE; "-" or nothing writes to the screen'
    )
    returner.add_argument("--force", action="store_true", help="replace FILE if it already exists")
    _show_by_default(spending, set(commands.choices))


def _show_by_default(spending: argparse.ArgumentParser, names: set[str]) -> None:
    """`phb spending PLAN` means `phb spending show PLAN`: argparse alone would call PLAN an unknown command."""
    parse = spending.parse_known_args

    def parse_known_args(args: Sequence[str] | None = None, namespace: Any = None) -> Any:
        given = list(args or [])
        first = next((n for n, a in enumerate(given) if not a.startswith("-")), None)
        asking_help = any(a in ("-h", "--help") for a in given[: first if first is not None else len(given)])
        if first is not None and given[first] not in names and not asking_help:
            given.insert(first, SHOW)
        return parse(given, namespace)

    spending.parse_known_args = parse_known_args  # type: ignore[method-assign,assignment]


def _period_arguments(parser: argparse.ArgumentParser, required: bool) -> None:
    when = "" if required else " (default: the first transaction)"
    parser.add_argument("--from", dest="start", required=required, metavar="DATE", help=f"the first day{when}")
    until = "" if required else " (default: the last transaction)"
    parser.add_argument("--to", dest="end", required=required, metavar="DATE", help=f"the last day{until}")


def _detail_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--line",
        action="append",
        default=[],
        metavar="LINE[=AMOUNT]",
        help="a plan line it paid for; give each line's share to split it, like --line pa-sam=300 --line pa-lee=150",
    )
    parser.add_argument("--evidence", metavar="TEXT", help="a receipt, invoice or timesheet: a file name or a note")
    parser.add_argument("--explanation", metavar="TEXT", help="why it was spent, for spending the plan does not list")


def _opened(store: PlanStore, name: str) -> OpenPlan:
    return store.open(store.resolve(name))


def _date(text: str, what: str) -> date:
    from .spending.period import day_from_words

    return day_from_words(text, what)


def _money(text: str, what: str) -> Decimal:
    from plan_store.money import MoneyError, parse_money

    try:
        return parse_money(text)
    except MoneyError as error:
        raise PlanError(f"{what} {error}.") from None


def _period(arguments: argparse.Namespace) -> tuple[date | None, date | None]:
    from .spending.period import period_from_words

    return period_from_words(arguments.start, arguments.end, "The first day (--from)", "The last day (--to)")


def show_spending(store: PlanStore, arguments: argparse.Namespace) -> int:
    from plan_store.gc_pause import collection_paused
    from plan_store.spending_files import read_record

    from .spending.figures import spending_view
    from .spending.report import view_json, view_text

    opened = _opened(store, arguments.plan)
    start, end = _period(arguments)
    with collection_paused():  # An object or two for each payment, none in a cycle (see gc_pause).
        view = spending_view(opened.plan, read_record(opened.path), start, end)
        text = view_json(opened.plan, view) if arguments.json else view_text(opened.plan, view, arguments.list)
    print(text, end="")
    return EXIT_OK


def import_command(store: PlanStore, arguments: argparse.Namespace) -> int:
    from plan_store.spending_import import import_statement

    opened = _opened(store, arguments.plan)
    mapping = _mapping(arguments)
    result = import_statement(
        opened.path,
        arguments.file,
        encoding=arguments.encoding,
        mapping=mapping,
        check_balance=not arguments.despite_balance,
    )
    name = visible_name(result.file)
    span = f"{result.first:%d/%m/%Y} to {result.last:%d/%m/%Y}"
    if not result.added:
        again = "This statement was imported before; " if result.already else ""
        print(f"{name}: {again}all {_lines(result.lines)} ({span}) are already in the record. Nothing was added.")
        return EXIT_OK
    print(f"{name}: added {len(result.added)} of {_lines(result.lines)} ({span}).", end="")
    skipped = result.lines - len(result.added)
    print(f" {skipped} were already in the record." if skipped else "")
    if mapping is not None:
        print(f'The columns are kept for "{visible(mapping.source)}": its next statement needs no column options.')
    print(f'See the figures with: phb spending "{visible_name(opened.plan.title)}"')
    return EXIT_OK


def _lines(count: int) -> str:
    return "1 line" if count == 1 else f"{count} lines"


def _mapping(arguments: argparse.Namespace) -> Any:
    from plan_store.spending import ColumnMapping

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
    header = _header_of(arguments.file, arguments.encoding, arguments.date_column)
    return ColumnMapping(
        source=arguments.source or arguments.file.stem,
        header=header,
        date=arguments.date_column,
        description=arguments.description_column,
        paid_out=arguments.out_column or "",
        paid_in=arguments.in_column or "",
        amount=arguments.amount_column or "",
        balance=arguments.balance_column or "",
    )


def _header_of(path: Path, encoding: str, date_column: str) -> tuple[str, ...]:
    """The statement's header: the first line among the first few that names the date column."""
    import csv
    import io

    from plan_store.statements import HEADER_SEARCH, StatementError, decode, squeeze

    try:
        text = decode(path.read_bytes(), encoding)
    except OSError as error:
        raise PlanError(f"{path} could not be read ({error.strerror or error}).") from None
    except StatementError as error:
        raise PlanError(f"{path.name}: {error}") from None
    for row in list(csv.reader(io.StringIO(text, newline="")))[:HEADER_SEARCH]:
        if squeeze(date_column) in (squeeze(cell) for cell in row):
            return tuple(row)
    raise PlanError(f'{path.name}: no line near the top names a column "{date_column}". Nothing was imported.')


def _splits(texts: list[str], size: Decimal) -> list[Split]:
    from plan_store.spending import Split

    splits = []
    for text in texts:
        line, _, amount = text.partition("=")
        if not amount.strip():
            if len(texts) > 1:
                raise PlanError(f"Give each line's share when a payment is split, like --line {line.strip()}=150.00.")
            splits.append(Split(line.strip(), size))
        else:
            splits.append(Split(line.strip(), _money(amount, f"The share for {line.strip()}")))
    return splits


def add_command(store: PlanStore, arguments: argparse.Namespace) -> int:
    from plan_store.spending_import import add_by_hand

    opened = _opened(store, arguments.plan)
    on = _date(arguments.date, "The date")
    size = _money(arguments.paid_out or arguments.paid_in, "The amount")
    amount = -size if arguments.paid_out else size
    line_ids = [item.id for item in opened.plan.finance.line_items]
    added = add_by_hand(
        opened.path,
        on,
        amount,
        arguments.description,
        _splits(arguments.line, size),
        arguments.evidence or "",
        arguments.explanation or "",
        line_ids,
    )
    print(f"Added {added.id}: {on:%d/%m/%Y} {_signed(added.amount)} {visible_name(added.description)}.")
    return EXIT_OK


def set_command(store: PlanStore, arguments: argparse.Namespace) -> int:
    from plan_store.spending_files import read_record
    from plan_store.spending_import import change_transaction

    opened = _opened(store, arguments.plan)
    found = read_record(opened.path).find(arguments.id)
    if found is None:
        raise PlanError(f'There is no payment "{arguments.id}"; "phb spending PLAN --list" shows each one\'s id.')
    if not arguments.line and arguments.evidence is None and arguments.explanation is None:
        raise PlanError("Say what to record: --line, --evidence or --explanation.")
    changed = change_transaction(
        opened.path,
        arguments.id,
        [item.id for item in opened.plan.finance.line_items],
        _splits(arguments.line, abs(found.amount)) if arguments.line else None,
        arguments.evidence,
        arguments.explanation,
    )
    print(
        f"Recorded for {changed.id} ({changed.on:%d/%m/%Y} {_signed(changed.amount)} {visible_name(changed.description)})."
    )
    return EXIT_OK


def rule_command(store: PlanStore, arguments: argparse.Namespace) -> int:
    from plan_store.spending_files import read_record
    from plan_store.spending_import import add_rule

    opened = _opened(store, arguments.plan)
    rule = add_rule(opened.path, arguments.payee, arguments.line, [item.id for item in opened.plan.finance.line_items])
    matching = sum(1 for t in read_record(opened.path).transactions if not t.splits and rule.matches(t.description))
    payments = "1 payment" if matching == 1 else f"{matching} payments"
    print(f'Payments described with "{visible(rule.payee)}" now count toward {rule.line}: {payments} so far.')
    return EXIT_OK


def hours_command(store: PlanStore, arguments: argparse.Namespace) -> int:
    from plan_store.spending import Timesheet
    from plan_store.spending_import import record_hours

    from .spending.hours import pa_names

    opened = _opened(store, arguments.plan)
    typed = (arguments.pa, arguments.period_start, arguments.hours)
    if arguments.file is not None:
        if any(typed):
            raise PlanError("Give either --file, or --pa, --period-start and --hours: not both.")
        sheets = _timesheets(arguments.file, arguments.encoding)
    elif all(typed):
        start = _date(arguments.period_start, "The first day of the pay period (--period-start)")
        sheets = [Timesheet(arguments.pa, start, _hours(arguments.hours), arguments.evidence or "")]
    else:
        raise PlanError("Give --pa, --period-start and --hours (or --file with timesheets saved as CSV).")
    kept = record_hours(opened.path, sheets, pa_names(opened.plan))
    periods = "1 pay period" if len(kept) == 1 else f"{len(kept)} pay periods"
    print(f"Recorded the hours for {periods}. See them against the plan with: phb spending PLAN")
    return EXIT_OK


def _hours(text: str) -> Decimal:
    from plan_store.statements import StatementError
    from plan_store.timesheets import hours

    try:
        return hours(text)
    except StatementError as error:
        raise PlanError(f"The hours (--hours): {error}.") from None


def _timesheets(path: Path, encoding: str) -> list[Any]:
    from plan_store.spending_import import statement_bytes
    from plan_store.statements import StatementError
    from plan_store.timesheets import read_timesheets

    try:
        return read_timesheets(statement_bytes(path), encoding)
    except StatementError as error:
        raise PlanError(f"{path.name}: {error}") from None


def return_command(store: PlanStore, arguments: argparse.Namespace) -> int:
    from plan_store import clock
    from plan_store.spending_files import read_record

    from .spending.figures import spending_view
    from .spending.monitoring_return import monitoring_return
    from .summary.render import render_html, render_markdown, render_text

    opened = _opened(store, arguments.plan)
    start, end = _period(arguments)
    view = spending_view(opened.plan, read_record(opened.path), start, end)
    document = monitoring_return(opened.plan, view, clock.today())
    text = {"txt": render_text, "md": render_markdown, "html": render_html}[arguments.format](document)
    if arguments.output is None or str(arguments.output) == "-":
        print(text, end="")
        return EXIT_OK
    store.export(arguments.output, text, force=arguments.force)
    print(f"Wrote {arguments.output}.", file=sys.stderr)
    return EXIT_OK


def _signed(amount: Decimal) -> str:
    from plan_store import format_money

    return format_money(amount)
