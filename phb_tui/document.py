"""A plain document structure: what a summary says, independent of how it is shown.

Renderers in `render/` turn it into text, Markdown, HTML or Rich. Keeping the content here means
every output says the same thing, and the plain-text one (what screen readers get) is never a
lesser copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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


@dataclass(frozen=True)
class Alert:
    """Something the reader must not miss: it is labelled in words, never by colour alone."""

    text: str


Block = Paragraph | Subheading | Facts | BulletList | Table | Alert


@dataclass(frozen=True)
class Section:
    title: str
    blocks: list[Block]
    level: int = 2
    keep_together: bool = False
    """On paper, start a new page rather than split it (the sign-off and its signature lines)."""


@dataclass(frozen=True)
class Document:
    title: str
    notices: list[str]
    sections: list[Section]
