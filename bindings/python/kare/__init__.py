"""kare: KARE account planning (Keep, Attain, Recapture, Expand) for Python.

A thin binding over the kare C library (libkare)::

    import kare

    with kare.Plan.from_file("plan.json") as plan:
        review = plan.report("2026-11-23")
        print(review["summary"])

Results are typed: amounts ``Decimal``, dates ``datetime.date``, placements
``str`` enums equal to their names (``kare.Placement.KEEP == "keep"``); the
shapes are in :mod:`kare.documents`, the conversions in :mod:`kare.values`.

The library is found next to this package, else through the ``KARE_LIBRARY``
environment variable (the path of the file), else on the system search path;
importing kare fails with the list of places tried when none has it.
"""

from __future__ import annotations

import ctypes
import json
from typing import Dict, List

from . import _convert, _ffi, documents
from ._version import __version__
from .enums import Category, HonestyState, Outcome, Placement
from .errors import (
    ClosedPlanError,
    ConflictError,
    Error,
    InternalError,
    InvalidArgumentError,
    InvalidPlanError,
    InvalidTypeError,
    KareFileNotFoundError,
    KareIOError,
    KareIsADirectoryError,
    KareMemoryError,
    NoMemoryError,
    KareNotADirectoryError,
    KarePermissionError,
    LimitError,
    NotFoundError,
    ParseError,
    UnsupportedVersionError,
)
from .notebook import KareMap, ReviewPage
from .plan import Plan
from .values import dumps, loads

__all__ = [
    "__version__",
    "library_version",
    "finding_codes",
    "builtin_mapping",
    "library_path",
    "HonestyState",
    "Outcome",
    "Category",
    "Placement",
    "Plan",
    "KareMap",
    "ReviewPage",
    "loads",
    "dumps",
    "documents",
    "Error",
    "InvalidArgumentError",
    "InvalidTypeError",
    "ClosedPlanError",
    "ParseError",
    "InvalidPlanError",
    "NotFoundError",
    "ConflictError",
    "LimitError",
    "UnsupportedVersionError",
    "KareIOError",
    "KareFileNotFoundError",
    "KarePermissionError",
    "KareIsADirectoryError",
    "KareNotADirectoryError",
    "KareMemoryError",
    "NoMemoryError",
    "InternalError",
]


def library_version() -> str:
    """The version of the loaded C library, e.g. ``"0.1.0"``.

    ``kare.__version__`` is the binding's version: that of the libkare it was
    built with, which a newer installed library may pass.
    """
    return _ffi.library_version()


def library_path() -> str:
    """The path (or, when found on the system search path, the name) the C
    library was loaded from."""
    return str(_ffi.lib.path)


def finding_codes() -> List[Dict[str, str]]:
    """Every finding code the library can raise, in its table's order, as
    dicts with ``code``, ``severity`` (``"info"``, ``"warning"``,
    ``"error"``), ``subject`` (``"plan"``, ``"account"``, ``"deal"``,
    ``"rep"``) and ``description``. Codes are never renamed or reused."""
    document = json.loads(_ffi.owned_text(_ffi.lib.kare_finding_codes_json))
    codes: List[Dict[str, str]] = document["codes"]
    return codes


def builtin_mapping(name: str) -> str:
    """A column mapping kare ships, as its JSON document, for
    :meth:`Plan.import_csv`: ``"hubspot"`` (companies and deals) or
    ``"salesforce"`` (products, accounts and opportunities).

    Raises:
        NotFoundError: no mapping ships under that name.
    """
    out = ctypes.c_char_p()
    length = ctypes.c_size_t()
    _ffi.lib.kare_import_mapping_builtin(ctypes.byref(out), ctypes.byref(length),
                                         _convert.text(name, "name"))
    # Static storage in the library: copied, never freed.
    return ctypes.string_at(out, length.value).decode("utf-8")
