"""A calm voice: nothing is said in block capitals. A warning is words and a symbol, in sentence
case, on every screen and in every printout where one used to shout ("OVER BUDGET", "NOT SAVED",
"CANNOT OPEN", "WARNING:", "NOTHING YET", "NONE")."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from phb_tui.cli import main
from phb_tui.planning.steps import Step
from plan_store import Outcome, Plan, PlanStore

from .helpers import plan_open_at, screen_text

# Short names people know in capitals, and key names.
ACRONYMS = {"NHS", "ICB", "CCG", "PA", "PAS", "GP", "DBS", "SSP", "CHC", "PHB", "TOML", "HTML", "UK", "SEND", "OK"}
# Where a command is written out for a person to type, the part they fill in, as in "phb open TITLE".
ACRONYMS |= {"TITLE", "FILE", "PLAN", "FOLDER", "COMMAND"}
SHOUTING = re.compile(r"\b[A-Z]{2,}\b")


def shouted(text: str, persons_words: str = "") -> list[str]:
    """Capital words in PHB Planner's own words: the person's own (a case reference, a scheme's
    name) are theirs to write as they like."""
    theirs = set(SHOUTING.findall(persons_words))
    return [
        word
        for word in SHOUTING.findall(text)
        if word not in ACRONYMS and word not in theirs and not re.fullmatch(r"F\d+", word)
    ]


def _worried_plan(plan: Plan) -> Plan:
    """A plan that says every warning there is: over budget, an outcome nothing serves, a
    spend serving no outcome."""
    plan.outcomes.append(Outcome(id="lonely", outcome="Get out to the allotment"))
    plan.finance.line_items[4].outcome_ids = []
    plan.finance.budget_amount = Decimal("30000.00")
    return plan


@pytest.mark.parametrize("step", [Step.OUTCOMES, Step.FINANCE, Step.SUMMARY], ids=lambda step: step.value)
async def test_warnings_on_a_step_are_words_not_capitals(step: Step, store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, _worried_plan(example_plan), step=step, size=(120, 60)) as (app, pilot, path):
        if step == Step.OUTCOMES:  # The outcomes come after the About me form.
            app.screen.query_one("#outcomes").scroll_visible(animate=False, top=True)
            await pilot.pause()
        text = screen_text(app)
        assert ("✗" in text) or step == Step.SUMMARY
        assert shouted(text, path.read_text(encoding="utf-8")) == []


def test_printouts_say_warnings_in_sentence_case(
    store: PlanStore, example_plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = store.add(_worried_plan(example_plan))
    persons_words = opened.path.read_text(encoding="utf-8")
    (store.plans_dir / "damaged.toml").write_text("title = [", encoding="utf-8")
    for command in (["show", "daniels-plan-2026"], ["list"], ["check", "daniels-plan-2026"]):
        main(command)
        out = capsys.readouterr().out
        assert shouted(out, persons_words) == [], command
    main(["show", "daniels-plan-2026"])
    assert "Warning: " in capsys.readouterr().out


def test_the_check_for_capitals_catches_them() -> None:
    assert shouted("✗ OVER BUDGET by £5") == ["OVER", "BUDGET"]
    assert shouted("NHS West Yorkshire ICB, F7 Back, a PA") == []
