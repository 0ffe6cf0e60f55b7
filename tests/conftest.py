"""Shared fixtures. Every test gets its own empty data folder and home, so no test can read or
damage a real person's plans, and tests cannot see each other's files."""

from __future__ import annotations

import gc
import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from itertools import zip_longest
from pathlib import Path

import pytest

from phb_tui.cli import main
from plan_store import Plan, PlanStore
from plan_store.codec import plan_from_toml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PINNED_TODAY = date(2026, 11, 24)
"""The day every test runs on: the sample plan's tasks and reviews are set around it."""


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Two test processes per core for `-n auto`: most of the suite drives the app through Pilot,
    which waits for the app to go idle after every key, so a core has room for a second process
    (on 2 cores the whole suite took 119 s with 2 processes and 85 s with 4)."""
    return 2 * (os.cpu_count() or 1)


LONGEST_FIRST = [
    "tests/test_code_gates.py::test_the_code_passes[mypy]",  # The whole tree, from no cache.
    "tests/test_code_gates.py",
    "tests/app/test_keys_everywhere.py",
    "tests/app/test_whole_journey.py",
    "tests/reliability/test_kill_during_spending_import.py",
    "tests/reliability/test_races.py",
    "tests/reliability/test_crash_during_save.py",
    "tests/browser/",
    "tests/reliability/test_kill_during_agree.py",
    "tests/reliability/test_kills_every_operation.py",
    "tests/app/test_pa_choices.py",
    "tests/app/test_every_field_as_written.py",
    "tests/app/test_finance.py",
    "tests/app/test_navigation.py",
    "tests/app/test_snapshots.py",
]
"""The files whose tests took longest (CPU and waiting for processes, 2 cores), slowest first: a
single test of 15 to 40 CPU seconds started last would leave one process working alone at the end."""


def _longest_first(item: pytest.Item) -> int:
    return next((n for n, start in enumerate(LONGEST_FIRST) if item.nodeid.startswith(start)), len(LONGEST_FIRST))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slowest tests start first, so the run does not end waiting on one of them (mypy came last
    in the folder's order): the first of each slow file, then the second of each, and so on, so
    that no process is handed two of them at once. Otherwise the order stays as written."""
    slow: list[list[pytest.Item]] = [[] for _ in LONGEST_FIRST]
    rest = []
    for item in items:
        rank = _longest_first(item)
        (slow[rank] if rank < len(LONGEST_FIRST) else rest).append(item)
    items[:] = [item for turn in zip_longest(*slow) for item in turn if item is not None] + rest


def pytest_collection_finish(session: pytest.Session) -> None:
    """Collect garbage less often in each test process, as `phb` itself does after its imports:
    Pilot tests make hundreds of thousands of short-lived objects, and Python's default (a young
    collection every 700 objects, an old one looking through every module the suite imported)
    was a fifth of an app test's time. The modules collected so far are set aside for good; the
    rest is still collected, less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def pytest_configure(config: pytest.Config) -> None:
    """With `-n`, hand each process two tests at a time: xdist otherwise gives the first process a
    quarter of its share in one block, and with it every one of the slowest tests."""
    if hasattr(config.option, "maxschedchunk") and config.option.maxschedchunk is None:
        config.option.maxschedchunk = 2
    _compile_once_per_run()


COMPILED = "PHB_TESTS_COMPILED"
"""Names the folder of compiled modules the test processes and every `phb` they start share."""


def _compile_once_per_run() -> None:
    """Where Python is told to write no compiled modules (PYTHONDONTWRITEBYTECODE, as on some CI
    machines), every `phb` and helper process a test starts compiled PHB Planner's modules from
    source again, a quarter of a second each: they are compiled once into a folder of this run's
    own, outside the code and the virtual environment, and removed when the run ends."""
    if not sys.dont_write_bytecode or sys.pycache_prefix is not None:
        return  # Compiled modules are kept as asked, or this is a test process of a run doing it.
    folder = os.environ[COMPILED] = tempfile.mkdtemp(prefix="phb-tests-compiled-")
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = folder
    sys.pycache_prefix, sys.dont_write_bytecode = folder, False


def pytest_unconfigure(config: pytest.Config) -> None:
    """The run's compiled modules go with the run that made them (not with each test process)."""
    if not hasattr(config, "workerinput") and COMPILED in os.environ:
        shutil.rmtree(os.environ.pop(COMPILED), ignore_errors=True)


