"""Rich renderables for the app's Summary screen.

Warnings are words in a bordered box, not just a colour, so the screen reads the same with
NO_COLOR or on a monochrome terminal. Every piece of the plan's text goes in through `as_written`: a
plain string in a Rich table is read as markup, so a person's "[...]" would vanish or stop the app.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table as RichTable
from rich.text import Text

from ...plain_text import as_written
from ..document import Alert, BarChart, Block, BulletList, Document, Facts, Paragraph, Subheading, Table


def render_rich(document: Document) -> RenderableType:
    parts: list[RenderableType] = [as_written(document.title, "bold underline")]
    parts += [as_written(line) for line in document.byline]
    parts += [Panel(as_written(f"Note: {notice}"), expand=False) for notice in document.notices]
    for section in document.sections:
        parts += [Text(""), Rule(as_written(section.title, "bold"), align="left")]
        for block in section.blocks:
            parts += [_block(block), Text("")]
    return Group(*parts)


def render_blocks(blocks: list[Block]) -> RenderableType:
    """Some blocks on their own, for a screen that shows part of the summary (the spending chart)."""
    return Group(*(_block(block) for block in blocks))


def _block(block: Block) -> RenderableType:
    if isinstance(block, Paragraph):
        return as_written(block.text)
    if isinstance(block, Subheading):
        return as_written(block.text, "bold underline")
    if isinstance(block, Alert):
        return Panel(Text.assemble(("Warning: ", "bold"), block.text), border_style="bold", expand=False)
    if isinstance(block, BulletList):
        bullets = RichTable.grid(padding=(0, 1))
        bullets.add_column(width=2, justify="right")
        bullets.add_column(ratio=1)
        for item in block.items:
            bullets.add_row("•", as_written(item))  # Wrapped lines hang under the text, not the bullet.
        return bullets
    if isinstance(block, BarChart):
        chart = RichTable.grid(padding=(0, 1))
        chart.add_column(ratio=2)
        chart.add_column(justify="right", no_wrap=True)
        chart.add_column(ratio=3, no_wrap=True)
        for bar in block.bars:
            chart.add_row(
                as_written(bar.label), as_written(f"{bar.amount} ({bar.percent})"), "█" * bar.cells(30) or "-"
            )
        return chart
    if isinstance(block, Facts):
        grid = RichTable.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=False, max_width=32)
        grid.add_column(ratio=1)
        for label, value in block.rows:
            grid.add_row(as_written(label), as_written(value))
        return grid
    return _table(block)


def _table(table: Table) -> RenderableType:
    table = table.with_numbers()
    rich_table = RichTable(show_footer=False, expand=True)
    for number, header in enumerate(table.headers):
        rich_table.add_column(as_written(header), justify="right" if number in table.numeric else "left")
    for number, row in enumerate(table.rows):
        rich_table.add_row(*map(as_written, row), end_section=number == len(table.rows) - 1)
    for row in table.totals:
        rich_table.add_row(*map(as_written, row), style="bold")
    return rich_table
