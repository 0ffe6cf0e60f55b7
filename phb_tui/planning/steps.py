"""The steps of the planning wizard, in order. Checks point at them; screens are built for them."""

from __future__ import annotations

from enum import StrEnum


class Step(StrEnum):
    GET_INFORMED = "get_informed"
    OUTCOMES = "outcomes"
    MANAGEMENT = "management"
    RESOURCES = "resources"
    FINANCE = "finance"
    REVIEW = "review"
    SUMMARY = "summary"

    @property
    def heading(self) -> str:
        return _TITLES[self]

    @property
    def number(self) -> int:
        return list(Step).index(self) + 1


_TITLES = {
    Step.GET_INFORMED: "Get informed",
    Step.OUTCOMES: "Outcomes",
    Step.MANAGEMENT: "Managing the money",
    Step.RESOURCES: "Other support",
    Step.FINANCE: "Financial plan",
    Step.REVIEW: "Review and sign-off",
    Step.SUMMARY: "Summary",
}
