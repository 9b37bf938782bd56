"""python.install: pip installs bindings/python into a fresh venv, offline,
and the installed package (not the checkout) reproduces `kare report`'s
summary.

Exit status 77 (a CTest skip) when this Python cannot make a venv with pip.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import List

SKIP = 77
EXPECTED_SUMMARY = {
    "keep": 6, "attain": 4, "recapture": 4, "expand": 5, "fired": 2, "unassigned": 5, "total": 26,
}


def run(command: List[str], **kwargs: object) -> "subprocess.CompletedProcess[str]":
    print("+", " ".join(command), flush=True)
    result = subprocess.run(command, text=True, capture_output=True, timeout=300, **kwargs)  # type: ignore[call-overload]
    sys.stdout.write(result.stdout)
    sys.stdout.write(result.stderr)
    return result  # type: ignore[no-any-return]


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def make_venv(venv: Path) -> Path:
    """A venv with pip: its own from ensurepip (offline), else the base
    interpreter's pip seen through --system-site-packages (Debian's python3
    without python3-venv has no ensurepip)."""
    shutil.rmtree(venv, ignore_errors=True)
    if run([sys.executable, "-m", "venv", str(venv)]).returncode == 0:
        return venv_python(venv)
    shutil.rmtree(venv, ignore_errors=True)
    made = run([sys.executable, "-m", "venv", "--without-pip", "--system-site-packages",
                str(venv)])
    if made.returncode != 0:
        print("this Python cannot create a venv: skipping")
        sys.exit(SKIP)
    python = venv_python(venv)
    if run([str(python), "-m", "pip", "--version"]).returncode != 0:
        print("no pip for this Python: skipping")
        sys.exit(SKIP)
    return python


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", required=True, type=Path, help="the kare checkout")
    parser.add_argument("--venv", required=True, type=Path, help="where to make the venv")
    parser.add_argument("--library", required=True, help="the built libkare")
    args = parser.parse_args()
    args.source = args.source.resolve()
    args.library = os.path.abspath(args.library)

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1", PIP_NO_CACHE_DIR="1")

    python = make_venv(args.venv)
    # --no-index: never reach for a package index. No --no-build-isolation
    # needed: the package has no build requirements.
    installed = run([str(python), "-m", "pip", "install", "--no-index", "./bindings/python"],
                    cwd=args.source, env=env)
    if installed.returncode != 0:
        print("FAILED: pip install ./bindings/python")
        return 1

    env["KARE_LIBRARY"] = args.library
    code = ("import kare; print(kare.__file__); "
            "plan = kare.Plan.from_file('docs/examples/harbor-analytics.json'); "
            "print(plan.report('2026-11-23')['summary']); "
            "print(repr(plan.pipeline('2026-11-23')['summary']['total']), "
            "len(plan.placements()), plan.placement('ACME-001') == 'keep')")
    used = run([str(python), "-c", code], cwd=args.source, env=env)
    if used.returncode != 0:
        print("FAILED: the installed package does not work")
        return 1
    where, summary, typed = used.stdout.strip().splitlines()
    if typed != "Decimal('1241000.00') 26 True":
        print(f"FAILED: typed results {typed!r}")
        return 1
    if not Path(where).resolve().is_relative_to(args.venv.resolve()):
        print(f"FAILED: kare was imported from {where}, not from the venv")
        return 1
    if ast.literal_eval(summary) != EXPECTED_SUMMARY:
        print(f"FAILED: summary {summary}, expected {EXPECTED_SUMMARY}")
        return 1
    print("python.install: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
