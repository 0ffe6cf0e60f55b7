"""Serving the app to a web browser on this computer, privately.

textual-serve starts a fresh copy of the app for each browser tab and carries keys and the screen
over a websocket. Plans hold health details and the page has no login of its own, so around it:

- it listens on 127.0.0.1 only, unless the person asks for more and sets a password;
- the address carries a random token, and every request without it (or the cookie the first page
  sets) is refused with 403, as is a request that names another host (a web page elsewhere that
  has pointed its own name at 127.0.0.1) or a websocket opened from another site's page;
- the page is PHB Planner's own (`templates/app_index.html`): it loads nothing from the internet,
  and its Content-Security-Policy tells the browser to refuse anything not from this address;
- nothing is logged: no access log (its lines would hold the token), and textual-serve's own
  messages, which can quote a file name, go nowhere.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import errno
import hmac
import logging
import os
import secrets
import shlex
import signal
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
import textual_serve
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from ..textual_private import app_process, relay_messages
from .limits import LOOPBACK

TOKEN_COOKIE = "phb_token_{port}"
"""Named after the port: browsers share cookies between ports, and two `phb serve` at once each
have their own token."""
TEMPLATES = Path(__file__).parent / "templates"
TEXTUAL_SERVE_STATIC = Path(textual_serve.__file__).parent / "static"

REFUSED = (
    "PHB Planner is private: this page needs the whole address that phb serve showed when it "
    "started, with the long key at its end. Copy all of it into the address bar."
)
NO_PASSWORD = "PHB Planner asks for the password that was set when phb serve was started."

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class PortBusy(Exception):
    """Another program (perhaps another `phb serve`) already listens on the port."""


@dataclass(frozen=True)
class Access:
    """Who may come in: the token in the address, and a password when other computers may connect."""

    token: str
    password: str | None = None
    other_computers: bool = False
    codes: set[str] = field(default_factory=set)
    """One-use codes, each good for one visit that swaps it for the token's cookie (`--open`)."""

    def new_code(self) -> str:
        code = secrets.token_urlsafe(24)
        self.codes.add(code)
        return code

    def spend(self, given: str) -> bool:
        """True, once, for a code handed out; a code seen before (in history, say) is worthless."""
        for code in list(self.codes):
            if hmac.compare_digest(given.encode(), code.encode()):
                self.codes.discard(code)
                return True
        return False

    @staticmethod
    def new(password: str | None = None, other_computers: bool = False) -> Access:
        return Access(secrets.token_urlsafe(24), password, other_computers)


def app_command(data_dir: Path, theme: str | None = None) -> str:
    """The shell command textual-serve runs for each browser tab: this same Python, this same
    data folder, starting at the list of plans."""
    parts = [sys.executable, "-m", "phb_tui", "--data-dir", str(data_dir)]
    if theme:
        parts += ["--theme", theme]
    # `exec`: the shell textual-serve starts becomes the app, so signals and the exit reach it directly.
    return ("exec " if os.name == "posix" else "") + shlex.join(parts)


