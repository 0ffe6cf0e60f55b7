"""A footer on as many lines as its keys need, for a screen with more keys than fit in 80 columns."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widget import Widget

from .steady_footer import SteadyFooter


class WrappedFooter(SteadyFooter):
    """The footer on as many lines as its keys need: the list of plans has more keys than fit in 80
    columns, and every one of them is shown."""

    def __init__(self) -> None:
        super().__init__()
        self._width = 0

    def compose(self) -> ComposeResult:
        shown = list(super().compose())
        docked = [key for key in shown if key.has_class("-command-palette")]
        room = (self.size.width or self.app.size.width) - sum(_key_width(key) + 1 for key in docked)
        line: list[Widget] = []
        used = 0
        for key in shown:
            if key in docked:
                continue
            if line and used + _key_width(key) > room:
                yield HorizontalGroup(*line, classes="footer-line")
                line, used = [], 0
            line.append(key)
            used += _key_width(key)
        if line:
            yield HorizontalGroup(*line, classes="footer-line")
        yield from docked

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._width = self.size.width
            self.call_after_refresh(self.recompose)


def _key_width(key: Widget) -> int:
    """A key as the compact footer draws it: "F5 Refresh" and the space after it."""
    return cell_len(str(getattr(key, "key_display", ""))) + 1 + cell_len(str(getattr(key, "description", ""))) + 1
