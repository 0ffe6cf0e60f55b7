"""Every section of the summary: its stable key and its usual title, said once.

The builder takes each title from here, and a layout file (an ICB's own order and headings) names
sections by these keys, so a layout keeps working when a title's wording is improved.
"""

from __future__ import annotations

from .document import Block, Section

SECTION_TITLES: dict[str, str] = {
    "front-sheet": "Front sheet",
    "changes": "Changes since the agreed version",
    "who": "Who the plan is for",
    "about-me": "About me",
    "eligibility": "Eligibility and budget",
    "needs": "What the assessment found",
    "outcomes": "Outcomes, and what serves each one",
    "management": "Managing the money",
    "who-decides": "Who decides",
    "money": "Financial plan",
    "employing": "Employing personal assistants",
    "other-support": "Other support, not yet linked to an outcome",
    "week": "My week",
    "risks": "Risks and contingency plan",
    "flexibility": "Flexibility agreement",
    "reviews": "Reviews",
    "actions": "Action plan: before the plan starts",
    "to-discuss": "To discuss",
    "sign-off": "Agreement and sign-off",
    "getting-informed": "Getting informed",
}
"""In the summary's usual order. "getting-informed" is in `phb show` only, never in an export."""

MUST_KEEP: dict[str, str] = {
    "front-sheet": "it says whether the plan is ready and lists every gap a reviewer must see before signing",
    "changes": "it lists the changes since the plan was agreed, which the NHS team must see before agreeing them",
    "sign-off": "it is where the plan is agreed and signed",
}
"""Sections a layout may rename and move but never leave out, and why: "ready for review" must
mean a reviewer could sign the document as it is printed."""


def section(key: str, blocks: list[Block], keep_together: bool = False) -> Section:
    """The section called `key`, under its usual title."""
    return Section(SECTION_TITLES[key], blocks, keep_together=keep_together, key=key)
