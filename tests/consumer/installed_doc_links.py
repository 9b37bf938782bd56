"""Every relative link in the installed Markdown docs leads to an installed file.

usage: installed_doc_links.py DOCDIR

Reads each *.md under DOCDIR (README.md and the docs tree as installed),
takes every Markdown link and image whose target is not a URL or an in-page
anchor, and checks that the file or folder it names exists, resolved from the
linking file's folder and staying inside DOCDIR. Fails naming each dead link
as FILE:LINE: TARGET, and fails if it found no link at all (a check that read
nothing would pass whatever was installed).
"""

import pathlib
import re
import sys

LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^\s*(```|~~~)")


def links(path):
    inside_fence = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if FENCE.match(line):
            inside_fence = not inside_fence
            continue
        if inside_fence:
            continue
        for match in LINK.finditer(re.sub(r"`[^`]*`", "", line)):
            yield number, match.group(1)


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    pages = sorted(root.rglob("*.md"))
    if not (root / "README.md").is_file():
        sys.exit(f"{root}: no README.md installed")
    checked, dead = 0, []
    for page in pages:
        for number, target in links(page):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("#"):
                continue
            checked += 1
            resolved = (page.parent / target.split("#", 1)[0]).resolve()
            if not resolved.exists() or root not in (resolved, *resolved.parents):
                dead.append(f"{page.relative_to(root)}:{number}: {target}")
    if dead:
        sys.exit("dead links in the installed docs:\n  " + "\n  ".join(dead))
    if checked == 0:
        sys.exit(f"{root}: no relative link found in {len(pages)} pages")
    print(f"{checked} relative links in {len(pages)} installed pages resolve")


if __name__ == "__main__":
    main()
