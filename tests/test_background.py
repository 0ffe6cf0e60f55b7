"""The one policy for work done beside the app: a result is used only if the plan did not change
while it was worked out; otherwise the work is done again from the plan as it is now."""

from __future__ import annotations

import pytest

from phb_tui.background import ASIDE_FROM, COSTS_PER_PLAN, goes_aside, worked_out


async def test_work_done_while_an_edit_came_is_done_again() -> None:
    revision = 0
    seen: list[int] = []

    def work() -> str:
        nonlocal revision
        seen.append(revision)
        if len(seen) == 1:
            revision += 1  # An edit lands while the first attempt is under way.
        return f"as at revision {revision}"

    assert await worked_out(work, lambda: revision) == "as at revision 1"
    assert seen == [0, 1]


async def test_work_that_fails_as_the_plan_changes_under_it_is_done_again() -> None:
    attempts: list[str] = []

    def work() -> str:
        attempts.append("tried")
        if len(attempts) == 1:
            raise RuntimeError("list changed size during iteration")
        return "whole"

    assert await worked_out(work, lambda: 0) == "whole"
    assert len(attempts) == 2


async def test_work_that_fails_twice_with_no_edit_between_is_a_fault() -> None:
    def work() -> str:
        raise ValueError("a fault in the program")

    with pytest.raises(ValueError, match="a fault in the program"):
        await worked_out(work, lambda: 7)


def test_one_threshold_for_costs_and_for_plans_read() -> None:
    assert not goes_aside(costs=ASIDE_FROM - 1) and goes_aside(costs=ASIDE_FROM)
    plans = -(-ASIDE_FROM // COSTS_PER_PLAN)  # The fewest plans that reach it.
    assert not goes_aside(plans=plans - 1) and goes_aside(plans=plans)
