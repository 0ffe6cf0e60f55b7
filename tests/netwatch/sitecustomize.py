"""Notes every network connection a Python process tries, for the tests that promise there are none.

Put this folder on PYTHONPATH and name a file in PHB_NETWATCH_LOG: Python then loads this module as
it starts (its `sitecustomize`), in the process and in every Python process it starts, and
writes each connection, name lookup or datagram sent, with where to, as a line of that file.
"""

from __future__ import annotations

import os
import sys

_LOG = os.environ.get("PHB_NETWATCH_LOG")
_WATCHED = {"socket.connect": 1, "socket.sendto": 1, "socket.getaddrinfo": 0, "socket.gethostbyname": 0}


def _note(event: str, args: tuple[object, ...]) -> None:
    where = _WATCHED.get(event)
    if where is None or _LOG is None:
        return
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"{event} {args[where]!r}\n")


if _LOG:
    sys.addaudithook(_note)
