"""A person's words, ready to be drawn exactly as written.

Rich and Textual read a plain string as markup: "[b]", "[/]" and ":pill:" in a name would turn bold,
stop the app with an error, or become an emoji. Every piece of a person's text (or of a file they
were given) that reaches a Rich or Textual renderable goes through `as_written` first, so that one
function is the whole defence and a search for it finds every place.
"""

from __future__ import annotations

from rich.text import Text


def as_written(text: str, style: str = "") -> Text:
    """The text as a `Text`, which is never read as markup or emoji codes."""
    return Text(text, style=style)
