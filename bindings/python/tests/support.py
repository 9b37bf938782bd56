"""What the tests share: the example plan, the repository, subprocesses."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
import unittest
from pathlib import Path
from typing import Any, Dict, Mapping, Optional

import kare

# The checkout. KARE_SOURCE_DIR names it when these tests run from a copy
# against an installed package (the consumer.python test).
REPO = (Path(os.environ["KARE_SOURCE_DIR"]).resolve() if os.environ.get("KARE_SOURCE_DIR")
        else Path(__file__).resolve().parent.parent.parent.parent)
BINDING = REPO / "bindings" / "python"
EXAMPLE = REPO / "docs" / "examples" / "harbor-analytics.json"
HEADER = REPO / "capi" / "include" / "kare" / "kare.h"
AS_OF = "2026-11-23"

_EXAMPLE_DOCUMENT: Dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))


def example_document() -> Dict[str, Any]:
    """A fresh copy of the example plan document, free to modify."""
    return copy.deepcopy(_EXAMPLE_DOCUMENT)


def example_plan() -> kare.Plan:
    return kare.Plan.from_file(EXAMPLE)


def account(document: Mapping[str, Any], account_id: str) -> Dict[str, Any]:
    """The account with that id in a plan or report document."""
    for entry in document["accounts"]:
        if entry["id"] == account_id:
            return dict(entry)
    raise KeyError(account_id)


def copy_package(destination: Path) -> Path:
    """The kare package copied to `destination` as an installer lays it out:
    its version written into _version.py, since a copy has no
    include/kare/version.hpp above it for the checkout's _version.py to read."""
    shutil.copytree(BINDING / "kare", destination, ignore=shutil.ignore_patterns("__pycache__"))
    (destination / "_version.py").write_text(f'__version__ = "{kare.__version__}"\n',
                                             encoding="utf-8")
    return destination


def run_python(code: str, environ: Optional[Mapping[str, str]] = None,
               python_path: Optional[Path] = None) -> "subprocess.CompletedProcess[str]":
    """Runs code in a fresh interpreter that imports kare from `python_path`
    (this checkout by default), with `environ` added to the environment."""
    folder = python_path or BINDING
    env = dict(os.environ)
    env["PYTHONPATH"] = str(folder)
    if os.sep in kare.library_path():
        # The absolute path this process loaded: KARE_LIBRARY may be relative
        # to a working directory the child does not share.
        env["KARE_LIBRARY"] = kare.library_path()
    env.update(environ or {})
    # `python -c` puts the working directory first on sys.path: make it the
    # folder kare is to come from.
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=folder,
                          capture_output=True, text=True, timeout=60)


class PlanTestCase(unittest.TestCase):
    """Gives each test a fresh example plan in self.plan, closed afterwards."""

    def setUp(self) -> None:
        self.plan = example_plan()
        self.addCleanup(self.plan.close)
