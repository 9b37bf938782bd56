"""consumer.python: the Python package as cmake --install lays it out, with
no help from the environment, finds the installed libkare and passes the
binding's whole unittest suite.

The suite runs from a copy, so that the checkout's package cannot be imported
by accident; KARE_SOURCE_DIR tells it where the example plan and kare.h are.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--prefix", required=True, type=Path)
    parser.add_argument("--pythondir", required=True, help="relative to the prefix")
    parser.add_argument("--source", required=True, type=Path)
    parser.add_argument("--work", required=True, type=Path)
    args = parser.parse_args()
    prefix = args.prefix.resolve()
    site = prefix / args.pythondir

    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    shutil.copytree(args.source / "bindings" / "python" / "tests", args.work / "tests",
                    ignore=shutil.ignore_patterns("__pycache__"))

    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "KARE_LIBRARY", "LD_LIBRARY_PATH")}
    env.update(PYTHONPATH=str(site), KARE_SOURCE_DIR=str(args.source.resolve()),
               KARE_CLI=str(prefix / "bin" / "kare"), PYTHONDONTWRITEBYTECODE="1")

    where = subprocess.run(
        [sys.executable, "-c", "import kare; print(kare.__file__); print(kare.library_path())"],
        cwd=args.work, env=env, text=True, capture_output=True)
    sys.stdout.write(where.stdout + where.stderr)
    if where.returncode != 0:
        print("FAILED: the installed package cannot be imported")
        return 1
    package, library = where.stdout.split()
    for what, path in (("package", package), ("library", library)):
        if not Path(path).resolve().is_relative_to(prefix):
            print(f"FAILED: the {what} came from {path}, not from {prefix}")
            return 1

    suite = subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", "tests", "-t", "."],
                           cwd=args.work, env=env)
    return suite.returncode


if __name__ == "__main__":
    sys.exit(main())
