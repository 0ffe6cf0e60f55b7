"""NHS numbers: ten digits whose last digit is a modulus 11 check of the first nine.

The check catches most single mistyped digits and swapped pairs, which matters because a plan
sent to the wrong person's record is worse than a plan sent late.
"""

from __future__ import annotations

import re

NHS_NUMBER_RULE = "10 digits, like 943 476 5919, with a last digit that matches the others"


class NhsNumberError(ValueError):
    """An NHS number that is not well formed; the message says what is allowed."""


def check_digit(first_nine: str) -> int | None:
    """The check digit for nine digits, or None when no valid NHS number starts with them."""
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True))
    remainder = 11 - (total % 11)
    if remainder == 11:
        return 0
    if remainder == 10:
        return None
    return remainder


def normalise_nhs_number(text: str) -> str:
    """Return the ten digits with spaces and dashes removed, or raise NhsNumberError."""
    digits = re.sub(r"[\s-]", "", text)
    if not digits.isascii() or not digits.isdigit() or len(digits) != 10:
        raise NhsNumberError(f"must be {NHS_NUMBER_RULE}")
    expected = check_digit(digits[:9])
    if expected is None or expected != int(digits[9]):
        raise NhsNumberError(
            f"does not pass the NHS number check (a digit may be mistyped); it must be {NHS_NUMBER_RULE}"
        )
    return digits


def format_nhs_number(digits: str) -> str:
    """Show an NHS number the way it is printed on letters: 3, 3 and 4 digits."""
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
