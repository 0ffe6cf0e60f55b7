"""Real plans told truthfully, through the `phb` command and plan files: one-off wheelchair budgets
with a top-up, contributions where they are not allowed, money kept back on purpose, flagged items
that stay visible once checked, item notes in every export, and the gaps reviewers send back."""

from __future__ import annotations

from pathlib import Path

import pytest

from phb_tui.cli import main
from phb_tui.planning.checks import find_gaps
from plan_store import PlanStore

from .conftest import FIXTURES, example_toml

WHEELCHAIR = """schema_version = 2
title = "Amira's wheelchair"
created = 2026-11-01T10:00:00Z
updated = 2026-11-01T10:00:00Z
eligibility = "personal_wheelchair_budget"
assessed_needs = "I need a chair I can push myself all day at college, light enough to lift into a car."
contingency_plan = "If the chair breaks, the supplier lends one within two days; Mum drives me meanwhile."

[person]
name = "Amira Khan"

[[helpers]]
role = "family"
name = "Sana Khan"

[[outcomes]]
id = "o1"
outcome = "I get around college on my own, all day."

[management]
option = "notional"
managed_by = "Wheelchair service"

[finance]
budget_amount = "3000.00"
budget_period = "one_off"
budget_start = 2026-12-01
budget_end = 2031-11-30

[[finance.line_items]]
id = "chair"
description = "Lightweight active user wheelchair"
category = "equipment"
provider = "Approved supplier"
unit_cost = "4200.00"
period = "one_off"
contribution = "1500.00"
contribution_from = "charity"
contributor = "Wheels for Life Trust"
outcome_ids = ["o1"]

[[finance.line_items]]
id = "tyres"
description = "Tyres and servicing"
category = "equipment"
unit_cost = "50.00"
period = "year"
outcome_ids = ["o1"]
notes = "The supplier's yearly service."

[[risks]]
description = "The chair breaks down."
mitigation = "Loan chair from the supplier."

[reviews]
first_review = 2027-03-01
monitored_by = "Wheelchair service therapist"
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def write(tmp_path: Path, text: str, name: str = "plan.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_one_off_wheelchair_budget_with_a_top_up_is_ready_with_its_true_price(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path, WHEELCHAIR)
    status, out, _ = run(capsys, "check", str(path))
    assert (status, out.strip()) == (
        0,
        "\"Amira's wheelchair\" is ready for review. PHB Planner's checks found nothing missing. Your NHS team may still ask about other things.",
    )

    status, out, _ = run(capsys, "export", str(path), "--format", "txt")
    assert status == 0
    flat = " ".join(out.split())
    # The chair's true price, the NHS share, and who pays the rest.
    assert (
        "Item 1: Lightweight active user wheelchair: full price £4,200.00; the budget pays £2,700.00 and £1,500.00 comes from a charity (Wheels for Life Trust)."
        in flat
    )
    assert "Budget: £3,000.00, one amount" in flat and "Recurring costs counted over: 60 months" in flat
    # 2,700.00 once + 50.00 a year for 60 months = 2,950.00, against the one-off budget, not "a year".
    assert "Planned spending: £2,950.00 in all" in flat and "Left over: £50.00 in all" in flat
    assert "a legal right to a budget for the wheelchair you are assessed as needing (not for care)" in flat
    assert "The chair: The NHS owns and repairs it; extras paid for by a top-up may not be repaired by the NHS." in flat


def test_a_one_off_budget_with_recurring_costs_and_no_dates_asks_for_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, WHEELCHAIR.replace("budget_start = 2026-12-01\nbudget_end = 2031-11-30\n", ""))
    status, out, _ = run(capsys, "check", str(path))
    assert status == 1
    assert "The budget is one amount, but 1 item recurs: add the dates the budget starts and runs to" in out
    assert "Is it realistic and within budget?" in out


def test_a_contribution_in_a_continuing_healthcare_plan_is_raised_naming_the_item(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = example_toml().replace(
        'unit_cost = "389.99"', 'unit_cost = "389.99"\ncontribution = "100.00"\ncontribution_from = "own_money"'
    )
    status, out, _ = run(capsys, "check", str(write(tmp_path, text)))
    assert status == 1
    assert "Is everything in it allowed?" in out
    assert "Item 6: Pressure-relieving cushion has £100.00 from elsewhere toward its price." in out
    assert "keep private extras separate" in out


def test_a_wheelchair_budget_that_buys_care_is_raised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = WHEELCHAIR.replace(
        'description = "Tyres and servicing"\ncategory = "equipment"',
        'description = "Carer for trips"\ncategory = "personal_assistant"',
    )
    status, out, _ = run(capsys, "check", str(write(tmp_path, text)))
    assert (
        status == 1
        and "Item 2: Carer for trips is care, but a personal wheelchair budget pays for the wheelchair" in out
    )


def test_a_wheelchair_budget_cannot_be_a_direct_payment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = WHEELCHAIR.replace('option = "notional"', 'option = "direct_payment"')
    status, out, _ = run(capsys, "check", str(write(tmp_path, text)))
    assert status == 1 and "A personal wheelchair budget cannot be a direct payment" in out


def test_money_kept_back_on_purpose_is_the_persons_reason_not_a_gap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    generous = example_toml().replace('budget_amount = "52000.00"', 'budget_amount = "60000.00"')
    unexplained = generous.replace(
        'kept_back_reason = "The rest is kept for the rise in PA pay next April, to be agreed at the first review."\n',
        "",
    )
    status, out, _ = run(capsys, "check", str(write(tmp_path, unexplained, "a.toml")))
    assert status == 1 and "£9,002.01 a year is not planned for" in out

    explained = generous.replace(
        "The rest is kept for the rise in PA pay next April", "Saving for a week's short break each summer"
    )
    path = write(tmp_path, explained, "b.toml")
    assert run(capsys, "check", str(path))[0] == 0
    summary = " ".join(run(capsys, "export", str(path))[1].split())
    assert (
        "Kept back on purpose: £9,002.01 a year is left unplanned. The reason: Saving for a week's short break each summer"
        in summary
    )


def with_a_private_item_note() -> str:
    """The model plan, with the note on item 6 (the cushion) marked private."""
    shared = 'notes = "Replaces the worn one."'
    assert shared in example_toml()
    return example_toml().replace(shared, 'notes = { text = "Replaces the worn one.", private = true }')


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_a_checked_flagged_item_and_item_notes_reach_every_export(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "export", str(write(tmp_path, with_a_private_item_note())), "--format", fmt)
    assert status == 0
    flat = " ".join(out.replace("<li>", " ").split()).replace("&#x27;", "'").replace("\\", "")
    assert (
        "looked like debt repayment. Reason given: Advice on running the direct payment account, not paying off debts."
        in flat
    )
    assert "Item 11: Workplace pension for Sam (employer's 3%): 3% of qualifying earnings" in flat
    assert "Replaces the worn one." not in flat  # A private note stays out of exports...


def test_show_prints_everything_with_private_parts_labelled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", str(write(tmp_path, with_a_private_item_note())))
    flat = " ".join(out.split())
    assert status == 0
    assert "Item 6: Pressure-relieving cushion: Replaces the worn one. (private)" in flat  # ...but not from show.
    assert "Reason given: Advice on running the direct payment account" in flat
    assert "Case reference: WY-CHC-20417" in flat and "What the assessment found" in flat


def test_a_direct_payment_that_employs_a_pa_without_insurance_is_a_gap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        example_toml()
        .replace('description = "Employer\'s liability insurance"', 'description = "Cover note"')
        .replace('provider = "PA employer insurance scheme"', 'provider = "A broker"')
        .replace('notes = "Cover of £5 million, from the first day of employment."\n', "")
    )
    status, out, _ = run(capsys, "check", str(write(tmp_path, text)))
    assert status == 1
    assert "A personal assistant is paid by direct payment, but the plan has no employer's liability insurance" in out


def test_direct_payment_details_are_asked_for_and_shown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = example_toml().replace('received_by = "person"\nheld_in = "bank_account"\n', "")
    status, out, _ = run(capsys, "check", str(write(tmp_path, text, "a.toml")))
    assert status == 1
    assert "Say who receives the direct payment: you, a representative or a nominee." in out
    assert "Say how the direct payment is held" in out
    nominee = example_toml().replace('received_by = "person"', 'received_by = "nominee"')
    summary = " ".join(run(capsys, "export", str(write(tmp_path, nominee, "b.toml")))[1].split())
    assert "Direct payment paid to: A nominee. A nominee the person chose receives and manages the money" in summary
    assert "Direct payment agreement: not signed yet" in summary


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        (
            'contribution = "1500.00"',
            'contribution = "4500.00"',
            "finance.line_items[0].contribution: is £4,500.00, more than the full price each time (£4,200.00)",
        ),
        (
            "budget_end = 2031-11-30",
            "budget_end = 2026-11-30",
            "finance.budget_end: is 30/11/2026, before the budget starts (01/12/2026)",
        ),
        (
            'notes = "The supplier\'s yearly service."',
            "checked_allowed = true",
            "finance.line_items[1].checked_reason: is needed when the item is marked as checked",
        ),
    ],
)
def test_bad_input_is_refused_with_the_field_and_changes_nothing(
    old: str, new: str, says: str, store: PlanStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert old in WHEELCHAIR
    path = write(tmp_path, WHEELCHAIR.replace(old, new))
    before = path.read_bytes()
    status, out, err = run(capsys, "import", str(path))
    assert (status, out) == (2, "") and says in err and "Traceback" not in err
    assert path.read_bytes() == before and not store.plans_dir.exists()


@pytest.mark.parametrize(
    ("description", "kind"),
    [
        ("Prosecco for my birthday", "alcohol"),
        ("Champagne", "alcohol"),
        ("Winery tour", "alcohol"),  # A tour of a winery is there for the wine: worth a second look.
        ("Pay off credit card", "debt repayment"),
        ("Rent arrears", "debt repayment"),
        ("Private dentist", "dental treatment"),
        ("Prescriptions for the year", "prescriptions"),
        ("Knee replacement surgery", "planned surgery"),
        ("Private flu jab", "vaccinations or screening"),
        ("Bowel cancer screening", "vaccinations or screening"),
    ],
)
def test_more_things_a_budget_cannot_buy_are_flagged(description: str, kind: str, example_plan) -> None:  # type: ignore[no-untyped-def]
    example_plan.finance.line_items[4].description = description
    (gap,) = [g for g in find_gaps(example_plan) if g.rule == "restricted-spending"]
    assert f"Spending item 5: {description} looks like {kind}" in gap.message


@pytest.mark.parametrize(
    "description",
    [
        "Engine service for the car",
        "Ginger biscuits",
        "GP practice travel",
        "Taxi to the dentist",
        "Physio after knee surgery",
        "Alcohol-free beer",
        "Relaxed screening at the cinema",
    ],
)
def test_words_that_only_look_alike_or_mean_something_else_are_not_flagged(description: str, example_plan) -> None:  # type: ignore[no-untyped-def]
    example_plan.finance.line_items[4].description = description
    assert [g for g in find_gaps(example_plan) if g.rule == "restricted-spending"] == []


def test_a_version_1_plan_keeps_its_checked_flag_with_an_honest_reason(
    store: PlanStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, _ = run(capsys, "import", str(FIXTURES / "v1-plan.toml"))
    assert status == 0
    plan = store.open(store.plans_dir / "nias-plan.toml").plan
    item = plan.finance.line_items[0]
    assert item.checked_allowed and "none was recorded" in item.checked_reason
    summary = " ".join(run(capsys, "show", "nias-plan")[1].split())
    assert (
        "Item 1: Apple cider vinegar drink, before bed: looked like alcohol. Reason given: checked before PHB Planner asked for a reason"
        in summary
    )


def test_each_saved_change_raises_the_revision_the_summary_quotes(
    store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = store.create("Counting")
    assert opened.plan.revision == 0
    for expected in (1, 2):
        opened.plan.icb_name = f"ICB {expected}"
        store.save(opened)
        assert store.open(opened.path).plan.revision == expected
    out = " ".join(run(capsys, "export", "counting")[1].split())
    assert "from revision 2 of the plan" in out and "Prepared on" in out


def test_the_printed_page_says_whose_plan_it_is_on_every_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = example_toml().replace('name = "Daniel Price"', 'name = "Dan \\"</style><script>x()</script>"', 1)
    html = run(capsys, "export", str(write(tmp_path, hostile)), "--format", "html")[1]
    assert "@top-left" in html and 'counter(page) " of " counter(pages)' in html
    assert "<script>" not in html and "</style><" not in html.split("</style>", 1)[1][:20]
    start = html.index("@top-left")
    head = html[start : html.index("}", start)]
    assert "\\3c " in head and "NHS number 943 476 5919" in head


def test_the_list_shows_a_one_off_budget_in_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "import", str(write(tmp_path, WHEELCHAIR)))[0] == 0
    out = run(capsys, "list")[1]
    row = next(line for line in out.splitlines() if line.startswith("Amira's wheelchair"))
    assert "£3,000.00 in all" in row and "£2,950.00 in all" in row
