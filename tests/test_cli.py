"""The `phb` command, as a person or a broker uses it: output, files written, and exit status."""

from __future__ import annotations

import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from phb_tui import __version__
from phb_tui.cli import main
from plan_store import Plan, PlanStore

from .conftest import example_toml, phb_help, run_phb


def phb(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def daniel(store: PlanStore, example_plan: Plan) -> Plan:
    store.add(example_plan)
    return example_plan


# --- the real entry point ------------------------------------------------------------------------


def test_version_through_the_installed_command(isolated_folders: Path) -> None:
    result = run_phb("--version", data_dir=isolated_folders)
    assert result.returncode == 0
    assert result.stdout.strip() == f"PHB Planner {__version__}"


def test_version_and_help_start_without_loading_the_plan_models(isolated_folders: Path) -> None:
    """Python lists every module it loads when asked; the models and pydantic are not among them."""
    for asked in ("--version", "--help"):
        result = run_phb(asked, data_dir=isolated_folders, extra_env={"PYTHONPROFILEIMPORTTIME": "1"})
        assert result.returncode == 0 and "phb_tui.cli" in result.stderr  # The list was made.
        assert "plan_store.models" not in result.stderr and "pydantic" not in result.stderr


@pytest.mark.parametrize(
    "command", ["", "new", "list", "open", "show", "export", "check", "reviews", "import", "where", "layouts"]
)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert "usage: phb" in phb_help(capsys, *([command] if command else []))


def test_errors_through_the_installed_command_are_plain_and_exit_2(isolated_folders: Path) -> None:
    plans = isolated_folders / "plans"
    plans.mkdir(parents=True)
    (plans / "broken.toml").write_text('title = "Broken"\nbudget = [\n', encoding="utf-8")
    for args in (["show", "nobody"], ["check", "broken.toml"], ["import", "/no/such/file.toml"], ["new", ""]):
        result = run_phb(*args, data_dir=isolated_folders)
        assert result.returncode == 2, args
        assert result.stderr.startswith("phb: "), args
        assert "Traceback" not in result.stderr, args
        assert result.stdout == "", args


def test_an_internal_fault_is_explained_without_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, daniel: Plan
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("phb_tui.planning.checks.find_gaps", broken)
    status, _out, err = phb(capsys, "check", "daniels-plan-2026")
    assert status == 2
    assert "fault in the program" in err and "PHB_DEBUG=1" in err and "Traceback" not in err
    monkeypatch.setenv("PHB_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        main(["check", "daniels-plan-2026"])


def test_the_app_needs_a_terminal_and_says_so(isolated_folders: Path) -> None:
    result = run_phb("new", "Terminal test", data_dir=isolated_folders)
    assert result.returncode == 0
    result = run_phb("open", "Terminal test", data_dir=isolated_folders)
    assert result.returncode == 2
    assert "phb show PLAN" in result.stderr


# --- new, list, import ---------------------------------------------------------------------------


def test_new_saves_a_plan_and_says_where(capsys: pytest.CaptureFixture[str], store: PlanStore) -> None:
    status, out, _ = phb(capsys, "new", "Mum's plan 2026")
    assert status == 0
    path = store.plans_dir / "mums-plan-2026.toml"
    assert str(path) in out and "phb open mums-plan-2026" in out
    assert tomllib.loads(path.read_text(encoding="utf-8"))["title"] == "Mum's plan 2026"


def test_new_with_an_unusable_title_saves_nothing(capsys: pytest.CaptureFixture[str], store: PlanStore) -> None:
    status, _out, err = phb(capsys, "new", "x" * 200)
    assert status == 2
    assert "title is 200 characters long" in err
    assert not store.plans_dir.exists()


@pytest.mark.parametrize("first", [True, False])
def test_the_data_folder_can_be_given_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: bool
) -> None:
    monkeypatch.delenv("PHB_DATA_DIR")  # So only --data-dir can point at the folder.
    elsewhere = tmp_path / "broker-clients"
    option = ["--data-dir", str(elsewhere)]
    assert phb(capsys, *(option if first else []), "new", "Client A", *([] if first else option))[0] == 0
    assert (elsewhere / "plans" / "client-a.toml").is_file()
    status, out, _ = phb(capsys, *(option if first else []), "list", *([] if first else option))
    assert status == 0 and "Client A" in out


def test_list_with_no_plans_says_how_to_start(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = phb(capsys, "list")
    assert status == 0
    assert "No plans yet" in out and 'phb new "My plan"' in out


def test_list_shows_what_a_broker_needs(capsys: pytest.CaptureFixture[str], store: PlanStore, daniel: Plan) -> None:
    store.create("Empty plan")
    (store.plans_dir / "damaged.toml").write_text("title = ", encoding="utf-8")
    status, out, _ = phb(capsys, "list")
    assert status == 0
    header = out.splitlines()[0].split()
    assert header == ["Title", "Person", "Stage", "Budget", "Planned", "Last", "saved"]
    row = next(line for line in out.splitlines() if line.startswith("Daniel's plan 2026"))
    for expected in ("Dan", "6 Plan written", "£52,000.00/yr", "£50,160.49/yr", "2 Nov 2026"):
        assert expected in row
    assert "damaged.toml: ✗ cannot be opened" in out
    assert "1 file could not be opened" in out


def test_import_checks_the_file_and_keeps_it_separate(
    capsys: pytest.CaptureFixture[str], store: PlanStore, tmp_path: Path
) -> None:
    source = tmp_path / "from-broker.toml"
    source.write_text(example_toml(), encoding="utf-8")
    status, _out, _ = phb(capsys, "import", str(source))
    assert status == 0
    assert (store.plans_dir / "daniels-plan-2026.toml").is_file()
    assert phb(capsys, "import", str(source))[0] == 0
    assert (store.plans_dir / "daniels-plan-2026-2.toml").is_file()


def test_import_of_a_bad_file_names_the_problem_and_copies_nothing(
    capsys: pytest.CaptureFixture[str], store: PlanStore, tmp_path: Path
) -> None:
    source = tmp_path / "typo.toml"
    source.write_text(example_toml().replace('budget_period = "year"', 'budget_period = "yearly"'), encoding="utf-8")
    before = source.read_bytes()
    status, _, err = phb(capsys, "import", str(source))
    assert status == 2
    assert "finance.budget_period: must be one of" in err
    assert source.read_bytes() == before
    assert not store.plans_dir.exists() or not list(store.plans_dir.iterdir())


# --- show, export, check -------------------------------------------------------------------------


def test_show_prints_the_whole_summary_including_private_notes(
    capsys: pytest.CaptureFixture[str], daniel: Plan
) -> None:
    status, out, _ = phb(capsys, "show", "Daniel's plan 2026")
    assert status == 0
    for heading in (
        "Who the plan is for",
        "Outcomes, and what serves each one",
        "Financial plan",
        "Risks and contingency plan",
        "Reviews",
        "Agreement and sign-off",
        "Getting informed",
    ):
        assert heading in out
    assert "Who do I call if payroll goes wrong? (private)" in out
    status, out, _ = phb(capsys, "show", "daniels-plan-2026", "--hide-private")
    assert "payroll goes wrong" not in out


def test_show_wraps_for_narrow_screens(capsys: pytest.CaptureFixture[str], daniel: Plan) -> None:
    _, out, _ = phb(capsys, "show", "daniels-plan-2026", "--width", "50")
    assert max(len(line) for line in out.splitlines()) <= 50


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "toml"])
def test_export_leaves_private_notes_out_by_default(capsys: pytest.CaptureFixture[str], daniel: Plan, fmt: str) -> None:
    status, out, _ = phb(capsys, "export", "daniels-plan-2026", "--format", fmt)
    assert status == 0
    assert "payroll goes wrong" not in out
    assert "Mum covers the other nights" not in out
    assert "both PAs are ill" not in out  # A worry, private unless said otherwise.
    assert "first review" in out  # A worry the person chose to share.
    status, out, _ = phb(capsys, "export", "daniels-plan-2026", "--format", fmt, "--include-private")
    assert "payroll goes wrong" in out
    if fmt != "toml":
        assert "includes notes marked private" in out


