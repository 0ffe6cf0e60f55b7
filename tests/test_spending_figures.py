"""Figures for a period, exact in every budget shape, and money in minus money out equal to the
balance change whatever order statements are imported in."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phb_tui.cli import main
from plan_store import PlanStore
from plan_store.codec import plan_from_toml
from plan_store.spending_files import read_record, spending_path
from plan_store.spending_import import import_statement

from .spending_statements import assert_adds_up, whole_day_spans

QUARTER = ["--from", "2026-04-01", "--to", "2026-06-30"]  # 91 days: 13 weeks.

LINES = """
[[finance.line_items]]
id = "weekly"
description = "Personal assistant"
unit_cost = "12.50"
quantity = 8
period = "week"

[[finance.line_items]]
id = "four-weekly"
description = "Swimming"
unit_cost = "400.00"
period = "four_weeks"

[[finance.line_items]]
id = "monthly"
description = "Payroll service"
unit_cost = "500.00"
period = "month"

[[finance.line_items]]
id = "yearly"
description = "Employer's liability insurance"
unit_cost = "5200.00"
period = "year"

[[finance.line_items]]
id = "one-off"
description = "Pressure-relieving cushion"
unit_cost = "389.99"
period = "one_off"
"""


def _plan(store: PlanStore, amount: str, period: str) -> Path:
    dates = "budget_start = 2026-04-01\nbudget_end = 2027-03-31\n" if period == "one_off" else ""
    text = (
        f'schema_version = 5\ntitle = "Budget {period}"\ncreated = 2026-03-01T09:00:00Z\nupdated = 2026-03-01T09:00:00Z\n\n[finance]\nbudget_amount = "{amount}"\n'
        f'budget_period = "{period}"\n{dates}{LINES}'
    )
    return store.add(plan_from_toml(text, Path("plan.toml"))).path


def _json(capsys: pytest.CaptureFixture[str], plan: Path, *args: str) -> dict[str, object]:
    assert main(["spending", str(plan), "--json", *args]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


@pytest.mark.parametrize(
    ("amount", "period", "budget"),
    [
        ("1000.00", "week", "13000.00"),
        ("4000.00", "four_weeks", "13000.00"),
        ("4000.00", "month", "12000.00"),
        ("52000.00", "year", "13000.00"),
        ("9000.00", "one_off", "9000.00"),
    ],
)
def test_a_quarters_figures_are_exact_in_every_budget_shape(
    capsys: pytest.CaptureFixture[str], store: PlanStore, amount: str, period: str, budget: str
) -> None:
    data = _json(capsys, _plan(store, amount, period), *QUARTER)
    assert data["days"] == 91 and data["budget"] == budget
    planned = {line["line"]: line["planned"] for line in data["lines"]}  # type: ignore[attr-defined]
    assert planned == {
        "weekly": "1300.00",  # £100.00 a week for 13 weeks.
        "four-weekly": "1300.00",  # £400.00 for each of 3.25 four-week periods.
        "monthly": "1500.00",  # 13 of 52 weeks is a quarter of a year: 3 months.
        "yearly": "1300.00",
        "one-off": "389.99",  # Bought once: planned in full.
    }
    assert data["planned"] == "5789.99"
    assert data["weekly_cost"] == "415.38"  # £21,600.00 a year over 52 weeks, to the penny.


def test_a_month_is_its_days_over_seven_weeks_of_the_plans_year(
    capsys: pytest.CaptureFixture[str], store: PlanStore
) -> None:
    data = _json(capsys, _plan(store, "52000.00", "year"), "--from", "01/04/2026", "--to", "30/04/2026")
    planned = {line["line"]: Decimal(line["planned"]) for line in data["lines"]}  # type: ignore[attr-defined]
    assert planned["weekly"] == (Decimal(100) * 30 / 7).quantize(Decimal("0.01"))  # 428.57
    assert planned["monthly"] == (Decimal(6000) * 30 / 364).quantize(Decimal("0.01"))  # 494.51


def test_spending_with_no_command_shows_and_alone_asks_for_one(
    capsys: pytest.CaptureFixture[str], store: PlanStore
) -> None:
    plan = _plan(store, "52000.00", "year")
    assert main(["spending", "show", str(plan)]) == 0
    shown = capsys.readouterr().out
    assert main(["spending", str(plan)]) == 0
    assert capsys.readouterr().out == shown
    with pytest.raises(SystemExit) as stopped:
        main(["spending"])
    assert stopped.value.code == 2
    assert "required" in capsys.readouterr().err


# --- money in minus money out is the balance change, in any order -----------------------------------

AMOUNTS = st.integers(min_value=-50_000, max_value=50_000).filter(bool).map(lambda pence: Decimal(pence) / 100)


@st.composite
def _account(draw: st.DrawFn) -> tuple[Decimal, list[tuple[date, Decimal, str, Decimal]]]:
    """An account's history: an opening balance and payments with the balance after each."""
    opening = Decimal(draw(st.integers(0, 1_000_000))) / 100
    amounts = draw(st.lists(AMOUNTS, min_size=1, max_size=30))
    day, balance, history = date(2026, 4, 1), opening, []
    for number, amount in enumerate(amounts):
        day += timedelta(days=draw(st.integers(0, 3)))
        balance += amount
        payee = draw(st.sampled_from(["S OKAFOR WAGES", "TESCO", "ICB DP", f"SHOP {number % 3}"]))
        history.append((day, amount, payee, balance))
    return opening, history


def _csv(rows: list[tuple[date, Decimal, str, Decimal]]) -> str:
    return "Date,Description,Amount,Balance\n" + "".join(
        f"{on:%d/%m/%Y},{payee},{amount},{balance}\n" for on, amount, payee, balance in rows
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(account=_account(), cuts=st.lists(st.integers(0, 30), min_size=2, max_size=4), order=st.randoms())
def test_money_in_less_money_out_is_the_balance_change_whatever_the_order_of_imports(
    tmp_path: Path,
    account: tuple[Decimal, list[tuple[date, Decimal, str, Decimal]]],
    cuts: list[int],
    order: object,
) -> None:
    opening, history = account
    store = PlanStore(tmp_path / f"data-{len(list(tmp_path.iterdir()))}")
    plan = store.create("Property").path
    spans = whole_day_spans(sorted({on for on, *_ in history}), cuts)
    statements = [[row for row in history if first <= row[0] <= last] for first, last in spans]
    order.shuffle(statements)  # type: ignore[attr-defined]
    for number, rows in enumerate(statements):
        statement = tmp_path / f"statement-{number}.csv"
        statement.write_text(_csv(rows), encoding="utf-8")
        import_statement(plan, statement)
    assert_adds_up(read_record(plan), history, opening)
    again = spending_path(plan).read_text(encoding="utf-8")
    assert '"kind": "transaction"' in again
