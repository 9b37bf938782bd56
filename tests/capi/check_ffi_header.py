"""capi.ffi_header: kare_ffi.h declares exactly what kare.h declares, and
nothing an FFI parser refuses.

kare_ffi.h is made by the C preprocessor with no compiler recognised
(-undef), so every portability macro takes its plain branch. This check reads
kare.h as the compiler that builds libkare sees it, drops the attributes
(__attribute__, __declspec) that only that compiler understands, and wants the
same tokens in the same order: a declaration lost or changed by the plain
branch fails. The functions are also compared with those kare.h marks
KARE_API, read as text, and with what libkare exports under kare.map's
patterns, so a declaration missing from any side fails here.
"""

from __future__ import annotations

import argparse
import fnmatch
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import List, Set

TOKEN = re.compile(r"[A-Za-z_]\w*|\d\w*|\"[^\"]*\"|\S")
FUNCTION = re.compile(r"^[^(]*?\b(kare_\w+)\(", re.MULTILINE)
TYPEDEF = re.compile(r"^typedef\b", re.MULTILINE)
ENUMERATOR = re.compile(r"^\s+(KARE_\w+) =", re.MULTILINE)
REFUSED = ("#", "__attribute__", "__declspec", "extern", "KARE_API", "/*", "//")


def header_tokens(header: Path, cc: str) -> List[str]:
    """kare.h's declarations as the building compiler sees them, attributes aside."""
    text = re.sub(r"#[ \t]*include[ \t]*<[^>\n]*>", "", header.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "kare_h.c"
        source.write_text(text, encoding="utf-8")
        expanded = subprocess.run([cc, "-E", "-P", "-x", "c", "-I", str(header.parent.parent),
                                   str(source)], capture_output=True, text=True, check=True).stdout
    tokens, kept, depth = TOKEN.findall(expanded), [], 0
    skipping = False
    for token in tokens:
        if not skipping and token in ("__attribute__", "__declspec"):
            skipping, depth = True, 0
        elif skipping:
            depth += {"(": 1, ")": -1}.get(token, 0)
            skipping = depth > 0
        else:
            kept.append(token)
    return kept


def exported_functions(library: Path, version_script: Path) -> Set[str]:
    """The functions libkare exports that kare.map makes global."""
    script = re.sub(r"/\*.*?\*/", " ", version_script.read_text(encoding="utf-8"),
                    flags=re.DOTALL)
    globals_ = re.search(r"global:(.*?)(?:local:|\})", script, re.DOTALL)
    patterns = [p.strip() for p in globals_.group(1).split(";") if p.strip()] if globals_ else []
    nm = subprocess.run(["nm", "-D", "--defined-only", str(library)],
                        capture_output=True, text=True, check=True)
    names = set()
    for line in nm.stdout.splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[1] == "T":
            name = fields[2].split("@")[0]
            if any(fnmatch.fnmatchcase(name, p) for p in patterns):
                names.add(name)
    return names


def compare(header: str, expected: List[str], ffi: str, exported: Set[str]) -> List[str]:
    problems = []
    for refused in REFUSED:
        if refused in ffi:
            problems.append(f"kare_ffi.h holds '{refused}', which FFI parsers refuse")
    got = TOKEN.findall(ffi)
    if expected != got:
        at = next((i for i, (a, b) in enumerate(zip(expected, got)) if a != b),
                  min(len(expected), len(got)))
        problems.append("kare_ffi.h differs from kare.h's declarations at token "
                        f"{at}: kare.h has {' '.join(expected[max(0, at - 6):at + 6])!r}, "
                        f"kare_ffi.h has {' '.join(got[max(0, at - 6):at + 6])!r}")
    declared = set(FUNCTION.findall(ffi))
    for name in sorted(exported - declared):
        problems.append(f"{name} is exported by libkare but not declared in kare_ffi.h")
    for name in sorted(declared - exported):
        problems.append(f"{name} is declared in kare_ffi.h but not exported by libkare")
    in_header = set(re.findall(r"KARE_API\s[^;(]*?\b(kare_\w+)\s*\(", header))
    if in_header != declared:
        problems.append(f"kare.h declares {sorted(in_header ^ declared)} differently")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--header", type=Path, required=True)
    parser.add_argument("--ffi", type=Path, required=True)
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--map", type=Path, required=True)
    parser.add_argument("--cc", required=True, help="the C compiler that builds libkare")
    args = parser.parse_args()
    header = args.header.read_text(encoding="utf-8")
    expected = header_tokens(args.header, args.cc)
    ffi = args.ffi.read_text(encoding="utf-8")
    exported = exported_functions(args.library, args.map)

    # The comparison must be able to fail: a function dropped, an enumerator
    # changed, an attribute left in.
    last = FUNCTION.findall(ffi)[-1]
    for broken in (re.sub(rf"^[^\n]*\b{last}\(.*?;\n", "", ffi, flags=re.MULTILINE | re.DOTALL),
                   ffi.replace("KARE_OK = 0", "KARE_OK = 1"),
                   ffi.replace("void kare_string_free",
                               "__attribute__((visibility(\"default\"))) void kare_string_free")):
        if not compare(header, expected, broken, exported):
            print("FAILED: a broken kare_ffi.h passes the comparison")
            return 1

    problems = compare(header, expected, ffi, exported)
    for problem in problems:
        print(f"FAILED: {problem}")
    if problems:
        return 1
    print(f"kare_ffi.h: {len(FUNCTION.findall(ffi))} functions, "
          f"{len(TYPEDEF.findall(ffi))} typedefs, "
          f"{len(ENUMERATOR.findall(ffi))} enumerators, as kare.h and libkare")
    return 0


if __name__ == "__main__":
    sys.exit(main())