@pytest.fixture(autouse=True)
def isolated_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never call monkeypatch.undo() in a test: it would undo these too, and the test would then
    write into the real data folder. Use `with monkeypatch.context()` for temporary patches."""
    data = tmp_path / "data"
    monkeypatch.setenv("PHB_DATA_DIR", str(data))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    # The same width for every run: the plain-text commands lay out to the terminal they write to.
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.setenv("LINES", "50")
    # The one clock (plan_store.clock) reads this: every test, and every `phb` it starts, sees the
    # same day whatever the date on the machine. A test about another day sets its own.
    monkeypatch.setenv("PHB_TODAY", PINNED_TODAY.isoformat())
    return data


@pytest.fixture
def store(isolated_folders: Path) -> PlanStore:
    return PlanStore(isolated_folders)


def example_toml() -> str:
    """The complete example from docs/plan-format.md, exactly as a reader would copy it."""
    text = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    complete = text[text.index("## A complete example") :]
    blocks = re.findall(r"```toml\n(.*?)```", complete, re.S)
    assert len(blocks) == 1, "the format document should end with exactly one complete example"
    return blocks[0]


def _documented_example(heading: str, next_heading: str) -> str:
    """The one TOML example in docs/plan-format.md between two of its headings."""
    text = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    section = text[text.index(f"## {heading}") : text.index(f"## {next_heading}")]
    (block,) = re.findall(r"```toml\n(.*?)```", section, re.S)
    return block


def wheelchair_toml() -> str:
    """The personal wheelchair budget example."""
    return _documented_example("A personal wheelchair budget", "Employing personal assistants")


def employing_toml() -> str:
    """The example of the PA cost calculator's answers."""
    return _documented_example("Employing personal assistants", "A complete example")


def agreements_toml() -> str:
    """The example of an agreed version."""
    return _documented_example("Agreed versions", "Saying a rule does not apply")


def not_applicable_toml() -> str:
    """The example of saying a rule does not apply."""
    return _documented_example("Saying a rule does not apply", "A personal wheelchair budget")


@pytest.fixture
def example_plan() -> Plan:
    return plan_from_toml(example_toml(), ROOT / "docs" / "plan-format.md")


def phb_script() -> Path:
    """The installed `phb` console script that sits beside this Python."""
    script = Path(sys.executable).parent / ("phb.exe" if sys.platform == "win32" else "phb")
    assert script.exists(), f"{script} is missing: install the package first (pip install -e '.[test]')"
    return script


def phb(capsys: pytest.CaptureFixture[str], *args: str) -> subprocess.CompletedProcess[str]:
    """The `phb` command run in this process, its output caught: for tests of what a command
    does, where starting a new process would only add its start-up. Tests of start-up itself, of
    signals, of exit codes from a real process or of what is imported use `run_phb`."""
    status = main(list(args))
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(["phb", *args], status, out, err)


def phb_help(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """What `phb ... --help` prints, asked of the CLI in this process: starting a new `phb` for
    each command cost more than the help itself. The tests of start-up use `run_phb`."""
    with pytest.raises(SystemExit) as stopped:
        main([*args, "--help"])
    assert stopped.value.code in (0, None), args
    out, err = capsys.readouterr()
    assert err == "", err
    return out


def run_phb(*args: str, data_dir: Path, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `phb` command in a separate process, as a person would."""
    return subprocess.run(
        [str(phb_script()), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(extra_env or {})},
    )
