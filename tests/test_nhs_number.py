"""NHS numbers are checked with their modulus 11 check digit, so a mistyped digit is caught."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from plan_store import Person
from plan_store.nhs_number import NhsNumberError, check_digit, format_nhs_number, normalise_nhs_number


@pytest.mark.parametrize("typed", ["9434765919", "943 476 5919", "943-476-5919", " 943 476 5919 "])
def test_valid_numbers_are_stored_as_ten_digits(typed: str) -> None:
    assert normalise_nhs_number(typed.strip()) == "9434765919"


def test_check_digit_worked_by_hand() -> None:
    # 9x10 + 4x9 + 3x8 + 4x7 + 7x6 + 6x5 + 5x4 + 9x3 + 1x2 = 299; 299 mod 11 = 2; 11 - 2 = 9.
    assert check_digit("943476591") == 9


def test_remainder_eleven_gives_check_digit_zero() -> None:
    # The last two weights are 3 and 2: 3x3 + 1x2 = 11, a remainder of 0, so 11 - 0 = 11 -> 0.
    assert check_digit("000000031") == 0
    assert normalise_nhs_number("0000000310") == "0000000310"


def test_numbers_whose_check_would_be_ten_are_never_valid() -> None:
    # 6x2 = 12, a remainder of 1, so 11 - 1 = 10: no single digit can be the check.
    assert check_digit("000000006") is None
    with pytest.raises(NhsNumberError):
        normalise_nhs_number("0000000060")


@pytest.mark.parametrize("typed", ["9434765918", "9434765991", "4934765919"])
def test_a_wrong_digit_or_swapped_pair_is_refused(typed: str) -> None:
    with pytest.raises(NhsNumberError, match="does not pass the NHS number check"):
        normalise_nhs_number(typed)


@pytest.mark.parametrize("typed", ["943476591", "94347659190", "943476591X", "", "９４３４７６５９１９"])
def test_wrong_length_or_characters_are_refused(typed: str) -> None:
    with pytest.raises(NhsNumberError, match="10 digits"):
        normalise_nhs_number(typed)


def test_the_person_model_refuses_a_bad_number_naming_the_field() -> None:
    with pytest.raises(ValidationError) as refused:
        Person(nhs_number="943 476 5918")
    assert refused.value.errors()[0]["loc"] == ("nhs_number",)


def test_numbers_are_shown_three_three_four() -> None:
    assert format_nhs_number("9434765919") == "943 476 5919"
