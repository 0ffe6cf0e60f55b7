"""A single self-contained HTML page that prints cleanly on A4.

Everything is inline: no fonts, scripts, images or links to fetch, so it opens offline and leaks
nothing. Every piece of plan text is escaped, so nothing a person typed can run as code. The easy
read's pictures are drawn inline too, as SVG rebuilt from an allow-list (see `pictures`), each
labelled for screen readers; an idea with a picture is two columns, the picture left of its words.

Long text with no spaces (a web address, say) breaks to fit the page rather than running off the
edge of the paper. Everywhere, a word too long for its line is broken (`overflow-wrap: break-word`).
A table column is as wide as its longest word, though, so a table cell holding a very long word
is marked `long` and may break anywhere, which lets its column narrow; other cells keep their
words whole, so short headings such as "No." and "Outcome" are never split between lines.
"""

from __future__ import annotations

import re
from html import escape

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

_LONG_WORD = re.compile(r"\S{21,}")
"""More characters without a space than a narrow column holds: a web address, an email, a pasted code."""

_STYLE = """
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45;
       color: #111; max-width: 48em; margin: 2em auto; padding: 0 1em;
       overflow-wrap: break-word; }
h1 { font-size: 18pt; margin-bottom: 0.2em; }
h2 { font-size: 13pt; border-bottom: 1px solid #444; margin-top: 1.6em; }
h3 { font-size: 11pt; margin: 1.2em 0 0.3em; }
dl { display: grid; grid-template-columns: minmax(9em, 14em) minmax(0, 1fr); gap: 0.2em 1em; }
dt { font-weight: bold; }
dd { margin: 0; white-space: pre-wrap; }
p, li { white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; }
th, td { border: 1px solid #666; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.long, th.long { overflow-wrap: anywhere; word-break: break-word; }
tr.total td { font-weight: bold; }
tr.first-total td { border-top: 2px solid #000; }
.alert { border: 2px solid #000; padding: 0.4em 0.6em; }
.bars { margin: 0.6em 0; }
.bar-row { margin: 0.3em 0; }
.bar-label { display: block; }
.bar { display: block; height: 0.7em; min-width: 1px; border: 1px solid #000; background: #555;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.notice { border: 1px dashed #000; padding: 0.4em 0.6em; }
.byline { margin-top: 0; }
@page { size: A4; margin: 20mm 15mm;
        @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, Helvetica, sans-serif; } }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2, h3 { break-after: avoid; }
  h3 + dl { break-before: avoid; }
  table, dl, .alert, section.keep { break-inside: avoid; }
  tr { break-inside: avoid; }
  tr.first-total { break-before: avoid; }
}
"""


_EASY_READ = """
body { font-size: 16pt; line-height: 1.7; max-width: 34em; }
h1 { font-size: 24pt; }
h2 { font-size: 19pt; border-bottom: none; }
p, li { margin: 0.5em 0; }
section.idea { display: grid; grid-template-columns: 3.5cm minmax(0, 1fr); column-gap: 1.2em;
               grid-template-areas: "picture heading" "picture words"; align-items: start; margin-top: 1.6em; }
section.idea > h2 { grid-area: heading; margin-top: 0; }
section.idea > .picture { grid-area: picture; }
section.idea > .words { grid-area: words; }
.picture svg { display: block; width: 3.5cm; height: 3.5cm; }
.credit { font-size: 11pt; margin-top: 2em; }
@media print { section.idea { grid-template-columns: 3cm minmax(0, 1fr); } .picture svg { width: 3cm; height: 3cm; } }
"""
"""Easy read: larger type, more space, no rules to follow across the page, a picture beside each idea."""


