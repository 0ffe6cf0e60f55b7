"""The quick read behind the list of plans: it reads saved plans without a full parse, and it
never shows a value a full read would not; where unsure it says so and the list reads in full."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phb_tui.plan_list.listing import plan_rows
from plan_store import LineItem, Outcome, Period, Plan, PlanStore, PrivateNote, new_plan
from plan_store.codec import plan_from_toml, plan_to_toml
from plan_store.glance import PlanGlance, glance
from plan_store.vocabulary import JourneyStage


def comparable(seen: PlanGlance) -> tuple[object, ...]:
    costs = [(cost.unit_cost, cost.quantity, cost.period) for cost in seen.costs]
    return (
        seen.title,
        seen.name,
        seen.preferred_name,
        seen.stage,
        seen.updated,
        seen.finance.budget_amount,
        seen.finance.budget_period,
        seen.finance.year,
        costs,
    )


def full_read(text: str) -> PlanGlance:
    return PlanGlance.of(plan_from_toml(text, Path("plan.toml")))


def test_a_plan_as_saved_is_read_quickly_and_exactly(example_plan: Plan) -> None:
    text = plan_to_toml(example_plan)
    seen = glance(text)
    assert seen is not None
    assert comparable(seen) == comparable(full_read(text))
    assert len(seen.costs) == len(example_plan.finance.line_items) > 0


# Text a person might type, including what looks like TOML: none of it may be taken for a table or a key.
typed = st.characters(blacklist_categories=("Cc", "Cs", "Cf"), whitelist_characters="\n")
awkward_text = st.one_of(
    st.text(typed, max_size=40),
    st.sampled_from(
        [
            'He said "hello" and \'\'\' then """ and \\n',
            '[finance]\nbudget_amount = "1.00"',
            '"""\n[[finance.line_items]]\nunit_cost = "999.00"\n"""',
            'title = "Not this"\n[person]\nname = "Nobody"',
            "ends with a backslash \\",
            'ends with quotes ""',
            "Daniel's plan, 'quoted'",
            "line one\n\nline three\n",
            "# not a comment\n[[outcomes]]",
        ]
    ),
)


one_line_titles = ['Sam "Sammy" Smith', "Zoë O'Neill", "C:\\Users\\Sam", "ends in \\", "[finance] # 1", 'title = "x"']


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    title = draw(
        st.one_of(st.sampled_from(one_line_titles), st.text(typed, min_size=1, max_size=30)).filter(
            lambda t: t.strip() and "\n" not in t
        )
    )
    plan = new_plan(title.strip())
    plan.person.name = draw(st.sampled_from(["", "Sam", *one_line_titles]))
    plan.stage = draw(st.sampled_from(list(JourneyStage)))
    plan.contingency_plan = draw(awkward_text)
    plan.informed.worries = [PrivateNote(text=draw(awkward_text))]
    plan.outcomes = [Outcome(id="o1", outcome=draw(awkward_text), what_matters=draw(awkward_text))]
    plan.finance.budget_amount = draw(st.one_of(st.none(), st.decimals(min_value=0, max_value=99999, places=2)))
    plan.finance.budget_period = draw(st.sampled_from([p for p in Period if p != Period.ONE_OFF]))
    plan.finance.year.weeks = draw(st.sampled_from([D(52), D("52.18")]))
    plan.finance.line_items = [
        LineItem(
            id=f"i{n}",
            description=draw(awkward_text).replace("\n", " ").strip() or "item",
            unit_cost=draw(st.decimals(min_value=0, max_value=5000, places=2)),
            quantity=draw(st.decimals(min_value=0, max_value=80, places=2)),
            period=draw(st.sampled_from(list(Period))),
            outcome_ids=draw(st.sampled_from([[], ["o1"]])),
            notes=draw(awkward_text),
        )
        for n in range(draw(st.integers(min_value=0, max_value=5)))
    ]
    return plan


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans())
def test_a_quick_read_of_any_saved_plan_agrees_with_a_full_read(plan: Plan) -> None:
    text = plan_to_toml(plan)
    seen = glance(text)
    if seen is not None:
        assert comparable(seen) == comparable(full_read(text))


def test_notes_over_several_lines_do_not_stop_a_quick_read(example_plan: Plan) -> None:
    example_plan.contingency_plan = 'First line\n[finance]\nbudget_amount = "1.00"\nand """quotes"""'
    text = plan_to_toml(example_plan)
    assert '"""' in text
    seen = glance(text)
    assert seen is not None
    assert seen.finance.budget_amount == example_plan.finance.budget_amount


HAND_EDITS = {
    "person as an inline table": ('[person]\nname = "Daniel Price"\npreferred_name = "Dan"\n', ""),
    "dotted key": ('title = "Daniel\'s plan 2026"', 'title = "Daniel\'s plan 2026"\nperson.nhs_number = "9434765919"'),
    "indented key": ('budget_amount = "52000.00"', '  budget_amount = "52000.00"'),
    "quoted key": ('budget_amount = "52000.00"', '"budget_amount" = "52000.00"'),
    "literal string": ('[person]\nname = "Daniel Price"', "[person]\nname = 'Daniel Price'"),
    "escaped quote": ('[person]\nname = "Daniel Price"', '[person]\nname = "Daniel \\"Dan\\" Price"'),
    "comment after a value": ('budget_amount = "52000.00"', 'budget_amount = "52000.00" # agreed in May'),
    "spaced header": ("[finance]", "[ finance ]"),
    "windows line ends": ("\n", "\r\n"),
    "multi-line title": ('title = "Daniel\'s plan 2026"', 'title = """Daniel\'s plan 2026"""'),
    "budget written twice": ('budget_amount = "52000.00"', 'budget_amount = "52000.00"\nbudget_amount = "1.00"'),
    "older format": ("schema_version = 6", "schema_version = 0"),
}


@pytest.mark.parametrize("edit", list(HAND_EDITS))
def test_a_hand_edit_the_quick_read_cannot_be_sure_of_is_left_to_the_full_read(example_plan: Plan, edit: str) -> None:
    text = plan_to_toml(example_plan)
    old, new = HAND_EDITS[edit]
    if edit == "person as an inline table":
        edited = text.replace(old, "").replace(
            "schema_version = 6", 'schema_version = 6\nperson = { name = "Someone Else" }'
        )
    else:
        assert old in text
        edited = text.replace(old, new, 1) if edit != "windows line ends" else text.replace(old, new)
    assert glance(edited) is None


def test_the_list_reads_a_hand_edited_plan_in_full(store: PlanStore, example_plan: Plan) -> None:
    opened = store.add(example_plan)
    text = opened.path.read_text(encoding="utf-8").replace(
        '[person]\nname = "Daniel Price"', "[person]\nname = 'Daniel Price'"
    )
    opened.path.write_text(text, encoding="utf-8")
    (row,) = plan_rows(store)
    assert (row.title, row.person, row.problem) == (example_plan.title, "Dan", "")
