"""A person's text can say anything, but it cannot change the shape of an exported summary.

A line of "~~~" or "===" in a note must not open a code block or turn the line above it into a
heading in the Markdown export, and a 400-character web address must wrap on the HTML page, on
screen and on paper, rather than run off its edge. Plans are saved to the store and exported with
`phb export`, as a person would.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from phb_tui.cli import main
from plan_store import Outcome, Plan, PlanStore, PrivateNote, new_plan
from plan_store.models import LineItem, Resource, Risk
from plan_store.vocabulary import ResourceKind

LONG = "https://example.org/" + "a" * 380  # 400 characters and not one space.

HOSTILE_LINES = [
    "I'd like to walk 2 miles.",
    "~~~",
    "```",
    "===",
    "---",
    "# heading",
    "   ## indented heading",
    "> quote",
    "| a | b |",
    "|---|---|",
    "<script>alert(1)</script>",
    "[link](http://x)",
    "![image](http://x/i.png)",
    "[note]: http://x",
    "*",
    "* not a list",
    "- not a list",
    "+ not a list",
    "1. not a list",
    "2) not a list",
    "***",
    "    four spaces, not code",
    "\ta tab, not code",
    "",
    "after a blank line",
    "**not bold** and _not emphasis_ and ~~not struck~~ and `not code`",
    "&amp; and &#169; stay as typed",
    "a backslash at the end \\",
    LONG,
]
HOSTILE = "\n".join(HOSTILE_LINES)
HOSTILE_LINE = "| a | b | <script>alert(1)</script> [link](http://x) *not bold* ~~~ #"

_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _plan(text: str, line: str, title: str) -> Plan:
    """A plan with `text` in every long field the summary shows, and `line` in the one-line fields."""
    plan = new_plan(title)
    plan.person.name = line
    plan.assessed_needs = text
    plan.contingency_plan = text
    plan.outcomes = [
        Outcome(id="o1", outcome=text, what_matters=text, how_i_will_know=text, evidence=text, risk_if_not_met=text)
    ]
    plan.management.notes = text
    plan.resources = [Resource(id="r1", kind=ResourceKind.PERSON, description=text)]
    plan.finance.line_items = [
        LineItem(id="i1", description=line, provider=line, unit_cost="10", outcome_ids=["o1"]),
        LineItem(id="i2", description="Taxi", provider=LONG[:300], unit_cost="5", outcome_ids=["o1"]),
    ]
    plan.finance.contingency_notes = text
    plan.risks = [Risk(description=text, mitigation=text, who_acts=line)]
    plan.informed.questions = [PrivateNote(text=text, private=False)]
    return plan


def _hostile() -> Plan:
    return _plan(HOSTILE, HOSTILE_LINE, "Plan # ~~~ <b>*x*</b>")


def _twin() -> Plan:
    """The same plan, with plain words on each line: the shape the hostile plan's summary should have."""
    return _plan("\n".join(["plain words"] * len(HOSTILE_LINES)), "plain words", "Plain plan")


def _export(store: PlanStore, capsys: pytest.CaptureFixture[str], plan: Plan, fmt: str) -> str:
    opened = store.add(plan)
    status = main(["export", opened.path.stem, "--format", fmt])
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


def _shape(tokens: list[Token]) -> list[str]:
    """Every block and every piece of inline markup, leaving out only the words themselves."""
    shape = []
    for token in tokens:
        if token.type == "inline":
            shape += [child.type for child in token.children or [] if child.type != "text"]
        else:
            shape.append(f"{token.type} {token.tag}")
    return shape


def _words_shown(tokens: list[Token]) -> str:
    """The words a reader sees once the Markdown is shown, one line of the person's text to a line."""
    words = []
    for token in tokens:
        for child in token.children or []:
            words.append("\n" if child.type in ("hardbreak", "softbreak") else child.content)
        words.append("\n")
    lines = "".join(words).replace("\u00a0", " ").splitlines()
    return "\n".join(line.rstrip() for line in lines)


