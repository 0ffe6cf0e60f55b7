"""The easy-read summary, for the person and their family: short sentences, one idea each,
headings that are questions, larger type on the page, and the person's own words kept."""

from __future__ import annotations

import itertools

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
    assert len(headings) == 8 and all(heading.endswith("?") for heading in headings)
    assert "The NHS says there is £52,000.00 a year." in text
    assert "I swim twice a week to keep my shoulders strong." in text  # Their own words.
    ours = text.replace(example_plan.contingency_plan, "")
    for outcome in example_plan.outcomes:
        ours = ours.replace(outcome.outcome, "").replace(outcome.how_i_will_know, "")
    long = [s for s in sentences(ours) if words(s) > 15 and "£" not in s]
    assert long == []
    assert reading_ease(ours) >= 80


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
