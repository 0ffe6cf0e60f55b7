"""The `phb` command. Thin on purpose: it parses arguments, calls the store and the summary, and
turns every known failure into a plain message on stderr with exit status 2.

The Textual app is imported only by the commands that open it, so `phb list` and `phb show` start
quickly and work where no full-screen terminal is available.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from plan_store.clock import TODAY_VARIABLE
from plan_store.errors import PlanError, visible

from . import __version__
from .agree_command import (
    agree,
    agree_arguments,
    agreed_for_summary,
    changes,
    changes_arguments,
    variation_arguments,
    variation_export,
)
from .completion import asked, complete, plan_argument
from .exit_status import EXIT_ERROR, EXIT_GAPS, EXIT_OK
from .layouts_command import LAYOUT_HELP, layouts, layouts_arguments
from .open_command import open_app, open_picker, run_app, serve, serve_arguments
from .pa_command import pa_costs, pa_costs_arguments
from .review_command import plan_reviews, review_pack_arguments, review_pack_export
from .spending_command import show_spending, spending_arguments
from .summary.exporting import (
    FORMAT_NAMES,
    FORMATS,
    byte_renderer,
    export_bytes,
    export_file_name,
    is_binary,
    missing_pictures_note,
)
from .where_command import where, where_arguments

if TYPE_CHECKING:
    from plan_store import OpenPlan, PlanStore

    from .summary.layout import Layout

# Each command imports what only it needs, so that `phb open` starts without loading the summary
# and its renderers, and the other commands without Textual.


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for the `phb` console script; returns the exit status."""
    _tolerant_output()
    parser = build_parser()
    if asked():  # The shell wants to know what could come next: say, and stop.
        complete(parser)
    arguments = parser.parse_args(argv)
    if problem := _theme_problem(getattr(arguments, "theme", None)):
        print(f"phb: {problem}", file=sys.stderr)
        return EXIT_ERROR
    from plan_store.store import PlanStore  # Not needed to print the version or the help.

    store = PlanStore(getattr(arguments, "data_dir", None))
    if arguments.handler not in (open_app, open_picker):  # The app shows them on its own screen.
        for warning in store.folder_warnings():
            print(f"phb: warning: {visible(warning)}", file=sys.stderr)
    try:
        return int(arguments.handler(store, arguments))
    except PlanError as error:
        print(f"phb: {visible(str(error))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("phb: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # Output piped into something that stopped reading, like `head`.
        return EXIT_OK
    except Exception as error:  # A fault in PHB Planner itself: say so plainly, without a traceback.
        if os.environ.get("PHB_DEBUG"):
            raise
        print(
            f"phb: something went wrong inside PHB Planner ({type(error).__name__}). This is a fault in "
            "the program, not something you did. Saved plans are only ever replaced whole, so they "
            "are safe. Run the command again with PHB_DEBUG=1 set to see the details.",
            file=sys.stderr,
        )
        return EXIT_ERROR


def _theme_problem(theme: str | None) -> str | None:
    from .settings import THEMES, unknown_theme

    return unknown_theme(theme) if theme is not None and theme not in THEMES else None


def _tolerant_output() -> None:
    """A terminal that cannot show "£" should get "?" rather than a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(errors="replace")


def build_parser() -> argparse.ArgumentParser:
    """Every command and option; built without importing the plan models or Textual."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="FOLDER",
        help="where plans are kept (default: $PHB_DATA_DIR, or your system's folder for app data)",
    )
    parser = argparse.ArgumentParser(
        prog="phb",
        parents=[common],
        description="Plan an NHS personal health budget. With no command, opens the app at your list of plans.",
        epilog='A PLAN is named by its title (in quotes if it has spaces), its file name from "phb list", or a path to a .toml file.',
    )
    parser.add_argument("--version", action="version", version=f"PHB Planner {__version__}")
    parser.add_argument(
        "--theme", default=argparse.SUPPRESS, help="colours for this run, like high-contrast or textual-light"
    )
    # No default for data_dir here: argparse shares the option between the main parser and each
    # command (through `parents`), so a default set here would wipe a --data-dir given first.
    parser.set_defaults(handler=open_picker)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(
        name: str, handler: Callable[[PlanStore, argparse.Namespace], int], summary: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[common], help=summary, description=summary)
        sub.set_defaults(handler=handler)
        return sub

    new = command("new", _new, "Start a new plan.")
    new.add_argument("title", help='a short name for the plan, like "Amira\'s plan 2026"')
    new.add_argument("--open", action="store_true", help="open it in the app straight away")

    lister = command("list", _list, "List your plans: title, person, stage, budget, planned total, last saved.")
    lister.add_argument(
        "--json",
        action="store_true",
        help='for scripts: every plan with its budget, gaps and next review, as JSON (money as text like "1234.50")',
    )

    opener = command("open", open_app, "Open a plan in the app.")
    plan_argument(opener, "the plan to open: its title, its file name or a path")
    opener.add_argument(
        "--theme", default=argparse.SUPPRESS, help="colours for this run, like high-contrast or textual-light"
    )

    show = command("show", _show, "Print the plan's summary as plain text, readable by screen readers.")
    plan_argument(show, "the plan to print: its title, its file name or a path")
    show.add_argument("--hide-private", action="store_true", help="leave out notes marked private")
    show.add_argument(
        "--width", type=int, default=78, help="wrap lines at this width (default 78; --plain never wraps)"
    )
    looks = show.add_mutually_exclusive_group()
    looks.add_argument(
        "--plain",
        "--screen-reader",
        action="store_true",
        help="for screen readers and braille displays: lines not wrapped, no rows of symbols, ticks said in words",
    )
    looks.add_argument("--rich", action="store_true", help="draw tables and boxes")

    export = command("export", _export, "Write the summary (or the plan file) to share with someone.")
    plan_argument(export, "the plan to share: its title, its file name or a path")
    export.add_argument(
        "--format",
        choices=FORMATS,
        default="txt",
        help="txt (default), md, html, toml, or docx (Word) or pdf with the documents extra (needs -o FILE)",
    )
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help='write to FILE (or into a FOLDER, named after the plan); "-" or nothing writes to the screen',
    )
    export.add_argument(
        "--include-private", action="store_true", help="include notes marked private (left out by default)"
    )
    export.add_argument("--force", action="store_true", help="replace FILE if it already exists")
    export.add_argument(
        "--easy-read",
        action="store_true",
        help="a short summary in easy read, for the person and their family: short sentences, larger type in html",
    )
    export.add_argument("--layout", metavar="NAME|FILE", help=LAYOUT_HELP)
    variation_arguments(export)
    review_pack_arguments(export)

    check = command(
        "check", _check, "List what a reviewer would send back. Exit status 0 when ready, 1 with gaps, 2 on error."
    )
    plan_argument(check, "the plan to check (or use --all)", optional=True)
    check.add_argument(
        "--all",
        action="store_true",
        help="check every plan, one line each; exit status 1 if any has gaps, 2 if any cannot be opened",
    )
    check.add_argument("--json", action="store_true", help="for scripts: the result as JSON")

    reviews = command("reviews", _reviews, "Every plan's next review date, soonest first, saying which are overdue.")
    reviews.epilog = (
        f"Set {TODAY_VARIABLE}=YYYY-MM-DD to see the reviews as they will stand on another day. "
        "Exit status 2 if a plan cannot be opened."
    )
    plan_argument(
        reviews, "one plan, to list how each of its outcomes has gone at each review (leave out for every plan)", True
    )
    reviews.add_argument(
        "--json", action="store_true", help="for scripts: every plan's next review (or one plan's reviews), as JSON"
    )

    importer = command("import", _import, "Copy a plan file from elsewhere into your plans, after checking it.")
    importer.add_argument(
        "file", type=Path, metavar="FILE", help="the plan file to copy in, like ~/Downloads/plan.toml"
    )

    editor = command(
        "edit",
        _edit,
        "Change a plan as text in your own editor ($VISUAL or $EDITOR); it is checked before it is kept.",
    )
    plan_argument(editor, "the plan to change: its title, its file name or a path")

    agree_arguments(command("agree", agree, "Record that the NHS team agreed the plan as it is now, keeping a copy."))
    changes_arguments(
        command(
            "changes",
            changes,
            "What changed since the plan was agreed. Exit status 0 if nothing needs agreement, 1 if something does.",
        )
    )
    pa_costs_arguments(command("pa-costs", pa_costs, "The whole yearly cost of employing personal assistants."))
    serve_arguments(command("serve", serve, "Use PHB Planner in your web browser, on this computer only."))
    layouts_arguments(command("layouts", layouts, "The layouts for exports: your ICB's order and headings."))
    where_arguments(command("where", where, "Where PHB Planner keeps your plans and settings, one place on each line."))
    spending_arguments(
        command("spending", show_spending, "Money in and out of the budget, set against the plan."), [common]
    )
    return parser


