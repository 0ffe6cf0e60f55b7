"""The spending record through the command line and the files: statements in, the plan set
against what was spent, and the monitoring return."""

from __future__ import annotations

import json
import os
import stat
from decimal import Decimal
from pathlib import Path

import pytest

from phb_tui.cli import main
from plan_store import Plan, PlanStore
from plan_store.spending_files import spending_backup_path, spending_path

from .plain_words import LONGEST_SENTENCE, sentences, words
from .spending_statements import (
    BUILDING_SOCIETY,
    EARLY_APRIL,
    LATE_APRIL,
    MISSING_LINE,
    NOT_A_STATEMENT,
    ODD_COLUMNS,
    STYLES,
)

APRIL = ["--from", "01/04/2026", "--to", "30/04/2026"]


@pytest.fixture
def plan_path(store: PlanStore, example_plan: Plan) -> Path:
    return store.add(example_plan).path


def _write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def _phb(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def _figures(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    status, out, err = _phb(capsys, "spending", "daniels-plan-2026", "--json", *args)
    assert status == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def _line(data: dict[str, object], line_id: str) -> dict[str, str]:
    lines = data["lines"]
    assert isinstance(lines, list)
    (found,) = [line for line in lines if line["line"] == line_id]
    return dict(found)


# --- statements in --------------------------------------------------------------------------------


@pytest.mark.parametrize("style", sorted(STYLES))
def test_each_banks_columns_are_found_from_the_header(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path, style: str
) -> None:
    statement = _write(tmp_path, "april.csv", STYLES[style])
    status, out, err = _phb(capsys, "spending", "import", "daniels-plan-2026", str(statement))
    assert status == 0, err
    assert "added 7 of 7 lines (01/04/2026 to 22/04/2026)" in out
    data = _figures(capsys)
    assert data["opening_balance"] == "500.00"
    assert data["money_in"] == "4013.40" and data["money_out"] == "1395.80"
    assert data["closing_balance"] == data["statement_balance"] == "3117.60"
    assert data["reconciled"] is True


def test_the_same_statement_twice_adds_nothing_and_leaves_the_file_alone(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    statement = _write(tmp_path, "april.csv", BUILDING_SOCIETY)
    assert _phb(capsys, "spending", "import", "daniels-plan-2026", str(statement))[0] == 0
    before = spending_path(plan_path).read_bytes()
    status, out, _ = _phb(capsys, "spending", "import", "daniels-plan-2026", str(statement))
    assert status == 0
    assert "imported before" in out and "Nothing was added" in out
    assert spending_path(plan_path).read_bytes() == before


def test_the_same_account_from_another_export_adds_nothing(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    for number, text in enumerate(STYLES.values()):
        _phb(capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, f"s{number}.csv", text)))
    assert _figures(capsys)["money_out"] == "1395.80"


def test_an_overlapping_statement_adds_only_what_is_new(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    _phb(capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "early.csv", EARLY_APRIL)))
    status, out, _ = _phb(
        capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "late.csv", LATE_APRIL))
    )
    assert status == 0
    assert "added 3 of 6 lines" in out and "3 were already in the record" in out
    data = _figures(capsys)
    assert data["money_out"] == "1395.80" and data["closing_balance"] == "3117.60"


def test_two_alike_payments_on_one_day_both_count(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    fares = "Date,Description,Amount\n05/04/2026,FIRST BUS,-2.00\n05/04/2026,FIRST BUS,-2.00\n"
    _phb(capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "fares.csv", fares)))
    _phb(capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "again.csv", fares)))
    assert _figures(capsys)["money_out"] == "4.00"


def test_a_file_that_is_not_a_statement_is_refused_saying_what_was_expected(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    status, out, err = _phb(
        capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "x.csv", NOT_A_STATEMENT))
    )
    assert status == 2 and out == ""
    assert "does not look like a statement" in err and "a header line naming a date column" in err
    assert "Nothing was imported" in err and "Traceback" not in err
    assert not spending_path(plan_path).exists()


@pytest.mark.parametrize(
    ("bad_line", "named"),
    [
        ("31/02/2026,TESCO,-5.00,495.00", '"31/02/2026" is not a date'),
        ("yesterday,TESCO,-5.00,495.00", '"yesterday" is not a date'),
        ("05/04/2026,TESCO,-5.OO,495.00", 'the amount "-5.OO" is not an amount of money'),
    ],
)
def test_a_bad_line_is_named_and_nothing_is_imported(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path, bad_line: str, named: str
) -> None:
    text = "Date,Description,Amount,Balance\n01/04/2026,ICB,500.00,500.00\n" + bad_line + "\n"
    status, _, err = _phb(capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "bad.csv", text)))
    assert status == 2
    assert f"line 3: {named}" in err and "nothing was imported" in err
    assert not spending_path(plan_path).exists()


