"""What mypy --strict must say about code using kare (the python.mypy test).

Each deliberate mistake below carries the ignore for the error it must
raise; mypy --strict warns about an ignore that is not needed, so if kare's
types stop catching a mistake, the test fails."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import List

import kare


def right(plan: kare.Plan) -> List[Decimal]:
    review = plan.report(datetime.date(2026, 11, 23))
    keep: int = review["summary"]["keep"]
    as_of: datetime.date = review["as_of"]
    first: kare.Placement = review["accounts"][0]["placement"]
    pipeline = plan.pipeline("2026-11-23")
    print(keep, as_of, first == kare.Placement.KEEP)
    plan.assign("EVR-005", "expand", as_of, "by name")
    plan.move("EVR-005", kare.Placement.UNASSIGNED, as_of, "by member")
    plan.close_deal("D-101", "won", as_of)
    return [deal["amount"] for deal in pipeline["deals"]]


def wrong(plan: kare.Plan) -> None:
    review = plan.report("2026-11-23")
    print(review["sumary"])  # type: ignore[typeddict-item]
    total: str = plan.pipeline("2026-11-23")["summary"]["total"]  # type: ignore[assignment]
    day: str = review["as_of"]  # type: ignore[assignment]
    print(total, day, kare.Placement.KEPP)  # type: ignore[attr-defined]
    plan.placements(rep=7)  # type: ignore[arg-type]
    plan.assign("EVR-005", "kepp", "2026-11-23")  # type: ignore[arg-type]
    plan.close_deal("D-101", "wun", "2026-11-23")  # type: ignore[arg-type]
