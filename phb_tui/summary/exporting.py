"""The text of an export, in any format: one function so the CLI and the app share exactly."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from plan_store.slugs import slugify

if TYPE_CHECKING:
    from plan_store import Agreement, Plan

    from .layout import Layout

FORMATS = ("txt", "md", "html", "toml")


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


def export_text(
    plan: Plan,
    fmt: str,
    include_private: bool = False,
    prepared_on: date | None = None,
    easy_read: bool = False,
    agreed: tuple[Agreement, Plan] | None = None,
    layout: Layout | None = None,
) -> str:
    """The summary (or, for "toml", the plan file) as it is shared: private notes left out unless asked.

    The summary says the day it was prepared: today, unless `prepared_on` says otherwise, and is
    arranged as `layout` says (an ICB's own headings and order), if one is given.
    """
    # Imported here so that the command line can name the formats without loading the renderers.
    from plan_store.codec import plan_to_toml

    from .build import build_summary
    from .privacy import without_private
    from .render import render_html, render_markdown, render_text

    shared = plan if include_private else without_private(plan)
    if fmt == "toml":
        return plan_to_toml(shared)
    render = {"txt": render_text, "md": render_markdown, "html": render_html}[fmt]
    if easy_read:
        from .easy_read import easy_read_summary

        return render(easy_read_summary(shared, prepared_on))
    document = build_summary(shared, include_private=include_private, prepared_on=prepared_on, agreed=agreed)
    if layout is not None:
        from .layout import apply_layout

        document = apply_layout(document, layout)
    return render(document)
