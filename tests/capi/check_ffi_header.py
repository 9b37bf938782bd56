"""capi.ffi_header: kare_ffi.h declares exactly what kare.h declares, and
nothing an FFI parser refuses.

kare_ffi.h is made by the C preprocessor; this check reads kare.h another
way (as text: comments, directives, the C++ guard and KARE_API taken out) and
wants the same tokens in the same order. The functions are also compared with
what libkare exports under kare.map's patterns, so a declaration missing from
either side, or a function exported without one, fails here.
"""

from __future__ import annotations

import argparse
import fnmatch
import re
import subprocess
import sys
from pathlib import Path
from typing import List, Set

TOKEN = re.compile(r"[A-Za-z_]\w*|\d\w*|\"[^\"]*\"|\S")
FUNCTION = re.compile(r"^[^(]*?\b(kare_\w+)\(", re.MULTILINE)
TYPEDEF = re.compile(r"^typedef\b", re.MULTILINE)
ENUMERATOR = re.compile(r"^\s+(KARE_\w+) =", re.MULTILINE)
REFUSED = ("#", "__attribute__", "__declspec", "extern", "KARE_API", "/*", "//")


def header_tokens(text: str) -> List[str]:
    """kare.h's declarations, read as text rather than preprocessed."""
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.DOTALL)
    text = re.sub(r"//[^\n]*", " ", text)
    text = re.sub(r"#\s*ifdef\s+__cplusplus\b.*?#\s*endif", " ", text, flags=re.DOTALL)
    text = re.sub(r"^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", " ", text, flags=re.MULTILINE)
    return [t for t in TOKEN.findall(text) if t != "KARE_API"]


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


def compare(header: str, ffi: str, exported: Set[str]) -> List[str]:
    problems = []
    for refused in REFUSED:
        if refused in ffi:
            problems.append(f"kare_ffi.h holds '{refused}', which FFI parsers refuse")
    expected, got = header_tokens(header), TOKEN.findall(ffi)
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
    args = parser.parse_args()
    header = args.header.read_text(encoding="utf-8")
    ffi = args.ffi.read_text(encoding="utf-8")
    exported = exported_functions(args.library, args.map)

    # The comparison must be able to fail: a function dropped, an enumerator
    # changed, an attribute left in.
    last = FUNCTION.findall(ffi)[-1]
    for broken in (re.sub(rf"^[^\n]*\b{last}\(.*?;\n", "", ffi, flags=re.MULTILINE | re.DOTALL),
                   ffi.replace("KARE_OK = 0", "KARE_OK = 1"),
                   ffi.replace("void kare_string_free",
                               "__attribute__((visibility(\"default\"))) void kare_string_free")):
        if not compare(header, broken, exported):
            print("FAILED: a broken kare_ffi.h passes the comparison")
            return 1

    problems = compare(header, ffi, exported)
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
