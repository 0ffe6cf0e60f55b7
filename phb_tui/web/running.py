"""`phb serve` from start to Ctrl+C: what the person is told, and the browser opened if asked."""

from __future__ import annotations

import asyncio
import webbrowser

from plan_store import PlanError, PlanStore

from .limits import LOOPBACK
from .server import Access, PortBusy, PrivateServer, app_command


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
            webbrowser.open(server.address)

    try:
        asyncio.run(server.run(ready))
    except PortBusy:
        raise PlanError(
            f"Port {port} is busy: another program, perhaps another phb serve, is using it. Stop that "
            f"one, or choose another port, like: phb serve --port {port + 1}"
        ) from None
    except OSError as error:
        raise PlanError(f"phb serve could not listen on {host}:{port} ({error.strerror or error}).") from None
    print("Stopped. Your plans are saved.")
    return 0
