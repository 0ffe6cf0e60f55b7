"""What people expect of a command line: JSON from every listing, clear refusals, help for every
argument, `phb where`, shell completion, and plurals written out."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from phb_tui.cli import build_parser, main
from plan_store import Plan, PlanStore

from .conftest import PINNED_TODAY, ROOT, phb_script, run_phb

# --- phb reviews --json --------------------------------------------------------------------------

REVIEW_KEYS = ["file", "path", "title", "next_review", "first_review", "days_until", "overdue", "problem"]


def test_reviews_json_has_the_same_keys_for_every_plan(
    capsys: pytest.CaptureFixture[str], store: PlanStore, example_plan: Plan
) -> None:
    store.add(example_plan)
    store.create("No review yet")
    (store.plans_dir / "damaged.toml").write_text("title = ", encoding="utf-8")
    status = main(["reviews", "--json"])
    out = capsys.readouterr().out
    assert status == 2  # As without --json: a plan cannot be opened.
    assert out.isascii()
    data = json.loads(out)
    assert data["format"] == 1 and data["today"] == PINNED_TODAY.isoformat()
    assert data["plans_folder"] == str(store.plans_dir)
    assert [list(plan) for plan in data["plans"]] == [REVIEW_KEYS] * 3
    dated, undated, broken = data["plans"]
    assert dated["title"] == "Daniel's plan 2026" and dated["file"] == "daniels-plan-2026.toml"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", dated["next_review"])
    assert isinstance(dated["days_until"], int) and dated["overdue"] == (dated["days_until"] < 0)
    assert undated["title"] == "No review yet" and undated["next_review"] is None and undated["overdue"] is None
    assert broken["file"] == "damaged.toml" and broken["title"] is None and broken["problem"]


def test_reviews_json_with_no_plans_is_still_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reviews", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["plans"] == []


def test_every_listing_command_offers_json() -> None:
    for name in ("list", "check", "reviews"):
        assert "--json" in _commands(build_parser())[name].format_help(), name


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (sub,) = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    return dict(sub.choices)


# --- an unknown theme ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["--theme", "bogus", "list"],
        ["--theme", "bogus"],
        ["open", "anything", "--theme", "bogus"],
        ["serve", "--theme", "bogus"],
    ],
)
def test_an_unknown_theme_is_refused_by_name(
    capsys: pytest.CaptureFixture[str], isolated_folders: Path, args: list[str]
) -> None:
    status = main(args)
    out, err = capsys.readouterr()
    assert status == 2 and out == ""
    assert 'There is no theme called "bogus"' in err
    assert "high-contrast" in err and "textual-light" in err
    assert not isolated_folders.exists()  # Nothing was made or changed.


def test_a_known_theme_is_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--theme", "high-contrast", "list"]) == 0


def test_the_themes_named_are_the_ones_the_app_has() -> None:
    from textual.app import App

    from phb_tui.settings import THEMES
    from phb_tui.widgets.themes import HIGH_CONTRAST

    assert set(THEMES) == set(App().available_themes) | {HIGH_CONTRAST.name}


# --- help for every argument ---------------------------------------------------------------------


def test_every_argument_of_every_command_has_help() -> None:
    parsers = [("phb", build_parser())]
    lacking = []
    while parsers:
        name, parser = parsers.pop()
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                parsers += [(f"phb {sub}", subparser) for sub, subparser in action.choices.items()]
            elif not action.help or action.help == argparse.SUPPRESS:
                lacking.append(f"{name} {'/'.join(action.option_strings) or action.metavar or action.dest}")
    assert lacking == []


# --- plurals written out -------------------------------------------------------------------------


def test_no_words_with_an_optional_plural_ending() -> None:
    """ "11 thing(s)" reads badly: the code says "1 thing" or "11 things"."""
    import ast

    found = []
    for folder in ("phb_tui", "screens", "plan_store"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                text = node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""
                if re.search(r"\w\((e?s|ies)\)", text):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text.strip()[:60]}")
        for path in sorted((ROOT / folder).rglob("*.md")):  # The help shown in the app.
            found += [
                f"{path.relative_to(ROOT)}: {m}" for m in re.findall(r"\w+\((?:e?s|ies)\)", path.read_text("utf-8"))
            ]
    assert found == []


@pytest.mark.parametrize(("count", "words"), [(1, "1 file could not be opened"), (2, "2 files could not be opened")])
def test_list_counts_unreadable_files_in_words(
    capsys: pytest.CaptureFixture[str], store: PlanStore, count: int, words: str
) -> None:
    store.create("Fine")
    for number in range(count):
        (store.plans_dir / f"damaged-{number}.toml").write_text("title = ", encoding="utf-8")
    assert main(["list"]) == 0
    assert words in capsys.readouterr().out


def test_check_counts_gaps_in_words(capsys: pytest.CaptureFixture[str], store: PlanStore) -> None:
    store.create("Just started")
    assert main(["check", "Just started"]) == 1
    assert re.search(r'"Just started" has \d+ things a reviewer would ask about:', capsys.readouterr().out)


# --- phb where -----------------------------------------------------------------------------------

WHERE_LABELS = [
    "Data folder",
    "Plans",
    "Edits not yet saved",
    "Deleted plans",
    "Config folder",
    "Keys",
    "Rates",
    "Settings",
    "Layouts",
]


def test_where_names_every_place_on_a_line_of_its_own(
    capsys: pytest.CaptureFixture[str], store: PlanStore, isolated_folders: Path, tmp_path: Path
) -> None:
    store.create("Made")
    assert main(["where"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == WHERE_LABELS
    config = tmp_path / "home" / ".config" / "phb-planner"
    assert lines[0].split()[-1] == str(isolated_folders)
    assert lines[1].split()[-1] == str(store.plans_dir)
    assert f"{config / 'keys.toml'} (not made yet)" in lines[5]
    assert lines[7].endswith(f"{config / 'settings.toml'} (not made yet)")


def test_where_json_gives_each_place_and_whether_it_is_there(
    capsys: pytest.CaptureFixture[str], store: PlanStore, isolated_folders: Path
) -> None:
    store.create("Made")
    assert main(["where", "--json"]) == 0
    out = capsys.readouterr().out
    assert out.isascii()
    data = json.loads(out)
    assert list(data) == [
        "format",
        "data_folder",
        "plans_folder",
        "edits_folder",
        "trash_folder",
        "config_folder",
        "keys_file",
        "rates_file",
        "settings_file",
        "layouts_folder",
    ]
    assert data["data_folder"] == {"path": str(isolated_folders), "exists": True}
    assert data["settings_file"]["exists"] is False


def test_where_follows_the_data_folder_given(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["where", "--data-dir", str(tmp_path / "clients")]) == 0
    assert str(tmp_path / "clients" / "plans") in capsys.readouterr().out
    assert not (tmp_path / "clients").exists()  # Looking makes nothing.


# --- shell completion ----------------------------------------------------------------------------


def _completions(line: str, data_dir: Path, tmp_path: Path, **shell: str) -> list[str]:
    """Ask the installed `phb` what could come next, as the shell's completion code does."""
    answer = tmp_path / "completions.txt"
    env = {
        **os.environ,
        "_ARGCOMPLETE": "1",
        "_ARGCOMPLETE_IFS": "\n",
        "COMP_LINE": line,
        "COMP_POINT": str(len(line)),
        "_ARGCOMPLETE_STDOUT_FILENAME": str(answer),
        "PHB_DATA_DIR": str(data_dir),
        **shell,
    }
    result = subprocess.run(
        [str(phb_script())], capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 0, result.stderr
    return [name.strip() for name in answer.read_text(encoding="utf-8").split("\n")]  # One alone ends in a space.


def test_completion_offers_the_commands_and_the_plans(store: PlanStore, isolated_folders: Path, tmp_path: Path) -> None:
    store.create("Mum's plan 2026")
    store.create("Dad's plan")
    assert {"list", "reviews", "where", "show"} <= set(_completions("phb ", isolated_folders, tmp_path))
    assert _completions("phb show ", isolated_folders, tmp_path) == ["dads-plan", "mums-plan-2026"]
    assert _completions("phb open mu", isolated_folders, tmp_path) == ["mums-plan-2026"]
    assert _completions("phb check --all --json ", isolated_folders, tmp_path) == ["dads-plan", "mums-plan-2026"]


def test_completion_reads_the_data_folder_given(store: PlanStore, tmp_path: Path) -> None:
    other = PlanStore(tmp_path / "clients")
    other.create("Client A")
    line = f"phb --data-dir {tmp_path / 'clients'} export "
    assert _completions(line, tmp_path / "elsewhere", tmp_path) == ["client-a"]


def test_an_ordinary_start_does_not_load_argcomplete(isolated_folders: Path) -> None:
    result = run_phb("list", data_dir=isolated_folders, extra_env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert result.returncode == 0 and "phb_tui.cli" in result.stderr
    assert "argcomplete" not in result.stderr
