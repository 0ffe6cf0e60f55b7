"""The colour theme a person chooses is remembered, can be given for one run, and tick boxes
read the same without colour."""

from __future__ import annotations

from pathlib import Path

from phb_tui.app import PhbApp
from phb_tui.planning.steps import Step
from phb_tui.settings import settings_path
from plan_store import PlanStore

from .helpers import plan_open_at, screen_text, until


def _app(store: PlanStore, theme: str | None = None) -> PhbApp:
    return PhbApp(store, keys_file=store.data_dir / "no-keys.toml", theme=theme)


async def test_a_chosen_theme_is_remembered_for_next_time(store: PlanStore) -> None:
    first = _app(store)
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first.theme = "high-contrast"  # As choosing it in the command palette does.
        await pilot.pause()
    assert 'theme = "high-contrast"' in settings_path().read_text(encoding="utf-8")
    assert settings_path().stat().st_mode & 0o077 == 0
    second = _app(store)
    async with second.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert second.theme == "high-contrast"


async def test_a_theme_given_for_one_run_wins_and_is_not_remembered(store: PlanStore) -> None:
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text('theme = "textual-light"\n', encoding="utf-8")
    app = _app(store, theme="ansi-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "ansi-dark"
    assert 'theme = "textual-light"' in settings_path().read_text(encoding="utf-8")


async def test_a_theme_that_does_not_exist_is_named_in_a_warning(store: PlanStore) -> None:
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text('theme = "sparkly"\n', encoding="utf-8")
    app = _app(store)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await until(pilot, lambda: "sparkly" in screen_text(app), "the warning on screen")
        shown = " ".join(screen_text(app).replace("▌", " ").split())  # Without the message's left edge.
        assert 'theme "sparkly" is not one PHB Planner has' in shown and "high-contrast" in shown
        assert app.theme == "textual-dark"


async def test_ticked_and_unticked_boxes_differ_without_colour(store: PlanStore, tmp_path: Path) -> None:
    async with plan_open_at(store, step=Step.MANAGEMENT, size=(80, 60)) as (app, pilot, _path):
        box = app.screen.query_one("#field-agreement_signed")
        assert str(box.render()).startswith("▐ ▌")  # What is drawn, colours aside.
        box.focus()
        await pilot.press("space")
        await pilot.pause()
        assert str(box.render()).startswith("▐X▌")


async def test_the_keys_panel_closes_with_esc(store: PlanStore) -> None:
    async with plan_open_at(store) as (app, pilot, _path):
        app.action_show_help_panel()
        await pilot.pause()
        assert app.screen.query("HelpPanel")
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query("HelpPanel")
