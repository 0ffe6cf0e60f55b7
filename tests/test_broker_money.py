"""Brokers see, for every plan, the money in hand and the next monitoring return (`phb list --json`,
`phb check --all` and its `--json`), worked out as `phb spending` works them out."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phb_tui.cli import main
from phb_tui.spending.glance import next_return
from plan_store import Plan, PlanStore
from plan_store.spending_files import spending_path

from .spending_statements import BUILDING_SOCIETY


def phb(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def with_statement(store: PlanStore, example_plan: Plan, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Daniel's plan with April 2026's statement: £4,000 in on 1 April, £3,117.60 left on 22 April."""
    path = store.add(example_plan).path
    statement = tmp_path / "april.csv"
    statement.write_text(BUILDING_SOCIETY, encoding="utf-8")
    assert phb(capsys, "spending", "import", path.stem, str(statement))[0] == 0
    return path


def test_list_json_gives_the_balance_weeks_in_hand_and_next_return(
    capsys: pytest.CaptureFixture[str], with_statement: Path
) -> None:
    status, out, err = phb(capsys, "spending", with_statement.stem, "--json")
    assert status == 0, err
    spending = json.loads(out)
    status, out, err = phb(capsys, "list", "--json")
    assert (status, err) == (0, "")
    (plan,) = json.loads(out)["plans"]
    assert plan["balance"] == "3117.60" == spending["closing_balance"]
    assert plan["balance_on"] == "2026-04-22"
    assert plan["weeks_in_hand"] == spending["weeks_in_hand"] is not None
    # Quarters from the first money in (1 April 2026); the pinned today, 24 November 2026, is in the third.
    assert plan["next_return"] == {"from": "2026-10-01", "to": "2026-12-31", "due": "2027-01-01"}
    status, out, _ = phb(capsys, "check", "--all", "--json")
    (checked,) = json.loads(out)["plans"]
    assert {key: checked[key] for key in ("balance", "weeks_in_hand", "next_return")} == {
        key: plan[key] for key in ("balance", "weeks_in_hand", "next_return")
    }


def test_check_all_says_it_in_words_on_each_plans_line(
    capsys: pytest.CaptureFixture[str], with_statement: Path
) -> None:
    _, out, _ = phb(capsys, "spending", with_statement.stem, "--json")
    weeks = json.loads(out)["weeks_in_hand"]
    _, out, _ = phb(capsys, "check", "--all")
    line = out.splitlines()[0]
    assert line.startswith("Daniel's plan 2026 (daniels-plan-2026.toml): ready; ")
    assert f"{weeks} weeks of money in hand" in line
    assert line.endswith("on 22 April 2026, next return from 1 January 2027")


def test_a_plan_with_nothing_recorded_has_no_money_words_and_null_keys(
    capsys: pytest.CaptureFixture[str], store: PlanStore, example_plan: Plan
) -> None:
    store.add(example_plan)
    _, out, _ = phb(capsys, "check", "--all")
    assert out.splitlines()[0] == "Daniel's plan 2026 (daniels-plan-2026.toml): ready"


def test_a_damaged_record_is_named_and_never_hides_the_plan(
    capsys: pytest.CaptureFixture[str], with_statement: Path
) -> None:
    spending_path(with_statement).write_bytes(b"\x00\xff not a record\n")
    status, out, _ = phb(capsys, "list", "--json")
    assert status == 0
    (plan,) = json.loads(out)["plans"]
    assert plan["ready"] is True and plan["balance"] is None
    assert plan["spending_problem"] and str(spending_path(with_statement).name) in plan["spending_problem"]
    _, out, _ = phb(capsys, "check", "--all")
    assert out.splitlines()[0].endswith("ready; the record of money in and out cannot be read")


@given(first=st.dates(date(2020, 1, 1), date(2035, 12, 31)), later=st.integers(0, 3000))
def test_the_next_return_is_the_three_month_quarter_today_falls_in(first: date, later: int) -> None:
    today = first + timedelta(days=later)
    due = next_return(first, today)
    assert due.start <= today <= due.end
    months = (due.start.year - first.year) * 12 + due.start.month - first.month
    assert months % 3 == 0
    following = next_return(first, due.end + timedelta(days=1))
    assert following.start == due.end + timedelta(days=1) == due.due
