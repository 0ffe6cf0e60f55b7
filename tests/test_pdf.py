"""The PDF summary, read back with pypdf as a reviewer's reader would: every heading and its words,
the figures to the penny, whose plan it is and which page on every page, the outline, and names in
any script.

The PDF's text is compared with a reviewed copy in tests/golden (PHB_UPDATE_GOLDEN=1 rewrites it),
and its front page with a picture of it, where pdftoppm is installed. CI installs pdftoppm and a
Chinese font and sets PHB_REQUIRE_PDF_TOOLS, so there a missing one fails rather than skips.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from phb_tui.summary.build import build_summary
from phb_tui.summary.document import (
    Alert,
    BarChart,
    BulletList,
    Document,
    Facts,
    Paragraph,
    Picture,
    Section,
    Subheading,
    Table,
)
from phb_tui.summary.privacy import without_private
from phb_tui.summary.render import pdf_fonts, render_text
from phb_tui.summary.render.pdf import render_pdf
from plan_store import Plan
from plan_store import PlanStore as PlanStoreType
from plan_store.codec import plan_from_toml

from .conftest import ROOT, example_toml

GOLDEN = ROOT / "tests" / "golden"
PREPARED = date(2026, 11, 24)
MONEY = re.compile(r"£[\d,]+\.\d\d")
REQUIRED = bool(os.environ.get("PHB_REQUIRE_PDF_TOOLS"))


def summary(plan: Plan) -> Document:
    """The summary as it is shared: private notes left out."""
    return build_summary(without_private(plan), prepared_on=PREPARED)


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def body(pages: list[str], head: str) -> str:
    """The text of every page run together, without the header and footer, spaces made single."""
    kept = [
        line
        for page in pages
        for line in page.splitlines()
        if line.strip() != head and not re.fullmatch(r"Page \d+ of \d+\s*", line)
    ]
    return squeeze(" ".join(kept))


def squeeze(text: str) -> str:
    return " ".join(text.replace("\u200b", "").split())


@pytest.fixture(scope="module")
def daniel() -> tuple[Document, bytes]:
    document = summary(plan_from_toml(example_toml(), ROOT / "docs" / "plan-format.md"))
    return document, render_pdf(document)


def test_every_section_heading_and_its_words_are_there_as_text(daniel: tuple[Document, bytes]) -> None:
    document, pdf = daniel
    text = body(pages_of(pdf), document.running_head)
    for section in document.sections:
        assert squeeze(section.title) in text
        for block in section.blocks:
            if isinstance(block, Paragraph | Subheading | Alert):
                assert squeeze(block.text) in text
            elif isinstance(block, BulletList):
                assert all(squeeze(item) in text for item in block.items)
            elif isinstance(block, Facts):
                assert all(squeeze(f"{label}: {value}") in text for label, value in block.rows)
            elif isinstance(block, BarChart):
                assert all(squeeze(f"{bar.label}: {bar.amount} ({bar.percent})") in text for bar in block.bars)
            elif isinstance(block, Table):
                # A cell's words wrap inside its column, so between them come its neighbours' words.
                words = Counter(text.replace("-", " ").split())
                for row in [block.headers, *block.rows, *block.totals]:
                    for cell in row:
                        assert not Counter(cell.replace("-", " ").split()) - words, cell


def test_the_figures_are_those_of_the_text_summary_to_the_penny(daniel: tuple[Document, bytes]) -> None:
    document, pdf = daniel
    amounts = Counter(MONEY.findall(body(pages_of(pdf), document.running_head)))
    assert amounts == Counter(MONEY.findall(render_text(document)))
    assert amounts["£50,160.49"] >= 3  # Planned, in the front sheet, the table's total and the figures.


def test_every_page_says_whose_plan_it_is_and_which_page_of_how_many(daniel: tuple[Document, bytes]) -> None:
    document, pdf = daniel
    pages = pages_of(pdf)
    assert document.running_head == "Plan for Daniel Price, born 3 June 1991, NHS number 943 476 5919"
    assert len(pages) > 5
    for number, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.splitlines()]
        assert lines[0] == document.running_head
        assert lines[-1] == f"Page {number} of {len(pages)}"


def test_the_outline_lists_each_section_to_jump_to(daniel: tuple[Document, bytes]) -> None:
    document, pdf = daniel
    reader = PdfReader(io.BytesIO(pdf))
    top = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert top == [section.title for section in document.sections]
    subheadings = [
        block.text for section in document.sections for block in section.blocks if isinstance(block, Subheading)
    ]
    below = [entry.title for entries in reader.outline if isinstance(entries, list) for entry in entries]
    assert below == subheadings and subheadings
    pages = pages_of(pdf)
    for entry in reader.outline:
        if not isinstance(entry, list):
            assert entry.title in pages[reader.get_destination_page_number(entry)]


def test_the_file_says_its_title_language_and_day_and_embeds_its_fonts(daniel: tuple[Document, bytes]) -> None:
    _document, pdf = daniel
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None
    assert reader.metadata.title == "Daniel's plan 2026"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]
    assert reader.metadata.creation_date is not None and reader.metadata.creation_date.date() == PREPARED
    fonts = {
        font.get_object()["/BaseFont"]: font.get_object()
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts
    for font in fonts.values():
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor


def test_the_same_summary_makes_the_same_bytes(daniel: tuple[Document, bytes]) -> None:
    document, pdf = daniel
    assert render_pdf(document) == pdf


def test_the_text_matches_the_reviewed_copy(daniel: tuple[Document, bytes]) -> None:
    _document, pdf = daniel
    text = "\n\f\n".join(page.rstrip() for page in pages_of(pdf)) + "\n"
    golden = GOLDEN / "daniel.pdf.txt"
    if os.environ.get("PHB_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_the_front_page_looks_as_reviewed(daniel: tuple[Document, bytes], tmp_path: Path) -> None:
    """A picture of page 1 at 50 dots an inch, against one looked at by a person; a few pixels may
    differ where another version of pdftoppm smooths the letters' edges differently."""
    if shutil.which("pdftoppm") is None:
        if REQUIRED:
            pytest.fail("PHB_REQUIRE_PDF_TOOLS is set but pdftoppm is missing: apt install poppler-utils")
        pytest.skip("pdftoppm is not installed (apt install poppler-utils)")
    from PIL import Image, ImageChops

    _document, pdf = daniel
    (tmp_path / "daniel.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", "daniel.pdf", "front"],
        cwd=tmp_path,
        check=True,
    )
    golden = GOLDEN / "daniel-pdf-front.png"
    if os.environ.get("PHB_UPDATE_GOLDEN"):
        shutil.copy(tmp_path / "front.png", golden)
    made, reviewed = Image.open(tmp_path / "front.png").convert("L"), Image.open(golden).convert("L")
    assert made.size == reviewed.size
    differing = ImageChops.difference(made, reviewed).point(lambda value: 255 if value > 64 else 0).histogram()[255]
    assert differing < made.size[0] * made.size[1] / 200, f"{differing} pixels differ: see {tmp_path / 'front.png'}"


