"""A person's own keys.toml and rates.toml: a mistake in either is named, never used silently.

Keys are checked through the app, as a person meets them: a warning when it starts, and the keys
that then work. Rates are checked through `load_rates`, which the PA cost calculator calls.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.widgets import Input

from phb_tui.app import PhbApp
from phb_tui.planning.employer_rates import load_rates
from phb_tui.planning.steps import Step
from plan_store import PlanStore
from screens.base import StepScreen

ROOT = Path(__file__).resolve().parent.parent.parent
SHIPPED_RATES = (ROOT / "phb_tui" / "planning" / "rates-2026-27.toml").read_text(encoding="utf-8")


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message the app shows, as it reaches Textual (after PhbApp has made it safe to show)."""
    messages: list[str] = []

    def record(self: App[Any], message: str, **_options: Any) -> None:
        messages.append(message)

    monkeypatch.setattr(App, "notify", record)
    return messages


def keys_file(tmp_path: Path, lines: str) -> Path:
    path = tmp_path / "keys.toml"
    path.write_text(f"[keys]\n{lines}\n", encoding="utf-8")
    return path


def app_with_keys(store: PlanStore, keys: Path) -> PhbApp:
    opened = store.create("Keys")
    return PhbApp(store, store.open(opened.path), autosave_seconds=3600, keys_file=keys)


# --- keys.toml ------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["f99", "ctrl+banana", "F9", "shift+ctrl+up", "ctrl+?"])
async def test_a_key_name_textual_does_not_know_is_named_and_the_usual_key_stays(
    store: PlanStore, tmp_path: Path, shown: list[str], key: str
) -> None:
    app = app_with_keys(store, keys_file(tmp_path, f'"step.next" = "{key}"'))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert len(shown) == 1, shown
        assert f'"{key}"' in shown[0] and '"step.next"' in shown[0] and "keys.toml" in shown[0]
        assert "ctrl+s" in shown[0] and "f9" in shown[0]  # What a valid name looks like.
        assert "The usual keys (F8 or Ctrl+N) stay." in shown[0]
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen) and app.screen.STEP == Step.OUTCOMES


async def test_a_near_miss_says_what_was_meant(store: PlanStore, tmp_path: Path, shown: list[str]) -> None:
    app = app_with_keys(store, keys_file(tmp_path, '"step.next" = "shift+ctrl+up"\n"step.help" = "Ctrl+F3"'))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any('did you mean "ctrl+shift+up"?' in message for message in shown), shown
        assert any('did you mean "ctrl+f3"?' in message for message in shown), shown


@pytest.mark.parametrize(
    "key", ["f9", "f24", "ctrl+e", "escape", "question_mark", "ctrl+shift+up", "alt+shift+a", "shift+tab", "£"]
)
async def test_names_a_terminal_sends_are_accepted(
    store: PlanStore, tmp_path: Path, shown: list[str], key: str
) -> None:
    app = app_with_keys(store, keys_file(tmp_path, f'"summary.export" = "{key}"'))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown == []


def test_every_named_key_is_one_textual_gives_a_key() -> None:
    """The names keymap.py accepts without Textual are names Textual itself uses (Textual 8)."""
    from textual._ansi_sequences import ANSI_SEQUENCES_KEYS
    from textual._keyboard_protocol import FUNCTIONAL_KEYS
    from textual.keys import Keys

    from phb_tui.keymap import NAMED_KEYS, key_problem

    textual_names = {key.value for key in Keys} | set(FUNCTIONAL_KEYS.values())
    for keys in ANSI_SEQUENCES_KEYS.values():
        if isinstance(keys, tuple):
            textual_names |= {key.value for key in keys}
    assert textual_names >= NAMED_KEYS, NAMED_KEYS - textual_names
    for name in ("f99", "ctrl+banana", "", "ctrl", "ctrl+", "ctrl++", "ctrl+ctrl+s", "Escape", "shift+a"):
        assert key_problem(name), name
    for name in ("f9", "ctrl+s", "escape", "a", "A", "?", "question_mark", "ctrl+shift+up", "alt+up", "ctrl+@"):
        assert key_problem(name) is None, name


