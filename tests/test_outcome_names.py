"""An outcome is named one way everywhere: its number, and its words (what matters to the person
until the outcome itself is written)."""

from __future__ import annotations

from phb_tui.planning.checks import find_gaps
from phb_tui.planning.outcome_names import outcome_name
from phb_tui.summary.build import build_summary
from phb_tui.summary.easy_read import easy_read_summary
from phb_tui.summary.render.text import render_text
from plan_store import Outcome, Plan


def test_an_outcome_is_named_by_its_words_else_what_matters(example_plan: Plan) -> None:
    first = example_plan.outcomes[0]
    assert outcome_name(example_plan, first).words == first.outcome.strip()
    first.outcome = "  "
    first.what_matters = "Being out in my garden"
    name = outcome_name(example_plan, first)
    assert (name.number, name.words) == (1, "Being out in my garden")
    assert name.in_a_sentence == "Outcome 1 (Being out in my garden)"
    assert name.listed() == "1. Being out in my garden"


def test_a_long_outcome_is_cut_on_one_line() -> None:
    plan_outcome = Outcome(id="o1", outcome="I swim\ntwice a week " + "and more " * 10)
    name = outcome_name(Plan.model_construct(outcomes=[plan_outcome]), plan_outcome)
    assert name.short(20) == "I swim twice a we..."
    assert name.in_a_sentence.startswith("Outcome 1 (I swim twice a week and more") and name.in_a_sentence.endswith(
        "...)"
    )


def test_the_gaps_and_the_summaries_name_an_unwritten_outcome_alike(example_plan: Plan) -> None:
    """Checks, the summary and the easy-read summary all name it by what matters to the person."""
    example_plan.outcomes[0].outcome = ""
    example_plan.outcomes[0].what_matters = "Being out in my garden"
    messages = [gap.message for gap in find_gaps(example_plan)]
    assert "Outcome 1 (Being out in my garden) does not yet say what you want to achieve." in messages
    assert "Outcome 1: Being out in my garden" in render_text(build_summary(example_plan))
    assert "1. Being out in my garden" in render_text(easy_read_summary(example_plan))
