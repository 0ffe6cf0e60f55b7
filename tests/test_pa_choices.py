"""The PA cost calculator's answers as plan data: kept in the file, read by `phb pa-costs PLAN`
and the summary alike, checked as they are read, and never overwriting a line edited by hand.

Rates are the shipped 2026-27 figures (see tests/test_pa_costs.py); a year is 52 weeks.
"""

from __future__ import annotations

import json
import re
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from phb_tui.planning.employer_rates import load_rates
from phb_tui.planning.finance import item_cost_per_year
from phb_tui.planning.pa_costs import WAGE_KEYS
from phb_tui.planning.pa_plan import apply_to_plan, pa_wage_lines, plan_assistants, plan_costs
from phb_tui.summary.build import build_summary
from phb_tui.summary.render.text import render_text
from plan_store import LineItem, Period, Plan, PlanStore, SpendCategory, round_pennies
from plan_store.codec import plan_from_toml, plan_to_toml
from plan_store.models import YearConvention
from plan_store.plan import SCHEMA_VERSION
from plan_store.vocabulary import PayPeriod

from .conftest import PINNED_TODAY, example_toml, phb

RATES = load_rates(Path("/nonexistent/rates.toml")).rates
D = Decimal


def test_the_answers_are_kept_in_the_file_and_read_back(example_plan: Plan) -> None:
    raw = tomllib.loads(plan_to_toml(example_plan))
    sam, lee = raw["finance"]["employing"]["assistants"]
    # Defaults are left out, as everywhere in the file: Sam's one week off sick is the default.
    assert (sam["wage_line"], sam.get("sick_weeks"), sam["holiday_cover"]) == ("pa-mornings", None, False)
    assert (lee["pay_period"], lee["sick_weeks"]) == ("week", 2)
    assert raw["finance"]["employing"]["recruitment_per_year"] == "250.00"
    # The calculator starts from them, matched to each PA's wage line.
    pas = plan_assistants(example_plan.finance)
    assert [(pa.who, pa.wage_line, pa.pay_period) for pa in pas] == [
        ("Sam", "pa-mornings", PayPeriod.MONTH),
        ("Lee", "pa-evenings", PayPeriod.WEEK),
    ]


def test_a_version_3_plan_loads_with_the_calculators_defaults() -> None:
    raw = tomllib.loads(example_toml())
    del raw["finance"]["employing"]
    raw["schema_version"] = 3
    older = plan_from_toml(tomli_w.dumps(raw), Path("older.toml"))
    assert older.schema_version == SCHEMA_VERSION == 6
    assert older.finance.employing.assistants == [] and older.finance.employing.claim_employment_allowance
    # Its PAs are found from their weekly wage lines, with the defaults, as before.
    assert [(pa.who, pa.sick_weeks, pa.holiday_cover) for pa in plan_assistants(older.finance)] == [
        ("Sam", D(1), True),
        ("Lee", D(1), True),
    ]