def _open_plan(store: PlanStore, name: str) -> OpenPlan:
    return store.open(store.resolve(name))


def _new(store: PlanStore, arguments: argparse.Namespace) -> int:
    from plan_store import new_plan
    from plan_store.fields import check_title

    try:
        check_title(arguments.title)
    except ValueError as error:
        raise PlanError(f"The title {error}.") from None
    plan = new_plan(arguments.title)
    opened = store.add(plan)
    print(f'Started "{plan.title}". Saved as {opened.path}')
    print(f"Open it with: phb open {opened.slug}")
    if arguments.open:
        return run_app(store, opened, getattr(arguments, "theme", None))
    return EXIT_OK


def _list(store: PlanStore, arguments: argparse.Namespace) -> int:
    from .plan_list.listing import plan_rows, plan_table
    from .summary.render.text import render_table

    if arguments.json:
        from .plan_list.all_plans import every_plan, list_json

        print(list_json(store, every_plan(store)), end="")
        return EXIT_OK
    rows = plan_rows(store)
    if not rows:
        print(f"No plans yet in {store.plans_dir}.")
        print('Start one with: phb new "My plan"')
        return EXIT_OK
    print(render_table(plan_table(rows), width=_terminal_width()), end="")
    print(f'\nOpen one with: phb open "TITLE"    Plans are kept in {store.plans_dir}')
    broken = [row for row in rows if row.problem]
    if broken:
        files = "1 file" if len(broken) == 1 else f"{len(broken)} files"
        print(f'{files} could not be opened; "phb check FILE" says why.')
    return EXIT_OK


