"""Where PHB Planner keeps things, worked out without reading any of them.

Light on purpose: shell completion and `phb where` use it without loading the plan models.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "phb-planner"
DATA_DIR_VARIABLE = "PHB_DATA_DIR"
PLANS_FOLDER = "plans"
PLAN_SUFFIX = ".toml"
BACKUP_SUFFIX = ".toml.bak"
"""The previous version of a plan, beside it."""
TRASH_FOLDER = "trash"
"""Deleted plans, in the data folder, until put back."""


def default_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The folder of the person's own settings: keys.toml, rates.toml and settings.toml."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
