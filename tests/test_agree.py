"""`phb agree` keeps the agreed version beside the plan; `phb changes` says what changed since.

Through the command line (in process, and once as the installed script) and the files it leaves.
"""

from __future__ import annotations

import json
import stat
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from phb_tui.cli import main
from phb_tui.planning.changes import find_changes
from plan_store import LineItem, Outcome, Plan, PlanStore, Risk
from plan_store.agreed import baseline
from plan_store.agreed_files import agreed_copies
from plan_store.vocabulary import ManagementRoute, SpendCategory

from .conftest import run_phb

SLUG = "daniels-plan-2026"
BY = "Priya Shah, CHC nurse assessor"


@pytest.fixture
def plan_path(store: PlanStore, example_plan: Plan) -> Path:
    return store.add(example_plan).path


def phb(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def agreed(capsys: pytest.CaptureFixture[str], *more: str) -> None:
    status, _, err = phb(capsys, "agree", SLUG, "--by", BY, "--on", "20/11/2026", *more)
    assert status == 0, err


def edit(store: PlanStore, path: Path, change: object) -> None:
    """As the app saves an edit: open, change, save."""
    opened = store.open(path)
    change(opened.plan)  # type: ignore[operator]
    store.save(opened)


def test_agree_keeps_a_private_frozen_copy_and_records_who_and_when(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = plan_path.read_bytes()
    revision = store.open(plan_path).plan.revision
    status, out, _ = phb(capsys, "agree", SLUG, "--by", BY, "--on", "20/11/2026")
    assert status == 0
    assert f"revision {revision}, agreed on 20 November 2026 by Priya Shah, CHC nurse assessor" in out
    copy = agreed_copies(plan_path)[revision]
    assert copy.read_bytes() == before  # Frozen exactly as it stood.
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    plan = store.open(plan_path).plan
    (agreement,) = plan.agreements
    assert (agreement.by, agreement.role, agreement.on) == ("Priya Shah", "CHC nurse assessor", date(2026, 11, 20))
    assert plan.revision == revision + 1
    status, out, _ = phb(capsys, "changes", SLUG)
    assert (status, out.splitlines()[-1]) == (0, "Nothing has changed since then.")
    status, out, _ = phb(capsys, "show", SLUG, "--plain")
    assert f"Agreed on 20 November 2026 by Priya Shah (revision {revision})." in out
    assert "Changes since the agreed version" not in out


def test_a_plan_never_agreed_says_so(store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = phb(capsys, "changes", SLUG)
    assert status == 2
    assert "has not been agreed yet" in err
    assert "Signed off by" in phb(capsys, "show", SLUG, "--plain")[1]  # Names, but no agreed version kept.
    edit(store, plan_path, lambda plan: plan.sign_off.clear())
    assert "Not yet agreed" in phb(capsys, "show", SLUG, "--plain")[1]


@pytest.mark.parametrize(
    ("on", "words"),
    [
        ("25/11/2026", "is in the future"),
        ("01/09/2026", "is before the plan was made on 14/09/2026"),
        ("31/02/2026", ""),
    ],
)
def test_bad_dates_are_refused_and_nothing_is_written(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str], on: str, words: str
) -> None:
    before = plan_path.read_bytes()
    status, _, err = phb(capsys, "agree", SLUG, "--by", BY, "--on", on)
    assert status == 2
    assert words in err and "date agreed" in err
    assert plan_path.read_bytes() == before
    assert agreed_copies(plan_path) == {}


def test_a_plan_with_gaps_is_refused_unless_agreed_despite_them(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(store, plan_path, lambda plan: setattr(plan.person, "name", ""))
    status, _, err = phb(capsys, "agree", SLUG, "--by", BY)
    assert status == 2
    assert "a reviewer would ask about" in err and "--despite-gaps" in err
    assert "  - " in err  # Each gap is named.
    assert store.open(plan_path).plan.agreements == []
    status, _, _ = phb(capsys, "agree", SLUG, "--by", BY, "--despite-gaps")
    assert status == 0
    assert len(store.open(plan_path).plan.agreements) == 1


def test_a_pay_rise_is_said_in_plain_words_and_needs_agreement(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agreed(capsys)
    edit(store, plan_path, lambda plan: setattr(plan.finance.line_items[0], "unit_cost", Decimal("15.00")))
    status, out, _ = phb(capsys, "changes", SLUG)
    assert status == 1
    assert (
        "  - Personal assistant, mornings (Sam): £14.50 -> £15.00 an hour; £15,080.00 -> £15,600.00 a year "
        "(+£520.00)\n    Needs the NHS team's agreement: new money" in out
    )
    assert "Money:" in out and "need the NHS team's agreement" in out
    data = json.loads(phb(capsys, "changes", SLUG, "--json")[1])
    assert data["needs_agreement"] is True
    first = data["changes"][0]
    assert (first["area"], first["yearly_effect"], first["needs_agreement"]) == ("money", "520.00", True)
    status, out, _ = phb(capsys, "show", SLUG, "--plain")
    assert "Changes since the agreed version" in out and "(+£520.00)" in out


def test_moving_hours_without_spending_more_is_within_the_flexibility_agreement(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agreed(capsys)

    def move_hours(plan: Plan) -> None:
        plan.finance.line_items[0].quantity = Decimal(22)
        plan.finance.line_items[1].quantity = Decimal(13)

    edit(store, plan_path, move_hours)
    status, out, _ = phb(capsys, "changes", SLUG)
    assert status == 0, out
    assert "20 -> 22 hours a week" in out and "15 -> 13 hours a week" in out
    assert "    You may do this without asking: it is within the flexibility agreement." in out
    assert "Nothing here needs the NHS team's agreement." in out
    assert "Your flexibility agreement says you may change: Moving PA hours between days" in out


def test_outcomes_support_and_risks_changed_are_listed_and_within_flexibility(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agreed(capsys)

    def change(plan: Plan) -> None:
        plan.outcomes.append(Outcome(id="o3", outcome="I go to the football once a month."))
        plan.outcomes[1].outcome = "I swim three times a week."
        plan.risks.append(Risk(description="The swimming pool closes for repairs."))
        plan.risks[0].mitigation = "Call the agency."
        plan.resources.pop()

    edit(store, plan_path, change)
    status, out, _ = phb(capsys, "changes", SLUG)
    assert status == 0, out
    assert "Outcome 3 added: I go to the football once a month." in out
    assert "Outcome 2 reworded: I swim three times a week." in out
    assert "Risk added: The swimming pool closes for repairs." in out
    assert "Risk plan changed:" in out
    assert "Support removed:" in out
    assert out.index("Outcomes:") < out.index("Support:") < out.index("Risks:")


def test_new_spending_a_new_route_and_money_between_outcomes_need_agreement(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str], example_plan: Plan
) -> None:
    agreed(capsys)

    def change(plan: Plan) -> None:
        night = next(item for item in plan.finance.line_items if item.id == "night-care")
        night.route = ManagementRoute.DIRECT_PAYMENT
        swim = next(item for item in plan.finance.line_items if item.id == "swim")
        swim.outcome_ids = ["o1"]
        plan.finance.line_items.append(
            LineItem(id="gym", description="Gym membership", category=SpendCategory.TRANSPORT, unit_cost=Decimal("30"))
        )
        plan.management.managed_by = "Anne Price"

    edit(store, plan_path, change)
    changes = find_changes(example_plan, store.open(plan_path).plan)
    needing = {change.text.split(":")[0]: change.reason for change in changes if change.needs_agreement}
    assert needing["Waking night care, two nights a week moved from notional to direct payment"]
    assert needing["Gym membership added"] == "a new kind of spending (transport)"
    assert needing["Swimming sessions with a PA"] == "money moves between outcomes"
    assert needing["Money for outcomes"] == "money moves between outcomes"
    assert "The money is managed by Anne Price" in " ".join(needing)
    assert phb(capsys, "changes", SLUG)[0] == 1


def test_several_agreed_versions_the_latest_is_the_baseline_and_any_can_be_named(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agreed(capsys)
    first = store.open(plan_path).plan.agreements[0].revision
    edit(store, plan_path, lambda plan: setattr(plan.finance.line_items[0], "unit_cost", Decimal("15.00")))
    status, _, _ = phb(capsys, "agree", SLUG, "--by", "Sam Lee, ICB budget lead")
    assert status == 0
    plan = store.open(plan_path).plan
    assert [a.by for a in plan.agreements] == ["Priya Shah", "Sam Lee"]
    assert set(agreed_copies(plan_path)) == {a.revision for a in plan.agreements}
    assert phb(capsys, "changes", SLUG)[1].splitlines()[-1] == "Nothing has changed since then."
    status, out, _ = phb(capsys, "changes", SLUG, "--since", str(first))
    assert status == 1 and "£14.50 -> £15.00" in out
    status, _, err = phb(capsys, "changes", SLUG, "--since", "3")
    assert status == 2 and "No agreed copy of revision 3 is kept" in err
    status, _, err = phb(capsys, "agree", SLUG, "--by", BY)
    assert status == 2 and "Nothing has changed since revision" in err


def test_a_damaged_agreed_copy_is_named_and_never_used(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agreed(capsys)
    (copy,) = agreed_copies(plan_path).values()
    copy.write_bytes(copy.read_bytes().replace(b"14.50", b"99.50"))
    status, _, err = phb(capsys, "changes", SLUG)
    assert status == 2
    assert str(copy) in err and "has changed or is damaged, so it is not used" in err
    status, out, err = phb(capsys, "show", SLUG, "--plain")
    assert status == 0
    assert "Changes since the agreed version" not in out and str(copy) in err
    copy.unlink()
    status, _, err = phb(capsys, "changes", SLUG)
    assert status == 2 and str(copy) in err and "there is no such file" in err


def _agreed_then_changed(store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    agreed(capsys)
    edit(store, plan_path, lambda plan: setattr(plan.finance.line_items[0], "unit_cost", Decimal("15.00")))


def _still_agreed(store: PlanStore, path: Path) -> None:
    plan = store.open(path).plan
    found = baseline(path, plan)
    assert found is not None and found.plan.finance.line_items[0].unit_cost == Decimal("14.50")


def test_rename_takes_the_agreed_copies_along(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _agreed_then_changed(store, plan_path, capsys)
    moved = store.rename(store.open(plan_path), "Daniel 2027")
    _still_agreed(store, moved.path)
    assert agreed_copies(plan_path) == {}


def test_copy_keeps_its_own_agreed_copies(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _agreed_then_changed(store, plan_path, capsys)
    copied = store.duplicate(plan_path)
    _still_agreed(store, copied.path)
    _still_agreed(store, plan_path)


def test_trash_and_restore_keep_the_agreed_copies(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _agreed_then_changed(store, plan_path, capsys)
    trashed = store.trash(plan_path)
    assert agreed_copies(plan_path) == {}
    _still_agreed(store, trashed)
    assert [plan.path for plan in store.trashed_plans()] == [trashed]  # A copy is never listed as a plan.
    restored = store.restore(trashed)
    _still_agreed(store, restored)
    assert agreed_copies(trashed) == {}
    assert store.plan_paths() == [restored]


def test_the_installed_command_agrees_and_lists_changes(
    store: PlanStore, plan_path: Path, isolated_folders: Path
) -> None:
    result = run_phb("agree", SLUG, "--by", BY, data_dir=isolated_folders)
    assert result.returncode == 0, result.stderr
    edit(store, plan_path, lambda plan: setattr(plan.finance.line_items[0], "unit_cost", Decimal("15.00")))
    result = run_phb("changes", SLUG, data_dir=isolated_folders)
    assert result.returncode == 1
    assert "(+£520.00)" in result.stdout


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_a_variation_request_lists_what_needs_agreement_with_totals_and_places_to_sign(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    agreed(capsys)

    def change(plan: Plan) -> None:
        plan.finance.line_items[0].unit_cost = Decimal("15.00")  # Needs agreement.
        plan.risks.append(Risk(description="The swimming pool closes for repairs."))  # Does not.

    edit(store, plan_path, change)
    status, out, err = phb(capsys, "export", SLUG, "--variation", "--format", fmt)
    assert status == 0, err
    assert "Request to change the agreed plan" in out
    assert "Personal assistant, mornings (Sam)" in out and "+£520.00" in out
    assert "swimming pool" not in out  # Only what needs agreement is asked for.
    assert "£51,517.99 a year" in out  # The new total planned, with the contingency fund.
    assert "For the NHS team" in out and "Signed:" in out
    folder = plan_path.parent.parent / "exports"
    folder.mkdir()
    assert phb(capsys, "export", SLUG, "--variation", "--format", fmt, "-o", str(folder))[0] == 0
    assert (folder / f"{SLUG}-variation.{fmt}").is_file()


def test_a_variation_request_is_refused_when_nothing_needs_agreement(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = phb(capsys, "export", SLUG, "--variation")
    assert status == 2 and "has not been agreed yet" in err
    agreed(capsys)
    edit(store, plan_path, lambda plan: plan.risks.pop())
    status, _, err = phb(capsys, "export", SLUG, "--variation")
    assert status == 2 and "so there is nothing to ask for" in err
    status, _, err = phb(capsys, "export", SLUG, "--variation", "--format", "toml")
    assert status == 2 and "use --format txt, md or html" in err


def test_importing_a_plan_brings_the_agreed_copies_kept_beside_it(
    store: PlanStore, plan_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _agreed_then_changed(store, plan_path, capsys)
    elsewhere = tmp_path / "from-the-broker"
    elsewhere.mkdir()
    for path in [plan_path, *agreed_copies(plan_path).values()]:
        (elsewhere / path.name).write_bytes(path.read_bytes())
    imported = store.import_file(elsewhere / plan_path.name)
    _still_agreed(store, imported.path)


def test_budget_dates_evidence_and_links_of_unpaid_items_are_listed_too(example_plan: Plan) -> None:
    now = example_plan.model_copy(deep=True)
    now.finance.budget_end = date(2027, 12, 31)
    now.outcomes[0].evidence = "Three years living alone."
    free = LineItem(id="free", description="Library card", unit_cost=Decimal("0.00"), outcome_ids=["o1"])
    example_plan.finance.line_items.append(free)
    now.finance.line_items.append(free.model_copy(update={"outcome_ids": ["o2"]}))
    said = {change.text: change for change in find_changes(example_plan, now)}
    dates = next(change for text, change in said.items() if text.startswith("Budget dates: from"))
    assert dates.needs_agreement and "to 31 December 2027" in dates.text
    assert "Outcome 1: the evidence, or the risk if it is not met, has changed" in said
    unpaid = said["Library card: now for outcome 2 (was outcome 1)"]
    assert not unpaid.needs_agreement  # No money moves with it.


def test_a_version_4_plan_is_upgraded_with_nothing_added_and_reads_as_not_yet_agreed() -> None:
    from plan_store.codec import plan_from_toml
    from plan_store.plan import SCHEMA_VERSION

    from .conftest import example_toml

    older = plan_from_toml(example_toml().replace("schema_version = 5", "schema_version = 4"), Path("v4.toml"))
    assert (older.schema_version, older.agreements) == (SCHEMA_VERSION, []) == (6, [])
