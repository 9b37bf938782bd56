"""docs/python.md runs as written: each python cell in order, its output
compared with the text cell that follows it."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import tempfile
import unittest
from typing import Any, Dict, List, Optional, Tuple

from .support import EXAMPLE, REPO

WALKTHROUGH = REPO / "docs" / "python.md"


def cells(markdown: str) -> List[Tuple[str, Optional[str]]]:
    """(python code, expected output or None) for each python cell."""
    blocks = re.findall(r"^```(\w*)\n(.*?)^```$", markdown, re.MULTILINE | re.DOTALL)
    found: List[Tuple[str, Optional[str]]] = []
    for i, (language, body) in enumerate(blocks):
        if language != "python":
            continue
        follows = blocks[i + 1] if i + 1 < len(blocks) else None
        found.append((body, follows[1] if follows and follows[0] == "text" else None))
    return found


class WalkthroughTest(unittest.TestCase):
    def test_every_cell_prints_what_the_page_shows(self) -> None:
        found = cells(WALKTHROUGH.read_text(encoding="utf-8"))
        self.assertGreater(len(found), 10)
        # The cells read docs/examples/ and save beside it: give them a copy.
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        os.makedirs(os.path.join(folder, "docs", "examples"))
        shutil.copy(EXAMPLE, os.path.join(folder, "docs", "examples"))
        previous = os.getcwd()
        os.chdir(folder)
        self.addCleanup(os.chdir, previous)

        namespace: Dict[str, Any] = {"__name__": "walkthrough"}
        for number, (code, expected) in enumerate(found, 1):
            output = io.StringIO()
            with contextlib.redirect_stdout(output):
                exec(compile(code, f"docs/python.md cell {number}", "exec"), namespace)
            if expected is not None:
                self.assertEqual(output.getvalue(), expected, f"cell {number}:\n{code}")


if __name__ == "__main__":
    unittest.main()
