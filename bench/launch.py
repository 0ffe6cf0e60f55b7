"""Start an app headless, wait until its first screen is painted and settled, then exit.

`python -m bench.launch phb DATA_DIR PLAN_FILE` opens PHB Planner on a plan, as `phb open` does.
`python -m bench.launch bare WIDGETS` is a plain Textual app composing that many simple widgets.
Prints the number of widgets on the first screen, the peak memory in KiB, and the wall-clock time
(`time.time()`) of the last frame painted before the app settled, so the caller can measure from the
moment it started the process without counting the exit.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Footer, Header, Input, Label

from bench.frames import FrameClock


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


def _report_when_settled(clock: FrameClock) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def ready(pilot: Pilot[None]) -> None:
        _, last_frame = await clock.settle(since=0.0)
        painted_at = time.time() - (time.perf_counter() - last_frame)
        widgets = sum(1 for _ in pilot.app.screen.walk_children(with_self=False))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(widgets, peak, f"{painted_at:.6f}", flush=True)
        pilot.app.exit()

    return ready


def main(argv: list[str]) -> None:
    if argv[0] == "phb":
        from phb_tui.app import PhbApp  # Imported here, as `phb open` imports it after parsing.
        from plan_store import PlanStore

        store = PlanStore(Path(argv[1]))
        app: App[None] = PhbApp(store, store.open(Path(argv[2])), keys_file=Path(argv[1]) / "none.toml")
    else:
        app = BareApp(int(argv[1]))
    clock = FrameClock(app)  # Before running, so the very first frame is noted.
    app.run(headless=True, size=(100, 30), auto_pilot=_report_when_settled(clock))


if __name__ == "__main__":
    main(sys.argv[1:])
