"""`phb pa-costs`: the PA cost calculator for people who use a screen reader, and for brokers."""

from __future__ import annotations

import json

import pytest

from phb_tui.cli import main
from plan_store import Plan, PlanStore


def test_one_pa_from_flags_every_part_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pa-costs", "--rate", "13.00", "--hours", "20", "--insurance", "120", "--payroll", "0"]) == 0
    out = capsys.readouterr().out
    # The figures worked by hand in tests/test_pa_costs.py, with the Employment Allowance claimed.
    assert "  Wages (45.4 weeks of work): £11,804.00" in out
    assert (
        "  Sick pay, at full pay for 1 week off sick (Statutory Sick Pay of £123.25 a week is the least due): £260.00"
        in out
    )
    assert "  Cover while on holiday (5.6 weeks): £1,631.74" in out
    assert "Total, a year: £15,781.52" in out
    assert "The Employment Allowance takes £1,470.83 off National Insurance." in out
    assert "Rates used: Rates for 2026 to 2027" in out and "6 April 2026 to 5 April 2027" in out


def test_json_for_scripts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pa-costs", "--rate", "13.00", "--hours", "20", "--no-employment-allowance", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    parts = {part["key"]: part["yearly"] for part in data["pas"][0]["parts"]}
    assert parts["ni"] == "1470.83" and parts["pension"] == "218.40"
    assert data["allowance_used"] == "0.00" and data["rates"]["valid_to"] == "2027-04-05"
    assert any("liability insurance" in warning for warning in data["warnings"])


def test_a_plans_pas_are_costed_together(
    store: PlanStore, example_plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add(example_plan)
    assert main(["pa-costs", "daniels-plan-2026"]) == 0
    out = capsys.readouterr().out
    assert "Sam: £14.50 an hour, 20 hours a week (their wages are already in the plan)" in out
    assert "Lee: £14.50 an hour, 15 hours a week" in out


@pytest.mark.parametrize(
    ("flags", "said"),
    [
        (["--rate", "13", "--hours", "-5"], "--hours must be zero or more"),
        (["--rate", "12.345", "--hours", "20"], "--rate has more than two decimal places"),
        (["--rate", "13", "--hours", "200"], "--hours must be 168 or less"),
        (["--rate", "13"], "Give the hourly rate and hours a week"),
        (["--rate", "13", "--hours", "20", "--days", "9"], "--days must be 7 or less"),
    ],
)
def test_bad_input_is_named_and_nothing_is_worked_out(
    flags: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pa-costs", *flags]) == 2
    captured = capsys.readouterr()
    assert said in captured.err and captured.out == ""
    assert "Traceback" not in captured.err
