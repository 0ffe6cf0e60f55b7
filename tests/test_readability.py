"""Plain words, measured: every screen's guidance and every help file reads easily (Flesch reading
ease 70 or more), and no sentence anywhere runs past 25 words. The texts are gathered from where
they live (tests/plain_words.py), so a new hint or message is measured as soon as it is written."""

from __future__ import annotations

import pytest

from phb_tui.planning.steps import Step

from .plain_words import (
    EASIEST_ENOUGH,
    LONGEST_SENTENCE,
    Piece,
    everything,
    help_file,
    long_sentences,
    reading_ease,
    sentences,
    step_guidance,
    words,
)


def _worst_ten() -> str:
    scored = sorted(
        (reading_ease(text), name)
        for step in Step
        for name, text in ((f"step {step.number}", step_guidance(step)), (f"help {step.value}", help_file(step)))
    )
    return "\n".join(f"{score:5.1f}  {name}" for score, name in scored[:10])


@pytest.mark.parametrize("step", list(Step), ids=lambda step: step.value)
def test_each_steps_guidance_reads_easily(step: Step) -> None:
    score = reading_ease(step_guidance(step))
    assert score >= EASIEST_ENOUGH, f"step {step.number} reads at {score:.1f}; the ten hardest:\n{_worst_ten()}"


@pytest.mark.parametrize("step", list(Step), ids=lambda step: step.value)
def test_each_help_file_reads_easily(step: Step) -> None:
    score = reading_ease(help_file(step))
    assert score >= EASIEST_ENOUGH, f"{step.value}.md reads at {score:.1f}; the ten hardest:\n{_worst_ten()}"


def test_no_sentence_is_longer_than_25_words() -> None:
    assert list(everything())  # Texts were found: an empty collection would pass for nothing.
    too_long = long_sentences()
    shown = "\n".join(f"{count} words, {where}: {sentence}" for count, where, sentence in too_long[:10])
    assert too_long == [], f"{len(too_long)} sentences are over {LONGEST_SENTENCE} words; the longest:\n{shown}"


def test_the_measures_catch_a_long_sentence_and_hard_words() -> None:
    """The checks above can fail: a sentence added at 26 words, or in hard words, is caught."""
    long = " ".join(["word"] * 26) + "."
    assert words(sentences(long)[0]) == 26 > LONGEST_SENTENCE
    hard = (
        "Notwithstanding contemporaneous administrative considerations, organisational accountability "
        "necessitates comprehensive documentation of expenditure."
    )
    assert reading_ease(hard) < EASIEST_ENOUGH
    assert reading_ease("You choose how the money is held. You can mix the ways.") >= EASIEST_ENOUGH
    piece = Piece("made up", long)
    assert [words(sentence) for sentence in sentences(piece.text)] == [26]
