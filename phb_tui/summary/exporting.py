"""An export, in any format: one place so the CLI and the app share exactly.

Text formats (txt, md, html, and the plan file itself) are made as text; Word and PDF documents
are files of bytes, drawn by renderers that need an optional extra. `export_bytes` gives either
as the bytes to write, so whoever writes them (the CLI, the app, a browser download) has one path.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, cast

from plan_store.errors import PlanError
from plan_store.slugs import slugify

if TYPE_CHECKING:
    from plan_store import Agreement, Plan

    from .document import Document
    from .layout import Layout

TEXT_FORMATS = ("txt", "md", "html")
"""Documents drawn as text, which can also be shown on the screen."""
DOCUMENT_FORMATS = ("docx", "pdf")
"""Documents drawn as files of bytes, by a renderer that needs the "documents" extra."""
FORMATS = ("txt", "md", "html", "toml", *DOCUMENT_FORMATS)

FORMAT_NAMES = {"docx": "Word documents", "pdf": "PDF files"}
MIME_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
"""What a browser is told a download is, for the documents that are not text."""
EXTRA_INSTALL = 'pip install "phb-planner[documents]"'

_BYTE_RENDERERS = {
    "docx": ("phb_tui.summary.render.docx", "render_docx"),
    "pdf": ("phb_tui.summary.render.pdf", "render_pdf"),
}
"""Imported by name when first used: each needs a library of its own, and only exporting needs it."""


class MissingRenderer(PlanError):
    """A format whose renderer, or the library it draws with, is not installed here."""


def is_binary(fmt: str) -> bool:
    """Whether an export in `fmt` is a file of bytes, not text that can be shown on the screen."""
    return fmt in DOCUMENT_FORMATS


def export_file_name(plan: Plan, fmt: str) -> str:
    """A safe file name from the title, whatever characters it holds: "amiras-plan-summary.html"."""
    slug = slugify(plan.title)
    return f"{slug}.toml" if fmt == "toml" else f"{slug}-summary.{fmt}"


PICTURED = frozenset({"html"})
"""The formats that draw the easy read's pictures; the others let the words carry them."""


def missing_pictures_note(fmt: str, easy_read: bool) -> str | None:
    """What to say, once, beside an easy read exported without its pictures because they are not
    installed: said to the person (on the command line's error stream), never put in the document."""
    from .pictures import HOW_TO_ADD, available

    return HOW_TO_ADD if easy_read and fmt in PICTURED and not available() else None


def byte_renderer(fmt: str) -> Callable[[Document], bytes]:
    """The function that draws a document as a `fmt` file, or a plain message saying what to install.

    Asked before any work is done, so a missing library is said at once and nothing is written.
    """
    module_name, function = _BYTE_RENDERERS[fmt]
    what = FORMAT_NAMES[fmt]
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        if error.name == module_name:  # PHB Planner's own part is missing.
            raise MissingRenderer(f"{what} cannot be made by this copy of PHB Planner.") from None
        raise MissingRenderer(
            f'{what} need the "documents" extra, which is not installed: {EXTRA_INSTALL} '
            "(or the same for however you installed PHB Planner). The other formats work without it."
        ) from None
    return cast("Callable[[Document], bytes]", getattr(module, function))


def render_document(document: Document, fmt: str) -> bytes:
    """`document` in `fmt` (txt, md, html, docx or pdf), as the bytes of the file."""
    if is_binary(fmt):
        return byte_renderer(fmt)(document)
    return render_document_text(document, fmt).encode("utf-8")


def render_document_text(document: Document, fmt: str) -> str:
    """`document` in a text format: txt, md or html."""
    from .render import render_html, render_markdown, render_text

    render = {"txt": render_text, "md": render_markdown, "html": render_html}[fmt]
    return render(document)


def export_document(
    plan: Plan,
    include_private: bool = False,
    prepared_on: date | None = None,
    easy_read: bool = False,
    agreed: tuple[Agreement, Plan] | None = None,
    layout: Layout | None = None,
) -> Document:
    """The summary as it is shared: private notes left out unless asked.

    The summary says the day it was prepared: today, unless `prepared_on` says otherwise, and is
    arranged as `layout` says (an ICB's own headings and order), if one is given.
    """
    # Imported here so that the command line can name the formats without loading the summary.
    from .build import build_summary
    from .privacy import without_private

    shared = plan if include_private else without_private(plan)
    if easy_read:
        from .easy_read import easy_read_summary

        return easy_read_summary(shared, prepared_on)
    document = build_summary(shared, include_private=include_private, prepared_on=prepared_on, agreed=agreed)
    if layout is not None:
        from .layout import apply_layout

        document = apply_layout(document, layout)
    return document


def export_text(
    plan: Plan,
    fmt: str,
    include_private: bool = False,
    prepared_on: date | None = None,
    easy_read: bool = False,
    agreed: tuple[Agreement, Plan] | None = None,
    layout: Layout | None = None,
) -> str:
    """The summary (or, for "toml", the plan file) as text, as it is shared."""
    if fmt == "toml":
        from plan_store.codec import plan_to_toml

        from .privacy import without_private

        return plan_to_toml(plan if include_private else without_private(plan))
    return render_document_text(export_document(plan, include_private, prepared_on, easy_read, agreed, layout), fmt)


def export_bytes(
    plan: Plan,
    fmt: str,
    include_private: bool = False,
    prepared_on: date | None = None,
    easy_read: bool = False,
    agreed: tuple[Agreement, Plan] | None = None,
    layout: Layout | None = None,
) -> bytes:
    """The export in any format as the bytes of the file: what the CLI and the app write or download."""
    if not is_binary(fmt):
        return export_text(plan, fmt, include_private, prepared_on, easy_read, agreed, layout).encode("utf-8")
    render = byte_renderer(fmt)  # Before the summary is made: a missing library is said at once.
    return render(export_document(plan, include_private, prepared_on, easy_read, agreed, layout))
