"""Statements saved with no header line: columns recognised from what is in them, or given by number."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from plan_store import Plan, PlanStore
from plan_store.spending_files import spending_path

from .spending_statements import HEADERLESS, HEADERLESS_UNSIGNED, NOT_A_STATEMENT, ODD_COLUMNS, figures, write
from .spending_statements import phb as _phb

PLAN = "daniels-plan-2026"


@pytest.fixture
def plan_path(store: PlanStore, example_plan: Plan) -> Path:
    return store.add(example_plan).path


def _figures(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    return figures(capsys, PLAN)


@pytest.mark.parametrize("style", sorted(HEADERLESS))
def test_a_statement_without_a_header_is_read_from_what_its_columns_hold(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path, style: str
) -> None:
    status, out, err = _phb(capsys, "spending", "import", PLAN, str(write(tmp_path, "april.csv", HEADERLESS[style])))
    assert status == 0, err
    assert "added 7 of 7 lines (01/04/2026 to 22/04/2026)" in out
    data = _figures(capsys)
    assert data["money_in"] == "4013.40" and data["money_out"] == "1395.80"
    descriptions = [t["description"] for t in data["not_in_plan"]]
    assert "TESCO STORES 2231" in descriptions
    if "with a balance" in style:
        assert data["opening_balance"] == "500.00" and data["closing_balance"] == "3117.60"
        assert data["reconciled"] is True


def test_the_same_payments_with_and_without_a_header_are_kept_once(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    from .spending_statements import APP_BANK

    _phb(capsys, "spending", "import", PLAN, str(write(tmp_path, "a.csv", HEADERLESS["signed with a balance"])))
    status, out, _ = _phb(capsys, "spending", "import", PLAN, str(write(tmp_path, "b.csv", APP_BANK)))
    assert status == 0 and "Nothing was added" in out
    assert _figures(capsys)["money_out"] == "1395.80"


def test_columns_that_cannot_be_told_apart_are_refused_saying_how_to_number_them(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    statement = write(tmp_path, "credit-union.csv", HEADERLESS_UNSIGNED)
    status, out, err = _phb(capsys, "spending", "import", PLAN, str(statement))
    assert status == 2 and out == ""
    assert (
        "no header line" in err
        and "columns 3 and 4 look like money out and money in, but nothing says which is which" in err
    )
    assert "--date-column 1 --description-column 2" in err and "Nothing was imported" in err
    assert "Traceback" not in err
    assert not spending_path(plan_path).exists()
    status, out, err = _phb(
        capsys, "spending", "import", PLAN, str(statement), "--source", "Credit union",
        "--date-column", "1", "--description-column", "2", "--out-column", "3", "--in-column", "4",
    )  # fmt: skip
    assert status == 0, err
    assert "added 4 of 4 lines" in out and 'kept for "Credit union"' in out
    record = spending_path(plan_path).read_text(encoding="utf-8")
    assert '"header": ["column 1", "column 2", "column 3", "column 4"]' in record
    may = write(tmp_path, "may.csv", '"02 May 2026","S OKAFOR WAGES","580.00",""\n"05 May 2026","WILKO","9.99",""\n')
    status, out, err = _phb(capsys, "spending", "import", PLAN, str(may))
    assert status == 0, err
    assert "added 2 of 2 lines" in out
    data = _figures(capsys)
    assert (data["money_in"], data["money_out"]) == ("4013.40", "1604.99")


def test_columns_by_number_also_pass_over_a_header_no_bank_writes(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    statement = write(tmp_path, "may.csv", ODD_COLUMNS)
    status, out, err = _phb(
        capsys, "spending", "import", PLAN, str(statement),
        "--date-column", "1", "--description-column", "2", "--out-column", "3", "--in-column", "4",
    )  # fmt: skip
    assert status == 0, err
    assert "added 2 of 2 lines" in out
    assert _figures(capsys)["money_out"] == "589.99"


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--date-column", "1", "--description-column", "2", "--amount-column", "9"], "there is no column 9"),
        (["--date-column", "1", "--description-column", "Who", "--amount-column", "3"], "all by number"),
        (["--date-column", "0", "--description-column", "2", "--amount-column", "3"], "there is no column 0"),
    ],
)
def test_a_column_number_that_is_not_there_is_refused(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path, options: list[str], said: str
) -> None:
    statement = write(tmp_path, "april.csv", HEADERLESS["signed without a balance"])
    status, _, err = _phb(capsys, "spending", "import", PLAN, str(statement), *options)
    assert status == 2 and said in err
    assert not spending_path(plan_path).exists()


@pytest.mark.parametrize(
    ("bad", "named"),
    [
        ("10-04-26,LEEDS LEISURE SWIM,-38.4O", 'line 4: the amount "-38.4O" is not an amount of money'),
        ("31-02-26,LEEDS LEISURE SWIM,-38.40", 'line 4: "31/02/2026" is not a date'),
        ("10-04-26,LEEDS LEISURE SWIM", "line 4 has 2 columns; the first line has 3"),
    ],
)
def test_a_bad_line_without_a_header_is_named_and_nothing_is_imported(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path, bad: str, named: str
) -> None:
    text = HEADERLESS["signed without a balance"].replace("10-04-26,LEEDS LEISURE SWIM,-38.40", bad)
    status, _, err = _phb(capsys, "spending", "import", PLAN, str(write(tmp_path, "april.csv", text)))
    assert status == 2 and named in err and "nothing was imported" in err
    assert not spending_path(plan_path).exists()


def test_what_is_not_a_statement_is_still_refused_and_says_how_to_name_columns(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    for text in (NOT_A_STATEMENT, "Sam,34,green\nAli,29,blue\n", "01/04/2026,4000.00\n"):
        status, _, err = _phb(capsys, "spending", "import", PLAN, str(write(tmp_path, "x.csv", text)))
        assert status == 2 and "Nothing was imported" in err and "--date-column" in err, text
    assert not spending_path(plan_path).exists()
