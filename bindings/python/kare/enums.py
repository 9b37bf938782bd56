"""Categories, placements, honesty states and outcomes.

Each is a ``str`` enum whose value is the name the documents use, so a
member equals its string (``Placement.KEEP == "keep"``), sorts, hashes and
serialises as it, and pandas and ``json.dumps`` see plain text. ``.code`` is
the C library's frozen code; ``Placement(0)`` still finds a member by code.
"""

from __future__ import annotations

import enum
from typing import Any, Literal, Optional, Type, TypeVar, Union

__all__ = ["Category", "Placement", "HonestyState", "Outcome"]

_E = TypeVar("_E", bound="_CodedEnum")


class _CodedEnum(str, enum.Enum):
    """A document name with its C code; str() and format() give the name on
    every Python version (3.9 and 3.10 would give ``"Placement.KEEP"``)."""

    _code: int

    def __new__(cls: Type[_E], label: str, code: int) -> _E:
        member = str.__new__(cls, label)
        member._value_ = label
        member._code = code
        return member

    @property
    def code(self) -> int:
        """The C code (``KARE_PLACEMENT_KEEP`` ... ``KARE_HONESTY_DEAD`` ...)."""
        return self._code

    @property
    def label(self) -> str:
        """The name the documents use, e.g. ``"keep"`` (the value itself)."""
        return str(self.value)

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)

    @classmethod
    def _missing_(cls, value: object) -> Any:
        # By C code (the values of earlier versions), or by name in any case.
        if isinstance(value, int) and not isinstance(value, bool):
            for member in cls:
                if member._code == value:
                    return member
        if isinstance(value, str):
            return cls.__members__.get(value.upper())
        return None

    @classmethod
    def from_code(cls: Type[_E], code: int) -> _E:
        """The member with this C code.

        Raises:
            ValueError: no member has it.
        """
        for member in cls:
            if member._code == code:
                return member
        raise ValueError(f"{code} is not a {cls.__name__} code")

    @classmethod
    def from_label(cls: Type[_E], label: str) -> _E:
        """The member a document name such as ``"keep"`` denotes (case-insensitive).

        Raises:
            ValueError: the name is none of them.
        """
        member = cls.__members__.get(label.upper()) if isinstance(label, str) else None
        if member is None:
            names = ", ".join(m.value for m in cls)
            raise ValueError(f"unknown {cls._kind()} {label!r} ({names})")
        return member

    @classmethod
    def _kind(cls) -> str:
        return "category" if cls is Category else cls.__name__.lower()


class Category(_CodedEnum):
    """The four KARE categories."""

    KEEP = ("keep", 0)
    ATTAIN = ("attain", 1)
    RECAPTURE = ("recapture", 2)
    EXPAND = ("expand", 3)

    @property
    def placement(self) -> "Placement":
        """The placement of an account in this category."""
        return Placement.from_code(self.code)


class Placement(_CodedEnum):
    """Where an account stands."""

    KEEP = ("keep", 0)
    ATTAIN = ("attain", 1)
    RECAPTURE = ("recapture", 2)
    EXPAND = ("expand", 3)
    #: Out of the plan by decision.
    FIRED = ("fired", 4)
    #: In no category (by decision, or because no profile decides it).
    UNASSIGNED = ("unassigned", 5)
    #: No decision taken; a value for moves, never a result.
    OPEN = ("open", 6)

    @property
    def category(self) -> Optional[Category]:
        """The category for KEEP .. EXPAND, else ``None``."""
        return Category.from_code(self.code) if self.code <= Category.EXPAND.code else None


#: The names an argument may give instead of a member: type checkers catch
#: a misspelt one ("kepp"); at run time any case is accepted.
CategoryName = Literal["keep", "attain", "recapture", "expand"]
PlacementName = Literal["keep", "attain", "recapture", "expand", "fired", "unassigned", "open"]
HonestyStateName = Literal["dead", "unqualified", "stalled", "qualified", "closed"]
OutcomeName = Literal["open", "won", "lost"]
CategoryLike = Union[Category, Placement, CategoryName]
PlacementLike = Union[Placement, Category, PlacementName]
HonestyStateLike = Union["HonestyState", HonestyStateName]
OutcomeLike = Union["Outcome", OutcomeName]


class HonestyState(_CodedEnum):
    """A deal's honesty state."""

    #: Will not close: no activity, unqualified for too long, or declared dead.
    DEAD = ("dead", 0)
    #: The buyer has not shown they are ready, willing and able.
    UNQUALIFIED = ("unqualified", 1)
    #: Qualified, but stuck.
    STALLED = ("stalled", 2)
    #: Every required evidence item on record, and moving.
    QUALIFIED = ("qualified", 3)
    #: Won or lost: out of the pipeline, no honesty state.
    CLOSED = ("closed", 4)


class Outcome(_CodedEnum):
    """How a deal ended."""

    OPEN = ("open", 0)
    WON = ("won", 1)
    LOST = ("lost", 2)
