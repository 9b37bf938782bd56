"""The one place that touches ctypes: finds libkare, declares its functions,
checks that it is compatible, and turns status codes into exceptions.

Nothing outside this module calls ctypes.CDLL or sets argtypes/restype.
"""

from __future__ import annotations

import ast
import ctypes
import ctypes.util
import os
import sys
import weakref
from pathlib import Path
from typing import Any, Callable, List, Mapping, Optional, Sequence, Tuple

from . import errors

#: The ABI (SONAME) this binding is written against: libkare.so.1.
REQUIRED_ABI = 1
#: The ``kare_render_options`` version the mirror below lays out.
RENDER_OPTIONS_VERSION = 2
#: The ``kare_report_options`` version the mirror below lays out.
REPORT_OPTIONS_VERSION = 1
#: kare.h's KARE_EXPLAIN_ values, by the names ``kare report --explain`` takes.
EXPLAIN_CODES = {"all": 0, "needed": 1, "none": 2}
#: The oldest library that has every function declared below (0.1.0).
MINIMUM_VERSION = 100
#: Environment variable naming the library file to load.
LIBRARY_ENV = "KARE_LIBRARY"
#: kare.h's KARE_JSONL_SKIP_INVALID flag.
JSONL_SKIP_INVALID = 1


# ---- C types ---------------------------------------------------------------

class _PlanStruct(ctypes.Structure):
    """The opaque ``kare_plan``."""


class _ReportStruct(ctypes.Structure):
    """The opaque ``kare_report``."""


class _PipelineStruct(ctypes.Structure):
    """The opaque ``kare_pipeline``."""


class CsvFile(ctypes.Structure):
    """``kare_csv_file``: one CSV file for ``kare_plan_import_csv``."""

    _fields_ = [("name", ctypes.c_char_p), ("text", ctypes.c_char_p), ("text_len", ctypes.c_size_t)]


class CsvFileV2(ctypes.Structure):
    """``kare_csv_file_v2``: one CSV file for ``kare_plan_import_csv_v2``."""

    _fields_ = [("name", ctypes.c_char_p), ("name_len", ctypes.c_size_t),
                ("text", ctypes.c_char_p), ("text_len", ctypes.c_size_t)]


class ReadOptions(ctypes.Structure):
    """``kare_read_options``: bounds on a plan document."""

    _fields_ = [("version", ctypes.c_uint32), ("max_depth", ctypes.c_uint32),
                ("max_document_bytes", ctypes.c_uint64), ("max_string_bytes", ctypes.c_uint64),
                ("max_accounts", ctypes.c_uint64), ("max_deals", ctypes.c_uint64),
                ("max_activities", ctypes.c_uint64)]


class RenderOptions(ctypes.Structure):
    """``kare_render_options``: how a report is drawn."""

    _fields_ = [("version", ctypes.c_uint32), ("rows_per_quadrant", ctypes.c_uint32),
                ("sections", ctypes.c_uint32), ("width", ctypes.c_uint32),
                ("rep", ctypes.c_char_p), ("rep_len", ctypes.c_size_t)]


class ReportOptions(ctypes.Structure):
    """``kare_report_options``: what a report covers and which accounts it explains."""

    _fields_ = [("version", ctypes.c_uint32), ("explain", ctypes.c_int32),
                ("rep", ctypes.c_char_p), ("rep_len", ctypes.c_size_t),
                ("explain_account", ctypes.c_char_p), ("explain_account_len", ctypes.c_size_t)]


# Typed pointers, so that passing a report where a plan is expected is a
# ctypes.ArgumentError rather than undefined behaviour.
PlanPointer = ctypes.POINTER(_PlanStruct)
ReportPointer = ctypes.POINTER(_ReportStruct)
PipelinePointer = ctypes.POINTER(_PipelineStruct)

_status = ctypes.c_int32
_size = ctypes.c_size_t
_text = ctypes.c_char_p  # text *in*, or a borrowed string out
# Owned strings come out as void*: c_char_p would copy to bytes and lose the
# pointer that kare_string_free needs.
_owned_text_out = ctypes.POINTER(ctypes.c_void_p)

