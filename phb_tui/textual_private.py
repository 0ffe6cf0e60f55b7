"""Every use of Textual's private names (and textual-serve's), in one place.

Textual gives no public way to do these few things: catch a fault nothing else caught, close with
plain words instead of a traceback, read the keymap in force, decode the terminal's bytes as its
own driver does, draw a tick box as its list draws one, and reach the app's process behind a
browser tab. Textual is pinned to the major version these were written against (pyproject.toml),
and tests/test_textual_private.py fails if a minor version changes one of them, so an upgrade
breaks a test rather than a person's session. Nothing else in PHB Planner may name a private
attribute or module of Textual; tests/test_textual_private.py checks that too.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Protocol, TypeVar

from rich.console import RenderableType
from textual.app import App
from textual.driver import Driver

if TYPE_CHECKING:
    from textual._xterm_parser import XTermParser


class AppHooks(App[None]):
    """Textual's only hooks for an error that nothing else caught and for closing after it, and its keymap."""

    def fault_caught(self) -> None:
        """Called as Textual catches a fault that nothing else caught, before it stops the app."""

    def fault_words(self) -> RenderableType | None:
        """What to print on closing after a fault; None for Textual's own traceback."""
        return None

    def _handle_exception(self, error: Exception) -> None:
        self.fault_caught()
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        words = self.fault_words()
        if words is None:
            super()._fatal_error()
            return
        self.bell()
        self._exit_renderables.append(words)
        self._close_messages_no_wait()

    def keymap_keys(self, binding_id: str) -> str | None:
        """The keys keys.toml (or the terminal's order) gave a binding, as set by `set_keymap`; Textual keeps them private."""
        return self._keymap.get(binding_id)


# --- reading the terminal (phb_tui/terminal_input.py) ---------------------------------------------


def xterm_parser(driver: Driver) -> XTermParser:
    """Textual's own parser of keys, mouse and paste, as its Linux driver makes it."""
    from textual._xterm_parser import XTermParser

    return XTermParser(driver._debug)


def parse_errors() -> tuple[type[Exception], ...]:
    """What Textual's parser raises when the input ends in the middle of a sequence."""
    from textual._parser import ParseError

    return (EOFError, ParseError)


def driver_app(driver: Driver) -> App[object]:
    """The app a driver feeds, to tell it something from the input thread (as Textual's own driver does)."""
    return driver._app


# --- tick boxes (phb_tui/widgets/ticks.py) -------------------------------------------------------


def tick_box_inner() -> str:
    """The character Textual's SelectionList draws inside every tick box, ticked or not."""
    from textual.widgets._toggle_button import ToggleButton

    return ToggleButton.BUTTON_INNER


# --- serving the app to a browser (phb_tui/web/server.py) -----------------------------------------


class ServedApp(Protocol):
    """textual-serve's AppService, which keeps the app's process to itself."""

    _process: asyncio.subprocess.Process | None


def app_process(service: ServedApp) -> asyncio.subprocess.Process | None:
    """The process of the app behind one browser tab, once started."""
    return service._process


Socket = TypeVar("Socket", contravariant=True)
Service = TypeVar("Service", contravariant=True)


class MessageServer(Protocol[Socket, Service]):
    """textual-serve's Server, whose loop between a browser tab and its app is private."""

    async def _process_messages(self, websocket: Socket, app_service: Service) -> None: ...


async def relay_messages(server: MessageServer[Socket, Service], socket: Socket, service: Service) -> None:
    """Pass messages between one browser tab and its app until either ends, as textual-serve does."""
    await server._process_messages(socket, service)
