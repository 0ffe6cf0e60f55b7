"""The multi-line box that forms draw, imported the first time a form has a long answer.

It is slow to load, and many forms have none, so the app's first screen need not wait for it.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.widgets import TextArea


@cache
def text_box_class() -> type[TextArea]:
    """Textual's multi-line box without its F6 and F7 (select the line, select all).

    Those are the journey's keys. The step's own bindings win when pressed, but the box's would
    still hide "F7 Back" from the footer while the cursor is in it.
    """
    from textual.binding import Binding
    from textual.containers import ScrollableContainer
    from textual.widgets import TextArea

    kept = [
        binding
        for owner in (ScrollableContainer, TextArea)
        for binding in owner.BINDINGS
        if not (isinstance(binding, Binding) and binding.key in ("f6", "f7"))
    ]

    class TextBox(TextArea, inherit_bindings=False):
        BINDINGS = kept

    return TextBox
