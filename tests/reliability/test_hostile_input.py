"""Odd and hostile text: it round-trips exactly or is refused clearly, never escapes the data
folder, and never turns into markup in an export."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from pydantic import ValidationError

from phb_tui.cli import main
from phb_tui.summary.exporting import export_text
from plan_store import Outcome, PlanStore, PrivateNote, new_plan

ODD = {
    "right to left": "خطة الرعاية الخاصة بي",
    "mixed direction": "Plan for \u05e9\u05dc\u05d5\u05dd and Sam",
    "emoji": "Mum's plan 👩‍🦽🐕‍🦺",
    "toml quotes": 'He said "hello" and \'\'\' then """ and \\n',
    "brackets": "[person] [[outcomes]] {a = 1}",
    "newlines": "line one\nline two\n\nline four",
    "path": "../../etc/passwd",
    "windows path": "C:\\Users\\Public\\..\\x",
    "html": '<script>alert("x")</script><img src=x onerror=alert(1)>',
    "long": "word " * 2000,  # 10,000 characters.
}

REFUSED = {
    "nul": "a\x00b",
    "escape codes": "\x1b[31mred\x1b[0m",
    "bidi override": "abc\u202edcba",
    "too long": "x" * 20_001,
}


@pytest.mark.parametrize("kind", list(ODD))
def test_odd_text_round_trips_exactly_through_a_saved_plan(store: PlanStore, kind: str) -> None:
    text = ODD[kind]
    title = text.replace("\n", " ")[:120].strip() or "plan"
    opened = store.create(title)
    opened.plan.contingency_plan = text
    opened.plan.informed.worries = [PrivateNote(text=text)]
    opened.plan.outcomes = [Outcome(id="o1", outcome=text, what_matters=text)]
    store.save(opened)
    again = store.open(opened.path).plan
    assert again == opened.plan
    assert again.title == title
    assert opened.path.resolve().parent == store.plans_dir.resolve()


@pytest.mark.parametrize("kind", list(REFUSED))
def test_text_that_cannot_be_kept_safely_is_refused_with_a_reason(kind: str) -> None:
    plan = new_plan("Refusals")
    with pytest.raises(ValidationError) as refused:
        plan.contingency_plan = REFUSED[kind]
    message = str(refused.value)
    assert "control character" in message or "most allowed" in message
    assert plan.contingency_plan == ""


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]


@pytest.mark.parametrize("kind", list(ODD))
def test_no_odd_text_breaks_the_html_export(kind: str) -> None:
    plan = new_plan(ODD[kind].replace("\n", " ")[:120].strip() or "plan")
    plan.outcomes = [Outcome(id="o1", outcome=ODD[kind])]
    plan.contingency_plan = ODD[kind]
    html = export_text(plan, "html")
    tags = _Tags()
    tags.feed(html)
    assert not tags.tags & {"script", "img", "iframe", "object", "embed", "link"}
    assert tags.handlers == []


def test_titles_made_only_of_separators_stay_inside(store: PlanStore) -> None:
    for title in ("/", "..", "../..", "\\\\server\\share", "~", "~/x"):
        opened = store.create(title)
        assert opened.path.parent == store.plans_dir and Path(opened.path).resolve().is_relative_to(
            store.plans_dir.resolve()
        )


ESCAPES = "\\u001b]52;c;aGVsbG8=\\u0007\\u001b[2J\\u001b[31m"  # Set the clipboard, clear the screen, turn red.


@pytest.mark.parametrize("command", ["import", "show", "check"])
def test_escape_codes_quoted_from_a_received_file_are_shown_not_obeyed(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    received = tmp_path / "received.toml"
    received.write_text(
        'schema_version = 2\ntitle = "x"\ncreated = 2026-01-01T00:00:00Z\nupdated = 2026-01-01T00:00:00Z\n'
        f'"{ESCAPES}" = 1\n',
        encoding="utf-8",
    )
    assert main([command, str(received)]) == 2
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "\\x1b]52;c;aGVsbG8=\\x07\\x1b[2J" in err


def test_a_file_name_with_escape_codes_is_listed_as_visible_escapes(
    store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    store.plans_dir.mkdir(parents=True)
    (store.plans_dir / "bad\x1b[2J\x1b]52;c;aGk=\x07.toml").write_text("title = ", encoding="utf-8")
    assert main(["list"]) == 0
    out, _ = capsys.readouterr()
    assert "\x1b" not in out and "bad\\x1b[2J\\x1b]52;c;aGk=\\x07.toml" in out
