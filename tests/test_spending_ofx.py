"""Statements saved as OFX, read with the optional part `ofx` (ofxtools), through the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from plan_store import Plan, PlanStore
from plan_store.spending_files import spending_path

from .spending_statements import phb as _phb

PLAN = "daniels-plan-2026"

# OFX 1 (SGML), as a high-street bank exports it: no closing tags on the values.
APRIL_OFX = """\
OFXHEADER:100
DATA:OFXSGML
VERSION:102
SECURITY:NONE
ENCODING:USASCII
CHARSET:1252
COMPRESSION:NONE
OLDFILEUID:NONE
NEWFILEUID:NONE

<OFX>
<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20260430120000<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>
<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>
<STMTRS><CURDEF>GBP<BANKACCTFROM><BANKID>309457<ACCTID>12345678<ACCTTYPE>CHECKING</BANKACCTFROM>
<BANKTRANLIST><DTSTART>20260401<DTEND>20260422
<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20260401<TRNAMT>4000.00<FITID>1001<NAME>NHS WEST YORKSHIRE ICB DP</STMTTRN>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260403<TRNAMT>-580.00<FITID>1002<NAME>S OKAFOR WAGES</STMTTRN>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260403<TRNAMT>-435.00<FITID>1003<NAME>L MARSH WAGES</STMTTRN>
<STMTTRN><TRNTYPE>POS<DTPOSTED>20260420<TRNAMT>-12.40<FITID>1004<NAME>TESCO STORES 2231</STMTTRN>
<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20260422<TRNAMT>13.40<FITID>1005<NAME>CARE AT HOME LEEDS REFUND</STMTTRN>
</BANKTRANLIST>
<LEDGERBAL><BALAMT>3486.00<DTASOF>20260422</LEDGERBAL>
</STMTRS></STMTTRNRS></BANKMSGSRSV1>
</OFX>
"""


@pytest.fixture
def plan_path(store: PlanStore, example_plan: Plan) -> Path:
    return store.add(example_plan).path


def _statement(folder: Path, text: str = APRIL_OFX) -> Path:
    path = folder / "april.ofx"
    path.write_text(text, encoding="ascii")
    return path


def test_an_ofx_statement_is_imported_once(capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path) -> None:
    statement = _statement(tmp_path)
    status, out, err = _phb(capsys, "spending", "import", PLAN, str(statement))
    assert status == 0, err
    assert "added 5 of 5 lines (01/04/2026 to 22/04/2026)" in out
    status, out, _ = _phb(capsys, "spending", "import", PLAN, str(statement))
    assert status == 0 and "Nothing was added" in out
    status, out, err = _phb(capsys, "spending", PLAN, "--json")
    data = json.loads(out)
    assert (data["money_in"], data["money_out"]) == ("4013.40", "1027.40")
    assert [t["description"] for t in data["not_in_plan"]] == ["S OKAFOR WAGES", "L MARSH WAGES", "TESCO STORES 2231"]


def test_a_damaged_ofx_statement_imports_nothing(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    damaged = APRIL_OFX.replace("<TRNAMT>-580.00", "<TRNAMT>five hundred")
    status, _, err = _phb(capsys, "spending", "import", PLAN, str(_statement(tmp_path, damaged)))
    assert status == 2 and "cannot be read" in err and "Nothing was imported" in err
    assert not spending_path(plan_path).exists()


def test_without_the_ofx_part_the_message_names_it(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setitem(sys.modules, "ofxtools", None)  # As if it were not installed.
        patch.setitem(sys.modules, "ofxtools.Parser", None)
        status, _, err = _phb(capsys, "spending", "import", PLAN, str(_statement(tmp_path)))
    assert status == 2
    assert 'pip install "phb-planner[ofx]"' in err and "Nothing was imported" in err
    assert not spending_path(plan_path).exists()
