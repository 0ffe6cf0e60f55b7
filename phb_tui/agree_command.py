"""`phb agree` and `phb changes`: keep the version the NHS team agreed, and say what changed since.

`phb agree PLAN --by "NAME, ROLE" [--on DATE]` freezes this revision of the plan beside it and
records who agreed it and when. `phb changes PLAN` lists every difference from the agreed version,
each marked as one the person may make alone or one that needs the NHS team's agreement: exit
status 0 when none needs agreement, 1 when one does, 2 on error.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from plan_store.errors import PlanError, visible

from .completion import plan_argument

if TYPE_CHECKING:
    from plan_store import Agreement, OpenPlan, Plan, PlanStore

EXIT_OK = 0
EXIT_NEEDS_AGREEMENT = 1


def agree_arguments(agree: argparse.ArgumentParser) -> None:
    plan_argument(agree, "the plan the NHS team agreed: its title, its file name or a path")
    agree.add_argument(
        "--by", required=True, metavar='"NAME, ROLE"', help='who agreed it, like "Priya Shah, CHC nurse assessor"'
    )
    agree.add_argument("--on", metavar="DATE", help="the day it was agreed, like 24/11/2026 (default: today)")
    agree.add_argument(
        "--despite-gaps", action="store_true", help="record it even though a reviewer would still ask about gaps"
    )


def changes_arguments(changes: argparse.ArgumentParser) -> None:
    plan_argument(changes, "the plan to compare with its agreed version: its title, its file name or a path")
    changes.add_argument(
        "--since",
        default="agreed",
        metavar="agreed|REVISION",
        help="compare with the latest agreed version (the default) or the agreed copy of one revision",
    )
    changes.add_argument("--json", action="store_true", help="for scripts: the changes as JSON (money as text)")
    changes.add_argument(
        "--reason",
        nargs=2,
        metavar=("N", '"WHY"'),
        help='keep your reason for change N (as numbered in the list), for the request to the NHS team; "" removes it',
    )


def agree(store: PlanStore, arguments: argparse.Namespace) -> int:
    from plan_store.agreed import agree as record
    from plan_store.agreed import agreed_on_text, split_by
    from plan_store.dates import DATE_RULE

    from .planning.checks import find_gaps

    opened = store.open(store.resolve(arguments.plan))
    name, role = split_by(arguments.by)
    if arguments.on is not None and not arguments.on.strip():
        raise PlanError(f'The date agreed, "{arguments.on}", is not {DATE_RULE}.')
    on = agreed_on_text(opened.plan, arguments.on or "")
    gaps = find_gaps(opened.plan)
    if gaps and not arguments.despite_gaps:
        things = "1 thing" if len(gaps) == 1 else f"{len(gaps)} things"
        print(f'"{visible(opened.plan.title)}" still has {things} a reviewer would ask about:', file=sys.stderr)
        for gap in gaps:
            print(f"  - {gap}", file=sys.stderr)
        raise PlanError("Nothing was recorded. To record the agreement anyway, add --despite-gaps.")
    agreement = record(store, opened, name, role, on)
    from .summary.changes import agreed_words

    print(f'Recorded "{visible(opened.plan.title)}": {visible(agreed_words(agreement))}.')
    print("A copy of the plan as agreed is kept beside it. Later changes are listed by: phb changes PLAN")
    return EXIT_OK


def changes(store: PlanStore, arguments: argparse.Namespace) -> int:
    from plan_store.agreed import baseline

    from .planning.changes import find_changes, needing_agreement
    from .summary.changes import changes_json, changes_text

    opened = store.open(store.resolve(arguments.plan))
    since = arguments.since.strip().casefold()
    if since != "agreed" and not since.isdigit():
        raise PlanError(f'--since takes "agreed" or a revision number, like --since 4 (you gave "{arguments.since}").')
    found = baseline(opened.path, opened.plan, None if since == "agreed" else int(since))
    if found is None:
        raise PlanError(f'"{opened.plan.title}" has not been agreed yet, so there is nothing to compare it with.')
    if arguments.reason is not None:
        return _give_reason(store, opened, found.agreement.revision, found.plan, arguments.reason)
    render = changes_json if arguments.json else changes_text
    print(render(opened.plan, found.agreement, found.plan), end="")
    asking = needing_agreement(find_changes(found.plan, opened.plan))
    return EXIT_NEEDS_AGREEMENT if asking else EXIT_OK


def _give_reason(store: PlanStore, opened: OpenPlan, since: int, agreed: Plan, given: list[str]) -> int:
    """Keep the person's reason for one change, saved as safely as any edit."""
    from .planning.change_reasons import set_reason
    from .planning.changes import find_changes

    number, reason = given
    if not number.strip().isdigit():
        raise PlanError(f'--reason takes the change\'s number first, like --reason 1 "WHY" (you gave "{number}").')
    change = set_reason(opened.plan, since, find_changes(agreed, opened.plan), int(number), reason)
    store.save(opened)
    kept = "Removed your reason for" if not reason.strip() else "Kept your reason for"
    print(f"{kept} change {int(number)}: {visible(change.text)}")
    return EXIT_OK


def agreed_for_summary(opened: OpenPlan) -> tuple[Agreement, Plan] | None:
    """The latest agreed version for the summary; a damaged copy is named on stderr and left out."""
    from plan_store.agreed import baseline

    try:
        found = baseline(opened.path, opened.plan)
    except PlanError as error:
        print(
            f"phb: warning: the changes since the agreed version are left out. {visible(str(error))}", file=sys.stderr
        )
        return None
    return (found.agreement, found.plan) if found else None


def variation_arguments(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "--variation",
        action="store_true",
        help="a one-page request to the NHS team to agree the changes since the plan was agreed, with places to sign",
    )


def variation_export(opened: OpenPlan, fmt: str, easy_read: bool) -> bytes:
    """The variation request in `fmt` (txt, md, html, docx or pdf), as the bytes of the file."""
    from plan_store import clock
    from plan_store.agreed import baseline

    from .summary.exporting import byte_renderer, is_binary, render_document
    from .summary.variation import variation_request

    if fmt == "toml" or easy_read:
        raise PlanError(
            "A variation request is a document: use --format txt, md or html (or docx or pdf), without --easy-read."
        )
    if is_binary(fmt):
        byte_renderer(fmt)  # A missing library is said before anything is read.
    found = baseline(opened.path, opened.plan)
    if found is None:
        raise PlanError(f'"{opened.plan.title}" has not been agreed yet, so there are no changes to ask for.')
    return render_document(variation_request(opened.plan, found.agreement, found.plan, clock.today()), fmt)
