"""Python values to the C API's arguments, refusing what C would misread."""

from __future__ import annotations

import datetime
import os
from typing import Any, Iterable, List, Mapping, Tuple, Union

from . import values
from .enums import Category, CategoryLike, Placement, PlacementLike
from .errors import InvalidArgumentError, io_error

DateLike = Union[datetime.date, str]
#: CSV files to import: ``{name: text}``, or ``(name, text)`` pairs and paths.
CsvFiles = Union[Mapping[str, Union[str, bytes]],
                 Iterable[Union["os.PathLike[str]", Tuple[str, Union[str, bytes]]]]]


def text(value: str, name: str) -> bytes:
    """A ``str`` as UTF-8 for a NUL-terminated ``const char *``.

    An embedded NUL would silently cut the text short on the C side, so it is
    refused here.
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if "\0" in value:
        raise InvalidArgumentError(f"{name} contains a NUL character")
    return value.encode("utf-8")


def counted_text(value: str, name: str) -> bytes:
    """A ``str`` as UTF-8 for a pointer-plus-length argument (C checks NULs)."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    return value.encode("utf-8")


def date(value: DateLike, name: str) -> bytes:
    """A ``datetime.date`` or ``"YYYY-MM-DD"`` string; the library checks the text."""
    # datetime is a date subclass, but kare dates have no time of day or zone:
    # which day a datetime falls on is the caller's decision, not ours.
    if isinstance(value, datetime.datetime):
        raise TypeError(f"{name} must be a calendar date, not a datetime; pass {name}.date()")
    if isinstance(value, datetime.date):
        return value.isoformat().encode("ascii")
    if isinstance(value, str):
        return text(value, name)
    raise TypeError(
        f"{name} must be a datetime.date or a 'YYYY-MM-DD' str, not {type(value).__name__}"
    )


def category_code(value: CategoryLike) -> int:
    """The C code of a category given as Category, a category Placement or its name."""
    if isinstance(value, Category):
        return value.code
    if isinstance(value, Placement):
        if value.category is None:
            raise InvalidArgumentError(
                f"{value} is not a category; use move() or fire() for that placement"
            )
        return value.code
    if isinstance(value, str):
        try:
            return Category.from_label(value).code
        except ValueError as e:
            raise InvalidArgumentError(str(e)) from None
    raise TypeError(f"category must be a Category or its name, not {type(value).__name__}")


def placement_code(value: PlacementLike) -> int:
    """The C code of a placement given as Placement, Category or its name."""
    if isinstance(value, (Placement, Category)):
        return value.code
    if isinstance(value, str):
        try:
            return Placement.from_label(value).code
        except ValueError as e:
            raise InvalidArgumentError(str(e)) from None
    raise TypeError(f"placement must be a Placement or its name, not {type(value).__name__}")


def document(value: Union[Mapping[str, Any], str, bytes], name: str) -> bytes:
    """A JSON document given as a mapping, JSON text or UTF-8 bytes."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, Mapping):
        # Dates, Decimals, numpy scalars in; NaN and other types refused with their path.
        return values.dumps(value, name).encode("utf-8")
    raise TypeError(f"{name} must be a dict, a JSON str or bytes, not {type(value).__name__}")


def file_path(value: "Union[str, os.PathLike[str]]", name: str) -> bytes:
    """A file name as the bytes the operating system uses."""
    raw = os.fsencode(value)
    if b"\0" in raw:
        raise InvalidArgumentError(f"{name} contains a NUL character")
    return raw


def csv_files(files: CsvFiles) -> List[Tuple[bytes, bytes]]:
    """CSV files to import as (name, bytes) pairs, in the order given; paths
    are read here, so that the library sees every file whole or none."""
    if isinstance(files, (str, bytes)):
        raise TypeError("files must be a {name: text} mapping or an iterable of "
                        "(name, text) pairs and paths, not a single str or bytes")
    items: List[Any] = list(files.items()) if isinstance(files, Mapping) else list(files)
    result = []
    for i, item in enumerate(items):
        if isinstance(item, os.PathLike):
            name = os.fspath(item)
            try:
                with open(item, "rb") as f:
                    data = f.read()
            except OSError as e:
                raise io_error(e, "read", name) from None
        elif isinstance(item, tuple) and len(item) == 2:
            name, content = item
            if isinstance(content, str):
                data = content.encode("utf-8")
            elif isinstance(content, (bytes, bytearray, memoryview)):
                data = bytes(content)
            else:
                raise TypeError(f"files[{i}]: the text must be str or bytes, "
                                f"not {type(content).__name__}")
        else:
            raise TypeError(f"files[{i}] must be a (name, text) pair or a path "
                            f"(os.PathLike), not {type(item).__name__}")
        result.append((text(name, f"files[{i}] name"), data))
    return result
