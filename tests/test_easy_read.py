"""The easy-read summary, for the person and their family: short sentences, one idea each,
headings that are questions, larger type on the page, and the person's own words kept."""

from __future__ import annotations

import itertools
import re
from datetime import date

import pytest

from phb_tui.cli import main
from plan_store import Plan, PlanStore

from .plain_words import reading_ease, sentences, words


def _easy(capsys: pytest.CaptureFixture[str], fmt: str = "txt") -> str:
    assert main(["export", "daniels-plan-2026", "--easy-read", "--format", fmt]) == 0
    return capsys.readouterr().out


def test_headings_are_questions_and_sentences_are_short(
    store: PlanStore, example_plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add(example_plan)
    text = _easy(capsys)
    lines = text.splitlines()
    headings = [line for line, under in itertools.pairwise(lines) if set(under) == {"-"}]
    assert len(headings) == 18 and all(heading.endswith("?") for heading in headings)
    assert "The NHS says there is £52,000 a year." in text  # Whole pounds: the pence add nothing.
    assert "I swim twice a week to keep my shoulders strong." in text  # Their own words.
    ours = " ".join(text.split())  # Unwrapped, so the person's words can be taken out whole.
    for theirs in _their_words(example_plan):
        ours = ours.replace(" ".join(theirs.split()), "")
    # The week is a list of labels ("Monday:", "- Morning:") around the person's words, not a sentence.
    ours = re.sub(
        r"(?:\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday):|- (?:Morning|Afternoon|Evening|Night):)\s*",
        "",
        ours,
    )
    long = [s for s in sentences(ours) if words(s) > 15 and "£" not in s]
    assert long == []
    assert reading_ease(ours) >= 80


def _their_words(plan: Plan) -> list[str]:
    """What the person wrote, which the easy read keeps as it is."""
    me = plan.about_me
    return [
        plan.contingency_plan,
        me.like_and_admire,
        me.important_to_me,
        me.important_for_me,
        me.best_support,
        me.working,
        me.not_working,
        plan.who_decides.information,
        plan.who_decides.acting_name,
        *(text for outcome in plan.outcomes for text in (outcome.outcome, outcome.how_i_will_know)),
        *(entry.what for entry in plan.week.entries),
        *(
            text
            for decision in plan.who_decides.decisions
            for text in (decision.decision, decision.how_involved, decision.who_decides)
        ),
        *(text for action in plan.actions for text in (action.task, action.who)),
    ]


def test_the_planning_tools_are_there_in_plain_words(
    store: PlanStore, example_plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    example_plan.who_decides.decisions[1].can_decide = False
    example_plan.about_me.family_view.text = "Mum worries about the nights."
    store.add(example_plan)
    text = " ".join(_easy(capsys).split())
    assert "What is important to you? ------------------------- Living in my own flat" in text
    assert "- Morning: Sam: getting up, washing, breakfast" in text
    assert "Who decides: Daniel, with Helen Ward. Other people decide this. They must choose what is best" in text
    example_plan.actions[1].by = date(2020, 1, 1)
    assert "- Sign the direct payment agreement. Who: Daniel and Helen Ward. By 5 December 2026." in text
    assert "Mum worries" not in text  # The family's view is for the full summary, not this page.
    store.add(example_plan.model_copy(update={"title": "Late"}))
    assert main(["export", "late", "--easy-read"]) == 0
    assert "By 1 January 2020. This is late." in " ".join(capsys.readouterr().out.split())


def test_a_plan_without_the_tools_leaves_their_questions_out(
    store: PlanStore, example_plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    example_plan.about_me = type(example_plan.about_me)()
    example_plan.week = type(example_plan.week)()
    example_plan.who_decides = type(example_plan.who_decides)()
    example_plan.actions = []
    store.add(example_plan)
    text = _easy(capsys)
    for question in ("important to you", "your week", "Who makes decisions", "happen first"):
        assert question not in text
    assert "Who looks after the money?" in text


def test_the_page_is_in_larger_type(store: PlanStore, example_plan: Plan, capsys: pytest.CaptureFixture[str]) -> None:
    store.add(example_plan)
    html = _easy(capsys, "html")
    assert "font-size: 16pt" in html and "<h2>How much money is there?</h2>" in html


def test_an_easy_read_plan_file_is_refused_with_the_reason(
    store: PlanStore, example_plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add(example_plan)
    assert main(["export", "daniels-plan-2026", "--easy-read", "--format", "toml"]) == 2
    assert "use --format txt, md or html" in capsys.readouterr().err
