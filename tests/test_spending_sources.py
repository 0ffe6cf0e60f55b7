"""The same account from an OFX and a CSV statement: each payment counts once, in any order, and the
OFX ledger balance checks the sums as a CSV's running balance does."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_store import Plan, PlanStore
from plan_store.spending_files import read_record, spending_path
from plan_store.spending_import import import_statement

from .spending_statements import (
    APRIL_OFX,
    BUILDING_SOCIETY,
    HIGH_STREET,
    assert_adds_up,
    figures,
    ofx,
    whole_day_spans,
    write,
)
from .spending_statements import phb as _phb

PLAN = "daniels-plan-2026"


@pytest.fixture
def plan_path(store: PlanStore, example_plan: Plan) -> Path:
    return store.add(example_plan).path


def _figures(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    return figures(capsys, PLAN)


def _kept(plan_path: Path) -> list[tuple[object, ...]]:
    """Each payment as kept, but for its source: which statement brought it first."""
    return sorted(tuple(t._replace(source="")) for t in read_record(plan_path).transactions)


@pytest.mark.parametrize("csv_text", [BUILDING_SOCIETY, HIGH_STREET], ids=["building society", "high-street bank"])
def test_an_ofx_and_a_csv_of_the_same_month_count_each_payment_once_in_either_order(
    capsys: pytest.CaptureFixture[str], store: PlanStore, example_plan: Plan, tmp_path: Path, csv_text: str
) -> None:
    kept = []
    for order in (("april.csv", "april.ofx"), ("april.ofx", "april.csv")):
        for name in list(store.plans_dir.glob("*")):
            name.unlink()
        plan_path = store.add(example_plan).path
        files = {"april.csv": csv_text, "april.ofx": APRIL_OFX}
        first, second = (write(tmp_path, name, files[name]) for name in order)
        assert _phb(capsys, "spending", "import", PLAN, str(first))[0] == 0
        status, out, err = _phb(capsys, "spending", "import", PLAN, str(second))
        assert status == 0, err
        assert "all 7 lines" in out and "Nothing was added" in out
        # The refund's line says the same in both, the OFX ledger balance being the CSV's after it.
        assert "6 payments were already in the record from another statement of the account" in out
        if second.suffix == ".csv":
            assert "This statement gives the balance after 6 of them" in out
        data = _figures(capsys)
        assert (data["money_in"], data["money_out"]) == ("4013.40", "1395.80")
        assert data["opening_balance"] == "500.00" and data["statement_balance"] == "3117.60"
        assert data["reconciled"] is True
        kept.append(_kept(plan_path))
    assert kept[0] == kept[1]
    assert len(kept[0]) == 7


def test_what_the_person_said_about_a_payment_stays_when_another_statement_gives_its_balance(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    _phb(capsys, "spending", "import", PLAN, str(write(tmp_path, "april.ofx", APRIL_OFX)))
    (wages,) = [t for t in read_record(plan_path).transactions if t.description == "S Okafor Wages"]
    status, _, err = _phb(
        capsys, "spending", "set", PLAN, wages.id, "--line", "pa-mornings", "--evidence", "payslip-april.pdf"
    )
    assert status == 0, err
    _phb(capsys, "spending", "import", PLAN, str(write(tmp_path, "april.csv", BUILDING_SOCIETY)))
    (kept,) = [t for t in read_record(plan_path).transactions if t.on == date(2026, 4, 3) and t.amount == -580]
    assert kept.balance == Decimal("3920.00") and kept.description == "S OKAFOR WAGES"
    assert [s.line for s in kept.splits] == ["pa-mornings"] and kept.evidence == "payslip-april.pdf"


def test_two_alike_payments_on_one_day_in_one_statement_both_count_across_sources(
    capsys: pytest.CaptureFixture[str], store: PlanStore, example_plan: Plan, tmp_path: Path
) -> None:
    fares_csv = "Date,Description,Amount,Balance\n05/04/2026,FIRST BUS,-2.00,98.00\n05/04/2026,FIRST BUS,-2.00,96.00\n"
    fares_ofx = ofx([("20260405", "-2.00", "First Bus"), ("20260405", "-2.00", "First Bus")], ("96.00", "20260405"))
    for order in ((fares_csv, fares_ofx), (fares_ofx, fares_csv)):
        for kept in list(store.plans_dir.glob("*")):
            kept.unlink()
        store.add(example_plan)
        for number, text in enumerate(order):
            name = f"fares-{number}.{'ofx' if text.startswith('OFX') else 'csv'}"
            status, _, err = _phb(capsys, "spending", "import", PLAN, str(write(tmp_path, name, text)))
            assert status == 0, err
        data = _figures(capsys)
        assert data["money_out"] == "4.00" and data["statement_balance"] == "96.00"


def test_an_ofx_ledger_balance_that_does_not_agree_with_the_record_is_refused_unless_asked(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    _phb(capsys, "spending", "import", PLAN, str(write(tmp_path, "april.csv", BUILDING_SOCIETY)))
    before = spending_path(plan_path).read_bytes()
    # The bank's OFX leaves out the swim: its ledger balance is £38.40 more than the CSV's.
    short = ofx(
        [
            ("20260401", "4000.00", "NHS WEST YORKSHIRE ICB DP"),
            ("20260403", "-580.00", "S OKAFOR WAGES"),
            ("20260403", "-435.00", "L MARSH WAGES"),
            ("20260414", "-330.00", "CARE AT HOME LEEDS"),
            ("20260420", "-12.40", "TESCO STORES 2231"),
        ],
        ledger=("3142.60", "20260420"),
    )
    statement = write(tmp_path, "april.ofx", short)
    status, out, err = _phb(capsys, "spending", "import", PLAN, str(statement))
    assert status == 2 and out == ""
    assert "does not agree with the payments the record already holds" in err
    assert "on 14/04/2026: the balance before that day was 3,485.00" in err
    assert "which makes 3,155.00, but april.csv says 3,116.60" in err
    assert "Nothing was imported" in err and "--despite-balance" in err
    assert spending_path(plan_path).read_bytes() == before
    assert _phb(capsys, "spending", "import", PLAN, str(statement), "--despite-balance")[0] == 0


def test_an_ofx_statement_alone_is_checked_by_its_ledger_balance(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    _phb(capsys, "spending", "import", PLAN, str(write(tmp_path, "april.ofx", APRIL_OFX)))
    data = _figures(capsys)
    assert data["statement_balance"] == "3117.60" and data["opening_balance"] == "500.00"
    assert data["reconciled"] is True
    may = ofx([("20260501", "4000.00", "NHS WEST YORKSHIRE ICB DP")], ledger=("7000.00", "20260501"), first_id=2001)
    _phb(capsys, "spending", "import", PLAN, str(write(tmp_path, "may.ofx", may)), "--despite-balance")
    data = _figures(capsys)
    assert data["reconciled"] is False and data["statement_balance"] == "7000.00"  # £117.60 is not accounted for.


# --- the same payments from CSV and OFX, in any order, make the same record ------------------------

AMOUNTS = st.sampled_from(["-2.00", "-580.00", "-12.40", "4000.00", "13.40", "-38.40"])


@st.composite
def _account(draw: st.DrawFn) -> tuple[Decimal, list[tuple[date, Decimal, str, Decimal]]]:
    """An account's history with the balance after each payment; alike payments on one day are likely."""
    opening = Decimal(draw(st.integers(0, 100_000))) / 100
    day, balance, history = date(2026, 4, 1), opening, []
    for _ in range(draw(st.integers(1, 14))):
        day += timedelta(days=draw(st.integers(0, 2)))
        amount = Decimal(draw(AMOUNTS))
        balance += amount
        history.append((day, amount, draw(st.sampled_from(["FIRST BUS", "S OKAFOR WAGES", "TESCO"])), balance))
    return opening, history


