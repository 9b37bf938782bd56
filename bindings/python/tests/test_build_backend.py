"""The standard-library build backend makes correct, reproducible archives."""

from __future__ import annotations

import base64
import csv
import hashlib
import importlib.util
import io
import re
import shutil
import tarfile
import tempfile
import unittest
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Dict

from .support import BINDING, REPO


def copy_binding(root: Path) -> Path:
    """A copy of bindings/python in `root`, without caches or a built library."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(BINDING / name, root / name)
    for folder in ("kare", "build_backend"):
        shutil.copytree(BINDING / folder, root / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "libkare*"))
    return root


def load_backend(root: Path = BINDING) -> ModuleType:
    """A fresh copy of the backend module, building from `root`."""
    spec = importlib.util.spec_from_file_location(
        "kare_build_under_test", BINDING / "build_backend" / "kare_build.py")
    assert spec and spec.loader
    backend = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(backend)
    backend.ROOT = root  # type: ignore[attr-defined]
    return backend


class WheelTest(unittest.TestCase):
    def setUp(self) -> None:
        self.backend = load_backend()
        self.out = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.out)

    def build(self, hook: str = "build_wheel", out: Path = None) -> Path:  # type: ignore[assignment]
        directory = out or self.out
        return directory / getattr(self.backend, hook)(str(directory))

    def test_no_build_requirements(self) -> None:
        self.assertEqual(self.backend.get_requires_for_build_wheel(), [])
        self.assertEqual(self.backend.get_requires_for_build_sdist(), [])
        self.assertEqual(self.backend.get_requires_for_build_editable(), [])

    def test_wheel_contents_and_record(self) -> None:
        wheel = self.build()
        version = self.backend._version()
        self.assertEqual(wheel.name, f"kare-{version}-py3-none-any.whl")
        with zipfile.ZipFile(wheel) as archive:
            names = set(archive.namelist())
            for name in ("kare/__init__.py", "kare/_ffi.py", "kare/plan.py", "kare/py.typed",
                         f"kare-{version}.dist-info/METADATA",
                         f"kare-{version}.dist-info/WHEEL",
                         f"kare-{version}.dist-info/RECORD"):
                self.assertIn(name, names)
            self.assertFalse([n for n in names if "__pycache__" in n or n.endswith(".pyc")])
            self.assertFalse([n for n in names if n.startswith(("tests/", "build_backend/"))])
            record = list(csv.reader(io.StringIO(
                archive.read(f"kare-{version}.dist-info/RECORD").decode())))
            self.assertEqual({row[0] for row in record}, names)
            for name, digest, size in record:
                if name.endswith("RECORD"):
                    continue
                data = archive.read(name)
                expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
                self.assertEqual(digest, "sha256=" + expected.decode(), name)
                self.assertEqual(int(size), len(data), name)
            metadata = archive.read(f"kare-{version}.dist-info/METADATA").decode()
            self.assertIn("Name: kare\n", metadata)
            self.assertIn(f"Version: {version}\n", metadata)
            self.assertIn("Requires-Python: >=3.9\n", metadata)

    def test_version_is_the_library_version(self) -> None:
        header = (REPO / "include" / "kare" / "version.hpp").read_text(encoding="utf-8")
        number = ".".join(re.search(rf"#define KARE_VERSION_{part} (\d+)", header).group(1)  # type: ignore[union-attr]
                          for part in ("MAJOR", "MINOR", "PATCH"))
        self.assertEqual(self.backend._version(), number)

    def test_version_follows_the_header(self) -> None:
        # A checkout whose header says 7.8.9: wheel, sdist and the _version.py
        # both carry say 7.8.9, and a wheel built from that sdist too.
        checkout = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, checkout)
        (checkout / "include" / "kare").mkdir(parents=True)
        (checkout / "include" / "kare" / "version.hpp").write_text(
            "#define KARE_VERSION_MAJOR 7\n#define KARE_VERSION_MINOR 8\n"
            "#define KARE_VERSION_PATCH 9\n", encoding="utf-8")
        backend = load_backend(copy_binding(checkout / "bindings" / "python"))
        wheel = self.out / backend.build_wheel(str(self.out))
        self.assertEqual(wheel.name, "kare-7.8.9-py3-none-any.whl")
        with zipfile.ZipFile(wheel) as archive:
            self.assertIn("Version: 7.8.9\n", archive.read("kare-7.8.9.dist-info/METADATA").decode())
            shipped = archive.read("kare/_version.py").decode()
        self.assertIn('__version__ = "7.8.9"\n', shipped)
        self.assertNotIn("_from_header", shipped)

        sdist = self.out / backend.build_sdist(str(self.out))
        self.assertEqual(sdist.name, "kare-7.8.9.tar.gz")
        unpacked = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, unpacked)
        with tarfile.open(sdist) as archive:
            # The "data" filter where this Python has it (3.12, and backports).
            archive.extractall(unpacked, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))  # type: ignore[arg-type]
        self.assertEqual(
            (unpacked / "kare-7.8.9" / "kare" / "_version.py").read_text(encoding="utf-8"), shipped)
        from_sdist = load_backend(unpacked / "kare-7.8.9")
        self.assertEqual(from_sdist._version(), "7.8.9")
        again = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, again)
        self.assertEqual((again / from_sdist.build_wheel(str(again))).read_bytes(), wheel.read_bytes())

    def test_version_missing_from_the_header_is_an_error(self) -> None:
        checkout = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, checkout)
        (checkout / "include" / "kare").mkdir(parents=True)
        (checkout / "include" / "kare" / "version.hpp").write_text(
            "#define KARE_VERSION_MAJOR 7\n#define KARE_VERSION_PATCH 9\n", encoding="utf-8")
        backend = load_backend(copy_binding(checkout / "bindings" / "python"))
        with self.assertRaises(ImportError) as caught:
            backend._version()
        self.assertIn("KARE_VERSION_MINOR", str(caught.exception))
        shutil.rmtree(checkout / "include")
        with self.assertRaises(ImportError) as caught:
            backend._version()
        self.assertIn("version.hpp", str(caught.exception))

    def test_builds_are_reproducible(self) -> None:
        again = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, again)
        self.assertEqual(self.build().read_bytes(), self.build(out=again).read_bytes())
        self.assertEqual(self.build("build_sdist").read_bytes(),
                         self.build("build_sdist", out=again).read_bytes())

    def test_sdist(self) -> None:
        sdist = self.build("build_sdist")
        prefix = sdist.name[: -len(".tar.gz")]
        with tarfile.open(sdist) as archive:
            names = set(archive.getnames())
        for name in ("PKG-INFO", "pyproject.toml", "README.md", "build_backend/kare_build.py",
                     "kare/__init__.py", "kare/py.typed", "tests/test_plan.py"):
            self.assertIn(f"{prefix}/{name}", names)

    def test_editable(self) -> None:
        with zipfile.ZipFile(self.build("build_editable")) as archive:
            self.assertEqual(archive.read("_kare_editable.pth").decode(), f"{BINDING}\n")

    def test_a_bundled_library_makes_a_platform_wheel(self) -> None:
        root = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, root)
        copy_binding(root)
        # No header beside this copy: its version written in, as in an sdist.
        (root / "kare" / "_version.py").write_text('__version__ = "0.1.0"\n', encoding="utf-8")
        library = root / "kare" / "libkare.so.1"
        library.write_bytes(b"\x7fELF stand-in")
        library.chmod(0o755)
        backend = load_backend(root)
        wheel = self.out / backend.build_wheel(str(self.out))
        self.assertNotIn("-any.whl", wheel.name)
        with zipfile.ZipFile(wheel) as archive:
            info: Dict[str, zipfile.ZipInfo] = {i.filename: i for i in archive.infolist()}
            self.assertIn("kare/libkare.so.1", info)
            self.assertEqual((info["kare/libkare.so.1"].external_attr >> 16) & 0o777, 0o755)
            wheel_file = archive.read(f"kare-{backend._version()}.dist-info/WHEEL").decode()
            self.assertIn("Root-Is-Purelib: false", wheel_file)
        # An sdist never carries a built library.
        with tarfile.open(self.out / backend.build_sdist(str(self.out))) as archive:
            self.assertFalse([n for n in archive.getnames() if "libkare" in n])


SAMPLE_TOML = r'''
# a comment
title = "kare"   # after a value
[project]
name = "kare"
"quoted key" = 'literal \n stays'
escapes = "tab\tquote\" back\\ \u00e9"
count = 1_000
negative = -3
flags = [true, false]
keywords = [
    "sales",  # inside an array
    "plans",
]
empty = []
urls = { Home = "https://example.org", "Bug tracker" = "https://example.org/issues" }
[project.optional.deep]
x = 0
'''

SAMPLE_EXPECTED = {
    "title": "kare",
    "project": {
        "name": "kare",
        "quoted key": "literal \\n stays",
        "escapes": "tab\tquote\" back\\ \u00e9",
        "count": 1000,
        "negative": -3,
        "flags": [True, False],
        "keywords": ["sales", "plans"],
        "empty": [],
        "urls": {"Home": "https://example.org", "Bug tracker": "https://example.org/issues"},
        "optional": {"deep": {"x": 0}},
    },
}


class TomlReaderTest(unittest.TestCase):
    """The reader used where tomllib is missing (3.9, 3.10) reads what
    tomllib reads, and refuses what it does not understand."""

    def setUp(self) -> None:
        self.reader = load_backend()._MiniToml

    def test_reads_the_subset(self) -> None:
        self.assertEqual(self.reader.loads(SAMPLE_TOML), SAMPLE_EXPECTED)

    def test_agrees_with_tomllib(self) -> None:
        try:
            import tomllib  # type: ignore[import-not-found,unused-ignore]
        except ImportError:
            self.skipTest("no tomllib before Python 3.11")
        for text in (SAMPLE_TOML, (BINDING / "pyproject.toml").read_text(encoding="utf-8")):
            self.assertEqual(self.reader.loads(text), tomllib.loads(text))

    def test_reads_the_shipped_pyproject(self) -> None:
        with open(BINDING / "pyproject.toml", "rb") as f:
            project = self.reader.load(f)["project"]
        self.assertEqual(project["name"], "kare")
        self.assertEqual(project["requires-python"], ">=3.9")
        self.assertEqual(project["dependencies"], [])

    def test_refuses_what_it_does_not_read(self) -> None:
        for text, words in (('a = """x"""', "line 1: multi-line strings"),
                            ("\n[[tables]]", "line 2: arrays of tables"),
                            ("a = 1.5", "line 1: unsupported value"),
                            ("a = 1979-05-27", "line 1: unsupported value"),
                            ('a = "x', "line 1: unterminated string"),
                            ('a = "\\q"', "line 1: unsupported escape"),
                            ("a = 1\na = 2", "line 2: a is defined twice"),
                            ("a = [1 2]", "line 1: expected , or ]"),
                            ("a = 1 b", "line 1: unexpected text")):
            with self.subTest(text=text):
                with self.assertRaises(ValueError) as caught:
                    self.reader.loads(text)
                self.assertIn(words, str(caught.exception))


if __name__ == "__main__":
    unittest.main()
