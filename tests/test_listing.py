"""The list of plans: fast with many plans because rows are cached, and never stale or wrong."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime

import pytest

from phb_tui.plan_list import listing
from phb_tui.plan_list.listing import (
    APP_COLUMNS,
    COLUMN_PADDING,
    ORDERS,
    PlanRow,
    fit_app_columns,
    matching,
    plan_rows,
    sorted_rows,
)
from phb_tui.planning.checks import find_gaps
from plan_store import Plan, PlanStore
from plan_store.store import LIST_CACHE as CACHE_NAME


def test_a_plan_changed_since_the_last_list_is_read_again(store: PlanStore, example_plan: Plan) -> None:
    opened = store.add(example_plan)
    assert [row.title for row in plan_rows(store)] == ["Daniel's plan 2026"]
    opened.plan.title = "Dan's new plan"
    store.save(opened)
    assert [row.title for row in plan_rows(store)] == ["Dan's new plan"]


def test_rows_come_from_the_cache_when_nothing_changed(
    store: PlanStore, example_plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add(example_plan)
    first = plan_rows(store)
    with monkeypatch.context() as patched:
        patched.setattr(PlanStore, "open", lambda *args: pytest.fail("an unchanged plan was read again"))
        assert plan_rows(store) == first


def test_a_damaged_cache_is_rebuilt(store: PlanStore, example_plan: Plan) -> None:
    store.add(example_plan)
    plan_rows(store)
    (store.data_dir / CACHE_NAME).write_text("{not json", encoding="utf-8")
    assert [row.title for row in plan_rows(store)] == ["Daniel's plan 2026"]
    (store.data_dir / CACHE_NAME).write_text('{"format": "1/0", "plans": {"x.toml": 5}}', encoding="utf-8")
    assert [row.title for row in plan_rows(store)] == ["Daniel's plan 2026"]


def test_removed_and_broken_plans_are_never_shown_from_the_cache(store: PlanStore, example_plan: Plan) -> None:
    opened = store.add(example_plan)
    store.create("Other")
    plan_rows(store)
    store.trash(store.plans_dir / "other.toml")
    opened.path.write_text("title = ", encoding="utf-8")
    rows = plan_rows(store)
    assert [row.file for row in rows] == ["daniels-plan-2026.toml"]
    assert rows[0].problem


@pytest.mark.skipif(os.name != "posix", reason="permission bits are a POSIX idea")
def test_the_cache_is_private(store: PlanStore, example_plan: Plan) -> None:
    store.add(example_plan)
    plan_rows(store)
    assert stat.S_IMODE((store.data_dir / CACHE_NAME).stat().st_mode) == 0o600


# --- what the app's list shows (issue 15) -----------------------------------------------------------


def test_the_apps_rows_say_how_ready_each_plan_is_and_when_it_is_next_reviewed(
    store: PlanStore, example_plan: Plan
) -> None:
    store.add(example_plan)
    store.create("Just started")
    rows = {row.title: row for row in plan_rows(store, checked=True)}
    daniel, started = rows["Daniel's plan 2026"], rows["Just started"]
    assert (daniel.full_name, daniel.person) == ("Daniel Price", "Dan")  # The full name tells two Dans apart.
    assert (daniel.readiness, daniel.review_words) == ("ready", "26 Feb 2027")
    assert started.gaps == len(find_gaps(store.open(store.plans_dir / "just-started.toml").plan))
    assert started.readiness == f"{started.gaps} gaps" and started.review_words == "not set"
    assert started.cells()[1] == "not given"


def test_rows_cached_by_phb_list_are_checked_when_the_app_lists_them(
    store: PlanStore, example_plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add(example_plan)
    assert [row.gaps for row in plan_rows(store)] == [None]  # `phb list` only glances at plans.
    assert [row.readiness for row in plan_rows(store, checked=True)] == ["ready"]
    with monkeypatch.context() as patched:
        patched.setattr(PlanStore, "open", lambda *args: pytest.fail("an unchanged plan was read again"))
        patched.setattr(PlanStore, "glance", lambda *args: pytest.fail("an unchanged plan was read again"))
        assert [row.readiness for row in plan_rows(store)] == ["ready"]
        assert [row.readiness for row in plan_rows(store, checked=True)] == ["ready"]


def test_a_cache_from_before_the_ready_column_is_read_again(store: PlanStore, example_plan: Plan) -> None:
    opened = store.add(example_plan)
    plan_rows(store)
    cache = json.loads((store.data_dir / CACHE_NAME).read_text(encoding="utf-8"))
    cache["format"] = cache["format"].replace("3/", "2/", 1)  # As the version before wrote it.
    cache["plans"][opened.path.name]["row"] = {"file": opened.path.name, "title": "Stale", "person": "Dan"}
    (store.data_dir / CACHE_NAME).write_text(json.dumps(cache), encoding="utf-8")
    assert [row.title for row in plan_rows(store, checked=True)] == ["Daniel's plan 2026"]


def _row(title: str, person: str = "", saved: str = "2026-11-20T12:00:00+00:00", review: str = "") -> PlanRow:
    return PlanRow(f"{title.lower()}.toml", title, person, updated=saved, gaps=0, next_review=review, full_name=person)


def test_sorting_by_name_by_last_saved_and_by_next_review() -> None:
    ann = _row("Ann", "ann zed", saved="2026-11-01T09:00:00+00:00", review="2027-03-01")
    bob = _row("Bob", "Bob Young", saved="2026-11-20T09:00:00+01:00", review="2027-01-05")
    cat = _row("Cat", "", saved="2026-11-10T09:00:00+00:00")
    broken = PlanRow("broken.toml", problem="not valid TOML")
    rows = [broken, cat, ann, bob]
    assert list(ORDERS) == ["saved", "name", "review"]
    assert sorted_rows(rows, "saved") == [bob, cat, ann, broken]  # Newest first; what cannot open, last.
    assert sorted_rows(rows, "name") == [ann, bob, cat, broken]  # Any case; no name, last.
    assert sorted_rows(rows, "review") == [bob, ann, cat, broken]  # Soonest first; no review, last.


def test_finding_a_plan_by_any_words_of_its_title_or_name() -> None:
    rows = [
        _row("Siobhán's plan", "Siobhán O’Neill"),
        _row("Dan 2026", "Daniel Price"),
        PlanRow("odd.toml", problem="x"),
    ]
    assert [row.title for row in matching(rows, "SIOBHANS")] == ["Siobhán's plan"]
    assert [row.title for row in matching(rows, "oneill")] == ["Siobhán's plan"]
    assert [row.title for row in matching(rows, "price 2026")] == ["Dan 2026"]
    assert matching(rows, "price 2025") == []
    assert [row.file for row in matching(rows, "odd")] == ["odd.toml"]  # By its file name, its only name.
    assert matching(rows, "  ") == rows


def test_the_apps_columns_keep_money_and_dates_whole_and_share_the_rest() -> None:
    long = PlanRow(
        "long.toml",
        "A very long title that could never fit in eighty columns at all",
        "Someone With A Very Long Name Indeed",
        "6 Plan written",
        "£1,234,567.89/yr",
        "£50,160.49/yr",
        "2025-11-20T12:00:00+00:00",
        3,
        "2027-02-26",
        full_name="Someone With A Very Long Name Indeed",
    )
    narrow = {column.heading: column for column in fit_app_columns([long], 79, now=datetime(2026, 11, 24))}
    assert list(narrow) == ["Title", "Person", "Budget", "Ready", "Next review", "Last saved"]
    assert [narrow[heading].shown(long) for heading in ("Budget", "Ready", "Next review", "Last saved")] == [
        "£1,234,567.89/yr",
        "3 gaps",
        "26 Feb 2027",
        "20 Nov 2025",  # From an earlier year: the day is enough.
    ]
    assert narrow["Title"].shown(long).endswith("…") and narrow["Person"].shown(long).endswith("…")
    assert sum(column.width + COLUMN_PADDING for column in narrow.values()) <= 79
    wide = fit_app_columns([long], 196)
    assert [column.heading for column in wide] == [column.heading for column in APP_COLUMNS]
    assert [column.shown(long) for column in wide][:3] == [long.title, long.full_name, long.stage]
    assert wide[-1].shown(long) == long.last_saved


@pytest.mark.parametrize("checked", [False, True], ids=["phb list", "the app's list"])
def test_many_plans_read_by_several_processes_list_as_one_would(
    store: PlanStore, example_plan: Plan, monkeypatch: pytest.MonkeyPatch, checked: bool
) -> None:
    for n in range(5):
        store.add(example_plan.model_copy(update={"title": f"Client {n}"}))
    (store.plans_dir / "broken.toml").write_text("title = ", encoding="utf-8")
    monkeypatch.setattr(listing, "TOGETHER_FROM", 10**9)
    alone = plan_rows(store, checked)
    store.data_dir.joinpath(CACHE_NAME).unlink()
    monkeypatch.setattr(listing, "TOGETHER_FROM", 2)
    together = plan_rows(store, checked)
    assert together == alone and len(together) == 6
    assert [row.title for row in together if row.problem] == [""] and together[0].gaps == alone[0].gaps
