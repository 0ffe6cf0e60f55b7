"""A Word file read back as a reviewer meets it: its parts in order, each said with its style."""

from __future__ import annotations

import io

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


def opened(data: bytes) -> WordDocument:
    return docx.Document(io.BytesIO(data))


def as_text(data: bytes) -> str:
    """Every page's header and footer, then each paragraph as "[style] text" and each table row as
    its cells between bars, with the marks that matter to a reader: a repeated header row, bold."""
    word = opened(data)
    section = word.sections[0]
    lines = [f"[header] {p.text}" for p in section.header.paragraphs]
    lines += [f"[footer] {field_text(p)}" for p in section.footer.paragraphs]
    for part in word.iter_inner_content():
        if isinstance(part, Paragraph):
            lines.append(paragraph_text(part))
        else:
            lines += table_text(part)
    return "\n".join(lines) + "\n"


def paragraph_text(paragraph: Paragraph) -> str:
    style = paragraph.style.name if paragraph.style is not None else ""
    page = "new page, " if paragraph.paragraph_format.page_break_before else ""
    bold = "".join(f"**{run.text}**" if run.bold else run.text for run in paragraph.runs)
    return f"[{page}{style}] {bold}" if paragraph.text else ""


def table_text(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        repeated = row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
        cells = " | ".join(_cell_text(cell.paragraphs) for cell in row.cells)
        lines.append(f"{'[header row] ' if repeated else ''}| {cells} |")
    return lines


def _cell_text(paragraphs: list[Paragraph]) -> str:
    parts = []
    for paragraph in paragraphs:
        text = "".join(f"**{run.text}**" if run.bold else run.text for run in paragraph.runs)
        right = ">" if text and paragraph.alignment is not None and paragraph.alignment == 2 else ""
        parts.append(right + text)
    return " / ".join(part for part in parts if part)


def field_text(paragraph: Paragraph) -> str:
    """The footer as Word shows its source: fields by name, in braces ("Page {PAGE} of {NUMPAGES}")."""
    out = []
    in_field = False
    for run in paragraph._p.iter(qn("w:r")):
        for child in run:
            tag = child.tag.split("}")[1]
            if tag == "fldChar":
                kind = child.get(qn("w:fldCharType"))
                in_field = kind in ("begin", "separate")
            elif tag == "instrText":
                out.append("{" + (child.text or "").strip() + "}")
            elif tag == "t" and not in_field:
                out.append(child.text or "")
    return "".join(out)
