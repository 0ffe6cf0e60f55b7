"""Textual's private names are used in one module, phb_tui/textual_private.py, and each use has a
test here that fails if Textual (or textual-serve) changes what it relies on, so an upgrade breaks
a test rather than a person's session."""

from __future__ import annotations

import ast
import asyncio
import importlib
import inspect
import re
import sys
from pathlib import Path

import pytest
import textual
import textual_serve
from rich.console import RenderableType
from textual.app import App, ComposeResult
from textual.drivers.headless_driver import HeadlessDriver
from textual.events import Key
from textual.widgets import SelectionList
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager
from textual_serve.server import Server

from phb_tui.textual_private import (
    AppHooks,
    app_process,
    driver_app,
    parse_errors,
    relay_messages,
    tick_box_inner,
    xterm_parser,
)

from .conftest import ROOT

THE_ONE_MODULE = ROOT / "phb_tui" / "textual_private.py"
OURS = [path for folder in ("phb_tui", "screens") for path in sorted((ROOT / folder).rglob("*.py"))]


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _textuals_private_names() -> set[str]:
    """Every private name Textual and textual-serve define: methods, and attributes set on objects."""
    names: set[str] = set()
    for package in (textual, textual_serve):
        for path in Path(package.__file__ or "").parent.rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            names |= set(re.findall(r"def (_[a-zA-Z]\w*)", text))
            names |= set(re.findall(r"self\.(_[a-zA-Z]\w*)\s*(?::[^=\n]*)?=", text))
    return names


def _names_we_define(paths: list[Path]) -> set[str]:
    names: set[str] = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return names


def test_no_module_but_one_names_a_private_module_of_textual() -> None:
    found = []
    for path in OURS:
        if path == THE_ONE_MODULE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            for module in modules:
                parts = module.split(".")
                if parts[0] in ("textual", "textual_serve") and any(_private(part) for part in parts):
                    found.append(f"{path.relative_to(ROOT)}: {module}")
    assert found == []


def test_no_module_but_one_reads_a_private_attribute_of_textuals() -> None:
    ours = _names_we_define([path for path in OURS if path != THE_ONE_MODULE])
    theirs = _textuals_private_names() - ours
    found = []
    for path in OURS:
        if path == THE_ONE_MODULE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in theirs:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: .{node.attr}")
    assert found == []


def test_no_class_but_one_overrides_a_private_method_of_textuals() -> None:
    found = []
    for path in OURS:
        module_name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        if path == THE_ONE_MODULE or path.name == "__main__.py":  # That one runs the app.
            continue
        module = importlib.import_module(module_name)
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != module_name:
                continue
            theirs = [base for base in cls.__mro__[1:] if base.__module__.split(".")[0] in ("textual", "textual_serve")]
            found += [
                f"{module_name}.{cls.__name__}.{name}"
                for name, value in vars(cls).items()
                if _private(name) and inspect.isfunction(value) and any(name in vars(base) for base in theirs)
            ]
    assert found == []


# --- each use, as PHB Planner relies on it ------------------------------------------------------


class _Faulty(AppHooks):
    def __init__(self) -> None:
        super().__init__()
        self.caught = 0

    def fault_caught(self) -> None:
        self.caught += 1

    def fault_words(self) -> RenderableType | None:
        return "Plain words, and no traceback."

    def on_mount(self) -> None:
        raise RuntimeError("kaboom-9")


async def test_a_fault_nothing_caught_reaches_the_hooks_and_the_app_closes_with_plain_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    app = _Faulty()
    with pytest.raises(RuntimeError, match="kaboom-9"):
        async with app.run_test():
            pass
    assert app.caught == 1 and app.return_code == 1
    app._print_error_renderables()  # As Textual does once the terminal is given back.
    error = capsys.readouterr().err
    assert "Plain words, and no traceback." in error
    assert "Traceback" not in error and "kaboom-9" not in error


async def test_the_keys_a_keymap_gives_are_read_back() -> None:
    app = AppHooks()
    async with app.run_test():
        app.set_keymap({"app.palette": "ctrl+k,ctrl+p"})
        assert app.keymap_keys("app.palette") == "ctrl+k,ctrl+p"
        assert app.keymap_keys("app.quit") is None


async def test_the_terminals_bytes_are_parsed_as_textuals_own_driver_parses_them() -> None:
    app = App[None]()
    driver = HeadlessDriver(app, debug=False)
    assert driver_app(driver) is app
    parser = xterm_parser(driver)
    keys = [event.key for event in parser.feed("a\x1b[A") if isinstance(event, Key)]
    keys += [event.key for event in parser.tick() if isinstance(event, Key)]
    assert keys == ["a", "up"]
    assert all(issubclass(error, Exception) for error in parse_errors())
    ended = xterm_parser(driver)
    list(ended.feed("\x1b["))
    try:  # Input ending in the middle of a sequence: nothing, or one of the errors named.
        list(ended.feed(""))
    except parse_errors():
        pass


class _Ticks(App[None]):
    def compose(self) -> ComposeResult:
        yield SelectionList[str](("Ticked", "one", True), ("Not ticked", "two", False))


async def test_a_tick_box_is_drawn_with_the_inner_character_named() -> None:
    app = _Ticks()
    async with app.run_test() as pilot:
        await pilot.pause()
        ticks = app.query_one(SelectionList)
        for y in (0, 1):
            segments = list(ticks.render_line(y))
            assert segments[1].text == tick_box_inner()


async def test_the_process_behind_a_browser_tab_is_reached() -> None:
    async def ignore(_data: object = None) -> None:
        return None

    service = AppService(
        f'"{sys.executable}" -c pass',
        write_bytes=ignore,
        write_str=ignore,
        close=ignore,
        download_manager=DownloadManager(),
    )
    assert app_process(service) is None
    await service.start(80, 24)
    process = app_process(service)
    assert isinstance(process, asyncio.subprocess.Process)
    await asyncio.wait_for(process.wait(), timeout=30)
    await service.stop()


def test_messages_between_a_tab_and_its_app_are_relayed_by_textual_serves_own_loop() -> None:
    relay = Server._process_messages
    assert inspect.iscoroutinefunction(relay)
    assert list(inspect.signature(relay).parameters) == ["self", "websocket", "app_service"]
    assert inspect.iscoroutinefunction(relay_messages)
