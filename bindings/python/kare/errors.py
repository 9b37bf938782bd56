"""The exceptions kare raises: one class per C status code.

Each class also derives from the built-in exception a Python programmer would
catch for that kind of failure (``ValueError`` for bad input, ``LookupError``
for a missing id, ``OSError`` for files, ``MemoryError``), so code that does
not know kare still handles it sensibly.
"""

from __future__ import annotations

import errno as _errno
import os
from typing import Any, ClassVar, Dict, Optional, Tuple, Type

__all__ = [
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
    "NoMemoryError",
    "KareMemoryError",
    "InternalError",
]

# The C status codes (kare.h); frozen, new ones are only appended.
OK = 0
INVALID_ARGUMENT = -1
PARSE = -2
INVALID_PLAN = -3
NOT_FOUND = -4
CONFLICT = -5
LIMIT = -6
UNSUPPORTED_VERSION = -7
IO = -8
NO_MEMORY = -9
INTERNAL = -10


class Error(Exception):
    """Base of every error kare reports.

    Attributes:
        code: the C status code (a negative ``int``, e.g. ``-3``).
        status_name: its stable name (e.g. ``"invalid_plan"``).
        path: where in the document the problem is (e.g.
            ``"accounts[0].owner"``), or ``None`` when it concerns no place.
        labelled_path: the same place for a person, with the id of each
            record after its position (``"accounts[0] (ACME-001).owner"``);
            ``path`` where no record has an id.
        message: the library's sentence, without the path.
        filename: the file the document came from, when it came from one
            (also in the message); else ``None``.
    """

    status: ClassVar[int] = INTERNAL
    default_status_name: ClassVar[str] = "internal"

    code: int
    status_name: str
    path: Optional[str]
    labelled_path: Optional[str]
    message: str
    filename: Any

    def __init__(
        self,
        message: str,
        *,
        code: Optional[int] = None,
        status_name: Optional[str] = None,
        path: Optional[str] = None,
        labelled_path: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = self.status if code is None else code
        self.status_name = self.default_status_name if status_name is None else status_name
        self.path = path or None
        self.labelled_path = labelled_path or self.path
        if not isinstance(self, OSError):
            self.filename = None

    def __str__(self) -> str:
        if self.labelled_path:
            return f"{self.message} (at {self.labelled_path})"
        return self.message

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.message!r}, code={self.code}, "
            f"status_name={self.status_name!r}, path={self.path!r})"
        )

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Keyword-only arguments need this to survive pickling (multiprocessing).
        return (_rebuild, (type(self), self.message, self.code, self.status_name, self.path,
                           self.filename, self.labelled_path))


def _rebuild(
    cls: Type[Error], message: str, code: int, status_name: str, path: Optional[str],
    filename: Optional[str] = None, labelled_path: Optional[str] = None,
) -> Error:
    error = cls(message, code=code, status_name=status_name, path=path,
                labelled_path=labelled_path)
    error.filename = filename
    return error


class InvalidArgumentError(Error, ValueError):
    """An argument cannot be used: a bad date, an empty reason, a NUL byte."""

    status = INVALID_ARGUMENT
    default_status_name = "invalid_argument"


class InvalidTypeError(InvalidArgumentError, TypeError):
    """A value of a type the document cannot hold (a ``datetime``, a ``set``,
    an object); ``path`` says where, e.g. ``"deal.opened"``."""


class ClosedPlanError(InvalidArgumentError):
    """The plan was closed; it can no longer be used."""


class ParseError(Error, ValueError):
    """The document is not well-formed JSON."""

    status = PARSE
    default_status_name = "parse_error"


class InvalidPlanError(Error, ValueError):
    """The document is well-formed but breaks a rule of the plan; ``path`` says where."""

    status = INVALID_PLAN
    default_status_name = "invalid_plan"


class NotFoundError(Error, LookupError):
    """No account, rep or item has that id."""

    status = NOT_FOUND
    default_status_name = "not_found"


class ConflictError(Error):
    """The operation contradicts the plan's state (e.g. the account is already in another category)."""

    status = CONFLICT
    default_status_name = "conflict"


