"""Plain text: what screen readers, email and printers get, so it must stand entirely on its own.

No colour, no box drawing: headings are underlined with = and -, warnings say "Warning", and a
table too wide for the page becomes one labelled record per row, which also reads better aloud.

`render_plain` goes further, for screen readers and braille displays: nothing is wrapped (they
wrap to their own width, and a line broken mid-sentence is read as two), nothing is drawn with
rows of symbols, every table is a list of labelled records, and tick boxes are said in words.

The easy read's pictures are left out of both: the words beside each one say all it means (its
words for screen readers would only repeat the question next to it, "A pound note" beside "How
much money is there?"), and a line saying there was a picture tells a reader nothing.
"""

from __future__ import annotations

import re
import textwrap

from ..document import Alert, BarChart, Block, BulletList, Document, Facts, Paragraph, Picture, Subheading, Table
from ..pictures import without_pictures


def render_text(document: Document, width: int = 78) -> str:
    lines = [document.title, "=" * min(len(document.title), width)]
    for line in document.byline:
        lines += _wrap(line, width)
    for notice in document.notices:
        lines += ["", *_wrap(f"Note: {notice}", width)]
    for section in document.sections:
        lines += ["", "", section.title, "-" * min(len(section.title), width)]
        for block in without_pictures(section.blocks):
            lines += ["", *_block(block, width)]
    return "\n".join(lines) + "\n"


def render_plain(document: Document) -> str:
    """One line for each paragraph, heading or fact, with blank lines between blocks."""
    lines = [document.title, *document.byline]
    for notice in document.notices:
        lines += ["", f"Note: {notice}"]
    for section in document.sections:
        lines += ["", section.title]
        for block in without_pictures(section.blocks):
            lines += ["", *_plain_block(block)]
    return "\n".join(lines) + "\n"


_TICKED = {"[x] ": "Done: ", "[ ] ": "Not done: "}
_BLANK_TO_FILL = re.compile(r"_{3,}")


def _spoken(text: str) -> str:
    """Marks a reader would spell out, in words: tick boxes, and the lines left for a signature."""
    for mark, words in _TICKED.items():
        if text.startswith(mark):
            text = words + text.removeprefix(mark)
    return _BLANK_TO_FILL.sub("(blank)", text)


def _plain_block(block: Block) -> list[str]:
    if isinstance(block, Picture):
        return []
    if isinstance(block, Paragraph):
        return [_spoken(block.text)]
    if isinstance(block, Subheading):
        return [block.text]
    if isinstance(block, Alert):
        return [f"Warning: {block.text}"]
    if isinstance(block, BulletList):
        return [f"- {_spoken(item)}" for item in block.items]
    if isinstance(block, BarChart):
        return [f"{bar.label}: {bar.amount} ({bar.percent})" for bar in block.bars]
    if isinstance(block, Facts):
        return [f"{label}: {value}" for label, value in block.rows]
    return _plain_records(block)


def _plain_records(table: Table) -> list[str]:
    """Each row as its own short paragraph: "1. Night care", then "Cost: £330.00" and so on."""
    out: list[str] = []
    for number, row in enumerate(table.rows, 1):
        if out:
            out.append("")
        out.append(f"{number}. {row[0]}")
        out += [f"{header}: {cell}" for header, cell in zip(table.headers[1:], row[1:], strict=True) if cell]
    if table.totals:
        out.append("")
    for label, *rest in table.totals:
        out.append(f"{label}: {' '.join(cell for cell in rest if cell)}")
    return out


def _wrap(text: str, width: int, indent: str = "", hanging: str = "") -> list[str]:
    out: list[str] = []
    for number, paragraph in enumerate(text.split("\n")):
        first = indent if number == 0 else hanging
        out += textwrap.wrap(
            paragraph, width, initial_indent=first, subsequent_indent=hanging, break_on_hyphens=False
        ) or [first.rstrip()]
    return out


def _block(block: Block, width: int) -> list[str]:
    if isinstance(block, Picture):
        return []
    if isinstance(block, Paragraph):
        return _wrap(block.text, width)
    if isinstance(block, Subheading):
        lines = _wrap(block.text, width)
        return [*lines, "~" * min(max(len(line) for line in lines), width)]
    if isinstance(block, Alert):
        return _wrap(f"Warning: {block.text}", width, hanging="         ")
    if isinstance(block, BulletList):
        return [line for item in block.items for line in _wrap(item, width, "  - ", "    ")]
    if isinstance(block, BarChart):
        return _bars(block, width)
    if isinstance(block, Facts):
        return [line for label, value in block.rows for line in _wrap(f"{label}: {value}", width, hanging="    ")]
    return _table(block, width)


def _bars(chart: BarChart, width: int) -> list[str]:
    """Figures first, then a bar of # marks: the figures are what a screen reader needs."""
    lines: list[str] = []
    room = max(10, width - 36)
    for bar in chart.bars:
        lines += _wrap(f"{bar.label}: {bar.amount} ({bar.percent})", width)
        lines.append("  " + "#" * bar.cells(room) if bar.cells(room) else "  (none)")
    return lines


def render_table(table: Table, width: int = 78) -> str:
    """A table on its own, as aligned columns, or one record per row when it is too wide."""
    return "\n".join(_table(table, width)) + "\n"


def _table(table: Table, width: int) -> list[str]:
    shown = table.with_numbers()
    if _too_wide(shown, width):
        return _records(table, width)  # Numbered by record, so not by column.
    table = shown
    rows = table.rows + table.totals
    widths = [max(len(cell) for cell in column) for column in zip(table.headers, *rows, strict=True)]

    def line(cells: list[str]) -> str:
        padded = [
            cell.rjust(w) if n in table.numeric else cell.ljust(w)
            for n, (cell, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * w for w in widths)
    out = [line(table.headers), rule, *(line(row) for row in table.rows)]
    if table.totals:
        out += [rule, *(line(row) for row in table.totals)]
    return out


def _too_wide(table: Table, width: int) -> bool:
    rows = table.rows + table.totals
    widths = [max(len(cell) for cell in column) for column in zip(table.headers, *rows, strict=True)]
    return sum(widths) + 2 * (len(widths) - 1) > width or any("\n" in cell for row in rows for cell in row)


def _records(table: Table, width: int) -> list[str]:
    out: list[str] = []
    for number, row in enumerate(table.rows, 1):
        out += _wrap(f"{number}. {row[0]}", width)
        for header, cell in zip(table.headers[1:], row[1:], strict=True):
            if cell:
                out += _wrap(f"{header}: {cell}", width, "   ", "       ")
    if table.totals:
        out.append("")
    for label, *rest in table.totals:
        out += _wrap(f"{label}: {' '.join(cell for cell in rest if cell)}", width)
    return out
