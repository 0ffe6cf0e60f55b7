"""The benchmarks' table of targets: every row of the performance table is shown with its target
and met or MISSED, so a run says plainly where things stand. Built from made-up figures here:
timing itself belongs to `python -m bench.run`, not to the suite."""

from __future__ import annotations

from bench.targets import COLD_OPEN, LIST_CACHED, MEMORY, OPEN_GROWTH, ROWS, SUMMARY_VISIT, SUMMARY_WAIT, targets_table


def _lines(text: str, goal_what: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(goal_what)]


def test_every_row_is_shown_in_order_with_its_target_and_whether_it_was_met() -> None:
    found = [goal.judged(goal.limit / 2 if goal.unit == "x" else goal.limit / 2000) for goal in ROWS]
    found[ROWS.index(SUMMARY_VISIT)] = SUMMARY_VISIT.judged(2.26, "bare app 135 ms")
    text = targets_table(found)
    rows = [line for line in text.splitlines() if any(line.startswith(goal.what) for goal in ROWS)]
    assert [next(goal for goal in ROWS if row.startswith(goal.what)) for row in rows] == ROWS
    (summary,) = _lines(text, SUMMARY_VISIT.what)
    assert "< 100 ms" in summary and "2260 ms  MISSED  bare app 135 ms" in summary
    (memory,) = _lines(text, MEMORY.what)
    assert "<= 1.3x" in memory and "0.65x" in memory and memory.rstrip().endswith("met")
    assert text.rstrip().endswith(f"{len(ROWS) - 1} of {len(ROWS)} targets met.")


def test_a_row_no_benchmark_measured_is_missed_and_named() -> None:
    found = [goal.judged(0.0) for goal in ROWS if goal != SUMMARY_WAIT]
    text = targets_table(found)
    (waiting,) = _lines(text, SUMMARY_WAIT.what)
    assert "not measured" in waiting and "MISSED" in waiting
    assert f"not measured: {SUMMARY_WAIT.what}" in text
    assert f"{len(ROWS) - 1} of {len(ROWS)} targets met" in text


def test_a_ratio_may_reach_its_limit_and_a_time_must_stay_under_it() -> None:
    assert COLD_OPEN.ratio(130, 100).met and not COLD_OPEN.ratio(131, 100).met
    assert COLD_OPEN.ratio(130, 100).measured == "1.30x"
    assert LIST_CACHED.ratio(3, 100).measured == "0.03x" and not LIST_CACHED.ratio(3, 100).met
    assert LIST_CACHED.ratio(1, 100).met
    assert SUMMARY_VISIT.judged(0.099).met and not SUMMARY_VISIT.judged(0.1).met
    assert not COLD_OPEN.ratio(1, 0).met  # No baseline measured: never counted as met.


def test_the_other_targets_are_shown_only_when_measured_and_a_quick_run_says_so() -> None:
    plain = targets_table([goal.judged(0.0) for goal in ROWS])
    assert OPEN_GROWTH.what not in plain and "quick" not in plain
    both = targets_table([*(goal.judged(0.0) for goal in ROWS), OPEN_GROWTH.ratio(12, 10, "12x vs 10x")], quick=True)
    assert "Also kept" in both and "quick run" in both
    (growth,) = _lines(both, OPEN_GROWTH.what)
    assert "1.20x" in growth and "MISSED" in growth and growth.rstrip().endswith("12x vs 10x")
