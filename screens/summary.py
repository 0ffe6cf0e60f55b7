"""The plan as the health professional will see it, scrollable.

It shows exactly what an export shares, private notes left out, so what a person reads here is
what they hand over.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from phb_tui.privacy import without_private
from phb_tui.render.terminal import render_rich
from phb_tui.summary import build_summary
from plan_store import Plan


class SummaryScreen(Screen[None]):
    CSS_PATH = "summary.tcss"
    BINDINGS = [Binding("escape", "app.pop_screen", "Back to plans", id="summary.back")]

    def __init__(self, plan: Plan):
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="summary"):
            yield Static(render_rich(build_summary(without_private(self.plan))), id="document")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.plan.title
        self.query_one("#summary").focus()