def names_document(*names: str, head: str = "") -> Document:
    rows = [("Name", name) for name in names]
    return Document(
        "Names", [], [Section("Who the plan is for", [Facts(rows)])], running_head=head or f"Plan for {names[0]}"
    )


def test_accented_polish_turkish_and_welsh_names_survive(example_plan: Plan) -> None:
    plan = example_plan.model_copy(deep=True)
    plan.person.name = "Zoë Łukasz Öztürk"
    plan.person.preferred_name = "Gwŷn ap Ŵyn, Ayşe Işık"
    document = summary(plan)
    pages = pages_of(render_pdf(document))
    assert all(page.splitlines()[0].startswith("Plan for Zoë Łukasz Öztürk, born 3 June 1991") for page in pages)
    text = body(pages, document.running_head)
    assert "Name: Zoë Łukasz Öztürk" in text
    assert "Likes to be called: Gwŷn ap Ŵyn, Ayşe Işık" in text


def test_a_name_in_arabic_script_survives_joined_and_in_order() -> None:
    """Joined letters come out of some readers as Arabic's presentation forms; NFKC makes them the
    letters typed. pypdf gives the letters as typed, right to left in order."""
    name = "محمد عبد الله"
    pages = pages_of(render_pdf(names_document(name)))
    assert name in unicodedata.normalize("NFKC", pages[0])
    assert f"Name: {name}" in unicodedata.normalize("NFKC", pages[0])


