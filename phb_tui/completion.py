"""Shell completion for bash, zsh and fish, through argcomplete.

The shell runs `phb` with `_ARGCOMPLETE` set to ask what could come next. Only then is argcomplete
imported, so an ordinary start loads nothing extra. A PLAN is completed with the file names in the
plans folder, read from the folder's listing alone: no plan is opened.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from plan_store.places import PLAN_SUFFIX, PLANS_FOLDER, default_data_dir

ASKED = "_ARGCOMPLETE"
"""Set by the shell's completion code when it asks for completions."""


def asked() -> bool:
    return ASKED in os.environ


def complete(parser: argparse.ArgumentParser) -> None:
    """Write the completions for the command line the shell gives, and end the program."""
    import argcomplete

    argcomplete.autocomplete(parser, always_complete_options=False)  # Options once "-" is typed.


def plan_names(prefix: str, parsed_args: argparse.Namespace, **_: Any) -> list[str]:
    """The plans' file names without ".toml", the shortest way to name a plan."""
    data_dir = getattr(parsed_args, "data_dir", None) or default_data_dir()
    plans = Path(data_dir).expanduser() / PLANS_FOLDER
    try:
        names = [entry.name for entry in os.scandir(plans) if entry.is_file()]
    except OSError:
        return []
    return sorted(
        name.removesuffix(PLAN_SUFFIX)
        for name in names
        if name.endswith(PLAN_SUFFIX) and not name.startswith(".") and name.startswith(prefix)
    )


def plan_argument(command: argparse.ArgumentParser, help: str, optional: bool = False) -> None:
    """A PLAN, which the shell completes with the names of the plans."""
    argument = command.add_argument("plan", metavar="PLAN", nargs="?" if optional else None, help=help)
    argument.completer = plan_names  # type: ignore[attr-defined]  # Read by argcomplete.
