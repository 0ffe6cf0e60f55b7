"""Rules a reviewer would write, each through `phb check --json` as a script or a broker sees it.

Each test changes one thing in the model plan (docs/plan-format.md's complete example, which is
ready with nothing to ask) and reads the gap: its rule, its group, the step that fixes it and what
it says. The domain facts the rules rest on are in one table, read from the rates file, so a new
tax year is a change of data.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from phb_tui.cli import main
from phb_tui.planning.checks import RULE_IDS, find_gaps, set_aside
from phb_tui.planning.employer_rates import load_rates
from phb_tui.planning.person_centred import task_notes, usual_tasks, week_notes
from phb_tui.planning.reviewer_rules import CHILD_UNDER, FIRST_REVIEW_WITHIN_MONTHS
from plan_store import Plan

from .conftest import PINNED_TODAY, example_toml

RATES = load_rates(Path("/nonexistent/rates.toml")).rates

#: The facts the rules rest on, from DOMAIN.md and GOV.UK, as the shipped rates file states them.
FACTS: dict[str, object] = {
    "least pay an hour at 21 and over (National Living Wage)": RATES.national_living_wage,
    "least pay an hour at 18 to 20": RATES.minimum_wage.aged_18_to_20,
    "least pay an hour at 16 to 17": RATES.minimum_wage.aged_16_to_17,
    "least pay an hour for an apprentice": RATES.minimum_wage.apprentice,
    "minimum pay changes on": RATES.national_living_wage_from,
    "a direct payment is first reviewed within (months)": FIRST_REVIEW_WITHIN_MONTHS,
    "a child cannot receive a direct payment under (years)": CHILD_UNDER,
}


def test_the_facts_for_2026_to_2027() -> None:
    expected = {
        "least pay an hour at 21 and over (National Living Wage)": Decimal("12.71"),
        "least pay an hour at 18 to 20": Decimal("10.85"),
        "least pay an hour at 16 to 17": Decimal("8.00"),
        "least pay an hour for an apprentice": Decimal("8.00"),
        "minimum pay changes on": date(2026, 4, 1),
        "a direct payment is first reviewed within (months)": 3,
        "a child cannot receive a direct payment under (years)": 16,
    }
    assert expected == FACTS


def check(capsys: pytest.CaptureFixture[str], tmp_path: Path, *changes: tuple[str, str]) -> dict[str, Any]:
    """`phb check --json` of the model plan with each (old, new) text changed once."""
    text = example_toml()
    for old, new in changes:
        assert text.count(old) >= 1, f"not in the model plan: {old!r}"
        text = text.replace(old, new, 1)
    source = tmp_path / "plan.toml"
    source.write_text(text, encoding="utf-8")
    status = main(["check", str(source), "--json"])
    out, err = capsys.readouterr()
    data: dict[str, Any] = json.loads(out)
    assert err == "" and status == (0 if data["ready"] else 1)
    return data


def gaps(data: dict[str, Any], rule: str) -> list[dict[str, Any]]:
    found = [gap for gap in data["gaps"] if gap["rule"] == rule]
    assert found, f"{rule} stayed quiet: {[g['rule'] for g in data['gaps']]}"
    return found


def only(data: dict[str, Any], rule: str, criterion: str, step: int) -> dict[str, Any]:
    (gap,) = gaps(data, rule)
    assert (gap["criterion"], gap["step"]) == (criterion, step)
    assert gap["rule"] in RULE_IDS
    return gap


# --- the model plan ----------------------------------------------------------------------------


def test_the_model_plan_is_ready_with_nothing_to_ask(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, example_plan: Plan
) -> None:
    data = check(capsys, tmp_path)
    assert (data["ready"], data["gaps"], data["not_applicable"]) == (True, [], [])
    assert find_gaps(example_plan) == [] and set_aside(example_plan) == []
    # Nor any gentle note: the week adds up and every task is on time and has someone to do it.
    assert week_notes(example_plan) == [] and task_notes(example_plan, PINNED_TODAY) == []


def test_every_rule_that_speaks_has_a_name_a_person_can_set_aside() -> None:
    from plan_store import new_plan

    from .plain_words import _plans_a_reviewer_would_send_back

    spoken = {gap.rule for plan in [new_plan("Empty"), *_plans_a_reviewer_would_send_back()] for gap in find_gaps(plan)}
    assert spoken <= RULE_IDS, spoken - RULE_IDS
    assert len(spoken) >= 20  # Most rules spoke, so the list is checked against them.


def test_the_usual_employer_tasks_include_right_to_work_and_pension_duties(example_plan: Plan) -> None:
    tasks = " ".join(usual_tasks(example_plan))
    for duty in ("right to work", "written statement", "declaration of compliance", "payslip", "close relative"):
        assert duty in tasks


# --- Is everything in it allowed? ----------------------------------------------------------------


def test_pay_below_the_minimum_for_the_age_band(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = check(capsys, tmp_path, ('unit_cost = "14.50"\nquantity = 20', 'unit_cost = "9.50"\nquantity = 20'))
    message = only(data, "pay-below-minimum", "legal", 5)["message"]
    assert message.startswith("Item 1: Personal assistant, mornings (Sam) pays £9.50 an hour.")
    assert "the least for a worker aged 21 or over is £12.71" in message
    assert "does not say the PA's age, so this rate is used" in message
    assert "£10.85 at 18 to 20" in message and "£8.00 at 16 to 17 or for an apprentice" in message


def test_pay_at_the_minimum_is_allowed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = check(capsys, tmp_path, ('unit_cost = "14.50"\nquantity = 20', 'unit_cost = "12.71"\nquantity = 20'))
    assert "pay-below-minimum" not in {gap["rule"] for gap in data["gaps"]}


CHILD = ("date_of_birth = 1991-06-03", "date_of_birth = 2015-01-10")
NO_MONEY_DECISIONS = (
    '[[who_decides.decisions]]\narea = "staff"',
    '[[who_decides.decisions]]\narea = "money"\ndecision = "Spending the budget"\ncan_decide = false\n\n'
    '[[who_decides.decisions]]\narea = "staff"',
)


def test_a_child_under_16_cannot_receive_the_money(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    message = only(check(capsys, tmp_path, CHILD), "recipient-cannot-receive", "legal", 3)["message"]
    assert message.startswith("Dan is 11. A child under 16 cannot receive a direct payment")
    assert "Choose a representative" in message


def test_an_adult_who_cannot_decide_about_money_cannot_receive_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    message = only(check(capsys, tmp_path, NO_MONEY_DECISIONS), "recipient-cannot-receive", "legal", 3)["message"]
    assert "Who decides says Dan cannot make decisions about money." in message
    # Nor can they choose a nominee.
    data = check(capsys, tmp_path, NO_MONEY_DECISIONS, ('received_by = "person"', 'received_by = "nominee"'))
    assert (
        "Only an adult who can decide chooses a nominee."
        in only(data, "recipient-cannot-receive", "legal", 3)["message"]
    )


def test_a_representative_for_a_child_is_right(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = check(
        capsys,
        tmp_path,
        CHILD,
        ('received_by = "person"', 'received_by = "representative"'),
        ('acting_role = "attorney"', 'acting_role = "representative"'),
        ("employed by Daniel", "employed by Anne Price"),
        ("employed by Daniel", "employed by Anne Price"),
    )
    rules = {gap["rule"] for gap in data["gaps"]}
    assert not rules & {"recipient-cannot-receive", "recipient-contradicts"}


def test_paid_to_the_person_while_a_nominee_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = check(
        capsys,
        tmp_path,
        ('acting_role = "attorney"', 'acting_role = "nominee"'),
    )
    message = only(data, "recipient-contradicts", "legal", 3)["message"]
    assert message == (
        "Who decides names a nominee (Anne Price (Mum)). But the direct payment is paid to Dan. "
        "Whoever receives the money employs any PA: make the two agree."
    )


def test_a_pa_employed_by_someone_else_than_the_recipient(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = check(capsys, tmp_path, ("Sam Okafor, employed by Daniel", "Sam Okafor, employed by Anne Price"))
    message = only(data, "recipient-contradicts", "legal", 3)["message"]
    assert message == (
        "Item 1: Personal assistant, mornings (Sam) says the PA is employed by Anne Price. "
        "The money is paid to Dan, and whoever receives it is the employer."
    )


def test_a_representative_for_an_adult_who_can_decide(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = check(capsys, tmp_path, ('received_by = "person"', 'received_by = "representative"'))
    first, *employers = gaps(data, "recipient-contradicts")
    assert first["message"].startswith("A representative receives the money for a child under 16, or for an adult")
    assert "If Dan can decide but wants help, choose a nominee." in first["message"]
    # And the PAs are said to be employed by Daniel, who no longer receives the money.
    assert [gap["message"].split(" says ")[1][:25] for gap in employers] == ["the PA is employed by Dan"] * 2


# --- Is it realistic? ----------------------------------------------------------------------------


def test_an_open_question(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = check(capsys, tmp_path, ('come swimming with me?", answered = true', 'come swimming with me?"'))
    message = only(data, "open-question", "realistic", 1)["message"]
    assert message == (
        'Question 1 ("Can the budget pay for a PA to come swimming with me?") is not answered yet. '
        "Ask it, then mark it as answered."
    )


def test_an_open_private_question_is_counted_but_never_quoted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = check(capsys, tmp_path, ("private = true, answered = true", "private = true"))
    message = only(data, "open-question", "realistic", 1)["message"]
    assert message.startswith("Question 2 (marked private) is not answered yet.")
    assert "payroll" not in json.dumps(data)


def test_a_week_that_does_not_show_the_hours_paid_for(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    one_morning = '[[week.entries]]\nday = "monday"\ntime = "morning"\nwhat = "Sam: getting up, washing, breakfast"\n'
    data = check(capsys, tmp_path, (one_morning + "units = 4", one_morning + "units = 0"))
    message = only(data, "week-hours", "realistic", 4)["message"]
    assert message.startswith('"Personal assistant, mornings (Sam)" is paid for 20 a week; the week shows 16.')


# --- Is it safe? ---------------------------------------------------------------------------------


def test_no_contingency_fund_with_pas_employed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = check(capsys, tmp_path, ('contingency = "837.50"', 'contingency = "0.00"'))
    message = only(data, "no-contingency-fund", "safe", 5)["message"]
    assert message.startswith("The plan employs personal assistants but has no contingency fund.")


def test_a_care_line_explained_only_in_private(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    secret = "Mum covers the other nights for now."
    data = check(
        capsys,
        tmp_path,
        (
            'notes = "On the other five nights the mattress keeps Daniel\'s skin safe, and the pendant alarm calls for help."',
            f'notes = {{ text = "{secret}", private = true }}',
        ),
    )
    message = only(data, "private-explanation", "safe", 5)["message"]
    assert message.startswith(
        "Item 4: Waking night care, two nights a week is explained only in a note marked private."
    )
    assert secret not in json.dumps(data)  # The warning is to the person; the reviewer never gets the text.


def test_a_risk_with_nothing_said_about_handling_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = check(
        capsys,
        tmp_path,
        ('mitigation = "Keep an up-to-date advert ready; agency cover for up to four weeks."', 'mitigation = ""'),
    )
    assert only(data, "risk-unhandled", "safe", 6)["message"].startswith("Risk 1 does not say how it is handled.")


# --- Can it be reviewed? -------------------------------------------------------------------------


def test_a_first_review_later_than_three_months(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = check(capsys, tmp_path, ("first_review = 2027-02-26", "first_review = 2027-11-30"))
    message = only(data, "first-review-late", "reviewable", 6)["message"]
    assert message == (
        "The first review is on 30 November 2027. A direct payment is first reviewed within three months "
        "of its start (1 December 2026): set it by 1 March 2027."
    )
    on_the_day = check(capsys, tmp_path, ("first_review = 2027-02-26", "first_review = 2027-03-01"))
    assert on_the_day["ready"] is True


def test_the_first_review_counts_from_the_first_payment_when_known(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = check(capsys, tmp_path, ("first_payment = 2026-12-01", "first_payment = 2026-11-20"))
    message = only(data, "first-review-late", "reviewable", 6)["message"]
    assert message.endswith("within three months of its start (20 November 2026): set it by 20 February 2027.")


def test_a_review_date_in_the_past(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PHB_TODAY", "2027-03-10")
    message = only(check(capsys, tmp_path), "review-overdue", "reviewable", 6)["message"]
    assert message == (
        "The first review was due on 26 February 2027, which has passed. "
        "Record the review when it is held, or set a new date."
    )


def test_no_flexibility_agreement(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = check(
        capsys,
        tmp_path,
        ('free_to_change = "Moving PA hours between days, and swapping swimming for hydrotherapy."\n', ""),
        ('must_ask_first = "Anything new, or moving money between outcomes."\n', ""),
    )
    assert only(data, "no-flexibility", "reviewable", 5)["message"].startswith("Say what you may change without asking")
    # One amount for one thing, such as a wheelchair, has no running plan to change.
    one_off = check(
        capsys,
        tmp_path,
        ('budget_period = "year"', 'budget_period = "one_off"'),
        ('free_to_change = "Moving PA hours between days, and swapping swimming for hydrotherapy."\n', ""),
        ('must_ask_first = "Anything new, or moving money between outcomes."\n', ""),
    )
    assert "no-flexibility" not in {gap["rule"] for gap in one_off["gaps"]}


# --- Saying a rule does not apply ----------------------------------------------------------------

NO_FUND = ('contingency = "837.50"', 'contingency = "0.00"')
REASON = "The ICB pays for cover from its own fund."


def setting_aside(rule: str, reason: str) -> tuple[str, str]:
    """A change to the model plan that sets `rule` aside for `reason`, before its action plan."""
    return ("[[actions]]", f'[[not_applicable]]\nrule = "{rule}"\nreason = "{reason}"\n\n[[actions]]')


def test_a_rule_set_aside_with_a_reason_is_shown_to_the_reviewer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = check(capsys, tmp_path, NO_FUND, setting_aside("no-contingency-fund", REASON))
    assert data["ready"] is True and data["gaps"] == []
    (marked,) = data["not_applicable"]
    assert (marked["rule"], marked["criterion"], marked["step"], marked["reason"]) == (
        "no-contingency-fund",
        "safe",
        5,
        REASON,
    )
    status = main(["check", str(tmp_path / "plan.toml")])
    out, _ = capsys.readouterr()
    assert status == 0 and "ready for review" in out
    assert "Rules the plan says do not apply, with the reason given (the reviewer decides):" in out
    assert f'Reason given: "{REASON}"' in out


def test_a_rule_set_aside_is_in_the_summary_the_reviewer_reads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    check(capsys, tmp_path, NO_FUND, setting_aside("no-contingency-fund", REASON))
    status = main(["export", str(tmp_path / "plan.toml"), "--format", "txt", "-o", "-"])
    out, _ = capsys.readouterr()
    unwrapped = " ".join(out.split())
    assert status == 0
    assert "Rules the plan says do not apply, with the reason given (the reviewer decides):" in unwrapped
    assert f'Reason given: "{REASON}"' in unwrapped


def test_a_rule_set_aside_needs_a_reason(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "plan.toml"
    source.write_text(example_toml().replace(*setting_aside("no-contingency-fund", " "), 1))
    status = main(["check", str(source), "--json"])
    out, err = capsys.readouterr()
    assert (status, out) == (2, "")
    assert 'not_applicable[0].reason: is needed to say the rule "no-contingency-fund" does not apply' in err


def test_a_rule_name_that_is_not_a_rule(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = check(capsys, tmp_path, setting_aside("no-contingncy-fund", "A slip."))
    message = only(data, "not-applicable-unknown", "reviewable", 6)["message"]
    assert message.startswith('The plan says the rule "no-contingncy-fund" does not apply, but there is no rule')


# --- Bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (
            ("first_review = 2027-02-26", "first_review = 2026-11-01"),
            "reviews.first_review: is 01/11/2026, before the budget starts (01/12/2026)",
        ),
        (
            ("date_of_birth = 1991-06-03", "date_of_birth = 2027-06-03"),
            "person.date_of_birth: is in the future; a date of birth must be today or earlier",
        ),
    ],
)
def test_bad_dates_are_refused_with_a_clear_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, change: tuple[str, str], said: str
) -> None:
    source = tmp_path / "plan.toml"
    source.write_text(example_toml().replace(*change), encoding="utf-8")
    status = main(["check", str(source)])
    out, err = capsys.readouterr()
    assert (status, out) == (2, "") and said in err, err


# --- The calculator's lines and the plan agree ----------------------------------------------------

# Sam's pension as the PA cost calculator writes it beside the wage line ("pa-mornings"), and its
# record of what it wrote: 3% of pay above the £6,240.00 lower limit, pay being 20 x £14.50 x 52.
PENSION_AS_WRITTEN = (
    ('id = "pension-sam"', 'id = "pa-mornings-pension"'),
    ("[[finance.employing.assistants]]", '[[finance.employing.written]]\nid = "pa-mornings-pension"\n'
     'description = "Workplace pension for Sam (employer\'s 3%)"\nunit_cost = "265.20"\n\n'
     "[[finance.employing.assistants]]"),
)  # fmt: skip


def test_the_calculators_lines_as_written_raise_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert (Decimal("14.50") * 20 * 52 - Decimal("6240.00")) * Decimal("0.03") == Decimal("265.20")
    data = check(capsys, tmp_path, *PENSION_AS_WRITTEN)
    assert (data["ready"], data["gaps"]) == (True, [])


def test_a_wage_changed_by_hand_leaves_the_calculators_pension_behind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The summary's part on employing PAs shows the calculator's figure; the plan's line, the old one."""
    now = (Decimal("15.00") * 20 * 52 - Decimal("6240.00")) * Decimal("0.03")
    assert now == Decimal("280.80")
    data = check(
        capsys,
        tmp_path,
        *PENSION_AS_WRITTEN,
        ('unit_cost = "14.50"\nquantity = 20', 'unit_cost = "15.00"\nquantity = 20'),
    )
    message = only(data, "calculator-lines-out-of-date", "realistic", 5)["message"]
    assert message.startswith("Item 11: Workplace pension for Sam (employer's 3%) is £265.20 a year")
    assert "the calculator works out £280.80 a year, the figure the summary shows" in message
    # The summary does show it, in its part on employing PAs.
    source = tmp_path / "plan.toml"
    assert main(["export", str(source), "--format", "txt", "-o", str(tmp_path / "out.txt")]) == 0
    summary = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "Workplace pension (employer's share): £280.80" in summary


def test_the_gap_is_said_by_phb_check_in_words(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = example_toml()
    for old, new in (*PENSION_AS_WRITTEN, ('unit_cost = "14.50"\nquantity = 20', 'unit_cost = "15.00"\nquantity = 20')):
        text = text.replace(old, new, 1)
    source = tmp_path / "plan.toml"
    source.write_text(text, encoding="utf-8")
    assert main(["check", str(source)]) == 1
    out = " ".join(capsys.readouterr().out.split())
    assert "Is it realistic and within budget?" in out
    assert (
        "Item 11: Workplace pension for Sam (employer's 3%) is £265.20 a year, as the PA cost calculator last wrote it."
        in out
    )