async def test_two_actions_on_the_same_key_are_named(store: PlanStore, tmp_path: Path, shown: list[str]) -> None:
    app = app_with_keys(store, keys_file(tmp_path, '"step.next" = "f9"\n"step.help" = "f9"'))
    async with app.run_test(size=(80, 24)):
        assert len(shown) == 1, shown
        assert '"step.next"' in shown[0] and '"step.help"' in shown[0] and '"f9"' in shown[0]


async def test_a_key_that_is_another_actions_usual_key_is_named(
    store: PlanStore, tmp_path: Path, shown: list[str]
) -> None:
    app = app_with_keys(store, keys_file(tmp_path, '"list.add" = "delete"'))
    async with app.run_test(size=(80, 24)):
        assert len(shown) == 1, shown
        assert '"list.add"' in shown[0] and '"list.remove"' in shown[0] and '"delete"' in shown[0]


async def test_actions_on_different_screens_may_share_a_key(store: PlanStore, tmp_path: Path, shown: list[str]) -> None:
    """The list of plans and the plan's steps are never on screen together, so f9 can serve both;
    and two actions that swap their keys clash with nothing."""
    lines = '"picker.new" = "f9"\n"step.next" = "f9"\n"step.previous" = "f8"'
    app = app_with_keys(store, keys_file(tmp_path, lines + '\n"list.edit" = "a"\n"list.add" = "enter"'))
    async with app.run_test(size=(80, 24)):
        assert shown == []


async def test_quit_on_a_letter_is_refused_and_the_usual_quit_key_still_works(
    store: PlanStore, tmp_path: Path, shown: list[str]
) -> None:
    app = app_with_keys(store, keys_file(tmp_path, '"app.quit" = "q"'))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert len(shown) == 1, shown
        assert '"app.quit"' in shown[0] and '"q"' in shown[0] and "The usual keys (Ctrl+Q or F10) stay." in shown[0]
        field = app.focused  # The step's first field.
        assert isinstance(field, Input)
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running and field.value.endswith("q")  # Typed, not quit.
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


@pytest.mark.parametrize("key", ["space", "question_mark", "shift+space", "A", "f9,q"])
async def test_quit_on_any_typed_character_is_refused(
    store: PlanStore, tmp_path: Path, shown: list[str], key: str
) -> None:
    app = app_with_keys(store, keys_file(tmp_path, f'"app.quit" = "{key}"'))
    async with app.run_test(size=(80, 24)):
        assert len(shown) == 1 and '"app.quit"' in shown[0] and "typ" in shown[0], shown


async def test_escape_codes_in_a_key_name_are_shown_escaped(store: PlanStore, tmp_path: Path, shown: list[str]) -> None:
    app = app_with_keys(store, keys_file(tmp_path, '"step.next" = "\\u001b]52;c;aGk=\\u0007"'))
    async with app.run_test(size=(80, 24)):
        assert len(shown) == 1, shown
        assert "\\x1b]52;c;aGk=\\x07" in shown[0]
        assert "\x1b" not in shown[0] and "\x07" not in shown[0]


def test_the_problems_load_keymap_returns_are_safe_to_print(tmp_path: Path) -> None:
    """Not only through the app: any caller of load_keymap gets text with escape codes shown."""
    from phb_tui.keymap import load_keymap

    path = keys_file(tmp_path, '"\\u001b[2J" = "f9"\n"step.next" = "\\u001b[31mf9"')
    keymap, problems = load_keymap(path, [{"step.next": "f8"}])
    assert keymap == {} and len(problems) == 2
    assert all("\x1b" not in problem and "\\x1b" in problem for problem in problems)


# --- rates.toml -----------------------------------------------------------------------------------


