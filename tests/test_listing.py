"""The list of plans: fast with many plans because rows are cached, and never stale or wrong."""

from __future__ import annotations

import os
import stat

import pytest

from phb_tui.summary.listing import plan_rows
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