def _terminal_width() -> int:
    # Not a terminal (a file or a pipe): long lines do no harm there, so use a generous width.
    return shutil.get_terminal_size((160, 24)).columns


def _show(store: PlanStore, arguments: argparse.Namespace) -> int:
    from .summary.build import build_summary
    from .summary.privacy import without_private
    from .summary.render.text import render_plain, render_text

    opened = _open_plan(store, arguments.plan)
    plan = opened.plan
    include_private = not arguments.hide_private
    shown = plan if include_private else without_private(plan)
    document = build_summary(shown, include_private, personal=True, agreed=agreed_for_summary(opened))
    width = max(arguments.width, 40)
    if arguments.plain:
        print(render_plain(document), end="")
    elif arguments.rich:
        from rich.console import Console  # Only this option needs Rich's console.

        from .summary.render.terminal import render_rich

        Console(width=width).print(render_rich(document))
    else:
        print(render_text(document, width=width), end="")
    return EXIT_OK


def _export(store: PlanStore, arguments: argparse.Namespace) -> int:
    fmt = arguments.format
    if arguments.easy_read and fmt == "toml":
        raise PlanError(
            "An easy-read summary is a document: use --format txt, md or html (or docx or pdf) with --easy-read."
        )
    to_screen = arguments.output is None or str(arguments.output) == "-"  # "-" is the screen, as for most commands.
    if is_binary(fmt):
        byte_renderer(fmt)  # A missing library is said before anything is read or written.
        if arguments.output is None or (to_screen and sys.stdout.isatty()):
            raise PlanError(
                f"{FORMAT_NAMES[fmt]} cannot be shown on the screen: add -o FILE (or -o FOLDER) to say where to "
                "write one."
            )
    opened = _open_plan(store, arguments.plan)
    plan = opened.plan
    include_private = arguments.include_private
    if arguments.variation and arguments.review_pack:
        raise PlanError("Choose one: --variation or --review-pack.")
    layout = _layout(arguments)
    if arguments.variation:
        data = variation_export(opened, fmt, arguments.easy_read)
    elif arguments.review_pack:
        data = review_pack_export(opened, fmt, arguments.easy_read)
    else:
        agreed = None if arguments.easy_read or fmt == "toml" else agreed_for_summary(opened)
        data = export_bytes(plan, fmt, include_private, easy_read=arguments.easy_read, agreed=agreed, layout=layout)
        if note := missing_pictures_note(fmt, arguments.easy_read):
            print(note, file=sys.stderr)
    if to_screen:
        if is_binary(fmt):  # Into a pipe: `phb export PLAN --format pdf -o - | lpr`.
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            print(data.decode("utf-8"), end="")
        return EXIT_OK
    if arguments.output.is_dir():
        name = export_file_name(plan, fmt)
        kind = "-review-pack" if arguments.review_pack else "-variation" if arguments.variation else ""
        easy = "-easy-read" if arguments.easy_read else ""
        arguments.output = arguments.output / (
            name.replace("-summary.", f"{easy}{kind}." if easy or kind else "-summary.")
        )
    store.export(arguments.output, data, force=arguments.force)
    left_out = "" if include_private else " Notes marked private were left out."
    print(f"Wrote {arguments.output}.{left_out}", file=sys.stderr)
    return EXIT_OK


