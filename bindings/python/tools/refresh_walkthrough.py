"""Rewrites the output cells of docs/python.md from a run of its python cells.

Run after changing the example plan or the binding, then read the diff:
    PYTHONPATH=bindings/python KARE_LIBRARY=build/capi/libkare.so \
        python3 bindings/python/tools/refresh_walkthrough.py
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any, Dict

REPO = Path(__file__).resolve().parents[3]
WALKTHROUGH = REPO / "docs" / "python.md"
EXAMPLE = REPO / "docs" / "examples" / "harbor-analytics.json"
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def main() -> None:
    markdown = WALKTHROUGH.read_text(encoding="utf-8")
    blocks = list(BLOCK.finditer(markdown))
    folder = tempfile.mkdtemp()
    os.makedirs(os.path.join(folder, "docs", "examples"))
    shutil.copy(EXAMPLE, os.path.join(folder, "docs", "examples"))
    previous = os.getcwd()
    os.chdir(folder)
    namespace: Dict[str, Any] = {"__name__": "walkthrough"}
    replacements = []
    try:
        for i, block in enumerate(blocks):
            if block.group(1) != "python":
                continue
            output = io.StringIO()
            with contextlib.redirect_stdout(output):
                exec(compile(block.group(2), f"cell {i}", "exec"), namespace)
            follows = blocks[i + 1] if i + 1 < len(blocks) else None
            if follows and follows.group(1) == "text":
                replacements.append((follows.start(2), follows.end(2), output.getvalue()))
    finally:
        os.chdir(previous)
        shutil.rmtree(folder)
    for start, end, text in reversed(replacements):
        markdown = markdown[:start] + text + markdown[end:]
    WALKTHROUGH.write_text(markdown, encoding="utf-8")


if __name__ == "__main__":
    main()