#: Marks a function that returns ``kare_status``: it gets the errcheck.
_STATUS = object()


class Library:
    """The loaded libkare: only the functions declared here, typed."""

    def __init__(self, cdll: ctypes.CDLL, path: str) -> None:
        self.cdll = cdll
        self.path = path

    def __getattr__(self, name: str) -> Any:
        # Only reached for names never declared: refuse rather than let ctypes
        # guess an int return type.
        raise AttributeError(f"{name} is not declared in kare._ffi")


def _declare(library: Library, name: str, restype: Any, *argtypes: Any) -> None:
    """Declares one C function: its types and, for a status, the errcheck."""
    function = getattr(library.cdll, name)  # AttributeError: the symbol is missing
    function.argtypes = argtypes
    if restype is _STATUS:
        function.restype = _status
        function.errcheck = _raise_for_status
    else:
        function.restype = restype
    setattr(library, name, function)


def _declare_all(library: Library) -> None:
    d = _declare
    L = library
    plan_out = ctypes.POINTER(PlanPointer)
    report_out = ctypes.POINTER(ReportPointer)

    # Versions and errors. None of these fail, so none is checked; the error
    # accessors must not be, or reading an error would clear it.
    d(L, "kare_version_number", ctypes.c_uint32)
    d(L, "kare_version_string", _text)
    d(L, "kare_abi_version", ctypes.c_uint32)
    d(L, "kare_status_str", _text, _status)
    d(L, "kare_placement_str", _text, ctypes.c_int32)
    d(L, "kare_honesty_str", _text, ctypes.c_int32)
    d(L, "kare_outcome_str", _text, ctypes.c_int32)
    d(L, "kare_error_code", _status)
    d(L, "kare_error_message", _text)
    d(L, "kare_error_path", _text)
    d(L, "kare_error_labelled_path", _text)
    d(L, "kare_error_clear", None)
    d(L, "kare_string_free", None, ctypes.c_void_p)

    # Plans.
    d(L, "kare_plan_load", _STATUS, plan_out, _text, _size)
    d(L, "kare_plan_load_file", _STATUS, plan_out, _text)
    d(L, "kare_read_options_init", _STATUS, ctypes.POINTER(ReadOptions), ctypes.c_uint32)
    d(L, "kare_plan_load_with_options", _STATUS, plan_out, _text, _size,
      ctypes.POINTER(ReadOptions))
    d(L, "kare_plan_load_file_with_options", _STATUS, plan_out, _text,
      ctypes.POINTER(ReadOptions))
    d(L, "kare_plan_free", None, PlanPointer)
    d(L, "kare_plan_as_of", _STATUS, plan_out, PlanPointer, _text, _size)
    d(L, "kare_plan_diff_json", _STATUS, _owned_text_out, ctypes.POINTER(_size), PlanPointer,
      _text, _size, PlanPointer, _text, _size)
    d(L, "kare_plan_changes_since_json", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      PlanPointer, _text, _size, _text, _size)
    d(L, "kare_plan_timeline_json", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      PlanPointer, _text, _size, _text, _size)
    d(L, "kare_plan_to_json", _STATUS, _owned_text_out, ctypes.POINTER(_size), PlanPointer)
    d(L, "kare_plan_account_count", _STATUS, ctypes.POINTER(_size), PlanPointer)
    d(L, "kare_plan_rep_count", _STATUS, ctypes.POINTER(_size), PlanPointer)
    d(L, "kare_plan_account_placement", _STATUS,
      ctypes.POINTER(ctypes.c_int32), PlanPointer, _text, _size)
    d(L, "kare_plan_placements", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      ctypes.POINTER(_size), PlanPointer, _text)
    d(L, "kare_plan_assign", _STATUS, PlanPointer, _text, ctypes.c_int32, _text, _text)
    d(L, "kare_plan_move", _STATUS, PlanPointer, _text, ctypes.c_int32, _text, _text)
    d(L, "kare_plan_fire", _STATUS, PlanPointer, _text, _text, _text, _text)
    d(L, "kare_plan_accept_moves", _STATUS, ctypes.POINTER(_size), PlanPointer, _text, _text,
      _text, _text, _text)
    d(L, "kare_plan_replace_sections", _STATUS, PlanPointer, _text, _size)
    d(L, "kare_plan_add_rep", _STATUS, PlanPointer, _text, _size)
    d(L, "kare_plan_add_account", _STATUS, PlanPointer, _text, _size)
    d(L, "kare_plan_remove_account", _STATUS, PlanPointer, _text, _size)
    d(L, "kare_plan_save_file", _STATUS, PlanPointer, _text)
    d(L, "kare_plan_replace_account", _STATUS, PlanPointer, _text, _size)
    d(L, "kare_plan_update_account", _STATUS, PlanPointer, _text, _size)
    d(L, "kare_plan_account_json", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      PlanPointer, _text, _size)

    # Activities and deals.
    d(L, "kare_plan_add_activity", _STATUS, PlanPointer, _text, _size)
    d(L, "kare_plan_remove_activity", _STATUS, PlanPointer, _size)
    d(L, "kare_plan_activity_count", _STATUS, ctypes.POINTER(_size), PlanPointer)
    d(L, "kare_plan_add_activity_v2", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      PlanPointer, _text, _size)
    d(L, "kare_plan_remove_activity_by_id", _STATUS, PlanPointer, _text, _size)
    d(L, "kare_plan_activity_id", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      PlanPointer, _size)
    d(L, "kare_plan_add_deal", _STATUS, PlanPointer, _text, _size)
    d(L, "kare_plan_replace_deal", _STATUS, PlanPointer, _text, _size)
    d(L, "kare_plan_remove_deal", _STATUS, PlanPointer, _text, _size)
    d(L, "kare_plan_deal_count", _STATUS, ctypes.POINTER(_size), PlanPointer)
    d(L, "kare_plan_deal_json", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      PlanPointer, _text, _size)
    d(L, "kare_plan_deal_state", _STATUS,
      ctypes.POINTER(ctypes.c_int32), PlanPointer, _text, _size, _text)
    d(L, "kare_plan_add_evidence", _STATUS, PlanPointer, _text, _text, _text, _text, _text)
    d(L, "kare_plan_record_deal_activity", _STATUS, PlanPointer, _text, _text)
    d(L, "kare_plan_change_close_date", _STATUS, PlanPointer, _text, _text, _text, _text)
    d(L, "kare_plan_declare_stall", _STATUS, PlanPointer, _text, _text, _text, _text)
    d(L, "kare_plan_clear_stall", _STATUS, PlanPointer, _text)
    d(L, "kare_plan_clear_deal_state", _STATUS, PlanPointer, _text, _text, _text)
    d(L, "kare_plan_declare_deal_state", _STATUS, PlanPointer, _text, ctypes.c_int32, _text, _text)
    d(L, "kare_plan_close_deal", _STATUS, PlanPointer, _text, ctypes.c_int32, _text, _text)
    # Counted forms: every text as pointer and length.
    t = (_text, _size)
    i32 = ctypes.c_int32
    d(L, "kare_plan_assign_v2", _STATUS, PlanPointer, *t, i32, *t, *t)
    d(L, "kare_plan_move_v2", _STATUS, PlanPointer, *t, i32, *t, *t)
    d(L, "kare_plan_fire_v2", _STATUS, PlanPointer, *t, *t, *t, *t)
    d(L, "kare_plan_add_evidence_v2", _STATUS, PlanPointer, *t, *t, *t, *t, *t)
    d(L, "kare_plan_record_deal_activity_v2", _STATUS, PlanPointer, *t, *t)
    d(L, "kare_plan_change_close_date_v2", _STATUS, PlanPointer, *t, *t, *t, *t)
    d(L, "kare_plan_declare_stall_v2", _STATUS, PlanPointer, *t, *t, *t, *t)
    d(L, "kare_plan_clear_stall_v2", _STATUS, PlanPointer, *t)
    d(L, "kare_plan_declare_deal_state_v2", _STATUS, PlanPointer, *t, i32, *t, *t)
    d(L, "kare_plan_clear_deal_state_v2", _STATUS, PlanPointer, *t, *t, *t)
    d(L, "kare_plan_close_deal_v2", _STATUS, PlanPointer, *t, i32, *t, *t)
    d(L, "kare_plan_load_file_v2", _STATUS, plan_out, *t, ctypes.POINTER(ReadOptions))
    d(L, "kare_plan_save_file_v2", _STATUS, PlanPointer, *t)
    d(L, "kare_plan_placements_v2", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      ctypes.POINTER(_size), PlanPointer, *t)
    d(L, "kare_plan_accept_moves_v2", _STATUS, ctypes.POINTER(_size), PlanPointer, *t, *t, *t,
      *t, *t)
    d(L, "kare_plan_deal_state_v2", _STATUS, ctypes.POINTER(i32), PlanPointer, *t, *t)
    d(L, "kare_plan_progress_json_v2", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      PlanPointer, *t, *t, ctypes.c_uint32)
    d(L, "kare_plan_pipeline_json_v2", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      PlanPointer, *t, *t)
    d(L, "kare_report_new_v2", _STATUS, report_out, PlanPointer, *t, *t)
    d(L, "kare_pipeline_new_v2", _STATUS, ctypes.POINTER(PipelinePointer), PlanPointer, *t, *t)
    d(L, "kare_import_mapping_builtin_v2", _STATUS,
      ctypes.POINTER(_text), ctypes.POINTER(_size), *t)
    for picture in ("kare_plan_map_svg_v2", "kare_plan_review_html_v2"):
        d(L, picture, _STATUS, _owned_text_out, ctypes.POINTER(_size), PlanPointer, *t,
          ctypes.POINTER(RenderOptions))
    d(L, "kare_plan_review_html_since", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      PlanPointer, *t, *t, ctypes.POINTER(RenderOptions))

    # Documents and pictures.
    d(L, "kare_plan_progress_json", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      PlanPointer, _text, _text, ctypes.c_uint32)
    d(L, "kare_plan_pipeline_json", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      PlanPointer, _text, _text)
    d(L, "kare_plan_map_svg", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      PlanPointer, _text, _text)
    d(L, "kare_plan_review_html", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      PlanPointer, _text, _text)

    # Imports.
    d(L, "kare_import_mapping_builtin", _STATUS,
      ctypes.POINTER(_text), ctypes.POINTER(_size), _text)
    d(L, "kare_plan_import_csv", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      PlanPointer, _text, _size, ctypes.POINTER(CsvFile), _size, _text)

    d(L, "kare_plan_import_csv_v2", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      PlanPointer, _text, _size, ctypes.POINTER(CsvFileV2), _size, _text, _size,
      ctypes.POINTER(ReadOptions))

    # Batches.
    d(L, "kare_plan_classify_jsonl", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      PlanPointer, _text, _size, ctypes.c_uint32, ctypes.c_uint32)
    d(L, "kare_plan_classify_jsonl_v2", _STATUS, _owned_text_out, ctypes.POINTER(_size),
      PlanPointer, _text, _size, ctypes.c_uint32, ctypes.c_uint32,
      ctypes.POINTER(ReadOptions))

    # Reports.
    d(L, "kare_report_new", _STATUS, report_out, PlanPointer, _text, _text)
    d(L, "kare_report_options_init", _STATUS, ctypes.POINTER(ReportOptions), ctypes.c_uint32)
    d(L, "kare_report_new_with_options", _STATUS, report_out, PlanPointer, _text, _size,
      ctypes.POINTER(ReportOptions))
    d(L, "kare_report_free", None, ReportPointer)
    d(L, "kare_render_options_init", _STATUS, ctypes.POINTER(RenderOptions), ctypes.c_uint32)
    for picture in ("kare_report_map_svg", "kare_report_review_html"):
        d(L, picture, _STATUS, _owned_text_out, ctypes.POINTER(_size), ReportPointer,
          PlanPointer, ctypes.POINTER(RenderOptions))
    d(L, "kare_report_to_json", _STATUS, _owned_text_out, ctypes.POINTER(_size), ReportPointer)
    d(L, "kare_report_finding_count", _STATUS, ctypes.POINTER(_size), ReportPointer)
    d(L, "kare_report_facts_ignored", _STATUS, ctypes.POINTER(_size), ReportPointer)
    d(L, "kare_report_finding_code", _STATUS, ctypes.POINTER(_text), ReportPointer, _size)
    d(L, "kare_report_count", _STATUS, ctypes.POINTER(_size), ReportPointer, ctypes.c_int32)
    d(L, "kare_finding_codes_json", _STATUS, _owned_text_out, ctypes.POINTER(_size))
    borrowed = ctypes.POINTER(_text)
    size_out = ctypes.POINTER(_size)
    d(L, "kare_report_account_count", _STATUS, size_out, ReportPointer)
    for column in ("id", "name", "owner"):
        d(L, f"kare_report_account_{column}", _STATUS, borrowed, size_out, ReportPointer, _size)
    d(L, "kare_report_account_placement", _STATUS,
      ctypes.POINTER(ctypes.c_int32), ReportPointer, _size)
    d(L, "kare_report_account_basis", _STATUS, borrowed, ReportPointer, _size)
    d(L, "kare_report_account_candidates", _STATUS,
      ctypes.POINTER(ctypes.c_uint32), ReportPointer, _size)
    d(L, "kare_report_account_failed_criteria", _STATUS,
      size_out, ReportPointer, _size, ctypes.c_int32)
    d(L, "kare_report_finding_severity", _STATUS, borrowed, ReportPointer, _size)
    d(L, "kare_report_finding_subject", _STATUS, borrowed, borrowed, ReportPointer, _size)
    d(L, "kare_report_finding_message", _STATUS, borrowed, size_out, ReportPointer, _size)
    d(L, "kare_report_finding_figures_json", _STATUS, _owned_text_out, size_out,
      ReportPointer, _size)

    # The review document and the scoreboard.
    d(L, "kare_report_review_json", _STATUS, _owned_text_out, size_out, ReportPointer)
    d(L, "kare_report_scoreboard_count", _STATUS, size_out, ReportPointer)
    d(L, "kare_report_scoreboard_rep", _STATUS, borrowed, ReportPointer, _size)
    d(L, "kare_report_scoreboard_accounts", _STATUS, size_out, ReportPointer, _size, i32)
    d(L, "kare_report_scoreboard_in_focus", _STATUS, size_out, ReportPointer, _size, i32)
    d(L, "kare_report_scoreboard_targets", _STATUS, size_out, size_out, ReportPointer, _size)
    d(L, "kare_report_scoreboard_effort", _STATUS, ctypes.POINTER(ctypes.c_int64),
      ctypes.POINTER(ctypes.c_uint32), ctypes.POINTER(i32), ReportPointer, _size, i32)
    d(L, "kare_report_scoreboard_pipeline", _STATUS, size_out, borrowed, ReportPointer, _size,
      i32)
    d(L, "kare_report_scoreboard_bloat", _STATUS, borrowed, ReportPointer, _size)
    d(L, "kare_report_scoreboard_findings", _STATUS, size_out, ReportPointer, _size, _text)
    d(L, "kare_report_scoreboard_worst", _STATUS, size_out, size_out, ReportPointer, _size,
      _size)

    # Pipelines.
    d(L, "kare_pipeline_new", _STATUS, ctypes.POINTER(PipelinePointer), PlanPointer, _text, _text)
    d(L, "kare_pipeline_free", None, PipelinePointer)
    d(L, "kare_pipeline_currency", _STATUS, borrowed, PipelinePointer)
    d(L, "kare_pipeline_group_count", _STATUS, size_out, PipelinePointer, i32)
    d(L, "kare_pipeline_group_name", _STATUS, borrowed, PipelinePointer, i32, _size)
    d(L, "kare_pipeline_open_deals", _STATUS, size_out, PipelinePointer, i32, _size)
    d(L, "kare_pipeline_amount", _STATUS, borrowed, PipelinePointer, i32, _size, i32)
    d(L, "kare_pipeline_bloat", _STATUS, borrowed, PipelinePointer, i32, _size)
    d(L, "kare_pipeline_state", _STATUS, size_out, borrowed, PipelinePointer, i32, _size, i32)
    d(L, "kare_pipeline_closed", _STATUS, size_out, borrowed, PipelinePointer, i32)
    d(L, "kare_pipeline_lost_reason_count", _STATUS, size_out, PipelinePointer)
    d(L, "kare_pipeline_lost_reason", _STATUS, borrowed, size_out, PipelinePointer, _size)
    d(L, "kare_pipeline_hope_count", _STATUS, size_out, PipelinePointer)
    d(L, "kare_pipeline_hope_deal", _STATUS, borrowed, borrowed, borrowed, borrowed,
      ctypes.POINTER(i32), borrowed, PipelinePointer, _size)


