"""Ownership of one C object: freed exactly once, never used after that."""

from __future__ import annotations

import contextlib
import threading
from typing import Any, Callable, Iterator, Optional, Type

from .errors import Error


class Handle:
    """Owns a pointer from a ``kare_x_new``/``_load`` and frees it exactly once.

    Calls borrow the pointer through :meth:`borrow`; :meth:`close` waits for
    calls in flight on other threads (ctypes releases the GIL during C calls),
    then frees. After that, borrowing raises ``closed_error``: a clear Python
    exception instead of a use-after-free.
    """

    __slots__ = ("_pointer", "_free", "_closed_error", "_users", "_idle")

    def __init__(self, pointer: Any, free: Callable[[Any], None], closed_error: Type[Error],
                 what: str) -> None:
        self._pointer: Optional[Any] = pointer
        # Kept on the instance so that __del__ needs no module globals, which
        # may already be gone at interpreter shutdown.
        self._free = free
        self._closed_error = (closed_error, what)
        self._users = 0
        self._idle = threading.Condition(threading.Lock())

    @property
    def closed(self) -> bool:
        return self._pointer is None

    @contextlib.contextmanager
    def borrow(self) -> Iterator[Any]:
        """The live pointer for the duration of one C call."""
        with self._idle:
            if self._pointer is None:
                error, what = self._closed_error
                raise error(f"the {what} is closed")
            pointer = self._pointer
            self._users += 1
        try:
            yield pointer
        finally:
            with self._idle:
                self._users -= 1
                if self._users == 0:
                    self._idle.notify_all()

    def close(self) -> None:
        """Frees the object once calls in flight have returned; later calls are no-ops."""
        with self._idle:
            pointer, self._pointer = self._pointer, None
            while self._users:
                self._idle.wait()
        if pointer is not None:
            self._free(pointer)

    def __del__(self) -> None:
        # Unreachable, so no call can be in flight: free without the lock.
        pointer = getattr(self, "_pointer", None)
        if pointer is not None:
            self._pointer = None
            self._free(pointer)
