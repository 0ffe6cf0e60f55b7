"""`phb export --format docx`: a Word document a reviewer can file, edit and navigate.

Each test exports through the command line, then opens the file with python-docx and reads it as
a reviewer (or their screen reader) would: headings, figures, whose plan each page is, page
numbers, the tables and the place to sign.
"""

from __future__ import annotations

import itertools
import re
import stat
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from plan_store import Plan, PlanStore

from .test_cli import daniel, phb
from .test_layouts import ANYTOWN
from .word_files import as_text, field_text, opened

__all__ = ["daniel"]  # The fixture: a realistic plan in the store.


SLUG = "daniels-plan-2026"
MONEY = re.compile(r"£[\d,]+\.\d\d")


def exported(capsys: pytest.CaptureFixture[str], target: Path, plan: str = SLUG, *more: str) -> bytes:
    status, _, err = phb(capsys, "export", plan, "--format", "docx", "-o", str(target), *more)
    assert status == 0, err
    assert "Notes marked private were left out" in err or "--include-private" in more
    return target.read_bytes()


def _headings(text: str) -> list[str]:
    """Headings of the plain-text export: each line underlined with dashes."""
    lines = text.splitlines()
    return [line for line, under in itertools.pairwise(lines) if under and set(under) == {"-"}]


def test_every_section_is_a_word_heading_with_its_words_and_figures(
    capsys: pytest.CaptureFixture[str], daniel: Plan, tmp_path: Path
) -> None:
    data = exported(capsys, tmp_path / "summary.docx")
    text = phb(capsys, "export", SLUG, "--format", "txt")[1]
    word = opened(data)
    styled = [(p.style.name if p.style else "", p.text) for p in word.paragraphs]
    assert styled[0] == ("Title", "Daniel's plan 2026")
    sections = [words for style, words in styled if style == "Heading 1"]
    assert sections == _headings(text) and len(sections) > 15
    assert ("Heading 2", "Outcome 1: I stay safely in my flat, with help to get up, wash and eat.") in styled
    assert {style for style, _ in styled} <= {"Title", "Heading 1", "Heading 2", "Normal", "List Bullet"}
    assert any(style == "List Bullet" for style, _ in styled)

    everything = as_text(data)
    # Every figure to the penny, each as often as the plain text says it (tables say a figure once).
    assert sorted(set(MONEY.findall(everything))) == sorted(set(MONEY.findall(text)))
    assert "£50,160.49" in everything and "£1,002.01" in everything
    # Every word of the plain text is in the document (the text's own layout aside).
    words = set(re.findall(r"[A-Za-z][a-z']+", text)) - {"Signed", "Name", "Date"}
    missing = words - set(re.findall(r"[A-Za-z][a-z']+", everything))
    assert missing == set()
    assert "payroll goes wrong" not in everything  # A private note, left out as in every export.


def test_every_page_says_whose_plan_it_is_and_which_page_of_how_many(
    capsys: pytest.CaptureFixture[str], daniel: Plan, tmp_path: Path
) -> None:
    word = opened(exported(capsys, tmp_path / "summary.docx"))
    (section,) = word.sections  # One page style, so the header and footer are on every page.
    assert not section.different_first_page_header_footer
    header = " ".join(p.text for p in section.header.paragraphs)
    assert "Daniel Price" in header and "3 June 1991" in header and "943 476 5919" in header
    assert [field_text(p) for p in section.footer.paragraphs] == ["Page {PAGE} of {NUMPAGES}"]
    width, height = section.page_width, section.page_height
    assert width is not None and height is not None and (round(width.mm), round(height.mm)) == (210, 297)  # A4.
    core = word.core_properties
    assert core.title == "Daniel's plan 2026"
    assert core.author == "PHB Planner" and core.last_modified_by == "PHB Planner"
    assert core.created is None and core.modified is None  # No clock read, no trace of who or when.


