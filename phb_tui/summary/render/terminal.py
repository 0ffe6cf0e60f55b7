"""Rich renderables for the app's Summary screen.

Warnings are words in a bordered box, not just a colour, so the screen reads the same with
NO_COLOR or on a monochrome terminal. Every piece of the plan's text goes in through `as_written`: a
plain string in a Rich table is read as markup, so a person's "[...]" would vanish or stop the app.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, ConsoleOptions, Group, JustifyMethod, RenderableType, RenderResult
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
        # On a narrow screen the bars are cropped, never the words or the amounts.
        chart.add_column(ratio=2, min_width=12, overflow="fold")
        chart.add_column(justify="right", no_wrap=True)
        chart.add_column(ratio=3, no_wrap=True, overflow="crop")
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
    return _FittedTable(table.with_numbers())


_READABLE = 12
"""Wide enough for most words a person writes in a table cell, so they are rarely broken."""


class _FittedTable:
    """A table laid out for the width it is given: figures are never cut or broken, text gives way.

    Rich shares out a narrow width by its own rules, which at 80 columns cut "£15,080.00" to
    "£15,08…". Here each figure column is at least as wide as its longest word (an amount is one
    word), wider if there is room, and the text columns share what is left, wrapping between words.
    """

    def __init__(self, table: Table):
        self.table = table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = self.table
        rows = [*table.rows, *table.totals]
        count = len(table.headers)
        natural = [
            max(len(line) for text in [header, *(row[n] for row in rows)] for line in text.splitlines() or [""])
            for n, header in enumerate(table.headers)
        ]
        words = [
            max(len(word) for text in [header, *(row[n] for row in rows)] for word in text.split() or [""])
            for n, header in enumerate(table.headers)
        ]
        fixed = {n for n in range(count) if n in table.numeric or (n == 0 and table.headers[0] == "No.")}
        heading_words = [max(len(word) for word in header.split() or [""]) for header in table.headers]
        least = [words[n] if n in fixed else min(natural[n], max(6, heading_words[n])) for n in range(count)]
        room = options.max_width - 2 * (count - 1)  # Two spaces between columns, none at the edges.
        if sum(least) > room:  # Too narrow for the columns: each row as a short record instead.
            yield from self._records(table)
            return
        widths = least[:]
        text = [n for n in range(count) if n not in fixed]
        # Text to a readable width first, then figures to one line each, then text to its own.
        for group, cap in ((text, _READABLE), (sorted(fixed), None), (text, None)):
            spare = room - sum(widths)
            wanted = {n: min(natural[n], cap or natural[n]) - widths[n] for n in group}
            wanted = {n: want for n, want in wanted.items() if want > 0}
            total = sum(wanted.values())
            if spare <= 0 or not total:
                continue
            share = {n: min(want, spare * want // total) for n, want in wanted.items()}
            leftover = spare - sum(share.values())
            for n in sorted(wanted, key=lambda n: share[n] - wanted[n]):  # Rounding's few columns.
                extra = min(wanted[n] - share[n], leftover)
                share[n] += extra
                leftover -= extra
            for n, given in share.items():
                widths[n] += given
        rich_table = RichTable(
            show_footer=False, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0)
        )
        for n, header in enumerate(table.headers):
            justify: JustifyMethod = "right" if n in table.numeric else "left"
            rich_table.add_column(as_written(header), justify=justify, width=widths[n], overflow="fold")
        for number, row in enumerate(table.rows):
            rich_table.add_row(*map(as_written, row), end_section=number == len(table.rows) - 1)
        for row in table.totals:
            rich_table.add_row(*map(as_written, row), style="bold")
        yield rich_table

    @staticmethod
    def _records(table: Table) -> RenderResult:
        """Each row as "heading: value" lines, wrapping as prose does, figures whole."""
        numbered = table.headers[0] == "No."
        for row in [*table.rows, *table.totals]:
            pairs = list(zip(table.headers, row, strict=True))[1 if numbered else 0 :]
            cells = " · ".join(f"{header}: {cell}" for header, cell in pairs if cell)
            number = f"{row[0]}. " if numbered and row[0] else ""
            yield as_written(number + cells, "bold" if row in table.totals else "")
