"""Work done beside the app, so keys keep working while a long plan is read, summarised or written out.

Everything done aside goes through Textual's `@work` (its workers are cancelled with the screen or
app that owns them, and waited for by tests) and follows one policy for the plan changing
meanwhile: a result is only used if no edit came while it was worked out; otherwise the work is
done again from the plan as it is now, so what is shown or written always matches one moment of
the plan. The plan is only ever changed on the app's own thread, between the work's steps.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

Result = TypeVar("Result")

ASIDE_FROM = 2000
"""Costs in a plan from which its summary or export is worked out beside the app rather than in it:
2,000 took about two seconds on a busy two-core machine, and keys must keep working meanwhile. The list of plans counts each
plan it must read again as `COSTS_PER_PLAN` costs, so it reads 67 changed plans or more aside."""

COSTS_PER_PLAN = 30
"""Reading and checking one realistic plan for the list takes about as long as summarising or
exporting 30 costs (measured together on one machine: 37 ms a plan, 1.0 to 1.2 ms a cost)."""


def goes_aside(costs: int = 0, plans: int = 0) -> bool:
    """Whether this much work is done beside the app, by the one threshold."""
    return costs + plans * COSTS_PER_PLAN >= ASIDE_FROM


async def worked_out(work: Callable[[], Result], revision: Callable[[], int]) -> Result:
    """`work`, done in a thread until no edit to the plan came while it ran.

    Reading a plan while it is edited may also fail outright (a list changed size as it was read):
    that is done again too. Failing twice with no edit between is a fault in the program, and is
    raised like any other.
    """
    failed_at: int | None = None
    while True:
        before = revision()
        try:
            result = await asyncio.to_thread(work)
        except Exception:
            if failed_at == before == revision():
                raise
            failed_at = before
            continue
        if revision() == before:
            return result


async def done_aside(work: Callable[[], Result]) -> Result:
    """`work`, done once in a thread: for work that reads nothing the plan holds.

    Writing out a save is such work: the plan was taken as a table on the app's thread, so an
    edit meanwhile cannot make what is written disagree with itself. Such an edit is not in the
    save, and is saved next.
    """
    return await asyncio.to_thread(work)