def test_exported_toml_is_a_plan_that_imports(capsys: pytest.CaptureFixture[str], daniel: Plan, tmp_path: Path) -> None:
    target = tmp_path / "share.toml"
    assert phb(capsys, "export", "daniels-plan-2026", "--format", "toml", "-o", str(target))[0] == 0
    assert phb(capsys, "import", str(target))[0] == 0


def test_export_html_is_one_self_contained_page(capsys: pytest.CaptureFixture[str], daniel: Plan) -> None:
    _, out, _ = phb(capsys, "export", "daniels-plan-2026", "--format", "html")

    class Collector(HTMLParser):
        references: list[str] = []
        tags: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append(tag)
            self.references += [value or "" for name, value in attrs if name in ("src", "href")]

    collector = Collector()
    collector.feed(out)
    assert collector.references == []
    assert "script" not in collector.tags and "link" not in collector.tags
    assert "<h1>Daniel&#x27;s plan 2026</h1>" in out


def test_export_to_a_file_never_overwrites_without_force(
    capsys: pytest.CaptureFixture[str], daniel: Plan, tmp_path: Path
) -> None:
    target = tmp_path / "summary.md"
    status, _, err = phb(capsys, "export", "daniels-plan-2026", "--format", "md", "-o", str(target))
    assert status == 0 and "Notes marked private were left out" in err
    first = target.read_text(encoding="utf-8")
    assert first.startswith("# Daniel's plan 2026")
    target.write_text("my own notes", encoding="utf-8")
    status, _, err = phb(capsys, "export", "daniels-plan-2026", "--format", "md", "-o", str(target))
    assert status == 2 and "--force" in err
    assert target.read_text(encoding="utf-8") == "my own notes"
    assert phb(capsys, "export", "daniels-plan-2026", "--format", "md", "-o", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8") == first


def test_check_lists_gaps_with_the_step_that_fixes_each(capsys: pytest.CaptureFixture[str]) -> None:
    phb(capsys, "new", "Just started")
    status, out, _ = phb(capsys, "check", "Just started")
    assert status == 1
    assert "No health and wellbeing outcomes yet" in out and "(step 2: Outcomes)" in out
    assert "No budget amount" in out and "(step 5: Financial plan)" in out


def test_check_passes_a_ready_plan(capsys: pytest.CaptureFixture[str], daniel: Plan) -> None:
    status, out, _ = phb(capsys, "check", "daniels-plan-2026")
    assert status == 0
    assert "ready for review" in out


def test_check_reports_spending_over_budget(
    capsys: pytest.CaptureFixture[str], store: PlanStore, tmp_path: Path
) -> None:
    source = tmp_path / "over.toml"
    source.write_text(
        example_toml().replace('budget_amount = "52000.00"', 'budget_amount = "40000.00"'), encoding="utf-8"
    )
    status, out, _ = phb(capsys, "check", str(source))
    assert status == 1
    assert "£10,997.99 a year over the budget" in out


def test_check_of_a_broken_file_is_an_error_not_a_gap(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "broken.toml"
    source.write_text('title = "x"\ntitle = "y"\n', encoding="utf-8")
    status, _, err = phb(capsys, "check", str(source))
    assert status == 2
    assert "line 2" in err and "the same key is written twice" in err


def test_export_into_a_folder_makes_a_safe_file_name(
    capsys: pytest.CaptureFixture[str], store: PlanStore, tmp_path: Path
) -> None:
    phb(capsys, "new", '../../Zoë "Jo" O\'Neil / 2026')
    (slug,) = [p.stem for p in store.plans_dir.glob("*.toml")]
    folder = tmp_path / "to-share"
    folder.mkdir()
    assert phb(capsys, "export", slug, "--format", "html", "-o", str(folder))[0] == 0
    assert [p.name for p in folder.iterdir()] == ["zoe-jo-oneil-2026-summary.html"]
    assert phb(capsys, "export", slug, "--format", "toml", "-o", str(folder))[0] == 0
    assert sorted(p.name for p in folder.iterdir()) == ["zoe-jo-oneil-2026-summary.html", "zoe-jo-oneil-2026.toml"]


def test_show_can_draw_the_rich_view(capsys: pytest.CaptureFixture[str], daniel: Plan) -> None:
    status, out, _ = phb(capsys, "show", "daniels-plan-2026", "--rich", "--width", "100")
    assert status == 0
    assert "Financial plan" in out and "£50,160.49" in out
    assert "─" in out  # Drawn with lines, unlike the plain view.
    assert "─" not in phb(capsys, "show", "daniels-plan-2026")[1]


def test_the_rich_view_shows_brackets_and_colons_in_a_plan_as_written(
    capsys: pytest.CaptureFixture[str], store: PlanStore, example_plan: Plan
) -> None:
    example_plan.finance.line_items[0].provider = "Ann [b]&[/b] Co [/] :pill:"  # Shown in a table.
    store.add(example_plan)
    status, out, err = phb(capsys, "show", "daniels-plan-2026", "--rich", "--width", "200")
    assert (status, err) == (0, "")
    assert "Ann [b]&[/b] Co [/] :pill:" in out
