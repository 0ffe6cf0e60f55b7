"""Start an app headless, wait until its first screen is painted and idle, then exit.

`python -m bench.launch phb DATA_DIR PLAN_FILE` opens PHB Planner on a plan, as `phb open` does.
`python -m bench.launch bare WIDGETS` is a plain Textual app composing that many simple widgets.
Prints the number of widgets on the first screen and the peak memory in KiB.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Footer, Header, Input, Label


class BareApp(App[None]):
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


async def _ready(pilot: Pilot[None]) -> None:
    await pilot.pause()
    widgets = sum(1 for _ in pilot.app.screen.walk_children(with_self=False))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(widgets, peak, flush=True)
    pilot.app.exit()


def main(argv: list[str]) -> None:
    if argv[0] == "phb":
        from phb_tui.app import PhbApp  # Imported here, as `phb open` imports it after parsing.
        from plan_store import PlanStore

        store = PlanStore(Path(argv[1]))
        app: App[None] = PhbApp(store, store.open(Path(argv[2])), keys_file=Path(argv[1]) / "none.toml")
    else:
        app = BareApp(int(argv[1]))
    app.run(headless=True, size=(100, 30), auto_pilot=_ready)


if __name__ == "__main__":
    main(sys.argv[1:])
