"""The PA cost calculator's figures as plain text and as JSON, for `phb pa-costs`.

The same calculation as the app's calculator, for people who use a screen reader and for brokers
working out costs for a client: every part named, the yearly total, and the rates used.
"""

from __future__ import annotations

import json
from decimal import Decimal

from plan_store import format_money

from .planning.employer_rates import LoadedRates, rates_in_words
from .planning.pa_costs import WAGE_KEYS, Costs


def pa_costs_text(costs: Costs, rates: LoadedRates) -> str:
    lines: list[str] = []
    for cost in costs.per_pa:
        pa = cost.pa
        already = " (their wages are already in the plan)" if pa.wage_line else ""
        lines.append(
            f"{pa.who}: {format_money(pa.hourly_rate)} an hour, {pa.hours_per_week:f} hours a week{already}. A year:"
        )
        for part in cost.parts:
            if part.yearly or part.key in WAGE_KEYS:
                what = part.description.split(": ", 1)[-1]
                lines.append(f"  {what[:1].upper()}{what[1:]}: {format_money(part.yearly)}")
        lines.append(f"  In all for {pa.who}: {format_money(cost.yearly)}")
        lines.append("")
    employer = [part for part in costs.employer if part.yearly]
    if employer:
        lines.append("The employer's own costs, a year:")
        lines += [f"  {part.description}: {format_money(part.yearly)}" for part in employer]
        lines.append("")
    lines.append(f"Total, a year: {format_money(costs.yearly)}")
    if costs.allowance_used:
        lines.append(f"The Employment Allowance takes {format_money(costs.allowance_used)} off National Insurance.")
    lines += [f"Warning: {warning}" for warning in costs.warnings]
    lines += ["", rates_in_words(rates)]
    if rates.problem:
        lines.append(f"Note: {rates.problem}")
    return "\n".join(lines) + "\n"


def pa_costs_json(costs: Costs, rates: LoadedRates) -> str:
    def money(amount: Decimal) -> str:
        return f"{amount:.2f}"

    data = {
        "format": 1,
        "pas": [
            {
                "who": cost.pa.who,
                "hourly_rate": money(cost.pa.hourly_rate),
                "hours_per_week": f"{cost.pa.hours_per_week:f}",
                "wage_line": cost.pa.wage_line,
                "pay_period": cost.pa.pay_period.value,
                "ni_before_allowance": money(cost.ni_before_allowance),
                "parts": [
                    {"key": part.key, "description": part.description, "yearly": money(part.yearly)}
                    for part in cost.parts
                ],
                "yearly": money(cost.yearly),
            }
            for cost in costs.per_pa
        ],
        "employer": [
            {"key": part.key, "description": part.description, "yearly": money(part.yearly)} for part in costs.employer
        ],
        "allowance_used": money(costs.allowance_used),
        "yearly": money(costs.yearly),
        "warnings": costs.warnings,
        "rates": {
            "name": rates.rates.name,
            "source": rates.source,
            "valid_from": rates.rates.valid_from.isoformat(),
            "valid_to": rates.rates.valid_to.isoformat(),
            "sources": rates.rates.sources,
            "problem": rates.problem,
        },
    }
    return json.dumps(data, indent=2, ensure_ascii=True) + "\n"
