"""Rich renderables for the app's Summary screen.

Warnings are words in a bordered box, not just a colour, so the screen reads the same with
NO_COLOR or on a monochrome terminal. Every piece of the plan's text goes in through `as_written`: a
plain string in a Rich table is read as markup, so a person's "[...]" would vanish or stop the app.
A terminal cannot draw the easy read's pictures, so they are left out; the words carry their meaning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial

from rich import box
from rich.console import Console, ConsoleOptions, Group, JustifyMethod, RenderableType, RenderResult
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table as RichTable
from rich.text import Text

from ...plain_text import as_written
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
from ..pictures import without_pictures


def render_rich(document: Document) -> RenderableType:
    return Group(*(part.renderable for part in render_parts(document)))


@dataclass(frozen=True)
class Part:
    """A short piece of the summary, and a quick guess at its height for a width, made without
    drawing it, so a screen knows roughly how long the whole is before drawing any of it. Its
    renderable is made when it is first drawn: a screen shows a few parts of a long summary."""

    make: Callable[[], RenderableType]
    guess: Callable[[int], int]

    @cached_property
    def renderable(self) -> RenderableType:
        return self.make()


def render_parts(document: Document) -> list[Part]:
    """The summary as a list of parts, none of them long, which stack into the whole.

    A big table is cut into runs of rows that share one layout, and a long list into runs of
    items, so a screen can draw only the parts in view and a plan of a thousand costs is no slower
    to show than one of ten.
    """
    parts = head_parts(document)
    for section in document.sections:
        parts += section_parts(section)
    return parts


def head_parts(document: Document) -> list[Part]:
    """The title, byline and notices: what comes before the first section."""
    parts = [Part(lambda: as_written(document.title, "bold underline"), _lines_of(document.title))]
    parts += [Part(partial(as_written, line), _lines_of(line)) for line in document.byline]
    parts += [Part(partial(_notice, notice), _lines_of(notice, inset=4, extra=2)) for notice in document.notices]
    return parts


def section_parts(section: Section) -> list[Part]:
    """One section's parts: a space, its heading, and each block followed by a space."""
    title = section.title
    parts = [_SPACE, Part(lambda: Rule(as_written(title, "bold"), align="left"), _one_line)]
    for block in without_pictures(section.blocks):
        if isinstance(block, Table):
            parts += [
                Part(partial(_same, run), run.estimated_height) for run in _FittedTable(block.with_numbers()).runs()
            ]
        elif isinstance(block, BulletList) and len(block.items) > RUN:
            runs = (BulletList(block.items[start : start + RUN]) for start in range(0, len(block.items), RUN))
            parts += [Part(partial(_block, run), _guess(run)) for run in runs]
        else:
            parts.append(Part(partial(_block, block), _guess(block)))
        parts.append(_SPACE)
    return parts


def _one_line(width: int) -> int:
    return 1


def _same(renderable: RenderableType) -> RenderableType:
    return renderable


def _notice(notice: str) -> RenderableType:
    return Panel(as_written(f"Note: {notice}"), expand=False)


_SPACE = Part(lambda: Text(""), _one_line)


def _lines_of(*texts: str, inset: int = 0, extra: int = 0) -> Callable[[int], int]:
    """Lines the texts take wrapped to the width less `inset`, one after another, plus `extra`."""

    def guess(width: int) -> int:
        return extra + sum(_wrapped(text, width - inset) for text in texts)

    return guess


