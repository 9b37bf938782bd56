"""Flat records from kare's documents: one row per account, deal, rep or
finding, with scalar columns, as ``pandas.DataFrame`` takes them."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Mapping

from . import values
from .documents import AccountRecord, Classified, FindingRecord
from .enums import Placement
from .errors import Error

if TYPE_CHECKING:
    from .plan import Plan

_ACCOUNT_COLUMNS = ("id", "name", "owner", "relationship", "placement")


def date_fields(plan_document: Mapping[str, Any]) -> List[str]:
    """The names of the plan's date-typed attribute fields."""
    return [f["name"] for f in plan_document.get("fields", []) if f.get("type") == "date"]


def account_record(account: Mapping[str, Any], placement: Placement,
                   dates: Iterable[str] = ()) -> AccountRecord:
    """An account of the plan document as one flat row with its placement."""
    record: Dict[str, Any] = {
        "id": account["id"], "name": account["name"], "owner": account["owner"],
        "relationship": account["relationship"], "placement": placement,
    }
    date_names = set(dates)
    for name, value in account.get("attributes", {}).items():
        if name in date_names and isinstance(value, str):
            try:
                value = datetime.date.fromisoformat(value)
            except ValueError:
                pass
        record[f"attributes.{name}" if name in _ACCOUNT_COLUMNS else name] = value
    result: AccountRecord = record  # type: ignore[assignment]
    return result


def flat(record: Mapping[str, Any], prefix: str = "") -> Dict[str, Any]:
    """Nested objects as dotted columns (``stall.reason``); lists stay lists."""
    result: Dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            result.update(flat(value, f"{prefix}{key}."))
        else:
            result[f"{prefix}{key}"] = value
    return result


def finding_record(finding: Mapping[str, Any]) -> FindingRecord:
    return {
        "code": finding["code"], "severity": finding["severity"],
        "subject_kind": finding["subject"]["kind"], "subject_id": finding["subject"]["id"],
        "message": finding["message"], "figures": finding["figures"],
    }


def classify(plan: "Plan", accounts: Iterable[Mapping[str, Any]], threads: int,
             skip_invalid: bool, chunk: int) -> Iterator[Classified]:
    """Plan.classify: JSON Lines in chunks through classify_jsonl, typed out."""
    if isinstance(accounts, (str, bytes, Mapping)):
        raise TypeError("accounts must be an iterable of dicts; "
                        "for JSON Lines text use classify_jsonl()")
    lines: List[str] = []
    first_line = 1
    for number, account in enumerate(accounts, 1):
        if not isinstance(account, Mapping):
            raise TypeError(f"accounts[{number - 1}] must be a dict, not {type(account).__name__}")
        lines.append(values.dumps(account, f"accounts[{number - 1}]"))
        if len(lines) == chunk:
            yield from _classified(plan, lines, first_line, threads, skip_invalid)
            first_line += len(lines)
            lines = []
    if lines:
        yield from _classified(plan, lines, first_line, threads, skip_invalid)


def _classified(plan: "Plan", lines: List[str], first_line: int, threads: int,
                skip_invalid: bool) -> Iterator[Classified]:
    try:
        text = plan.classify_jsonl("\n".join(lines) + "\n", threads=threads,
                                   skip_invalid=skip_invalid)
    except Error as e:
        # Line numbers count over the whole input, not this chunk.
        if first_line > 1 and e.path and e.path.startswith("line "):
            number, _, rest = e.path[len("line "):].partition(":")
            if number.isdigit():
                e.path = f"line {int(number) + first_line - 1}:{rest}"
        raise
    for raw in text.splitlines():
        record: Classified = values.loads(raw)
        if "line" in record:
            record["line"] += first_line - 1
        yield record
