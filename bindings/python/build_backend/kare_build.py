"""A PEP 517/660 build backend for the kare binding, standard library only.

Why not setuptools: setuptools before 70.1 (this machine's Python and every
venv made from it carry 65.5) can build a wheel only with the separate
``wheel`` package, which is not installed and, with no package index
reachable, cannot be fetched. The binding is pure Python, so building it is
zipping files: this backend does that with no build requirements at all, so
``pip install ./bindings/python`` works offline, with or without build
isolation, and gives the same bytes every time.

Metadata comes from ``[project]`` in pyproject.toml, read with ``tomllib``
on Python 3.11 and later and with a small reader of its own on 3.9 and 3.10
(``tomli`` would be a build requirement to download). The version is
libkare's: ``kare/_version.py`` reads it from include/kare/version.hpp in a
checkout, and the wheel and sdist carry that file with the number filled in
(from ``_version.py.in``), since they carry no header. A ``libkare`` file placed inside ``kare/`` by a packager
is shipped in the wheel, which is then tagged for this platform.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import os
import re
import runpy
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "kare"
# Fixed timestamps (the earliest a zip can hold) make builds reproducible.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_KNOWN_PROJECT_KEYS = {
    "name", "dynamic", "description", "readme", "requires-python", "keywords",
    "classifiers", "dependencies", "urls",
}
_SHARED_LIBRARY = re.compile(r"(^lib.*\.so(\.\d+)*$)|(\.dylib$)|(\.dll$)")


def _toml_reader() -> Any:
    if sys.version_info >= (3, 11):
        import tomllib
        return tomllib
    return _MiniToml


class _MiniToml:
    """Reads the TOML that pyproject.toml uses, for Pythons without tomllib
    (3.9, 3.10): tables, dotted table names, bare and quoted keys, strings,
    integers, booleans, arrays (over several lines too) and inline tables.
    Anything else is refused with its line, never misread: a build backend
    that needed tomli from an index could not install offline."""

    @staticmethod
    def load(stream: Any) -> Dict[str, Any]:
        return _MiniToml.loads(stream.read().decode("utf-8"))

    @staticmethod
    def loads(text: str) -> Dict[str, Any]:
        return _TomlParser(text).document()


class _TomlParser:
    _BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
    _INTEGER = re.compile(r"[+-]?(0|[1-9](_?[0-9])*)")
    _ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0

    def fail(self, what: str) -> ValueError:
        line = self.text.count("\n", 0, self.at) + 1
        return ValueError(f"pyproject.toml line {line}: {what} (kare_build reads a TOML subset)")

    def skip(self, newlines: bool) -> None:
        """Skips blanks and comments (and line ends when asked)."""
        while self.at < len(self.text):
            c = self.text[self.at]
            if c in " \t" or (newlines and c in "\r\n"):
                self.at += 1
            elif c == "#":
                end = self.text.find("\n", self.at)
                self.at = len(self.text) if end < 0 else end
            else:
                return

    def end_of_line(self) -> None:
        self.skip(newlines=False)
        if self.at < len(self.text) and self.text[self.at] not in "\r\n":
            raise self.fail("unexpected text after a value")

    def document(self) -> Dict[str, Any]:
        root: Dict[str, Any] = {}
        table = root
        while True:
            self.skip(newlines=True)
            if self.at >= len(self.text):
                return root
            if self.text.startswith("[[", self.at):
                raise self.fail("arrays of tables are not supported")
            if self.text[self.at] == "[":
                self.at += 1
                table = root
                for key in self.dotted_key():
                    table = table.setdefault(key, {})
                    if not isinstance(table, dict):
                        raise self.fail(f"{key} is not a table")
                if not self.text.startswith("]", self.at):
                    raise self.fail("expected ]")
                self.at += 1
                self.end_of_line()
                continue
            self.key_value(table)
            self.end_of_line()

    def key_value(self, table: Dict[str, Any]) -> None:
        *parents, last = self.dotted_key()
        for key in parents:
            table = table.setdefault(key, {})
        self.skip(newlines=False)
        if not self.text.startswith("=", self.at):
            raise self.fail("expected =")
        self.at += 1
        self.skip(newlines=False)
        if last in table:
            raise self.fail(f"{last} is defined twice")
        table[last] = self.value()

    def dotted_key(self) -> List[str]:
        keys: List[str] = []
        while True:
            self.skip(newlines=False)
            if self.at < len(self.text) and self.text[self.at] in "\"'":
                keys.append(self.string())
            else:
                match = self._BARE_KEY.match(self.text, self.at)
                if not match:
                    raise self.fail("expected a key")
                keys.append(match.group())
                self.at = match.end()
            self.skip(newlines=False)
            if not self.text.startswith(".", self.at):
                return keys
            self.at += 1

    def value(self) -> Any:
        if self.at >= len(self.text):
            raise self.fail("expected a value")
        c = self.text[self.at]
        if c in "\"'":
            return self.string()
        if c == "[":
            return self.array()
        if c == "{":
            return self.inline_table()
        for word, meaning in (("true", True), ("false", False)):
            if self.text.startswith(word, self.at):
                self.at += len(word)
                return meaning
        match = self._INTEGER.match(self.text, self.at)
        if match and not self.text[match.end():match.end() + 1].isalnum() \
                and self.text[match.end():match.end() + 1] not in (".", ":", "-"):
            self.at = match.end()
            return int(match.group().replace("_", ""))
        raise self.fail("unsupported value")

    def string(self) -> str:
        quote = self.text[self.at]
        if self.text.startswith(quote * 3, self.at):
            raise self.fail("multi-line strings are not supported")
        self.at += 1
        out: List[str] = []
        while True:
            if self.at >= len(self.text) or self.text[self.at] in "\r\n":
                raise self.fail("unterminated string")
            c = self.text[self.at]
            self.at += 1
            if c == quote:
                return "".join(out)
            if c == "\\" and quote == '"':
                code = self.text[self.at:self.at + 1]
                if code in self._ESCAPES:
                    out.append(self._ESCAPES[code])
                    self.at += 1
                elif code in ("u", "U"):
                    width = 4 if code == "u" else 8
                    digits = self.text[self.at + 1:self.at + 1 + width]
                    if len(digits) != width or not all(d in "0123456789abcdefABCDEF" for d in digits):
                        raise self.fail("bad \\u escape")
                    out.append(chr(int(digits, 16)))
                    self.at += 1 + width
                else:
                    raise self.fail("unsupported escape")
            else:
                out.append(c)

    def array(self) -> List[Any]:
        self.at += 1
        items: List[Any] = []
        while True:
            self.skip(newlines=True)
            if self.text.startswith("]", self.at):
                self.at += 1
                return items
            items.append(self.value())
            self.skip(newlines=True)
            if self.text.startswith(",", self.at):
                self.at += 1
            elif not self.text.startswith("]", self.at):
                raise self.fail("expected , or ] in an array")

    def inline_table(self) -> Dict[str, Any]:
        self.at += 1
        table: Dict[str, Any] = {}
        self.skip(newlines=False)
        if self.text.startswith("}", self.at):
            self.at += 1
            return table
        while True:
            self.key_value(table)
            self.skip(newlines=False)
            if self.text.startswith("}", self.at):
                self.at += 1
                return table
            if not self.text.startswith(",", self.at):
                raise self.fail("expected , or } in an inline table")
            self.at += 1


def get_requires_for_build_wheel(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


# ---- Metadata ----------------------------------------------------------------

def _project() -> Dict[str, Any]:
    with open(ROOT / "pyproject.toml", "rb") as f:
        project: Dict[str, Any] = _toml_reader().load(f)["project"]
    unknown = set(project) - _KNOWN_PROJECT_KEYS
    if unknown:
        # Better to stop than to drop metadata silently.
        raise ValueError(f"kare_build does not handle [project] keys: {sorted(unknown)}")
    if project.get("dynamic", []) != ["version"]:
        raise ValueError("kare_build expects dynamic = [\"version\"] (from kare/_version.py)")
    return project


def _version() -> str:
    # Runs the package's own _version.py: in a checkout it reads the C++
    # header, in an unpacked sdist it holds the number.
    version = runpy.run_path(str(ROOT / PACKAGE / "_version.py")).get("__version__")
    if not isinstance(version, str) or not re.fullmatch(r"\d+\.\d+\.\d+", version):
        raise ValueError(f"kare/_version.py gives __version__ = {version!r}, not major.minor.patch")
    return version


_VERSION_FILE = f"{PACKAGE}/_version.py"
_VERSION_TEMPLATE = "build_backend/_version.py.in"


def _version_file() -> bytes:
    """kare/_version.py as shipped: the version written in, not read from a
    header the archive does not carry."""
    template = (ROOT / _VERSION_TEMPLATE).read_text(encoding="utf-8")
    return template.replace("@PROJECT_VERSION@", _version()).encode("utf-8")


def _shipped_bytes(path: Path) -> bytes:
    relative = path.relative_to(ROOT).as_posix()
    return _version_file() if relative == _VERSION_FILE else path.read_bytes()


def _metadata() -> str:
    """Core metadata 2.1 (METADATA in a wheel, PKG-INFO in an sdist)."""
    project = _project()
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {_version()}",
    ]
    if "description" in project:
        lines.append(f"Summary: {project['description']}")
    if "keywords" in project:
        lines.append(f"Keywords: {','.join(project['keywords'])}")
    for label, url in project.get("urls", {}).items():
        lines.append(f"Project-URL: {label}, {url}")
    if "requires-python" in project:
        lines.append(f"Requires-Python: {project['requires-python']}")
    for requirement in project.get("dependencies", []):
        lines.append(f"Requires-Dist: {requirement}")
    for classifier in project.get("classifiers", []):
        lines.append(f"Classifier: {classifier}")
    body = ""
    if "readme" in project:
        lines.append("Description-Content-Type: text/markdown")
        body = (ROOT / project["readme"]).read_text(encoding="utf-8")
    return "\n".join(lines) + "\n\n" + body


def _distribution() -> Tuple[str, str]:
    name = re.sub(r"[-_.]+", "_", _project()["name"]).lower()
    return name, _version()


# ---- Files -------------------------------------------------------------------

def _package_files(with_libraries: bool) -> Iterator[Path]:
    """The package's files, sorted, without caches (and without a bundled
    libkare unless asked)."""
    for path in sorted((ROOT / PACKAGE).rglob("*")):
        relative = path.relative_to(ROOT)
        if path.is_dir() or "__pycache__" in relative.parts or path.suffix in (".pyc", ".pyo"):
            continue
        if _SHARED_LIBRARY.search(path.name) and not with_libraries:
            continue
        yield path


def _platform_tag() -> str:
    return re.sub(r"[-.]", "_", sysconfig.get_platform())


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def _write_wheel(directory: str, tag: str, entries: List[Tuple[str, bytes, int]]) -> str:
    name, version = _distribution()
    dist_info = f"{name}-{version}.dist-info"
    wheel_file = (
        "Wheel-Version: 1.0\n"
        "Generator: kare_build\n"
        f"Root-Is-Purelib: {'true' if tag.endswith('-any') else 'false'}\n"
        f"Tag: {tag}\n"
    )
    entries = entries + [
        (f"{dist_info}/METADATA", _metadata().encode("utf-8"), 0o644),
        (f"{dist_info}/WHEEL", wheel_file.encode("utf-8"), 0o644),
    ]
    record = [_record_line(path, data) for path, data, _ in entries]
    record.append(f"{dist_info}/RECORD,,")
    entries.append((f"{dist_info}/RECORD", ("\n".join(record) + "\n").encode("utf-8"), 0o644))

    basename = f"{name}-{version}-{tag}.whl"
    with zipfile.ZipFile(os.path.join(directory, basename), "w") as archive:
        for path, data, mode in entries:
            info = zipfile.ZipInfo(path, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o100000 | mode) << 16
            archive.writestr(info, data)
    return basename


# ---- Hooks -------------------------------------------------------------------

def build_wheel(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                metadata_directory: Optional[str] = None) -> str:
    files = list(_package_files(with_libraries=True))
    bundles_library = any(_SHARED_LIBRARY.search(p.name) for p in files)
    tag = f"py3-none-{_platform_tag()}" if bundles_library else "py3-none-any"
    entries = [
        (p.relative_to(ROOT).as_posix(), _shipped_bytes(p), 0o755 if os.access(p, os.X_OK) else 0o644)
        for p in files
    ]
    return _write_wheel(wheel_directory, tag, entries)


def build_editable(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                   metadata_directory: Optional[str] = None) -> str:
    # A .pth line puts the source folder on sys.path: edits take effect at once.
    pth = (str(ROOT) + "\n").encode("utf-8")
    return _write_wheel(wheel_directory, "py3-none-any", [(f"_{PACKAGE}_editable.pth", pth, 0o644)])


def build_sdist(sdist_directory: str, config_settings: Optional[Dict[str, Any]] = None) -> str:
    name, version = _distribution()
    prefix = f"{name}-{version}"
    project = _project()
    sources = [ROOT / "pyproject.toml", ROOT / "build_backend" / "kare_build.py",
               ROOT / _VERSION_TEMPLATE]
    if "readme" in project:
        sources.append(ROOT / project["readme"])
    sources += list(_package_files(with_libraries=False))
    tests = ROOT / "tests"
    sources += sorted(p for p in tests.rglob("*.py") if "__pycache__" not in p.parts)

    def add(archive: tarfile.TarFile, path: str, data: bytes) -> None:
        info = tarfile.TarInfo(f"{prefix}/{path}")
        info.size = len(data)
        info.mode = 0o644
        info.mtime = 0
        archive.addfile(info, io.BytesIO(data))

    basename = f"{prefix}.tar.gz"
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        add(archive, "PKG-INFO", _metadata().encode("utf-8"))
        for path in sources:
            add(archive, path.relative_to(ROOT).as_posix(), _shipped_bytes(path))
    with open(os.path.join(sdist_directory, basename), "wb") as out:
        with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0) as compressed:
            compressed.write(buffer.getvalue())
    return basename
