"""Browser-test fixtures: a real `streamlit run dashboard.py` on a free port, and headless Debian chromium.

`streamlit_app(env)` starts a server with extra environment variables (e.g. `TROOPMAP_STORE` pointing to
a temporary store), waits until `/_stcore/health` answers, and returns its base URL; every server it
started is stopped when the test ends. `page` is a Playwright page on /usr/bin/chromium (never a
downloaded browser), with the flags this machine's closed network needs.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = os.environ.get("TROOPMAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "tests" / "screenshots"
STARTUP_TIMEOUT_S = 90.0

StreamlitApp = Callable[..., str]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(base_url: str, proc: subprocess.Popen, log: Path, timeout: float = STARTUP_TIMEOUT_S) -> None:
    """Poll the health endpoint until it answers "ok"; fail with the server's log if it dies or hangs."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{log.read_text(errors='replace')[-4000:]}")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"streamlit not healthy after {timeout:.0f} s:\n{log.read_text(errors='replace')[-4000:]}")


def start_streamlit(
    env: Mapping[str, str] | None, log: Path, *, script: str = "dashboard.py"
) -> tuple[subprocess.Popen, str]:
    """`streamlit run` in its own process group on a free loopback port; returns (process, base URL)."""
    port = free_port()
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    fh = log.open("wb")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=full_env, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)
    fh.close()
    return proc, f"http://127.0.0.1:{port}"


def stop(proc: subprocess.Popen) -> None:
    """Stop the server's whole process group (only the one this fixture started)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    except ProcessLookupError:
        pass


@pytest.fixture()
def streamlit_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitApp]:
    """A factory: `streamlit_app({"TROOPMAP_STORE": str(path)})` -> base URL of a healthy server."""
    started: list[subprocess.Popen] = []

    def _start(env: Mapping[str, str] | None = None, *, script: str = "dashboard.py") -> str:
        log = tmp_path_factory.mktemp("streamlit") / "server.log"
        proc, url = start_streamlit(env, log, script=script)
        started.append(proc)
        try:
            wait_healthy(url, proc, log)
        except Exception:
            stop(proc)
            raise
        return url

    yield _start
    for proc in started:
        stop(proc)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless chromium through Playwright; skipped (with the reason) when it is not installed."""
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.skip(f"{CHROMIUM} missing: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser: object) -> Iterator[object]:
    """A fresh page (its own context) 1400x900; JS dialogs are recorded in `page.dialogs` and dismissed."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    pg = context.new_page()
    dialogs: list[str] = []
    pg.dialogs = dialogs  # type: ignore[attr-defined]

    def _on_dialog(dialog: object) -> None:
        dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    pg.on("dialog", _on_dialog)
    yield pg
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
