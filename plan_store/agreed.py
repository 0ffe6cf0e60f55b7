"""Recording that a revision of a plan was agreed, and reading the agreed copy back, checked.

`agree` freezes the plan file exactly as it stands (its bytes, so nothing is re-written) as the
agreed copy beside it, then records who agreed it, when, and the copy's SHA-256 digest in the
plan's `[[agreements]]`. The copy is written first: a kill between the two steps leaves the plan
as it was with a spare copy that no agreement names, which the next `agree` replaces.
`read_agreed` refuses a copy whose bytes no longer match the digest, naming the file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import clock
from .agreed_files import agreed_path
from .codec import plan_from_toml
from .dates import DATE_RULE, DateError, format_date_text, parse_date_text
from .errors import PlanChangedOnDisk, PlanError, PlanFileError, PlanSaveError
from .locking import plan_locked
from .models import Agreement
from .plan import Plan
from .plan_files import read_plan_bytes
from .safe_files import create_atomically, write_atomically
from .store import OpenPlan, PlanStore


@dataclass(frozen=True)
class AgreedVersion:
    """An agreement and the plan exactly as it was agreed."""

    agreement: Agreement
    plan: Plan
    path: Path


def split_by(text: str) -> tuple[str, str]:
    """ "Dr Priya Shah, CHC nurse assessor" as a name and a role; the role may be left out."""
    name, _, role = text.partition(",")
    if not name.strip():
        raise PlanError('Say who agreed the plan, like: --by "Priya Shah, CHC nurse assessor".')
    return name.strip(), role.strip()


def check_agreed_on(plan: Plan, on: date) -> None:
    """Refuse a date in the future, or before the plan was made."""
    if on > clock.today():
        raise PlanError(
            f"The date agreed, {format_date_text(on)}, is in the future. "
            "Give the day the plan was agreed: today or a day before."
        )
    made = plan.created.date()
    if on < made:
        raise PlanError(
            f"The date agreed, {format_date_text(on)}, is before the plan was made on {format_date_text(made)}. "
            "Check the date and try again."
        )


def agreed_on_text(plan: Plan, text: str) -> date:
    """The day typed (today when blank), checked as `check_agreed_on` checks it."""
    try:
        chosen = parse_date_text(text)
    except DateError:
        raise PlanError(f'The date agreed, "{text.strip()}", is not {DATE_RULE}.') from None
    on = chosen or clock.today()
    check_agreed_on(plan, on)
    return on


def agree(store: PlanStore, opened: OpenPlan, by: str, role: str, on: date) -> Agreement:
    """Freeze this revision as agreed and record it in the plan (which is then saved)."""
    plan = opened.plan
    check_agreed_on(plan, on)
    revision = plan.revision
    if any(agreement.revision == revision for agreement in plan.agreements):
        raise PlanError(f"Revision {revision} of this plan is already recorded as agreed. Nothing was changed.")
    if _unchanged_since_agreed(opened):
        last = plan.agreements[-1]
        raise PlanError(
            f"Nothing has changed since revision {last.revision} was agreed on {format_date_text(last.on)}, "
            "so there is nothing new to record."
        )
    copy = agreed_path(opened.path, revision)
    try:
        with plan_locked(opened.path):
            data = read_plan_bytes(opened.path)
            if _digest(data) != opened.disk_digest:
                raise PlanChangedOnDisk(opened.path)
            try:
                create_atomically(copy, data)
            except FileExistsError:  # Left by an agree that was cut off: nothing names it yet.
                write_atomically(copy, data)
    except OSError as error:
        raise PlanSaveError(copy, error) from None
    agreement = Agreement(revision=revision, by=by, role=role, on=on, digest=_digest(data))
    plan.agreements.append(agreement)
    try:
        store.save(opened)
    except BaseException:
        plan.agreements.pop()
        raise
    return agreement


def read_agreed(plan_path: Path, agreement: Agreement) -> AgreedVersion:
    """The agreed copy, checked against its digest; a PlanFileError names a missing or damaged one."""
    path = agreed_path(plan_path, agreement.revision)
    data = read_plan_bytes(path)
    if _digest(data) != agreement.digest:
        raise PlanFileError(
            path,
            f"this copy of revision {agreement.revision}, as agreed on {format_date_text(agreement.on)}, "
            "has changed or is damaged, so it is not used",
        )
    return AgreedVersion(agreement, plan_from_toml(data.decode("utf-8", errors="replace"), path), path)


def baseline(plan_path: Path, plan: Plan, revision: int | None = None) -> AgreedVersion | None:
    """The latest agreed version (or the one of `revision`); None if the plan was never agreed."""
    if revision is None:
        return read_agreed(plan_path, plan.agreements[-1]) if plan.agreements else None
    for agreement in plan.agreements:
        if agreement.revision == revision:
            return read_agreed(plan_path, agreement)
    kept = ", ".join(str(a.revision) for a in plan.agreements) or "none yet"
    raise PlanError(f"No agreed copy of revision {revision} is kept. Agreed revisions: {kept}.")


_NOT_CONTENT = {"revision", "updated", "agreements", "change_reasons"}


def _unchanged_since_agreed(opened: OpenPlan) -> bool:
    """The plan says the same as its latest agreed copy (which, damaged, is never taken as the same)."""
    try:
        found = baseline(opened.path, opened.plan)
    except PlanError:
        return False
    return found is not None and found.plan.model_dump(exclude=_NOT_CONTENT) == opened.plan.model_dump(
        exclude=_NOT_CONTENT
    )


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
