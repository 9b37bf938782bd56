"""The ctypes declarations against kare.h, and the binding's results against
what the C side produces."""

from __future__ import annotations

import ctypes
import json
import os
import re
import subprocess
import unittest
from typing import Any, Dict, List, Tuple

import kare
from kare import _ffi

from .support import AS_OF, EXAMPLE, HEADER, PlanTestCase

P = ctypes.POINTER
# C type in kare.h -> the ctypes type it must be declared as.
_CTYPES: Dict[str, Any] = {
    "void": None,
    "uint32_t": ctypes.c_uint32,
    "int32_t": ctypes.c_int32,
    "kare_status": ctypes.c_int32,
    "size_t": ctypes.c_size_t,
    "const char *": ctypes.c_char_p,       # text in; static or borrowed text out
    "char *": ctypes.c_void_p,             # kare_string_free's owned pointer
    "char **": P(ctypes.c_void_p),         # owned text out: never c_char_p
    "const char **": P(ctypes.c_char_p),   # borrowed text out
    "size_t *": P(ctypes.c_size_t),
    "int32_t *": P(ctypes.c_int32),
    "uint32_t *": P(ctypes.c_uint32),
    "int64_t *": P(ctypes.c_int64),
    "kare_plan *": _ffi.PlanPointer,
    "const kare_plan *": _ffi.PlanPointer,
    "kare_plan **": P(_ffi.PlanPointer),
    "const kare_report *": _ffi.ReportPointer,
    "kare_report *": _ffi.ReportPointer,
    "kare_report **": P(_ffi.ReportPointer),
    "const kare_pipeline *": _ffi.PipelinePointer,
    "kare_pipeline *": _ffi.PipelinePointer,
    "kare_pipeline **": P(_ffi.PipelinePointer),
    "const kare_csv_file *": P(_ffi.CsvFile),
    "const kare_csv_file_v2 *": P(_ffi.CsvFileV2),
    "uint64_t": ctypes.c_uint64,
    "kare_read_options *": P(_ffi.ReadOptions),
    "const kare_read_options *": P(_ffi.ReadOptions),
    "kare_render_options *": P(_ffi.RenderOptions),
    "const kare_render_options *": P(_ffi.RenderOptions),
    "kare_report_options *": P(_ffi.ReportOptions),
    "const kare_report_options *": P(_ffi.ReportOptions),
}

# Structs in kare.h -> their ctypes mirror.
_STRUCTS: Dict[str, Any] = {"kare_csv_file": _ffi.CsvFile,
                             "kare_csv_file_v2": _ffi.CsvFileV2,
                             "kare_read_options": _ffi.ReadOptions,
                             "kare_render_options": _ffi.RenderOptions,
                             "kare_report_options": _ffi.ReportOptions}


def _c_type(declaration: str) -> str:
    """'const kare_plan *plan' -> 'const kare_plan *'."""
    declaration = " ".join(declaration.split())
    match = re.fullmatch(r"(.*?)\s*(\**)\s*(\w+)", declaration)
    assert match, declaration
    base, stars, _name = match.groups()
    return f"{base} {stars}" if stars else base


def header_functions() -> List[Tuple[str, str, List[str]]]:
    """(name, return type, parameter types) of every KARE_API function in kare.h."""
    text = HEADER.read_text(encoding="utf-8")
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    found = []
    for match in re.finditer(r"KARE_API\s+([^;()]*?)\s*\b(kare_\w+)\s*\(([^)]*)\)\s*;", text):
        returns, name, parameters = match.groups()
        returns = " ".join(returns.split())
        params = [] if parameters.strip() == "void" else [
            _c_type(p) for p in parameters.split(",")]
        found.append((name, returns, params))
    return found


