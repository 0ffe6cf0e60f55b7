"""Every plan in the folder at once, for brokers with many clients and for scripts.

`phb list --json`, `phb check --all` (and `--json`) and `phb reviews` (and `--json`) are built here. They start
from the list of plans (`listing.plan_rows`), so they see the same files in the same order as
`phb list`, then read each plan in full, because gaps and reviews need all of it. A plan that
cannot be read is reported with its problem, and never hides the others.

The JSON has stable keys: every key is always present, `null` where there is no value (a plan
that cannot be opened has only `file`, `path` and `problem` filled in). Money is a string with
two decimal places, like "1234.50", as in the plan files; dates are ISO 8601.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from plan_store import Plan, PlanError, PlanStore, clock, format_money, visible_name
from plan_store.money import money_to_str

from ..planning import checks
from ..planning.checks import Gap
from ..planning.finance import budget_position
from ..planning.reviews import NextReview, next_review, timing_words
from ..spending.glance import MoneyGlance, read_glance
from ..summary.wording import long_date
from .listing import plan_rows

JSON_FORMAT = 1
"""Goes up only if a key changes meaning or goes away; new keys may be added at any time."""


@dataclass(frozen=True)
class PlanState:
    """One plan file: the whole plan, or the reason it cannot be opened."""

    path: Path
    plan: Plan | None
    problem: str = ""

    @property
    def file(self) -> str:
        return self.path.name

    @cached_property
    def gaps(self) -> list[Gap] | None:
        """What a reviewer would ask about, worked out once; None if the plan cannot be opened."""
        # Looked up when used, not when imported, so that the rules in force are always the ones run.
        return checks.find_gaps(self.plan) if self.plan is not None else None

    @cached_property
    def money(self) -> tuple[MoneyGlance | None, str]:
        """Money in hand and the next return, from the record beside the plan (None if there is
        none), or why the record cannot be read: a damaged record never hides the plan's gaps."""
        if self.plan is None:
            return None, ""
        try:
            return read_glance(self.plan, self.path, clock.today()), ""
        except PlanError as error:
            return None, str(error)

    def named(self) -> str:
        """ "Daniel's plan 2026 (daniels-plan-2026.toml)", or the file name alone if it cannot be read."""
        if self.plan is None:
            return visible_name(self.file)
        return f"{visible_name(self.plan.title)} ({visible_name(self.file)})"

    def short_problem(self) -> str:
        """The first line of the problem, without the path it starts with: fits on one line."""
        first = self.problem.splitlines()[0] if self.problem else "it could not be read"
        first = first.removeprefix(f"{self.path}: ").rstrip(":")
        return visible_name(first)


def every_plan(store: PlanStore) -> list[PlanState]:
    states = []
    for row in plan_rows(store):
        path = store.plans_dir / row.file
        if row.problem:
            states.append(PlanState(path, None, row.problem))
            continue
        try:
            states.append(PlanState(path, store.open(path).plan))
        except PlanError as error:  # The quick read for the list can pass where the full one fails.
            states.append(PlanState(path, None, str(error)))
    return states


def to_json(data: object) -> str:
    """ASCII only: the output survives any terminal or pipe, and no character in a plan can act on a terminal."""
    return json.dumps(data, indent=2, ensure_ascii=True) + "\n"


# --- phb list --json ------------------------------------------------------------------------------


def list_json(store: PlanStore, states: list[PlanState]) -> str:
    return to_json(
        {"format": JSON_FORMAT, "plans_folder": str(store.plans_dir), "plans": [_list_record(s) for s in states]}
    )


def _list_record(state: PlanState) -> dict[str, object]:
    record: dict[str, object] = {
        "file": state.file,
        "path": str(state.path),
        "title": None,
        "person_name": None,
        "preferred_name": None,
        "stage": None,
        "stage_number": None,
        "stage_label": None,
        "budget": None,
        "budget_period": None,
        "planned": None,
        "last_saved": None,
        "ready": None,
        "gap_count": None,
        "next_review": None,
        **_money_record(state),
        "problem": state.problem or None,
    }
    plan = state.plan
    if plan is None:
        return record
    position = budget_position(plan)
    gaps = state.gaps or []
    review = next_review(plan.reviews)
    record.update(
        title=plan.title,
        person_name=plan.person.name.strip() or None,
        preferred_name=plan.person.preferred_name.strip() or None,
        stage=plan.stage.value,
        stage_number=plan.stage.number,
        stage_label=plan.stage.label,
        budget=money_to_str(position.budget) if position.budget is not None else None,
        budget_period=position.period.value,
        planned=money_to_str(position.planned),
        last_saved=plan.updated.isoformat(),
        ready=not gaps,
        gap_count=len(gaps),
        next_review=review.due.isoformat() if review else None,
    )
    return record


# --- phb check --json and --all -------------------------------------------------------------------


def check_record(state: PlanState) -> dict[str, object]:
    plan, gaps = state.plan, state.gaps
    return {
        "file": state.file,
        "path": str(state.path),
        "title": plan.title if plan is not None else None,
        "ready": None if gaps is None else not gaps,
        "gap_count": None if gaps is None else len(gaps),
        "gaps": None if gaps is None else [_gap_record(gap) for gap in gaps],
        "not_applicable": None
        if plan is None or gaps is None
        else [{**_gap_record(gap), "reason": reason} for gap, reason in checks.set_aside(plan)],
        **_money_record(state),
        "problem": state.problem or None,
    }