def test_a_statement_in_another_encoding_is_named_by_line_and_read_when_told(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    statement = _write(
        tmp_path, "cp.csv", "Date,Description,Amount\n01/04/2026,ICB,500.00\n02/04/2026,CAFÉ £5,-5.00\n", "cp1252"
    )
    status, _, err = _phb(capsys, "spending", "import", "daniels-plan-2026", str(statement))
    assert status == 2 and "line 3 has a character that is not utf-8" in err and "Nothing was imported" in err
    assert not spending_path(plan_path).exists()
    assert _phb(capsys, "spending", "import", "daniels-plan-2026", str(statement), "--encoding", "cp1252")[0] == 0
    assert _figures(capsys)["money_out"] == "5.00"


def test_a_statement_whose_balances_do_not_add_up_is_refused_unless_asked(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    statement = _write(tmp_path, "gap.csv", MISSING_LINE)
    status, _, err = _phb(capsys, "spending", "import", "daniels-plan-2026", str(statement))
    assert status == 2 and "does not add up at line 4" in err and "4,461.60" in err and "Nothing was imported" in err
    assert not spending_path(plan_path).exists()
    assert _phb(capsys, "spending", "import", "daniels-plan-2026", str(statement), "--despite-balance")[0] == 0
    data = _figures(capsys)
    assert data["reconciled"] is False and data["statement_balance"] == "4119.20"


def test_columns_given_once_are_kept_for_that_source(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    statement = _write(tmp_path, "may.csv", ODD_COLUMNS)
    assert _phb(capsys, "spending", "import", "daniels-plan-2026", str(statement))[0] == 2
    status, out, err = _phb(
        capsys, "spending", "import", "daniels-plan-2026", str(statement), "--source", "Credit union",
        "--date-column", "When", "--description-column", "Who", "--out-column", "Spent £", "--in-column", "Received £",
    )  # fmt: skip
    assert status == 0, err
    assert 'kept for "Credit union"' in out
    june = _write(tmp_path, "june.csv", "When,Who,Spent £,Received £\n02/06/2026,S OKAFOR WAGES,580.00,\n")
    assert _phb(capsys, "spending", "import", "daniels-plan-2026", str(june))[0] == 0
    assert _figures(capsys)["money_out"] == "1169.99"


# --- by hand, splits, rules -----------------------------------------------------------------------


def test_a_payroll_payment_is_split_between_two_pas(capsys: pytest.CaptureFixture[str], plan_path: Path) -> None:
    status, out, err = _phb(
        capsys, "spending", "add", "daniels-plan-2026", "--date", "28/04/2026", "--paid-out", "1015.00",
        "--description", "PAYROLL BUREAU APRIL", "--line", "pa-mornings=580", "--line", "pa-evenings=435.00",
        "--evidence", "payslips-april.pdf",
    )  # fmt: skip
    assert status == 0, err
    assert "Added hand-1" in out
    data = _figures(capsys, *APRIL)
    assert _line(data, "pa-mornings")["spent"] == "580.00" and _line(data, "pa-evenings")["spent"] == "435.00"
    assert data["not_in_plan"] == []
    status, _, err = _phb(
        capsys, "spending", "add", "daniels-plan-2026", "--date", "28/04/2026", "--paid-out", "1015.00",
        "--description", "PAYROLL", "--line", "pa-mornings=580", "--line", "pa-evenings=400",
    )  # fmt: skip
    assert status == 2 and "add up to £980.00, but the payment is £1,015.00" in err


def test_a_rule_matches_a_payee_to_a_line_and_the_rest_stay_unmatched(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    _phb(capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "april.csv", BUILDING_SOCIETY)))
    status, out, _ = _phb(capsys, "spending", "rule", "daniels-plan-2026", "s okafor wages", "pa-mornings")
    assert status == 0 and "1 payment so far" in out
    _phb(capsys, "spending", "rule", "daniels-plan-2026", "CARE AT HOME LEEDS", "holiday-cover")
    data = _figures(capsys, *APRIL)
    assert _line(data, "pa-mornings")["spent"] == "580.00"
    assert _line(data, "holiday-cover")["spent"] == "316.60"  # £330.00 less the £13.40 refund.
    not_in_plan = data["not_in_plan"]
    assert isinstance(not_in_plan, list)
    assert [t["description"] for t in not_in_plan] == ["L MARSH WAGES", "LEEDS LEISURE SWIM", "TESCO STORES 2231"]
    assert _phb(capsys, "spending", "rule", "daniels-plan-2026", "TESCO", "groceries")[0] == 2


def test_a_payment_is_explained_and_given_evidence(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    _phb(capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "april.csv", BUILDING_SOCIETY)))
    listing = _phb(capsys, "spending", "daniels-plan-2026", "--list")[1]
    (tesco,) = [line.split()[0] for line in listing.splitlines() if "TESCO" in line and line.startswith("  s")]
    status, out, _ = _phb(
        capsys, "spending", "set", "daniels-plan-2026", tesco, "--explanation", "Paid by mistake; repaid 1 May",
        "--evidence", "receipt-tesco.jpg",
    )  # fmt: skip
    assert status == 0 and "Recorded for" in out
    returned = _phb(capsys, "spending", "return", "daniels-plan-2026", *APRIL)[1]
    assert "Paid by mistake; repaid 1 May" in returned and "receipt-tesco.jpg" in returned
    assert _phb(capsys, "spending", "set", "daniels-plan-2026", "nope", "--evidence", "x")[0] == 2


# --- the plan set against spending ----------------------------------------------------------------


def test_weeks_in_hand_warn_when_money_builds_up_and_when_it_runs_low(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    load = "Date,Description,Amount,Balance\n01/04/2026,NHS ICB DP,20000.00,20000.00\n"
    _phb(capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "load.csv", load)))
    data = _figures(capsys)
    assert data["weekly_cost"] == "623.09"  # £507.50 a week, £5,241.30 a year, £38.40 four-weekly, £22.50 monthly.
    assert data["weeks_in_hand"] == "32.1"
    assert "ICBs often take back money above 4 to 8 weeks" in str(data["warning"])
    spend = "Date,Description,Amount,Balance\n02/04/2026,NHS ICB RECOVERY,-19500.00,500.00\n"
    _phb(capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "spend.csv", spend)))
    assert "less than a week" in str(_figures(capsys)["warning"])


