"""Reviews that track each outcome, the review pack, and the person's reason for each change.

Through the command line and the files it reads and leaves, as a person or a script would use them.
"""

from __future__ import annotations

import html
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from plan_store import Plan, PlanStore
from plan_store.models import OutcomeReview
from plan_store.vocabulary import Progress, SaidBy

from .conftest import ROOT
from .test_agree import phb

SLUG = "daniels-plan-2026"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture
def plan_path(store: PlanStore, example_plan: Plan) -> Path:
    return store.add(example_plan).path


def as_read(out: str) -> str:
    """The words as a reader sees them, whatever the format: no HTML entities, Markdown escapes or line breaks."""
    return " ".join(html.unescape(out).replace("\\", "").split())


def edit(store: PlanStore, path: Path, change: object) -> None:
    opened = store.open(path)
    change(opened.plan)  # type: ignore[operator]
    store.save(opened)


def agree_then_raise_sams_pay(store: PlanStore, path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert phb(capsys, "agree", SLUG, "--by", "Priya Shah, CHC nurse assessor", "--on", "20/11/2026")[0] == 0

    def raise_pay(plan: Plan) -> None:
        plan.finance.line_items[0].unit_cost = Decimal("15.00")  # Needs agreement: new money.
        plan.finance.line_items[1].outcome_ids = ["o2"]  # Needs agreement: money between outcomes.

    edit(store, path, raise_pay)


# --- Each outcome's history ---------------------------------------------------------------------


def test_each_outcomes_history_is_in_the_summary_in_outcome_order_with_dates_and_words(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def later_review(plan: Plan) -> None:
        plan.reviews.outcomes.insert(
            0,
            OutcomeReview(
                reviewed_on=date(2027, 2, 26),
                outcome_id="o1",
                progress=Progress.ACHIEVED,
                how_it_is_going="Still in my flat, no hospital stays.",
                said_by=SaidBy.FAMILY,
            ),
        )

    edit(store, plan_path, later_review)
    out = " ".join(phb(capsys, "show", SLUG, "--plain")[1].split())
    history = out.index("How each outcome is going, at each review, oldest first:")
    first = out.index("Outcome 1: I stay safely in my flat", history)
    second = out.index("Outcome 2: I swim twice a week", history)
    assert first < second  # In the plan's order, whatever order the reviews were written in.
    earlier = out.index("20 October 2026: On track, said by the person.", first)
    later = out.index("26 February 2027: Achieved, said by family. Still in my flat, no hospital stays.", first)
    assert earlier < later < second  # Oldest first.
    assert "20 October 2026: Not started, said by a professional." in out[second:]
    assert "What will change: A second PA for evenings, so visits are on time." in out


def test_a_removed_outcome_keeps_its_history_named_as_no_longer_in_the_plan(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def drop_swimming(plan: Plan) -> None:
        plan.outcomes.pop()
        for links in [item.outcome_ids for item in plan.finance.line_items] + [r.outcome_ids for r in plan.resources]:
            links[:] = [o for o in links if o != "o2"] or ["o1"]

    edit(store, plan_path, drop_swimming)
    status, out, _ = phb(capsys, "reviews", SLUG)
    assert status == 0
    assert 'An outcome no longer in the plan ("o2"):' in out
    assert "The pool's hoist was broken all summer." in out


def test_phb_reviews_of_one_plan_lists_each_outcomes_reviews_and_as_json(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = phb(capsys, "reviews", SLUG)
    assert status == 0
    assert out.splitlines()[0] == """How each outcome of "Daniel's plan 2026" is going, at each review, oldest first:"""
    assert "Outcome 1: I stay safely in my flat, with help to get up, wash and eat.:" not in out  # No doubled stop.
    assert "  - 20 October 2026: On track, said by the person." in out
    data = json.loads(phb(capsys, "reviews", SLUG, "--json")[1])
    first, second = data["outcomes"]
    assert (first["outcome_id"], first["number"], second["number"]) == ("o1", 1, 2)
    (review,) = first["reviews"]
    assert review == {
        "reviewed_on": "2026-10-20",
        "progress": "on_track",
        "progress_words": "On track",
        "how_it_is_going": "No hospital stays since July, and I choose when I get up.",
        "said_by": "person",
        "what_will_change": "A second PA for evenings, so visits are on time.",
    }
    status, out, _ = phb(capsys, "reviews")  # Every plan's next review, as before.
    assert status == 0 and "first review 26 February 2027" in out


def test_a_version_5_plan_loads_with_its_review_log_unchanged_and_no_outcome_progress(
    store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = phb(capsys, "import", str(FIXTURES / "v5-plan.toml"))
    assert status == 0, err
    path = store.plans_dir / f"{SLUG}.toml"
    plan = store.open(path).plan
    assert plan.schema_version == 6
    (entry,) = plan.reviews.log
    assert entry.outcomes_progress == "No hospital stays since July."  # Its meaning kept, word for word.
    assert (plan.reviews.outcomes, plan.change_reasons) == ([], [])
    out = phb(capsys, "show", SLUG, "--plain")[1]
    assert "Progress on outcomes: No hospital stays since July." in out
    assert "How each outcome is going" not in out
    assert "No review has recorded how each outcome is going yet." in phb(capsys, "reviews", SLUG)[1]


# --- The person's reasons -----------------------------------------------------------------------


def test_a_reason_is_kept_for_a_numbered_change_and_shown_in_the_variation_request(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agree_then_raise_sams_pay(store, plan_path, capsys)
    status, out, _ = phb(capsys, "changes", SLUG)
    assert status == 1
    assert "Your reason (change 1): not given yet." in out and "phb changes PLAN --reason 1" in out
    status, out, _ = phb(capsys, "changes", SLUG, "--reason", "1", "Sam's pay goes up in April.")
    assert status == 0
    assert out.startswith("Kept your reason for change 1: Personal assistant, mornings (Sam): £14.50 -> £15.00")
    revision = store.open(plan_path).plan.revision
    assert "Your reason (change 1): Sam's pay goes up in April." in phb(capsys, "changes", SLUG)[1]
    data = json.loads(phb(capsys, "changes", SLUG, "--json")[1])
    first = data["changes"][0]
    assert (first["number"], first["key"], first["your_reason"]) == (
        1,
        "item:pa-mornings:cost",
        "Sam's pay goes up in April.",
    )
    for fmt in ("txt", "md", "html"):
        status, out, err = phb(capsys, "export", SLUG, "--variation", "--format", fmt)
        assert status == 0, err
        assert "pay goes up in April." in out  # In each format's own quoting of the apostrophe.
        assert "______" in out.replace("\\_", "_")  # Change 2 still has a space for its reason.
    assert store.open(plan_path).plan.revision == revision  # Reading never saves.


def test_a_reason_survives_other_edits_and_listing_again_but_not_a_new_agreement(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agree_then_raise_sams_pay(store, plan_path, capsys)
    assert phb(capsys, "changes", SLUG, "--reason", "2", "Evenings help with my routine.")[0] == 0
    edit(store, plan_path, lambda plan: plan.risks.pop())  # Another change, listed before it? Never numbered.
    out = phb(capsys, "changes", SLUG)[1]
    assert "Your reason (change 2): Evenings help with my routine." in out
    assert "Your reason (change 1): not given yet." in out
    assert phb(capsys, "agree", SLUG, "--by", "Priya Shah", "--despite-gaps")[0] == 0
    edit(store, plan_path, lambda plan: setattr(plan.finance.line_items[1], "outcome_ids", ["o1"]))
    out = phb(capsys, "changes", SLUG)[1]
    assert "Evenings help with my routine." not in out  # Given for the last variation, not this one.


def test_a_reason_for_no_such_change_is_refused_and_an_empty_one_removes_it(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agree_then_raise_sams_pay(store, plan_path, capsys)
    status, _, err = phb(capsys, "changes", SLUG, "--reason", "9", "Why not.")
    assert status == 2 and "There is no change 9" in err and "numbered 1 to 3" in err
    status, _, err = phb(capsys, "changes", SLUG, "--reason", "first", "Why not.")
    assert status == 2 and "--reason takes the change's number first" in err
    assert phb(capsys, "changes", SLUG, "--reason", "1", "Pay rise.")[0] == 0
    status, out, _ = phb(capsys, "changes", SLUG, "--reason", "1", "")
    assert status == 0 and out.startswith("Removed your reason for change 1")
    assert store.open(plan_path).plan.change_reasons == []


# --- The review pack ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_the_review_pack_says_what_was_agreed_what_changed_progress_and_questions(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    agree_then_raise_sams_pay(store, plan_path, capsys)
    status, out, err = phb(capsys, "export", SLUG, "--review-pack", "--format", fmt)
    assert status == 0, err
    text = as_read(out)
    for heading in ("What was agreed", "What changed since", "How each outcome is going", "Questions to ask"):
        assert heading in text
    assert "Agreed on 20 November 2026 by Priya Shah (revision 14)." in text
    assert "£14.50 -> £15.00" in text
    assert "20 October 2026: Not started, said by a professional." in text
    assert "Is the money being used effectively?" in text
    assert "Outcome 2 had not started at the last review: what would help?" in text
    assert "3 changes since the plan was agreed need the NHS team's agreement" in text
    assert written_into_a_folder(plan_path, capsys, fmt) == f"{SLUG}-review-pack.{fmt}"


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_the_easy_read_review_pack_asks_short_questions(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    status, out, err = phb(capsys, "export", SLUG, "--review-pack", "--easy-read", "--format", fmt)
    assert status == 0, err
    text = as_read(out)
    assert "Getting ready for your review: Dan" in text
    assert "The NHS team has not said yes to your plan yet." in text
    assert "Last time (20 October 2026): On track." in text
    assert "Is the money being used well?" in text
    assert written_into_a_folder(plan_path, capsys, fmt, "--easy-read") == f"{SLUG}-easy-read-review-pack.{fmt}"


def written_into_a_folder(plan_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, *more: str) -> str:
    """The name a review pack is given when written into a folder."""
    folder = plan_path.parent.parent / "exports"
    folder.mkdir()
    assert phb(capsys, "export", SLUG, "--review-pack", *more, "--format", fmt, "-o", str(folder))[0] == 0
    (written,) = folder.iterdir()
    return written.name


def test_a_review_pack_of_a_plan_never_agreed_says_so_and_toml_is_refused(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = phb(capsys, "export", SLUG, "--review-pack")
    assert status == 0
    assert "Not yet agreed." in out and "The plan has not been agreed yet" in out
    status, _, err = phb(capsys, "export", SLUG, "--review-pack", "--format", "toml")
    assert status == 2 and "use --format txt, md or html" in err
    status, _, err = phb(capsys, "export", SLUG, "--review-pack", "--variation")
    assert status == 2 and "Choose one" in err