def test_the_persons_text_cannot_change_the_shape_of_the_markdown(
    store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = _MARKDOWN.parse(_export(store, capsys, _hostile(), "md"))
    plain = _MARKDOWN.parse(_export(store, capsys, _twin(), "md"))

    def kinds(tokens: list[Token], kind: str) -> int:
        return sum(1 for token in tokens if token.type == kind)

    for kind in ("heading_open", "blockquote_open", "bullet_list_open", "table_open"):
        assert kinds(hostile, kind) == kinds(plain, kind), kind
    for kind in ("fence", "code_block", "html_block", "hr", "ordered_list_open"):
        assert kinds(hostile, kind) == 0, kind
    assert _shape(hostile) == _shape(plain)


def test_the_persons_text_still_reads_as_written(store: PlanStore, capsys: pytest.CaptureFixture[str]) -> None:
    shown = _words_shown(_MARKDOWN.parse(_export(store, capsys, _hostile(), "md")))
    as_typed = "\n".join(line.replace("\t", "    ").rstrip() for line in HOSTILE_LINES)
    # Once as the assessment, once more for each outcome field, the notes, the contingency fund
    # and plan, the risk, the resource and the question: every line kept, and kept in its place.
    assert shown.count(as_typed) >= 10
    assert HOSTILE_LINE in shown


def test_no_line_of_the_persons_text_starts_a_block_in_the_markdown_file(
    store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    """Read as a file, not rendered: what a person sees pasting it into an email or a shared note."""
    hostile = _export(store, capsys, _hostile(), "md").splitlines()
    plain = _export(store, capsys, _twin(), "md").splitlines()

    def starting(lines: list[str], mark: str) -> int:
        return sum(1 for line in lines if line.startswith(mark))

    for mark in ("#", "- ", "> ", "| "):  # The summary's own headings, lists, notices and tables.
        assert starting(hostile, mark) == starting(plain, mark), mark
    never = re.compile(r"^ {0,3}(```|~~~|===|---|\*\*\*|[+*]( |$)|\d+[.)]( |$)|<|\[|\t| {4})")
    assert [line for line in hostile if never.match(line)] == []
    assert "\\~\\~\\~" in "\n".join(hostile) and "\\<script\\>" in "\n".join(hostile)


class _Page(HTMLParser):
    """Which elements hold a given piece of text, and the page's own style sheet."""

    def __init__(self, looking_for: str) -> None:
        super().__init__()
        self.looking_for = looking_for
        self.open: list[tuple[str, set[str]]] = []
        self.found: list[list[tuple[str, set[str]]]] = []
        self.tags: set[str] = set()
        self.style = ""
        self.cells: list[tuple[tuple[str, set[str]], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag not in {"meta", "br"}:
            classes = dict(attrs).get("class") or ""
            self.open.append((tag, set(classes.split())))

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1][0] == tag:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1][0] == "style":
            self.style += data
        elif self.open and self.open[-1][0] in ("td", "th"):
            self.cells.append((self.open[-1], data))
        if self.looking_for in data:
            self.found.append(list(self.open))


def _rules(style: str) -> list[tuple[str, str]]:
    """(selector, declarations) for each innermost rule, one selector at a time."""
    return [
        (selector.strip(), body)
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", style)
        for selector in selectors.split(",")
    ]


def _matches(selector: str, element: tuple[str, set[str]]) -> bool:
    """A selector's last part against one element: enough for the page's simple type and class rules."""
    compound = re.fullmatch(r"([a-z0-9]*)((?:\.[\w-]+)*)", selector.split()[-1])
    if not compound:
        return False
    tag, classes = element
    wanted = {name for name in compound.group(2).split(".") if name}
    return compound.group(1) in ("", tag) and wanted <= classes and bool(compound.group(1) or wanted)


def test_long_unbroken_text_wraps_on_the_page_and_stays_text(
    store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    html = _export(store, capsys, _hostile(), "html")
    page = _Page(LONG[:300])
    page.feed(html)
    rules = _rules(page.style)
    breaks = [selector for selector, body in rules if re.search(r"overflow-wrap:\s*(anywhere|break-word)", body)]
    anywhere = [selector for selector, body in rules if re.search(r"overflow-wrap:\s*anywhere", body)]
    no_wrap = [selector for selector, body in rules if re.search(r"white-space:\s*nowrap", body)]
    assert breaks, "nothing on the page is styled to break long words"
    assert {"p", "dd", "li", "td"} <= {stack[-1][0] for stack in page.found}
    for stack in page.found:
        holder = stack[-1]
        assert any(_matches(s, element) for s in breaks for element in stack), f"{holder[0]} does not wrap"
        assert not any(_matches(s, holder) for s in no_wrap), f"{holder[0]} is kept on one line"
    # A table column is as wide as its longest word unless the cell itself may break anywhere.
    # Breaking anywhere in every cell would split "No." and "Outcome" in narrow columns, so only
    # the cells holding a long word may.
    assert page.cells
    for cell, text in page.cells:
        longest = max((len(word) for word in text.split()), default=0)
        if longest > 40 or longest <= 10:
            assert any(_matches(s, cell) for s in anywhere) == (longest > 40), text
    assert "script" not in page.tags
    assert "<script" not in html.lower() and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