@pytest.mark.parametrize(
    ("paid_in", "label", "severity"),
    [("3200.00", "Note", "note"), ("20000.00", "Warning", "warning"), ("300.00", "Warning", "warning")],
)
def test_a_few_weeks_too_many_is_a_note_and_far_too_many_or_too_few_a_warning(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path, paid_in: str, label: str, severity: str
) -> None:
    load = f"Date,Description,Amount,Balance\n01/04/2026,NHS ICB DP,{paid_in},{paid_in}\n"
    _phb(capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "load.csv", load)))
    data = _figures(capsys)
    assert data["warning_severity"] == severity and data["warning"]
    status, out, _ = _phb(capsys, "spending", "daniels-plan-2026")
    assert status == 0
    other = {"Note": "Warning", "Warning": "Note"}[label]
    assert f"{label}: {data['warning']}" in out and f"{other}:" not in out
    status, out, _ = _phb(capsys, "spending", "return", "daniels-plan-2026", *APRIL, "--format", "md")
    assert status == 0
    said = str(data["warning"])[:40]
    (line,) = [line for line in out.splitlines() if said in line]
    assert ("Warning" in line) == (severity == "warning") and ("Note:" in line) == (severity == "note")


def test_restricted_looking_payments_are_flagged_with_the_plans_own_rules(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    text = "Date,Description,Amount\n01/04/2026,ICB,500.00\n02/04/2026,WINE RACK LEEDS,-25.00\n03/04/2026,GINGER BEER CO,-3.00\n"
    _phb(capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "r.csv", text)))
    restricted = _figures(capsys)["restricted"]
    assert isinstance(restricted, list)
    assert [(r["description"], r["looks_like"]) for r in restricted] == [("WINE RACK LEEDS", "alcohol")]


def test_the_text_view_says_the_same_as_the_json(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    _phb(capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "april.csv", BUILDING_SOCIETY)))
    status, out, _ = _phb(capsys, "spending", "daniels-plan-2026", *APRIL)
    assert status == 0
    assert "Money in:              £4,013.40" in out and "Money out:             £1,395.80" in out
    assert "This matches the last balance on the statement, £3,117.60." in out
    assert "Personal assistant, mornings (Sam): planned £1,242.86, spent £0.00" in out
    assert "5 payments out are not matched" in out


# --- the record's file ----------------------------------------------------------------------------


