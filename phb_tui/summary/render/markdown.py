"""Markdown, for pasting into email, documents and shared notes.

The easy read's pictures are left out, as in plain text (see `text`): a picture would have to be
a link or a data address, which mail and notes often block, and the words say what it meant.
"""

from __future__ import annotations

import re

from ..document import Alert, BarChart, Block, BulletList, Document, Facts, Paragraph, Picture, Subheading, Table
from ..pictures import without_pictures


def render_markdown(document: Document) -> str:
    lines = [f"# {_escape(document.title, one_line=True)}"]
    if document.byline:
        lines += ["", "  \n".join(_escape(line) for line in document.byline)]
    for notice in document.notices:
        lines += ["", f"> **Note:** {_escape(notice)}"]
    for section in document.sections:
        lines += ["", f"{'#' * section.level} {_escape(section.title, one_line=True)}"]
        for block in without_pictures(section.blocks):
            lines += ["", *_block(block)]
    return "\n".join(lines) + "\n"


# Act wherever they stand: emphasis, code, links, HTML, table cells, headings' closing marks, strikethrough.
_ANYWHERE = frozenset("\\`*_[]<>|#~")
# Act only at the start of a line: a list ("- ", "+ ", "1. ", "2) "), a heading underline or a rule
# ("===", "---"), or a table's alignment row (":--"). "+44 113" and "2.5 hours" are left alone.
_LINE_START = re.compile(r"^(?:([-+=])(?=[ \t]|$|\1)|\d{1,9}(?=[.)](?:[ \t]|$))|:(?=[ \t]*-))")
_ENTITY = re.compile(r"&(?=[A-Za-z][A-Za-z0-9]*;)")
_NO_BREAK_SPACE = "\u00a0"


def _escape(text: str, one_line: bool = False) -> str:
    """The person's words as they typed them, with nothing in them that Markdown would act on.

    A line typed into a plan could otherwise open a code block ("~~~"), turn the line above it into
    a heading ("==="), start a list, quote or table, bring in HTML or a link, or end the bold label
    before it, and so change the shape of the summary a reviewer reads. So:

    - the characters that act wherever they are get a backslash, and so does "&" before an entity
      such as "&amp;", which would otherwise show as "&";
    - a mark that acts only at the start of a line ("- ", "1. ", "===") gets a backslash there, and
      nowhere else: "I'd like to walk 2 miles." stays as it is;
    - spaces and tabs at the start of a line become no-break spaces, so an indent shows as typed
      without making a code block, and an empty line becomes one no-break space, so it cannot end
      the paragraph or list item the text belongs to.

    Each line ends with a hard line break, so text written on several lines stays on them;
    `one_line` joins the lines with spaces instead, for headings and table cells, which Markdown
    keeps to a single line.
    """
    if one_line:
        return _escape_line(" ".join(text.split("\n")))
    return "  \n".join(_escape_line(line) or _NO_BREAK_SPACE for line in text.split("\n")) if text else ""


def _escape_line(line: str) -> str:
    words = line.lstrip(" \t")
    indent = line[: len(line) - len(words)].expandtabs(4).replace(" ", _NO_BREAK_SPACE)
    words = "".join(f"\\{char}" if char in _ANYWHERE else char for char in words)
    words = _LINE_START.sub(_mark_as_text, words, count=1)
    return indent + _ENTITY.sub(r"\\&", words)


def _mark_as_text(mark: re.Match[str]) -> str:
    """ "1. " becomes "1\\. " (a backslash before a digit would show); "- " becomes "\\- "."""
    text = mark.group()
    return f"{text}\\" if text.isdigit() else f"\\{text}"


def _block(block: Block) -> list[str]:
    if isinstance(block, Picture):
        return []
    if isinstance(block, Paragraph):
        return [_escape(block.text)]
    if isinstance(block, Subheading):
        return [f"### {_escape(block.text, one_line=True)}"]
    if isinstance(block, Alert):
        return [f"> **Warning:** {_escape(block.text)}"]
    if isinstance(block, BulletList):
        return [f"- {_escape(item)}" for item in block.items]
    if isinstance(block, BarChart):
        return [
            f"- **{_escape(bar.label, one_line=True)}:** {_escape(bar.amount)} ({bar.percent}) `{'#' * bar.cells(30) or '-'}`"
            for bar in block.bars
        ]
    if isinstance(block, Facts):
        return [f"- **{_escape(label, one_line=True)}:** {_escape(value)}" for label, value in block.rows]
    return _table(block)


def _table(table: Table) -> list[str]:
    table = table.with_numbers()

    def row(cells: list[str], bold: bool = False) -> str:
        shown = [_escape(cell, one_line=True) for cell in cells]
        return "| " + " | ".join(f"**{cell}**" if bold and cell else cell for cell in shown) + " |"

    aligns = ["---:" if n in table.numeric else "---" for n in range(len(table.headers))]
    lines = [row(table.headers), "| " + " | ".join(aligns) + " |", *(row(r) for r in table.rows)]
    lines += [row(total, bold=True) for total in table.totals]
    return lines
