"""A new plan, with the things worth finding out already listed so nobody starts from a blank page."""

from __future__ import annotations

from .clock import utc_now
from .models import ChecklistItem, GetInformed
from .plan import Plan

STARTER_CHECKLIST: tuple[tuple[str, str], ...] = (
    ("what-budgets-do", "What can a personal health budget pay for, and would one suit me?"),
    ("local-icb", "Which ICB covers where I live, and who there leads on personal health budgets?"),
    ("local-experience", "How many people near me have a budget, and how did they find it?"),
    ("local-history", "Was my area an early pilot, and is any work on budgets going on now?"),
    ("my-condition", "What does the research say about managing my condition well?"),
    ("condition-offered", "Are people with my condition being offered budgets in my area?"),
    ("peer-network", "Is there a local group of budget holders I could talk to?"),
    ("independent-advice", "Where can I get independent advice, not only from the NHS?"),
)


def new_plan(title: str) -> Plan:
    """A fresh plan at the first step of the journey."""
    now = utc_now()
    checklist = [ChecklistItem(key=key, question=question) for key, question in STARTER_CHECKLIST]
    return Plan(title=title, created=now, updated=now, informed=GetInformed(checklist=checklist))
