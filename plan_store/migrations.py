"""Upgrade older plan files, one version at a time, before they are validated.

Each step takes the raw table read from TOML and returns the next version's table, so a file
written years ago passes through every step in turn. Upgrading happens in memory only: the file on
disk changes when the plan is next saved, and the old file is then kept as the backup.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from typing import Any

from .clock import utc_now
from .plan import SCHEMA_VERSION

Table = dict[str, Any]


def file_version(raw: Table) -> object:
    """Files from before versioning have no `schema_version`; they are version 0."""
    return raw.get("schema_version", 0)


def upgrade(raw: Table) -> Table:
    """Bring a raw plan table up to SCHEMA_VERSION. The caller has refused newer versions."""
    version = file_version(raw)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        return raw  # Left for validation to report, with the field's name.
    if version >= SCHEMA_VERSION:
        return raw  # Nothing to change, so nothing to copy: most files, and copying a big one is slow.
    table = deepcopy(raw)
    while version < SCHEMA_VERSION:
        table = _STEPS[version](table)
        version += 1
        table["schema_version"] = version
    return table


def _v0_to_v1(old: Table) -> Table:
    """Version 0 was the draft layout: flat budget fields, "ccg", and one outcome per item."""
    new = {key: value for key, value in old.items() if key not in _V0_MOVED}
    now = utc_now()
    new.setdefault("created", now)
    new.setdefault("updated", now)
    if "person_name" in old and isinstance(old.get("person", {}), dict):
        new["person"] = {**old.get("person", {}), "name": old["person_name"]}
    if "ccg" in old:
        new["icb_name"] = old["ccg"]  # Clinical Commissioning Groups became ICBs in July 2022.

    finance: Table = {}
    if "budget" in old:
        finance["budget_amount"] = old["budget"]
    if "budget_period" in old:
        finance["budget_period"] = old["budget_period"]
    if isinstance(old.get("items"), list):
        finance["line_items"] = [_v0_item(item, n) for n, item in enumerate(old["items"], 1)]
    elif "items" in old:
        finance["line_items"] = old["items"]  # Not a list: validation names it.
    if finance:
        new["finance"] = finance

    if isinstance(old.get("outcomes"), list):  # Anything else is left for validation to name.
        new["outcomes"] = [_renamed(outcome, _V0_OUTCOME_NAMES) for outcome in old["outcomes"]]
    return new


_V0_MOVED = {"person_name", "ccg", "budget", "budget_period", "items"}
_V0_OUTCOME_NAMES = {"text": "outcome", "matters": "what_matters", "measure": "how_i_will_know"}


def _v0_item(item: Any, number: int) -> Any:
    if not isinstance(item, dict):
        return item  # Validation will name it.
    new = _renamed(item, {"cost": "unit_cost"})
    new.setdefault("id", f"i{number}")
    if "outcome" in new:
        linked = new.pop("outcome")
        new["outcome_ids"] = [linked] if linked else []
    return new


def _renamed(table: Any, names: dict[str, str]) -> Any:
    if not isinstance(table, dict):
        return table
    return {names.get(key, key): value for key, value in table.items()}


def _v1_to_v2(old: Table) -> Table:
    """Version 2 asks why a flagged item was marked as checked; earlier files never said.

    Such items keep their tick, with a reason that says honestly that none was recorded, so the
    reviewer still sees the flag and the person can write the real reason.
    """
    new = dict(old)
    finance = old.get("finance")
    if isinstance(finance, dict) and isinstance(finance.get("line_items"), list):
        new["finance"] = {**finance, "line_items": [_v1_item(item) for item in finance["line_items"]]}
    return new


V1_CHECKED_REASON = "checked before PHB Planner asked for a reason; none was recorded"


def _v1_item(item: Any) -> Any:
    if isinstance(item, dict) and item.get("checked_allowed") is True and not item.get("checked_reason"):
        return {**item, "checked_reason": V1_CHECKED_REASON}
    return item


def _v2_to_v3(old: Table) -> Table:
    """Version 3 adds the person-centred planning tools (about me, my week, who decides, the
    action plan). Each is optional, so a version 2 plan needs nothing added: it has none yet."""
    return dict(old)


def _v3_to_v4(old: Table) -> Table:
    """Version 4 keeps the PA cost calculator's answers in `[finance.employing]`. The section is
    optional, with the calculator's defaults, so a version 3 plan needs nothing added: until the
    calculator is next used it works as it always did, from the plan's PA wage lines."""
    return dict(old)


def _v4_to_v5(old: Table) -> Table:
    """Version 5 records the agreed versions in `[[agreements]]`. A version 4 plan has none yet,
    so it needs nothing added: it reads as not yet agreed."""
    return dict(old)


def _v5_to_v6(old: Table) -> Table:
    """Version 6 records how each outcome is going at each review (`[[reviews.outcomes]]`) and the
    person's reason for each change (`[[change_reasons]]`). Both are new lists, so a version 5 plan
    needs nothing added: its review log keeps its words, `outcomes_progress` included, as it was."""
    return dict(old)


_STEPS: dict[int, Callable[[Table], Table]] = {
    0: _v0_to_v1,
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
}
