"""Pounds and pence as `Decimal`, parsed strictly and written the same way every time.

One parser serves the plan file and every money field in the app, so a value the app refuses
can never be smuggled in through a hand-edited file, and the message a person sees is the same
wherever they typed it.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Annotated

from pydantic import BeforeValidator, PlainSerializer

PENNY = Decimal("0.01")

#: Larger than any personal health budget; a bigger figure is almost always a slip of the keyboard.
MAX_AMOUNT = Decimal("9999999.99")

MONEY_RULE = "write pounds and pence, like 1234.50 or £1,234.50"
"""Said after what is wrong, in few words: each message names one thing to put right."""

# Either plain digits, or digits grouped in threes with commas ("1,234,567"); then optional pence.
# Only the digits 0 to 9: Python would read other scripts' digits too, and silently.
_AMOUNT = re.compile(r"^(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d+)?$", re.ASCII)


class MoneyError(ValueError):
    """A money value that cannot be accepted; the message says what is allowed."""


def parse_money(value: object) -> Decimal:
    """Turn typed or stored text into an exact amount, or explain why not.

    Accepts a leading pound sign and unambiguous thousands separators, because that is how people
    write money. Refuses anything that would need guessing: three decimal places, a minus sign,
    commas in odd places (is "1,50" one pound fifty or a slip?), or words.
    """
    if isinstance(value, bool):
        raise MoneyError(f"must be an amount of money; {MONEY_RULE}")
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, str):
        amount = _parse_text(value)
    else:
        raise MoneyError(f"must be an amount of money; {MONEY_RULE}")
    return _check_amount(amount)


def _parse_text(text: str) -> Decimal:
    cleaned = text.strip()
    if cleaned.startswith("£"):
        cleaned = cleaned[1:].strip()
    if cleaned.startswith("-"):
        raise MoneyError(f"cannot be less than £0; {MONEY_RULE}")
    if not cleaned or not _AMOUNT.match(cleaned) or cleaned == ".":
        raise MoneyError(f"{text.strip()!r} is not an amount of money; {MONEY_RULE}")
    try:
        return Decimal(cleaned.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern above already rules this out
        raise MoneyError(f"{text.strip()!r} is not an amount of money; {MONEY_RULE}") from None


def _check_amount(amount: Decimal) -> Decimal:
    if not amount.is_finite():
        raise MoneyError(f"must be an amount of money; {MONEY_RULE}")
    if amount < 0:
        raise MoneyError(f"cannot be less than £0; {MONEY_RULE}")
    # Before rounding: rounding a figure of 29 or more digits to pennies is itself an error.
    if amount > MAX_AMOUNT:
        raise MoneyError("is more than any budget could be; the most is £9,999,999.99")
    if amount != amount.quantize(PENNY, rounding=ROUND_HALF_UP):
        raise MoneyError(f"has more than two decimal places; {MONEY_RULE}")
    return amount.quantize(PENNY)


def money_to_str(amount: Decimal) -> str:
    """How money is stored: plain digits and exactly two decimal places, e.g. "1234.50"."""
    return f"{amount.quantize(PENNY, rounding=ROUND_HALF_UP):f}"


def format_money(amount: Decimal, *, whole_pounds: bool = False) -> str:
    """How money is shown to people: "£1,234.50".

    With `whole_pounds` an amount with no pence leaves them out ("£15,080", not "£15,080.00"), as
    easy read asks; pence that are there stay ("£14.50"), since rounding them away would change it.
    """
    rounded = amount.quantize(PENNY, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    places = 0 if whole_pounds and rounded == rounded.to_integral_value() else 2
    return f"{sign}£{abs(rounded):,.{places}f}"


def round_pennies(amount: Decimal) -> Decimal:
    """Round half-up to the penny: the one rounding rule used for every total."""
    return amount.quantize(PENNY, rounding=ROUND_HALF_UP)


_STORED = re.compile(r"\d{1,7}\.\d\d", re.ASCII)
"""Money as PHB Planner writes it ("1234.50"): always within the limits, so taken as it is."""


def _validate(value: object) -> Decimal:
    if isinstance(value, str) and _STORED.fullmatch(value):
        return Decimal(value)  # Most money read from a file: thousands of amounts in a long plan.
    try:
        return parse_money(value)
    except MoneyError as error:
        # Pydantic turns a ValueError into a field error carrying this message.
        raise ValueError(str(error)) from None


Money = Annotated[
    Decimal,
    BeforeValidator(_validate),
    PlainSerializer(money_to_str, return_type=str, when_used="always"),
]
"""A field type: accepts what `parse_money` accepts, always stored as a two-place string."""
