"""Broken plan files: each gives a clear message (CLI and app), exit status 2, no traceback, and
the file stays exactly as it was."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phb_tui.app import PhbApp
from phb_tui.cli import main
from plan_store import PlanFileError, PlanStore
from plan_store.codec import plan_from_toml
from screens.picker import PickerScreen

from ..app.helpers import screen_text
from ..conftest import example_toml, run_phb

GOOD = example_toml()

BROKEN: dict[str, tuple[Callable[[Path], None], str]] = {
    "truncated": (lambda p: p.write_text(GOOD[: len(GOOD) // 2], encoding="utf-8"), "line"),
    "random bytes": (lambda p: p.write_bytes(bytes(range(256)) * 8), "not a text file"),
    "wrong types": (
        lambda p: p.write_text(GOOD.replace("quantity = 20", 'quantity = "lots"'), encoding="utf-8"),
        "finance.line_items[0].quantity",
    ),
    "duplicated key": (
        lambda p: p.write_text(
            GOOD.replace('stage = "plan_written"', 'stage = "plan_written"\nstage = "plan_written"'), encoding="utf-8"
        ),
        "the same key is written twice",
    ),
    "huge": (lambda p: p.open("wb").truncate(50 * 1024 * 1024), "far larger than any plan"),
    "a folder": (lambda p: p.mkdir(), "this is a folder"),
    "dangling link": (lambda p: p.symlink_to(p.with_name("gone.toml")), "no longer exists"),
    "empty": (lambda p: p.write_bytes(b""), "title: is required"),
}


def _snapshot(path: Path) -> object:
    if path.is_symlink():
        return ("link", os.readlink(path))
    if path.is_dir():
        return ("folder", sorted(os.listdir(path)))
    stat = path.stat()
    return ("file", stat.st_size, path.read_bytes() if stat.st_size < 1_000_000 else stat.st_mtime_ns)


@pytest.mark.parametrize("kind", list(BROKEN))
def test_the_cli_explains_and_changes_nothing(kind: str, store: PlanStore, capsys: pytest.CaptureFixture[str]) -> None:
    make, says = BROKEN[kind]
    store.plans_dir.mkdir(parents=True)
    path = store.plans_dir / "broken.toml"
    make(path)
    before = _snapshot(path)
    for command in (
        ["show", "broken.toml"],
        ["check", "broken.toml"],
        ["export", "broken.toml", "--format", "html"],
        ["import", str(path)],
    ):
        assert main(command) == 2, command
        out, err = capsys.readouterr()
        assert says in err and "Traceback" not in err and out == "", (command, err)
    assert _snapshot(path) == before
    assert sorted(p.name for p in store.plans_dir.iterdir()) == ["broken.toml"]


def test_a_file_that_cannot_be_read_for_permission(
    store: PlanStore, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store.plans_dir.mkdir(parents=True)
    path = store.plans_dir / "locked.toml"
    path.write_text(GOOD, encoding="utf-8")
    real = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "locked.toml":
            raise PermissionError(13, "Permission denied")
        return real(self, *args, **kwargs)

    # Tests may run as root, which reads anything, so the refusal is simulated at the read.
    with monkeypatch.context() as patched:
        patched.setattr(Path, "open", refuse)
        assert main(["show", "locked.toml"]) == 2
    assert "you do not have permission to read this file" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == GOOD


def test_the_real_command_says_the_same_in_a_separate_process(store: PlanStore) -> None:
    store.plans_dir.mkdir(parents=True)
    path = store.plans_dir / "broken.toml"
    BROKEN["truncated"][0](path)
    result = run_phb("show", "broken.toml", data_dir=store.data_dir)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "not valid TOML" in result.stderr


@pytest.mark.parametrize("kind", ["truncated", "random bytes", "wrong types", "a folder"])
async def test_the_app_explains_and_changes_nothing(kind: str, store: PlanStore) -> None:
    make, _says = BROKEN[kind]
    store.plans_dir.mkdir(parents=True)
    path = store.plans_dir / "broken.toml"
    make(path)
    before = _snapshot(path)
    app = PhbApp(store, keys_file=store.data_dir / "none.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert "cannot be opened" in screen_text(app)
    assert _snapshot(path) == before


_toml_ish = st.text(
    alphabet=st.sampled_from(list("[]{}=\"'\n .,#-_0123456789abcdefghijklmnopqrstuvwxyz\\£\x00\t")), max_size=400
)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(text=_toml_ish)
def test_the_loader_only_ever_raises_its_own_error_on_nonsense(text: str) -> None:
    try:
        plan_from_toml(text, Path("fuzz.toml"))
    except PlanFileError as error:
        assert str(error)
    # Loading successfully is fine too: the point is that nothing else ever escapes.


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(cut=st.integers(min_value=0, max_value=len(GOOD)), junk=st.text(max_size=20))
def test_a_damaged_copy_of_a_real_plan_only_raises_the_loaders_error(cut: int, junk: str) -> None:
    try:
        plan_from_toml(GOOD[:cut] + junk + GOOD[cut:], Path("fuzz.toml"))
    except PlanFileError as error:
        assert str(error)


def _one_good_among_bad(plans: Path) -> None:
    head = 'schema_version = 2\ntitle = "{}"\ncreated = 2026-01-01T00:00:00Z\nupdated = 2026-01-01T00:00:00Z\n'
    plans.mkdir(parents=True)
    (plans / "good.toml").write_text(head.format("Good plan"), encoding="utf-8")
    (plans / "huge-number.toml").write_text(head.format("A") + "[finance]\nbudget_amount = 1e30\n", encoding="utf-8")
    (plans / "long-number.toml").write_text(
        head.format("B") + f'[finance]\nbudget_amount = "{"9" * 31}"\n', encoding="utf-8"
    )
    (plans / "old-wrong-types.toml").write_text(
        'title = "old"\nbudget = [1, 2]\nitems = "x"\noutcomes = 5\nperson = 3\nperson_name = "x"\n', encoding="utf-8"
    )
    (plans / "deep.toml").write_text('title = "deep"\nx = ' + "[" * 20000 + "]" * 20000 + "\n", encoding="utf-8")
    if os.name == "posix":
        os.mkfifo(plans / "pipe.toml")  # Reading it would wait for ever.
        (plans / "zero.toml").symlink_to("/dev/zero")  # Reading it would never end.


def test_one_bad_file_never_hides_the_other_plans(store: PlanStore) -> None:
    _one_good_among_bad(store.plans_dir)
    result = run_phb("list", data_dir=store.data_dir)  # In its own process, so a hang fails the test.
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "Good plan" in result.stdout
    bad = [line for line in result.stdout.splitlines() if "cannot be opened" in line]
    assert len(bad) == (6 if os.name == "posix" else 4), result.stdout


async def test_the_list_of_plans_opens_with_bad_files_beside_good_ones(store: PlanStore) -> None:
    _one_good_among_bad(store.plans_dir)
    app = PhbApp(store, keys_file=store.data_dir / "none.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen) and "Good plan" in screen_text(app)