def test_a_chinese_name_is_drawn_in_the_computers_own_font() -> None:
    if not pdf_fonts.choose_fonts("王小明").fallbacks:
        if REQUIRED:
            pytest.fail("PHB_REQUIRE_PDF_TOOLS is set but no Chinese font is installed: apt install fonts-wqy-microhei")
        pytest.skip("no font for Chinese on this computer")
    pdf = render_pdf(names_document("王小明", "Zoë"))
    assert "Name: 王小明" in pages_of(pdf)[0]
    assert "□" not in pages_of(pdf)[0]


def test_writing_no_font_here_shows_is_marked_and_named_not_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_fonts, "system_font_dirs", list)
    page = pages_of(render_pdf(names_document("王小明 Price")))[0]
    assert "Name: □□□ Price" in page
    assert "no font for some of the writing in this plan (U+738B, U+5C0F, U+660E)" in squeeze(page)


def test_a_long_table_repeats_its_header_on_each_page_and_its_total_once() -> None:
    rows = [[f"Thing number {n}", f"£{n}.00"] for n in range(1, 121)]
    table = Table(["Thing bought", "Cost"], rows, frozenset({1}), [["Total for the year", "£7,260.00"]])
    document = Document(
        "Things", [], [Section("Spending", [Paragraph("Everything."), table])], running_head="Plan for A"
    )
    pages = pages_of(render_pdf(document))
    assert len(pages) >= 3
    for page in pages:
        assert "Thing bought Cost" in page
    assert sum(page.count("Total for the year £7,260.00") for page in pages) == 1
    assert "Total for the year" in pages[-1]
    found = [line for page in pages for line in page.splitlines() if line.startswith("Thing number")]
    assert found == [f"Thing number {n} £{n}.00" for n in range(1, 121)]


def test_a_section_kept_together_starts_a_new_page_rather_than_split() -> None:
    filler = [Paragraph(f"Paragraph {n} says a little about the plan, enough to fill a line or so.") for n in range(27)]
    signatures = [Paragraph(f"Signed: ___________  Name: ___________  Date: ______ (line {n})") for n in range(8)]
    document = Document(
        "Kept",
        [],
        [Section("Filler", filler), Section("Sign-off", signatures, keep_together=True)],
        running_head="Plan for A",
    )
    pages = pages_of(render_pdf(document))
    where = {n for n, page in enumerate(pages) if "Sign-off" in page or "(line" in page}
    assert len(where) == 1 and min(where) > 0


def test_control_characters_are_taken_out_and_braces_kept() -> None:
    document = Document("Odd", [], [Section("Words", [Paragraph("Bell\x07 and\x00 tab\there {nb} \x1fpages\x1f")])])
    page = pages_of(render_pdf(document))[0]
    assert "Bell and tab    here {nb} pages" in page


def test_easy_read_is_larger_type(example_plan: Plan) -> None:
    from phb_tui.summary.easy_read import easy_read_summary

    def sizes(pdf: bytes) -> set[float]:
        seen: set[float] = set()
        for page in PdfReader(io.BytesIO(pdf)).pages:
            page.extract_text(
                visitor_text=lambda text, _cm, _tm, _font, size: seen.add(round(size)) if text.strip() else None
            )
        return seen

    easy = sizes(render_pdf(easy_read_summary(example_plan, PREPARED)))
    standard = sizes(render_pdf(Document("Words", [], [Section("Words", [Paragraph("Some words.")])])))
    assert min(easy) >= 12 and 16 in easy
    assert min(standard) >= 10 and 11 in standard


