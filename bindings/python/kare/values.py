"""JSON documents as Python values, both ways, exactly.

Out (:func:`loads`): amounts as ``Decimal`` (documents write money as
decimal strings, ``"240000.00"``, and every fractional number is parsed as a
``Decimal`` too), dates as ``datetime.date``, placements, categories, honesty
states and outcomes as the ``str`` enums of :mod:`kare.enums`. Which strings
are converted is decided by their key, and only when the text has the right
shape, so an id or a name is never touched.

In (:func:`dumps`): what :func:`loads` gives, plus numpy scalars and arrays;
a value JSON cannot hold exactly (NaN, a datetime, an object) is refused with
its key path. ``dumps(loads(text))`` reads back as ``text`` does.
"""

from __future__ import annotations

import datetime
import json
import math
import re
from decimal import Decimal
from typing import Any, Dict, List, Union

from .enums import HonestyState, Outcome, Placement
from .errors import InvalidArgumentError, InvalidTypeError

__all__ = ["loads", "dumps", "to_json_value"]

# Keys whose values are dates ("YYYY-MM-DD"); "from" and "to" are dates in a
# close-date change and placements in a move: the text tells which.
_DATE_KEYS = frozenset({
    "as_of", "date", "on", "first", "last", "from", "to", "opened", "expected_close",
    "last_activity", "last_purchase", "last_review", "window_first", "window_last",
    "died_on", "closed_on", "declared_on", "resume_on", "renewal_date", "in_category_since",
    "since", "until", "added",
})
# Keys whose string values are decimal amounts or exact ratios.
_DECIMAL_KEYS = frozenset({
    "amount", "total", "honest_total", "hope_total", "qualified_pipeline", "numerator",
    "denominator",
})
_PLACEMENT_KEYS = frozenset({"placement", "category", "from", "to"})
_PLACEMENT_LIST_KEYS = frozenset({"candidates", "categories", "order"})
_STATE_KEYS = frozenset({"state", "state_before", "state_after"})
_OUTCOME_KEYS = frozenset({"outcome", "outcome_before", "outcome_after"})
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_DECIMAL = re.compile(r"-?\d+(\.\d+)?\Z")
_PLACEMENTS = {p.value: p for p in Placement}
_STATES = {s.value: s for s in HonestyState}
_OUTCOMES = {o.value: o for o in Outcome}


def _date(text: str) -> Union[datetime.date, str]:
    if _DATE.match(text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            pass
    return text


def _typed_object(pairs: List[Any]) -> Dict[str, Any]:
    result: Dict[str, Any] = {}
    is_ratio = False
    for key, value in pairs:
        if isinstance(value, str):
            if key in _PLACEMENT_KEYS and value in _PLACEMENTS:
                value = _PLACEMENTS[value]
            elif key in _DATE_KEYS:
                value = _date(value)
            elif key in _DECIMAL_KEYS and _DECIMAL.match(value):
                value = Decimal(value)
            elif key in _STATE_KEYS and value in _STATES:
                value = _STATES[value]
            elif key in _OUTCOME_KEYS and value in _OUTCOMES:
                value = _OUTCOMES[value]
        elif key in _PLACEMENT_LIST_KEYS and isinstance(value, list):
            value = [_PLACEMENTS.get(v, v) if isinstance(v, str) else v for v in value]
        if key == "numerator":
            is_ratio = True
        result[key] = value
    # A ratio's value ({"numerator", "denominator", "value": "0.6414"}) is exact text too.
    if is_ratio and isinstance(result.get("value"), str) and _DECIMAL.match(result["value"]):
        result["value"] = Decimal(result["value"])
    return result


def loads(text: Union[str, bytes]) -> Any:
    """A kare JSON document (report, pipeline, progress, plan, import report,
    classification line) as typed Python values."""
    return json.loads(text, parse_float=Decimal, object_pairs_hook=_typed_object)


# ---- In ------------------------------------------------------------------------

class _NotPlain(Exception):
    """A value json.dumps cannot take as it is: the careful path handles it."""


def _refuse_fast(value: Any) -> Any:
    raise _NotPlain()


def dumps(value: Any, name: str = "value") -> str:
    """JSON text for a document given as Python values (see the module).

    Raises:
        InvalidArgumentError: NaN or an infinity, an impossible number;
            ``.path`` names it (``"deal.amount"``).
        InvalidTypeError: a value JSON cannot hold (a ``datetime``, a ``set``,
            an object), or a key that is not a ``str``; also a ``TypeError``.
    """
    try:
        # Plain JSON values (the common case, and large plans) go straight through.
        return json.dumps(value, ensure_ascii=False, allow_nan=False, default=_refuse_fast)
    except (_NotPlain, ValueError, TypeError):
        pass
    return json.dumps(to_json_value(value, name), ensure_ascii=False, allow_nan=False)


def _numpy_value(value: Any) -> Any:
    if type(value).__module__ == "numpy" and hasattr(value, "tolist"):
        return value.tolist()  # a Python scalar, or nested lists for an array
    return value


def to_json_value(value: Any, path: str = "value") -> Any:
    """``value`` as plain JSON values (``dict``, ``list``, ``str``, ``int``,
    finite ``float``, ``bool``, ``None``), refusing what has no exact JSON
    form with its key path. Amounts (``Decimal`` under ``"amount"`` and the
    other money keys) become decimal strings, as documents write them; any
    other ``Decimal`` a number."""
    return _plain(value, path, None)


def _plain(value: Any, path: str, key: Any) -> Any:
    value = _numpy_value(value)
    if value is None or isinstance(value, (bool, str)):
        return value  # str enums included: they are their text
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidArgumentError(f"{value} is not a JSON number", path=path)
        return float(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidArgumentError(f"{value} is not a JSON number", path=path)
        if key in _DECIMAL_KEYS:
            return format(value, "f")
        if value == value.to_integral_value() and "." not in str(value) and "E" not in str(value):
            return int(value)
        # The double the library would read from the decimal's own text.
        return float(value)
    if isinstance(value, datetime.datetime):
        raise InvalidTypeError(
            "a datetime is not a calendar date; pass its .date() (which day it falls "
            "on is the caller's decision)", path=path)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict) or (hasattr(value, "keys") and hasattr(value, "__getitem__")):
        result = {}
        keys = list(value.keys())
        is_ratio = "numerator" in keys
        for k in keys:
            name = _numpy_value(k)
            if not isinstance(name, str):
                raise InvalidTypeError(
                    f"a key must be a str, not {type(name).__name__} ({name!r})", path=path)
            # A ratio's value is written as exact text, like an amount.
            as_key = "numerator" if is_ratio and name == "value" else name
            result[name] = _plain(value[k], f"{path}.{name}", as_key)
        return result
    if isinstance(value, (list, tuple)):
        return [_plain(item, f"{path}[{i}]", key) for i, item in enumerate(value)]
    raise InvalidTypeError(f"a {type(value).__name__} is not a JSON value", path=path)
