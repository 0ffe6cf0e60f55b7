"""`phb serve` without a browser: who is let in, and what it says when it cannot start."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.serving import Served, free_port, start_serve


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    running = start_serve(data_dir, free_port())
    yield running
    running.stop()


def _status(address: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(address, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read().decode()


def _phb(data_dir: Path, *arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "phb_tui", "--data-dir", str(data_dir), *arguments],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        env=env,
    )


def test_it_prints_a_private_address_on_this_computer_only(served: Served) -> None:
    printed = "".join(served.printed)
    assert served.address.startswith(f"http://127.0.0.1:{served.port}/?token=")
    assert len(served.address.split("token=")[1]) >= 32
    assert "Ctrl+C" in printed


def test_every_request_without_the_token_is_refused(served: Served) -> None:
    root = served.address.split("?")[0]
    for path in ("", "static/js/textual.js", "static/fonts/RobotoMono-VariableFont_wght.ttf", "ws", "download/x"):
        status, text = _status(root + path)
        assert status == 403, path
        assert "PHB Planner is private" in text
    assert _status(root + "?token=not-the-token")[0] == 403


def test_the_page_loads_nothing_from_elsewhere(served: Served) -> None:
    request = urllib.request.Request(served.address)
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
        policy = response.headers["Content-Security-Policy"]
        cookie = response.headers["Set-Cookie"]
        page = response.read().decode()
    assert "default-src 'none'" in policy
    assert "fonts.googleapis" not in page
    assert "https://" not in page
    assert page.count("http://") == page.count(f"http://127.0.0.1:{served.port}/")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_another_name_for_this_computer_or_another_sites_page_is_refused(served: Served) -> None:
    # A web page elsewhere can point its own name at 127.0.0.1; the browser then sends that name.
    assert _status(served.address, {"Host": f"evil.example:{served.port}"})[0] == 403
    # A page on another site opening the websocket says where it comes from.
    root = served.address.split("?")[0]
    status, _ = _status(root + "ws?token=" + served.address.split("token=")[1], {"Origin": "http://evil.example"})
    assert status == 403


def test_a_second_serve_on_the_same_port_says_it_is_busy(served: Served) -> None:
    result = _phb(served.data_dir, "serve", "--port", str(served.port))
    assert result.returncode == 2
    assert f"Port {served.port} is busy" in result.stderr
    assert f"--port {served.port + 1}" in result.stderr
    assert "Traceback" not in result.stderr


def test_ctrl_c_stops_it_and_says_the_plans_are_saved(served: Served) -> None:
    printed = served.stop()
    assert served.process.returncode == 0
    assert "Stopped. Your plans are saved." in printed


def test_any_other_address_is_refused_and_says_why(tmp_path: Path) -> None:
    result = _phb(tmp_path, "serve", "--host", "0.0.0.0", "--port", str(free_port()))
    assert result.returncode == 2
    assert "this computer only" in result.stderr
    assert "health details" in result.stderr
    assert "--allow-other-computers" in result.stderr


def test_other_computers_need_a_long_enough_password(tmp_path: Path) -> None:
    port = str(free_port())
    asked = _phb(tmp_path, "serve", "--host", "0.0.0.0", "--allow-other-computers", "--port", port)
    assert asked.returncode == 2
    assert "needs a password" in asked.stderr
    short = _phb(
        tmp_path,
        *("serve", "--host", "0.0.0.0", "--allow-other-computers", "--port", port),
        env={**__import__("os").environ, "PHB_SERVE_PASSWORD": "short"},
    )
    assert short.returncode == 2
    assert "at least 10 characters" in short.stderr


def test_with_a_password_every_browser_must_give_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PHB_SERVE_PASSWORD", "a long enough password")
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    running = start_serve(data_dir, free_port(), "--host", "0.0.0.0", "--allow-other-computers")
    try:
        assert "with the password you set" in "".join(running.printed)
        assert _status(running.address)[0] == 401
        given = base64.b64encode(b"anyone:a long enough password").decode()
        assert _status(running.address, {"Authorization": f"Basic {given}"})[0] == 200
        wrong = base64.b64encode(b"anyone:a wrong password!!").decode()
        assert _status(running.address, {"Authorization": f"Basic {wrong}"})[0] == 401
    finally:
        running.stop()


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's table of listening sockets")
def test_it_listens_on_127_0_0_1_and_nowhere_else(served: Served) -> None:
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port = local.split(":")
            if int(port, 16) == served.port and state == "0A":  # 0A: listening
                listening.append(address)
    assert listening == ["0100007F"]  # 127.0.0.1, as Linux writes it


def test_in_a_browser_no_key_shown_first_is_one_the_browser_keeps(tmp_path: Path) -> None:
    from phb_tui.keymap import BROWSER_KEYS, BROWSER_TAKES, load_keymap
    from phb_tui.shell.keys import usual_keys

    screens = usual_keys()
    remappable = {action for screen in screens for action in screen}
    keys_file = tmp_path / "keys.toml"
    keys_file.write_text(
        "[keys]\n"
        + "".join(f'"{action}" = "{keys}"\n' for action, keys in BROWSER_KEYS.items() if action in remappable)
    )
    _, problems = load_keymap(keys_file, screens)
    assert problems == []  # No two actions on one screen share a key.
    for screen in screens:
        for action, usual in screen.items():
            first = BROWSER_KEYS.get(action, usual).split(",")[0]
            assert first not in BROWSER_TAKES, f"{action} is shown as {first}, which a browser keeps"


def test_open_gives_the_browser_no_secret_on_its_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = tmp_path / "opened.txt"
    # Python's webbrowser runs $BROWSER with the address in place of %s: here, a note of it, which
    # is all any other user of the computer could read in the list of processes.
    monkeypatch.setenv(
        "BROWSER", f"{sys.executable} -c \"import sys; open({str(opened)!r}, 'w').write(sys.argv[1])\" %s"
    )
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    running = start_serve(data_dir, free_port(), "--open")
    try:
        deadline = time.monotonic() + 30  # The browser is started just after the address is printed.
        while not (opened.exists() and opened.read_text()) and time.monotonic() < deadline:
            running.process.poll()
            time.sleep(0.02)
        given = opened.read_text()
        token = running.address.split("token=")[1]
        assert token not in given
        assert given.startswith("file://")
        page = Path(urllib.request.url2pathname(urllib.parse.urlparse(given).path))
        assert page.parent == data_dir and page.stat().st_mode & 0o777 == 0o600
        text = page.read_text()
        assert token not in text
        (address,) = set(re.findall(r"http://127\.0\.0\.1:\d+/\?code=[\w-]+", text))
        # The first visit swaps the code for the key's cookie and moves on to an address with no key.
        with urllib.request.urlopen(address, timeout=10) as response:
            cookie = response.headers["Set-Cookie"]
            assert token in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
            assert 'url=/"' in response.read().decode()
        root = running.address.split("?")[0]
        assert _status(root, {"Cookie": cookie.split(";")[0]})[0] == 200
        assert _status(address)[0] == 403  # Spent: the code in the browser's history is worthless.
    finally:
        running.stop()
    assert not page.exists()