def test_tables_repeat_their_header_row_and_show_totals_once_at_the_end(
    capsys: pytest.CaptureFixture[str], daniel: Plan, tmp_path: Path
) -> None:
    word = opened(exported(capsys, tmp_path / "summary.docx"))
    (money,) = [t for t in word.tables if t.rows[0].cells[1].text == "Item"]
    header, *rows = money.rows
    assert header._tr.trPr.find(qn("w:tblHeader")).get(qn("w:val")) == "true"
    assert [c.text for c in header.cells][:4] == ["No.", "Item", "Provider", "Cost"]
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in rows)
    totals = [row for row in rows if "Total" in row.cells[1].text]
    assert totals == [rows[-1]]  # Once, at the end.
    assert all(run.bold for cell in totals[0].cells for p in cell.paragraphs for run in p.runs)
    assert "£50,160.49" in [c.text for c in totals[0].cells]
    amounts = [n for n, c in enumerate(header.cells) if c.text in ("Cost", "A year")]
    for row in rows:  # Amounts lined up on the right, where pence sit under pence.
        assert all(row.cells[n].paragraphs[0].alignment == 2 for n in amounts)
    assert [r.cells[0].text for r in rows[:-1]] == [str(n) for n in range(1, 13)]


def test_the_sign_off_starts_a_page_with_a_table_to_sign(
    capsys: pytest.CaptureFixture[str], daniel: Plan, tmp_path: Path
) -> None:
    word = opened(exported(capsys, tmp_path / "summary.docx"))
    (heading,) = [p for p in word.paragraphs if p.text == "Agreement and sign-off"]
    assert heading.style is not None and heading.style.name == "Heading 1"
    assert heading.paragraph_format.page_break_before
    signing = word.tables[-1]
    assert [[c.text for c in row.cells] for row in signing.rows] == [
        ["Who signs", "Signed", "Name", "Date"],
        ["Person (or their representative)", "", "", ""],
        ["For the NHS", "", "", ""],
    ]
    assert not any("___" in p.text for p in word.paragraphs)  # No row of underscores left to type over.


@pytest.mark.parametrize("name", ["Zoë Łukasz Öztürk", "زينب عبد الله الحسن", "Dan\ufffeiel Pr\uffffice"])
def test_any_name_survives_and_none_can_break_the_file(
    capsys: pytest.CaptureFixture[str], store: PlanStore, example_plan: Plan, tmp_path: Path, name: str
) -> None:
    example_plan.person.name = name
    example_plan.outcomes[0].outcome = f"{name} stays at home."
    store.add(example_plan)
    word = opened(exported(capsys, tmp_path / "summary.docx"))
    shown = re.sub("[\ufffe\uffff]", "", name)  # Not characters at all: a plan may hold them, XML cannot.
    assert shown in word.sections[0].header.paragraphs[0].text
    assert f"Outcome 1: {shown} stays at home." in [p.text for p in word.paragraphs]
    assert any(shown in row.cells[1].text for table in word.tables for row in table.rows)


def test_the_easy_read_private_notes_and_the_variation_come_as_word_too(
    capsys: pytest.CaptureFixture[str], store: PlanStore, daniel: Plan, tmp_path: Path
) -> None:
    easy = opened(exported(capsys, tmp_path / "easy.docx", SLUG, "--easy-read"))
    assert easy.paragraphs[0].text == "My health plan: Dan"
    assert all(p.style is not None for p in easy.paragraphs)
    private = as_text(exported(capsys, tmp_path / "private.docx", SLUG, "--include-private"))
    assert "payroll goes wrong" in private and "includes notes marked private" in private

    assert phb(capsys, "agree", SLUG, "--by", "Priya Shah, CHC nurse assessor", "--on", "20/11/2026")[0] == 0
    path = store.plan_paths()[0]
    changed = store.open(path)
    changed.plan.finance.line_items[0].unit_cost = Decimal("15.00")
    store.save(changed)
    folder = tmp_path / "to-send"
    folder.mkdir()
    status, _, err = phb(capsys, "export", SLUG, "--variation", "--format", "docx", "-o", str(folder))
    assert status == 0, err
    word = opened((folder / f"{SLUG}-variation.docx").read_bytes())
    assert "+£520.00" in as_text((folder / f"{SLUG}-variation.docx").read_bytes())
    assert [row.cells[0].text for row in word.tables[-1].rows] == [
        "Who signs",
        "Person (or their representative)",
        "For the NHS team: agreed / not agreed (cross out one).",
    ]


