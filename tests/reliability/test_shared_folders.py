"""Plans in a folder others can reach, several windows on one plan, and disks that say no: nothing
PHB Planner writes goes through a planted link, no write leaves half a file or a leftover behind,
and no window brings back a plan another window renamed or deleted."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from phb_tui.app import PhbApp
from phb_tui.cli import main
from plan_store import Outcome, Plan, PlanError, PlanStore, PlanTooLarge
from plan_store.open_marks import mark_open, markers_of, open_elsewhere
from plan_store.plan_files import MAX_FILE_BYTES

from ..app.helpers import fill, plan_open_at, screen_text
from .test_disk_and_windows import other_window

posix_only = pytest.mark.skipif(os.name != "posix", reason="links, pipes and modes as POSIX has them")


@posix_only
async def test_a_link_planted_as_a_marker_never_makes_opening_a_plan_write_through_it(
    store: PlanStore, tmp_path: Path
) -> None:
    opened = store.create("Shared folder")
    victim = tmp_path / "someone-elses-file.txt"
    victim.write_text("precious\n")
    for name in (f".{opened.path.name}.open", f".{opened.path.name}.{os.getpid()}.open"):
        (store.plans_dir / name).symlink_to(victim)
    app = PhbApp(store, store.open(opened.path), autosave_seconds=3600, keys_file=store.data_dir / "none.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert victim.read_text() == "precious\n"


@posix_only
def test_a_pipe_planted_as_a_marker_is_not_waited_on(store: PlanStore) -> None:
    opened = store.create("Pipe")
    os.mkfifo(store.plans_dir / f".{opened.path.name}.x.open")
    assert open_elsewhere(opened.path) is None  # Returns at once, rather than waiting for a writer.


async def test_a_third_window_is_warned_while_the_first_is_still_open(store: PlanStore) -> None:
    opened = store.create("Three windows")
    other_window(opened.path, os.getppid())  # The first window, still open.
    second = PhbApp(store, store.open(opened.path), autosave_seconds=3600, keys_file=store.data_dir / "none.toml")
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    third = PhbApp(store, store.open(opened.path), autosave_seconds=3600, keys_file=store.data_dir / "none.toml")
    async with third.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Also open in another window" in screen_text(third)


def test_each_window_removes_only_its_own_marker(store: PlanStore) -> None:
    opened = store.create("Markers")
    first, second = mark_open(opened.path), mark_open(opened.path)
    assert first is not None and second is not None and first != second
    assert set(markers_of(opened.path)) == {first, second}


async def test_a_plan_renamed_in_another_window_is_not_saved_back_under_its_old_name(store: PlanStore) -> None:
    async with plan_open_at(store, size=(100, 30)) as (app, pilot, path):
        store.rename(store.open(path), "Renamed elsewhere")
        await fill(pilot, "#field-icb_name", "NHS Devon ICB")
        await pilot.press("ctrl+s")
        shown = " ".join(screen_text(app).split())
        assert "✗ Not saved" in shown and "is no longer there" in shown
        assert not path.exists()
        assert [p.name for p in store.plan_paths()] == ["renamed-elsewhere.toml"]
        assert app.session is not None and app.session.plan.icb_name == "NHS Devon ICB"  # Still on screen.


async def test_a_plan_trashed_in_another_window_is_not_saved_back(store: PlanStore) -> None:
    async with plan_open_at(store, size=(100, 30)) as (app, pilot, path):
        store.trash(path)
        await fill(pilot, "#field-icb_name", "NHS Devon ICB")
        await pilot.press("ctrl+s")
        assert "is no longer there" in " ".join(screen_text(app).split())
    assert store.plan_paths() == []


def test_an_export_into_the_plans_folder_never_replaces_a_plan(
    store: PlanStore, example_plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = store.add(example_plan)
    other = store.create("Another plan")
    before = other.path.read_bytes()
    target = str(other.path)
    assert main(["export", opened.slug, "--format", "toml", "-o", target, "--force"]) == 2
    assert "where PHB Planner keeps its plans" in capsys.readouterr().err
    assert other.path.read_bytes() == before
    assert main(["export", opened.slug, "--format", "toml", "-o", str(store.plans_dir / "new.toml")]) == 2
    assert sorted(p.name for p in store.plan_paths()) == sorted([opened.path.name, other.path.name])


def _huge(plan: Plan) -> Plan:
    """Far more words than any plan: 600 outcomes of 20,000 characters each (about 12 MB)."""
    for number in range(600):
        plan.outcomes.append(Outcome(id=f"big{number}", outcome="word " * 4000))
    return plan


def test_a_plan_too_large_to_open_again_is_not_saved(store: PlanStore) -> None:
    opened = store.create("Huge")
    before = opened.path.read_bytes()
    _huge(opened.plan)
    with pytest.raises(PlanTooLarge, match="could never be opened again"):
        store.save(opened)
    assert opened.path.read_bytes() == before
    with pytest.raises(PlanTooLarge):
        store.add(opened.plan)
    assert [p.name for p in store.plan_paths()] == [opened.path.name]


def test_the_largest_plan_that_can_be_saved_can_be_opened(store: PlanStore) -> None:
    opened = store.create("Just under")
    for number in range(480):
        opened.plan.outcomes.append(Outcome(id=f"big{number}", outcome="word " * 4000))
    store.save(opened)
    assert opened.path.stat().st_size <= MAX_FILE_BYTES
    assert len(store.open(opened.path).plan.outcomes) == 480


OPERATIONS = {
    "new": lambda store, original, received: store.create("Full disk"),
    "import": lambda store, original, received: store.import_file(received),
    "copy": lambda store, original, received: store.duplicate(original.path),
    "rename": lambda store, original, received: store.rename(original, "Renamed"),
    "export": lambda store, original, received: store.export(received.with_name("summary.txt"), "summary"),
}


@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_full_disk_leaves_neither_half_a_file_nor_a_temporary_file(
    operation: str, store: PlanStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = store.create("Original")
    received = tmp_path / "received" / "received.toml"
    received.parent.mkdir()
    received.write_bytes(original.path.read_bytes())

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patched, pytest.raises(PlanError, match="The disk is full"):
        patched.setattr(os, "fsync", full)
        OPERATIONS[operation](store, original, received)
    assert sorted(p.name for p in store.plans_dir.iterdir()) == [original.path.name]
    assert sorted(p.name for p in received.parent.iterdir()) == ["received.toml"]


def test_a_full_disk_when_starting_a_plan_says_so_on_the_command_line(
    store: PlanStore, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    assert main(["new", "Full disk"]) == 2
    assert "The disk is full" in capsys.readouterr().err
    assert list(store.plans_dir.iterdir()) == []


def test_leftovers_from_cut_off_writes_are_tidied_however_new(store: PlanStore) -> None:
    opened = store.create("Tidy")
    leftovers = [store.plans_dir / f".{opened.path.name}.0123456789ab.tmp", store.plans_dir / ".other.toml.ab12.tmp"]
    for leftover in leftovers:
        leftover.write_text("half a plan")
    assert store.tidy() == 2
    assert not any(leftover.exists() for leftover in leftovers)


def test_trashing_a_plan_tidies_the_folder(store: PlanStore) -> None:
    opened = store.create("Trash me")
    leftover = store.plans_dir / f".{opened.path.name}.0123456789ab.tmp"
    leftover.write_text("half a plan")
    store.trash(opened.path)
    assert not leftover.exists()


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Ami\u200bra", "U+200B"),  # Zero-width space.
        ("\ufeffAmira", "U+FEFF"),  # Byte order mark.
        ("Amira\U000e0041", "U+E0041"),  # A tag character.
        ("Amira\u200e", "U+200E"),  # A direction mark.
        ("Ami\u200dra", "U+200D"),  # A joiner between Latin letters joins nothing.
    ],
)
def test_invisible_characters_in_a_title_are_refused_with_the_reason(
    title: str, code: str, capsys: pytest.CaptureFixture[str], store: PlanStore
) -> None:
    assert main(["new", title]) == 2
    error = capsys.readouterr().err
    assert code in error and "cannot be seen" in error
    assert store.plan_paths() == []


def test_invisible_characters_in_a_name_are_refused_and_change_nothing(example_plan: Plan) -> None:
    with pytest.raises(ValueError, match="U\\+200B"):
        example_plan.person.name = "Daniel\u200b Price"
    assert example_plan.person.name == "Daniel Price"


@pytest.mark.parametrize(
    "title",
    [
        "\U0001f469\u200d\U0001f9bd Ann's plan",  # Woman in a wheelchair: a joiner between emoji.
        "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f plan",  # England's flag.
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian, with the joiner it needs.
    ],
)
def test_names_that_need_joiners_are_kept(title: str, store: PlanStore) -> None:
    assert store.create(title).plan.title == title


@posix_only
def test_a_plans_folder_made_read_only_stays_read_only(store: PlanStore) -> None:
    opened = store.create("Read only")
    store.plans_dir.chmod(0o500)
    try:
        opened.plan.icb_name = "NHS Devon ICB"
        try:
            store.save(opened)
        except PlanError as error:  # Only root may write there anyway.
            assert "may have been made read-only" in str(error)
        assert store.plans_dir.stat().st_mode & 0o777 == 0o500
    finally:
        store.plans_dir.chmod(0o700)


@posix_only
def test_a_data_folder_others_can_read_gets_a_warning_on_the_command_line(
    store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    store.create("Shared")
    store.data_dir.chmod(0o755)
    assert main(["list"]) == 0
    error = capsys.readouterr().err
    assert "warning: Other people who use this computer may be able to see into" in error
    assert f"chmod 700 '{store.data_dir}'" in error
    assert store.data_dir.stat().st_mode & 0o777 == 0o755


def test_leftovers_of_the_list_of_plans_are_tidied_too(store: PlanStore) -> None:
    store.create("Listed")
    leftover = store.data_dir / ".list-cache.json.0123456789ab.tmp"
    leftover.write_text("half a list")
    assert store.tidy() == 1
    assert not leftover.exists()
