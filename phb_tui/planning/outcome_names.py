"""How an outcome is named wherever the plan speaks of one: by its number in the plan, and its
words, which are the outcome as the person wrote it or, until they write it, what matters to them.

Each place then says the name its own way (a heading, a numbered list, a sentence), always from
this one name: so no list shows an outcome's id while a message next to it shows its words.
"""

from __future__ import annotations

from dataclasses import dataclass

from plan_store import Outcome, Plan

UNWRITTEN = "(not written yet)"
"""What the app's lists show for an outcome with no words yet."""


@dataclass(frozen=True)
class OutcomeName:
    number: int
    """Its place among the plan's outcomes, from 1, as the summary and the lists number them."""
    words: str
    """The outcome in the person's words, else what matters to them; "" while neither is written."""

    def short(self, most: int) -> str:
        """The words on one line, cut to `most` characters with "..." where they are longer."""
        words = " ".join(self.words.split())
        return words if len(words) <= most else words[: most - 3].rstrip() + "..."

    @property
    def in_a_sentence(self) -> str:
        """ "Outcome 2 (I swim twice a week)", or "Outcome 2" while it has no words."""
        words = self.short(50)
        return f"Outcome {self.number} ({words})" if words else f"Outcome {self.number}"

    def listed(self, most: int | None = None, unwritten: str = "") -> str:
        """ "2. I swim twice a week", as a numbered list shows it."""
        words = self.short(most) if most else self.words
        return f"{self.number}. {words or unwritten}"


def outcome_name(plan: Plan, outcome: Outcome, number: int | None = None) -> OutcomeName:
    """The name of `outcome`, one of `plan`'s. A caller going through the outcomes in order passes
    the `number`, so naming every outcome is not a search for each."""
    if number is None:
        number = next(n for n, o in enumerate(plan.outcomes, 1) if o is outcome)
    return OutcomeName(number, outcome.outcome.strip() or outcome.what_matters.strip())