def test_a_word_export_is_written_whole_and_never_over_a_file_without_force(
    capsys: pytest.CaptureFixture[str], daniel: Plan, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "summary.docx"
    target.write_bytes(b"my own notes")
    status, _, err = phb(capsys, "export", SLUG, "--format", "docx", "-o", str(target))
    assert status == 2 and "already exists" in err and "--force" in err and "Traceback" not in err
    assert target.read_bytes() == b"my own notes"
    first = exported(capsys, target, SLUG, "--force")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert exported(capsys, folder / "again.docx") == first  # The same plan makes the same file.
    assert sorted(p.name for p in folder.iterdir()) == ["again.docx", "summary.docx"]  # No leftovers.

    nowhere = tmp_path / "no such folder" / "summary.docx"
    status, _, err = phb(capsys, "export", SLUG, "--format", "docx", "-o", str(nowhere))
    assert status == 2 and f"There is no folder {nowhere.parent}" in err
    assert not nowhere.parent.exists()

    status, out, err = phb(capsys, "export", SLUG, "--format", "docx")  # No file given: not for the screen.
    assert status == 2 and "-o FILE" in err and out == ""


def test_without_the_documents_extra_word_is_refused_in_plain_words(
    capsys: pytest.CaptureFixture[str], daniel: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)  # As if python-docx were not installed.
    monkeypatch.delitem(sys.modules, "phb_tui.summary.render.docx", raising=False)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "summary.docx"
    status, out, err = phb(capsys, "export", SLUG, "--format", "docx", "-o", str(target))
    assert status == 2 and out == ""
    assert 'Word documents need the "documents" extra' in err and 'pip install "phb-planner[documents]"' in err
    assert "Traceback" not in err and "ModuleNotFoundError" not in err
    assert list(folder.iterdir()) == []  # Nothing written, not even a temporary file.
    assert phb(capsys, "export", SLUG, "--format", "html", "-o", str(folder / "summary.html"))[0] == 0


def test_text_xml_cannot_hold_is_left_out_rather_than_breaking_the_file() -> None:
    """The plan refuses control characters, but a Word file must open whatever a document holds."""
    from phb_tui.summary.document import Alert, Document, Facts, Paragraph, Section, Table
    from phb_tui.summary.render.docx import render_docx

    hostile = "".join(chr(n) for n in range(32)) + "<w:p>&amp;</w:p>\ufffe\ud800"
    document = Document(
        hostile,
        [hostile],
        [
            Section(
                hostile,
                [Paragraph(hostile), Alert(hostile), Facts([(hostile, hostile)]), Table([hostile], [[hostile]])],
            )
        ],
        byline=[hostile],
        running_head=hostile,
    )
    word = opened(render_docx(document))
    kept = "\t\n\r<w:p>&amp;</w:p>"
    assert word.sections[0].header.paragraphs[0].text == kept.replace("\r", "\n")
    assert word.paragraphs[0].text == word.core_properties.title.replace("\r", "\n") == kept.replace("\r", "\n")
    assert "Warning: " + kept.replace("\r", "\n") in [p.text for p in word.paragraphs]


def test_an_icbs_layout_arranges_the_word_document_too(
    capsys: pytest.CaptureFixture[str], daniel: Plan, tmp_path: Path
) -> None:
    layout = tmp_path / "anytown.toml"
    layout.write_text(ANYTOWN, encoding="utf-8")
    word = opened(exported(capsys, tmp_path / "anytown.docx", SLUG, "--layout", str(layout)))
    shown = [p.text for p in word.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert shown[:4] == [
        "Front sheet",
        "Section A: about the person",
        "Costed support plan",
        "Outcomes, and what serves each one",
    ]
    assert "To discuss" not in shown and "My week" not in shown
    header = word.sections[0].header.paragraphs[0].text
    assert header.startswith("Anytown ICB: personal health budget support plan\n") and "943 476 5919" in header
    texts = [p.text for p in word.paragraphs]
    assert texts.index("Declaration by the person") < texts.index("I will spend the budget only as the plan says.")
    assert [row.cells[0].text for row in word.tables[-1].rows][1:] == [
        "Person (or their representative)",
        "For the NHS",
    ]
