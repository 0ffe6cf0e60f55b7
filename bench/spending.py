"""`phb spending import` and `phb spending PLAN` at 10,000 and 100,000 transactions, against the
plainest way to read the same statement: the csv module alone, reading every row into a list.

Each size is a statement of realistic lines (wages, agency care, a swim, the ICB's payment in,
supermarket receipts) over seven years, for a plan with the rules a person would have confirmed.
Every run imports into an empty record, so each adds every line; then the view reads it all.
The three take turns, 5 runs each (3 at 100,000), in this one process, as `phb` would run them.

Targets (bench.targets SPENDING and SPENDING_GROWTH): at 100,000 transactions, import and the view
each within 6x the csv module, and each grows from 10,000 to 100,000 no faster than linearly.
`quick` measures 10,000 only, three times.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import random
import tempfile
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from bench.common import Spread, ratio, table, timed
from bench.targets import SPENDING, SPENDING_GROWTH, Target
from plan_store import LineItem, ManagementOption, Period, PlanStore, SpendCategory, new_plan
from plan_store.spending_files import spending_backup_path, spending_path

SIZES = (10_000, 100_000)
YEARS = 7
PAYEES = (
    ("S OKAFOR WAGES", "pa-mornings", 580),
    ("L MARSH WAGES", "pa-evenings", 435),
    ("CARE AT HOME LEEDS", "agency", 330),
    ("LEEDS LEISURE SWIM", "swim", 38),
    ("PAYROLL BUREAU", "payroll", 22),
    ("TESCO STORES", "", 12),
    ("FIRST BUS", "", 2),
)


def statement(count: int) -> str:
    """A building society's CSV: paid out and paid in columns, a running balance, oldest first."""
    rng = random.Random(count)
    balance = Decimal("500.00")
    start = date(2019, 4, 1)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Date", "Transaction type", "Description", "Paid out", "Paid in", "Balance"])
    for n in range(count):
        day = start + timedelta(days=n * YEARS * 365 // count)
        if n % 25 == 0:
            amount, description, kind = Decimal("4000.00"), "NHS WEST YORKSHIRE ICB DP", "Bank credit"
        else:
            payee, _, typical = rng.choice(PAYEES)
            amount = -Decimal(rng.randint(typical * 80, typical * 120)) / 100
            description, kind = f"{payee} {rng.randint(1000, 9999)}", "Payment to"
        balance += amount
        paid_out, paid_in = (f"{-amount:.2f}", "") if amount < 0 else ("", f"{amount:.2f}")
        writer.writerow([f"{day:%d %b %Y}", kind, description, paid_out, paid_in, f"{balance:.2f}"])
    return out.getvalue()


def _plan(store: PlanStore) -> Path:
    plan = new_plan("Spending benchmark")
    plan.management.option = ManagementOption.DIRECT_PAYMENT
    plan.finance.budget_amount = Decimal("52000.00")
    costs = {"pa-mornings": "580", "pa-evenings": "435", "agency": "330", "swim": "38", "payroll": "22"}
    plan.finance.line_items = [
        LineItem(
            id=line,
            description=line,
            category=SpendCategory.OTHER,
            unit_cost=Decimal(cost),
            quantity=Decimal(1),
            period=Period.WEEK,
        )
        for line, cost in costs.items()
    ]
    return store.add(plan).path


def _phb(*args: str) -> None:
    from phb_tui.cli import main

    with open(os.devnull, "w", encoding="utf-8") as sink, contextlib.redirect_stdout(sink):
        status = main(list(args))
    if status != 0:
        raise RuntimeError(f"phb {' '.join(args)} ended with {status}")


def _turns(actions: dict[str, Callable[[], object]], before: Callable[[], object], runs: int) -> dict[str, Spread]:
    """Each action timed in turn, `runs` times; `before` (not timed) empties the record each round."""
    seconds: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(runs):
        before()
        for name, action in actions.items():
            seconds[name].append(timed(action))
    return {name: Spread.of(found) for name, found in seconds.items()}


def measure(quick: bool = False) -> tuple[str, list[Target]]:
    rows = []
    medians: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder, _data_folder(Path(folder) / "data"):
        store = PlanStore(Path(folder) / "data")
        plan_path = _plan(store)
        for payee, line, _ in PAYEES:
            if line:
                _phb("spending", "rule", "spending-benchmark", payee, line)
        rules = spending_path(plan_path).read_bytes()
        for count in SIZES[:1] if quick else SIZES:
            csv_file = Path(folder) / f"statement-{count}.csv"
            csv_file.write_text(statement(count), encoding="utf-8")

            def empty_record() -> None:
                spending_path(plan_path).write_bytes(rules)
                spending_backup_path(plan_path).unlink(missing_ok=True)

            def read_csv(path: Path = csv_file) -> object:
                with path.open(newline="", encoding="utf-8") as handle:
                    return list(csv.reader(handle))

            def import_it(path: Path = csv_file) -> None:
                _phb("spending", "import", "spending-benchmark", str(path))

            spread = _turns(
                {"csv": read_csv, "import": import_it, "view": lambda: _phb("spending", "spending-benchmark")},
                empty_record,
                runs=3 if quick or count >= 100_000 else 5,
            )
            medians[count] = {name: value.median for name, value in spread.items()}
            rows.append(
                [
                    f"{count:,}",
                    f"{csv_file.stat().st_size / 1e6:.1f} MB",
                    f"{spending_path(plan_path).stat().st_size / 1e6:.1f} MB",
                    str(spread["csv"]),
                    str(spread["import"]),
                    ratio(spread["import"].median, spread["csv"].median),
                    str(spread["view"]),
                    ratio(spread["view"].median, spread["csv"].median),
                ]
            )
    text = table(
        "Spending: import a statement and show the view, median (fastest to slowest), taking turns with csv",
        ["Transactions", "CSV", "Record", "csv module", "phb import", "vs", "phb spending", "vs"],
        rows,
    )
    if quick:
        return text, []
    small, big = medians[SIZES[0]], medians[SIZES[1]]
    growth = {name: big[name] / small[name] for name in small}
    text += (
        f"From 10,000 to 100,000 transactions: import grew {growth['import']:.1f}x, the view "
        f"{growth['view']:.1f}x (the csv module {growth['csv']:.1f}x).\n"
    )
    slower = max(("import", "view"), key=lambda name: big[name])
    targets = [
        SPENDING.ratio(
            big[slower], big["csv"], f"import {ratio(big['import'], big['csv'])}, view {ratio(big['view'], big['csv'])}"
        ),
        SPENDING_GROWTH.judged(max(growth["import"], growth["view"]), f"the csv module {growth['csv']:.1f}x"),
    ]
    return text, targets


@contextlib.contextmanager
def _data_folder(folder: Path) -> Iterator[None]:
    """`phb` run in this process finds its plans here, and today is a fixed day."""
    saved = {name: os.environ.get(name) for name in ("PHB_DATA_DIR", "PHB_TODAY")}
    os.environ["PHB_DATA_DIR"] = str(folder)
    os.environ["PHB_TODAY"] = "2026-11-24"
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


if __name__ == "__main__":
    print(measure()[0])
