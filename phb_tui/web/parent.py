"""An app started for a browser tab ends with the `phb serve` that started it.

textual-serve starts one app process per tab and ends it when the tab's connection closes. If the
server itself is killed (SIGKILL, a crash) or hung up alone (SIGHUP), nothing closes the
connection and the app ran on, with the plan open and marked as open, for as long as the computer
stayed up. On Linux the kernel can send a signal when a process's parent dies: the app asks for
SIGHUP, which it already takes as "the terminal has gone": save what is typed, then close.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1
"""From <linux/prctl.h>."""


def end_with_parent() -> bool:
    """Ask for SIGHUP when the parent process ends; True if the kernel agreed (Linux only).

    A parent that has already gone by then (the app is an orphan, its parent now init) is treated
    as if the signal had come.
    """
    if not sys.platform.startswith("linux"):
        return False
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGHUP, 0, 0, 0) != 0:
            return False
    except (OSError, AttributeError):
        return False
    if os.getppid() != parent or parent == 1:  # Gone before the request was made.
        with contextlib.suppress(OSError):
            os.kill(os.getpid(), signal.SIGHUP)
    return True