def render_html(document: Document) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(document.title)}</title>",
        f"<style>{_STYLE}{_EASY_READ if document.easy_read else ''}{_running_head(document.running_head)}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(document.title)}</h1>",
    ]
    if document.byline:
        parts.append(f'<p class="byline">{"<br>".join(escape(line) for line in document.byline)}</p>')
    parts += [f'<p class="notice"><strong>Note:</strong> {escape(n)}</p>' for n in document.notices]
    drawn = [_section(section) for section in document.sections]
    parts += [html for html, _ in drawn]
    if any(pictured for _, pictured in drawn):
        parts.append(f'<p class="credit">{escape(CREDIT)}</p>')
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _section(section: Section) -> tuple[str, bool]:
    """The section, and whether it has a picture: then the picture goes beside the heading and
    words. In the page the heading comes first, so a screen reader meets the question, then the
    picture's words, then the answer."""
    level = min(max(section.level, 2), 6)
    heading = f"<h{level}>{escape(section.title)}</h{level}>"
    blocks = section.blocks
    drawing = svg_for(blocks[0]) if blocks and isinstance(blocks[0], Picture) else None
    classes = " ".join(["idea"] * (drawing is not None) + ["keep"] * section.keep_together)
    parts = [f'<section class="{classes}">' if classes else "<section>", heading]
    if drawing is None:
        parts += [shown for shown in map(_block, blocks) if shown]
    else:
        parts += [f'<div class="picture">{drawing}</div>', '<div class="words">', *map(_block, blocks[1:]), "</div>"]
    return "\n".join([*parts, "</section>"]), drawing is not None


def _running_head(text: str) -> str:
    """Whose plan it is at the top of every printed page, so a loose page two is never anonymous."""
    if not text:
        return ""
    lines = " white-space: pre;" if "\n" in text else ""  # An ICB's header line above whose plan it is.
    return f"@page {{ @top-left {{ content: {css_string(text)}; font: 9pt Arial, Helvetica, sans-serif;{lines} }} }}\n"


def css_string(text: str) -> str:
    """A CSS string that shows `text` as written and cannot end the string, the rule or the page.

    Everything but plain letters, digits, spaces and a few marks is written as a CSS escape, so
    quotes, backslashes, line breaks and a "</style>" in a person's name stay text.
    """
    safe = "".join(
        char if (char.isalnum() and char.isascii()) or char in " .,:'-" else f"\\{ord(char):x} " for char in text
    )
    return f'"{safe}"'


def _block(block: Block) -> str:
    if isinstance(block, Picture):
        drawing = svg_for(block)  # A picture that is not beside an idea stands on its own.
        return f'<div class="picture">{drawing}</div>' if drawing else ""
    if isinstance(block, Paragraph):
        return f"<p>{escape(block.text)}</p>"
    if isinstance(block, Subheading):
        return f"<h3>{escape(block.text)}</h3>"
    if isinstance(block, Alert):
        return f'<p class="alert"><strong>Warning:</strong> {escape(block.text)}</p>'
    if isinstance(block, BulletList):
        return "<ul>\n" + "\n".join(f"<li>{escape(item)}</li>" for item in block.items) + "\n</ul>"
    if isinstance(block, BarChart):
        rows = "\n".join(
            f'<div class="bar-row"><span class="bar-label">{escape(bar.label)}: {escape(bar.amount)} ({bar.percent})</span>'
            f'<span class="bar" style="width: {bar.cells(100)}%"></span></div>'
            for bar in block.bars
        )
        return f'<div class="bars">\n{rows}\n</div>'
    if isinstance(block, Facts):
        rows = "\n".join(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in block.rows)
        return f"<dl>\n{rows}\n</dl>"
    return _table(block)


def _table(table: Table) -> str:
    table = table.with_numbers()

    def kind(n: int, cell: str) -> str:
        if n in table.numeric:
            return ' class="num"'
        return ' class="long"' if _LONG_WORD.search(cell) else ""

    def cells(row: list[str], tag: str) -> str:
        scope = ' scope="col"' if tag == "th" else ""
        return "".join(f"<{tag}{scope}{kind(n, cell)}>{escape(cell)}</{tag}>" for n, cell in enumerate(row))

    head = f"<thead><tr>{cells(table.headers, 'th')}</tr></thead>"
    body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in table.rows)
    # Totals are the last rows of the body, not a <tfoot>: a browser prints a <tfoot> again at
    # every page break, where it would stand under lines that do not add up to it.
    totals = "".join(
        f'<tr class="total{" first-total" if n == 0 else ""}">{cells(row, "td")}</tr>'
        for n, row in enumerate(table.totals)
    )
    return f"<table>\n{head}\n<tbody>{body}{totals}</tbody>\n</table>"