def _money_record(state: PlanState) -> dict[str, object]:
    """The same keys in `phb list --json` and `phb check --all --json`; null where nothing is recorded."""
    glance, problem = state.money
    if glance is None:
        return {
            "balance": None,
            "balance_on": None,
            "weeks_in_hand": None,
            "money_warning": None,
            "money_warning_severity": None,
            "next_return": None,
            "spending_problem": problem or None,
        }
    due = glance.next_return
    return {
        "balance": money_to_str(glance.balance),  # Signed already, like "-56.20", as plans store money.
        "balance_on": glance.as_of.isoformat(),
        "weeks_in_hand": None if glance.weeks_in_hand is None else f"{glance.weeks_in_hand:f}",
        "money_warning": glance.warning,
        "money_warning_severity": glance.severity,
        "next_return": {"from": due.start.isoformat(), "to": due.end.isoformat(), "due": due.due.isoformat()},
        "spending_problem": None,
    }


def money_words(state: PlanState) -> str:
    """ "; 5.4 weeks of money in hand (more than some ICBs allow) on 20 November 2026, next return from 2 February 2027"."""
    glance, problem = state.money
    if problem:
        return "; the record of money in and out cannot be read"
    if glance is None:
        return ""
    if glance.weeks_in_hand is None:
        held = f"{format_money(glance.balance)} in hand"
    else:
        held = f"{glance.weeks_in_hand} weeks of money in hand"
        if glance.warning and glance.weeks_in_hand < 1:
            held += " (running low)"
        elif glance.warning:
            held += " (more than some ICBs allow)"
    return f"; {held} on {long_date(glance.as_of)}, next return from {long_date(glance.next_return.due)}"


def check_all_json(store: PlanStore, states: list[PlanState]) -> str:
    return to_json(
        {"format": JSON_FORMAT, "plans_folder": str(store.plans_dir), "plans": [check_record(s) for s in states]}
    )


def check_one_json(state: PlanState) -> str:
    return to_json({"format": JSON_FORMAT, **check_record(state)})


def _gap_record(gap: Gap) -> dict[str, object]:
    return {
        "rule": gap.rule,
        "criterion": gap.criterion.value,
        "question": gap.criterion.question,
        "step": gap.step.number,
        "step_name": gap.step.heading,
        "message": gap.message,
    }


def check_line(state: PlanState) -> str:
    """ "Daniel's plan 2026 (daniels-plan-2026.toml): ready", "...: 3 gaps", or why it cannot be opened."""
    if state.gaps is None:
        return f"{state.named()}: cannot be opened: {state.short_problem()}"
    count = len(state.gaps)
    readiness = "ready" if not count else "1 gap" if count == 1 else f"{count} gaps"
    return f"{state.named()}: {readiness}{money_words(state)}"


def check_totals(states: list[PlanState]) -> str:
    broken = sum(1 for s in states if s.gaps is None)
    gaps = sum(1 for s in states if s.gaps)
    ready = len(states) - broken - gaps
    parts = [f"{ready} ready", f"{gaps} with gaps"]
    if broken:
        parts.append(f"{broken} that cannot be opened")
    plans = "1 plan" if len(states) == 1 else f"{len(states)} plans"
    return f"{plans}: {', '.join(parts)}."


# --- phb reviews ----------------------------------------------------------------------------------


def reviews_in_order(states: list[PlanState]) -> list[tuple[PlanState, NextReview | None]]:
    """Every plan with its next review, soonest first; no review date, then unreadable plans, last."""
    dated: list[tuple[PlanState, NextReview | None]] = []
    undated: list[tuple[PlanState, NextReview | None]] = []
    for state in states:
        if state.plan is not None:
            review = next_review(state.plan.reviews)
            (undated if review is None else dated).append((state, review))
    dated.sort(key=lambda pair: (pair[1].due if pair[1] else date.max, _title_key(pair[0])))
    undated.sort(key=lambda pair: _title_key(pair[0]))
    return dated + undated + [(state, None) for state in states if state.plan is None]


def review_lines(states: list[PlanState], on: date) -> list[str]:
    """One line for each plan, in the order of `reviews_in_order`."""
    lines = []
    for state, review in reviews_in_order(states):
        if state.plan is None:
            lines.append(f"{state.named()}: cannot be opened: {state.short_problem()}")
        elif review is None:
            lines.append(f"{state.named()}: no review date set")
        else:
            lines.append(f"{state.named()}: {review.kind} {long_date(review.due)}, {timing_words(review.due, on)}")
    return lines


def reviews_json(store: PlanStore, states: list[PlanState], on: date) -> str:
    return to_json(
        {
            "format": JSON_FORMAT,
            "plans_folder": str(store.plans_dir),
            "today": on.isoformat(),
            "plans": [_review_record(state, review, on) for state, review in reviews_in_order(states)],
        }
    )


def _review_record(state: PlanState, review: NextReview | None, on: date) -> dict[str, object]:
    days = (review.due - on).days if review else None
    return {
        "file": state.file,
        "path": str(state.path),
        "title": state.plan.title if state.plan is not None else None,
        "next_review": review.due.isoformat() if review else None,
        "first_review": review.first if review else None,
        "days_until": days,
        "overdue": days < 0 if days is not None else None,
        "problem": state.problem or None,
    }


def review_totals(states: list[PlanState], on: date) -> str:
    reviews = [next_review(s.plan.reviews) for s in states if s.plan is not None]
    overdue = sum(1 for review in reviews if review is not None and review.due < on)
    undated = sum(1 for review in reviews if review is None)
    broken = sum(1 for s in states if s.plan is None)
    parts = [f"{overdue} overdue", f"{undated} with no review date set"]
    if broken:
        parts.append(f"{broken} that cannot be opened")
    plans = "1 plan" if len(states) == 1 else f"{len(states)} plans"
    return f"{plans}: {', '.join(parts)}."


def _title_key(state: PlanState) -> tuple[str, str]:
    return (state.plan.title.casefold() if state.plan else "", state.file)
