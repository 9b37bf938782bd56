"""What a notebook shows: the KARE map as a picture (and as text), the
review as a page."""

from __future__ import annotations

import datetime
from typing import Dict, List, Optional, Union

from .enums import Placement

__all__ = ["KareMap", "ReviewPage"]

_ORDER = (Placement.KEEP, Placement.ATTAIN, Placement.RECAPTURE, Placement.EXPAND,
          Placement.UNASSIGNED, Placement.FIRED)


def _heading(title: str, as_of: Union[datetime.date, str], rep: Optional[str]) -> str:
    return f"{title}, as of {as_of}" + (f", rep {rep}" if rep else "")


class KareMap:
    """The KARE map: ``.svg`` the picture (drawn by Jupyter through
    ``_repr_svg_``), ``str()`` the same map as text, ``.placements`` the
    accounts by placement."""

    __slots__ = ("svg", "placements", "as_of", "rep")

    def __init__(self, svg: str, placements: Dict[str, Placement],
                 as_of: Union[datetime.date, str], rep: Optional[str]) -> None:
        self.svg = svg
        self.placements = placements
        self.as_of = as_of
        self.rep = rep

    def _repr_svg_(self) -> str:
        return self.svg

    def quadrants(self) -> Dict[Placement, List[str]]:
        """Account ids by placement: the four quadrants, then unassigned and fired."""
        grouped: Dict[Placement, List[str]] = {p: [] for p in _ORDER}
        for account_id, placement in self.placements.items():
            grouped[placement].append(account_id)
        return grouped

    def __str__(self) -> str:
        lines = [_heading("KARE map", self.as_of, self.rep)]
        for placement, ids in self.quadrants().items():
            lines.append(f"{placement.name} ({len(ids)}): {', '.join(ids)}".rstrip())
        return "\n".join(lines)

    def __repr__(self) -> str:
        counts = ", ".join(f"{p}={len(ids)}" for p, ids in self.quadrants().items())
        return f"<KareMap as of {self.as_of}: {counts}>"


class ReviewPage:
    """The review page: ``.html`` the self-contained page, shown by Jupyter
    through ``_repr_html_``."""

    __slots__ = ("html", "as_of", "rep")

    def __init__(self, html: str, as_of: Union[datetime.date, str], rep: Optional[str]) -> None:
        self.html = html
        self.as_of = as_of
        self.rep = rep

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<ReviewPage as of {self.as_of}{', rep ' + self.rep if self.rep else ''}: " \
               f"{len(self.html)} characters of HTML>"
