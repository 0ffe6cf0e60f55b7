"""`phb spending PLAN` as plain text (for people and screen readers) and as JSON (for scripts).

Both say the same things from one `SpendingView`: money in and out, the balance, each line and
outcome planned against spent, spending the plan does not list, payments that look like things a
budget cannot buy, and the weeks of money in hand.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from plan_store import Plan, format_money
from plan_store.errors import visible_name
from plan_store.money import money_to_str

from ..summary.wording import long_date
from .figures import Matched, SpendingView, money_notice
from .hours import HoursFigures

JSON_FORMAT = 1


def signed_money(amount: Decimal) -> str:
    """ "£12.50" or "-£12.50"."""
    return format_money(amount)


def _json_money(amount: Decimal | None) -> str | None:
    if amount is None:
        return None
    return ("-" if amount < 0 else "") + money_to_str(abs(amount))


def period_words(view: SpendingView) -> str:
    days = "1 day" if view.days == 1 else f"{view.days} days"
    return f"{long_date(view.start)} to {long_date(view.end)} ({days}, {view.weeks:f} weeks)"


def reconciliation_words(view: SpendingView) -> str:
    if view.statement_closing is None:
        return "No statement balance to check against: these figures come from the transactions alone."
    if view.reconciled:
        return f"This matches the last balance on the statement, {format_money(view.statement_closing)}."
    return (
        f"The last balance on the statement is {format_money(view.statement_closing)}, but the record "
        f"adds up to {format_money(view.statement_closing + view.statement_gap)}. "
        "A statement may be missing, or a payment was typed by hand as well as imported."
    )


def view_text(plan: Plan, view: SpendingView, list_all: bool = False) -> str:
    out = [f'Money in and out for "{visible_name(plan.title)}"', f"From {period_words(view)}", ""]
    out += [
        f"Balance at the start:  {format_money(view.opening)}",
        f"Money in:              {format_money(view.money_in)}",
        f"Money out:             {format_money(view.money_out)}",
        f"Balance at the end:    {format_money(view.closing)}",
        reconciliation_words(view),
        "",
    ]
    if view.budget is not None:
        out.append(f"The budget for this period is {format_money(view.budget)}.")
    out += ["", "Planned against spent, line by line (planned less spent; less than nothing is overspent):"]
    for line in view.lines:
        note = " (one-off: the whole amount)" if line.one_off else ""
        out.append(
            f"  - {visible_name(line.description)}{note}: planned {format_money(line.planned)}, "
            f"spent {format_money(line.spent)}, difference {format_money(line.difference)}"
        )
    out += ["", "By outcome:"]
    for outcome in view.outcomes:
        out.append(
            f"  - {visible_name(outcome.words)}: planned {format_money(outcome.planned)}, "
            f"spent {format_money(outcome.spent)}, difference {format_money(outcome.difference)}"
        )
    count = len(view.not_in_plan)
    out += [
        "",
        ("1 payment out is" if count == 1 else f"{count} payments out are") + " not matched to a line of the plan:",
    ]
    out += [f"  - {_transaction_line(m)}" for m in view.not_in_plan] or ["  (none)"]
    if view.not_in_plan:
        out.append('Match a payee to a line once with: phb spending rule PLAN "PAYEE WORDS" LINE')
    if view.restricted:
        out += ["", "Payments that look like something a budget cannot pay for (check them):"]
        out += [f"  - {_when(t)} {visible_name(t.description)}: looks like {kind}" for t, kind in view.restricted]
    out.append("")
    if view.weeks_in_hand is not None and view.weekly_cost is not None:
        out.append(
            f"Money in hand: about {view.weeks_in_hand} weeks of the plan's costs "
            f"({format_money(view.weekly_cost)} a week)."
        )
    if notice := money_notice(view):
        out.append(f"{notice.label}: {notice.text}")
    if view.hours:
        out += ["", "PA hours, worked against what the plan pays for (the money is at their hourly rate):"]
        out += [f"  - {hours_words(h)}" for h in view.hours]
    if list_all:
        out += ["", "Every transaction (id, date, amount, description, plan line):"]
        out += [f"  {m.transaction.id}  {_transaction_line(m)}" for m in view.transactions]
    return "\n".join(out).rstrip() + "\n"


def hours_words(h: HoursFigures) -> str:
    return (
        f"{visible_name(h.who)}, {h.start:%d/%m/%Y} to {h.end:%d/%m/%Y}: worked {h.worked:f} hours, "
        f"the plan pays for {h.planned:f}, difference {h.difference:+f} hours ({format_money(h.money)})"
    )


def _when(transaction: Any) -> str:
    on = transaction.on  # As "%d/%m/%Y" writes it, in a third of the time: a long list has one a line.
    return f"{on.day:02d}/{on.month:02d}/{on.year:04d}"


def _transaction_line(match: Matched) -> str:
    t = match.transaction
    lines = ", ".join(f"{s.line} {format_money(s.amount)}" for s in match.splits)
    explained = f" (explained: {visible_name(t.explanation)})" if t.explanation else ""
    return f"{_when(t)} {signed_money(t.amount)} {visible_name(t.description)}" + (
        f" -> {lines}" if lines else explained
    )


def view_json(plan: Plan, view: SpendingView) -> str:
    data = {
        "format": JSON_FORMAT,
        "title": plan.title,
        "from": view.start.isoformat(),
        "to": view.end.isoformat(),
        "days": view.days,
        "opening_balance": _json_money(view.opening),
        "money_in": _json_money(view.money_in),
        "money_out": _json_money(view.money_out),
        "closing_balance": _json_money(view.closing),
        "statement_balance": _json_money(view.statement_closing),
        "reconciled": view.reconciled,
        "budget": _json_money(view.budget),
        "planned": _json_money(view.planned),
        "spent_on_plan": _json_money(view.spent_on_plan),
        "lines": [
            {
                "line": line.line,
                "description": line.description,
                "outcomes": list(line.outcome_ids),
                "one_off": line.one_off,
                "planned": _json_money(line.planned),
                "spent": _json_money(line.spent),
                "difference": _json_money(line.difference),
            }
            for line in view.lines
        ],
        "outcomes": [
            {
                "outcome": o.outcome or None,
                "words": o.words,
                "planned": _json_money(o.planned),
                "spent": _json_money(o.spent),
                "difference": _json_money(o.difference),
            }
            for o in view.outcomes
        ],
        "not_in_plan": [_transaction_json(m) for m in view.not_in_plan],
        "restricted": [{**_transaction_json(Matched(t, (), False)), "looks_like": kind} for t, kind in view.restricted],
        "weekly_cost": _json_money(view.weekly_cost),
        "weeks_in_hand": None if view.weeks_in_hand is None else f"{view.weeks_in_hand:f}",
        "warning": None if (notice := money_notice(view)) is None else notice.text,
        "warning_severity": None if notice is None else notice.severity,
        "pa_hours": [
            {
                "pa": h.who,
                "from": h.start.isoformat(),
                "to": h.end.isoformat(),
                "worked": f"{h.worked:f}",
                "planned": f"{h.planned:f}",
                "difference": f"{h.difference:f}",
                "difference_money": _json_money(h.money),
                "evidence": h.evidence,
            }
            for h in view.hours
        ],
    }
    return _indented(data, one_a_line={"not_in_plan", "restricted"})


_COMPACT = json.JSONEncoder(ensure_ascii=True, separators=(", ", ": ")).encode


def _indented(data: dict[str, Any], one_a_line: set[str]) -> str:
    """JSON laid out as json.dumps(indent=2) would, but each payment in a list on one line.

    Python encodes in C only without an indent: 100,000 payments not matched to the plan took
    seconds to lay out, and as many lines again to read. Newlines inside text are escaped, so
    every newline here is between values.
    """
    parts = []
    for key, value in data.items():
        if key in one_a_line and value:
            text = "[\n" + ",\n".join(f"    {_COMPACT(item)}" for item in value) + "\n  ]"
        else:
            text = json.dumps(value, indent=2, ensure_ascii=True).replace("\n", "\n  ")
        parts.append(f"  {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _transaction_json(match: Matched) -> dict[str, Any]:
    t = match.transaction
    return {
        "id": t.id,
        "date": t.on.isoformat(),
        "amount": _json_money(t.amount),
        "description": t.description,
        "lines": [{"line": s.line, "amount": _json_money(s.amount)} for s in match.splits],
        "evidence": t.evidence,
        "explanation": t.explanation,
    }
