"""Text as the PDF draws it: without control characters, and which script needs HarfBuzz.

Kept apart from the drawing in `pdf` so each module stays one job: these only read strings.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator

COMPLEX = re.compile(r"[\u0300-\u036f\u0590-\u0dff\u0e00-\u0eff\u0f00-\u109f\u1780-\u17ff\ufb1d-\ufdff\ufe70-\ufeff]")
"""Scripts whose letters change shape or place with their neighbours (Hebrew, Arabic, the Indian
scripts, Thai, Tibetan, Burmese, Khmer) and combining accents, which need HarfBuzz to be drawn right."""
HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
BREAKS = re.compile(r"\s+|\u200b")
"""Where a line in a table's cell may break: at a space, or after a hyphen between letters."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """The text with control characters taken out, which no font draws and no reader says, and
    which could otherwise stand for the page count; tabs become spaces, and every line break "\\n"."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = "".join("\ufffd" if unicodedata.category(char) == "Cs" else char for char in _CONTROL.sub("", text))
    return text


def strings(value: object) -> Iterator[str]:
    """Every piece of text in a document, to know which fonts it needs."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from strings(getattr(value, field.name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


def words_of(block: object) -> str:
    """A block this renderer does not know, in words: a picture's words for people who cannot see it."""
    alt = getattr(block, "alt", None)
    if isinstance(alt, str):
        return f"Picture: {alt}"
    return " ".join(strings(block))
