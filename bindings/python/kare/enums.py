"""Categories and placements, with the C library's frozen codes as values."""

from __future__ import annotations

import enum
from typing import Optional, Union

__all__ = ["Category", "Placement"]


class Category(enum.Enum):
    """The four KARE categories. Values are the C codes (``KARE_PLACEMENT_KEEP`` ...)."""

    KEEP = 0
    ATTAIN = 1
    RECAPTURE = 2
    EXPAND = 3

    @property
    def label(self) -> str:
        """The name the plan and report documents use, e.g. ``"keep"``."""
        return self.name.lower()

    @property
    def placement(self) -> "Placement":
        """The placement of an account in this category."""
        return Placement(self.value)

    @classmethod
    def from_label(cls, label: str) -> "Category":
        """The category a document name such as ``"keep"`` denotes (case-insensitive).

        Raises:
            ValueError: the name is not one of keep, attain, recapture, expand.
        """
        try:
            return cls[label.upper()]
        except KeyError:
            raise ValueError(
                f"unknown category {label!r} (keep, attain, recapture, expand)"
            ) from None


class Placement(enum.Enum):
    """Where an account stands. Values are the C codes (``KARE_PLACEMENT_*``)."""

    KEEP = 0
    ATTAIN = 1
    RECAPTURE = 2
    EXPAND = 3
    #: Out of the plan by decision.
    FIRED = 4
    #: In no category (by decision, or because no profile decides it).
    UNASSIGNED = 5
    #: No decision taken; a value for moves, never a result.
    OPEN = 6

    @property
    def label(self) -> str:
        """The name the plan and report documents use, e.g. ``"unassigned"``."""
        return self.name.lower()

    @property
    def category(self) -> Optional[Category]:
        """The category for KEEP .. EXPAND, else ``None``."""
        return Category(self.value) if self.value <= Category.EXPAND.value else None

    @classmethod
    def from_label(cls, label: str) -> "Placement":
        """The placement a document name such as ``"fired"`` denotes (case-insensitive).

        Raises:
            ValueError: the name is not a placement.
        """
        try:
            return cls[label.upper()]
        except KeyError:
            raise ValueError(
                f"unknown placement {label!r} "
                "(keep, attain, recapture, expand, fired, unassigned, open)"
            ) from None


CategoryLike = Union[Category, Placement, str]
PlacementLike = Union[Placement, Category, str]


class HonestyState(enum.Enum):
    """A deal's honesty state. Values are the C codes (``KARE_HONESTY_*``)."""

    #: Will not close: no activity, unqualified for too long, or declared dead.
    DEAD = 0
    #: The buyer has not shown they are ready, willing and able.
    UNQUALIFIED = 1
    #: Qualified, but stuck.
    STALLED = 2
    #: Every required evidence item on record, and moving.
    QUALIFIED = 3
    #: Won or lost: out of the pipeline, no honesty state.
    CLOSED = 4

    @property
    def label(self) -> str:
        """The lower-case name used in documents, e.g. ``"stalled"``."""
        return self.name.lower()


class Outcome(enum.Enum):
    """How a deal ended. Values are the C codes (``KARE_OUTCOME_*``)."""

    OPEN = 0
    WON = 1
    LOST = 2

    @property
    def label(self) -> str:
        """The lower-case name used in documents, e.g. ``"won"``."""
        return self.name.lower()
