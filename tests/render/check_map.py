"""The KARE map as a user gets it from `kare map` and `kare review --html`:
the SVG is well-formed XML with every account inside the group of its
quadrant (or the margin), and hostile names come out as escaped text in both
the SVG and the HTML page.

    check_map.py --kare PATH --example PLAN.json --work DIR
"""

from __future__ import annotations

import argparse
import html.parser
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from typing import Dict, List

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert(1)</script> & "x"'
AS_OF = "2026-11-23"
CLIP = 30  # characters of a name the quadrant lists show


def run(kare: str, *args: str) -> str:
    done = subprocess.run([kare, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"kare {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return done.stdout


def texts_by_group(svg_path: str) -> Dict[str, List[str]]:
    """Every text of every top-level group, by the group's id."""
    root = ET.parse(svg_path).getroot()  # raises on malformed XML
    assert root.tag == SVG + "svg", root.tag
    groups: Dict[str, List[str]] = {}
    for g in root.findall(SVG + "g"):
        groups[g.get("id", "")] = ["".join(t.itertext()) for t in g.iter(SVG + "text")]
    return groups


def shown(name: str) -> str:
    return name if len(name) <= CLIP else name[:CLIP]


def check_placements(kare: str, plan: str, svg_path: str) -> int:
    report = json.loads(run(kare, "report", plan, "--as-of", AS_OF, "--json"))
    groups = texts_by_group(svg_path)
    expected = {"quadrant-keep", "quadrant-attain", "quadrant-recapture", "quadrant-expand", "margin"}
    missing = expected - set(groups)
    assert not missing, f"groups missing from the SVG: {missing}"
    for account in report["accounts"]:
        placement = account["placement"]
        home = "margin" if placement in ("fired", "unassigned") else "quadrant-" + placement
        name = shown(account["name"])
        for group, texts in groups.items():
            inside = any(name in t for t in texts)
            if group == home:
                assert inside, f"{account['id']} ({name}) is not in <g id=\"{home}\">"
            elif group in expected:
                assert not inside, f"{account['id']} ({name}) also appears in <g id=\"{group}\">"
    return len(report["accounts"])


class Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: List[str] = []
        self.text: List[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check_hostile(kare: str, example: str, work: str) -> None:
    with open(example, encoding="utf-8") as f:
        plan = json.load(f)
    for account in plan["accounts"]:
        if account["id"] == "PKR-016":
            account["name"] = HOSTILE
    for rep in plan["reps"]:
        rep["name"] = HOSTILE
    plan["name"] = HOSTILE
    path = os.path.join(work, "hostile.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(plan, f)

    svg_path = os.path.join(work, "hostile.svg")
    run(kare, "map", path, "--as-of", AS_OF, "-o", svg_path)
    groups = texts_by_group(svg_path)
    assert any(HOSTILE[:CLIP] in t for t in groups["quadrant-attain"]), "the hostile name is not text"
    raw = open(svg_path, encoding="utf-8").read()
    assert "<script" not in raw, "an unescaped tag reached the SVG"

    html_path = os.path.join(work, "hostile.html")
    run(kare, "review", path, "--as-of", AS_OF, "--html", "-o", html_path)
    page = open(html_path, encoding="utf-8").read()
    assert "<script" not in page, "an unescaped tag reached the HTML page"
    parser = Tags()
    parser.feed(page)
    assert "script" not in parser.tags
    assert any(HOSTILE in t for t in parser.text), "the hostile name is not text in the page"
    # The inline SVG of the page is the same well-formed picture.
    start, end = page.index("<svg"), page.index("</svg>") + len("</svg>")
    ET.fromstring(page[start:end])


def main() -> None:
    args = argparse.ArgumentParser()
    args.add_argument("--kare", required=True)
    args.add_argument("--example", required=True)
    args.add_argument("--work", required=True)
    a = args.parse_args()
    os.makedirs(a.work, exist_ok=True)
    svg_path = os.path.join(a.work, "example.svg")
    run(a.kare, "map", a.example, "--as-of", AS_OF, "-o", svg_path)
    n = check_placements(a.kare, a.example, svg_path)
    check_hostile(a.kare, a.example, a.work)
    print(f"ok: {n} accounts in their quadrants; hostile names escaped")


if __name__ == "__main__":
    main()