def test_an_icbs_header_line_sits_above_whose_plan_it_is_on_every_page() -> None:
    head = "NHS West Yorkshire ICB: personal health budget support plan\nPlan for A Person, born 3 June 1991, NHS number 943 476 5919"
    filler = [Paragraph(f"Paragraph {n} says a little about the plan, enough to fill a line or so.") for n in range(60)]
    pages = pages_of(render_pdf(Document("Plan", [], [Section("Filler", filler)], running_head=head)))
    assert len(pages) > 1
    for page in pages:
        assert page.splitlines()[:2] == head.splitlines()


def test_a_block_this_renderer_does_not_know_is_said_in_words() -> None:
    """A kind of block added after this renderer, described for people who cannot see it: its words are shown."""

    @dataclass(frozen=True)
    class Drawing:
        symbol: str
        alt: str

    section = Section("Money", [Drawing("money", "A purse with coins in it"), Paragraph("There is £1,000.")])  # type: ignore[list-item]
    page = pages_of(render_pdf(Document("Easy", [], [section], easy_read=True)))[0]
    assert "Picture: A purse with coins in it" in page


def test_easy_reads_pictures_are_drawn_beside_each_idea_with_their_words_and_credit(example_plan: Plan) -> None:
    from phb_tui.summary.easy_read import easy_read_summary
    from phb_tui.summary.pictures import CREDIT, available

    if not available():
        pytest.skip("the easy-read extra (OpenMoji) is not installed")
    document = easy_read_summary(example_plan, PREPARED)
    pictures = [block for section in document.sections for block in section.blocks if isinstance(block, Picture)]
    pdf = render_pdf(document)
    pages = pages_of(pdf)
    text = body(pages, document.title)
    assert pictures
    for picture in pictures:
        assert picture.alt in text
    assert squeeze(CREDIT) in squeeze(pages[-1])
    reader = PdfReader(io.BytesIO(pdf))
    assert "/StructTreeRoot" not in reader.trailer["/Root"]  # Nothing tagged, so no text is hidden.
    first = text.index("Who is this plan for?")
    assert first < text.index("A person", first) < text.index("This plan is for Dan.", first)


def test_phb_export_writes_the_pdf_a_reviewer_reads(
    store: PlanStoreType, example_plan: Plan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Through the command line, as a person exports it: private, every page says whose plan it is,
    and the figures are those of the plain-text export."""
    from phb_tui.cli import main

    path = store.add(example_plan).path
    target = tmp_path / "daniel.pdf"
    assert main(["export", path.stem, "--format", "pdf", "-o", str(target)]) == 0
    assert f"Wrote {target}" in capsys.readouterr().err  # The file is the output; the note goes aside.
    assert target.stat().st_mode & 0o777 == 0o600
    pages = pages_of(target.read_bytes())
    assert all("NHS number 943 476 5919" in page and f"of {len(pages)}" in page for page in pages)
    assert main(["export", path.stem, "--format", "txt", "-o", "-"]) == 0
    figures = set(re.findall(r"£[\d,]+\.\d\d", capsys.readouterr().out))
    assert figures and figures <= set(re.findall(r"£[\d,]+\.\d\d", " ".join(pages)))

    assert main(["export", path.stem, "--format", "pdf", "-o", str(target)]) == 2  # Not replaced without --force.
    assert "already" in capsys.readouterr().err
    assert main(["export", path.stem, "--format", "pdf", "-o", str(tmp_path / "no-such" / "x.pdf")]) == 2
    assert "nothing was written" in capsys.readouterr().err
    assert not (tmp_path / "no-such").exists()
