"""What `phb serve` accepts before it listens: which address, and the password for other computers.

Kept apart from the server so that `phb --help` and a refusal need no web libraries.
"""

from __future__ import annotations

import getpass
from collections.abc import Mapping

LOOPBACK = "127.0.0.1"
DEFAULT_PORT = 8787
PASSWORD_VARIABLE = "PHB_SERVE_PASSWORD"
SHORTEST_PASSWORD = 10
_THIS_COMPUTER = {LOOPBACK, "localhost"}


def listening_problem(host: str, other_computers: bool) -> str | None:
    """Why `phb serve` will not listen on `host`, or None if it may."""
    if host in _THIS_COMPUTER or other_computers:
        return None
    return (
        f"phb serve listens on this computer only ({LOOPBACK}), so it did not start on {host}. Plans "
        "hold health details and the page has no login of its own: anyone who could reach that "
        "address could read and change every plan. If other computers really must connect, add "
        "--allow-other-computers; you will then set a password that every browser must give."
    )


def read_password(environment: Mapping[str, str], can_ask: bool) -> str | None:
    """The password from the environment, or asked for twice in the terminal (never echoed)."""
    if given := environment.get(PASSWORD_VARIABLE):
        return given
    if not can_ask:
        return None
    first = getpass.getpass("Password that every browser must give: ")
    second = getpass.getpass("The same password again: ")
    return first if first == second else ""


def password_problem(password: str | None) -> str | None:
    if password is None:
        return (
            f"--allow-other-computers needs a password. Run phb serve in a terminal to be asked for "
            f"one, or set {PASSWORD_VARIABLE}."
        )
    if not password:
        return "The two passwords were not the same, so phb serve did not start. Try again."
    if len(password) < SHORTEST_PASSWORD:
        return f"The password must be at least {SHORTEST_PASSWORD} characters long, so that it cannot be guessed."
    return None