class DeclarationsTest(unittest.TestCase):
    def test_the_header_is_parsed_whole(self) -> None:
        exported = re.findall(r"^KARE_API ", HEADER.read_text(encoding="utf-8"), re.MULTILINE)
        self.assertEqual(len(header_functions()), len(exported))

    def test_every_function_in_kare_h_is_declared_and_nothing_else(self) -> None:
        in_header = sorted(name for name, _, _ in header_functions())
        self.assertEqual(sorted(_ffi.declared_functions()), in_header)

    def test_signatures_match_kare_h(self) -> None:
        for name, returns, params in header_functions():
            with self.subTest(name):
                function = getattr(_ffi.lib, name)
                self.assertIs(function.restype, _CTYPES[returns])
                self.assertEqual(list(function.argtypes), [_CTYPES[p] for p in params])

    def test_structs_match_kare_h(self) -> None:
        text = re.sub(r"/\*.*?\*/", "", HEADER.read_text(encoding="utf-8"), flags=re.DOTALL)
        found = re.findall(r"typedef struct (\w+) \{([^}]*)\}\s*(\w+);", text)
        self.assertEqual(sorted(name for name, _, _ in found), sorted(_STRUCTS))
        for name, body, _ in found:
            with self.subTest(name):
                members = [_c_type(m) for m in body.split(";") if m.strip()]
                names = [m.split()[-1].lstrip("*") for m in body.split(";") if m.strip()]
                mirror = _STRUCTS[name]._fields_
                self.assertEqual([n for n, _ in mirror], names)
                self.assertEqual([t for _, t in mirror], [_CTYPES[m] for m in members])

    def test_status_functions_raise_and_only_they(self) -> None:
        for name, returns, _ in header_functions():
            with self.subTest(name):
                checked = getattr(_ffi.lib, name).errcheck is _ffi._raise_for_status
                # Reading the last error must not itself raise or clear it.
                self.assertEqual(checked, returns == "kare_status" and name != "kare_error_code")

    def test_undeclared_names_are_refused(self) -> None:
        with self.assertRaises(AttributeError):
            _ffi.lib.kare_plan_batch_placements  # noqa: B018

    def test_placement_labels_match_the_library(self) -> None:
        for placement in kare.Placement:
            with self.subTest(placement=placement):
                self.assertEqual(_ffi.lib.kare_placement_str(placement.code).decode(), placement.label)

    def test_versions(self) -> None:
        self.assertEqual(_ffi.lib.kare_abi_version(), _ffi.REQUIRED_ABI)
        number = _ffi.library_version_number()
        self.assertGreaterEqual(number, _ffi.MINIMUM_VERSION)
        self.assertEqual(kare.library_version(),
                         f"{number // 10000}.{number // 100 % 100}.{number % 100}")


class ReportMatchesTheCSideTest(PlanTestCase):
    """plan.report() must be exactly what the C report holds."""

    def setUp(self) -> None:
        super().setUp()
        self.report = _ffi.ReportPointer()
        with self.plan._handle.borrow() as plan:
            _ffi.lib.kare_report_new(ctypes.byref(self.report), plan, AS_OF.encode(), None)
        self.addCleanup(_ffi.lib.kare_report_free, self.report)

    def test_document(self) -> None:
        text = _ffi.owned_text(_ffi.lib.kare_report_to_json, self.report)
        self.assertEqual(self.plan.report_json(AS_OF), text)
        self.assertEqual(self.plan.report(AS_OF), kare.loads(text))

    def test_counts(self) -> None:
        summary = self.plan.report(AS_OF)["summary"]
        count = ctypes.c_size_t()
        for placement in kare.Placement:
            if placement is kare.Placement.OPEN:
                with self.assertRaises(kare.InvalidArgumentError):
                    _ffi.lib.kare_report_count(ctypes.byref(count), self.report, placement.code)
                continue
            _ffi.lib.kare_report_count(ctypes.byref(count), self.report, placement.code)
            self.assertEqual(count.value, summary[placement.label], placement)

    def test_finding_codes(self) -> None:
        codes = [f["code"] for f in self.plan.report(AS_OF)["findings"]]
        count = ctypes.c_size_t()
        _ffi.lib.kare_report_finding_count(ctypes.byref(count), self.report)
        code = ctypes.c_char_p()
        from_c = []
        for index in range(count.value):
            _ffi.lib.kare_report_finding_code(ctypes.byref(code), self.report, index)
            from_c.append((code.value or b"").decode())
        self.assertEqual(from_c, codes)
        with self.assertRaises(kare.InvalidArgumentError):
            _ffi.lib.kare_report_finding_code(ctypes.byref(code), self.report, count.value)

    def test_placements_match_the_hot_path(self) -> None:
        with self.plan._handle.borrow() as plan:
            for account_id, placement in self.plan.placements().items():
                code = ctypes.c_int32()
                raw = account_id.encode()
                _ffi.lib.kare_plan_account_placement(ctypes.byref(code), plan, raw, len(raw))
                self.assertEqual(code.value, placement.code, account_id)


@unittest.skipUnless(os.environ.get("KARE_CLI"), "KARE_CLI (the kare command) is not set")
class ReportMatchesTheCliTest(PlanTestCase):
    def cli_report(self, *options: str) -> Dict[str, Any]:
        command = [os.environ["KARE_CLI"], "report", str(EXAMPLE), "--as-of", AS_OF, "--json",
                   *options]
        result = subprocess.run(command, capture_output=True, text=True, timeout=30)
        return json.loads(result.stdout)  # type: ignore[no-any-return]

    def test_whole_team(self) -> None:
        self.assertEqual(json.loads(self.plan.report_json(AS_OF)), self.cli_report())
        self.assertEqual(self.plan.report(AS_OF), kare.loads(json.dumps(self.cli_report())))

    def test_one_rep(self) -> None:
        self.assertEqual(json.loads(self.plan.report_json(AS_OF, rep="leo")),
                         self.cli_report("--rep", "leo"))


if __name__ == "__main__":
    unittest.main()