# ---- Errors ----------------------------------------------------------------

def _decode(raw: Optional[bytes]) -> str:
    return raw.decode("utf-8", "replace") if raw else ""


def _raise_for_status(status: int, function: Any, arguments: Tuple[Any, ...]) -> int:
    """errcheck for every function returning ``kare_status``."""
    if status == errors.OK:
        return status
    raise last_error(status, function.__name__)


def last_error(status: int, function_name: str) -> errors.Error:
    """The exception for a failed call, from the thread's last-error record.

    Must run right after the failed call, on its thread: the record lasts only
    until the next kare call.
    """
    message = path = labelled_path = ""
    if lib.kare_error_code() == status:
        message = _decode(lib.kare_error_message())
        path = _decode(lib.kare_error_path())
        labelled_path = _decode(lib.kare_error_labelled_path())
    status_name = _decode(lib.kare_status_str(status))
    if not message:
        message = f"{function_name} failed ({status_name})"
    return errors.error_class(status)(
        message, code=status, status_name=status_name, path=path or None,
        labelled_path=labelled_path or None,
    )


# ---- Owned strings ---------------------------------------------------------

def owned_text(function: Callable[..., int], *arguments: Any) -> str:
    """Calls a ``(char **out, size_t *out_len, ...)`` function and returns the
    text, copied, after freeing the library's buffer."""
    return owned_bytes(function, *arguments).decode("utf-8")


