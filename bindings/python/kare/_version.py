"""The binding's version, which is libkare's: read here from
include/kare/version.hpp, the one place it is written. Wheels, sdists and
``cmake --install`` ship this file with the number filled in instead (from
build_backend/_version.py.in), as they ship without the header."""

import re
from pathlib import Path


def _from_header() -> str:
    header = Path(__file__).resolve().parents[3] / "include" / "kare" / "version.hpp"
    try:
        text = header.read_text(encoding="utf-8")
    except OSError as e:
        raise ImportError(
            f"kare/_version.py reads the version from {header}, which cannot be read ({e}): "
            "install the binding (pip install bindings/python) rather than copying its folder"
        ) from e
    parts = []
    for part in ("MAJOR", "MINOR", "PATCH"):
        match = re.search(rf"^#define KARE_VERSION_{part} (\d+)$", text, re.MULTILINE)
        if not match:
            raise ImportError(f"{header} has no '#define KARE_VERSION_{part} <number>' line")
        parts.append(match.group(1))
    return ".".join(parts)


__version__ = _from_header()
