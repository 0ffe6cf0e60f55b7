"""Health data stays private: owner-only files and folders, and nothing left outside them."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from phb_tui.cli import main
from plan_store import PlanStore

from ..conftest import example_toml, run_phb


@pytest.mark.skipif(os.name != "posix", reason="permission bits are a POSIX idea")
def test_no_file_under_the_data_folder_is_readable_by_others(
    store: PlanStore, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "umask", os.umask)  # Restored after the test.
    os.umask(0o022)  # A typical setting that would leave new files readable by everyone.
    source = tmp_path / "incoming.toml"
    source.write_text(example_toml(), encoding="utf-8")
    assert main(["import", str(source)]) == 0
    assert main(["new", "Second plan"]) == 0
    opened = store.open(store.plans_dir / "daniels-plan-2026.toml")
    for n in range(3):
        opened.plan.icb_name = f"ICB {n}"
        store.save(opened)  # Leaves a backup too.
    store.rename(store.open(store.plans_dir / "second-plan.toml"), "Renamed plan")
    store.duplicate(store.plans_dir / "daniels-plan-2026.toml")
    store.trash(store.plans_dir / "renamed-plan.toml")
    exported = tmp_path / "shared"
    exported.mkdir()
    assert main(["export", "daniels-plan-2026", "--format", "html", "-o", str(exported)]) == 0
    assert main(["export", "daniels-plan-2026", "--format", "toml", "-o", str(exported), "--include-private"]) == 0
    capsys.readouterr()

    seen = []
    for folder, _, names in os.walk(store.data_dir):
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700, folder
        for name in names:
            assert stat.S_IMODE(os.stat(Path(folder) / name).st_mode) == 0o600, name
            seen.append(name.split("-", 2)[-1] if Path(folder).name == "trash" else name)
    assert sorted(seen) == sorted(
        [
            "daniels-plan-2026.toml",
            "daniels-plan-2026.toml.bak",
            "daniels-plan-2026-copy.toml",
            "renamed-plan.toml",
            "renamed-plan.toml.bak",  # In the trash, with the backup from renaming.
            "list-cache.json",  # Written when import looked for a plan of the same title.
        ]
    )
    for name in os.listdir(exported):
        assert stat.S_IMODE(os.stat(exported / name).st_mode) == 0o600, name


def test_nothing_is_written_outside_the_data_folder(store: PlanStore, tmp_path: Path) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    source = tmp_path / "incoming.toml"
    source.write_text(example_toml(), encoding="utf-8")
    environment = {"TMPDIR": str(scratch), "TEMP": str(scratch), "TMP": str(scratch)}
    for args in (["import", str(source)], ["list"], ["show", "daniels-plan-2026"], ["check", "daniels-plan-2026"]):
        result = run_phb(*args, data_dir=store.data_dir, extra_env=environment)
        assert result.returncode in (0, 1), (args, result.stderr)
    assert list(scratch.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_plan_copied_in_readable_by_others_leaves_a_private_backup(store: PlanStore) -> None:
    opened = store.create("Shared copy")
    opened.path.chmod(0o644)  # As a copy from a USB stick or an email might arrive.
    reopened = store.open(opened.path)
    reopened.plan.icb_name = "NHS Kent and Medway ICB"
    store.save(reopened)
    assert stat.S_IMODE(reopened.backup_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(reopened.path.stat().st_mode) == 0o600