# CPython hands out a str's UTF-8 without copying and builds a str straight
# from C memory; elsewhere the batch path falls back to encode and decode.
_CPYTHON = sys.implementation.name == "cpython" and hasattr(ctypes, "pythonapi")
if _CPYTHON:
    _as_utf8 = ctypes.pythonapi.PyUnicode_AsUTF8AndSize
    _as_utf8.argtypes = [ctypes.py_object, ctypes.POINTER(ctypes.c_ssize_t)]
    _as_utf8.restype = ctypes.c_void_p
    _from_utf8 = ctypes.pythonapi.PyUnicode_DecodeUTF8
    _from_utf8.argtypes = [ctypes.c_void_p, ctypes.c_ssize_t, ctypes.c_char_p]
    _from_utf8.restype = ctypes.py_object


def utf8_of(text: str) -> Tuple[Any, int]:
    """A ``str``'s UTF-8 as (pointer, length) for a counted ``const char *``:
    on CPython the string's own buffer, valid while ``text`` lives (the
    caller keeps it), so a large batch is not copied on the way in."""
    if _CPYTHON:
        size = ctypes.c_ssize_t()
        try:
            address = _as_utf8(text, ctypes.byref(size))
        except UnicodeEncodeError as e:  # a lone surrogate: no UTF-8 exists
            raise errors.InvalidArgumentError(
                f"the text is not valid Unicode ({e.reason})") from None
        return ctypes.c_char_p(address), size.value
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise errors.InvalidArgumentError(f"the text is not valid Unicode ({e.reason})") from None
    return data, len(data)


