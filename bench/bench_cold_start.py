"""Cold-start figures: what a one-shot command and a fresh app cost before the first answer.

Prints the median wall time of new processes (the index cache warm, as after a first run):
``import torch`` alone, ``matcher --help``, ``matcher catalog``, ``matcher recommend``; then the
web app's time from ``streamlit run`` to its first ranked result in Chromium (skipped without it).

    python bench/bench_cold_start.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MATCHER = [sys.executable, "-m", "matcher.cli"]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ENVIRONMENT = {**os.environ, "HF_HUB_OFFLINE": "1"}


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=ENVIRONMENT, check=True, capture_output=True)
    return time.perf_counter() - start


def median_wall(name: str, command: list[str], repeat: int) -> None:
    wall(command)  # warm the disk caches (and the index and ONNX caches) first
    samples = [wall(command) for _ in range(repeat)]
    print(f"  {name:<34} median {statistics.median(samples):5.2f} s   (min {min(samples):.2f}, max {max(samples):.2f})")


def app_first_result() -> float | None:
    """Seconds from starting the server to the first ranked card, in a browser already open (as a user's is)."""
    if not Path(CHROMIUM).exists():
        return None
    from playwright.sync_api import sync_playwright

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    with sync_playwright() as playwright, tempfile.TemporaryFile() as log:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page()
        started = time.perf_counter()
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)],
            cwd=ROOT,
            env=ENVIRONMENT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                        break
                except OSError:
                    time.sleep(0.05)
            page.goto(url)
            page.get_by_label("Other skills, in your own words").fill("Go, Kubernetes")
            page.get_by_role("button", name="Find projects").click()
            page.get_by_role("heading", level=4).first.wait_for(timeout=120_000)
            return time.perf_counter() - started
        finally:
            browser.close()
            server.terminate()
            server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print("new processes, index cache warm:")
    median_wall("import torch (for comparison)", [sys.executable, "-c", "import torch"], args.repeat)
    median_wall("matcher --help", [*MATCHER, "--help"], args.repeat)
    median_wall("matcher catalog", [*MATCHER, "catalog"], args.repeat)
    query = ["recommend", "--skills", "Go, Kubernetes", "--interests", "operators", "--top", "3"]
    median_wall("matcher recommend", [*MATCHER, *query], args.repeat)
    samples = [app_first_result() for _ in range(3)]
    if None in samples:
        print(f"\napp: {CHROMIUM} absent, first-result time not measured")
    else:
        print(f"\napp: first ranked result {statistics.median(samples):.1f} s after `streamlit run` (median of 3)")


if __name__ == "__main__":
    main()
