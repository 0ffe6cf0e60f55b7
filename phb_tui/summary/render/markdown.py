"""Markdown, for pasting into email, documents and shared notes."""

from __future__ import annotations

from ..document import Alert, BarChart, Block, BulletList, Document, Facts, Paragraph, Subheading, Table


def render_markdown(document: Document) -> str:
    lines = [f"# {_escape(document.title)}"]
    if document.byline:
        lines += ["", "  \n".join(_escape(line) for line in document.byline)]
    for notice in document.notices:
        lines += ["", f"> **Note:** {_escape(notice)}"]
    for section in document.sections:
        lines += ["", f"{'#' * section.level} {_escape(section.title)}"]
        for block in section.blocks:
            lines += ["", *_block(block)]
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    """Keep people's words as words: characters Markdown would act on are escaped."""
    escaped = "".join(f"\\{char}" if char in "\\`*_[]<>|#" else char for char in text)
    return escaped.replace("\n", "  \n")


def _block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [_escape(block.text)]
    if isinstance(block, Subheading):
        return [f"### {_escape(block.text)}"]
    if isinstance(block, Alert):
        return [f"> **Warning:** {_escape(block.text)}"]
    if isinstance(block, BulletList):
        return [f"- {_escape(item)}" for item in block.items]
    if isinstance(block, BarChart):
        return [
            f"- **{_escape(bar.label)}:** {_escape(bar.amount)} ({bar.percent}) `{'#' * bar.cells(30) or '-'}`"
            for bar in block.bars
        ]
    if isinstance(block, Facts):
        return [f"- **{_escape(label)}:** {_escape(value)}" for label, value in block.rows]
    return _table(block)


def _table(table: Table) -> list[str]:
    table = table.with_numbers()

    def row(cells: list[str], bold: bool = False) -> str:
        shown = [_escape(cell).replace("  \n", " ") for cell in cells]
        return "| " + " | ".join(f"**{cell}**" if bold and cell else cell for cell in shown) + " |"

    aligns = ["---:" if n in table.numeric else "---" for n in range(len(table.headers))]
    lines = [row(table.headers), "| " + " | ".join(aligns) + " |", *(row(r) for r in table.rows)]
    lines += [row(total, bold=True) for total in table.totals]
    return lines
