"""A PDF of a summary, made by PHB Planner itself: no browser, no system libraries, A4 pages.

fpdf2 makes it: pure Python, installed from wheels alone on Linux, macOS and Windows (ReportLab's
open-source toolkit cannot tag or reorder right-to-left text without C extras; WeasyPrint needs
the Pango libraries from the system). Its optional `uharfbuzz` joins Arabic letters as they are
written; without it the letters stand apart but are still there and in order.

What a reviewer needs from paper, and a screen reader from the file: real text, to select and
have read aloud, in fonts embedded in the file (see `pdf_fonts`); whose plan it is and "Page X of
Y" on every page; an outline of the sections to jump between; tables whose header row comes
again on each new page and whose totals come once, at the end; warnings labelled in words; bars
whose words and figures say everything the bar shows. fpdf2 puts only pictures and links in a
structure tree, so headings and tables are not tagged: marking some text and not the rest would
hide the rest from readers that follow the tags, so nothing is marked and readers take the text
in the order it is written, which is the reading order.

The same document always makes the same bytes (its creation date is the day it was prepared, never
read from the clock), so a copy can be compared with the last.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import cast

from fpdf import FPDF, FontFace, ViewerPreferences, XPos, YPos
from fpdf.enums import MethodReturnValue, PageMode
from fpdf.errors import FPDFException

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
from ..pictures import CREDIT, svg_for
from .pdf_fonts import SHIPPED_BOLD, SHIPPED_REGULAR, FontChoice, choose_fonts, shipped_font
from .pdf_text import BREAKS, COMPLEX, HYPHEN, clean, strings, words_of

__all__ = ["render_pdf"]

_FONT = "body"
_PAGES = "\x1fpages\x1f"
"""Where the number of pages goes once it is known; `_clean` takes control characters out of
the plan's words, so nothing a person typed can be mistaken for it."""
_UNDATED = date(2000, 1, 1)
"""The creation date of a document that says no date of its own: fixed, so it never reads the clock."""
_PICTURE = 28.0
"""The side of a picture beside an idea, in millimetres (3 cm in the HTML's print)."""
_CODES_LISTED = 12
"""Characters no font shows, named by their Unicode numbers at the top: enough to look a few up."""
_MM_PER_PT = 25.4 / 72
_PADDING = 1.2
"""Space inside a table's cells, in millimetres."""
_BOX = 2.0
"""Space inside the box around a note or a warning."""


@dataclass(frozen=True)
class _Type:
    """Sizes in points, and the space between lines as a multiple of the size."""

    body: float
    leading: float
    title: float
    heading: float
    subheading: float
    margins: float
    """Header and footer: smaller than the body, never small."""


_STANDARD = _Type(body=11, leading=1.4, title=20, heading=15, subheading=12.5, margins=10)
_EASY_READ = _Type(body=16, leading=1.7, title=26, heading=20, subheading=17, margins=12)
"""Easy read: larger type and more space, as its HTML has."""


def render_pdf(document: Document) -> bytes:
    """The document as a PDF file's bytes."""
    choice = choose_fonts("".join(strings(document)))
    pages = _Pages(document.running_head or document.title, _EASY_READ if document.easy_read else _STANDARD, choice)
    pages.set_title(clean(document.title))
    pages.set_lang("en-GB")
    pages.set_creator("PHB Planner")
    pages.set_creation_date(datetime.combine(document.prepared or _UNDATED, time(12), tzinfo=UTC))
    pages.viewer_preferences = ViewerPreferences(display_doc_title=True)
    pages.page_mode = PageMode.USE_OUTLINES
    pages.add_page()
    pages.front(document)
    for section in document.sections:
        pages.section(section)
    if pages.pictured:
        pages.paragraph(CREDIT)
    return bytes(pages.output())


