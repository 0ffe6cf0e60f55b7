"""The commands that open the app: `phb` and `phb open` in this terminal, `phb serve` in a browser.

Textual is imported only once one of them runs, so the other commands start without it.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from plan_store.errors import PlanError

from .exit_status import EXIT_ERROR, EXIT_OK
from .launch import collector_paused

if TYPE_CHECKING:
    from plan_store import OpenPlan, PlanStore


def serve_arguments(serve: argparse.ArgumentParser) -> None:
    from .web.limits import DEFAULT_PORT, LOOPBACK, PASSWORD_VARIABLE

    serve.epilog = (
        "It serves one person on their own computer. The address it prints holds a private key; "
        "anyone with the whole address can read your plans, so do not share it. Ctrl+C stops it; "
        "your plans are saved."
    )
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"the port to listen on (default {DEFAULT_PORT})")
    serve.add_argument("--open", action="store_true", help="open the address in your web browser")
    serve.add_argument(
        "--host",
        default=LOOPBACK,
        help=f"the address to listen on (default {LOOPBACK}: this computer only). Any other needs --allow-other-computers",
    )
    serve.add_argument(
        "--allow-other-computers",
        action="store_true",
        help=f"let other computers connect when --host is not {LOOPBACK}; asks for a password "
        f"(or reads ${PASSWORD_VARIABLE}) that every browser must then give",
    )
    serve.add_argument(
        "--theme", default=argparse.SUPPRESS, help="colours for this run, like high-contrast or textual-light"
    )


def open_app(store: PlanStore, arguments: argparse.Namespace) -> int:
    return run_app(store, store.open(store.resolve(arguments.plan)), getattr(arguments, "theme", None))


def open_picker(store: PlanStore, arguments: argparse.Namespace) -> int:
    return run_app(store, None, getattr(arguments, "theme", None))


def serve(store: PlanStore, arguments: argparse.Namespace) -> int:
    from .web.limits import listening_problem, password_problem, read_password

    if not 1 <= arguments.port <= 65535:
        raise PlanError(f"--port must be a number from 1 to 65535, not {arguments.port}.")
    if problem := listening_problem(arguments.host, arguments.allow_other_computers):
        raise PlanError(problem)
    password = None
    if arguments.allow_other_computers:
        password = read_password(os.environ, sys.stdin.isatty())
        if problem := password_problem(password):
            raise PlanError(problem)
    from .web.running import serve as serving

    return serving(store, arguments.host, arguments.port, password, getattr(arguments, "theme", None), arguments.open)


def run_app(store: PlanStore, opened: OpenPlan | None, theme: str | None = None) -> int:
    in_browser = os.environ.get("TEXTUAL_DRIVER", "").endswith(":WebDriver")  # Started by `phb serve`.
    if not in_browser and (not sys.stdin.isatty() or not sys.stdout.isatty()):
        raise PlanError('The app needs an interactive terminal. To read a plan without one, use "phb show PLAN".')
    store.tidy()  # Before any window of this run writes: what is left over now was cut off.
    if in_browser:
        from .web.parent import end_with_parent

        end_with_parent()  # If `phb serve` is killed, this app saves and ends rather than run on.
    with collector_paused():  # The app's imports are most of the time taken to start.
        from .app import PhbApp

        app = PhbApp(store, opened, theme=theme)
    app.run()
    return EXIT_ERROR if app.return_code else EXIT_OK  # Not zero after a fault in the program.
