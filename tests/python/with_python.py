"""Runs a command under a given Python: the binding is tested on the oldest
and newest versions it supports, and on the distribution's own python3 (the
one Debian's python3-pandas and mypy belong to).

    with_python.py 3.9 -- -m unittest discover ...
    with_python.py system -- -c "import pandas"

A version is looked for under pyenv ($PYENV_ROOT, else ~/.pyenv:
versions/3.9.*, newest patch first), then as python3.9 on PATH; "system" is
/usr/bin/python3. Exit status 77 (a CTest skip) when there is none, so a
machine without that Python is not red; --require MODULE also skips when the
interpreter lacks MODULE.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

SKIP = 77


def _reports_version(python: str, version: str) -> bool:
    try:
        result = subprocess.run(
            [python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True, text=True, timeout=60)
    except OSError:
        return False
    return result.returncode == 0 and result.stdout.strip() == version


def _patch_key(path: Path) -> List[int]:
    return [int(n) for n in re.findall(r"\d+", path.parent.parent.name)]


def find_python(version: str) -> Optional[str]:
    if version == "system":
        system = Path("/usr/bin/python3")
        return str(system) if system.exists() else None
    root = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv")
    pattern = re.compile(re.escape(version) + r"\.\d+$")
    candidates = sorted((p for p in root.glob(f"versions/{version}.*/bin/python3")
                         if pattern.match(p.parent.parent.name)), key=_patch_key, reverse=True)
    on_path = shutil.which(f"python{version}")
    if on_path:
        candidates.append(Path(on_path))
    for candidate in candidates:
        # A pyenv shim for a version not installed exists but fails to run.
        if _reports_version(str(candidate), version):
            return str(candidate)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("version", help='"3.9", "3.13", ... or "system"')
    parser.add_argument("--require", action="append", default=[], metavar="MODULE")
    # Everything after "--" is the interpreter's, options included.
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:split])
    command = argv[split + 1:]

    python = find_python(args.version)
    if python is None:
        print(f"no Python {args.version} on this machine: skipping")
        return SKIP
    for module in args.require:
        if subprocess.run([python, "-c", f"import {module}"], capture_output=True).returncode:
            print(f"{python} has no {module} module: skipping")
            return SKIP
    print(f"running under {python}", flush=True)
    return subprocess.run([python] + command).returncode


if __name__ == "__main__":
    sys.exit(main())