class _Pages(FPDF):
    """A4 pages that say whose plan they belong to, and which page of how many each is."""

    def __init__(self, head: str, kind: _Type, choice: FontChoice) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.head = clean(head)
        self.kind = kind
        self.choice = choice
        self.pictured = False
        self.set_margins(18, 26, 18)
        self.set_auto_page_break(True, margin=20)
        self.add_font(_FONT, "", shipped_font(SHIPPED_REGULAR))
        self.add_font(_FONT, "B", shipped_font(SHIPPED_BOLD))
        fallbacks: list[str] = []
        for number, font in enumerate(choice.fallbacks):
            name = f"fallback{number}"
            try:
                self.add_font(name, "", font.path, collection_font_number=font.face)
            except (FPDFException, OSError, ValueError, KeyError, AssertionError):
                continue  # A font the computer has but fpdf2 cannot read: the next one may do.
            fallbacks.append(name)
        if fallbacks:
            self.set_fallback_fonts(fallbacks, exact_match=False)
        self.can_shape = True
        try:
            self.set_text_shaping(True)
        except FPDFException:
            self.can_shape = False  # uharfbuzz is missing: Arabic letters are drawn unjoined, but all of them.
        self.set_text_shaping(False)
        self.alias_nb_pages(_PAGES)

    @contextmanager
    def shaping(self, texts: Iterable[str]) -> Iterator[None]:
        """Letters joined and placed by HarfBuzz, only for text in a script that needs it: it makes
        breaking lines ten times slower, and Latin, Greek, Cyrillic and Chinese look the same without."""
        before = self.text_shaping
        if self.can_shape:
            self.set_text_shaping(any(COMPLEX.search(text) for text in texts))
        try:
            yield
        finally:
            self.text_shaping = before

    def tidy(self, text: str) -> str:
        """Text ready to draw: no control characters, and □ for what no font here shows."""
        text = clean(text)
        for char in self.choice.unshown:
            text = text.replace(char, "□")
        return text

    def header(self) -> None:
        self.set_font(_FONT, "", self.kind.margins)
        self.set_xy(self.l_margin, 10)
        with self.shaping([self.head]):
            self.lines(self.tidy(self.head), self._line(self.kind.margins))
        self.set_draw_color(90)
        self.set_line_width(0.3)
        self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
        self.set_y(max(self.t_margin, self.get_y() + 6))

    def footer(self) -> None:
        self.set_font(_FONT, "", self.kind.margins)
        self.set_y(-14)
        self.cell(0, self._line(self.kind.margins), f"Page {self.page_no()} of {_PAGES}", align="R")

    # The document, front to back.

    def front(self, document: Document) -> None:
        with self.shaping([document.title, *document.byline, *document.notices]):
            self._front(document)

    def _front(self, document: Document) -> None:
        self.set_font(_FONT, "B", self.kind.title)
        self.lines(self.tidy(document.title), self._line(self.kind.title))
        self.ln(2)
        for line in document.byline:
            self.paragraph(line)
        if self.choice.unshown:
            shown = self.choice.unshown[:_CODES_LISTED]
            codes = ", ".join(f"U+{ord(char):04X}" for char in shown)
            if more := len(self.choice.unshown) - len(shown):
                codes += f" and {more} more"
            self.boxed(
                "Note",
                f"This computer has no font for some of the writing in this plan ({codes}), "
                "so each of those characters is shown here as □. The plain-text summary shows them all.",
            )
        for notice in document.notices:
            self.boxed("Note", notice)

    def section(self, section: Section) -> None:
        if section.keep_together and self.get_y() > self.t_margin + 1:
            height = _height_alone(self, section)
            if height is not None and self.will_page_break(height):
                self.add_page()
        level = max(0, section.level - 2)
        blocks = section.blocks
        drawing = svg_for(blocks[0]) if blocks and isinstance(blocks[0], Picture) else None
        with self.shaping([section.title]):
            self.heading(
                section.title,
                self.kind.heading if level == 0 else self.kind.subheading,
                level,
                rule=level == 0,
                room=_PICTURE + 12 if drawing else 0,
            )
        if drawing is None or not isinstance(blocks[0], Picture):
            for block in blocks:
                self.block(block, level)
            return
        left, (bottom, page) = self.l_margin, self.picture(blocks[0], drawing)
        self.set_left_margin(left + _PICTURE + 6)  # The words beside the picture, as in easy read's HTML.
        self.set_xy(self.l_margin, bottom - self._picture_height(blocks[0]))
        for block in blocks[1:]:
            self.block(block, level)
        self.set_left_margin(left)
        self.set_x(left)
        if self.page == page:
            self.set_y(max(self.get_y(), bottom + self._gap()))

    def picture(self, picture: Picture, drawing: str) -> tuple[float, int]:
        """The picture and, under it, what it shows in words (read after the heading, before the
        words beside it). It is drawn, not tagged: fpdf2 could tag pictures alone, and a file with
        some parts tagged hides the untagged rest from readers that follow the tags. Returns where
        the words under it end, and on which page."""
        if self.will_page_break(self._picture_height(picture)):
            self.add_page()
        top = self.get_y()
        self.image(io.BytesIO(drawing.encode()), x=self.l_margin, y=top, w=_PICTURE, h=_PICTURE)
        self.pictured = True
        self.set_xy(self.l_margin, top + _PICTURE + 1)
        self.set_font(_FONT, "", self.kind.margins)
        self.multi_cell(_PICTURE, self._line(self.kind.margins), self.tidy(picture.alt), align="C")
        return self.get_y(), self.page

    def _picture_height(self, picture: Picture) -> float:
        self.set_font(_FONT, "", self.kind.margins)
        return _PICTURE + 1 + self._count_lines(_PICTURE, self.tidy(picture.alt)) * self._line(self.kind.margins)

    def block(self, block: Block, level: int) -> None:
        with self.shaping(strings(block)):
            self._block(block, level)

    def _block(self, block: Block, level: int) -> None:
        if isinstance(block, Paragraph):
            self.paragraph(block.text)
        elif isinstance(block, Subheading):
            self.heading(block.text, self.kind.subheading, level + 1, rule=False)
        elif isinstance(block, Alert):
            self.boxed("Warning", block.text)
        elif isinstance(block, BulletList):
            self.bullets(block.items)
        elif isinstance(block, Facts):
            for label, value in block.rows:
                self.labelled(label, value)
            self.ln(self._gap())
        elif isinstance(block, BarChart):
            self.bars(block)
        elif isinstance(block, Table):
            self.table_or_records(block)
        elif isinstance(block, Picture):
            if drawing := svg_for(block):  # A picture not beside an idea stands on its own.
                self.set_y(self.picture(block, drawing)[0] + self._gap())
        else:
            self.paragraph(words_of(block))

    # Pieces.

    def heading(self, text: str, size: float, outline_level: int, rule: bool, room: float = 0) -> None:
        """A heading, never alone at the foot of a page (nor apart from the `room` its picture
        needs), and an entry in the outline to jump to it."""
        height = self._line(size) * 2 + max(self._line(self.kind.body) * 3, room)
        if self.will_page_break(height + 6):
            self.add_page()
        elif self.get_y() > self.t_margin + 1:
            self.ln(self._line(self.kind.body) * (0.9 if rule else 0.5))
        self.start_section(self.tidy(text), level=outline_level, strict=False)
        self.set_font(_FONT, "B", size)
        self.lines(self.tidy(text), self._line(size) * 0.95)
        if rule:
            self.set_draw_color(60)
            self.set_line_width(0.4)
            self.line(self.l_margin, self.get_y() + 0.8, self.w - self.r_margin, self.get_y() + 0.8)
            self.ln(2)
        self.ln(1.5)

    def lines(self, text: str, height: float) -> None:
        """Text from the left margin across the page, ragged on the right (even gaps between words
        read more easily than justified lines), leaving the next line below it."""
        self.multi_cell(0, height, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def paragraph(self, text: str) -> None:
        self.set_font(_FONT, "", self.kind.body)
        self.lines(self.tidy(text), self._line())
        self.ln(self._gap())

    def labelled(self, label: str, value: str) -> None:
        """ "Label: value", the label in bold, as it reads aloud and as the text summary writes it."""
        self.set_font(_FONT, "B", self.kind.body)
        self.write(self._line(), f"{self.tidy(label)}: ")
        self.set_font(_FONT, "", self.kind.body)
        self.write(self._line(), self.tidy(value))
        self.ln(self._line())
        self.ln(self._gap() / 3)

    def boxed(self, word: str, text: str) -> None:
        """A note or a warning, said in words ("Warning:") and drawn in a box, kept on one page if it fits."""
        self.set_font(_FONT, "B", self.kind.body)
        inner = self.epw - 2 * _BOX
        height = self._count_lines(inner, f"{word}: {self.tidy(text)}") * self._line() + 2 * _BOX
        if self.will_page_break(height) and height < self.page_break_trigger - self.t_margin:
            self.add_page()
        top, page = self.get_y(), self.page
        self.set_left_margin(self.l_margin + _BOX)
        self.set_right_margin(self.r_margin + _BOX)
        self.set_xy(self.l_margin, top + _BOX)
        self.labelled(word, text)
        self.set_left_margin(self.l_margin - _BOX)
        self.set_right_margin(self.r_margin - _BOX)
        bottom = self.get_y() + _BOX - self._gap() / 3
        if self.page == page:
            self.set_draw_color(0)
            self.set_line_width(0.7)
            self.rect(self.l_margin, top, self.epw, bottom - top)
        self.set_xy(self.l_margin, bottom + self._gap())

    def bullets(self, items: list[str]) -> None:
        indent = self.kind.body * _MM_PER_PT * 1.4
        self.set_font(_FONT, "", self.kind.body)
        for item in items:
            if self.will_page_break(self._line()):
                self.add_page()
            self.cell(indent, self._line(), "•")
            self.set_left_margin(self.l_margin + indent)
            self.lines(self.tidy(item), self._line())
            self.set_left_margin(self.l_margin - indent)
            self.set_x(self.l_margin)
            self.ln(self._gap() / 3)
        self.ln(self._gap() * 2 / 3)

    def bars(self, chart: BarChart) -> None:
        """Each bar's words and figures first; the bar under them only shows what they say."""
        start = self.l_margin + self.c_margin  # In line with the words above it.
        length = self.epw * 0.7
        for bar in chart.bars:
            if self.will_page_break(self._line() * 2 + 4):
                self.add_page()
            self.set_font(_FONT, "", self.kind.body)
            self.lines(self.tidy(f"{bar.label}: {bar.amount} ({bar.percent})"), self._line())
            top = self.get_y() + 0.5
            self.set_draw_color(0)
            self.set_line_width(0.2)
            self.rect(start, top, length, 3)
            if filled := bar.cells(100):
                self.set_fill_color(80)
                self.rect(start, top, length * filled / 100, 3, style="F")
                self.set_fill_color(255)
            self.set_y(top + 3 + self._gap())
        self.ln(self._gap())

    def table_or_records(self, table: Table) -> None:
        """The table with its header row on every page it reaches and its totals once, in bold, at
        the end, in type a little smaller if that lets every word fit its column; or, when the
        words will not fit the page's width, or a row not on one page, each row as a record."""
        shown = table.with_numbers()
        for size in (self.kind.body, self.kind.body - 1, self.kind.body - 1.5):
            widths = self._widths(shown, size)
            if widths and self._tallest_row(shown, widths, size) < (self.page_break_trigger - self.t_margin) / 2:
                self._table(shown, widths, size)
                return
        self.records(table)

    def _table(self, table: Table, widths: list[float], size: float) -> None:
        line = self._line(size) * 0.92
        if self.will_page_break(4 * line + 4 * _PADDING):
            self.add_page()
        self.set_font(_FONT, "", size)
        self.set_fill_color(255)
        with self.table(
            col_widths=tuple(widths),
            text_align=tuple("RIGHT" if n in table.numeric else "LEFT" for n in range(len(table.headers))),
            headings_style=FontFace(emphasis="BOLD", fill_color=(225, 225, 225)),
            line_height=line,
            padding=_PADDING,
            width=self.epw,
            align="LEFT",
            v_align="TOP",
            repeat_headings=1,
        ) as drawn:
            drawn.row(self._cells(table, table.headers))
            for row in table.rows:
                drawn.row(self._cells(table, row))
            for row in table.totals:
                drawn.row(self._cells(table, row), style=FontFace(emphasis="BOLD"))
        self.ln(self._gap() * 1.5)

    def records(self, table: Table) -> None:
        for number, row in enumerate(table.rows, 1):
            self.set_font(_FONT, "B", self.kind.body)
            self.lines(self.tidy(f"{number}. {row[0]}"), self._line())
            for header, cell in zip(table.headers[1:], row[1:], strict=True):
                if cell:
                    self.labelled(header, cell)
            self.ln(self._gap())
        for label, *rest in table.totals:
            self.labelled(label, " ".join(cell for cell in rest if cell))
        self.ln(self._gap())

    # Measures.

    def _line(self, size: float | None = None) -> float:
        """The height of a line of text in millimetres."""
        return (size or self.kind.body) * _MM_PER_PT * self.kind.leading

    def _gap(self) -> float:
        """The space after a paragraph."""
        return self.kind.body * _MM_PER_PT * (0.7 if self.kind is _STANDARD else 1.0)

    def _widths(self, table: Table, size: float) -> list[float]:
        """Each column as wide as its longest line where the page allows; where it does not, no
        narrower than its longest word (so no figure is ever split), sharing the rest by how much
        each column has to say. Nothing when the longest words alone are wider than the page."""
        bold = [table.headers, *table.totals]
        rows = [*((row, "B") for row in bold), *((row, "") for row in table.rows)]
        natural = [0.0] * len(table.headers)
        least = [0.0] * len(table.headers)
        for row, style in rows:
            self.set_font(_FONT, style, size)
            for n, text in enumerate(self._cells(table, row)):
                natural[n] = max(natural[n], *(self.get_string_width(line) for line in text.split("\n")))
                least[n] = max(least[n], *(self.get_string_width(word) for word in BREAKS.split(text)))
        pad = 2 * _PADDING + 2
        natural = [width + pad for width in natural]
        least = [width + pad for width in least]
        room = self.epw
        if sum(natural) <= room:
            return natural
        if sum(least) > room:
            return []
        spare = room - sum(least)
        wanting = sum(want - have for want, have in zip(natural, least, strict=True)) or 1
        return [have + spare * (want - have) / wanting for want, have in zip(natural, least, strict=True)]

    def _cells(self, table: Table, row: list[str]) -> list[str]:
        """A row's cells ready to draw; words may break after a hyphen ("Pressure-|relieving"), but
        amounts never break at all."""
        return [
            self.tidy(cell) if n in table.numeric else HYPHEN.sub("-\u200b", self.tidy(cell))
            for n, cell in enumerate(row)
        ]

    def _count_lines(self, width: float, text: str) -> int:
        """How many lines `text` takes in the current font, `width` millimetres wide."""
        return len(cast(list[str], self.multi_cell(width, 1, text, dry_run=True, output=MethodReturnValue.LINES)))

    def _tallest_row(self, table: Table, widths: list[float], size: float) -> float:
        self.set_font(_FONT, "", size)
        scale = self.epw / sum(widths)
        tallest = 0.0
        for row in [table.headers, *table.rows, *table.totals]:
            for cell, width in zip(self._cells(table, row), widths, strict=True):
                lines = self._count_lines(width * scale - 2 * _PADDING, cell)
                tallest = max(tallest, lines * self._line(size) + 2 * _PADDING)
        return tallest


def _height_alone(pages: _Pages, section: Section) -> float | None:
    """How tall `section` is on a page of its own, or None if it needs more than one page anyway."""
    probe = _Pages(pages.head, pages.kind, pages.choice)
    probe.add_page()
    top = probe.get_y()
    probe.section(dataclasses.replace(section, keep_together=False))
    return probe.get_y() - top if probe.page == 1 else None
