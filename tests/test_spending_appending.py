"""How the spending record is written: a change that only adds lines adds them at the end of the
bytes already there, and only a change to a line already kept writes the record again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from phb_tui.cli import main
from plan_store import Plan, PlanStore
from plan_store.spending_files import read_record, spending_backup_path, spending_path

from .spending_statements import EARLY_APRIL, LATE_APRIL, long_statement

PLAN = "daniels-plan-2026"


@pytest.fixture
def plan_path(store: PlanStore, example_plan: Plan) -> Path:
    return store.add(example_plan).path


def _phb(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    status = main(list(args))
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


def _import(capsys: pytest.CaptureFixture[str], folder: Path, name: str, text: str) -> str:
    statement = folder / name
    statement.write_text(text, encoding="utf-8")
    return _phb(capsys, "spending", "import", PLAN, str(statement))


def test_an_import_adds_lines_after_the_bytes_already_kept(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    _import(capsys, tmp_path, "early.csv", EARLY_APRIL)
    before = spending_path(plan_path).read_bytes()
    out = _import(capsys, tmp_path, "late.csv", LATE_APRIL)
    assert "added 3 of 6 lines" in out
    after = spending_path(plan_path).read_bytes()
    assert after.startswith(before) and len(after.splitlines()) == len(before.splitlines()) + 4  # 3 and a note.
    assert spending_backup_path(plan_path).read_bytes() == before


def test_every_line_is_what_the_json_module_writes(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    odd = 'Date,Description,Amount,Balance\n01/04/2026,"CAFÉ ""NERO"" \\ 東京 \t TAB",-2.50,97.50\n'
    _import(capsys, tmp_path, "odd.csv", "Date,Description,Amount,Balance\n01/04/2026,ICB,100.00,100.00\n")
    _import(capsys, tmp_path, "odd2.csv", odd)
    _phb(capsys, "spending", "add", PLAN, "--date", "02/04/2026", "--paid-out", "3.00", "--description", "Cash")
    _phb(capsys, "spending", "rule", PLAN, "ICB", "pa-mornings")
    for line in spending_path(plan_path).read_text(encoding="utf-8").splitlines():
        assert line == json.dumps(json.loads(line), ensure_ascii=False, separators=(", ", ": "))
    (cafe,) = [t for t in read_record(plan_path).transactions if "NERO" in t.description]
    assert cafe.description == 'CAFÉ "NERO" \\ 東京 \t TAB'


def test_changing_a_payment_writes_the_record_again_in_order(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    _import(capsys, tmp_path, "late.csv", LATE_APRIL)
    _import(capsys, tmp_path, "early.csv", EARLY_APRIL)  # Older lines, added after newer ones.
    dates = [t.on for t in read_record(plan_path).transactions]
    assert dates == sorted(dates) and len(dates) == 7
    (first,) = [t for t in read_record(plan_path).transactions if "OKAFOR" in t.description]
    _phb(capsys, "spending", "set", PLAN, first.id, "--evidence", "payslip.pdf")
    kept = [json.loads(line) for line in spending_path(plan_path).read_text(encoding="utf-8").splitlines()]
    written = [entry["date"] for entry in kept if entry.get("kind") == "transaction"]
    assert written == sorted(written)  # Written again whole, in order.
    assert [entry.get("evidence") for entry in kept if entry.get("id") == first.id] == ["payslip.pdf"]


def test_the_same_rule_again_changes_nothing_and_a_new_line_for_it_replaces_it(
    capsys: pytest.CaptureFixture[str], plan_path: Path
) -> None:
    _phb(capsys, "spending", "rule", PLAN, "S OKAFOR WAGES", "pa-mornings")
    once = spending_path(plan_path).read_bytes()
    _phb(capsys, "spending", "rule", PLAN, "s okafor wages", "pa-mornings")
    _phb(capsys, "spending", "rule", PLAN, "S OKAFOR WAGES", "pa-mornings")
    assert spending_path(plan_path).read_bytes() == once
    _phb(capsys, "spending", "rule", PLAN, "S OKAFOR WAGES", "pa-evenings")
    rules = [r for r in read_record(plan_path).rules if r.payee.casefold() == "s okafor wages"]
    assert [r.line for r in rules] == ["pa-evenings"]


def test_a_long_statement_imported_twice_is_kept_once(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    text = long_statement(3000)
    assert "added 3000 of 3000 lines" in _import(capsys, tmp_path, "long.csv", text)
    before = spending_path(plan_path).read_bytes()
    assert "Nothing was added" in _import(capsys, tmp_path, "again.csv", text)
    assert spending_path(plan_path).read_bytes() == before
    assert len(read_record(plan_path).transactions) == 3000
