"""Where the `phb` command starts: the few things that must happen before anything is imported.

Python's garbage collector runs again and again while the program's modules are imported, looking
for rubbish among objects that will in fact live as long as the program. Pausing it for the imports
makes starting noticeably quicker. When it is switched back on, before any work is done, what the
imports made is set aside (frozen), so that the first collections do not have to look through all of
it again: that would cost as much as the pause saved.

Pydantic plugins are switched off. A plugin installed alongside PHB Planner would be handed every
plan as it is checked, and a plan holds health details that must stay on this computer.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager

from plan_store.gc_pause import collection_paused


@contextmanager
def collector_paused() -> Iterator[None]:
    """Garbage collection off for a burst of imports; always back on afterwards.

    The objects made meanwhile are frozen rather than collected: modules, classes and the app live
    until the program ends, and the little import-time rubbish among them is not worth a full pass.
    """
    try:
        with collection_paused():
            yield
    finally:
        gc.freeze()  # What the imports made is set aside: later collections need not look through it.


def main() -> int:
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    with collector_paused():
        from .cli import main as run
    return run()
