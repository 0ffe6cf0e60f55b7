"""Page 1 of every export is the reviewer's front sheet: who, the money, the outcomes with their
costs, who receives the money and employs the PAs, the top risks and a number to call, the first
review, whether it is signed off, and every open item. The details follow, each thing said once."""

from __future__ import annotations

from pathlib import Path

import pytest

from phb_tui.cli import main
from plan_store import Plan

from .conftest import example_toml


def export(capsys: pytest.CaptureFixture[str], path: Path, fmt: str = "txt") -> str:
    assert main(["export", str(path), "--format", fmt]) == 0
    return capsys.readouterr().out


def front_of(text: str) -> str:
    """The front sheet of a plain-text export: from its heading to the next section's."""
    start = text.index("Front sheet\n-----------")
    return text[start : text.index("Who the plan is for\n---", start)]


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "daniel.toml"
    path.write_text(example_toml(), encoding="utf-8")
    return path


def test_the_front_sheet_comes_first_and_holds_what_a_reviewer_checks(
    capsys: pytest.CaptureFixture[str], sample: Path
) -> None:
    text = export(capsys, sample)
    assert text.index("Front sheet") < text.index("Who the plan is for") < text.index("Financial plan")
    front = " ".join(front_of(text).split())
    for expected in (
        "Ready for review.",
        "Person: Daniel Price",
        "Date of birth: 3 June 1991",
        "NHS number: 943 476 5919",
        "Eligibility: NHS Continuing Healthcare (adults)",
        "ICB: NHS West Yorkshire ICB",
        "Budget: £52,000.00 a year, from 1 December 2026 to 30 November 2027",
        "Planned: £50,160.49 a year",
        "Contingency fund: £837.50 a year",
        "Left over: £1,002.01 a year",
        "How it is paid: Direct payment: £33,000.49 a year; Notional (NHS arranges): £17,160.00 a year",
        "Outcome 1 (£49,466.30 a year; items 1 to 4 and 6 to 12): I stay safely in my flat",
        "Outcome 2 (£694.19 a year; items 5 and 6): I swim twice a week",
        "Direct payment paid to: The person themselves",
        "Employer of the PAs: The person themselves, who receives the direct payment",
        "Top risks: A PA leaves at short notice; Pressure sores if a night turn is missed",
        "If support fails, call: 0113 496 0000",
        "First review: 26 February 2027",
        "Monitored by: Helen Ward",
    ):
        assert expected in front, expected
    # The outcome figures add up to what is planned: the reviewer can check the sheet on its own.
    assert "49,466.30" in front and "694.19" in front  # 49,466.30 + 694.19 = 50,160.49


def test_every_open_item_is_on_the_front_sheet(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = example_toml().replace("first_review = 2027-02-26\n", "")
    answered = '{ text = "Can the budget pay for a PA to come swimming with me?", answered = true }'
    text = text.replace(answered, '"Can the budget pay for a PA to come swimming with me?"')
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    front = " ".join(front_of(export(capsys, path)).split())
    assert "Not yet complete: 2 open items" in front
    assert "No review date" in front and "First review: not given yet" in front
    assert "Still to discuss: 1 question not yet answered" in front


def test_the_money_table_totals_once_and_items_are_costed_once(
    capsys: pytest.CaptureFixture[str], sample: Path
) -> None:
    text = export(capsys, sample)
    assert text.count("Total, a year: £50,160.49") == 1
    # Outcomes name their items by number; the costs are in the financial plan alone.
    outcomes = text[text.index("Outcomes, and what serves each one") : text.index("Managing the money\n---")]
    assert "Item 1: Personal assistant, mornings (Sam)" in outcomes and "£" not in outcomes


def test_a_finished_plan_is_not_shown_at_stage_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, example_plan: Plan
) -> None:
    text = example_toml().replace('stage = "plan_written"', 'stage = "finding_out"')
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    whole = export(capsys, path)
    assert "Stage: Plan written and summarised (stage 6 of the 11 in the journey)" in whole
    assert "1 of 11" not in whole


def test_the_front_sheet_is_first_in_markdown_and_html(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    markdown = export(capsys, sample, "md")
    assert markdown.index("## Front sheet") < markdown.index("## Who the plan is for")
    page = export(capsys, sample, "html")
    assert page.index(">Front sheet<") < page.index(">Who the plan is for<")


def test_the_reviewers_copy_speaks_of_the_person_not_to_them(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    """Every "you" or "your" in the summary is in the person's own words, quoted from their plan."""
    import re

    plan_text = " ".join(example_toml().split())
    summary = " ".join(export(capsys, sample).split())
    spoken_to = [
        sentence
        for sentence in re.split(r"(?<=[.:?!])\s+", summary)
        if re.search(r"\b(you|your|yours|yourself)\b", sentence, re.I)
    ]
    assert spoken_to, "the sample plan's own words include a 'you'; the test must see it"
    assert [s for s in spoken_to if s.rstrip(".") not in plan_text] == []


def test_the_sign_off_says_the_icb_gives_reasons_and_thinks_again(
    capsys: pytest.CaptureFixture[str], sample: Path
) -> None:
    text = " ".join(export(capsys, sample).split())
    sign_off = text[text.index("Agreement and sign-off") :]
    assert (
        "If the ICB says no to a direct payment or to something in this plan, or changes the amount, it must give its reasons."
        in sign_off
    )
    assert "The person can ask it to think again, and send evidence." in sign_off