class PrivateServer(Server):
    """textual-serve's server, with the checks above on every request."""

    def __init__(self, command: str, port: int, access: Access, host: str = LOOPBACK):
        super().__init__(
            command,
            host=host,
            port=port,
            title="PHB Planner",
            statics_path=TEXTUAL_SERVE_STATIC,
            templates_path=TEMPLATES,
        )
        self.access = access
        self._sockets: set[web.WebSocketResponse] = set()
        """Each open browser tab's connection, closed first as the server stops, so each app saves and ends."""
        for name in ("textual-serve", "aiohttp", "aiohttp.access", "aiohttp.server", "aiohttp.web"):
            quiet = logging.getLogger(name)
            quiet.addHandler(logging.NullHandler())
            quiet.propagate = False

    @property
    def address(self) -> str:
        """The private address to open on this computer: the page, with the token."""
        host = LOOPBACK if self.host in ("0.0.0.0", "::") else self.host
        return f"http://{host}:{self.port}/?token={self.access.token}"

    def one_use_address(self) -> str:
        """An address for the browser that holds no secret worth keeping: a one-use code, which
        the first visit swaps for the token's cookie. Spent, it is refused like any wrong key."""
        return f"{self.address.partition('?')[0]}?code={self.access.new_code()}"

    async def _web_app(self) -> web.Application:
        """Our own routes, behind the guard; named apart from textual-serve's `_make_app`, which only its `serve` uses."""
        app = web.Application(middlewares=[self._guard])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path), autoescape=True)
        app.add_routes(
            [
                web.get("/", self._page, name="index"),
                web.get("/ws", self._app_socket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        app.on_response_prepare.append(_private_headers)
        app.on_shutdown.append(self._close_tabs)
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not self._right_host(request) or not self._same_site(request):
            return web.Response(status=403, text=REFUSED)
        if not self._has_token(request):
            code = request.query.get("code", "")
            if request.path == "/" and code and self.access.spend(code):
                return self._welcome()
            return web.Response(status=403, text=REFUSED)
        if self.access.password is not None and not _password_given(request, self.access.password):
            return web.Response(
                status=401, text=NO_PASSWORD, headers={"WWW-Authenticate": 'Basic realm="PHB Planner", charset="UTF-8"'}
            )
        return await handler(request)

    def _right_host(self, request: web.Request) -> bool:
        """Refuses a request for another name: a page elsewhere may point its own name at this
        computer, but the browser then says that name, not 127.0.0.1 or localhost."""
        if self.access.other_computers:
            return True
        return request.host in (f"{LOOPBACK}:{self.port}", f"localhost:{self.port}")

    def _same_site(self, request: web.Request) -> bool:
        """A websocket (or any request a browser marks with its origin) must come from this page."""
        origin = request.headers.get("Origin")
        return origin is None or origin == f"http://{request.host}"

    def _has_token(self, request: web.Request) -> bool:
        token = self.access.token
        given = request.query.get("token") or request.cookies.get(TOKEN_COOKIE.format(port=self.port)) or ""
        return hmac.compare_digest(given.encode(), token.encode())

    def _welcome(self) -> web.Response:
        """A one-use code spent: the cookie, then on to the page by an address with no key in it.

        Moved on by this page itself, so the browser counts the next visit as this site's own and
        sends the cookie (kept for this site alone) with it.
        """
        response = web.Response(
            text='<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=/">'
            '<title>PHB Planner</title><p><a href="/">Open PHB Planner</a></p>',
            content_type="text/html",
        )
        response.headers["Content-Security-Policy"] = "default-src 'none'"
        self._give_cookie(response)
        return response

    def _give_cookie(self, response: web.StreamResponse) -> None:
        response.set_cookie(
            TOKEN_COOKIE.format(port=self.port), self.access.token, httponly=True, samesite="Strict", path="/"
        )

    async def _page(self, request: web.Request) -> web.StreamResponse:
        """The page: PHB Planner's own, with the token kept in a cookie for the requests it makes."""
        nonce = secrets.token_urlsafe(16)
        base = f"http://{request.host}"
        context: dict[str, Any] = {
            "font_size": _font_size(request.query.get("fontsize", "")),
            "app_websocket_url": f"ws://{request.host}/ws",
            "config": {"static": {"url": f"{base}/static/"}},
            "application": {"name": self.title},
            "nonce": nonce,
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Content-Security-Policy"] = (
            f"default-src 'none'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; "
            f"font-src 'self'; img-src 'self' data:; connect-src 'self' ws://{request.host}; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        )
        self._give_cookie(response)
        return response

    async def _app_socket(self, request: web.Request) -> web.WebSocketResponse:
        """One browser tab's app: textual-serve's, with its connection kept track of."""
        socket = web.WebSocketResponse(heartbeat=15)
        await socket.prepare(request)
        self._sockets.add(socket)
        size = {name: _whole(request.query.get(name, ""), usual) for name, usual in (("width", 80), ("height", 24))}

        async def close() -> None:  # The app has ended: the tab shows that it has closed.
            await socket.close()

        service = AppService(
            self.command,
            write_bytes=socket.send_bytes,
            write_str=socket.send_str,
            close=close,
            download_manager=self.download_manager,
            debug=False,
        )
        ended: asyncio.Future[None] | None = None
        try:
            await service.start(size["width"], size["height"])
            ended = asyncio.ensure_future(_close_when_it_ends(service, socket))
            await relay_messages(self, socket, service)
        except asyncio.CancelledError:
            await socket.close()
        finally:
            if ended is not None:
                ended.cancel()
            self._sockets.discard(socket)
            await service.stop()  # Tells the app to quit; it saves as it goes.
            await _reaped(service)
        return socket

    async def _close_tabs(self, app: web.Application) -> None:
        for socket in list(self._sockets):
            await socket.close(code=WSCloseCode.GOING_AWAY, message=b"PHB Planner stopped")

    async def run(self, ready: Callable[[], None], stop: asyncio.Event | None = None) -> None:
        """Listen until Ctrl+C (or `stop`); `ready` is called once the port is ours.

        Each app saves its plan as it closes (the browser's connection closing, or Ctrl+C reaching
        it too), and the server waits for them before it returns.
        """
        stop = stop or asyncio.Event()
        runner = web.AppRunner(await self._web_app(), access_log=None, handle_signals=False, shutdown_timeout=15)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        try:
            await site.start()
        except OSError as error:
            await runner.cleanup()
            if error.errno == errno.EADDRINUSE:
                raise PortBusy(str(self.port)) from None
            raise
        loop = asyncio.get_running_loop()
        for number in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(number, stop.set)
        ready()
        try:
            await stop.wait()
        finally:
            await runner.cleanup()


async def _close_when_it_ends(service: AppService, socket: web.WebSocketResponse) -> None:
    """An app that ends without a word (refusing to start, say) still closes its tab's connection,
    so the page says it has closed instead of "starting…" for ever."""
    process = app_process(service)
    if process is not None:
        await process.wait()
        await socket.close()


async def _reaped(service: AppService) -> None:
    """The app's process is waited for, so it has saved before the server goes on or stops."""
    process = app_process(service)
    if process is None or process.returncode is not None:
        return
    try:
        await asyncio.wait_for(process.wait(), timeout=15)
    except TimeoutError:
        process.kill()


async def _private_headers(request: web.Request, response: web.StreamResponse) -> None:
    """Nothing here may be kept by the browser's cache or shown inside another site's page."""
    response.headers.setdefault("Cache-Control", "no-store")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")


def _password_given(request: web.Request, password: str) -> bool:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Basic "):
        return False
    try:
        _, _, given = base64.b64decode(header[6:]).decode("utf-8").partition(":")
    except (ValueError, UnicodeDecodeError):
        return False
    return hmac.compare_digest(given.encode(), password.encode())


def _whole(asked: str, usual: int) -> int:
    return int(asked) if asked.isdigit() and 0 < int(asked) < 1000 else usual


def _font_size(asked: str) -> int:
    """The text size asked for in the address (?fontsize=20), within reason; 16 otherwise."""
    return int(asked) if asked.isdigit() and 8 <= int(asked) <= 48 else 16
