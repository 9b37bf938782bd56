"""The shapes of the documents and records kare returns, for type checkers.

At run time each is a plain ``dict`` (``TypedDict``): ``review["summary"]``
works as it always has, pandas takes lists of them as they are, and mypy
catches ``review["sumary"]`` or a placement compared with ``"kepp"``
(``Placement`` members are ``str`` values; compare with the enum).
Amounts are ``Decimal``, dates ``datetime.date`` (see :mod:`kare.values`).
Keys a document holds only sometimes, or whose members vary with the plan
(``figures``, ``terms``, ``evidence``), are typed loosely.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, Dict, List, Literal, Optional, TypedDict, Union

from .enums import HonestyState, Outcome, Placement

__all__ = [
    "Summary", "Subject", "Finding", "ProfileOutcome", "AccountLine", "Priority",
    "FocusList", "SuggestedMove", "Report", "Ratio", "StateTotal", "PipelineTotals",
    "RepTotals", "PipelineDeal", "HopeDeal", "Pipeline", "ProgressTarget", "ProgressRep",
    "Progress", "AccountRecord", "DealRecord", "RepRecord", "FindingRecord", "Classified",
]

Number = Union[int, Decimal]
Severity = Literal["info", "warning", "error"]
Basis = Literal["decision", "profile", "tie_break", "none"]


# ---- The report (kare report --json, docs/review.md) ---------------------------

class Summary(TypedDict):
    keep: int
    attain: int
    recapture: int
    expand: int
    fired: int
    unassigned: int
    total: int


class Subject(TypedDict):
    kind: Literal["plan", "account", "deal", "rep"]
    id: str


class Finding(TypedDict):
    code: str
    severity: Severity
    subject: Subject
    figures: Dict[str, Any]
    message: str


class ProfileOutcome(TypedDict):
    held: bool
    checks: List[Dict[str, Any]]


class AccountLine(TypedDict):
    id: str
    name: str
    owner: str
    placement: Placement
    basis: Basis
    candidates: List[Placement]
    fire_suggestions: List[str]
    profiles: Dict[str, ProfileOutcome]


class Priority(TypedDict):
    rank: int
    id: str
    name: str
    owner: str
    category: Placement
    rank_in_category: int
    focus: bool
    score: Number
    terms: Dict[str, Any]


class FocusList(TypedDict):
    rep: str
    category: Placement
    named: bool
    accounts_in_category: int
    accounts: List[str]


SuggestedMove = TypedDict("SuggestedMove", {
    "code": str, "account": str, "from": Placement, "to": Placement,
    "evidence": Dict[str, Any], "reason": str,
})


class Report(TypedDict):
    format: Literal["kare-report"]
    version: int
    plan: str
    as_of: datetime.date
    rep: Optional[str]
    summary: Summary
    accounts: List[AccountLine]
    findings: List[Finding]
    priorities: List[Priority]
    focus_lists: List[FocusList]
    suggested_moves: List[SuggestedMove]
    heat_map: Dict[str, Any]


# ---- The review document and its scoreboard (docs/review.md) -------------------

class ScoreboardEffort(TypedDict):
    activities: Dict[str, int]
    uncategorised: int
    share_percent: Dict[str, int]
    intended_percent: Optional[Dict[str, int]]


class ScoreboardRow(TypedDict):
    rep: Optional[str]
    name: Optional[str]
    accounts: Dict[str, int]
    in_focus: Dict[str, int]
    targets: int
    targets_behind: int
    effort: ScoreboardEffort
    pipeline: "PipelineTotals"
    findings: Dict[str, int]
    worst_findings: List[int]


class Scoreboard(TypedDict):
    reps: List[ScoreboardRow]
    team: ScoreboardRow


class Review(TypedDict):
    format: Literal["kare-review"]
    version: int
    plan: str
    as_of: datetime.date
    rep: Optional[str]
    scoreboard: Scoreboard
    priorities: List[Priority]
    focus_lists: List[FocusList]
    suggested_moves: List[SuggestedMove]
    heat_map: Dict[str, Any]
    findings: List[Finding]


# ---- The honest pipeline (docs/honesty.md) -------------------------------------

class Ratio(TypedDict):
    numerator: Decimal
    denominator: Decimal
    value: Decimal


class StateTotal(TypedDict):
    count: int
    amount: Decimal


class PipelineTotals(TypedDict):
    open_deals: int
    total: Decimal
    honest_total: Decimal
    hope_total: Decimal
    bloat_ratio: Optional[Ratio]
    states: Dict[str, StateTotal]


class RepTotals(TypedDict):
    rep: str
    totals: PipelineTotals


class PipelineDeal(TypedDict):
    id: str
    account: str
    rep: str
    category: Placement
    stage: str
    amount: Decimal
    outcome: Outcome
    lost_reason: Optional[str]
    next_step: Optional[str]
    expected_close: datetime.date
    state: Optional[HonestyState]
    cause: str
    reason: str
    missing_evidence: List[str]
    days_idle: int
    days_unqualified: int
    pushes: int
    explained: bool
    distorting: bool
    slipping: bool
    close_date_passed: bool
    declared_unsupported: bool
    died_on: Optional[datetime.date]


class HopeDeal(TypedDict):
    deal: str
    account: str
    rep: str
    amount: Decimal
    state: HonestyState
    reason: str


class Pipeline(TypedDict):
    format: Literal["kare-pipeline"]
    version: int
    plan: str
    as_of: datetime.date
    rep: Optional[str]
    currency: str
    summary: PipelineTotals
    by_rep: List[RepTotals]
    by_category: Dict[str, PipelineTotals]
    closed: Dict[str, Any]
    hope: List[HopeDeal]
    deals: List[PipelineDeal]
    findings: List[Finding]


# ---- Cookbook progress (docs/cookbook.md) --------------------------------------

class ProgressTarget(TypedDict):
    category: Placement
    activity: str
    activity_name: str
    count: int
    period: str
    scope: str
    accounts: int
    current: Dict[str, Any]
    trend: List[Dict[str, Any]]


class ProgressRep(TypedDict):
    id: str
    name: str
    targets: List[ProgressTarget]
    effort: Dict[str, Any]


class Progress(TypedDict):
    format: Literal["kare-progress"]
    version: int
    plan: str
    as_of: datetime.date
    rep: Optional[str]
    fiscal_year_start_month: int
    pro_rate_by: str
    reps: List[ProgressRep]
    findings: List[Finding]


# ---- Flat records (one row each, for pandas.DataFrame) -------------------------

class AccountRecord(TypedDict, total=False):
    """An account with where it stands. Always ``id``, ``name``, ``owner``,
    ``relationship``, ``placement``; then each attribute the account has, by
    field name (``"attributes.<name>"`` where a name would hide one of those)."""

    id: str
    name: str
    owner: str
    relationship: str
    placement: Placement


class DealRecord(TypedDict, total=False):
    """A deal as the plan records it, nested objects as dotted columns
    (``stall.reason``), lists kept as lists: always ``id``, ``account``,
    ``amount``, ``stage``, ``opened``, ``expected_close``, ``outcome``."""

    id: str
    account: str
    owner: str
    amount: Decimal
    stage: str
    opened: datetime.date
    expected_close: datetime.date
    outcome: Outcome


class RepRecord(TypedDict, total=False):
    id: str
    name: str
    style: str


class FindingRecord(TypedDict):
    code: str
    severity: Severity
    subject_kind: str
    subject_id: str
    message: str
    figures: Dict[str, Any]


class Classified(TypedDict, total=False):
    """One account of :meth:`Plan.classify`: ``id``, ``placement``,
    ``basis``, ``candidates``, ``fire_suggestions``, ``findings``; a line
    refused under ``skip_invalid`` has ``line`` and ``error`` instead."""

    id: str
    placement: Placement
    basis: Basis
    candidates: List[Placement]
    fire_suggestions: List[str]
    findings: List[Dict[str, Any]]
    line: int
    error: Dict[str, Any]
