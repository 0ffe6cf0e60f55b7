"""A Word document (DOCX) that NHS teams can file and edit, drawn with python-docx.

Structure is real, not drawn: the title and headings use Word's own Title and Heading styles, so
a screen reader and Word's navigation pane see the sections; lists use List Bullet. Every page
says whose plan it is in its header and "Page X of Y" in its footer (Word's PAGE and NUMPAGES
fields), so a loose page is never anonymous. Tables mark their header row to repeat on each
page, and show their totals once, at the end. The lines left for signatures become a table with a
cell for each thing to write, which survives editing better than a row of underscores.

Text the person typed goes in as text: python-docx escapes it, and the few control characters
XML cannot hold at all are dropped, so no name can break the file. Nothing in the file says who
made it or when (no user name, no clock): its properties say PHB Planner.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.enum.section import WD_SECTION_START
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row
from docx.shared import Cm, Length, Mm, Pt
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from ..document import (
    Alert,
    BarChart,
    Block,
    BulletList,
    Document,
    Facts,
    Paragraph,
    Picture,
    Section,
    Subheading,
    Table,
)

_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters XML 1.0 cannot hold at all; a name holding one would make a file Word refuses."""

_FILL_IN = re.compile(r"^(?:\s*[^:_]+:\s*_{3,})+\s*$")
"""A line of blanks to fill in by hand: "Signed: ____  Name: ____  Date: ____"."""

_LABEL_OF_BLANK = re.compile(r"\s*([^:_]+):\s*_{3,}")

_AFTER_BORDERS = (
    *("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct"),
    *("w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind"),
    *("w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment"),
    *("w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
)
"""What follows a paragraph's borders in its properties: Word refuses a file with them out of order."""

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
"""Every part of the file is dated the same, so a plan exported twice gives the same bytes."""


def render_docx(document: Document) -> bytes:
    word = new_document()
    _set_up(word, document)
    word.add_paragraph(_clean(document.title), style="Title")
    for line in document.byline:
        word.add_paragraph(_clean(line))
    for notice in document.notices:
        _labelled(word.add_paragraph(), "Note:", notice)
    for section in document.sections:
        _section(word, section)
    out = io.BytesIO()
    word.save(out)
    return _dated_alike(out.getvalue())


def _clean(text: str) -> str:
    return _NOT_IN_XML.sub("", text)


def _set_up(word: WordDocument, document: Document) -> None:
    """A4 with the HTML page's margins, British English, the running head and page numbers."""
    properties = word.core_properties
    properties.title = _clean(document.title)
    properties.author = "PHB Planner"
    properties.last_modified_by = "PHB Planner"
    properties.comments = ""
    properties.revision = 1
    core = properties._element
    for stamp in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):  # No clock, not the template's dates.
        if (element := core.find(qn(stamp))) is not None:
            core.remove(element)
    language = word.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    if language is not None:  # So a screen reader speaks it, and Word checks its spelling, as British English.
        language.set(qn("w:val"), "en-GB")
    normal = word.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    page = word.sections[0]
    page.start_type = WD_SECTION_START.NEW_PAGE
    page.page_width, page.page_height = Mm(210), Mm(297)
    page.top_margin = page.bottom_margin = Mm(20)
    page.left_margin = page.right_margin = Mm(15)
    head = page.header.paragraphs[0]
    head.text = _clean(document.running_head or document.title)
    head.style = word.styles["Header"]
    foot = page.footer.paragraphs[0]
    foot.style = word.styles["Footer"]
    foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    foot.add_run("Page ")
    _field(foot, "PAGE", "1")
    foot.add_run(" of ")
    _field(foot, "NUMPAGES", "1")


def _field(paragraph: WordParagraph, instruction: str, shown: str) -> None:
    """A field Word works out as the page is laid out (the page number, the number of pages);
    `shown` until it does."""
    _field_mark(paragraph, "begin")
    code = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    _field_mark(paragraph, "separate")
    paragraph.add_run(shown)
    _field_mark(paragraph, "end")


def _field_mark(paragraph: WordParagraph, kind: str) -> None:
    paragraph.add_run()._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))


def _section(word: WordDocument, section: Section) -> None:
    level = _heading_level(section.level)
    heading = word.add_paragraph(_clean(section.title), style=f"Heading {level}")
    heading.paragraph_format.keep_with_next = True
    if section.keep_together:  # On paper, a new page rather than a split (the signature lines).
        heading.paragraph_format.page_break_before = True
    for block in _with_signature_tables(section.blocks) if section.keep_together else section.blocks:
        if isinstance(block, _Signatures):
            _signatures(word, block)
        else:
            _block(word, block, level, keep=section.keep_together)


def _heading_level(section_level: int) -> int:
    """A section at level 2 (under the title) is Word's Heading 1, and so on down."""
    return min(max(section_level - 1, 1), 8)


