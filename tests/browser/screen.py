"""The app's screen as text, rebuilt from what it sends the browser.

The page draws the terminal on a canvas, which a test cannot read, so the bytes the app sends
over the websocket are replayed here into a grid of characters: enough of a terminal for what
Textual writes (cursor moves and text; colours and modes are skipped).
"""

from __future__ import annotations

import codecs
import re

from rich.cells import cell_len

_SEQUENCE = re.compile(r"\x1b\[[0-9;?$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[=>78]")
_MOVE = re.compile(r"\x1b\[(\d+);(\d+)H")
_UNFINISHED = re.compile(r"\x1b(\[[0-9;?$]*[ -/]*|\][^\x07\x1b]*)?$")


class TerminalScreen:
    def __init__(self, columns: int = 300, rows: int = 100):
        self.rows = [[" "] * columns for _ in range(rows)]
        self.row = self.column = 0
        self._decode = codecs.getincrementaldecoder("utf-8")(errors="replace").decode
        self._pending = ""

    def feed(self, data: bytes) -> None:
        text = self._pending + self._decode(data)
        unfinished = _UNFINISHED.search(text)
        self._pending = text[unfinished.start() :] if unfinished else ""
        text = text[: unfinished.start()] if unfinished else text
        at = 0
        for sequence in _SEQUENCE.finditer(text):
            self._write(text[at : sequence.start()])
            if move := _MOVE.fullmatch(sequence.group()):
                self.row, self.column = int(move.group(1)) - 1, int(move.group(2)) - 1
            elif sequence.group() in ("\x1b[2J", "\x1b[?1049h"):
                self.rows = [[" "] * len(self.rows[0]) for _ in self.rows]
            at = sequence.end()
        self._write(text[at:])

    def _write(self, text: str) -> None:
        for character in text:
            if character in "\r\n":
                continue
            if 0 <= self.row < len(self.rows) and 0 <= self.column < len(self.rows[0]):
                self.rows[self.row][self.column] = character
            self.column += max(cell_len(character), 1)

    @property
    def text(self) -> str:
        return "\n".join("".join(row).rstrip() for row in self.rows).rstrip()
