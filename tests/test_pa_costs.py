"""The cost of employing personal assistants, checked against examples worked by hand.

Rates are the shipped 2026-27 figures: National Insurance 15% of pay above £417 a month or £96 a
week (each pay period on its own), per employee,
Employment Allowance £10,500 a year per employer, holiday 5.6 weeks (at most 28 days), Statutory
Sick Pay £123.25 a week or 80% of average weekly earnings, pension 3% of earnings between £6,240
and £50,270 for those earning over £10,000, and a cover worker's holiday 12.07% of their pay.
A year is 52 weeks. The wage line pays every week of the year, so sick weeks are paid in full.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from phb_tui.planning.employer_rates import load_rates
from phb_tui.planning.pa_costs import Costs, employment_costs
from phb_tui.planning.pa_plan import apply_to_plan, pa_wage_lines
from plan_store import LineItem, Period, SpendCategory
from plan_store.employing import EmployerCosts, PersonalAssistant
from plan_store.vocabulary import PayPeriod, PensionChoice

RATES = load_rates(Path("/nonexistent/rates.toml")).rates
D = Decimal
IN_DATE = date(2026, 11, 24)


def _costs(*pas: PersonalAssistant, claim: bool = False, today: date = IN_DATE) -> Costs:
    employer = EmployerCosts(claim_employment_allowance=claim, insurance_per_year=D("120.00"), payroll_per_year=D(0))
    return employment_costs(list(pas), employer, RATES, today=today)


def _parts(costs: Costs, n: int = 0) -> dict[str, Decimal]:
    return {part.key: part.yearly for part in costs.per_pa[n].parts}


def test_one_pa_every_part_of_the_cost() -> None:
    # £13.00 x 20 hours = £260.00 a week, 5 days a week, one week off sick budgeted, paid monthly.
    costs = _costs(PersonalAssistant(who="Sam", hourly_rate=D("13.00"), hours_per_week=D(20)))
    parts = _parts(costs)
    assert parts["wages"] == D("11804.00")  # 260 x (52 - 5.6 - 1)
    assert parts["holiday_pay"] == D("1456.00")  # 260 x 5.6
    assert parts["sick_pay"] == D("260.00")  # A week at full pay: the wage line pays every week.
    assert parts["wages"] + parts["holiday_pay"] + parts["sick_pay"] == D("13520.00")  # 260 x 52, the wage line
    assert parts["holiday_cover"] == D("1631.74")  # 260 x 5.6 x 1.1207
    assert parts["sick_cover"] == D("291.38")  # 260 x 1 x 1.1207
    # Monthly pay 13,520 / 12 = 1,126.67: 15% of (1,126.67 - 417) is 106.45 a month, 1,277.40 a
    # year. The cover worker is paid weekly, 291.382 a week for 6.6 weeks: 15% of (291.382 - 96)
    # is 29.3073 a week, 193.43. Together 1,470.83.
    assert parts["ni"] == D("1470.83")
    assert parts["pension"] == D("218.40")  # 3% of (13,520 - 6,240)
    assert costs.per_pa[0].yearly == D("17132.35")
    assert costs.yearly == D("17252.35")  # With £120 insurance.


def test_ni_is_worked_out_per_pay_period() -> None:
    weekly = PersonalAssistant(hourly_rate=D("13.00"), hours_per_week=D(20), pay_period=PayPeriod.WEEK)
    # Weekly: 15% of (260 - 96) = 24.60 a week, 1,279.20 a year; with the cover worker's 193.43.
    assert _parts(_costs(weekly))["ni"] == D("1472.63")
    # Without cover: weekly, 15% of (260 - 96) x 52 = 1,279.20; monthly, 15% of (1,126.67 - 417) x 12 = 1,277.40.
    alone = {"hourly_rate": D("13.00"), "hours_per_week": D(20), "holiday_cover": False, "sick_weeks": D(0)}
    assert _parts(_costs(PersonalAssistant(pay_period=PayPeriod.WEEK, **alone)))["ni"] == D("1279.20")
    assert _parts(_costs(PersonalAssistant(pay_period=PayPeriod.MONTH, **alone)))["ni"] == D("1277.40")
    # Below the threshold in every period, nothing is due.
    low = PersonalAssistant(hourly_rate=D("12.71"), hours_per_week=D(7), holiday_cover=False, sick_weeks=D(0))
    assert _parts(_costs(low))["ni"] == D("0.00")  # £88.97 a week, £385.54 a month


def test_a_cover_worker_paid_for_a_few_weeks_owes_ni_each_week() -> None:
    # A PA paid under the monthly threshold (£12.71 x 7 = £88.97 a week, £385.54 a month) owes no
    # NI, but their cover worker, paid £88.97 x 1.1207 = £99.71 a week for 6.6 weeks, goes over
    # the weekly threshold: 15% of (99.7087 - 96) = 0.5563 a week, 3.67 for 6.6 weeks.
    low = PersonalAssistant(hourly_rate=D("12.71"), hours_per_week=D(7))
    assert _parts(_costs(low))["ni"] == D("3.67")


def test_two_pas_share_one_employment_allowance() -> None:
    # Each £25 x 40 = £1,000 a week, £4,333.33 a month: NI 15% of 3,916.33 = 587.45 a month,
    # 7,049.40 a year each, 14,098.80 in all.
    pa = {"hourly_rate": D("25.00"), "hours_per_week": D(40), "holiday_cover": False, "sick_weeks": D(0)}
    costs = _costs(PersonalAssistant(who="A", **pa), PersonalAssistant(who="B", **pa), claim=True)
    assert costs.allowance_used == D("10500.00")  # The whole allowance, once, for the employer.
    assert _parts(costs, 0)["ni"] == _parts(costs, 1)["ni"] == D("1799.40")  # 7,049.40 - 5,250 each
    assert _parts(costs, 0)["pension"] == D("1320.90")  # 3% of (50,270 - 6,240): capped at the upper limit


def test_the_allowance_takes_a_small_employers_ni_to_nothing_and_no_further() -> None:
    costs = _costs(PersonalAssistant(hourly_rate=D("13.00"), hours_per_week=D(20)), claim=True)
    assert _parts(costs)["ni"] == D("0.00")
    assert costs.allowance_used == D("1470.83")


def test_a_pa_under_the_pension_trigger_is_not_enrolled_but_may_opt_in() -> None:
    # £12.71 x 10 = £127.10 a week, £6,609.20 a year: over the lower limit, under the trigger.
    pa = {"hourly_rate": D("12.71"), "hours_per_week": D(10), "holiday_cover": False, "sick_weeks": D(0)}
    assert _parts(_costs(PersonalAssistant(**pa)))["pension"] == D("0.00")
    opted = _costs(PersonalAssistant(pension=PensionChoice.OPTED_IN, **pa))
    assert _parts(opted)["pension"] == D("11.08")  # 3% of (6,609.20 - 6,240)
    out = _costs(PersonalAssistant(hourly_rate=D("20"), hours_per_week=D(40), pension=PensionChoice.NOT_IN))
    assert _parts(out)["pension"] == D("0.00")


def test_sick_weeks_are_paid_in_full_and_the_least_due_is_named() -> None:
    # £12.71 x 8 = £101.68 a week; Statutory Sick Pay would be 80% of that, £81.34. Two weeks.
    costs = _costs(PersonalAssistant(hourly_rate=D("12.71"), hours_per_week=D(8), sick_weeks=D(2)))
    (sick,) = [part for part in costs.per_pa[0].parts if part.key == "sick_pay"]
    assert sick.yearly == D("203.36")
    assert "sick pay, at full pay for 2 weeks off sick (Statutory Sick Pay of £81.34 a week is the least due)" in (
        sick.description
    )


def test_for_a_higher_earner_the_least_due_is_the_weekly_rate() -> None:
    costs = _costs(PersonalAssistant(hourly_rate=D("15.00"), hours_per_week=D(37.5), sick_weeks=D(2)))
    (sick,) = [part for part in costs.per_pa[0].parts if part.key == "sick_pay"]
    assert sick.yearly == D("1125.00") and "£123.25 a week is the least due" in sick.description


def test_holiday_is_capped_at_28_days_for_six_days_a_week() -> None:
    costs = _costs(PersonalAssistant(hourly_rate=D("12.50"), hours_per_week=D(8), days_per_week=D(6)))
    assert _parts(costs)["holiday_pay"] == D("466.67")  # £100 a week x 28/6 weeks


def test_sleep_in_nights_are_paid_as_agreed_and_noted() -> None:
    pa = PersonalAssistant(hourly_rate=D("13.00"), hours_per_week=D(20), sleep_in_nights=D(2), sleep_in_rate=D(60))
    costs = _costs(pa)
    assert _parts(costs)["holiday_pay"] == D("1456.00")  # 260 x 5.6: the nights are a line of their own
    assert _parts(costs)["sleep_ins"] == D("6240.00")  # 2 x 60 every week of the year
    assert any("Only time awake and working counts toward the minimum wage" in w for w in costs.warnings)


def test_rates_outside_their_dates_are_warned_about() -> None:
    late = _costs(PersonalAssistant(), today=date(2027, 5, 1))
    assert any("today is outside those dates" in warning for warning in late.warnings)
    assert not any("outside those dates" in warning for warning in _costs(PersonalAssistant()).warnings)


def test_below_the_living_wage_is_warned_never_refused() -> None:
    costs = _costs(PersonalAssistant(who="Lee", hourly_rate=D("11.00")))
    assert any("Lee: £11.00 an hour is below the National Living Wage (£12.71" in w for w in costs.warnings)


def test_no_insurance_and_no_payroll_are_asked_about() -> None:
    costs = employment_costs([PersonalAssistant()], EmployerCosts(), RATES, today=IN_DATE)
    assert any("legal requirement" in w and "£5,000,000" in w for w in costs.warnings)
    assert any("No cost yet for payroll" in w for w in costs.warnings)


# --- into the plan ----------------------------------------------------------------------------------


def _plan_items() -> list[LineItem]:
    return [
        LineItem(
            id="l1",
            description="Personal assistant, mornings (Sam)",
            category=SpendCategory.PERSONAL_ASSISTANT,
            unit_cost=D("14.50"),
            quantity=D(20),
            period=Period.WEEK,
            outcome_ids=["o1"],
        ),
        LineItem(id="l2", description="Swimming", unit_cost=D("4.80"), quantity=D(8), outcome_ids=["o2"]),
    ]


def test_a_pas_wages_already_in_the_plan_get_only_their_employer_costs_beside_them() -> None:
    items = _plan_items()
    (sam,) = pa_wage_lines(items)
    assert (sam.hourly_rate, sam.hours_per_week, sam.wage_line) == (D("14.50"), D(20), "l1")
    change = apply_to_plan(_costs(sam), items)
    ids = [item.id for item in change.line_items]
    assert ids == ["l1", "l1-holcover", "l1-sickcover", "l1-ni", "l1-pension", "l2", "employer-insurance"]
    assert all(item.outcome_ids == ["o1"] for item in change.line_items if item.id.startswith("l1-"))
    assert not any("wages" in item.description for item in change.line_items[1:])  # Wages are not counted twice.
    assert len(change.added) == 5 and "Sam: employer's National Insurance" in change.in_words()


def test_running_the_calculator_again_updates_and_never_duplicates() -> None:
    items = _plan_items()
    first = apply_to_plan(_costs(*pa_wage_lines(items)), items).line_items
    (sam,) = pa_wage_lines(first)  # The lines it made are not taken for another PA's wages.
    again = apply_to_plan(_costs(sam.model_copy(update={"hourly_rate": D("15.00")})), first)
    assert [item.id for item in again.line_items] == [item.id for item in first]
    assert again.added == [] and len(again.updated) == 4  # The insurance is the same.
    # With the allowance claimed, National Insurance is nothing: its line goes.
    claimed = apply_to_plan(_costs(sam, claim=True), again.line_items, again.written)
    assert "l1-ni" not in [item.id for item in claimed.line_items] and len(claimed.removed) == 1
    assert claimed.edits == []  # Every line was as the calculator wrote it.


def test_a_pa_not_yet_in_the_plan_gets_a_wage_line_too() -> None:
    pa = PersonalAssistant(who="Lee", hourly_rate=D("13.00"), hours_per_week=D(15), outcome_ids=["o1"])
    change = apply_to_plan(_costs(pa), [])
    wage = change.line_items[0]
    assert (wage.id, wage.unit_cost, wage.quantity, wage.period) == ("pa1", D("13.00"), D(15), Period.WEEK)
    assert wage.outcome_ids == ["o1"] and "Lee: wages" in wage.description
    assert [item.id for item in change.line_items][1:3] == ["pa1-holcover", "pa1-sickcover"]


def test_sleep_in_nights_become_a_line_of_their_own_beside_the_wages() -> None:
    pa = PersonalAssistant(who="Lee", hourly_rate=D("13.00"), hours_per_week=D(15), sleep_in_nights=D(2))
    pa = pa.model_copy(update={"sleep_in_rate": D("60.00")})
    change = apply_to_plan(_costs(pa), [])
    wage, sleep_ins = change.line_items[:2]
    assert (wage.unit_cost, wage.quantity, wage.period) == (D("13.00"), D(15), Period.WEEK)  # Hours only.
    assert (sleep_ins.id, sleep_ins.unit_cost, sleep_ins.period) == ("pa1-sleepins", D("6240.00"), Period.YEAR)
    assert [found.wage_line for found in pa_wage_lines(change.line_items)] == ["pa1"]  # Not taken for a PA.