def owned_str(function: Callable[..., int], *arguments: Any) -> str:
    """As ``owned_text``, decoding straight from the library's buffer."""
    if not _CPYTHON:
        return owned_text(function, *arguments)
    out = ctypes.c_void_p()
    length = _size()
    function(ctypes.byref(out), ctypes.byref(length), *arguments)
    try:
        result: str = _from_utf8(out, length.value, b"strict")
        return result
    finally:
        lib.kare_string_free(out)


def owned_view(function: Callable[..., int], *arguments: Any) -> memoryview:
    """Calls a ``(char **out, size_t *out_len, ...)`` function and returns a
    read-only view of the library's buffer itself: no copy. The buffer is
    freed with ``kare_string_free`` once nothing refers to the view."""
    out = ctypes.c_void_p()
    length = _size()
    function(ctypes.byref(out), ctypes.byref(length), *arguments)
    if out.value is None:
        raise errors.InternalError("the library reported success but returned no text")
    try:
        array = (ctypes.c_char * length.value).from_address(out.value)
        weakref.finalize(array, lib.kare_string_free, ctypes.c_void_p(out.value))
    except BaseException:
        lib.kare_string_free(out)
        raise
    return memoryview(array).cast("B").toreadonly()


def owned_bytes(function: Callable[..., int], *arguments: Any) -> bytes:
    """As ``owned_text``, but the UTF-8 bytes themselves: one copy, no decoding."""
    out = ctypes.c_void_p()
    length = _size()
    function(ctypes.byref(out), ctypes.byref(length), *arguments)
    try:
        return ctypes.string_at(out, length.value)
    finally:
        lib.kare_string_free(out)