def _block(word: WordDocument, block: Block, level: int, keep: bool) -> None:
    if isinstance(block, Picture):  # The words beside it carry the idea, as in the text formats.
        return
    if isinstance(block, Paragraph):
        paragraph = word.add_paragraph(_clean(block.text))
    elif isinstance(block, Subheading):
        paragraph = word.add_paragraph(_clean(block.text), style=f"Heading {level + 1}")
        paragraph.paragraph_format.keep_with_next = True
    elif isinstance(block, Alert):
        paragraph = _labelled(word.add_paragraph(), "Warning:", block.text)
        _boxed(paragraph)
    elif isinstance(block, BulletList):
        for item in block.items:
            paragraph = word.add_paragraph(_clean(item), style="List Bullet")
            paragraph.paragraph_format.keep_with_next = keep
        return
    elif isinstance(block, Facts):
        _facts(word, block)
        return
    elif isinstance(block, BarChart):
        bars = [[bar.label, bar.amount, bar.percent] for bar in block.bars]
        _table(word, Table(["What", "Amount", "Share"], bars, numeric=frozenset({1, 2})))
        return
    else:
        _table(word, block)
        return
    paragraph.paragraph_format.keep_with_next = keep


def _labelled(paragraph: WordParagraph, label: str, text: str) -> WordParagraph:
    """A label in bold words before the text: what makes a warning a warning, never colour alone."""
    paragraph.add_run(label).bold = True
    paragraph.add_run(f" {_clean(text)}")
    return paragraph


def _boxed(paragraph: WordParagraph) -> None:
    """A border round the paragraph, as the HTML page draws one round a warning."""
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        for name, value in (("val", "single"), ("sz", "12"), ("space", "4"), ("color", "000000")):
            edge.set(qn(f"w:{name}"), value)
        borders.append(edge)
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_BORDERS)


def _facts(word: WordDocument, facts: Facts) -> None:
    """Label and value side by side, the label in bold: as a form lays them out."""
    grid = word.add_table(rows=0, cols=2)
    grid.style = word.styles["Table Grid"]
    for label, value in facts.rows:
        cells = grid.add_row().cells
        cells[0].paragraphs[0].add_run(_clean(label)).bold = True
        cells[1].paragraphs[0].text = _clean(value)
        _unsplit(grid.rows[-1]._tr)
    _widths(grid, [Mm(55), Mm(125)])
    word.add_paragraph()


def _table(word: WordDocument, table: Table) -> None:
    table = table.with_numbers()
    grid = word.add_table(rows=1, cols=len(table.headers))
    grid.style = word.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    header = grid.rows[0]
    for n, (cell, text) in enumerate(zip(header.cells, table.headers, strict=True)):
        _write(cell.paragraphs[0], text, bold=True, right=n in table.numeric)
    _repeat_as_header(header._tr)
    for row, bold in [*((row, False) for row in table.rows), *((row, True) for row in table.totals)]:
        added = grid.add_row()
        _unsplit(added._tr)
        for n, (cell, text) in enumerate(zip(added.cells, row, strict=False)):
            _write(cell.paragraphs[0], text, bold=bold, right=n in table.numeric)
    word.add_paragraph()


def _write(paragraph: WordParagraph, text: str, bold: bool, right: bool) -> None:
    if text:
        paragraph.add_run(_clean(text)).bold = bold or None
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _repeat_as_header(row: CT_Row) -> None:
    """Word repeats this row at the top of each page the table runs onto; readers announce it as headers."""
    marked = OxmlElement("w:tblHeader")
    marked.set(qn("w:val"), "true")
    row.get_or_add_trPr().append(marked)


def _unsplit(row: CT_Row) -> None:
    """A row is never split between pages: half an amount's line on each is easily misread."""
    kept = OxmlElement("w:cantSplit")
    kept.set(qn("w:val"), "true")
    row.get_or_add_trPr().append(kept)


def _widths(grid: WordTable, widths: list[Length]) -> None:
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


@dataclass(frozen=True)
class _Signatures:
    """Who signs, each with the things to write by hand ("Signed", "Name", "Date"): one table to sign."""

    blanks: list[str]
    rows: list[str]


def _with_signature_tables(blocks: list[Block]) -> list[Block | _Signatures]:
    """The blocks, each line of blanks joined with the paragraph before it (who signs) as a table row."""
    out: list[Block | _Signatures] = []
    for block in blocks:
        before = out[-1] if out else None
        if isinstance(block, Paragraph) and _FILL_IN.match(block.text) and isinstance(before, Paragraph):
            out.pop()
            who = before.text.rstrip().removesuffix(":")
            blanks = [blank.strip() for blank in _LABEL_OF_BLANK.findall(block.text)]
            last = out[-1] if out else None
            if isinstance(last, _Signatures) and last.blanks == blanks:
                last.rows.append(who)
            else:
                out.append(_Signatures(blanks, [who]))
        else:
            out.append(block)
    return out


def _signatures(word: WordDocument, signatures: _Signatures) -> None:
    """A row for each person to sign, with tall empty cells to write in, kept on one page."""
    grid = word.add_table(rows=1, cols=1 + len(signatures.blanks))
    grid.style = word.styles["Table Grid"]
    for cell, text in zip(grid.rows[0].cells, ["Who signs", *signatures.blanks], strict=True):
        _write(cell.paragraphs[0], text, bold=True, right=False)
    _repeat_as_header(grid.rows[0]._tr)
    for who in signatures.rows:
        row = grid.add_row()
        row.height = Cm(1.5)
        _unsplit(row._tr)
        _write(row.cells[0].paragraphs[0], who, bold=False, right=False)
    word.add_paragraph()


def _dated_alike(data: bytes) -> bytes:
    """The same file with every part dated alike: python-docx dates each with the time it is saved."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(zipfile.ZipInfo(item.filename, _FIXED_TIME), source.read(item), zipfile.ZIP_DEFLATED)
    return out.getvalue()
