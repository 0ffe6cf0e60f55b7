"""The `phb` command for brokers with many clients, for scripts, and for screen readers:
`list --json`, `check --json` and `--all`, `reviews`, `export -o -`, `show --plain`, and importing
a plan whose title is already taken."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from phb_tui.cli import main
from plan_store import Plan, PlanStore, ReviewEntry, Reviews

from .conftest import ROOT, example_toml, phb_help
from .test_layering import PROBE

TODAY = "2026-11-24"


def phb(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def daniel(store: PlanStore, example_plan: Plan) -> Plan:
    store.add(example_plan)
    return example_plan


def a_copy(plan: Plan, title: str, reviews: Reviews) -> Plan:
    copy = plan.model_copy(deep=True)
    copy.title = title
    if reviews.first_review is not None:  # A first review comes after the budget starts.
        copy.finance.budget_start = min(reviews.first_review, plan.finance.budget_start or reviews.first_review)
    copy.reviews = reviews
    return copy


def damage(store: PlanStore, name: str = "damaged.toml") -> None:
    store.plans_dir.mkdir(parents=True, exist_ok=True)
    (store.plans_dir / name).write_text("title = ", encoding="utf-8")


# --- export -o - ----------------------------------------------------------------------------------


def test_export_to_a_dash_writes_to_the_screen_not_a_file(
    capsys: pytest.CaptureFixture[str], daniel: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, err = phb(capsys, "export", "daniels-plan-2026", "--format", "md", "-o", "-")
    assert (status, err) == (0, "")
    assert out.startswith("# Daniel's plan 2026")
    assert not (tmp_path / "-").exists()


# --- list --json ----------------------------------------------------------------------------------

LIST_KEYS = {
    "file",
    "path",
    "title",
    "person_name",
    "preferred_name",
    "stage",
    "stage_number",
    "stage_label",
    "budget",
    "budget_period",
    "planned",
    "last_saved",
    "ready",
    "gap_count",
    "next_review",
    "balance",
    "balance_on",
    "weeks_in_hand",
    "money_warning",
    "next_return",
    "spending_problem",
    "problem",
}


def test_list_json_gives_every_plan_with_stable_keys_and_money_as_text(
    capsys: pytest.CaptureFixture[str], store: PlanStore, daniel: Plan
) -> None:
    phb(capsys, "new", "Just started")
    damage(store)
    status, out, err = phb(capsys, "list", "--json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert data["format"] == 1 and data["plans_folder"] == str(store.plans_dir)
    plans = {plan["file"]: plan for plan in data["plans"]}
    assert list(plans) == ["damaged.toml", "daniels-plan-2026.toml", "just-started.toml"]  # As `phb list` orders them.
    assert all(set(plan) == LIST_KEYS for plan in data["plans"])
    assert plans["daniels-plan-2026.toml"] == {
        "file": "daniels-plan-2026.toml",
        "path": str(store.plans_dir / "daniels-plan-2026.toml"),
        "title": "Daniel's plan 2026",
        "person_name": "Daniel Price",
        "preferred_name": "Dan",
        "stage": "plan_written",
        "stage_number": 6,
        "stage_label": "Plan written and summarised",
        "budget": "52000.00",
        "budget_period": "year",
        "planned": "50160.49",
        "last_saved": "2026-11-02T16:40:00+00:00",
        "ready": True,
        "gap_count": 0,
        "next_review": "2027-02-26",
        "balance": None,  # Nothing recorded of money in and out: tests/test_broker_money.py has a record.
        "balance_on": None,
        "weeks_in_hand": None,
        "money_warning": None,
        "next_return": None,
        "spending_problem": None,
        "problem": None,
    }
    started = plans["just-started.toml"]
    assert (started["budget"], started["planned"], started["ready"], started["next_review"]) == (
        None,
        "0.00",
        False,
        None,
    )
    assert started["person_name"] is None and started["gap_count"] > 0
    broken = plans["damaged.toml"]
    assert "line 1" in broken["problem"] and "not valid TOML" in broken["problem"]
    assert [key for key, value in broken.items() if value is not None] == ["file", "path", "problem"]


def test_list_json_with_no_plans_is_an_empty_list(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = phb(capsys, "list", "--json")
    assert status == 0 and json.loads(out)["plans"] == []


def test_list_json_is_ascii_whatever_the_names_so_any_terminal_or_pipe_keeps_it_whole(
    capsys: pytest.CaptureFixture[str], store: PlanStore, example_plan: Plan
) -> None:
    example_plan.person.name = "Zoë O'Neil"
    store.add(example_plan)
    _, out, _ = phb(capsys, "list", "--json")
    assert out.isascii()
    assert json.loads(out)["plans"][0]["person_name"] == "Zoë O'Neil"


# --- check --json and --all -----------------------------------------------------------------------


def test_check_json_gives_each_gap_with_its_question_and_step(capsys: pytest.CaptureFixture[str]) -> None:
    phb(capsys, "new", "Just started")
    status, out, err = phb(capsys, "check", "Just started", "--json")
    assert (status, err) == (1, "")  # Exit status as without --json.
    data = json.loads(out)
    assert (data["title"], data["ready"], data["gap_count"]) == ("Just started", False, len(data["gaps"]))
    outcomes = next(gap for gap in data["gaps"] if gap["rule"] == "no-outcomes")
    assert outcomes["criterion"] == "needs"
    assert outcomes["question"] == "Does it meet the assessed needs and outcomes?"
    assert (outcomes["step"], outcomes["step_name"]) == (2, "Outcomes")
    assert "No health and wellbeing outcomes yet" in outcomes["message"]


def test_check_json_of_a_ready_plan_and_of_a_broken_one(capsys: pytest.CaptureFixture[str], daniel: Plan) -> None:
    status, out, _ = phb(capsys, "check", "daniels-plan-2026", "--json")
    assert status == 0
    assert json.loads(out)["gaps"] == [] and json.loads(out)["ready"] is True
    status, out, err = phb(capsys, "check", "nobody", "--json")
    assert (status, out) == (2, "")
    assert err.startswith("phb: ") and 'no plan called "nobody"' in err


def test_check_all_gives_one_line_for_each_plan_and_says_the_worst_in_its_status(
    capsys: pytest.CaptureFixture[str], store: PlanStore, daniel: Plan
) -> None:
    status, out, _ = phb(capsys, "check", "--all")
    assert status == 0
    assert out.splitlines()[0] == "Daniel's plan 2026 (daniels-plan-2026.toml): ready"

    phb(capsys, "new", "Just started")
    status, out, _ = phb(capsys, "check", "--all")
    assert status == 1
    assert re.search(r"^Just started \(just-started\.toml\): \d+ gaps$", out, re.M)

    damage(store)
    status, out, err = phb(capsys, "check", "--all")
    assert (status, err) == (2, "")
    lines = out.splitlines()
    assert lines[0].startswith("damaged.toml: cannot be opened: line 1, column 9: this is not valid TOML")
    assert lines[1:3] == ["Daniel's plan 2026 (daniels-plan-2026.toml): ready", lines[2]]
    assert "3 plans: 1 ready, 1 with gaps, 1 that cannot be opened." in out


def test_check_all_as_json(capsys: pytest.CaptureFixture[str], store: PlanStore, daniel: Plan) -> None:
    damage(store)
    status, out, _ = phb(capsys, "check", "--all", "--json")
    assert status == 2
    plans = json.loads(out)["plans"]
    assert [(p["file"], p["ready"], p["problem"] is None) for p in plans] == [
        ("damaged.toml", None, False),
        ("daniels-plan-2026.toml", True, True),
    ]


@pytest.mark.parametrize(
    ("args", "words"),
    [(["check"], "Say which plan to check"), (["check", "daniels-plan-2026", "--all"], "not both")],
)
def test_check_needs_one_plan_or_all_and_says_so_plainly(
    capsys: pytest.CaptureFixture[str], daniel: Plan, args: list[str], words: str
) -> None:
    status, out, err = phb(capsys, *args)
    assert (status, out) == (2, "")
    assert err.startswith("phb: ") and words in err and "Traceback" not in err


# --- reviews --------------------------------------------------------------------------------------


def test_reviews_lists_the_soonest_first_and_says_which_are_overdue(
    capsys: pytest.CaptureFixture[str], store: PlanStore, example_plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PHB_TODAY", TODAY)
    store.add(example_plan)  # First review 26 February 2027.
    store.add(a_copy(example_plan, "Amira's plan", Reviews(first_review=date(2026, 11, 12))))
    held = ReviewEntry(reviewed_on=date(2026, 5, 24))
    six_monthly = Reviews(first_review=date(2026, 5, 1), every_months=6, log=[held])
    store.add(a_copy(example_plan, "Bob's plan", six_monthly))  # Held in May, so next in November.
    store.add(a_copy(example_plan, "Cara's plan", Reviews()))
    damage(store)
    status, out, err = phb(capsys, "reviews")
    assert (status, err) == (2, "")  # One plan could not be opened, so the list is not complete.
    assert out.splitlines()[:8] == [
        "Reviews as of 24 November 2026, soonest first:",
        "",
        "Amira's plan (amiras-plan.toml): first review 12 November 2026, overdue by 12 days",
        "Bob's plan (bobs-plan.toml): next review 24 November 2026, due today",
        "Daniel's plan 2026 (daniels-plan-2026.toml): first review 26 February 2027, due in 94 days",
        "Cara's plan (caras-plan.toml): no review date set",
        "damaged.toml: cannot be opened: line 1, column 9: this is not valid TOML (invalid value)",
        "",
    ]
    assert out.splitlines()[8] == "5 plans: 1 overdue, 1 with no review date set, 1 that cannot be opened."


def test_reviews_counts_from_today_and_a_review_held_moves_the_next_one_on(
    capsys: pytest.CaptureFixture[str], store: PlanStore, example_plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PHB_TODAY", "27/02/2027")  # The way dates are typed in the app works too.
    store.add(example_plan)
    status, out, _ = phb(capsys, "reviews")
    assert status == 0
    assert "first review 26 February 2027, overdue by 1 day" in out
    example_plan.reviews.log.append(ReviewEntry(reviewed_on=date(2027, 2, 26)))
    store.add(a_copy(example_plan, "Reviewed", example_plan.reviews))
    _, out, _ = phb(capsys, "reviews")
    assert "Reviewed (reviewed.toml): next review 26 February 2028, due in 364 days" in out


def test_reviews_with_no_plans_and_with_a_wrong_date_setting(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, out, _ = phb(capsys, "reviews")
    assert status == 0 and "No plans yet" in out
    monkeypatch.setenv("PHB_TODAY", "next tuesday")
    status, out, err = phb(capsys, "reviews")
    assert (status, out) == (2, "")
    assert (
        err
        == 'phb: PHB_TODAY is set to "next tuesday", which is not a date written like 31/01/2027 or 2027-01-31. Unset it to use today.\n'
    )


# --- import ---------------------------------------------------------------------------------------


def test_import_of_a_title_already_in_the_plans_says_so_plainly(
    capsys: pytest.CaptureFixture[str], store: PlanStore, tmp_path: Path
) -> None:
    source = tmp_path / "from-broker.toml"
    source.write_text(example_toml(), encoding="utf-8")
    status, out, _ = phb(capsys, "import", str(source))
    assert status == 0 and "was already in your plans" not in out
    status, out, _ = phb(capsys, "import", str(source))
    assert status == 0
    assert (
        'A plan called "Daniel\'s plan 2026" was already in your plans (daniels-plan-2026.toml); '
        "this one is saved as daniels-plan-2026-2.toml.\n"
    ) in out
    assert "phb open daniels-plan-2026-2" in out
    _, out, _ = phb(capsys, "import", str(source))
    assert (
        'Plans called "Daniel\'s plan 2026" were already in your plans (daniels-plan-2026-2.toml, '
        "daniels-plan-2026.toml); this one is saved as daniels-plan-2026-3.toml."
    ) in out


# --- show --plain ---------------------------------------------------------------------------------


@pytest.mark.parametrize("option", ["--plain", "--screen-reader"])
def test_show_plain_is_for_screen_readers(capsys: pytest.CaptureFixture[str], daniel: Plan, option: str) -> None:
    status, out, _ = phb(capsys, "show", "daniels-plan-2026", option)
    assert status == 0
    lines = out.splitlines()
    assert lines[:3] == [
        "Daniel's plan 2026",
        "Plan for Daniel Price, born 3 June 1991, NHS number 943 476 5919",
        lines[2],
    ]
    # Not wrapped: each paragraph is one line, however long, for the reader to wrap.
    assert (
        "I broke my neck (C6) in a car accident in 2024. I need help to get up, wash, dress and eat in the morning "
        "and evening, and someone awake two nights a week to turn me. On the other nights an alternating-pressure "
        "mattress keeps my skin safe. My shoulders are getting weaker, which puts my transfers at risk."
    ) in lines
    # No rows of symbols: no underlined headings, no rules, no bars, no lines to sign on.
    assert not [line for line in lines if re.fullmatch(r"[=~#_\- ]+", line.strip())]
    assert not [line for line in lines if re.search(r"##|__|[─│┃━]", line)]
    # Ticks in words.
    assert "[x]" not in out and "[ ]" not in out
    assert "- Done: Which ICB covers where I live, and who there leads on personal health budgets?" in out
    assert "- Not done: Is there a local group of budget holders I could talk to?" in out
    assert "Signed: (blank)  Name: (blank)  Date: (blank)" in lines
    assert "Outcome 1: £49,466.30 a year (99%)" in lines  # The figures of a chart stay, without the bar.
    assert "Item 1: Personal assistant, mornings (Sam)" in out
    assert "\n1. Personal assistant, mornings (Sam)\nProvider: Sam Okafor, employed by Daniel\n" in out


def test_show_plain_and_rich_cannot_be_asked_for_together(capsys: pytest.CaptureFixture[str], daniel: Plan) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["show", "daniels-plan-2026", "--plain", "--rich"])
    assert stopped.value.code == 2
    assert "not allowed with" in capsys.readouterr().err


# --- help, and no Textual -------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["reviews", "edit", "check", "list"])
def test_the_new_commands_and_options_have_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    shown = phb_help(capsys, command)
    assert "usage: phb" in shown
    expected = {"reviews": "overdue", "edit": "$VISUAL or $EDITOR", "check": "--all", "list": "--json"}[command]
    assert expected in " ".join(shown.split())


@pytest.mark.parametrize(
    "command", [["list", "--json"], ["check", "--all"], ["reviews"], ["show", "daniels-plan-2026", "--plain"]]
)
def test_the_commands_for_many_plans_load_no_textual(command: list[str], store: PlanStore, tmp_path: Path) -> None:
    source = tmp_path / "daniel.toml"
    source.write_text(example_toml(), encoding="utf-8")
    store.import_file(source)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "--data-dir", str(store.data_dir), *command],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "[]"
