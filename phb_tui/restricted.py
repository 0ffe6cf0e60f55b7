"""Spending that a personal health budget cannot pay for, spotted from the words used.

Matching words is rough on purpose: it is there to prompt a second look, never to decide. The
person can mark an item as checked when it is a false alarm (debt *advice* is not debt repayment).
"""

from __future__ import annotations

import re

from plan_store import LineItem

_RESTRICTED: dict[str, tuple[str, ...]] = {
    "alcohol": ("alcohol", "wine", "beer", "lager", "cider", "spirits", "whisky", "vodka", "gin", "rum", "off-licence"),
    "tobacco": ("tobacco", "cigarette", "cigarettes", "cigar", "cigars", "vape", "vapes", "vaping", "e-cigarette"),
    "gambling": ("gambling", "betting", "bet", "bets", "bookmaker", "bookies", "lottery", "casino", "bingo", "slot machine"),
    "debt repayment": ("debt", "debts", "loan repayment", "repay", "repayment", "credit card", "overdraft", "arrears"),
    "GP or emergency care": (
        "gp", "general practitioner", "doctor's surgery", "a&e", "a & e", "accident and emergency",
        "ambulance", "emergency care", "urgent care", "walk-in centre",
    ),
}

_PATTERNS = {
    kind: re.compile(r"(?<![\w&])(" + "|".join(re.escape(word) for word in words) + r")(?![\w&])", re.IGNORECASE)
    for kind, words in _RESTRICTED.items()
}


def restricted_kind(item: LineItem) -> str | None:
    """What the item looks like that a budget cannot pay for, or None; checked items are cleared."""
    if item.checked_allowed:
        return None
    text = " ".join((item.description, item.category.label, item.provider))
    return next((kind for kind, pattern in _PATTERNS.items() if pattern.search(text)), None)
