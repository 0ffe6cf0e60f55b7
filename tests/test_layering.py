"""The layering the code depends on: plan_store -> pure phb_tui -> screens -> app and cli.

Checked from the source, so a forbidden import fails here before it tangles the layers.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT, example_toml

ENTRY_POINTS = {"phb_tui/app.py", "phb_tui/cli.py", "phb_tui/launch.py", "phb_tui/__main__.py"}
UI_MODULES = ("phb_tui/widgets/",)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                names.add(".".join([*base, node.module] if node.module else base))
            else:
                names.add(node.module or "")
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _forbidden(path: Path, prefixes: tuple[str, ...]) -> list[str]:
    return sorted(name for name in _imports(path) if name.startswith(prefixes))


@pytest.mark.parametrize("path", _modules("plan_store"), ids=lambda p: p.name)
def test_plan_store_never_imports_the_interface(path: Path) -> None:
    assert _forbidden(path, ("textual", "rich", "phb_tui", "screens")) == []


@pytest.mark.parametrize("path", _modules("phb_tui"), ids=lambda p: str(p.relative_to(ROOT)))
def test_phb_tui_modules_import_only_downward(path: Path) -> None:
    relative = str(path.relative_to(ROOT))
    if relative in ENTRY_POINTS:
        return
    forbidden: tuple[str, ...] = ("screens", "phb_tui.app", "phb_tui.cli")
    if not relative.startswith(UI_MODULES):
        forbidden += ("textual",)  # Pure modules: usable from the CLI and tests without Textual.
    assert _forbidden(path, forbidden) == []


@pytest.mark.parametrize("path", _modules("screens"), ids=lambda p: p.name)
def test_screens_never_reach_up_to_the_app(path: Path) -> None:
    assert _forbidden(path, ("phb_tui.app", "phb_tui.cli")) == []


def test_the_sample_plan_is_the_documented_example() -> None:
    assert (ROOT / "phb_tui" / "sample-plan.toml").read_text(encoding="utf-8") == example_toml()


def test_styles_live_in_tcss_files_not_python_strings() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("phb_tui", "screens")
        for path in _modules(folder)
        if "DEFAULT_CSS" in path.read_text(encoding="utf-8") or "\n    CSS = " in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