class LimitError(Error, ValueError):
    """The input exceeds a configured limit (size, nesting, count)."""

    status = LIMIT
    default_status_name = "limit_exceeded"


class UnsupportedVersionError(Error, ValueError):
    """The document's format version is one this library does not read."""

    status = UNSUPPORTED_VERSION
    default_status_name = "unsupported_version"


class KareIOError(Error, OSError):
    """A file could not be read or written. ``errno``, ``strerror`` and
    ``filename`` are those of ``OSError`` (``None`` when the library, not the
    operating system, refused); a missing file raises
    :class:`KareFileNotFoundError`, a ``FileNotFoundError`` too, and so on."""

    status = IO
    default_status_name = "io_error"

    def __init__(self, message: str, *, code: Optional[int] = None,
                 status_name: Optional[str] = None, path: Optional[str] = None,
                 errno: Optional[int] = None, filename: Optional[str] = None,
                 labelled_path: Optional[str] = None) -> None:
        super().__init__(message, code=code, status_name=status_name, path=path,
                         labelled_path=labelled_path)
        if errno is not None:
            self.errno = errno
            self.strerror = os.strerror(errno)
        self.filename = filename

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (_rebuild_io, (type(self), self.message, self.code, self.status_name, self.path,
                              self.errno, self.filename))


def _rebuild_io(cls: Type["KareIOError"], message: str, code: int, status_name: str,
                path: Optional[str], errno: Optional[int], filename: Optional[str]) -> Error:
    return cls(message, code=code, status_name=status_name, path=path, errno=errno,
               filename=filename)


class KareFileNotFoundError(KareIOError, FileNotFoundError):
    """No such file or folder (``ENOENT``)."""


class KarePermissionError(KareIOError, PermissionError):
    """Not allowed to read or write it (``EACCES``, ``EPERM``)."""


class KareIsADirectoryError(KareIOError, IsADirectoryError):
    """A folder where a file was expected (``EISDIR``)."""


class KareNotADirectoryError(KareIOError, NotADirectoryError):
    """A file where a folder was expected in the path (``ENOTDIR``)."""


_IO_CLASSES: Dict[int, Type[KareIOError]] = {
    _errno.ENOENT: KareFileNotFoundError,
    _errno.EACCES: KarePermissionError,
    _errno.EPERM: KarePermissionError,
    _errno.EISDIR: KareIsADirectoryError,
    _errno.ENOTDIR: KareNotADirectoryError,
}


def io_error(error: OSError, doing: str, filename: str) -> KareIOError:
    """The kare exception for an operating-system error on ``filename``:
    the matching ``OSError`` subclass, with its errno, naming the file."""
    number = error.errno
    cls = _IO_CLASSES.get(number, KareIOError) if number is not None else KareIOError
    reason = error.strerror or str(error)
    return cls(f"cannot {doing} '{filename}': {reason}", errno=number, filename=filename,
               path=filename)


def with_filename(error: Error, filename: str) -> Error:
    """``error`` (raised for a document) again, naming the file it came from."""
    if isinstance(error, KareIOError):
        return error
    again = type(error)(f"{filename}: {error.message}", code=error.code,
                        status_name=error.status_name, path=error.path,
                        labelled_path=error.labelled_path)
    again.filename = filename
    return again


class NoMemoryError(Error, MemoryError):
    """The library ran out of memory (``KARE_ERROR_NO_MEMORY``)."""

    status = NO_MEMORY
    default_status_name = "out_of_memory"


#: The former name of :class:`NoMemoryError`, the same class.
KareMemoryError = NoMemoryError


class InternalError(Error):
    """A bug in kare; please report it with the message."""

    status = INTERNAL
    default_status_name = "internal"


_CLASSES: Tuple[Type[Error], ...] = (
    InvalidArgumentError,
    ParseError,
    InvalidPlanError,
    NotFoundError,
    ConflictError,
    LimitError,
    UnsupportedVersionError,
    KareIOError,
    NoMemoryError,
    InternalError,
)
_BY_STATUS: Dict[int, Type[Error]] = {cls.status: cls for cls in _CLASSES}


def error_class(code: int) -> Type[Error]:
    """The exception class for a C status code; ``Error`` for a code this binding does not know."""
    return _BY_STATUS.get(code, Error)
