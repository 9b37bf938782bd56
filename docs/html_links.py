"""Every relative link in the generated API reference leads somewhere.

usage: html_links.py HTMLDIR

Reads each *.html under HTMLDIR, takes every href and src that is not a URL,
a mailto: or javascript: link, and checks that the file it names exists
(anchors are not checked). Fails naming each dead link as PAGE: TARGET, and
fails if it found no link at all.
"""

import html.parser
import pathlib
import re
import sys
import urllib.parse


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.targets = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.targets.append(value)


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    pages = sorted(root.rglob("*.html"))
    checked, dead = 0, set()
    for page in pages:
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        for target in parser.targets:
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith(("#", "//")):
                continue
            path = urllib.parse.unquote(target.split("#", 1)[0].split("?", 1)[0])
            if not path:
                continue
            checked += 1
            if not (page.parent / path).exists():
                dead.add(f"{page.relative_to(root)}: {target}")
    if dead:
        sys.exit("dead links in the API reference:\n  " + "\n  ".join(sorted(dead)))
    if checked == 0:
        sys.exit(f"{root}: no relative link found in {len(pages)} pages")
    print(f"{checked} relative links in {len(pages)} pages of the API reference resolve")


if __name__ == "__main__":
    main()
