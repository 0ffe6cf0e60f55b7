"""When the disk says no, or another window saved first: a clear message, the work kept in
memory, nothing on disk damaged, and a way to save the work somewhere else."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from textual.widgets import Input

from phb_tui.app import PhbApp
from phb_tui.cli import main
from phb_tui.planning.steps import Step
from plan_store import Plan, PlanStore
from plan_store.open_marks import markers_of
from screens.export_dialog import ExportDialog

from ..app.helpers import fill, plan_open_at, screen_text


def other_window(path: Path, process: int) -> Path:
    """The marker another window (process `process`, on this computer) leaves beside an open plan."""
    marker = path.with_name(f".{path.name}.{process}.open")
    marker.write_text(
        f'process = {process}\nhost = "{os.uname().nodename}"\nsince = 2026-11-23T09:30:00+00:00\n', encoding="utf-8"
    )
    return marker


def _refuse_writes_in(folder: Path, code: int, patched: pytest.MonkeyPatch) -> None:
    """The disk refuses new files in `folder` (read-only, or full). Root ignores permissions, so
    the refusal is made where files are created."""
    real_open = os.open

    def refusing(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & os.O_CREAT and Path(str(path)).parent == folder:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    patched.setattr(os, "open", refusing)


@pytest.mark.parametrize("code", [errno.EROFS, errno.ENOSPC, errno.EACCES])
async def test_a_refused_save_keeps_the_work_and_a_copy_can_be_saved_elsewhere(
    code: int,
    store: PlanStore,
    example_plan: Plan,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    async with plan_open_at(store, example_plan, size=(100, 30)) as (app, pilot, path):
        before = path.read_bytes()
        with monkeypatch.context() as refusing:
            _refuse_writes_in(store.plans_dir, code, refusing)
            await fill(pilot, "#field-icb_name", "NHS Devon ICB")
            await pilot.press("ctrl+s")
            shown = " ".join(screen_text(app).split())
            assert "✗ Not saved: Could not save" in shown and os.strerror(code) in shown
            assert "Save a copy elsewhere" in shown
            assert path.read_bytes() == before
            assert app.session is not None and app.session.plan.icb_name == "NHS Devon ICB"

            app.action_save_copy()
            await pilot.pause()
            assert isinstance(app.screen, ExportDialog)
            copy = tmp_path / "usb-stick" / "daniel-copy.toml"
            copy.parent.mkdir()
            box = app.screen.query_one("#path", Input)
            box.value = str(copy)
            box.focus()
            await pilot.press("enter")
            await pilot.pause()
    assert path.read_bytes() == before
    assert main(["import", str(copy)]) == 0
    capsys.readouterr()
    imported = PlanStore(store.data_dir).open(store.plans_dir / "daniels-plan-2026-2.toml").plan
    assert imported.icb_name == "NHS Devon ICB"
    assert imported.informed.questions[1].private  # The whole plan, private notes too.


async def test_a_second_window_is_warned_and_cannot_overwrite_the_first(store: PlanStore, example_plan: Plan) -> None:
    opened = store.add(example_plan)
    # Another window (a live process that is not this one) has the plan open.
    other_window(opened.path, os.getppid())
    second = PhbApp(store, store.open(opened.path), autosave_seconds=3600, keys_file=store.data_dir / "none.toml")
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Also open in another window" in screen_text(second)
        # The other window saves first...
        other = store.open(opened.path)
        other.plan.icb_name = "Saved in the other window"
        store.save(other)
        # ...so this window's save stops instead of overwriting it.
        await fill(pilot, "#field-icb_name", "Typed in this window")
        await pilot.press("ctrl+s")
        shown = " ".join(screen_text(second).split())
        assert "✗ Not saved" in shown and "changed outside this window" in shown
    assert store.open(opened.path).plan.icb_name == "Saved in the other window"


async def test_closing_the_plan_removes_this_windows_marker(store: PlanStore) -> None:
    async with plan_open_at(store) as (_app, pilot, path):
        assert len(markers_of(path)) == 1
        await pilot.press("f2")
        await pilot.pause()
        assert markers_of(path) == []


async def test_a_marker_left_by_a_crashed_window_is_ignored(store: PlanStore) -> None:
    opened = store.create("Crashed before")
    other_window(opened.path, 999999999)
    app = PhbApp(store, store.open(opened.path), keys_file=store.data_dir / "none.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Also open in another" not in screen_text(app)


async def test_the_sample_plan_leaves_no_marker(store: PlanStore) -> None:
    app = PhbApp(store, keys_file=store.data_dir / "none.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.STEP == Step.GET_INFORMED  # type: ignore[attr-defined]
    assert not store.plans_dir.exists() or list(store.plans_dir.iterdir()) == []
