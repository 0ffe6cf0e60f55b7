"""A plain document structure: what a summary says, independent of how it is shown.

Renderers in `render/` turn it into text, Markdown, HTML or Rich. Keeping the content here means
every output says the same thing, and the plain-text one (what screen readers get) is never a
lesser copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Subheading:
    """A heading inside a section, such as one outcome; screen readers can jump between them."""

    text: str


@dataclass(frozen=True)
class Facts:
    """Label and value pairs, such as "Name: Daniel Price"."""

    rows: list[tuple[str, str]]


@dataclass(frozen=True)
class BulletList:
    items: list[str]


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    numeric: frozenset[int] = frozenset()
    """Column positions holding amounts, aligned right."""
    totals: list[list[str]] = field(default_factory=list)
    """Rows shown after a rule, for totals."""
    numbered: bool = False
    """Rows are numbered from 1, so the text can refer to "item 3"."""

    def with_numbers(self) -> Table:
        """The table with its numbers as a first column, for layouts that show columns."""
        if not self.numbered:
            return self
        return Table(
            ["No.", *self.headers],
            [[str(n), *row] for n, row in enumerate(self.rows, 1)],
            frozenset(n + 1 for n in self.numeric),
            [["", *row] for row in self.totals],
        )


@dataclass(frozen=True)
class Bar:
    label: str
    amount: str
    share: Decimal
    """Of the whole, usually 0 to 1; the amount and percentage are always written out too."""

    @property
    def percent(self) -> str:
        return f"{(self.share * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)}%"

    def cells(self, width: int) -> int:
        """How many character cells (or percent of a line) the bar fills, capped at `width`.

        Anything above nothing shows at least one cell, so a small amount never looks like none.
        """
        if self.share <= 0:
            return 0
        return max(1, int(min(self.share, Decimal(1)) * width))


@dataclass(frozen=True)
class BarChart:
    """Bars for reading at a glance; the words and figures beside them carry the meaning."""

    bars: list[Bar]


@dataclass(frozen=True)
class Alert:
    """Something the reader must not miss: it is labelled in words, never by colour alone."""

    text: str


@dataclass(frozen=True)
class Picture:
    """A picture beside an idea, in easy read; the words beside it carry the meaning on their own.

    As a section's first block it is shown beside the rest, where a format can show pictures.
    """

    symbol: str
    """Our name for it, such as "money": `pictures.SYMBOLS` says which drawing that is."""
    alt: str
    """What it shows, in words, for people who cannot see it."""


Block = Paragraph | Subheading | Facts | BulletList | Table | BarChart | Alert | Picture


@dataclass(frozen=True)
class Section:
    title: str
    blocks: list[Block]
    level: int = 2
    keep_together: bool = False
    """On paper, start a new page rather than split it (the sign-off and its signature lines)."""
    key: str = ""
    """Which section of the summary this is ("money", "sign-off"; see `sections.SECTION_TITLES`),
    for a layout to find it by; blank for documents no layout arranges (easy read, a variation)."""


@dataclass(frozen=True)
class Document:
    title: str
    notices: list[str]
    sections: list[Section]
    byline: list[str] = field(default_factory=list)
    """Lines under the title: whose plan it is, and when and from which revision it was prepared."""
    running_head: str = ""
    """Whose plan it is, in one line, for the top of every printed page."""
    easy_read: bool = False
    """Written in easy read: a page shows it in larger type, with more space between lines."""
    prepared: date | None = None
    """The day it was prepared, for formats that record their own date (a PDF's creation date)."""
