"""Money is typed by people in many ways; these are the ways accepted and refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from plan_store import LineItem, MoneyError, format_money, parse_money
from plan_store.money import money_to_str


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("12", "12.00"),
        ("12.5", "12.50"),
        ("12.50", "12.50"),
        ("£12.50", "12.50"),
        ("£ 12.50", "12.50"),
        ("  1200.50 ", "1200.50"),
        ("1,200.50", "1200.50"),
        ("£1,200.50", "1200.50"),
        ("1,234,567.89", "1234567.89"),
        (".50", "0.50"),
        ("0", "0.00"),
        ("9999999.99", "9999999.99"),
    ],
)
def test_accepted_amounts_become_exact_pounds_and_pence(typed: str, amount: str) -> None:
    parsed = parse_money(typed)
    assert parsed == Decimal(amount)
    assert money_to_str(parsed) == amount


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("12.345", "more than two decimal places"),
        ("-5", "cannot be less than £0"),
        ("£-5", "cannot be less than £0"),
        ("abc", "is not an amount"),
        ("", "is not an amount"),
        ("1,20", "is not an amount"),
        ("12,00", "is not an amount"),
        ("1,2345.00", "is not an amount"),
        ("1.2.3", "is not an amount"),
        ("12 50", "is not an amount"),
        ("1e3", "is not an amount"),
        ("NaN", "is not an amount"),
        ("10000000", "more than any budget could be"),
    ],
)
def test_refused_amounts_say_what_is_allowed(typed: str, says: str) -> None:
    with pytest.raises(MoneyError) as refused:
        parse_money(typed)
    assert says in str(refused.value)
    # What is allowed: how to write an amount, or the largest there can be.
    assert "pounds and pence" in str(refused.value) or "the most is £9,999,999.99" in str(refused.value)


@pytest.mark.parametrize("value", [1.5, True, None, [1]])
def test_values_that_are_not_text_or_exact_numbers_are_refused(value: object) -> None:
    with pytest.raises(MoneyError):
        parse_money(value)


def test_exact_decimals_from_a_file_are_accepted() -> None:
    assert parse_money(Decimal("7.1")) == Decimal("7.10")
    assert parse_money(7) == Decimal("7.00")


@pytest.mark.parametrize(
    ("amount", "shown"),
    [("0", "£0.00"), ("1234.5", "£1,234.50"), ("-20.005", "-£20.01"), ("1000000", "£1,000,000.00")],
)
def test_amounts_are_shown_with_pound_sign_and_separators(amount: str, shown: str) -> None:
    assert format_money(Decimal(amount)) == shown


@pytest.mark.parametrize("typed", ["9" * 31, "9" * 29 + ".99", "١٢", "１２", "²", "①"])
def test_figures_too_long_or_in_other_digits_are_refused_in_words(typed: str) -> None:
    with pytest.raises(MoneyError) as refused:
        parse_money(typed)
    said = str(refused.value)
    assert "write pounds and pence, like 1234.50" in said or "the most is £9,999,999.99" in said


@pytest.mark.parametrize("typed", ["9" * 31, "١٢", "²"])
def test_quantities_too_long_or_in_other_digits_are_refused_in_words(typed: str) -> None:
    with pytest.raises(ValidationError) as refused:
        LineItem(id="i1", description="x", unit_cost="1", quantity=typed)
    assert "quantity" in str(refused.value) and (
        "larger than any plan" in str(refused.value) or "digits 0 to 9" in str(refused.value)
    )
