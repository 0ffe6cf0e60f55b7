"""The exported summary of a realistic plan, compared with reviewed copies kept in tests/golden/.

When a change to the summary is intended, regenerate with PHB_UPDATE_GOLDEN=1, read the new files
as a reviewer would, and commit them with the change.
"""

from __future__ import annotations

import os
from datetime import date
from html.parser import HTMLParser

import pytest

from phb_tui.summary.exporting import export_bytes, export_text
from plan_store import Plan

from .conftest import ROOT
from .word_files import as_text

GOLDEN = ROOT / "tests" / "golden"
PREPARED = date(2026, 11, 24)


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
@pytest.mark.parametrize("easy_read", [False, True], ids=["summary", "easy-read"])
def test_export_matches_the_reviewed_copy(example_plan: Plan, fmt: str, easy_read: bool) -> None:
    text = export_text(example_plan, fmt, prepared_on=PREPARED, easy_read=easy_read)
    golden = GOLDEN / f"daniel{'-easy-read' if easy_read else ''}.{fmt}"
    if os.environ.get("PHB_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_word_export_matches_the_reviewed_copy(example_plan: Plan) -> None:
    """The Word document read back as text: each paragraph with its style, each table row with its cells."""
    text = as_text(export_bytes(example_plan, "docx", prepared_on=PREPARED))
    golden = GOLDEN / "daniel.docx.txt"
    if os.environ.get("PHB_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.problems: list[str] = []
        self.references: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.references += [f"{name}={value}" for name, value in attrs if name in ("src", "href", "srcset", "action")]
        if tag not in {"meta", "br", "hr", "img", "link", "input"}:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> does not close <{self.open[-1] if self.open else '?'}>")
        else:
            self.open.pop()


def test_the_html_is_well_formed_and_self_contained(example_plan: Plan) -> None:
    page = _Page()
    html = export_text(example_plan, "html")
    page.feed(html)
    assert page.problems == [] and page.open == []
    assert page.references == []
    assert not page.tags & {"script", "link", "img", "iframe", "object", "embed"}
    assert "@import" not in html and "url(" not in html
    assert "@page { size: A4" in html and "@media print" in html


def test_plan_text_cannot_become_markup(example_plan: Plan) -> None:
    example_plan.title = '<script>alert("x")</script> & <b>'
    example_plan.outcomes[0].outcome = "</td></tr><img src=x onerror=alert(1)>"
    html = export_text(example_plan, "html")
    page = _Page()
    page.feed(html)
    assert "script" not in page.tags and "img" not in page.tags and page.problems == []
    assert "&lt;script&gt;" in html
    markdown = export_text(example_plan, "md")
    assert "<script>" not in markdown and "\\<img" in markdown
