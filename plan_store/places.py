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
LAYOUTS_FOLDER = "layouts"
"""The person's own layouts for exports (an ICB's order and headings), in the config folder."""


def default_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The folder of the person's own settings: keys.toml, rates.toml and settings.toml."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def layouts_dir() -> Path:
    """Layouts the person added, beside their settings: an ICB's layout serves every plan and
    every data folder, so a broker with a folder for each client writes it once."""
    return config_dir() / LAYOUTS_FOLDER
