"""PA hours through the command line: timesheets typed or imported, set against the hours the
plan pays for in each pay period, in the spending view and the monitoring return."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plan_store import Plan, PlanStore
from plan_store.spending_files import spending_path

from .spending_statements import phb as _phb

PLAN = "daniels-plan-2026"
APRIL = ["--from", "01/04/2026", "--to", "30/04/2026"]


@pytest.fixture
def plan_path(store: PlanStore, example_plan: Plan) -> Path:
    return store.add(example_plan).path


def _hours(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, str]]:
    status, out, err = _phb(capsys, "spending", PLAN, "--json", *args)
    assert status == 0, err
    found: list[dict[str, str]] = json.loads(out)["pa_hours"]
    return found


def test_hours_typed_are_set_against_the_plan_for_each_pay_period(
    capsys: pytest.CaptureFixture[str], plan_path: Path
) -> None:
    # Sam is paid monthly for 20 hours a week at £14.50; Lee weekly for 15 hours at £14.50.
    typed = [("Sam", "01/04/2026", "90"), ("pa-evenings", "06/04/2026", "14"), ("lee", "13/04/2026", "15")]
    for pa, start, hours in typed:
        status, out, err = _phb(
            capsys, "spending", "hours", PLAN, "--pa", pa, "--period-start", start, "--hours", hours
        )
        assert status == 0, err
        assert "Recorded the hours for 1 pay period" in out
    sam, lee_one, lee_two = _hours(capsys, *APRIL)
    assert (sam["pa"], sam["from"], sam["to"]) == ("Sam", "2026-04-01", "2026-04-30")
    assert (sam["worked"], sam["planned"], sam["difference"]) == ("90", "86.67", "3.33")  # 20 x 52 / 12.
    assert sam["difference_money"] == "48.29"  # 3.33 hours at £14.50, to the penny.
    assert (lee_one["from"], lee_one["to"], lee_one["planned"]) == ("2026-04-06", "2026-04-12", "15.00")
    assert (lee_one["difference"], lee_one["difference_money"]) == ("-1.00", "-14.50")
    assert lee_two["difference_money"] == "0.00"
    text = _phb(capsys, "spending", PLAN, *APRIL)[1]
    assert (
        "Sam, 01/04/2026 to 30/04/2026: worked 90 hours, the plan pays for 86.67, difference +3.33 hours (£48.29)"
        in text
    )
    assert _hours(capsys, "--from", "01/05/2026", "--to", "31/05/2026") == []


def test_the_same_period_again_replaces_the_hours(capsys: pytest.CaptureFixture[str], plan_path: Path) -> None:
    for hours in ("80", "84.5"):
        _phb(capsys, "spending", "hours", PLAN, "--pa", "Sam", "--period-start", "01/04/2026", "--hours", hours)
    (sam,) = _hours(capsys, *APRIL)
    assert sam["worked"] == "84.5"
    assert spending_path(plan_path).read_text(encoding="utf-8").count('"kind": "hours"') == 1


def test_timesheets_are_imported_from_csv_and_a_bad_line_imports_nothing(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("Name,Week starting,Hours worked\nLee,06/04/2026,14\nLee,13/04/2026,fifteen\n", encoding="utf-8")
    status, _, err = _phb(capsys, "spending", "hours", PLAN, "--file", str(bad))
    assert status == 2 and "line 3" in err and "fifteen" in err and "nothing was imported" in err
    assert not spending_path(plan_path).exists()
    good = tmp_path / "timesheets.csv"
    good.write_text(
        "Name,Week starting,Hours worked,Timesheet\nLee,06/04/2026,14,ts-0604.pdf\nLee,13/04/2026,16,ts-1304.pdf\n",
        encoding="utf-8",
    )
    status, out, err = _phb(capsys, "spending", "hours", PLAN, "--file", str(good))
    assert status == 0, err
    assert "2 pay periods" in out
    assert [(h["worked"], h["evidence"]) for h in _hours(capsys, *APRIL)] == [
        ("14", "ts-0604.pdf"),
        ("16", "ts-1304.pdf"),
    ]
    status, out, err = _phb(capsys, "spending", "return", PLAN, *APRIL)
    assert status == 0, err
    assert "PA hours" in out and "ts-1304.pdf" in out


def test_a_pa_the_plan_does_not_have_is_refused_by_name(capsys: pytest.CaptureFixture[str], plan_path: Path) -> None:
    status, _, err = _phb(
        capsys, "spending", "hours", PLAN, "--pa", "Jo", "--period-start", "01/04/2026", "--hours", "9"
    )
    assert status == 2 and 'no PA called "Jo"' in err and "Sam" in err
    status, _, err = _phb(capsys, "spending", "hours", PLAN, "--pa", "Sam", "--hours", "9")
    assert status == 2 and "--period-start" in err
    status, _, err = _phb(
        capsys, "spending", "hours", PLAN, "--pa", "Sam", "--period-start", "01/04/2026", "--hours", "-3"
    )
    assert status == 2 and "not a number of hours" in err
    assert not spending_path(plan_path).exists()
