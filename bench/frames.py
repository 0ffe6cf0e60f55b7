"""When did the app last paint? Timing a key press to the moment the screen has settled.

Textual's `Pilot.pause()` waits for idle in 20 ms slices and then forces a repaint, so a figure
taken around it is rounded up to the slice and includes a paint the app would not have made. Here
the app's own frames are noted as it writes them, and waiting for quiet only decides when to stop
looking: the figure is the time of the last frame, which is what a person sees.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from textual.app import App

QUIET = 0.06
"""How long the process must do nothing before the screen counts as settled: over three frames at 60 fps."""

SLICE = 0.002


class FrameClock:
    def __init__(self, app: App[Any]):
        self.frames: list[float] = []
        paint: Callable[..., None] = app._display  # The one place a frame leaves the app.

        def noted(*args: Any, **kwargs: Any) -> None:
            paint(*args, **kwargs)
            self.frames.append(time.perf_counter())

        app._display = noted  # type: ignore[method-assign]

    async def settle(self, since: float, painted: bool = True) -> tuple[float, float]:
        """Wait for quiet, then return (first frame, last frame) after `since`, in seconds from it.

        With `painted` False, a change that needed no new frame is no error: (0, 0)."""
        quiet_since = time.perf_counter()
        cpu = time.process_time()
        while time.perf_counter() - quiet_since < QUIET:
            await asyncio.sleep(SLICE)
            now_cpu = time.process_time()
            if now_cpu - cpu > SLICE / 4:  # Still working: start the quiet period again.
                quiet_since = time.perf_counter()
            cpu = now_cpu
        frames = [frame - since for frame in self.frames if frame >= since]
        if not frames:
            if painted:
                raise RuntimeError("The app painted nothing after the key press")
            return 0.0, 0.0
        return frames[0], frames[-1]


async def press(app: App[Any], clock: FrameClock, key: str) -> tuple[float, float]:
    """A key pressed as the terminal sends it, then (first frame, last frame) in answer."""
    start = time.perf_counter()
    app.simulate_key(key)
    return await clock.settle(start)


class Stalls:
    """The longest the event loop went without a turn while a measurement ran: a key pressed then
    waits that long before the app so much as reads it."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _watch(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.001)
            now = time.perf_counter()
            self.worst = max(self.worst, now - last)
            last = now

    def __enter__(self) -> Stalls:
        self._task = asyncio.get_running_loop().create_task(self._watch())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()