def own_rates(tmp_path: Path, *changes: tuple[str, str]) -> Path:
    text = SHIPPED_RATES
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "rates.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_rates_are_valid() -> None:
    loaded = load_rates(Path("/nonexistent/rates.toml"))
    assert loaded.problem is None and loaded.rates.national_living_wage == Decimal("12.71")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (('national_living_wage = "12.71"', 'national_living_wage = "0"'), "national_living_wage"),
        (('national_living_wage = "12.71"', 'national_living_wage = "1271.00"'), "national_living_wage"),
        (("valid_to = 2027-04-05", "valid_to = 2025-04-05"), "valid_to"),
        (('pension_lower_limit = "6240.00"', 'pension_lower_limit = "60240.00"'), "pension_lower_limit"),
        (('pension_trigger = "10000.00"', 'pension_trigger = "0"'), "pension_trigger"),
        (('pension_trigger = "10000.00"', 'pension_trigger = "100000.00"'), "pension_trigger"),
        (('employer_ni_threshold = "5000.00"', 'employer_ni_threshold = "5000000.00"'), "employer_ni_threshold"),
        (('employment_allowance = "10500.00"', 'employment_allowance = "9999999.99"'), "employment_allowance"),
        # A yearly figure typed as a week's or a month's threshold.
        (
            ('employer_ni_threshold_weekly = "96.00"', 'employer_ni_threshold_weekly = "5000.00"'),
            "employer_ni_threshold_weekly",
        ),
        (
            ('employer_ni_threshold_monthly = "417.00"', 'employer_ni_threshold_monthly = "5000.01"'),
            "employer_ni_threshold_monthly",
        ),
        (('employer_ni_threshold_weekly = "96.00"\n', ""), "employer_ni_threshold_weekly"),
        (('pension_upper_limit = "50270.00"', 'pension_upper_limit = "2000000.00"'), "pension_upper_limit"),
        (('pension_lower_limit = "6240.00"', 'pension_lower_limit = "2000000.00"'), "pension_lower_limit"),
        (('pension_trigger = "10000.00"', 'pension_trigger = "5000.00"'), "pension_trigger"),
        (('national_living_wage = "12.71"', 'national_living_wage = "-12.71"'), "national_living_wage"),
        (('aged_18_to_20 = "10.85"', 'aged_18_to_20 = "7.00"'), "aged_18_to_20"),
        (('aged_18_to_20 = "10.85"', 'aged_18_to_20 = "13.00"'), "minimum_wage.aged_18_to_20"),
        (('apprentice = "8.00"', 'apprentice = "0"'), "apprentice"),
        (("[minimum_wage]", "[minimum_wages]"), "minimum_wage"),
    ],
)
def test_impossible_rates_are_not_used_and_the_field_is_named(
    tmp_path: Path, change: tuple[str, str], field: str
) -> None:
    loaded = load_rates(own_rates(tmp_path, change))
    assert "shipped" in loaded.source and loaded.rates.national_living_wage == Decimal("12.71")
    assert loaded.problem is not None and f"{field}: " in loaded.problem, loaded.problem


def test_each_impossible_rate_is_named_at_once(tmp_path: Path) -> None:
    loaded = load_rates(
        own_rates(
            tmp_path,
            ('national_living_wage = "12.71"', 'national_living_wage = "0"'),
            ("valid_to = 2027-04-05", "valid_to = 2026-01-01"),
            ('pension_upper_limit = "50270.00"', 'pension_upper_limit = "6000.00"'),
        )
    )
    assert loaded.problem is not None
    for field in ("national_living_wage", "valid_to", "pension_upper_limit"):
        assert field in loaded.problem, (field, loaded.problem)
    assert "more than £0.00" in loaded.problem or "more than 0" in loaded.problem
    assert "2026-04-06" in loaded.problem  # The date it must not be before.


def test_a_rates_file_from_last_year_missing_a_figure_names_it(tmp_path: Path) -> None:
    loaded = load_rates(own_rates(tmp_path, ('ssp_weekly_rate = "123.25"\n', "")))
    assert loaded.problem is not None and "ssp_weekly_rate" in loaded.problem
    assert loaded.rates.ssp_weekly_rate == Decimal("123.25")  # The shipped figures, used instead.
