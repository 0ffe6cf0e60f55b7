"""An ICB's own layout for the summary, as a broker uses it: `phb export --layout`, `phb layouts`,
and a layout file with mistakes in it."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import replace
from datetime import date
from functools import cache
from html import unescape
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phb_tui.summary.build import build_summary
from phb_tui.summary.document import Document
from phb_tui.summary.layout import Layout, apply_layout
from phb_tui.summary.render import render_text
from phb_tui.summary.sections import MUST_KEEP, SECTION_TITLES
from plan_store import Plan, PlanStore
from plan_store.codec import plan_from_toml

from .conftest import ROOT, example_toml, phb

FORMATS = ["txt", "md", "html"]

ANYTOWN = '''description = "Anytown ICB support plan form"
header = "Anytown ICB: personal health budget support plan"
order = ["who", "money", "outcomes"]
leave_out = ["to-discuss", "week"]

[titles]
money = "Costed support plan"
who = "Section A: about the person"

[declaration]
title = "Declaration by the person"
text = """
I agree that what this plan says is true.

I will spend the budget only as the plan says.
"""
'''


@pytest.fixture
def plan_name(store: PlanStore, example_plan: Plan) -> str:
    return store.add(example_plan).slug


@pytest.fixture
def own_layouts(tmp_path: Path) -> Path:
    """The layouts folder of `phb where`, under the test's own config folder."""
    folder = tmp_path / "home" / ".config" / "phb-planner" / "layouts"
    folder.mkdir(parents=True)
    return folder


def headings(text: str, fmt: str) -> list[str]:
    """The section headings of an export, in order, as a reader (or a screen reader) meets them."""
    if fmt == "html":
        return [unescape(found) for found in re.findall(r"<h2>(.*?)</h2>", text)]
    if fmt == "md":
        return [line[3:].replace("\\", "") for line in text.splitlines() if line.startswith("## ")]
    lines = text.splitlines()
    return [line for line, under in itertools.pairwise(lines) if under and set(under) == {"-"}]


def export(capsys: pytest.CaptureFixture[str], plan: str, fmt: str, *more: str) -> str:
    result = phb(capsys, "export", plan, "--format", fmt, *more)
    assert result.returncode == 0, result.stderr
    return result.stdout


def usual_headings(capsys: pytest.CaptureFixture[str], plan: str, fmt: str) -> list[str]:
    return headings(export(capsys, plan, fmt), fmt)


