"""`phb serve` from start to Ctrl+C: what the person is told, and the browser opened if asked."""

from __future__ import annotations

import asyncio
import contextlib
import webbrowser
from html import escape
from pathlib import Path

from plan_store import PlanError, PlanStore
from plan_store.safe_files import ensure_private_folder, write_new_file

from .limits import LOOPBACK
from .server import Access, PortBusy, PrivateServer, app_command


class BrowserOpener:
    """The browser is opened the way Jupyter opens it: at a page in a file only this person can
    read (0600, in the data folder), which sends it on to the address.

    Whatever is given to the browser to start it is on its command line, where anyone on the
    computer can read it in the list of processes, and stays in its history. Only the file's name
    is given, and the address inside it carries a one-use code, spent on the first visit, rather
    than the key itself.
    """

    def __init__(self, data_dir: Path, port: int):
        self.path = data_dir / f"open-in-browser-{port}.html"

    def write(self, address: str) -> str:
        """The page written afresh; its address (file://...) for the browser."""
        ensure_private_folder(self.path.parent)
        self.remove()  # A page left by a `phb serve` that was killed: its code is worthless now.
        link = escape(address, quote=True)
        write_new_file(
            self.path,
            (
                f'<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={link}">'
                f'<title>Opening PHB Planner</title><p><a href="{link}">Open PHB Planner</a></p>\n'
            ).encode(),
        )
        return self.path.as_uri()

    def remove(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()


def serve(store: PlanStore, host: str, port: int, password: str | None, theme: str | None, open_browser: bool) -> int:
    host = LOOPBACK if host == "localhost" else host
    access = Access.new(password, other_computers=host != LOOPBACK)
    server = PrivateServer(app_command(store.data_dir, theme), port, access, host=host)

    def ready() -> None:
        print("PHB Planner is ready in your web browser at this private address:")
        print()
        print(f"    {server.address}")
        print()
        print("Open it in a browser on this computer. Keep it to yourself: the key at the end lets")
        print("anyone who has it read your plans. Your plans stay in", store.plans_dir)
        if access.other_computers:
            print(
                f"Other computers may connect to {host}:{port}, with the password you set: the same address, "
                "with this computer's network name in place of 127.0.0.1."
            )
        print("Press Ctrl+C here to stop. Your plans are saved as you go, and again as it stops.")
        if open_browser:
            webbrowser.open(opener.write(server.one_use_address()))

    opener = BrowserOpener(store.data_dir, port)
    try:
        asyncio.run(server.run(ready))
    except PortBusy:
        raise PlanError(
            f"Port {port} is busy: another program, perhaps another phb serve, is using it. Stop that "
            f"one, or choose another port, like: phb serve --port {port + 1}"
        ) from None
    except OSError as error:
        raise PlanError(f"phb serve could not listen on {host}:{port} ({error.strerror or error}).") from None
    finally:
        opener.remove()
    print("Stopped. Your plans are saved.")
    return 0
