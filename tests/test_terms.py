"""Every term a person may not know is explained where it is used: on each step's screen, in each
help file, and in the summary. The explanation is found near the term, in the same text."""

from __future__ import annotations

import re

import pytest

from phb_tui.planning.steps import Step

from .plain_words import help_file, step_guidance

# A term, and words that explain it (any one of them will do).
TERMS: dict[str, tuple[str, ...]] = {
    "ICB": ("Integrated Care Board",),
    "NHS Continuing Healthcare": ("complex health needs", "for adults"),
    "children's continuing care": ("for children",),
    "Section 117": ("Mental Health Act",),
    "personal wheelchair budget": ("towards a wheelchair", "for a wheelchair", "wheelchair service"),
    "direct payment": ("paid to you",),
    "notional": ("NHS keeps the money", "NHS holds the money", "held by the NHS"),
    "third-party": ("outside the NHS", "outside your family and the NHS"),
    "representative": ("acts for you",),
    "nominee": ("you choose to receive",),
    "managed account": ("runs for you",),
    "National Insurance": ("a tax",),
    "indicative budget": ("told you", "the amount the NHS"),
    "contingency fund": ("set aside", "kept back"),
}


def explained(term: str, text: str) -> bool:
    if not re.search(re.escape(term), text, re.IGNORECASE):
        return True  # Not used here, so nothing to explain.
    return any(re.search(re.escape(words), text, re.IGNORECASE) for words in TERMS[term])


TEXTS = [(f"step {step.number}", step_guidance, step) for step in Step] + [
    (f"help {step.value}.md", help_file, step) for step in Step
]


@pytest.mark.parametrize(("name", "text", "step"), TEXTS, ids=[name for name, _, _ in TEXTS])
def test_every_term_used_is_explained_there(name: str, text, step: Step) -> None:  # type: ignore[no-untyped-def]
    missing = [term for term in TERMS if not explained(term, text(step))]
    assert missing == [], f"{name} uses {missing} without saying what they mean"


def test_the_check_catches_a_term_left_unexplained() -> None:
    assert not explained("nominee", "Choose a nominee.")
    assert explained("nominee", "A nominee is someone you choose to receive the money.")
    assert explained("nominee", "Nothing about it here.")