def test_a_negative_sick_week_count_is_refused_and_changes_nothing(
    store: PlanStore, example_plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = store.add(example_plan)
    before = opened.path.read_bytes()
    done = phb(capsys, "pa-costs", opened.path.stem, "--sick-weeks", "-2")
    assert done.returncode == 2 and done.stdout == ""
    assert "The figures were not worked out: --sick-weeks must be zero or more" in done.stderr
    assert opened.path.read_bytes() == before


@settings(max_examples=60, deadline=None)
@given(
    rate=st.decimals(min_value=D("5.00"), max_value=D("60.00"), places=2),
    hours=st.decimals(min_value=D("0.25"), max_value=D("80"), places=2),
    sick=st.decimals(min_value=D(0), max_value=D(28), places=2),
    days=st.sampled_from([D(1), D("2.5"), D(5), D(6), D(7)]),
    weeks=st.sampled_from([D(52), D("52.14"), D("52.18")]),
)
def test_wages_holiday_and_sick_pay_add_up_to_the_wage_line_whatever_the_sick_weeks(
    rate: Decimal, hours: Decimal, sick: Decimal, days: Decimal, weeks: Decimal
) -> None:
    wage = LineItem(
        id="pa1",
        description="Personal assistant (Sam)",
        category=SpendCategory.PERSONAL_ASSISTANT,
        unit_cost=rate,
        quantity=hours,
        period=Period.WEEK,
    )
    (pa,) = pa_wage_lines([wage])
    pa = pa.model_copy(update={"sick_weeks": sick, "days_per_week": days})
    year = YearConvention(weeks=weeks)
    from phb_tui.planning.pa_costs import employment_costs
    from plan_store.employing import EmployerCosts

    cost = employment_costs([pa], EmployerCosts(), RATES, today=PINNED_TODAY, year=year).per_pa[0]
    paid = sum((part.yearly for part in cost.parts if part.key in WAGE_KEYS), D(0))
    assert paid == round_pennies(item_cost_per_year(wage, year))
    assert all(part.yearly >= 0 for part in cost.parts)


def _money(text: str) -> Decimal:
    return D(text.replace("£", "").replace(",", ""))


def test_phb_pa_costs_agrees_with_the_summary_to_the_penny(
    store: PlanStore, example_plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = store.add(example_plan)
    done = phb(capsys, "pa-costs", opened.path.stem, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    summary = render_text(build_summary(example_plan, prepared_on=PINNED_TODAY))
    part = summary[summary.index("Employing personal assistants") : summary.index("Assumed:")]
    in_all = [_money(m) for m in re.findall(r"In all: (£[\d,.]+)", part)]
    assert in_all == [D(pa["yearly"]) for pa in data["pas"]]
    total = re.search(r"Total cost of employing, a year: (£[\d,.]+)", part)
    assert total is not None and _money(total.group(1)) == D(data["yearly"]) == D("28259.80")
    assert f"taking £{D(data['allowance_used']):,.2f} off National Insurance" in part
    # The plan's own insurance and payroll lines are counted, not asked for again.
    assert not any("liability insurance" in warning for warning in data["warnings"])
    assert {p["key"]: p["yearly"] for p in data["employer"]}["insurance"] == "120.00"
    # And the same function gives the figures the app shows.
    assert plan_costs(example_plan.finance, RATES, PINNED_TODAY).yearly == D(data["yearly"])


def test_the_summary_says_what_happens_without_the_employment_allowance(example_plan: Plan) -> None:
    summary = " ".join(render_text(build_summary(example_plan, prepared_on=PINNED_TODAY)).split())
    assert "If the Employment Allowance cannot be claimed, employing costs £2,537.78 a year more." in summary
    assert "The plan would then be over budget by £1,535.77 a year." in summary
    assert "Rates file: Rates for 2026 to 2027 (shipped with PHB Planner), for 6 April 2026 to 5 April 2027." in summary
    assert " you " not in summary[summary.index("Employing personal assistants") : summary.index("My week")]


def test_the_part_is_left_out_when_the_plan_has_no_pas(example_plan: Plan) -> None:
    items = [item for item in example_plan.finance.line_items if item.category != SpendCategory.PERSONAL_ASSISTANT]
    plan = example_plan.model_copy(deep=True)
    plan.finance.line_items[:] = items
    plan.finance.employing.assistants[:] = []
    plan.week.entries[:] = [entry for entry in plan.week.entries if entry.line_item in {i.id for i in items}]
    assert "Employing personal assistants" not in render_text(build_summary(plan, prepared_on=PINNED_TODAY))


def test_a_line_edited_by_hand_is_asked_about_before_it_changes() -> None:
    wage = LineItem(
        id="l1",
        description="Personal assistant (Sam)",
        category=SpendCategory.PERSONAL_ASSISTANT,
        unit_cost=D("13.00"),
        quantity=D(20),
    )
    from phb_tui.planning.pa_costs import employment_costs
    from plan_store.employing import EmployerCosts

    employer = EmployerCosts(insurance_per_year=D("120.00"), payroll_per_year=D(0))
    costs = employment_costs(pa_wage_lines([wage]), employer, RATES, today=PINNED_TODAY)
    first = apply_to_plan(costs, [wage])
    assert first.edits == [] and "Sam: cover while off sick (1 week)" in first.in_words()
    # The person changes the sick cover line by hand; running again would change it back.
    items = first.line_items
    edited = next(item for item in items if item.id == "l1-sickcover")
    edited.unit_cost = D("400.00")
    again = apply_to_plan(costs, items, first.written)
    (edit,) = again.edits
    assert str(edit) == (
        '"Sam: cover while off sick (1 week)" (£400.00 a year): would become '
        '"Sam: cover while off sick (1 week)" (£291.38 a year).'
    )
    assert again.updated == ["Sam: cover while off sick (1 week)"] and again.added == []
    # A line the calculator wrote and nobody touched is changed without asking.
    assert apply_to_plan(costs, again.line_items, again.written).edits == []


def test_a_pa_described_but_not_in_the_plan_is_said_to_be_so(example_plan: Plan) -> None:
    from plan_store.employing import PersonalAssistant

    example_plan.finance.employing.assistants.append(PersonalAssistant(who="Kai", hourly_rate=D("13.00")))
    summary = " ".join(render_text(build_summary(example_plan, prepared_on=PINNED_TODAY)).split())
    assert "Kai: £13.00 an hour, 20 hours a week, paid monthly (described, but not yet in the plan's costs)" in summary


def test_without_the_allowance_the_position_is_in_the_budgets_own_period(example_plan: Plan) -> None:
    from phb_tui.planning.finance import budget_position

    finance = example_plan.finance
    finance.budget_period, finance.budget_amount, finance.contingency = Period.MONTH, D("4400.00"), D("0.00")
    left = budget_position(example_plan).remaining
    assert left is not None and left > D("2537.78") / 12  # Enough left each month to pay it.
    after = round_pennies(left - D("2537.78") / 12)
    summary = " ".join(render_text(build_summary(example_plan, prepared_on=PINNED_TODAY)).split())
    assert f"The plan would then have £{after:,.2f} a month left over." in summary


def test_phb_show_has_the_part_with_ni_per_pay_period(
    store: PlanStore, example_plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = store.add(example_plan)
    done = phb(capsys, "show", opened.path.stem)
    shown = " ".join(done.stdout.split())
    assert done.returncode == 0 and "Employing personal assistants" in shown
    assert "Employer's National Insurance, worked out monthly: £1,545.75 due" in shown  # Sam
    assert "Employer's National Insurance, worked out weekly: £992.03 due" in shown  # Lee


def test_the_summary_counts_the_pas_in_words_that_agree(example_plan: Plan) -> None:
    both = " ".join(render_text(build_summary(example_plan, prepared_on=PINNED_TODAY)).split())
    assert "The person employs 2 personal assistants (PAs)." in both
    plan = example_plan.model_copy(deep=True)  # Lee leaves: Sam is the only PA.
    items = [item for item in plan.finance.line_items if "Lee" not in item.description]
    plan.finance.line_items[:] = items
    plan.finance.employing.assistants[:] = plan.finance.employing.assistants[:1]
    plan.week.entries[:] = [entry for entry in plan.week.entries if entry.line_item in {i.id for i in items}]
    one = " ".join(render_text(build_summary(plan, prepared_on=PINNED_TODAY)).split())
    assert "The person employs 1 personal assistant (PA)." in one, one