def _facts_height(facts: Facts, width: int) -> int:
    """As the grid in `_block` shares the width: labels up to 32 wide, values the rest."""
    labels = max((len(label) for label, _ in facts.rows), default=0)
    label_width = min(32, labels, max(width // 2 - 1, 1))
    value_width = max(width - label_width - 2, 1)
    return sum(max(_wrapped(label, label_width), _wrapped(value, value_width)) for label, value in facts.rows)


def _wrapped(text: str, width: int) -> int:
    """Lines a text takes when wrapped between words at this width, long words broken."""
    width = max(width, 1)
    count = 0
    for line in text.splitlines() or [""]:
        count += 1
        used = 0
        for word in line.split():
            size = len(word)
            if used and used + 1 + size <= width:
                used += 1 + size
                continue
            if used:
                count += 1
            count += (size - 1) // width
            used = size % width or width
    return count


def _guess(block: Block) -> Callable[[int], int]:
    if isinstance(block, Paragraph | Subheading):
        return _lines_of(block.text)
    if isinstance(block, Alert):
        return _lines_of(f"Warning: {block.text}", inset=4, extra=2)
    if isinstance(block, BulletList):
        return _lines_of(*block.items, inset=3)
    if isinstance(block, BarChart):
        return lambda width: len(block.bars)
    if isinstance(block, Facts):
        return lambda width: _facts_height(block, width)
    return lambda width: 1


def render_blocks(blocks: list[Block]) -> RenderableType:
    """Some blocks on their own, for a screen that shows part of the summary (the spending chart)."""
    return Group(*(_block(block) for block in without_pictures(blocks)))


def _block(block: Block) -> RenderableType:
    if isinstance(block, Picture):
        return Text()
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
    return Group(*_FittedTable(table.with_numbers()).runs())


_READABLE = 12
"""Wide enough for most words a person writes in a table cell, so they are rarely broken."""


RUN = 20
"""Rows drawn together: few enough that drawing one run is quick, whatever the table's length."""


class _FittedTable:
    """A table laid out for the width it is given: figures are never cut or broken, text gives way.

    Rich shares out a narrow width by its own rules, which at 80 columns cut "£15,080.00" to
    "£15,08…". Here each figure column is at least as wide as its longest word (an amount is one
    word), wider if there is room, and the text columns share what is left, wrapping between words.
    The layout is worked out once for each width, from every row, so runs of rows line up.
    """

    def __init__(self, table: Table):
        self.table = table
        self.rows = [*table.rows, *table.totals]
        self._layouts: dict[int, list[int] | None] = {}

    def runs(self) -> list[_Run]:
        """The totals go with the last rows, so the rule above them is drawn."""
        starts = list(range(0, len(self.table.rows), RUN)) or [0]
        stops = [*starts[1:], len(self.rows)]
        return [_Run(self, start, stop) for start, stop in zip(starts, stops, strict=True)]

    def widths(self, width: int) -> list[int] | None:
        """Each column's width, or None when the columns do not fit and rows are shown as records."""
        if width not in self._layouts:
            self._layouts[width] = self._lay_out(width)
        return self._layouts[width]

    def _lay_out(self, width: int) -> list[int] | None:
        table, rows = self.table, self.rows
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
        room = width - 2 * (count - 1)  # Two spaces between columns, none at the edges.
        if sum(least) > room:  # Too narrow for the columns: each row as a short record instead.
            return None
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
        return widths


class _Run:
    """Rows `start` to `stop` of a fitted table; the first run has the headings, and the last the
    rule and the totals."""

    def __init__(self, fitted: _FittedTable, start: int, stop: int):
        self.fitted, self.start, self.stop = fitted, start, stop

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        fitted, table = self.fitted, self.fitted.table
        widths = fitted.widths(options.max_width)
        if widths is None:
            yield from self._records()
            return
        rich_table = RichTable(
            show_header=self.start == 0,
            show_footer=False,
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            padding=(0, 1, 0, 0),
        )
        for n, header in enumerate(table.headers):
            justify: JustifyMethod = "right" if n in table.numeric else "left"
            rich_table.add_column(as_written(header), justify=justify, width=widths[n], overflow="fold")
        last_row = len(table.rows) - 1
        for number in range(self.start, self.stop):
            row = fitted.rows[number]
            if number > last_row:
                rich_table.add_row(*map(as_written, row), style="bold")
            else:
                rich_table.add_row(*map(as_written, row), end_section=number == last_row)
        yield rich_table

    def estimated_height(self, width: int) -> int:
        """Each row as tall as its longest cell wrapped to its column, as if words never left gaps."""
        fitted = self.fitted
        widths = fitted.widths(width)
        rows = fitted.rows[self.start : self.stop]
        if widths is None:
            return sum(_wrapped(self._record(number), width) for number in range(self.start, self.stop))
        lines = sum(max(_wrapped(cell, w) for cell, w in zip(row, widths, strict=True)) for row in rows)
        headings = 2 if self.start == 0 else 0
        rule = 1 if self.stop > len(fitted.table.rows) else 0
        return lines + headings + rule

    def _records(self) -> RenderResult:
        """Each row as "heading: value" lines, wrapping as prose does, figures whole."""
        for number in range(self.start, self.stop):
            yield as_written(self._record(number), "bold" if number >= len(self.fitted.table.rows) else "")

    def _record(self, number: int) -> str:
        table = self.fitted.table
        numbered = table.headers[0] == "No."
        row = self.fitted.rows[number]
        pairs = list(zip(table.headers, row, strict=True))[1 if numbered else 0 :]
        cells = " · ".join(f"{header}: {cell}" for header, cell in pairs if cell)
        label = f"{row[0]}. " if numbered and row[0] else ""
        return label + cells
