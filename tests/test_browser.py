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
SAMPLE = ROOT / "data" / "sample_applicants.csv"
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


@pytest.fixture(scope="module")
def server():
    """The app served by `streamlit run`, its log kept in test-artifacts/server.log (checked for tracebacks)."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI: .ci/run installs Debian's chromium")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / "server.log"
    port = free_port()
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
            + ["--server.address", "127.0.0.1"],
            cwd=ROOT,
            env={**os.environ, "HF_HUB_OFFLINE": "1"},
            stdout=output,
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
    assert "Traceback" not in log.read_text(encoding="utf-8"), f"the server logged a traceback: see {log}"


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def settle(page, quiet_seconds: float = 1.0, timeout_seconds: float = 60.0) -> None:
    """Wait until the app has finished its rerun: its status widget stays hidden for ``quiet_seconds``.

    Streamlit keeps the old page on screen during a rerun and shows the widget only after a short
    delay, so one look could come before the rerun shows and let a click land in the middle of it.
    """
    status = page.locator('[data-testid="stStatusWidget"]')
    quiet_since = time.monotonic()
    deadline = quiet_since + timeout_seconds
    while time.monotonic() < deadline:
        page.wait_for_timeout(200)
        if status.is_visible():
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= quiet_seconds:
            return
    pytest.fail(f"the app was still running {timeout_seconds:.0f} s after the last action")


def screenshot(page, name: str, height: int = 1800) -> Path:
    """A PNG of the page (Streamlit scrolls inside its own container, so a tall viewport shows more of it)."""
    page.set_viewport_size({"width": 1280, "height": height})
    page.wait_for_timeout(800)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def test_mentee_queries_corrects_a_reading_stars_three_and_downloads_the_checklist(server, browser):
    from playwright.sync_api import expect

    url, started = server
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.goto(url)
    settle(page)
    page.get_by_label("Other skills, in your own words").fill("TypeScript, React, Playwright, end-to-end testing")
    page.get_by_label("What would you like to work on?").fill("UI testing, and I want to learn Go")
    page.get_by_role("button", name="Find projects").click()
    settle(page)
    title = "Implementing End-to-End Playwright Testing for KubeStellar UI"
    page.get_by_role("heading", name=title).first.wait_for(timeout=90_000)
    print(f"first ranked result {time.monotonic() - started:.1f} s after server start")
    assert page.get_by_role("heading", level=4).all_inner_texts()[0].endswith(title)
    assert "other=" in page.url  # the query is in the URL, to share
    screenshot(page, "find-your-project")
    # correct the reading: take Go off "You want to learn" (its chip's close button); the ranking follows
    page.get_by_text("What we understood").wait_for()
    assert page.get_by_role("button", name="Remove Go").count() == 1
    page.get_by_role("button", name="Remove Go").click()
    expect(page.get_by_role("button", name="Remove Go")).to_have_count(0, timeout=30_000)
    settle(page)
    page.get_by_text("What to learn next").wait_for(timeout=60_000)
    for starred in range(1, 4):
        page.get_by_role("button", name="Download these results (CSV)").wait_for(timeout=60_000)  # the run's end
        page.get_by_text("★ Shortlist this project").first.click()
        settle(page)
        page.get_by_text(f"Your shortlist ({starred} of 3)").wait_for(timeout=60_000)
        expect(page.get_by_text("★ On your shortlist")).to_have_count(starred)
    assert "star=" in page.url
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the checklist (Markdown)").click()
    checklist = Path(download.value.path()).read_text(encoding="utf-8")
    assert checklist.startswith("# My LFX Mentorship application checklist") and checklist.count("\n## ") == 3
    page.get_by_text("Your shortlist (3 of 3)").scroll_into_view_if_needed()
    screenshot(page, "shortlist")


def test_coordinator_downloads_every_csv_and_the_results_stay(server, browser):
    from playwright.sync_api import expect

    url, _ = server
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.goto(f"{url}/coordinators")
    settle(page)  # an upload made while the page's first run is still going can be lost with it
    page.locator("input[type=file]").last.set_input_files(str(SAMPLE))
    settle(page)
    page.get_by_role("button", name="Score applicants").click(timeout=60_000)
    page.get_by_text("12 applicants read; 0 not scored").wait_for(timeout=120_000)
    for label in ("Download (CSV)", "Download shortlists (CSV)", "Download assignment (CSV)"):
        with page.expect_download() as download:
            page.get_by_role("button", name=label).click()
        header = Path(download.value.path()).read_text(encoding="utf-8").splitlines()[0]
        assert "title" in header and "lfx_url" in header, label
        page.wait_for_timeout(1000)  # a download reruns the script: give a wipe the time to show
        expect(page.get_by_text("12 applicants read; 0 not scored")).to_be_visible(timeout=30_000)
    page.get_by_text("12 applicants read; 0 not scored").scroll_into_view_if_needed()
    screenshot(page, "coordinators")


def test_catalogue_search_by_meaning(server, browser):
    url, _ = server
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{url}/catalogue")
    settle(page)
    page.get_by_label("Search by meaning and words").fill("game server")
    page.keyboard.press("Enter")
    page.get_by_text("match the search").wait_for(timeout=60_000)
    screenshot(page, "catalogue")
