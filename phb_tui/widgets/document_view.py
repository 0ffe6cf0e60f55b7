"""The summary on screen, drawn a part at a time as it comes into view.

Drawing a summary with a thousand costs takes seconds, and the screen would freeze for each of the
several passes Textual makes over a single widget's text. Here the document is a list of short
parts (see `render_parts`), each with a guess at its height that is right for nearly every part.
Only the parts in view are drawn when the screen is painted, and a part's true height replaces its
guess when it is drawn; the rest are never drawn unless they are scrolled to, or the whole text is
asked for (`lines`). Parts may also still be coming (`show` with `more`): they are taken in small
slices while the app is idle, the first at once, so the top of the summary shows while the rest is
still being written, and keys keep working all the while.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from time import perf_counter

from textual.strip import Strip
from textual.widget import Widget

from ..summary.render.terminal import Part
from .idle_work import SLICE_SECONDS

KEPT = 32
"""Parts kept drawn, the last painted: more than a screen holds. Others are drawn again if they
come into view, which is quick for one part, so a long summary holds no more memory than a short one."""


class DocumentView(Widget):
    def __init__(self, *, id: str | None = None):
        super().__init__(id=id)
        self._parts: list[Part] = []
        self._more: Iterator[Sequence[Part]] | None = None
        """Parts still to come, a few at a time."""
        self._width = 0
        self._drawn: OrderedDict[int, list[Strip]] = OrderedDict()
        self._heights: list[int] = []
        self._tops: list[int] = [0]
        self._filling = False

    def show(self, parts: Sequence[Part], more: Iterator[Sequence[Part]] | None = None) -> None:
        """Show `parts`, then those `more` gives, taken a slice of time at a time (the first now)."""
        self._parts = list(parts)
        self._more = more
        self._start(self.size.width)
        self._take(SLICE_SECONDS)

    def lines(self) -> list[str]:
        """Every line of the document as plain text, parts still to come included."""
        self._take(None)
        found = [strip.text.rstrip() for index in range(len(self._parts)) for strip in self._draw(index, keep=False)]
        self._recount()
        return found

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._start(self.size.width)

    def _start(self, width: int) -> None:
        self._width = width
        self._drawn.clear()
        self._heights = [part.guess(width) for part in self._parts] if width > 0 else [0] * len(self._parts)
        self._recount()
        self._fill_soon()

    def _fill_soon(self) -> None:
        if self._width > 0 and self._more is not None and not self._filling:
            self._filling = True
            self.set_timer(0.001, self._fill_some)

    def _take(self, seconds: float | None) -> None:
        """Take parts still to come for `seconds` (or all of them), and place them below the rest."""
        started = perf_counter()
        taken: list[Part] = []
        while self._more is not None and (seconds is None or perf_counter() - started < seconds):
            found = next(self._more, None)
            if found is None:
                self._more = None
            else:
                taken += found
        if not taken:
            return
        width = self._width
        self._parts += taken
        self._heights += [part.guess(width) if width > 0 else 0 for part in taken]
        self._recount()

    def _place(self) -> None:
        tops = [0]
        for height in self._heights:
            tops.append(tops[-1] + height)
        self._tops = tops

    def _recount(self) -> None:
        self._place()
        self.styles.height = max(self._tops[-1], 1)

    def _draw(self, index: int, keep: bool = True) -> list[Strip]:
        """The part's lines; kept for the next paint if `keep`, as for a part in view."""
        drawn = self._drawn.get(index)
        if drawn is not None:
            self._drawn.move_to_end(index)
            return drawn
        console = self.app.console
        options = console.options.update_width(self._width)
        lines = console.render_lines(self._parts[index].renderable, options, pad=True)
        drawn = [Strip(line, self._width) for line in lines]
        self._heights[index] = len(drawn)
        if keep:
            self._drawn[index] = drawn
            while len(self._drawn) > KEPT:
                self._drawn.popitem(last=False)
        return drawn

    def _fill_some(self) -> None:
        """Take parts still to come for a slice of time, then give way until the next slice."""
        self._take(SLICE_SECONDS)
        if self._more is not None:
            self.set_timer(0.001, self._fill_some)
        else:
            self._filling = False

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if width != self._width or not self._parts:
            return Strip.blank(width, self.rich_style)
        index = bisect_right(self._tops, y) - 1
        if index >= len(self._parts):
            return Strip.blank(width, self.rich_style)
        guess = self._heights[index]
        drawn = self._draw(index)
        if len(drawn) != guess:
            # The estimate was off: the lines below move, and the height is set once painting is done.
            self._recount_later()
        line = y - self._tops[index]
        strip = drawn[line] if line < len(drawn) else Strip.blank(width)
        return strip.crop_extend(0, width, self.rich_style).apply_style(self.rich_style)

    def _recount_later(self) -> None:
        self._place()  # Lines further down this frame already use the new places.
        self.call_after_refresh(self._recount)
