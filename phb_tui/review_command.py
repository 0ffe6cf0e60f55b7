"""`phb reviews PLAN` and `phb export PLAN --review-pack`: a plan's reviews, outcome by outcome,
and a pack to prepare for the next review.

`phb reviews` with no PLAN lists every plan's next review date (cli.py); with a PLAN it lists how
each of that plan's outcomes has gone at each review.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from plan_store.errors import PlanError, visible

if TYPE_CHECKING:
    from plan_store import OpenPlan

EXIT_OK = 0


def review_pack_arguments(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "--review-pack",
        action="store_true",
        help=(
            "a pack to get ready for a review: what was agreed, what changed, how each outcome is going and "
            "what to ask. Add --easy-read for easy read"
        ),
    )


def plan_reviews(opened: OpenPlan, as_json: bool) -> int:
    """How each outcome of one plan has gone at each review, oldest first."""
    from .summary.outcome_progress import history_json, history_lines

    if as_json:
        print(history_json(opened.plan), end="")
        return EXIT_OK
    print(f'How each outcome of "{visible(opened.plan.title)}" is going, at each review, oldest first:')
    for line in history_lines(opened.plan):
        print(visible(line) if line else "")
    return EXIT_OK


def review_pack_export(opened: OpenPlan, fmt: str, easy_read: bool) -> bytes:
    """The review pack in `fmt` (txt, md, html, docx or pdf), standard or easy read, as the file's bytes."""
    from plan_store import clock

    from .agree_command import agreed_for_summary
    from .summary.exporting import byte_renderer, is_binary, render_document
    from .summary.review_pack import easy_review_pack, review_pack

    if fmt == "toml":
        raise PlanError("A review pack is a document: use --format txt, md or html (or docx or pdf).")
    if is_binary(fmt):
        byte_renderer(fmt)  # A missing library is said before anything is read.
    agreed = agreed_for_summary(opened)
    make = easy_review_pack if easy_read else review_pack
    return render_document(make(opened.plan, agreed, clock.today()), fmt)