# ---- Finding and loading the library ----------------------------------------

class _Unusable(Exception):
    """A candidate library that was found but cannot be used, and why."""


def _version_text(number: int) -> str:
    return f"{number // 10000}.{number // 100 % 100}.{number % 100}"


def _file_names() -> List[str]:
    """What the library file is called on this platform, versioned name first."""
    if sys.platform == "darwin":
        return [f"libkare.{REQUIRED_ABI}.dylib", "libkare.dylib"]
    if sys.platform == "win32":
        return ["kare.dll"]
    return [f"libkare.so.{REQUIRED_ABI}", "libkare.so"]


def open_library(name: str) -> Library:
    """Loads one candidate, checks that it is a compatible libkare and declares
    every function. Raises _Unusable with the reason otherwise."""
    try:
        cdll = ctypes.CDLL(name)
    except OSError as e:
        raise _Unusable(str(e)) from None
    check_compatible(cdll, name)
    library = Library(cdll, name)
    try:
        _declare_all(library)
    except AttributeError as e:
        raise _Unusable(f"{name} lacks a function this binding needs: {e}") from None
    return library


def check_compatible(cdll: Any, name: str) -> None:
    """Refuses a library whose ABI or version this binding cannot use."""
    for symbol in ("kare_abi_version", "kare_version_number"):
        if not hasattr(cdll, symbol):
            raise _Unusable(f"{name} is not libkare: it has no {symbol}()")
    # Declared here too: the full declarations come only after this check.
    cdll.kare_abi_version.argtypes = ()
    cdll.kare_abi_version.restype = ctypes.c_uint32
    cdll.kare_version_number.argtypes = ()
    cdll.kare_version_number.restype = ctypes.c_uint32
    abi = cdll.kare_abi_version()
    if abi != REQUIRED_ABI:
        raise _Unusable(
            f"{name} has ABI version {abi}; this binding needs ABI version {REQUIRED_ABI} "
            f"(libkare.so.{REQUIRED_ABI})"
        )
    version = cdll.kare_version_number()
    if version < MINIMUM_VERSION:
        raise _Unusable(
            f"{name} is kare {_version_text(version)}; this binding needs "
            f"{_version_text(MINIMUM_VERSION)} or newer"
        )


