"""A tick box takes Space and Enter, and nothing else: letters typed into it are not dropped in
silence, the spaces between them tick nothing, and making a note private is said in words."""

from __future__ import annotations

from phb_tui.app import PhbApp
from phb_tui.planning.steps import Step
from plan_store import PlanStore

from .helpers import keys, plan_open_at, saved, screen_text

PRIVATE = "#field-family_view-private"


async def test_a_sentence_typed_into_a_tick_box_ticks_nothing_and_says_where_the_cursor_is(store: PlanStore) -> None:
    opened = store.create("Typed into a tick")
    path = opened.path
    app = PhbApp(store, store.open(path), autosave_seconds=3600, keys_file=store.data_dir / "no-keys.toml")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:  # Tests hide messages unless asked.
        await pilot.pause()
        app.show_step(Step.OUTCOMES)
        await pilot.pause()
        app.screen.query_one(PRIVATE).focus()
        await pilot.pause()
        # Five spaces: the old box flipped at each, and an odd count would have hidden the note.
        await pilot.press(*keys("my family say it works well"))
        await pilot.pause()
        assert "Typing into a tick box" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert saved(store, path).about_me.family_view.private is False


async def test_space_and_enter_tick_and_making_a_note_private_is_said_in_the_status_line(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.OUTCOMES, size=(100, 40)) as (app, pilot, path):
        app.screen.query_one(PRIVATE).focus()
        await pilot.pause()
        for key, said, private in (("space", "is private", True), ("enter", "will be shared", False)):
            await pilot.press(key)
            await pilot.pause()
            assert f'"What my family thinks" {said}' in screen_text(app)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert saved(store, path).about_me.family_view.private is private
