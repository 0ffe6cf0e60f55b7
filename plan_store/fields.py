"""Field types shared by every part of a plan: text, names, identifiers, quantities and notes.

Each type refuses what would not survive a round trip through a file or a screen (control
characters, runaway lengths) and says so in words a person can act on.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    ValidationError,
    model_serializer,
    model_validator,
)

from . import clock
from .nhs_number import NhsNumberError, normalise_nhs_number

MAX_TEXT = 20_000
MAX_LINE = 300
MAX_TITLE = 120

# Tab and newline are ordinary in long text. Other control characters are invisible on screen,
# and the direction overrides and isolates (U+202A-202E, U+2066-2069) can make text read
# differently from what it says. Joiners and direction marks (U+200B-200F) stay: emoji such as
# "woman in wheelchair" and several scripts need them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")
# In a title or a name, characters that show nothing would let two different names look the same
# ("Amira" and "Amira" with a zero-width space), so a plan could pass for another: zero-width
# spaces, the byte order mark, soft hyphens, direction marks, word joiners, Hangul fillers, and
# tag characters. Two exceptions keep real names and emoji working: joiners (U+200C, U+200D)
# after a character outside ASCII, where scripts such as Persian and Hindi and emoji such as
# "woman in wheelchair" need them, and tag characters that spell a flag after its black flag
# (England's flag is written that way).
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u2060-\u2064\u3164\ufeff\uffa0\ufff9-\ufffb]"
    "|(?<![^\x00-\x7f])[\u200c\u200d]"
    "|(?<![\U0001f3f4\U000e0020-\U000e007f])[\U000e0000-\U000e007f]"
)
_IDENTIFIER = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")


class PlanModel(BaseModel):
    """Base for every part of a plan: unknown keys are mistakes, and edits are validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


def assign(model: BaseModel, name: str, value: Any) -> None:
    """Set one field, checked by every rule of the model; a refused value leaves the model as it was.

    Pydantic checks a rule that spans fields (a contribution no larger than the price) after it has
    stored the new value, and leaves that value in place when the rule refuses it. Editing through
    this keeps a refusal from changing the plan.
    """
    before = model.__dict__[name]
    try:
        setattr(model, name, value)
    except ValidationError:
        model.__dict__[name] = before
        raise


_BROKEN = re.compile(r"[\ud800-\udfff]")
"""Half of a character (a lone surrogate), as a faulty paste can bring: no file can hold it."""


def _no_control(text: str) -> str:
    if broken := _BROKEN.search(text):
        raise ValueError(
            f"contains half of a character (U+{ord(broken.group()):04X}) at position {broken.start() + 1}, "
            "which cannot be saved; type that part again"
        )
    match = _CONTROL.search(text)
    if match:
        code = f"U+{ord(match.group()):04X}"
        raise ValueError(
            f"contains an invisible control character ({code}) at position {match.start() + 1}; "
            "remove it and use plain text"
        )
    return text


def _text(value: str) -> str:
    value = _no_control(value.replace("\r\n", "\n"))
    if len(value) > MAX_TEXT:
        raise ValueError(f"is {len(value):,} characters long; the most allowed is {MAX_TEXT:,}")
    return value


def _no_invisible(text: str) -> str:
    match = _INVISIBLE.search(text)
    if match:
        character = match.group()
        name = unicodedata.name(character, "").lower() or "an invisible character"
        raise ValueError(
            f"contains a character that cannot be seen (U+{ord(character):04X}, {name}) at position "
            f"{match.start() + 1}, so it could look like another name; remove it, or type the name again"
        )
    return text


def _line(value: str) -> str:
    if value.isascii() and value.isprintable() and len(value) <= MAX_LINE:
        return value  # Most lines: every character below is outside printable ASCII. A plan has thousands.
    if "\n" in value or "\r" in value:
        raise ValueError("must be a single line (no line breaks)")
    _no_control(value)
    _no_invisible(value)
    if len(value) > MAX_LINE:
        raise ValueError(f"is {len(value):,} characters long; the most allowed is {MAX_LINE}")
    return value


