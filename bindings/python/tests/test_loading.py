"""How kare finds libkare, and what it says when it cannot use one."""

from __future__ import annotations

import _ctypes
import shutil
import subprocess
import tempfile
import textwrap
import unittest
from pathlib import Path
from typing import Any, Optional

import kare
from kare import _ffi

from .support import BINDING, copy_package, run_python

PRINT_PATH = "import kare; print(kare.library_path())"


def _compiler() -> Optional[str]:
    return shutil.which("cc") or shutil.which("gcc")


class FakeFunction:
    """Stands in for a ctypes function: returns a fixed value."""

    def __init__(self, value: int) -> None:
        self.value = value
        self.argtypes: Any = None
        self.restype: Any = None

    def __call__(self) -> int:
        return self.value


class FakeLibrary:
    def __init__(self, **functions: int) -> None:
        for name, value in functions.items():
            setattr(self, name, FakeFunction(value))


class CompatibilityTest(unittest.TestCase):
    def test_accepts_this_abi(self) -> None:
        _ffi.check_compatible(FakeLibrary(kare_abi_version=1, kare_version_number=100), "fake")
        _ffi.check_compatible(FakeLibrary(kare_abi_version=1, kare_version_number=10203), "fake")

    def test_refuses_another_abi(self) -> None:
        with self.assertRaisesRegex(_ffi._Unusable, r"fake has ABI version 2; .* needs ABI version 1"):
            _ffi.check_compatible(FakeLibrary(kare_abi_version=2, kare_version_number=100), "fake")

    def test_refuses_an_older_library(self) -> None:
        with self.assertRaisesRegex(_ffi._Unusable, r"kare 0\.0\.5; .* needs 0\.1\.0 or newer"):
            _ffi.check_compatible(FakeLibrary(kare_abi_version=1, kare_version_number=5), "fake")

    def test_refuses_something_that_is_not_libkare(self) -> None:
        with self.assertRaisesRegex(_ffi._Unusable, "is not libkare: it has no kare_abi_version"):
            _ffi.check_compatible(FakeLibrary(), "fake")


class FindingTest(unittest.TestCase):
    """Each case runs `import kare` in a fresh interpreter."""

    def assert_import_fails(self, environ: dict, *expected: str) -> str:
        result = run_python("import kare", environ)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ImportError: kare cannot load its C library (libkare). Tried, in order:",
                      result.stderr)
        for text in expected:
            self.assertIn(text, result.stderr)
        return result.stderr

    def test_missing_file(self) -> None:
        self.assert_import_fails(
            {"KARE_LIBRARY": "/nonexistent/libkare.so"},
            f"bundled: no libkare.so.1 or libkare.so in {BINDING / 'kare'}",
            "KARE_LIBRARY=/nonexistent/libkare.so: no such file",
            "set KARE_LIBRARY to the file's path",
        )

    def test_a_folder_is_not_a_library(self) -> None:
        self.assert_import_fails({"KARE_LIBRARY": "/tmp"}, "KARE_LIBRARY=/tmp: is a directory")

    def test_another_library(self) -> None:
        self.assert_import_fails({"KARE_LIBRARY": _ctypes.__file__},
                                 "is not libkare: it has no kare_abi_version()")

    def test_nothing_on_the_system(self) -> None:
        environ = {"KARE_LIBRARY": "", "LD_LIBRARY_PATH": ""}
        result = run_python(PRINT_PATH, environ)
        if result.returncode == 0:
            self.skipTest(f"a libkare is installed on this system: {result.stdout.strip()}")
        self.assert_import_fails(environ, "KARE_LIBRARY: not set", "system libkare.so.1:",
                                 "system find_library('kare'): found nothing")

    def test_system_search_path(self) -> None:
        folder = str(Path(kare.library_path()).parent)
        if not (Path(folder) / "libkare.so.1").exists():
            self.skipTest(f"no libkare.so.1 beside {kare.library_path()}")
        result = run_python(PRINT_PATH, {"KARE_LIBRARY": "", "LD_LIBRARY_PATH": folder})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip(), "libkare.so.1")

    def test_a_bundled_library_comes_first(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            package = copy_package(Path(folder) / "kare")
            shutil.copy(kare.library_path(), package / "libkare.so.1")
            result = run_python(PRINT_PATH, {"KARE_LIBRARY": "/nonexistent/libkare.so"},
                                python_path=Path(folder))
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(result.stdout.strip(), str(package / "libkare.so.1"))

    def installed_tree(self, folder: str, with_library: bool) -> Path:
        """A prefix as cmake --install lays it out: the package under
        lib/python3/dist-packages noting that libkare lies three folders up."""
        prefix = Path(folder) / "prefix"
        package = copy_package(prefix / "lib" / "python3" / "dist-packages" / "kare")
        (package / "_installed.py").write_text('LIBRARY_DIR = "../../.."\n', encoding="utf-8")
        if with_library:
            shutil.copy(kare.library_path(), prefix / "lib" / "libkare.so.1")
        return prefix

    def test_an_installed_tree_finds_its_own_library(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            prefix = self.installed_tree(folder, with_library=True)
            result = run_python(PRINT_PATH, {"KARE_LIBRARY": "", "LD_LIBRARY_PATH": ""},
                                python_path=prefix / "lib" / "python3" / "dist-packages")
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(result.stdout.strip(), str(prefix / "lib" / "libkare.so.1"))

    def test_an_installed_tree_without_its_library_says_where_it_looked(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            prefix = self.installed_tree(folder, with_library=False)
            result = run_python("import kare", {"KARE_LIBRARY": "", "LD_LIBRARY_PATH": ""},
                                python_path=prefix / "lib" / "python3" / "dist-packages")
            if result.returncode == 0:
                self.skipTest("a libkare is installed on this system")
            self.assertIn(f"installed: no libkare.so.1 or libkare.so in {prefix / 'lib'}",
                          result.stderr)


@unittest.skipUnless(_compiler(), "no C compiler to build stand-in libraries")
class IncompatibleLibraryTest(unittest.TestCase):
    """Real shared libraries that claim to be libkare but are not usable."""

    def build(self, folder: str, abi: int, version: int) -> str:
        source = Path(folder) / "fake.c"
        source.write_text(textwrap.dedent(f"""\
            #include <stdint.h>
            uint32_t kare_abi_version(void) {{ return {abi}; }}
            uint32_t kare_version_number(void) {{ return {version}; }}
            """))
        output = Path(folder) / f"libkare-{abi}-{version}.so"
        subprocess.run([str(_compiler()), "-shared", "-fPIC", "-o", str(output), str(source)],
                       check=True, timeout=60)
        return str(output)

    def test_refused(self) -> None:
        cases = {
            (2, 100): "has ABI version 2; this binding needs ABI version 1 (libkare.so.1)",
            (1, 5): "is kare 0.0.5; this binding needs 0.1.0 or newer",
            (1, 100): "lacks a function this binding needs",
        }
        with tempfile.TemporaryDirectory() as folder:
            for (abi, version), expected in cases.items():
                with self.subTest(abi=abi, version=version):
                    library = self.build(folder, abi, version)
                    result = run_python("import kare", {"KARE_LIBRARY": library})
                    self.assertNotEqual(result.returncode, 0)
                    self.assertIn(f"KARE_LIBRARY={library}: ", result.stderr)
                    self.assertIn(expected, result.stderr)


if __name__ == "__main__":
    unittest.main()