def find_library(package_dir: Path, environ: Mapping[str, str]) -> Library:
    """Finds and loads libkare, in this order:

    1. bundled: a library file inside the package directory (a wheel that
       ships its own libkare uses exactly the library it was tested with);
    2. the file named by the ``KARE_LIBRARY`` environment variable;
    3. the system search path: ``libkare.so.1``, then whatever
       ``ctypes.util.find_library("kare")`` reports.

    A bundled library or ``KARE_LIBRARY`` that cannot be used is an error, not
    a reason to fall through to another copy: silently loading a different
    library than the one asked for hides mistakes.

    Raises:
        ImportError: naming every place tried and why each failed.
    """
    tried: List[str] = []

    def fail(reason: str) -> ImportError:
        lines = "\n".join(f"  - {t}" for t in tried + ([reason] if reason else []))
        return ImportError(
            "kare cannot load its C library (libkare). Tried, in order:\n"
            f"{lines}\n"
            f"Build it (cmake --build build makes build/capi/libkare.so) and set "
            f"{LIBRARY_ENV} to the file's path, or install it where the dynamic "
            "loader looks."
        )

    names = _file_names()
    for candidate in (package_dir / n for n in names):
        if candidate.exists():
            try:
                return open_library(str(candidate))
            except _Unusable as e:
                raise fail(f"bundled {candidate}: {e}") from None
    tried.append(f"bundled: no {' or '.join(names)} in {package_dir}")

    requested = environ.get(LIBRARY_ENV, "")
    if requested:
        where = f"{LIBRARY_ENV}={requested}"
        path = Path(requested)
        if path.is_dir():
            raise fail(f"{where}: is a directory; give the path of the library file")
        if not path.exists():
            raise fail(f"{where}: no such file")
        try:
            return open_library(os.path.abspath(path))
        except _Unusable as e:
            raise fail(f"{where}: {e}") from None
    tried.append(f"{LIBRARY_ENV}: not set")

    # An installed tree (cmake --install) notes where its libkare lies.
    installed_dir = _installed_library_dir(package_dir)
    if installed_dir is not None:
        for candidate in (installed_dir / n for n in names):
            if candidate.exists():
                try:
                    return open_library(str(candidate))
                except _Unusable as e:
                    raise fail(f"installed {candidate}: {e}") from None
        tried.append(f"installed: no {' or '.join(names)} in {installed_dir}")

    # find_library runs compilers and ldconfig: ask it only when needed.
    system: List[Tuple[str, Callable[[], Optional[str]]]] = [
        (names[0], lambda: names[0]),
        ("find_library('kare')", lambda: ctypes.util.find_library("kare")),
    ]
    for label, lookup in system:
        name = lookup()
        if name is None:
            tried.append(f"system {label}: found nothing")
            continue
        try:
            return open_library(name)
        except _Unusable as e:
            tried.append(f"system {label}: {e}")
    raise fail("")


def _installed_library_dir(package_dir: Path) -> Optional[Path]:
    """The library folder an installed package notes in ``_installed.py``
    (written by ``cmake --install``), or None in a checkout or a wheel."""
    note = package_dir / "_installed.py"
    if not note.exists():
        return None
    # Read, not imported: the note is data, and a checkout copied over an
    # installed tree must not pick up a stale module.
    for node in ast.parse(note.read_text(encoding="utf-8")).body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "LIBRARY_DIR"):
            return (package_dir / str(ast.literal_eval(node.value))).resolve()
    return None


lib: Any = find_library(Path(__file__).resolve().parent, os.environ)


def library_version() -> str:
    """The loaded C library's version, e.g. ``"0.1.0"``."""
    return _decode(lib.kare_version_string())


def library_version_number() -> int:
    """The loaded C library's version as major * 10000 + minor * 100 + patch."""
    return int(lib.kare_version_number())


def declared_functions() -> Sequence[str]:
    """Names of every declared C function (for tests)."""
    return sorted(n for n in vars(lib) if n.startswith("kare_"))
