"""The KARE map and the review page as a browser shows them: headless
Chromium takes a screenshot of each, and the check fails when a screenshot is
missing, empty or not a PNG of the window's size, or when either document logs
anything to the console. The page has no scripts, so any console message is
the browser complaining about the markup.

The review page, of the example and of a generated 500-account plan, is also
shot 900 px and 1400 px wide and printed to PDF: every page of the print must
be A4 landscape, and at 900 px the embedded map must be drawn wide enough that
its smallest text is at least 11 px (measured by the browser on a copy of the
page with a one-line script).

    check_browser.py --kare PATH --chromium PATH --example PLAN.json --work DIR
                     [--generate kare_page_plan]

The screenshots and prints stay in DIR for a person to look at.
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
BUDGET = 90  # seconds per browser run; a cold start takes a few, printing a 500-account page more
CONSOLE = re.compile(r":CONSOLE[(:]")


def run_kare(kare: str, *args: str) -> None:
    done = subprocess.run([kare, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"kare {' '.join(args)} failed ({done.returncode}): {done.stderr}")


def start_browser(chromium: str, document: str, png: str, profile: str,
                  size: Tuple[int, int] = (WIDTH, HEIGHT), action: str = "") -> subprocess.Popen:
    args = [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--enable-logging=stderr", "--v=0", f"--user-data-dir={profile}",
            f"--window-size={size[0]},{size[1]}", action or f"--screenshot={png}",
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


NARROW, WIDE, TALL = 900, 1400, 1600
MIN_TEXT_PX = 11.0
A4_LANDSCAPE = (841.89, 595.28)  # points
MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]")
MEASURE = ("<script>addEventListener('load',()=>{const s=document.querySelector('.map svg');"
           "document.body.setAttribute('data-map-width',s.getBoundingClientRect().width);"
           "document.body.setAttribute('data-page-width',document.documentElement.scrollWidth);"
           "document.body.setAttribute('data-view-width',document.documentElement.clientWidth)})"
           "</script>")


def shoot(chromium: str, work: str, document: str, size: Tuple[int, int], suffix: str,
          problems: List[str]) -> str:
    png = f"{document}.{suffix}.png"
    if os.path.exists(png):
        os.remove(png)
    name = os.path.basename(png)
    rc, err = finish(start_browser(chromium, document, png,
                                   os.path.join(work, "profile-" + name), size), name)
    if rc != 0:
        problems.append(f"{name}: chromium exited with {rc}:\n{err[-2000:]}")
    problems += [f"{name}: console: {line}" for line in err.splitlines() if CONSOLE.search(line)]
    try:
        if png_size(png) != size:
            problems.append(f"{name}: the screenshot is {png_size(png)}, not {size}")
    except (OSError, ValueError) as e:
        problems.append(f"{name}: no usable screenshot: {e}")
    return png


def print_pdf(chromium: str, work: str, document: str, problems: List[str]) -> str:
    pdf = document + ".pdf"
    if os.path.exists(pdf):
        os.remove(pdf)
    name = os.path.basename(pdf)
    rc, err = finish(start_browser(chromium, document, pdf, os.path.join(work, "profile-" + name),
                                   (WIDE, TALL), f"--print-to-pdf={pdf}"), name)
    rc_ok = rc == 0 and os.path.exists(pdf)
    if not rc_ok:
        problems.append(f"{name}: chromium exited with {rc} and no PDF:\n{err[-2000:]}")
        return pdf
    with open(pdf, "rb") as f:
        data = f.read()
    boxes = [(float(w), float(h)) for w, h in MEDIA_BOX.findall(data)]
    if not data.startswith(b"%PDF") or not boxes:
        problems.append(f"{name}: not a PDF with pages")
    for w, h in boxes:
        if abs(w - A4_LANDSCAPE[0]) > 2 or abs(h - A4_LANDSCAPE[1]) > 2:
            problems.append(f"{name}: a page is {w}x{h} pt, not A4 landscape")
    return pdf


def smallest_map_text(chromium: str, work: str, document: str, problems: List[str]) -> float:
    """The smallest font of the embedded map as drawn at 900 px, in px; a
    page wider than the window is a problem."""
    page = open(document, encoding="utf-8").read()
    start, end = page.index("<svg"), page.index("</svg>")
    svg = page[start:end]
    drawn = int(re.search(r'<svg[^>]* width="([0-9]+)"', svg).group(1))
    smallest = min(int(size) for size in re.findall(r'font-size="([0-9]+)"', svg))
    measured = os.path.join(work, "measure-" + os.path.basename(document))
    with open(measured, "w", encoding="utf-8") as f:
        f.write(page.replace("</body>", MEASURE + "</body>"))
    name = os.path.basename(measured)
    browser = start_browser(chromium, measured, "", os.path.join(work, "profile-" + name),
                            (NARROW, TALL), "--dump-dom")
    try:
        out, err = browser.communicate(timeout=BUDGET)
    except subprocess.TimeoutExpired:
        os.killpg(browser.pid, signal.SIGKILL)
        browser.communicate()
        sys.exit(f"chromium took longer than {BUDGET} s on {name}")
    found = re.search(r'data-map-width="([0-9.]+)"', out)
    if not found:
        problems.append(f"{name}: the browser did not measure the map:\n{err[-1000:]}")
        return 0.0
    # A wide table scrolls in its own box: the page itself never scrolls sideways.
    page_width = re.search(r'data-page-width="([0-9.]+)"', out)
    view_width = re.search(r'data-view-width="([0-9.]+)"', out)
    if not page_width or not view_width:
        problems.append(f"{name}: the browser did not measure the page")
    elif float(page_width.group(1)) > float(view_width.group(1)):
        problems.append(f"{name}: at {NARROW} px the page is {page_width.group(1)} px wide "
                        f"and scrolls sideways")
    px = smallest * float(found.group(1)) / drawn
    if px < MIN_TEXT_PX:
        problems.append(f"{name}: at {NARROW} px the map's smallest text is {px:.1f} px "
                        f"(drawn {smallest} px at {drawn} px, shown {found.group(1)} px wide)")
    return px


def check_pages(a: argparse.Namespace) -> List[str]:
    """The review page at 900 px, 1400 px and in print, on the example and
    on a generated 500-account plan."""
    problems: List[str] = []
    pages = [os.path.join(a.work, "review.html")]
    if a.generate:
        plan = os.path.join(a.work, "plan-500.json")
        with open(plan, "wb") as f:
            done = subprocess.run([a.generate, "500", "7", "--whole"], stdout=f, check=False)
        if done.returncode != 0:
            sys.exit(f"{a.generate} failed ({done.returncode})")
        big = os.path.join(a.work, "review-500.html")
        run_kare(a.kare, "review", plan, "--as-of", AS_OF, "--html", "-o", big)
        pages.append(big)
    made = []
    for page in pages:
        text = open(page, encoding="utf-8").read()
        for part in ('<div class="map">', 'id="progress"', 'id="pipeline"', 'id="effort"',
                     'id="moves"', 'id="playbook"', 'id="findings"'):
            if part not in text:
                problems.append(f"{os.path.basename(page)}: no {part}")
        made.append(shoot(a.chromium, a.work, page, (NARROW, TALL), "900", problems))
        made.append(shoot(a.chromium, a.work, page, (WIDE, TALL), "1400", problems))
        made.append(print_pdf(a.chromium, a.work, page, problems))
        px = smallest_map_text(a.chromium, a.work, page, problems)
        made.append(f"{os.path.basename(page)}: map text at 900 px >= {px:.1f} px")
    print("pages: " + ", ".join(made))
    return problems


def main() -> None:
    args = argparse.ArgumentParser()
    args.add_argument("--kare", required=True)
    args.add_argument("--chromium", required=True)
    args.add_argument("--example", required=True)
    args.add_argument("--work", required=True)
    args.add_argument("--generate", help="a generator of whole plans (kare_page_plan)")
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

    problems += check_pages(a)
    if problems:
        sys.exit("\n".join(problems))
    print("ok: " + ", ".join(png for _, png, _ in shots))


if __name__ == "__main__":
    main()
