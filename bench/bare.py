"""The baselines a sceptic would accept for the app's screens: the least a Textual app can be, and
a bare app of as many screens with as many plain widgets on each as the app's steps.

Textual is imported inside each function: `bench.launch` must make `App.run` headless before
anything imports `textual.app`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App


def minimal_app() -> App[None]:
    """Header, Static, Input, Footer: what a cold start of any Textual app costs."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Input, Static

    class MinimalApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("A minimal Textual app")
            yield Input()
            yield Footer()

    return MinimalApp()


def screens_app(counts: list[int]) -> App[None]:
    """One screen of `counts[0]` widgets (Labels and Inputs), and F8 to the next, each kept as the
    app keeps each step: the app's steps without the app."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.containers import VerticalScroll
    from textual.screen import Screen
    from textual.widgets import Footer, Header, Input, Label

    class Bare(Screen[None]):
        def __init__(self, widgets: int):
            super().__init__()
            self.widgets = widgets

        def compose(self) -> ComposeResult:
            yield Header()
            with VerticalScroll():
                for n in range(self.widgets // 2):
                    yield Label(f"Field {n}")
                    yield Input(f"value {n}")
            yield Footer()

    class ScreensApp(App[None]):
        BINDINGS = [Binding("f8", "next", "Next")]

        def on_mount(self) -> None:
            self.at = 0
            self.push_screen(Bare(counts[0]))

        def action_next(self) -> None:
            self.at += 1
            if self.at < len(counts):
                self.push_screen(Bare(counts[self.at]))  # Kept, as the app keeps each step.

    return ScreensApp()
