"""PHB Planner: plan an NHS personal health budget in the terminal."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("phb-planner")
except PackageNotFoundError:  # Running from a source tree that was never installed.
    __version__ = "0+unknown"
