"""Reading the terminal so that nothing it sends can stop the app.

Textual's Linux driver decodes what the terminal sends as strict UTF-8 in its input thread. One
byte that is not UTF-8 (an 8-bit Meta key, a Latin-1 terminal, a noisy serial line) raised
`UnicodeDecodeError` there, which ended the app with a raw traceback and no rescue copy. This
driver reads the same way, but an undecodable byte becomes U+FFFD (shown as "�") and the app is
told, once per burst, so the person hears why a letter looks wrong.

Only `run_input_thread` differs from Textual's own (1.x; pinned in pyproject.toml); everything
else, including the parser of keys, mouse and paste, is Textual's.
"""

from __future__ import annotations

import codecs
import os
import selectors
from collections.abc import Iterable, Iterator
from typing import TypeVar

from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from .textual_private import driver_app, parse_errors, xterm_parser

Item = TypeVar("Item")

UNREADABLE = (
    "Your terminal sent something that is not text PHB Planner can read; it is shown as � and nothing else happened."
)
"""What the person is told when the terminal sends bytes that are not UTF-8."""


class TerminalDecoder:
    """UTF-8, split anywhere across reads, with bytes that are not UTF-8 replaced rather than raised."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.replaced = 0
        """How many undecodable bytes (or runs of them) have been replaced so far."""

    def decode(self, data: bytes, final: bool = False) -> str:
        text = self._decoder.decode(data, final=final)
        if "\ufffd" in text:
            # A real U+FFFD sent by the terminal is counted too: harmless, and rare.
            self.replaced += text.count("\ufffd")
        return text


class UnreadableInput(Message):
    """The terminal sent bytes that are not UTF-8; they were replaced by U+FFFD."""


def _with_last(items: Iterable[Item]) -> Iterator[tuple[bool, Item]]:
    """Each item, with whether it is the last."""
    listed = list(items)
    for index, item in enumerate(listed):
        yield index == len(listed) - 1, item


class SafeLinuxDriver(LinuxDriver):
    """Textual's Linux driver, reading with `TerminalDecoder`."""

    def run_input_thread(self) -> None:
        """Wait for input and dispatch events, as Textual's own does, decoding without raising."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        fileno = self.fileno
        parser = xterm_parser(self)
        decoder = TerminalDecoder()

        def process(events: list[tuple[selectors.SelectorKey, int]], final: bool = False) -> None:
            for last, (_key, mask) in _with_last(events):
                if mask & selectors.EVENT_READ:
                    before = decoder.replaced
                    text = decoder.decode(os.read(fileno, 1024 * 4), final=final and last)
                    if not text:
                        break  # Standard input is piped, and has ended.
                    if decoder.replaced != before:
                        driver_app(self).post_message(UnreadableInput())  # Safe from this thread, as keys are.
                    for event in parser.feed(text):
                        self.process_message(event)
            for event in parser.tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process(selector.select(0.1))
            selector.unregister(self.fileno)
            process(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except parse_errors():
                pass
