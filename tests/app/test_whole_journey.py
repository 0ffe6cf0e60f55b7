"""A whole plan written through the app, step by step, the way a family and a broker would."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from textual.pilot import Pilot

from phb_tui.cli import main
from phb_tui.planning.finance import budget_position
from plan_store import DirectPaymentAccount, DirectPaymentRecipient, ManagementOption, ManagementRoute, PlanStore

from .helpers import choose, fill, paste, plan_open_at, saved

NEEDS = "Leo needs his breathing watched overnight, and help with personal care after school."

OUTCOMES = [
    ("Staying at home with Mum", "I live safely at home, not in hospital", "No unplanned admissions this year"),
    ("Seeing my friends", "I go to youth club every week", "I have not missed a week"),
    ("Sleeping through", "My breathing is watched overnight so we all sleep", "Mum sleeps five nights a week"),
]

# description, category, unit cost, quantity, period, route, outcome numbers (1-based)
LINE_ITEMS = [
    ("PA support after school", "personal_assistant", "14.50", "15", "week", "direct_payment", [1, 2]),
    ("PA holiday pay", "personal_assistant", "26.25", "1", "week", "direct_payment", [1]),
    ("Payroll service", "money_management", "18.00", "1", "month", "direct_payment", [1]),
    ("Employer's liability insurance", "money_management", "95.00", "1", "year", "direct_payment", [1]),
    ("Waking night nurse", "agency_care", "190.00", "2", "week", "notional", [3]),
    ("Respite weekend", "respite", "420.00", "4", "year", "notional", [1]),
    ("Youth club membership", "activity", "12.00", "1", "month", "direct_payment", [2]),
    ("Accessible taxi to club", "transport", "9.50", "2", "week", "direct_payment", [2]),
    ("Suction machine", "equipment", "640.00", "1", "one_off", "notional", [3]),
]


async def _add_outcome(pilot: Pilot[None], matters: str, outcome: str, know: str) -> None:
    await pilot.press("a")
    for text in (matters, outcome, know):
        await paste(pilot, text)
        await pilot.press("tab")
    await pilot.press("escape")


async def _add_line_item(pilot: Pilot[None], item: tuple[str, str, str, str, str, str, list[int]]) -> None:
    description, category, cost, quantity, period, route, outcomes = item
    await pilot.press("a")
    await paste(pilot, description)
    await choose(pilot, "#field-category", category)
    await fill(pilot, "#field-unit_cost", cost, pasted=True)
    await fill(pilot, "#field-quantity", quantity, pasted=True)
    await choose(pilot, "#field-period", period)
    await choose(pilot, "#field-route", route)
    pilot.app.screen.query_one("#field-outcome_ids").focus()
    position = 1
    for number in outcomes:
        await pilot.press(*(["down"] * (number - position)), "space")
        position = number
    await pilot.press("escape")
    await pilot.pause()


async def test_a_realistic_plan_written_from_start_to_finish(store: PlanStore, capsys) -> None:  # type: ignore[no-untyped-def]
    async with plan_open_at(store, size=(100, 40)) as (app, pilot, path):
        # Step 1: who, and the right to a budget.
        await fill(pilot, "#field-name", "Leo Marsh", pasted=True)
        await fill(pilot, "#field-preferred_name", "Leo", pasted=True)
        await fill(pilot, "#field-date_of_birth", "14/02/2011", pasted=True)
        await fill(pilot, "#field-icb_name", "NHS Cornwall and the Isles of Scilly ICB", pasted=True)
        await choose(pilot, "#field-eligibility", "childrens_continuing_care")
        await choose(pilot, "#field-stage", "planning")
        app.screen.query_one("#helpers VirtualTable").focus()
        await pilot.press("a")
        await choose(pilot, "#field-role", "family")
        await fill(pilot, "#field-name", "Sarah Marsh (Mum)", pasted=True)
        await pilot.press("escape")

        # Step 2: what the assessment found, and three outcomes.
        await pilot.press("f8")
        await pilot.pause()
        await fill(pilot, "#field-assessed_needs", NEEDS, pasted=True)
        app.screen.query_one("#outcomes VirtualTable").focus()
        for outcome in OUTCOMES:
            await _add_outcome(pilot, *outcome)

        # Step 3: a mix of direct payment and notional.
        await pilot.press("f8")
        await pilot.pause()
        await choose(pilot, "#field-control_wanted", "some")
        await choose(pilot, "#field-employing_staff", "confident")
        await choose(pilot, "#field-option", "mixed")
        await fill(pilot, "#field-managed_by", "Sarah Marsh, as Leo's representative", pasted=True)
        await choose(pilot, "#field-received_by", "representative")
        await choose(pilot, "#field-held_in", "prepaid_card")

        # Step 4: support beyond the money.
        await pilot.press("f8")
        await pilot.pause()
        app.screen.query_one("#resources VirtualTable").focus()
        await pilot.press("a")
        await choose(pilot, "#field-kind", "person")
        app.screen.query_one("#field-description").focus()
        await paste(pilot, "Grandad takes Leo fishing on Saturdays")
        app.screen.query_one("#field-outcome_ids").focus()
        await pilot.press("down", "space", "escape")

        # Step 5: the budget and nine line items.
        await pilot.press("f8")
        await pilot.pause()
        await fill(pilot, "#field-budget_amount", "£40,000", pasted=True)
        await choose(pilot, "#field-budget_period", "year")
        app.screen.query_one("#line-items VirtualTable").focus()
        for item in LINE_ITEMS:
            await _add_line_item(pilot, item)
        await fill(pilot, "#field-contingency", "300", pasted=True)
        await fill(pilot, "#field-free_to_change", "Moving PA hours between weeks", pasted=True)

        # Step 6: risks, reviews, sign-off.
        await pilot.press("f8")
        await pilot.pause()
        app.screen.query_one("#risks VirtualTable").focus()
        await pilot.press("a")
        await paste(pilot, "The PA is ill")
        await pilot.press("tab")
        await paste(pilot, "Agency cover, and Mum")
        await pilot.press("escape")
        await fill(pilot, "#field-contingency_plan", "Mum covers, then the agency", pasted=True)
        await fill(pilot, "#field-first_review", "01/03/2027", pasted=True)
        await fill(pilot, "#field-every_months", "6", pasted=True)
        await fill(pilot, "#field-monitored_by", "Continuing care nurse, Cornwall ICB", pasted=True)
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("ctrl+s")

    plan = saved(store, path)
    assert plan.person.name == "Leo Marsh" and plan.person.date_of_birth == date(2011, 2, 14)
    assert plan.eligibility == "childrens_continuing_care" and plan.stage == "planning"
    assert [(h.role, h.name) for h in plan.helpers] == [("family", "Sarah Marsh (Mum)")]
    assert [(o.what_matters, o.outcome, o.how_i_will_know) for o in plan.outcomes] == OUTCOMES
    assert plan.assessed_needs == NEEDS
    assert plan.management.option == ManagementOption.MIXED
    assert plan.management.direct_payment.received_by == DirectPaymentRecipient.REPRESENTATIVE
    assert plan.management.direct_payment.held_in == DirectPaymentAccount.PREPAID_CARD
    assert plan.resources[0].outcome_ids == ["o2"]
    assert plan.finance.budget_amount == Decimal("40000.00")
    items = plan.finance.line_items
    assert len(items) == 9
    for item, (description, category, cost, quantity, period, route, outcomes) in zip(items, LINE_ITEMS, strict=True):
        assert (item.description, item.category, item.unit_cost, item.quantity, item.period) == (
            description,
            category,
            Decimal(cost),
            Decimal(quantity),
            period,
        )
        assert item.route == ManagementRoute(route)
        assert item.outcome_ids == [f"o{n}" for n in outcomes]
    # 11,310 + 1,365 + 216 + 95 + 19,760 + 1,680 + 144 + 988 + 640 (one-off, counted once) = 36,198.
    assert budget_position(plan).planned == Decimal("36198.00")
    assert plan.reviews.first_review == date(2027, 3, 1) and plan.reviews.every_months == 6

    # The plan is ready for review, by the same rules a reviewer's check uses.
    assert main(["check", str(path)]) == 0
    assert "ready for review" in capsys.readouterr().out
