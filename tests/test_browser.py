"""A real browser against the real server: `streamlit run app.py`, Playwright, Debian's Chromium.

Skipped where Chromium is absent (a user's machine), never in CI (CI=true makes it a failure).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI: .ci/run installs Debian's chromium")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    port = free_port()
    started = time.monotonic()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
        ],
        cwd=ROOT,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                    if response.read() == b"ok":
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the Streamlit server did not start within 60 s")
        yield url, started
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_mentee_finds_the_playwright_project_in_a_real_browser(server):
    from playwright.sync_api import sync_playwright

    url, started = server
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(url)
            page.get_by_label("Other skills, in your own words").fill(
                "TypeScript, React, Playwright, end-to-end testing"
            )
            page.get_by_label("What would you like to work on?").fill("UI testing")
            page.get_by_role("button", name="Find projects").click()
            title = "Implementing End-to-End Playwright Testing for KubeStellar UI"
            page.get_by_role("heading", name=title).first.wait_for(timeout=90_000)
            first_result = time.monotonic() - started
            headings = page.get_by_role("heading", level=4).all_inner_texts()
            assert headings[0].endswith(title)
            assert "other=" in page.url  # the query is in the URL, to share
            # Streamlit scrolls inside its own container: a tall viewport shows the cards too
            page.set_viewport_size({"width": 1280, "height": 2400})
            page.wait_for_timeout(500)
            page.screenshot(path=str(ARTIFACTS / "find-your-project.png"), full_page=True)
            print(f"first ranked result {first_result:.1f} s after server start")
        finally:
            browser.close()
    assert (ARTIFACTS / "find-your-project.png").stat().st_size > 10_000
