"""Small pieces of wording that every part of the summary shares, so they read the same everywhere."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from plan_store import Note

NOT_GIVEN = "not given yet"


def long_date(day: date) -> str:
    """ "3 June 1991": the form used in NHS letters, unambiguous in any country."""
    return f"{day.day} {day:%B %Y}"


def or_missing(text: str) -> str:
    return text.strip() or NOT_GIVEN


def visible(notes: Iterable[Note], include_private: bool) -> Iterable[str]:
    """The text of each note that may be shown, private ones labelled as such."""
    for note in notes:
        if note.text and (include_private or not note.private):
            yield note.text + (" (private)" if note.private else "")


def note_suffix(note: Note, include_private: bool) -> str:
    shown = list(visible([note], include_private))
    return f" - {shown[0]}" if shown else ""
