"""The store: where plans live, and the promise that nothing is ever lost or overwritten by mistake."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from plan_store import (
    NewerPlanError,
    OverwriteRefused,
    Plan,
    PlanChangedOnDisk,
    PlanFileError,
    PlanNotFound,
    PlanSaveError,
    PlanStore,
    PlanValidationError,
    TomlSyntaxError,
)
from plan_store.codec import plan_to_toml
from plan_store.plan import SCHEMA_VERSION
from plan_store.plan_files import write_export

from .conftest import FIXTURES, example_toml

posix_only = pytest.mark.skipif(os.name != "posix", reason="permission bits are a POSIX idea")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_plan_is_saved_where_the_data_folder_says(store: PlanStore, isolated_folders: Path) -> None:
    opened = store.create("Amira's plan")
    assert opened.path == isolated_folders / "plans" / "amiras-plan.toml"
    assert store.open(opened.path).plan == opened.plan


def test_saving_keeps_the_previous_version_as_a_backup(store: PlanStore) -> None:
    opened = store.create("Backup me")
    first = opened.path.read_bytes()
    opened.plan.icb_name = "NHS Kent and Medway ICB"
    store.save(opened)
    assert opened.backup_path.read_bytes() == first
    second = opened.path.read_bytes()
    opened.plan.icb_name = "NHS Sussex ICB"
    store.save(opened)
    assert opened.backup_path.read_bytes() == second
    assert store.open(opened.path).plan.icb_name == "NHS Sussex ICB"
    assert store.open(opened.backup_path).plan.icb_name == "NHS Kent and Medway ICB"


def test_saving_leaves_no_temporary_files_behind(store: PlanStore) -> None:
    opened = store.create("Tidy")
    for n in range(5):
        opened.plan.icb_name = f"ICB {n}"
        store.save(opened)
    assert sorted(p.name for p in store.plans_dir.iterdir()) == ["tidy.toml", "tidy.toml.bak"]


def test_a_failed_write_changes_nothing_on_disk(store: PlanStore, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = store.create("Full disk")
    before = opened.path.read_bytes()

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    opened.plan.icb_name = "Changed"
    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", disk_full)
        with pytest.raises(PlanSaveError, match=r"No space left on device.*unchanged"):
            store.save(opened)
    assert opened.path.read_bytes() == before
    assert sorted(p.name for p in store.plans_dir.iterdir() if p.name.endswith(".tmp")) == []
    # The work is still in memory, and saves once the disk has room again.
    store.save(opened)
    assert store.open(opened.path).plan.icb_name == "Changed"


@posix_only
def test_files_are_private_to_their_owner(store: PlanStore, isolated_folders: Path) -> None:
    opened = store.create("Private")
    store.save(opened)
    assert _mode(isolated_folders) == 0o700
    assert _mode(store.plans_dir) == 0o700
    assert _mode(opened.path) == 0o600
    assert _mode(opened.backup_path) == 0o600


@posix_only
def test_a_data_folder_open_to_others_is_reported_not_changed(store: PlanStore, isolated_folders: Path) -> None:
    isolated_folders.mkdir(mode=0o700)
    store.plans_dir.mkdir()
    store.plans_dir.chmod(0o755)
    store.create("Shared folder")
    assert _mode(store.plans_dir) == 0o755  # The person's choice, and theirs to change.
    (warning,) = store.folder_warnings()
    assert str(store.plans_dir) in warning and "chmod 700" in warning
    store.plans_dir.chmod(0o700)
    assert store.folder_warnings() == []


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("../../etc/x", "etc-x"),
        ("/etc/passwd", "etc-passwd"),
        ("..", "plan"),
        ("C:\\Windows\\system32", "c-windows-system32"),
        ("CON", "con-plan"),
        ("Zoë's plan – 2026", "zoes-plan-2026"),
        ("😀😀", "plan"),
    ],
)
def test_titles_never_escape_the_plans_folder(store: PlanStore, title: str, slug: str) -> None:
    opened = store.create(title)
    assert opened.path == store.plans_dir / f"{slug}.toml"
    assert opened.path.resolve().parent == store.plans_dir.resolve()
    assert store.open(opened.path).plan.title == title


def test_two_plans_with_one_title_get_different_files(store: PlanStore) -> None:
    first = store.create("Same")
    second = store.create("Same")
    assert (first.path.name, second.path.name) == ("same.toml", "same-2.toml")


def test_broken_toml_names_the_line_and_is_left_untouched(store: PlanStore) -> None:
    store.plans_dir.mkdir(parents=True)
    path = store.plans_dir / "broken.toml"
    original = b'schema_version = 1\ntitle = "Broken"\nicb_name = "unfinished\n'
    path.write_bytes(original)
    with pytest.raises(TomlSyntaxError) as refused:
        store.open(path)
    assert refused.value.line == 3
    assert "line 3" in str(refused.value) and str(path) in str(refused.value)
    assert "has not been changed" in str(refused.value)
    # Starting a plan with the same title never reuses the broken file.
    fresh = store.create("Broken")
    assert fresh.path != path
    assert path.read_bytes() == original


def test_a_bad_field_names_the_field_path(store: PlanStore) -> None:
    store.plans_dir.mkdir(parents=True)
    path = store.plans_dir / "bad.toml"
    path.write_text(example_toml().replace('unit_cost = "165.00"', 'unit_cost = "165.001"'), encoding="utf-8")
    with pytest.raises(PlanValidationError) as refused:
        store.open(path)
    assert "finance.line_items[3].unit_cost: has more than two decimal places" in str(refused.value)


def test_a_plan_changed_on_disk_is_not_overwritten(store: PlanStore) -> None:
    mine = store.create("Shared plan")
    theirs = store.open(mine.path)
    theirs.plan.icb_name = "Their change"
    store.save(theirs)
    mine.plan.icb_name = "My change"
    with pytest.raises(PlanChangedOnDisk, match="Nothing was saved"):
        store.save(mine)
    assert store.open(mine.path).plan.icb_name == "Their change"
    assert mine.plan.icb_name == "My change"  # My work is still in memory.


def test_a_plan_that_no_longer_links_up_is_refused_before_saving(store: PlanStore, example_plan: Plan) -> None:
    opened = store.add(example_plan)
    before = opened.path.read_bytes()
    # Removing an outcome from the list in memory skips the model's checks; saving must not.
    opened.plan.outcomes.pop()
    with pytest.raises(PlanValidationError, match='links to outcome "o2"'):
        store.save(opened)
    assert opened.path.read_bytes() == before


def test_a_plan_from_a_newer_version_is_refused_unchanged(store: PlanStore) -> None:
    store.plans_dir.mkdir(parents=True)
    path = store.plans_dir / "future.toml"
    path.write_text('schema_version = 99\ntitle = "From the future"\nhologram = true\n', encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(NewerPlanError, match="newer version of PHB Planner"):
        store.open(path)
    assert path.read_bytes() == before


def test_a_version_0_plan_is_upgraded_and_keeps_the_old_file_as_backup(store: PlanStore) -> None:
    imported = store.import_file(FIXTURES / "v0-plan.toml")
    plan = imported.plan
    assert plan.schema_version == SCHEMA_VERSION
    assert plan.person.name == "Arthur Bell"
    assert plan.icb_name == "NHS Sheffield CCG"
    assert str(plan.finance.budget_amount) == "9100.00"
    taxi, club = plan.finance.line_items
    assert (taxi.id, str(taxi.unit_cost), taxi.quantity, taxi.outcome_ids) == ("i1", "12.50", 2, ["o1"])
    assert club.outcome_ids == []
    assert plan.outcomes[0].how_i_will_know == "I have not missed a week."

    # Opened in place, the old file is rewritten on the next save and kept as the backup.
    store.plans_dir.joinpath("old.toml").write_bytes((FIXTURES / "v0-plan.toml").read_bytes())
    old = store.open(store.plans_dir / "old.toml")
    store.save(old)
    assert old.backup_path.read_bytes() == (FIXTURES / "v0-plan.toml").read_bytes()
    assert f"schema_version = {SCHEMA_VERSION}" in old.path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p: p.mkdir(), "this is a folder"),
        (lambda p: p.symlink_to(p.with_name("gone.toml")), "a link to a file that no longer exists"),
        (lambda p: p.write_bytes(b'title = "\xff\xfe"\n'), "not a text file"),
    ],
)
def test_files_that_cannot_be_read_say_why(store: PlanStore, make: Callable[[Path], object], says: str) -> None:
    store.plans_dir.mkdir(parents=True)
    path = store.plans_dir / "odd.toml"
    make(path)
    with pytest.raises(PlanFileError, match=says):
        store.open(path)


def test_a_huge_file_is_refused_without_reading_it(store: PlanStore) -> None:
    store.plans_dir.mkdir(parents=True)
    path = store.plans_dir / "huge.toml"
    with path.open("wb") as handle:
        handle.truncate(11 * 1024 * 1024)
    with pytest.raises(PlanFileError, match="far larger than any plan"):
        store.open(path)


def test_plans_are_found_by_slug_title_or_path(store: PlanStore) -> None:
    opened = store.create("Amira's Plan")
    assert store.resolve("amiras-plan") == opened.path
    assert store.resolve("AMIRA'S PLAN") == opened.path
    assert store.resolve(str(opened.path)) == opened.path
    with pytest.raises(PlanNotFound, match='no plan called "Nobody"'):
        store.resolve("Nobody")


def test_an_ambiguous_title_lists_the_file_names(store: PlanStore) -> None:
    store.create("Twin")
    store.create("Twin")
    (store.plans_dir / "twin.toml").rename(store.plans_dir / "first.toml")
    with pytest.raises(PlanNotFound, match=r"More than one plan.*first, twin-2"):
        store.resolve("Twin")


def test_exports_never_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "summary.txt"
    write_export(target, "first")
    with pytest.raises(OverwriteRefused, match="--force"):
        write_export(target, "second")
    assert target.read_text() == "first"
    write_export(target, "second", force=True)
    assert target.read_text() == "second"


def test_the_data_folder_comes_from_the_environment(isolated_folders: Path) -> None:
    assert PlanStore().data_dir == isolated_folders


def test_a_written_plan_reads_back_identically(store: PlanStore, example_plan: Plan) -> None:
    opened = store.add(example_plan)
    assert opened.path.read_text(encoding="utf-8") == plan_to_toml(example_plan)
    assert store.open(opened.path).plan == example_plan


def test_plans_of_one_name_trashed_in_the_same_second_each_keep_their_file(store: PlanStore) -> None:
    for number in range(3):
        opened = store.create("Twin")
        opened.plan.icb_name = f"ICB {number}"
        store.save(opened)
        store.trash(opened.path)
    trash = store.data_dir / "trash"
    trashed = sorted(trash.glob("*.toml"))
    assert len(trashed) == 3 and len(list(trash.glob("*.toml.bak"))) == 3
    assert sorted(store.open(path).plan.icb_name for path in trashed) == ["ICB 0", "ICB 1", "ICB 2"]