def _csv(rows: list[tuple[date, Decimal, str, Decimal]]) -> str:
    return "Date,Description,Amount,Balance\n" + "".join(
        f"{on:%d/%m/%Y},{payee},{amount},{balance}\n" for on, amount, payee, balance in rows
    )


def _ofx(rows: list[tuple[date, Decimal, str, Decimal]]) -> str:
    last = rows[-1]
    named = [(f"{on:%Y%m%d}", f"{amount}", payee.title()) for on, amount, payee, _ in rows]
    return ofx(named, ledger=(f"{last[3]}", f"{last[0]:%Y%m%d}"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    account=_account(),
    cuts=st.lists(st.integers(0, 14), min_size=1, max_size=3),
    kinds=st.lists(st.booleans(), min_size=4, max_size=4),
    order=st.randoms(),
)
def test_csv_and_ofx_of_the_same_payments_in_any_order_make_the_same_record(
    tmp_path: Path,
    account: tuple[Decimal, list[tuple[date, Decimal, str, Decimal]]],
    cuts: list[int],
    kinds: list[bool],
    order: object,
) -> None:
    opening, history = account
    spans = whole_day_spans(sorted({on for on, *_ in history}), cuts)
    # Every span as CSV, and again as OFX, or as the other where `kinds` says: both cover every day.
    files = []
    for number, (first, last) in enumerate(spans):
        rows = [row for row in history if first <= row[0] <= last]
        files.append((f"s{number}.csv", _csv(rows)))
        files.append((f"s{number}.ofx", _ofx(rows)) if kinds[number % 4] else (f"s{number}-2.csv", _csv(rows)))
    shuffled = list(range(len(files)))
    order.shuffle(shuffled)  # type: ignore[attr-defined]
    records = []
    for arrangement in (list(range(len(files))), shuffled):
        store = PlanStore(tmp_path / f"data-{len(list(tmp_path.iterdir()))}")
        plan = store.create("Property").path
        for index in arrangement:
            name, text = files[index]
            path = tmp_path / f"{len(list(tmp_path.iterdir()))}-{name}"
            path.write_text(text, encoding="utf-8")
            import_statement(plan, path)
        record = read_record(plan)
        assert_adds_up(record, history, opening)
        records.append(sorted((t.on, t.amount, t.balance, t.order, t.splits) for t in record.transactions))
    assert records[0] == records[1]