def _layout(arguments: argparse.Namespace) -> Layout | None:
    """The layout asked for, checked before anything is written; only the summary has one."""
    if arguments.layout is None:
        return None
    for wanted, option in ((arguments.easy_read, "--easy-read"), (arguments.variation, "--variation")):
        if wanted:
            raise PlanError(f"A layout arranges the summary; it cannot be used with {option}.")
    if arguments.format == "toml":
        raise PlanError("A layout arranges the summary; the plan file (--format toml) has none.")
    from .summary.layout_files import find_layout

    return find_layout(arguments.layout)[1]


def _check(store: PlanStore, arguments: argparse.Namespace) -> int:
    from plan_store.clock import today

    from .planning.analysis import analyse
    from .planning.checks import ALL_CLEAR, set_aside_lines

    if arguments.all:
        if arguments.plan is not None:
            raise PlanError(f'Give a plan to check, or --all for every plan, not both (you gave "{arguments.plan}").')
        return _check_all(store, arguments.json)
    if arguments.plan is None:
        raise PlanError(
            'Say which plan to check, like: phb check "Mum\'s plan 2026", or check them all: phb check --all'
        )
    opened = _open_plan(store, arguments.plan)
    plan = opened.plan
    if arguments.json:
        from .plan_list.all_plans import PlanState, check_one_json

        state = PlanState(opened.path, plan)
        print(check_one_json(state), end="")
        return EXIT_GAPS if state.gaps else EXIT_OK
    analysis = analyse(plan, today())  # Once for the command: every line below reads it.
    gaps = analysis.gaps
    if not gaps:
        print(f'"{plan.title}" is ready for review. {ALL_CLEAR}')
    else:
        things = "1 thing" if len(gaps) == 1 else f"{len(gaps)} things"
        print(f'"{plan.title}" has {things} a reviewer would ask about:')
        for criterion, found in analysis.gaps_by_criterion.items():
            print(f"\n{criterion.question}")
            for gap in found:
                print(f"  - {gap}")
    if lines := set_aside_lines(plan, list(analysis.set_aside)):
        print("\n" + "\n".join(lines))
    return EXIT_GAPS if gaps else EXIT_OK


def _check_all(store: PlanStore, as_json: bool) -> int:
    from .plan_list.all_plans import check_all_json, check_line, check_totals, every_plan

    states = every_plan(store)
    if as_json:
        print(check_all_json(store, states), end="")
    elif not states:
        print(f"No plans yet in {store.plans_dir}.")
    else:
        for state in states:
            print(check_line(state))
        print(f"\n{check_totals(states)} For the details of one: phb check FILE")
    if any(state.plan is None for state in states):
        return EXIT_ERROR
    return EXIT_GAPS if any(state.gaps for state in states) else EXIT_OK


def _reviews(store: PlanStore, arguments: argparse.Namespace) -> int:
    from plan_store.clock import today

    from .plan_list.all_plans import every_plan, review_lines, review_totals, reviews_json
    from .summary.wording import long_date

    if arguments.plan is not None:
        return plan_reviews(_open_plan(store, arguments.plan), arguments.json)
    on = today()
    states = every_plan(store)
    if arguments.json:
        print(reviews_json(store, states, on), end="")
    elif not states:
        print(f"No plans yet in {store.plans_dir}.")
    else:
        print(f"Reviews as of {long_date(on)}, soonest first:\n")
        for line in review_lines(states, on):
            print(line)
        print(f"\n{review_totals(states, on)}")
    return EXIT_ERROR if any(state.plan is None for state in states) else EXIT_OK


def _import(store: PlanStore, arguments: argparse.Namespace) -> int:
    from .plan_list.listing import plan_rows

    opened = store.import_file(arguments.file)
    title = opened.plan.title
    print(f'Imported "{visible(title)}" as {opened.path}')
    wanted = title.strip().casefold()
    same = [
        row.file
        for row in plan_rows(store)
        if not row.problem and row.file != opened.path.name and row.title.strip().casefold() == wanted
    ]
    if same:
        already = f'A plan called "{visible(title)}" was' if len(same) == 1 else f'Plans called "{visible(title)}" were'
        print(
            f"{already} already in your plans ({', '.join(visible(name) for name in same)}); "
            f"this one is saved as {opened.path.name}."
        )
    print(f"Open it with: phb open {opened.slug}")
    return EXIT_OK


def _edit(store: PlanStore, arguments: argparse.Namespace) -> int:
    from .editing import edit_plan

    return edit_plan(store, _open_plan(store, arguments.plan))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
