"""Tick boxes that read the same without colour: ticked shows an X, unticked shows a space.

Textual draws an X in both states and tells them apart by colour alone, so with NO_COLOR, on a
monochrome terminal or to someone who cannot see the colours, every box looks ticked.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Checkbox

from ..textual_private import tick_box_inner

if TYPE_CHECKING:
    from textual.widgets import SelectionList

TICKED = "X"
UNTICKED = " "


class TickBox(Checkbox):
    """Takes Space and Enter, and nothing else.

    Letters typed into a tick box (the person thinks the cursor is in the text box above it) are
    not dropped in silence: the box says it was typed into, once per run of letters, and the
    spaces between the words change nothing. A sentence typed into "Keep this private" flipped it
    at every space, so an even number of spaces would have shared a private note without a sign.
    Enter always ticks; Space does again once the box has been left and come back to.
    """

    @dataclass
    class TypedInto(Message):
        """Letters were typed into the tick box."""

        tick_box: TickBox

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.BUTTON_INNER = TICKED if self.value else UNTICKED
        self._typed_into = False

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            self._typed_into = False
        elif event.key == "space" and self._typed_into:
            event.stop()  # A space between typed words: not a tick.
            event.prevent_default()
        elif event.is_printable and event.key != "space":
            event.stop()
            event.prevent_default()
            if not self._typed_into:
                self._typed_into = True
                self.post_message(self.TypedInto(self))

    def on_blur(self) -> None:
        self._typed_into = False

    def watch_value(self) -> None:
        self.BUTTON_INNER = TICKED if self.value else UNTICKED
        super().watch_value()


@cache
def tick_list_class() -> type[SelectionList[str]]:
    """Textual's list of tick boxes, made the first time it is wanted (it is slow to load)."""
    from textual.widgets import SelectionList

    inner = tick_box_inner()

    class TickList(SelectionList[str]):
        def render_line(self, y: int) -> Strip:
            line = super().render_line(y)
            segments = list(line)
            index = self.scroll_offset.y + y
            if len(segments) < 2 or segments[1].text != inner or index >= self.option_count:
                return line
            ticked = self.get_option_at_index(index).value in self.selected
            segments[1] = Segment(TICKED if ticked else UNTICKED, segments[1].style)
            return Strip(segments, line.cell_length)

    return TickList
