"""PHB Planner: plan an NHS personal health budget in the terminal."""

__version__ = "0.1.0"
"""The one place the version is written; pyproject.toml reads it from here."""
