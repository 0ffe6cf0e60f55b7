"""A person's words, ready to be drawn exactly as written.

Rich and Textual read a plain string as markup: "[b]", "[/]" and ":pill:" in a name would turn bold,
stop the app with an error, or become an emoji. Every piece of a person's text (or of a file they
were given) that reaches a Rich or Textual renderable goes through `as_written` first, so that one
function is the whole defence and a search for it finds every place. It shows control codes as
escapes too (`plan_store.visible`), so an escape sequence in a file name cannot act on the terminal.
"""

from __future__ import annotations

from rich.text import Text

from plan_store import visible


def as_written(text: str, style: str = "") -> Text:
    """The text as a `Text`, which is never read as markup or emoji codes, with any control code
    (from a file name, or a file made elsewhere) shown as an escape rather than sent to the terminal."""
    return Text(visible(text), style=style)
