"""The monitoring return as a Word document and a PDF, read back as the ICB would read them."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from plan_store import Plan, PlanStore

from .spending_statements import BUILDING_SOCIETY, phb, write

PLAN = "daniels-plan-2026"
APRIL = ["--from", "01/04/2026", "--to", "30/04/2026"]


@pytest.fixture
def plan_path(store: PlanStore, example_plan: Plan, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    path = store.add(example_plan).path
    assert phb(capsys, "spending", "import", PLAN, str(write(tmp_path, "april.csv", BUILDING_SOCIETY)))[0] == 0
    status, _, err = phb(capsys, "spending", "set", PLAN, _tesco_id(path), "--explanation", "Paid by mistake")
    assert status == 0, err
    return path


def _tesco_id(plan_path: Path) -> str:
    from plan_store.spending_files import read_record

    (tesco,) = [t for t in read_record(plan_path).transactions if t.description.startswith("TESCO")]
    return tesco.id


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def test_the_return_as_a_word_document_says_what_the_text_return_says(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "april-return.docx"
    status, out, err = phb(capsys, "spending", "return", PLAN, *APRIL, "--format", "docx", "-o", str(target))
    assert status == 0, err
    assert out == "" and f"Wrote {target}" in err
    word = docx.Document(io.BytesIO(target.read_bytes()))
    paragraphs = [p.text for p in word.paragraphs if p.text]
    cells = [[cell.text for cell in row.cells] for table in word.tables for row in table.rows]
    assert paragraphs[0] == "Direct payment monitoring return: Daniel's plan 2026"
    assert any("This matches the last balance on the statement, £3,117.60." in p for p in paragraphs)
    assert ["Balance at the start", "£500.00"] in cells and ["Balance at the end", "£3,117.60"] in cells
    assert any(row[:2] == ["20/04/2026", "TESCO STORES 2231"] and row[3] == "Paid by mistake" for row in cells)
    assert any(row[0] == "Bank or card statements" for row in cells)
    assert any(p.startswith("I declare that the money was used only for the support agreed") for p in paragraphs)
    status, text, _ = phb(capsys, "spending", "return", PLAN, *APRIL)
    for heading in ("Money out, by line of the plan", "Evidence", "How long to keep these records", "Declaration"):
        assert heading in text and heading in paragraphs


def test_the_return_as_a_pdf_reads_back_with_its_figures_and_declaration(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "april-return.pdf"
    status, _, err = phb(capsys, "spending", "return", PLAN, *APRIL, "--format", "pdf", "-o", str(target))
    assert status == 0, err
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    text = _squeezed(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))
    assert "Direct payment monitoring return" in text
    assert "£3,117.60" in text and "£500.00" in text and "TESCO STORES 2231" in text and "Paid by mistake" in text
    assert "I declare that the money was used only for the support agreed" in text
    assert "How long to keep these records" in text


def test_a_word_return_is_written_to_a_file_not_the_screen(capsys: pytest.CaptureFixture[str], plan_path: Path) -> None:
    status, out, err = phb(capsys, "spending", "return", PLAN, *APRIL, "--format", "docx")
    assert status == 2 and out == ""
    assert "cannot be shown on the screen" in err and "-o FILE" in err


@pytest.mark.parametrize(("fmt", "library"), [("docx", "docx"), ("pdf", "fpdf")])
def test_without_the_documents_extra_the_message_names_it_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str],
    plan_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    library: str,
) -> None:
    target = tmp_path / f"return.{fmt}"
    for name in [n for n in sys.modules if n == library or n.startswith(f"{library}.") or n.endswith(f"render.{fmt}")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, library, None)  # As if it were not installed.
    status, out, err = phb(capsys, "spending", "return", PLAN, *APRIL, "--format", fmt, "-o", str(target))
    assert status == 2 and out == ""
    assert 'pip install "phb-planner[documents]"' in err
    assert not target.exists()
