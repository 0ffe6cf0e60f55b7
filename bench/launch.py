"""Start an app headless, wait until its first screen is painted and settled, then exit.

- `python -m bench.launch phb DATA_DIR PLAN_FILE` runs the `phb` command itself, as
  `phb --data-dir DATA_DIR open PLAN_FILE`, from its entry point. It needs a terminal on stdin
  and stdout, as `phb open` does; `bench.startup` gives it a pseudo-terminal.
- `python -m bench.launch picker DATA_DIR` runs `phb --data-dir DATA_DIR`: the list of plans.
- `python -m bench.launch minimal` is the least a Textual app can be (`bench.bare`).
- `python -m bench.launch tour DATA_DIR PLAN_FILE [VISITS]` opens the plan and visits every
  step (F8), or stops after VISITS.
- `python -m bench.launch screens N,N,...` is a bare app of as many screens, each of N plain
  widgets, visited in turn the same way: the app's steps without the app (`bench.bare`).

`App.run` is made headless at 80x24, and the app reports on stderr the number of widgets on each
screen it showed (comma-separated, first to last), its memory in KiB once settled (resident, after
collecting garbage) and at its peak, and the wall-clock times (`time.time()`) of the first frame
it painted and of the last before settling, so the caller can time from
the moment it started the process without counting the exit. For `phb`, `App.run` is replaced
the moment Textual is imported, so the command starts exactly as a person's would, imports and all.
"""

from __future__ import annotations

import gc
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


def _memory_kib() -> tuple[int, int]:
    """Memory in use now (what the app holds after the visits) and at its peak (the most it needed
    on the way), resident, in KiB. The peak is VmHWM, this program's own: getrusage's maxrss also
    counts the parent it was forked from, a benchmark far bigger than the minimal app."""
    gc.collect()
    found: dict[str, int] = {}
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    found[line.split(":")[0]] = int(line.split()[1])
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return found.get("VmRSS", peak), found.get("VmHWM", peak)


def _widgets(app: App[Any]) -> int:
    return sum(1 for _ in app.screen.walk_children(with_self=False))


def _run_headless_and_report(run: Callable[..., Any], visits: int) -> Callable[..., Any]:
    from bench.frames import FrameClock

    def headless(app: App[Any], *args: Any, **kwargs: Any) -> Any:
        clock = FrameClock(app)  # Before running, so the very first frame is noted.

        async def report(pilot: Pilot[Any]) -> None:
            first_frame, last_frame = await clock.settle(since=0.0)
            first_at, painted_at = (time.time() - (time.perf_counter() - frame) for frame in (first_frame, last_frame))
            widgets = [_widgets(pilot.app)]
            for _ in range(visits):
                pressed = time.perf_counter()
                await pilot.press("f8")
                await clock.settle(pressed)
                widgets.append(_widgets(pilot.app))
            held, peak = _memory_kib()
            report = [",".join(map(str, widgets)), held, peak, f"{first_at:.6f}", f"{painted_at:.6f}"]
            print(*report, file=sys.stderr, flush=True)
            pilot.app.exit()

        return run(app, headless=True, size=(80, 24), auto_pilot=report)

    return headless


class _HeadlessOnImport(importlib.abc.MetaPathFinder):
    """Makes `App.run` headless as soon as `textual.app` is imported, by whoever imports it."""

    def __init__(self, visits: int):
        self.visits = visits

    def find_spec(self, name: str, path: Sequence[str] | None, target: ModuleType | None = None) -> Any:
        if name != "textual.app":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        assert spec is not None and spec.loader is not None
        load = spec.loader.exec_module
        visits = self.visits

        def exec_module(module: ModuleType) -> None:
            load(module)
            module.App.run = _run_headless_and_report(module.App.run, visits)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def main(argv: list[str]) -> None:
    mode = argv[0]
    if mode == "tour":
        visits = int(argv[3]) if len(argv) > 3 else 6
    else:
        visits = len(argv[1].split(",")) - 1 if mode == "screens" else 0
    sys.meta_path.insert(0, _HeadlessOnImport(visits))
    if mode in ("phb", "tour", "picker"):
        from phb_tui.launch import main as phb

        sys.argv = ["phb", "--data-dir", argv[1], *(["open", argv[2]] if mode != "picker" else [])]
        sys.exit(phb())
    from bench.bare import minimal_app, screens_app

    app = minimal_app() if mode == "minimal" else screens_app([int(n) for n in argv[1].split(",")])
    app.run()


if __name__ == "__main__":
    main(sys.argv[1:])