def check_title(value: str) -> str:
    """The title as it will be kept (trimmed), or ValueError saying why it cannot be used.

    The one rule for titles: the model, the command line and the app's title box all use it.
    """
    value = _line(value).strip()
    if not value:
        raise ValueError("cannot be empty; give the plan a short name, like 'Amira's plan 2026'")
    if len(value) > MAX_TITLE:
        raise ValueError(f"is {len(value)} characters long; keep it to {MAX_TITLE} or fewer")
    return value


def _identifier(value: str) -> str:
    if not _IDENTIFIER.match(value):
        raise ValueError(
            f"{value!r} is not a usable id; use 1 to 32 lower-case letters, digits, "
            "'-' or '_', starting with a letter or digit (like \"o1\" or \"pa-hours\")"
        )
    return value


def _quantity(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, str, Decimal)):
        raise ValueError("must be a number, like 1, 7.5 or 20")
    if isinstance(value, str) and not value.isascii():  # Decimal would read other scripts' digits.
        raise ValueError(f"{value!r} is not a number; use the digits 0 to 9, like 1, 7.5 or 20")
    try:
        amount = Decimal(str(value).strip())
    except ArithmeticError:
        raise ValueError(f"{value!r} is not a number; use a number like 1, 7.5 or 20") from None
    if not amount.is_finite() or amount < 0:
        raise ValueError("must be zero or more, like 1, 7.5 or 20")
    if amount > 100_000:  # Checked before rounding, which fails for a figure of 29 or more digits.
        raise ValueError("is larger than any plan could need; the most allowed is 100000")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError("can have at most two decimal places, like 7.25")
    return amount


def _plain_decimal(value: Decimal) -> Decimal | int:
    """Write quantities as people write them: 20 and 7.5, never 20.0 or 7.5E+0."""
    if value == value.to_integral_value():
        return int(value)
    return Decimal(format(value.normalize(), "f"))


def _nhs_number(value: str) -> str:
    try:
        return normalise_nhs_number(value)
    except NhsNumberError as error:
        raise ValueError(str(error)) from None


def _past_date(value: date) -> date:
    if value > clock.today():
        raise ValueError("is in the future; a date of birth must be today or earlier")
    if value.year < 1900:
        raise ValueError("is before 1900; check the year")
    return value


Text = Annotated[str, AfterValidator(_text)]
"""Free text of any length up to MAX_TEXT; line breaks allowed."""

Line = Annotated[str, AfterValidator(_line)]
"""A single line: a name, a phone number, an email address."""

Title = Annotated[str, AfterValidator(check_title)]
Identifier = Annotated[str, AfterValidator(_identifier)]
NhsNumber = Annotated[str, AfterValidator(_nhs_number)]
BirthDate = Annotated[date, AfterValidator(_past_date)]
Quantity = Annotated[
    Decimal,
    BeforeValidator(_quantity),
    PlainSerializer(_plain_decimal, return_type=Decimal | int),
]


class Note(PlanModel):
    """Free text that the person may choose to keep out of anything they share.

    In a file a note is either plain text or a table with `text` and `private`; plain text means
    the field's usual privacy (shared, for an ordinary note).
    """

    private_by_default: ClassVar[bool] = False

    text: Text = ""
    private: bool = False

    @model_validator(mode="before")
    @classmethod
    def _from_plain_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"text": value, "private": cls.private_by_default}
        return value

    @model_serializer(mode="plain")
    def _to_plain_text_when_usual(self) -> str | dict[str, Any]:
        if self.private == self.private_by_default:
            return self.text
        return {"text": self.text, "private": self.private}


class PrivateNote(Note):
    """A note that stays private unless the person says otherwise: worries, for instance."""

    private_by_default: ClassVar[bool] = True

    private: bool = True