def test_the_record_is_private_readable_and_keeps_money_as_text(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    _phb(capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "early.csv", EARLY_APRIL)))
    _phb(capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "late.csv", LATE_APRIL)))
    record = spending_path(plan_path)
    assert record.name == "daniels-plan-2026.spending.jsonl"
    if os.name == "posix":
        for path in (record, spending_backup_path(plan_path)):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
    lines = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    assert lines[0] == {"format": "phb-planner spending record", "version": 1, "help": "docs/spending-record.md"}
    wages = [line for line in lines if line.get("description") == "S OKAFOR WAGES"]
    assert wages[0]["amount"] == "-580.00" and wages[0]["balance"] == "3920.00"
    assert Decimal(wages[0]["amount"]) == Decimal("-580.00")
    assert not [p for p in plan_path.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_failed_write_leaves_the_record_as_it_was(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _phb(capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "early.csv", EARLY_APRIL)))
    before = spending_path(plan_path).read_bytes()
    with monkeypatch.context() as patch:
        patch.setattr("plan_store.safe_files.os.replace", _refuse)
        status, _, err = _phb(
            capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "late.csv", LATE_APRIL))
        )
    assert status == 2 and "Could not save" in err
    assert spending_path(plan_path).read_bytes() == before


def _refuse(*_: object) -> None:
    raise OSError(28, "No space left on device")


def test_the_record_moves_with_the_plan(
    capsys: pytest.CaptureFixture[str], store: PlanStore, plan_path: Path, tmp_path: Path
) -> None:
    _phb(capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "april.csv", BUILDING_SOCIETY)))
    record = spending_path(plan_path).read_bytes()
    renamed = store.rename(store.open(plan_path), "Daniel 2027")
    assert not spending_path(plan_path).exists() and spending_path(renamed.path).read_bytes() == record
    copy = store.copy_as(renamed.path, "Daniel copy")
    assert spending_path(copy.path).read_bytes() == record
    trashed = store.trash(renamed.path)
    assert not spending_path(renamed.path).exists() and spending_path(trashed).read_bytes() == record
    restored = store.restore(trashed)
    assert spending_path(restored).read_bytes() == record and not spending_path(trashed).exists()


def test_a_damaged_record_is_named_by_line(capsys: pytest.CaptureFixture[str], plan_path: Path) -> None:
    spending_path(plan_path).write_text(
        '{"format": "phb-planner spending record", "version": 1}\n{"kind": "transaction", "id": "x"}\n',
        encoding="utf-8",
    )
    status, _, err = _phb(capsys, "spending", "daniels-plan-2026")
    assert status == 2 and "line 2 cannot be read (date is missing)" in err


def test_the_documented_example_record_reads(plan_path: Path) -> None:
    from plan_store.spending_files import read_record

    from .conftest import ROOT

    text = (ROOT / "docs" / "spending-record.md").read_text(encoding="utf-8")
    example = text.split("```jsonl\n", 1)[1].split("```", 1)[0]
    spending_path(plan_path).write_text(example, encoding="utf-8")
    record = read_record(plan_path)
    assert len(record.transactions) >= 3 and record.rules and record.statements


# --- the monitoring return ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_the_return_reconciles_and_says_how_long_to_keep_each_record(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path, fmt: str
) -> None:
    _phb(capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "april.csv", BUILDING_SOCIETY)))
    output = tmp_path / f"return.{fmt}"
    status, _, err = _phb(capsys, "spending", "return", "daniels-plan-2026", *APRIL, "--format", fmt, "-o", str(output))
    assert status == 0, err
    text = output.read_text(encoding="utf-8")
    for expected in ("£500.00", "£4,013.40", "£1,395.80", "£3,117.60", "matches the last balance", "I declare"):
        assert expected in text
    assert "1 May 2033" in text  # Statements for April 2026 may be deleted seven years after it ends.
    assert "until 5 April 2030" in text  # Payroll, for tax: three years after the tax year ending 5 April 2027.
    assert _phb(capsys, "spending", "return", "daniels-plan-2026", *APRIL, "-o", str(output))[0] == 2


def test_the_return_reads_in_short_sentences(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    _phb(capsys, "spending", "import", "daniels-plan-2026", str(_write(tmp_path, "april.csv", BUILDING_SOCIETY)))
    text = _phb(capsys, "spending", "return", "daniels-plan-2026", *APRIL)[1]
    long = [s for s in sentences(text) if words(s) > LONGEST_SENTENCE]
    assert long == []


def test_a_period_that_ends_before_it_starts_is_refused(capsys: pytest.CaptureFixture[str], plan_path: Path) -> None:
    status, _, err = _phb(
        capsys, "spending", "return", "daniels-plan-2026", "--from", "30/04/2026", "--to", "01/04/2026"
    )
    assert status == 2 and "is before the first" in err
    status, _, err = _phb(capsys, "spending", "daniels-plan-2026", "--from", "31/13/2026")
    assert status == 2 and "is not a date written like" in err
