"""kare.__version__ is the library's version, written once in
include/kare/version.hpp: what the loaded libkare reports and what kare.h
declares."""

from __future__ import annotations

import re
import unittest

import kare
from kare import _ffi

from .support import HEADER


def header_version() -> str:
    """KARE_C_VERSION_MAJOR.MINOR.PATCH as kare.h defines them."""
    text = HEADER.read_text(encoding="utf-8")
    parts = []
    for part in ("MAJOR", "MINOR", "PATCH"):
        match = re.search(rf"^#define KARE_C_VERSION_{part} (\d+)$", text, re.MULTILINE)
        assert match, f"kare.h defines no KARE_C_VERSION_{part}"
        parts.append(match.group(1))
    return ".".join(parts)


class VersionTest(unittest.TestCase):
    def test_binding_is_the_library_version(self) -> None:
        self.assertRegex(kare.__version__, r"^\d+\.\d+\.\d+$")
        self.assertEqual(kare.__version__, kare.library_version())
        number = _ffi.library_version_number()
        self.assertEqual(kare.__version__,
                         f"{number // 10000}.{number // 100 % 100}.{number % 100}")

    def test_binding_is_the_c_header_version(self) -> None:
        self.assertEqual(kare.__version__, header_version())


if __name__ == "__main__":
    unittest.main()
