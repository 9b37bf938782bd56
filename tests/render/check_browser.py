"""The KARE map and the review page as a browser shows them: headless
Chromium takes a screenshot of each, and the check fails when a screenshot is
missing, empty or not a PNG of the window's size, or when either document logs
anything to the console. The page has no scripts, so any console message is
the browser complaining about the markup.

    check_browser.py --kare PATH --chromium PATH --example PLAN.json --work DIR

The screenshots stay in DIR for a person to look at.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import struct
import subprocess
import sys
from typing import List, Tuple

AS_OF = "2026-11-23"
WIDTH, HEIGHT = 1400, 700
BUDGET = 25  # seconds for the browsers; a cold start takes a few
CONSOLE = re.compile(r":CONSOLE[(:]")


def run_kare(kare: str, *args: str) -> None:
    done = subprocess.run([kare, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"kare {' '.join(args)} failed ({done.returncode}): {done.stderr}")


def start_browser(chromium: str, document: str, png: str, profile: str) -> subprocess.Popen:
    args = [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--enable-logging=stderr", "--v=0", f"--user-data-dir={profile}",
            f"--window-size={WIDTH},{HEIGHT}", f"--screenshot={png}",
            "file://" + os.path.abspath(document)]
    # A session of its own, so that a hung browser and its helpers can be
    # stopped together, and only they.
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def finish(browser: subprocess.Popen, what: str) -> Tuple[int, str]:
    try:
        _, err = browser.communicate(timeout=BUDGET)
    except subprocess.TimeoutExpired:
        os.killpg(browser.pid, signal.SIGKILL)
        browser.communicate()
        sys.exit(f"chromium took longer than {BUDGET} s on {what}")
    return browser.returncode, err


def png_size(path: str) -> Tuple[int, int]:
    with open(path, "rb") as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", head[16:24])


def main() -> None:
    args = argparse.ArgumentParser()
    args.add_argument("--kare", required=True)
    args.add_argument("--chromium", required=True)
    args.add_argument("--example", required=True)
    args.add_argument("--work", required=True)
    a = args.parse_args()
    os.makedirs(a.work, exist_ok=True)

    svg = os.path.join(a.work, "map.svg")
    html = os.path.join(a.work, "review.html")
    run_kare(a.kare, "map", a.example, "--as-of", AS_OF, "-o", svg)
    run_kare(a.kare, "review", a.example, "--as-of", AS_OF, "--html", "-o", html)

    shots = []
    for document in (svg, html):
        png = document + ".png"
        if os.path.exists(png):
            os.remove(png)  # a stale screenshot must not pass for a new one
        profile = os.path.join(a.work, "profile-" + os.path.basename(document))
        shots.append((document, png, start_browser(a.chromium, document, png, profile)))

    problems: List[str] = []
    for document, png, browser in shots:
        name = os.path.basename(document)
        rc, err = finish(browser, name)
        if rc != 0:
            problems.append(f"{name}: chromium exited with {rc}:\n{err[-2000:]}")
        problems += [f"{name}: console: {line}" for line in err.splitlines() if CONSOLE.search(line)]
        if not os.path.exists(png) or os.path.getsize(png) == 0:
            problems.append(f"{name}: no screenshot at {png}")
            continue
        try:
            size = png_size(png)
        except ValueError as e:
            problems.append(f"{name}: {png}: {e}")
            continue
        if size != (WIDTH, HEIGHT):
            problems.append(f"{name}: the screenshot is {size[0]}x{size[1]}, not {WIDTH}x{HEIGHT}")

    if problems:
        sys.exit("\n".join(problems))
    print("ok: " + ", ".join(png for _, png, _ in shots))


if __name__ == "__main__":
    main()