# --- what a layout does, in every format ---------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_layout_renames_reorders_and_leaves_out_sections(
    capsys: pytest.CaptureFixture[str], plan_name: str, tmp_path: Path, fmt: str
) -> None:
    usual = usual_headings(capsys, plan_name, fmt)
    assert {"To discuss", "My week", "Financial plan"} <= set(usual)
    layout = tmp_path / "anytown.toml"
    layout.write_text(ANYTOWN, encoding="utf-8")
    shown = headings(export(capsys, plan_name, fmt, "--layout", str(layout)), fmt)
    # The front sheet first, then the order asked for, then the rest in their usual order.
    assert shown[:4] == [
        "Front sheet",
        "Section A: about the person",
        "Costed support plan",
        usual[usual.index("Outcomes, and what serves each one")],
    ]
    rest = [title for title in usual if title not in ("Front sheet", "Who the plan is for", "Financial plan")]
    rest = [title for title in rest if title not in ("To discuss", "My week", "Outcomes, and what serves each one")]
    assert shown[4:] == rest
    assert "To discuss" not in shown and "My week" not in shown


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_front_sheet_may_come_later(
    capsys: pytest.CaptureFixture[str], plan_name: str, tmp_path: Path, fmt: str
) -> None:
    layout = tmp_path / "later.toml"
    layout.write_text('front_sheet_first = false\norder = ["who", "about-me", "front-sheet"]\n', encoding="utf-8")
    shown = headings(export(capsys, plan_name, fmt, "--layout", str(layout)), fmt)
    assert shown[:3] == ["Who the plan is for", "About me", "Front sheet"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_icbs_own_wording_appears(
    capsys: pytest.CaptureFixture[str], plan_name: str, tmp_path: Path, fmt: str
) -> None:
    layout = tmp_path / "anytown.toml"
    layout.write_text(ANYTOWN, encoding="utf-8")
    text = export(capsys, plan_name, fmt, "--layout", str(layout))
    header = "Anytown ICB: personal health budget support plan"
    top = text[: text.index("Front sheet")]
    assert header in top  # Under the title, before the first section.
    sign_off = text[text.index("Agreement and sign-off") :]
    said = unescape(sign_off) if fmt == "html" else sign_off
    assert "Declaration by the person" in said
    assert said.index("I agree that what this plan says is true.") < said.index("I will spend the budget")
    assert said.index("I will spend the budget") < said.index("Person (or their representative):")
    if fmt == "html":  # At the top of every printed page, with whose plan it is.
        running = re.search(r"@top-left \{ content: (\".*?\");", text)
        assert running and "Anytown ICB" in running.group(1) and "Daniel Price" in running.group(1)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_prsb_layout_uses_the_standards_headings(
    capsys: pytest.CaptureFixture[str], plan_name: str, fmt: str
) -> None:
    shown = headings(export(capsys, plan_name, fmt, "--layout", "prsb"), fmt)
    for heading in (
        "About me",
        "What matters to me: goals and outcomes",
        "Plan and requested actions",
        "Personal budget: what it pays for",
        "Contingency plan: risks and what to do if",
        "Review",
        "Consent and sign-off",
    ):
        assert heading in shown
    assert shown[0] == "Plan summary" and shown[-1] == "Consent and sign-off"
    assert shown.index("About me") < shown.index("What matters to me: goals and outcomes")
    assert shown.index("Plan and requested actions") < shown.index("Personal budget: what it pays for")
    assert shown.index("Contingency plan: risks and what to do if") < shown.index("Review")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_default_layout_changes_nothing(capsys: pytest.CaptureFixture[str], plan_name: str, fmt: str) -> None:
    assert export(capsys, plan_name, fmt, "--layout", "default") == export(capsys, plan_name, fmt)


def test_a_layout_by_name_from_the_layouts_folder(
    capsys: pytest.CaptureFixture[str], plan_name: str, own_layouts: Path, tmp_path: Path
) -> None:
    (own_layouts / "anytown.toml").write_text(ANYTOWN, encoding="utf-8")
    out = tmp_path / "summary.html"
    result = phb(capsys, "export", plan_name, "--format", "html", "--layout", "anytown", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "<h2>Costed support plan</h2>" in out.read_text(encoding="utf-8")


def test_ones_own_layout_of_a_shipped_name_is_the_one_used(
    capsys: pytest.CaptureFixture[str], plan_name: str, own_layouts: Path
) -> None:
    (own_layouts / "prsb.toml").write_text('[titles]\nmoney = "Our money heading"\n', encoding="utf-8")
    assert "Our money heading" in headings(export(capsys, plan_name, "md", "--layout", "prsb"), "md")


# --- a layout with mistakes: named by line and field, nothing written ----------------------------


def refused(capsys: pytest.CaptureFixture[str], plan: str, layout_text: str, tmp_path: Path) -> str:
    layout = tmp_path / "broken.toml"
    layout.write_text(layout_text, encoding="utf-8")
    out = tmp_path / "summary.html"
    result = phb(capsys, "export", plan, "--format", "html", "--layout", str(layout), "-o", str(out))
    assert result.returncode == 2
    assert result.stdout == ""
    assert not out.exists() and list(tmp_path.glob("summary*")) == []  # Nothing half-written either.
    assert "Traceback" not in result.stderr
    assert "Nothing was exported" in result.stderr
    return result.stderr


def test_a_layout_that_is_not_toml_names_the_line(
    capsys: pytest.CaptureFixture[str], plan_name: str, tmp_path: Path
) -> None:
    said = refused(capsys, plan_name, 'description = "Ours"\norder = ["who",\nleave_out = []\n', tmp_path)
    assert "line 3" in said and "not valid TOML" in said


def test_an_unknown_field_is_named_with_its_line(
    capsys: pytest.CaptureFixture[str], plan_name: str, tmp_path: Path
) -> None:
    said = refused(
        capsys, plan_name, 'description = "Ours"\n\n[declaration]\ntitel = "Declaration"\ntext = "I agree."\n', tmp_path
    )
    assert "line 4, declaration.titel: is not a field" in said and 'did you mean "title"' in said


def test_an_unknown_section_is_named_with_the_known_ones(
    capsys: pytest.CaptureFixture[str], plan_name: str, tmp_path: Path
) -> None:
    said = refused(capsys, plan_name, 'order = [\n  "who",\n  "monye",\n]\n\n[titles]\nbudget = "Money"\n', tmp_path)
    assert 'line 3, order[1]: "monye" is not a section of the summary' in said
    assert 'line 7, titles.budget: "budget" is not a section' in said
    assert ", ".join(SECTION_TITLES) in said


@pytest.mark.parametrize("key", sorted(MUST_KEEP))
def test_a_section_a_reviewer_needs_cannot_be_left_out(
    capsys: pytest.CaptureFixture[str], plan_name: str, tmp_path: Path, key: str
) -> None:
    said = refused(capsys, plan_name, f'# Ours\nleave_out = ["week", "{key}"]\n', tmp_path)
    assert f'line 2, leave_out[1]: "{key}" cannot be left out' in said
    assert "may give it another title or move it" in said


def test_a_layout_that_is_not_there_is_named(capsys: pytest.CaptureFixture[str], plan_name: str) -> None:
    result = phb(capsys, "export", plan_name, "--layout", "anytown")
    assert result.returncode == 2 and result.stdout == ""
    assert 'no layout called "anytown"' in result.stderr and "default, prsb" in result.stderr


def test_a_layout_is_for_the_summary_only(capsys: pytest.CaptureFixture[str], plan_name: str) -> None:
    for more in (["--easy-read"], ["--format", "toml"]):
        result = phb(capsys, "export", plan_name, "--layout", "prsb", *more)
        assert result.returncode == 2 and result.stdout == "" and "A layout arranges the summary" in result.stderr


# --- phb layouts ---------------------------------------------------------------------------------


def test_layouts_lists_the_shipped_ones_and_ones_own(capsys: pytest.CaptureFixture[str], own_layouts: Path) -> None:
    (own_layouts / "anytown.toml").write_text(ANYTOWN, encoding="utf-8")
    result = phb(capsys, "layouts")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["default", "shipped"]
    assert lines[1].split()[:2] == ["prsb", "shipped"] and "PRSB" in lines[1]
    assert lines[2].startswith("anytown") and "your own" in lines[2] and "Anytown ICB support plan form" in lines[2]
    assert str(own_layouts) in result.stdout


def test_layouts_json(capsys: pytest.CaptureFixture[str], own_layouts: Path) -> None:
    (own_layouts / "anytown.toml").write_text(ANYTOWN, encoding="utf-8")
    result = phb(capsys, "layouts", "--json")
    data = json.loads(result.stdout)
    assert data["layouts_folder"] == str(own_layouts)
    assert [(entry["name"], entry["from"]) for entry in data["layouts"]] == [
        ("default", "shipped"),
        ("prsb", "shipped"),
        ("anytown", "own"),
    ]
    assert all(set(entry) == {"name", "from", "path", "description", "problem"} for entry in data["layouts"])


def test_layouts_says_which_cannot_be_used(capsys: pytest.CaptureFixture[str], own_layouts: Path) -> None:
    (own_layouts / "broken.toml").write_text('leave_out = ["sign-off"]\n', encoding="utf-8")
    result = phb(capsys, "layouts")
    assert result.returncode == 2
    line = next(line for line in result.stdout.splitlines() if line.startswith("broken"))
    assert "cannot be used" in line and "sign-off" in line
    data = json.loads(phb(capsys, "layouts", "--json").stdout)
    assert data["layouts"][-1]["problem"] and data["layouts"][-1]["description"] is None


def test_where_shows_the_layouts_folder(capsys: pytest.CaptureFixture[str], own_layouts: Path) -> None:
    assert "Layouts:" in phb(capsys, "where").stdout
    assert json.loads(phb(capsys, "where", "--json").stdout)["layouts_folder"]["path"] == str(own_layouts)


def test_the_documented_example_is_a_working_layout(
    capsys: pytest.CaptureFixture[str], plan_name: str, tmp_path: Path
) -> None:
    text = (ROOT / "docs" / "layouts.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```toml\n(.*?)```", text, re.S)
    layout = tmp_path / "example.toml"
    layout.write_text(example, encoding="utf-8")
    assert export(capsys, plan_name, "txt", "--layout", str(layout))


# --- a layout never changes what a section says --------------------------------------------------


@cache
def _daniels_summary() -> Document:
    """Made once: the property only reads it."""
    return build_summary(
        plan_from_toml(example_toml(), ROOT / "docs" / "plan-format.md"), prepared_on=date(2026, 11, 24)
    )


_MOVABLE = [key for key in SECTION_TITLES if key != "getting-informed"]


@settings(max_examples=60, deadline=None)
@given(
    order=st.permutations(_MOVABLE),
    dropped=st.sets(st.sampled_from([key for key in _MOVABLE if key not in MUST_KEEP])),
    renamed=st.dictionaries(
        st.sampled_from(_MOVABLE), st.text("abcdefgh XYZ", min_size=1, max_size=12).filter(str.strip)
    ),
    front_first=st.booleans(),
)
def test_any_layout_keeps_every_kept_sections_text(
    order: list[str], dropped: set[str], renamed: dict[str, str], front_first: bool
) -> None:
    shown = [key for key in order if key not in dropped]
    if front_first:
        shown = ["front-sheet", *(key for key in shown if key != "front-sheet")]
    layout = Layout(order=shown, leave_out=sorted(dropped), titles=renamed, front_sheet_first=front_first)
    document = _daniels_summary()
    arranged = apply_layout(document, layout)
    before = {section.key: section for section in document.sections}
    assert [section.key for section in arranged.sections] == [key for key in shown if key in before]
    for section in arranged.sections:
        assert section.blocks == before[section.key].blocks
        assert section.title == renamed.get(section.key, before[section.key].title).strip()
    # Rendered under one title, each kept section reads word for word as it did.
    for section in arranged.sections:
        original = before[section.key]
        assert render_text(Document("", [], [replace(section, title="T")])) == render_text(
            Document("", [], [replace(original, title="T")])
        )


def test_the_documented_sections_are_the_summarys() -> None:
    text = (ROOT / "docs" / "layouts.md").read_text(encoding="utf-8")
    table = text[text.index("## The sections") : text.index("### Sections every layout keeps")]
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| ([^|(]+?)(?: \(.*\))? \|$", table, re.M))
    assert rows == SECTION_TITLES
    kept = text[text.index("### Sections every layout keeps") : text.index("## When a layout")]
    assert re.findall(r"^- `([a-z-]+)`", kept, re.M) == list(MUST_KEEP)
