"""A fault in the program itself never costs a person their typing: what they had is kept in a
rescued copy beside the plan (never over it), and they are told in plain words."""

from __future__ import annotations

import pytest

from phb_tui.app import PhbApp
from phb_tui.session import PlanSession
from plan_store import PlanStore
from plan_store.open_marks import markers_of

from .helpers import fill


def _fault(self: PhbApp) -> None:
    raise RuntimeError("kaboom-7")


async def test_a_fault_keeps_the_typing_in_a_rescued_plan_and_leaves_the_plan_alone(
    store: PlanStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = store.create("Mum's plan")
    before = opened.path.read_bytes()
    app = PhbApp(store, store.open(opened.path), autosave_seconds=3600, keys_file=store.data_dir / "none.toml")
    with pytest.raises(RuntimeError, match="kaboom-7"):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            monkeypatch.setattr(PhbApp, "_show_status", _fault)  # Runs after each edit is taken in.
            await fill(pilot, "#field-name", "Amira Khan", pasted=True)
            await pilot.pause()

    assert app.return_code == 1
    assert opened.path.read_bytes() == before
    assert markers_of(opened.path) == []
    (rescued,) = [path for path in store.plan_paths() if path != opened.path]
    plan = store.open(rescued).plan
    assert plan.title.startswith("Mum's plan (rescued ") and plan.person.name == "Amira Khan"
    note = app._fault_note or ""
    assert "It was not something you did" in note and plan.title in note and str(rescued) in note
    assert "Traceback" not in note and "kaboom-7" not in note  # No technical details, unless asked for.


def test_nothing_is_rescued_when_nothing_was_unsaved(store: PlanStore) -> None:
    session = PlanSession(store, store.create("Saved"))
    assert "nothing was lost" in session.rescue()
    assert len(store.plan_paths()) == 1
    sample = PlanSession(store, store.open(store.plan_paths()[0]), sample=True)
    sample.changed()
    assert "sample plan is never saved" in sample.rescue()
