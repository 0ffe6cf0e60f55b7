"""Start an app headless, wait until its first screen is painted and settled, then exit.

`python -m bench.launch phb DATA_DIR PLAN_FILE` runs the `phb` command itself, as
`phb --data-dir DATA_DIR open PLAN_FILE`, from its entry point. It needs a terminal on stdin and
stdout, as `phb open` does; `bench.startup` gives it a pseudo-terminal.
`python -m bench.launch bare WIDGETS` is a plain Textual app composing that many simple widgets.

Either way `App.run` is made headless at a fixed size, and the app reports on stderr the number
of widgets on its first screen, its peak memory in KiB, and the wall-clock time (`time.time()`)
of the last frame it painted before settling, so the caller can time from the moment it started
the process without counting the exit. For `phb`, `App.run` is replaced the moment Textual is
imported, so the command starts exactly as a person's would, imports and all.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import resource
import sys
import time
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.pilot import Pilot


def _run_headless_and_report(run: Callable[..., Any]) -> Callable[..., Any]:
    from bench.frames import FrameClock

    def headless(app: App[Any], *args: Any, **kwargs: Any) -> Any:
        clock = FrameClock(app)  # Before running, so the very first frame is noted.

        async def report(pilot: Pilot[Any]) -> None:
            _, last_frame = await clock.settle(since=0.0)
            painted_at = time.time() - (time.perf_counter() - last_frame)
            widgets = sum(1 for _ in pilot.app.screen.walk_children(with_self=False))
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(widgets, peak, f"{painted_at:.6f}", file=sys.stderr, flush=True)
            pilot.app.exit()

        return run(app, headless=True, size=(100, 30), auto_pilot=report)

    return headless


class _HeadlessOnImport(importlib.abc.MetaPathFinder):
    """Makes `App.run` headless as soon as `textual.app` is imported, by whoever imports it."""

    def find_spec(self, name: str, path: Sequence[str] | None, target: ModuleType | None = None) -> Any:
        if name != "textual.app":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        assert spec is not None and spec.loader is not None
        load = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            load(module)
            module.App.run = _run_headless_and_report(module.App.run)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _bare_app(widgets: int) -> App[None]:
    from textual.app import App, ComposeResult
    from textual.containers import VerticalScroll
    from textual.widgets import Footer, Header, Input, Label

    class BareApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            with VerticalScroll():
                for n in range(widgets // 2):
                    yield Label(f"Field {n}")
                    yield Input(f"value {n}")
            yield Footer()

    return BareApp()


def main(argv: list[str]) -> None:
    sys.meta_path.insert(0, _HeadlessOnImport())
    if argv[0] == "phb":
        from phb_tui.launch import main as phb

        sys.argv = ["phb", "--data-dir", argv[1], "open", argv[2]]
        sys.exit(phb())
    _bare_app(int(argv[1])).run()


if __name__ == "__main__":
    main(sys.argv[1:])
