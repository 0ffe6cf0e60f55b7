"""The cost of employing a personal assistant, checked against examples worked by hand."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from phb_tui.planning.employer_rates import load_rates
from phb_tui.planning.pa_costs import PAInputs, as_line_items, pa_costs
from plan_store import Period

RATES = load_rates(Path("/nonexistent/rates.toml")).rates
D = Decimal


def _parts(**inputs: object) -> dict[str, Decimal]:
    costs = pa_costs(PAInputs(who="PA", insurance_per_year="120.00", payroll_per_year="180.00", **inputs), RATES)  # type: ignore[arg-type]
    return {part.description.removeprefix("PA: "): part.yearly for part in costs.parts}


def test_above_the_ni_threshold_without_the_allowance_with_a_pension() -> None:
    parts = _parts(hourly_rate="13.00", hours_per_week="20", claim_employment_allowance=False)
    # 13.00 x 20 = 260.00 a week; 260 x 52 = 13,520.00 a year of pay.
    assert parts["wages for hours worked (46.4 weeks)"] == D("12064.00")  # 260 x 46.4
    assert parts["holiday pay (5.6 weeks)"] == D("1456.00")  # 260 x 5.6
    assert parts["cover while on holiday (5.6 weeks)"] == D("1456.00")
    assert parts["employer's National Insurance"] == D("1278.00")  # 15% of (13,520 - 5,000)
    assert parts["workplace pension (employer)"] == D("218.40")  # 3% of (13,520 - 6,240)
    assert parts["cover for sickness (1 week)"] == D("260.00")
    assert sum(parts.values()) == D("17032.40")  # With insurance 120 and payroll 180.


def test_the_employment_allowance_takes_the_ni_to_nothing() -> None:
    parts = _parts(hourly_rate="13.00", hours_per_week="20", claim_employment_allowance=True)
    assert parts["employer's National Insurance"] == D("0.00")  # 1,278 is less than 10,500.
    assert sum(parts.values()) == D("15754.40")


def test_no_pension_when_the_pa_does_not_qualify_by_age() -> None:
    parts = _parts(hourly_rate="13.00", hours_per_week="20", claim_employment_allowance=False, pension_eligible=False)
    assert parts["workplace pension (employer)"] == D("0.00")
    assert sum(parts.values()) == D("16814.00")


def test_below_the_ni_threshold_and_the_pension_trigger() -> None:
    parts = _parts(hourly_rate="12.71", hours_per_week="7", claim_employment_allowance=False)
    # 12.71 x 7 = 88.97 a week; x 52 = 4,626.44: under 5,000 (no NI) and under 10,000 (no pension).
    assert parts["employer's National Insurance"] == D("0.00")
    assert parts["workplace pension (employer)"] == D("0.00")
    assert parts["holiday pay (5.6 weeks)"] == D("498.23")  # 88.97 x 5.6 = 498.232


def test_pay_above_the_upper_pension_limit() -> None:
    parts = _parts(hourly_rate="25.00", hours_per_week="40", claim_employment_allowance=False)
    # 25 x 40 x 52 = 52,000.00.
    assert parts["employer's National Insurance"] == D("7050.00")  # 15% of 47,000
    assert parts["workplace pension (employer)"] == D("1320.90")  # 3% of (50,270 - 6,240)


def test_the_allowance_only_reduces_ni_down_to_nothing_and_no_further() -> None:
    parts = _parts(hourly_rate="40.00", hours_per_week="40", claim_employment_allowance=True)
    # 40 x 40 x 52 = 83,200; 15% of 78,200 = 11,730; less 10,500 = 1,230.
    assert parts["employer's National Insurance"] == D("1230.00")


def test_a_wage_below_the_national_living_wage_is_warned_about() -> None:
    costs = pa_costs(PAInputs(hourly_rate="11.50", insurance_per_year="100.00"), RATES)
    assert any("below the National Living Wage" in warning and "£12.71" in warning for warning in costs.warnings)
    fair = pa_costs(PAInputs(hourly_rate="12.71", insurance_per_year="100.00"), RATES)
    assert not any("National Living Wage" in warning for warning in fair.warnings)


def test_missing_insurance_is_warned_about() -> None:
    costs = pa_costs(PAInputs(), RATES)
    assert any("legal requirement" in warning for warning in costs.warnings)


def test_the_parts_become_yearly_line_items_that_keep_the_total() -> None:
    costs = pa_costs(PAInputs(hourly_rate="13.00", hours_per_week="20", insurance_per_year="120.00"), RATES)
    items = as_line_items(costs, 1, {"pa1"}, ["o1"])
    assert [item.id for item in items][:2] == ["pa2", "pa3"]
    assert all(item.period == Period.YEAR and item.outcome_ids == ["o1"] for item in items)
    assert sum(item.unit_cost for item in items) == costs.yearly


def test_a_persons_own_rates_file_is_used_and_a_broken_one_is_explained(tmp_path: Path) -> None:
    shipped = (Path(__file__).parent.parent / "phb_tui" / "planning" / "rates-2026-27.toml").read_text(encoding="utf-8")
    own = tmp_path / "rates.toml"
    own.write_text(
        shipped.replace('national_living_wage = "12.71"', 'national_living_wage = "13.10"'), encoding="utf-8"
    )
    loaded = load_rates(own)
    assert loaded.rates.national_living_wage == D("13.10") and "your own file" in loaded.source
    own.write_text(shipped.replace('employer_ni_rate = "0.15"', 'employer_ni_rate = "15"'), encoding="utf-8")
    loaded = load_rates(own)
    assert loaded.rates.employer_ni_rate == D("0.15") and "shipped" in loaded.source
    assert loaded.problem and "employer_ni_rate" in loaded.problem
