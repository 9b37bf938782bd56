"""The plan: accounts, reps, schema and profiles, behind one C handle."""

from __future__ import annotations

import contextlib
import datetime
import ctypes
import json
import os
import secrets
import shutil
from typing import (Any, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union,
                    overload)

from . import _convert, _ffi, tables, values
from ._convert import CsvFiles, DateLike
from ._handle import Handle
from .documents import (AccountRecord, Classified, DealRecord, FindingRecord, Pipeline, Progress,
                        RepRecord, Report, Review, Scoreboard)
from .enums import (CategoryLike, HonestyState, HonestyStateLike, Outcome, OutcomeLike, Placement,
                    PlacementLike)
from .errors import (ClosedPlanError, Error, InternalError, InvalidArgumentError, NotFoundError,
                     io_error, with_filename)
from .notebook import KareMap, ReviewPage

__all__ = ["Plan"]

_lib = _ffi.lib


class Plan:
    """A KARE plan document loaded into the library.

    Create one with :meth:`from_json`, :meth:`from_dict` or :meth:`from_file`.
    Results come back as plain ``dict``/``list`` values that do not depend on
    the plan staying open.

    The plan holds a C handle. Use it as a context manager, or call
    :meth:`close`, to free it at a known time; otherwise it is freed when the
    object is garbage collected. After closing, every method raises
    :class:`kare.ClosedPlanError` (a ``kare.Error`` and a ``ValueError``).

    Reads (reports, :meth:`to_json`, accessors) may run from many threads at
    once; the library serialises mutations. :meth:`close` waits for calls in
    flight on other threads.
    """

    __slots__ = ("_handle", "__weakref__")

    _handle: Handle

    def __init__(self) -> None:
        raise TypeError("create a Plan with Plan.from_json(), Plan.from_dict() or Plan.from_file()")

    @classmethod
    def _adopt(cls, pointer: Any) -> "Plan":
        if not pointer:
            raise InternalError("the library reported success but returned no plan")
        plan = cls.__new__(cls)
        plan._handle = Handle(pointer, _lib.kare_plan_free, ClosedPlanError, "plan")
        return plan

    # ---- Reading and writing -------------------------------------------------

    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> "Plan":
        """Reads a plan document from JSON text (``str``, or UTF-8 ``bytes``).

        Raises:
            ParseError: the text is not well-formed JSON.
            InvalidPlanError: it breaks a rule of the plan; ``.path`` says where,
                e.g. ``"accounts[0].owner"``.
            UnsupportedVersionError: a format version this library does not read.
            LimitError: it exceeds a size or nesting limit.
        """
        if not isinstance(text, (str, bytes)):
            raise TypeError(f"text must be a str or bytes, not {type(text).__name__}")
        raw = _convert.document(text, "text")
        out = _ffi.PlanPointer()
        _lib.kare_plan_load(ctypes.byref(out), raw, len(raw))
        return cls._adopt(out)

    @classmethod
    def from_dict(cls, document: Mapping[str, Any]) -> "Plan":
        """Reads a plan document given as a ``dict`` (as :meth:`to_dict` returns it).

        Raises the same errors as :meth:`from_json`.
        """
        if not isinstance(document, Mapping):
            raise TypeError(f"document must be a dict, not {type(document).__name__}")
        return cls.from_json(_convert.document(document, "document"))

    @classmethod
    def from_file(cls, path: "Union[str, os.PathLike[str]]") -> "Plan":
        """Reads a plan document from a file.

        Raises:
            KareIOError: the file cannot be read; also the matching built-in
                ``OSError`` (``FileNotFoundError``, ``PermissionError``,
                ``IsADirectoryError`` ...) with ``errno`` and ``filename``.
            and the errors of :meth:`from_json`, their message starting with
            the file's name and ``.filename`` set.
        """
        _convert.file_path(path, "path")  # a NUL in the name is refused as before
        name = os.fspath(path)
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            raise io_error(e, "read", str(name)) from None
        try:
            return cls.from_json(data)
        except Error as e:
            raise with_filename(e, str(name)) from None

    def to_json(self) -> str:
        """The plan document as canonical JSON: writing, reading and writing
        again gives the same text."""
        with self._handle.borrow() as plan:
            return _ffi.owned_text(_lib.kare_plan_to_json, plan)

    def to_dict(self) -> Dict[str, Any]:
        """The plan document as a ``dict``."""
        result: Dict[str, Any] = json.loads(self.to_json())
        return result

    def replace_sections(self, sections: Union[Mapping[str, Any], str, bytes]) -> None:
        """Replaces sections of the plan from a partial plan document (a
        ``dict``, or JSON text): ``format`` and ``version`` as in a plan, and
        any of ``name``, ``settings``, ``fields``, ``profiles``, ``cookbook``,
        ``policy``, ``products``, ``reps`` and ``honesty``, each replaced
        whole; the rest is kept. Every account is then checked against the
        new sections and placed again; decisions and history stay. The plan
        is unchanged on failure::

            plan.replace_sections({"format": "kare-plan", "version": 1,
                                   "profiles": new_profiles})

        Raises:
            InvalidPlanError: the sections break a rule, or a record no longer
                fits them; ``.path`` says where (``"accounts[3].owner"``).
                ``accounts``, ``deals`` and ``activities`` are refused: they
                change one at a time.
            ParseError, UnsupportedVersionError, LimitError: as
                :meth:`from_json`.
        """
        raw = _convert.document(sections, "sections")
        with self._handle.borrow() as plan:
            _lib.kare_plan_replace_sections(plan, raw, len(raw))

    def save(self, path: "Union[str, os.PathLike[str]]") -> None:
        """Writes the plan document to a file.

        The text goes to a temporary file in the same folder that then replaces
        ``path``, so a failure never leaves half a plan behind.

        Raises:
            KareIOError: the file cannot be written, naming ``path`` (never
                the temporary file); also the matching built-in ``OSError``
                with ``errno`` and ``filename``.
        """
        text = self.to_json()
        shown = os.fspath(path)
        target = os.path.abspath(shown)
        temporary = os.path.join(
            os.path.dirname(target),
            f".{os.path.basename(target)}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        try:
            # 0o666 less the umask, as open() would give; mkstemp's 0o600 would
            # quietly make a shared plan private.
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except OSError as e:
            raise io_error(e, "write", str(shown)) from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            if os.path.exists(target):
                shutil.copymode(target, temporary)
            os.replace(temporary, target)
        except BaseException as e:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            if isinstance(e, OSError):
                raise io_error(e, "write", str(shown)) from None
            raise

    def copy(self) -> "Plan":
        """An independent plan with the same document."""
        return type(self).from_json(self.to_json())

    def as_of(self, day: DateLike) -> "Plan":
        """The plan as it stood on ``day``, as a new plan (this one is not
        changed): accounts added later left out, every account's placement
        the one in force that day, deals opened later left out, and
        evidence, close-date changes, closes, stalls, states set by hand and
        activities dated later ignored. Every report of a plan as of a past
        date describes this plan; its document counts what was left out
        under ``facts_ignored``.

        Raises:
            InvalidArgumentError: a bad date, or one before the plan's first
                fact (the error's ``path`` is ``as_of``).
        """
        raw = _convert.date(day, "as_of")
        out = _ffi.PlanPointer()
        with self._handle.borrow() as plan:
            _lib.kare_plan_as_of(ctypes.byref(out), plan, raw, len(raw))
        return type(self)._adopt(out)

    def diff(self, other: "Plan", as_of: DateLike,
             since: Optional[DateLike] = None) -> Dict[str, Any]:
        """What changed from this plan to ``other`` (``kare diff OLD NEW
        --json``): the ``kare-diff`` document as plain values (docs/review.md,
        "What changed"), amounts ``Decimal`` and dates ``date`` as the
        binding's other documents. ``other`` is reviewed as of ``as_of``, this
        plan as of ``since``, or when ``None`` as of its latest fact. Neither
        plan is changed.

        Raises:
            InvalidArgumentError: a bad date; two plans that are not the same
                plan (``path`` ``after.settings.currency``,
                ``after.settings.fiscal_year_start_month`` or
                ``after.accounts``); ``since`` after ``as_of`` or before this
                plan's first fact (``path`` ``before.as_of``).
        """
        if not isinstance(other, Plan):
            raise TypeError(f"other must be a Plan, not {type(other).__name__}")
        day = _convert.date(as_of, "as_of")
        then = None if since is None else _convert.date(since, "before_as_of")
        with self._handle.borrow() as before, other._handle.borrow() as after:
            text = _ffi.owned_text(_lib.kare_plan_diff_json, before, then,
                                   0 if then is None else len(then), after, day, len(day))
        result: Dict[str, Any] = values.loads(text)
        return result

    def changes_since(self, since: DateLike, as_of: DateLike) -> Dict[str, Any]:
        """What changed in this plan from ``since`` to ``as_of`` (``kare diff
        PLAN --since DATE --json``), as :meth:`diff` gives it.

        Raises:
            InvalidArgumentError: a bad date; ``since`` after ``as_of`` or
                before the plan's first fact (``path`` ``since``).
        """
        then = _convert.date(since, "since")
        day = _convert.date(as_of, "as_of")
        with self._handle.borrow() as plan:
            text = _ffi.owned_text(_lib.kare_plan_changes_since_json, plan, then, len(then), day,
                                   len(day))
        result: Dict[str, Any] = values.loads(text)
        return result

    def timeline(self, account_id: str, as_of: DateLike) -> Dict[str, Any]:
        """One account over time as of ``as_of`` (``kare timeline PLAN ID
        --json``): the ``kare-timeline`` document as plain values (docs/review.md,
        "An account's timeline"), amounts ``Decimal`` and dates ``date``: its
        placement and how it was reached, its recorded decisions, its deals with
        their dated facts, and its activities per day. Facts dated after
        ``as_of`` are left out. The plan is not changed.

        Raises:
            NotFoundError: the plan holds no such account on ``as_of``
                (``path`` ``account``).
            InvalidArgumentError: a bad date, or one before the plan's first
                fact (``path`` ``as_of``).
        """
        raw = _convert.counted_text(account_id, "account_id")
        day = _convert.date(as_of, "as_of")
        with self._handle.borrow() as plan:
            text = _ffi.owned_text(_lib.kare_plan_timeline_json, plan, raw, len(raw), day,
                                   len(day))
        result: Dict[str, Any] = values.loads(text)
        return result

    def __reduce__(self) -> Any:
        # Pickles as its document, so plans cross process boundaries.
        return (_plan_from_json, (type(self), self.to_json()))

    # ---- Accounts ------------------------------------------------------------

    def __len__(self) -> int:
        """The number of accounts."""
        count = ctypes.c_size_t()
        with self._handle.borrow() as plan:
            _lib.kare_plan_account_count(ctypes.byref(count), plan)
        return count.value

    def rep_count(self) -> int:
        """The number of reps."""
        count = ctypes.c_size_t()
        with self._handle.borrow() as plan:
            _lib.kare_plan_rep_count(ctypes.byref(count), plan)
        return count.value

    def __contains__(self, account_id: object) -> bool:
        """Whether an account has this id."""
        if not isinstance(account_id, str):
            return False
        try:
            self.placement(account_id)
        except NotFoundError:
            return False
        return True

    def placement(self, account_id: str) -> Placement:
        """Where one account stands now, as a report would place it: its
        decision, else the single matching profile, else the tie-break, else
        :attr:`Placement.UNASSIGNED`. Never :attr:`Placement.OPEN`.

        Raises:
            NotFoundError: no account has this id (also a ``LookupError``).
        """
        raw = _convert.counted_text(account_id, "account_id")
        code = ctypes.c_int32()
        with self._handle.borrow() as plan:
            _lib.kare_plan_account_placement(ctypes.byref(code), plan, raw, len(raw))
        return Placement.from_code(code.value)

    def placements(self, rep: Optional[str] = None) -> Dict[str, Placement]:
        """Every account's placement, by account id, in plan order, from one
        library call (``kare_plan_placements``: no report, no JSON).

        Args:
            rep: only this rep's accounts; ``None`` for all.

        Raises:
            NotFoundError: ``rep`` names no rep of the plan.
        """
        ids, codes = self._placements(rep)
        by_code = [Placement.from_code(c) for c in range(len(Placement))]
        return dict(zip(ids, map(by_code.__getitem__, codes)))

    def _placements(self, rep: Optional[str]) -> "Tuple[List[str], bytes]":
        who = None if rep is None else _convert.text(rep, "rep")
        out = ctypes.c_void_p()
        length = ctypes.c_size_t()
        count = ctypes.c_size_t()
        with self._handle.borrow() as plan:
            _lib.kare_plan_placements(ctypes.byref(out), ctypes.byref(length),
                                      ctypes.byref(count), plan, who)
        try:
            raw = ctypes.string_at(out, length.value)
        finally:
            _lib.kare_string_free(out)
        n = count.value
        ids = raw[n:].decode("utf-8").split("\0")[:-1] if n else []
        return ids, raw[:n]

    def add_rep(self, rep: Union[Mapping[str, Any], str, bytes]) -> None:
        """Adds a rep given in the plan document's rep format, e.g.
        ``{"id": "ana", "name": "Ana", "style": "hunter"}``. The plan is
        unchanged on failure.

        Raises:
            InvalidPlanError: a bad rep; ``.path`` says where (``"reps[2].style"``).
            ConflictError: the id is already used.
        """
        raw = _convert.document(rep, "rep")
        with self._handle.borrow() as plan:
            _lib.kare_plan_add_rep(plan, raw, len(raw))

    def add_account(self, account: Union[Mapping[str, Any], str, bytes]) -> None:
        """Adds an account given in the plan document's account format (a
        ``dict``, or JSON text). The plan is unchanged on failure.

        Raises:
            InvalidPlanError: the account breaks a rule; ``.path`` says where,
                e.g. ``"accounts[26].attributes.risk"``.
            ConflictError: the id is already used.
        """
        raw = _convert.document(account, "account")
        with self._handle.borrow() as plan:
            _lib.kare_plan_add_account(plan, raw, len(raw))

    def remove_account(self, account_id: str) -> None:
        """Removes an account.

        Raises:
            NotFoundError: no account has this id.
        """
        raw = _convert.counted_text(account_id, "account_id")
        with self._handle.borrow() as plan:
            _lib.kare_plan_remove_account(plan, raw, len(raw))

    def replace_account(self, account: Union[Mapping[str, Any], str, bytes]) -> None:
        """Replaces the account with the same id (plan document's account
        format). The plan is unchanged on failure.

        Raises:
            NotFoundError: no account has this id.
            InvalidPlanError: the account breaks a rule; ``.path`` says where.
        """
        raw = _convert.document(account, "account")
        with self._handle.borrow() as plan:
            _lib.kare_plan_replace_account(plan, raw, len(raw))

    # ---- Activities ------------------------------------------------------------

    def add_activity(self, activity: Union[Mapping[str, Any], str, bytes]) -> str:
        """Logs an activity: ``{"id"?, "date", "rep", "account", "activity",
        "note"?}`` (a ``dict`` or JSON text) and returns its id: the one given,
        or the one kare assigns (``"act-"`` and a number, never reused). The
        plan is unchanged on failure.

        Raises:
            InvalidPlanError: an unknown rep, account or activity type, or an
                impossible date; ``.path`` says where, e.g.
                ``"activities[40].activity"``.
            ConflictError: the id is already in the log.
        """
        raw = _convert.document(activity, "activity")
        with self._handle.borrow() as plan:
            return _ffi.owned_text(_lib.kare_plan_add_activity_v2, plan, raw, len(raw))

    def remove_activity(self, which: Union[int, str]) -> None:
        """Removes an activity: the one with that id (a ``str``), or the one at
        that index of the log (an ``int``).

        Raises:
            NotFoundError: there is no such activity.
        """
        if isinstance(which, str):
            raw = _convert.utf8(which, "activity_id")
            with self._handle.borrow() as plan:
                _lib.kare_plan_remove_activity_by_id(plan, raw, len(raw))
            return
        if not isinstance(which, int) or isinstance(which, bool) or which < 0:
            raise TypeError("which must be an activity id (str) or a non-negative index (int)")
        with self._handle.borrow() as plan:
            _lib.kare_plan_remove_activity(plan, which)

    def activity_count(self) -> int:
        """Number of activities in the log."""
        n = _ffi._size()
        with self._handle.borrow() as plan:
            _lib.kare_plan_activity_count(ctypes.byref(n), plan)
        return n.value

    # ---- Deals -----------------------------------------------------------------

    def add_deal(self, deal: Union[Mapping[str, Any], str, bytes]) -> None:
        """Adds a deal in the plan document's deal format (amounts as decimal
        strings such as ``"125000.00"``). The plan is unchanged on failure.

        Raises:
            InvalidPlanError: e.g. a negative amount, an unknown stage or
                evidence type, a close before the opening; ``.path`` says where.
            ConflictError: the id is already used.
        """
        raw = _convert.document(deal, "deal")
        with self._handle.borrow() as plan:
            _lib.kare_plan_add_deal(plan, raw, len(raw))

    def replace_deal(self, deal: Union[Mapping[str, Any], str, bytes]) -> None:
        """Replaces the deal with the same id. Raises :class:`NotFoundError`
        when there is none; unchanged on failure."""
        raw = _convert.document(deal, "deal")
        with self._handle.borrow() as plan:
            _lib.kare_plan_replace_deal(plan, raw, len(raw))

    def remove_deal(self, deal_id: str) -> None:
        """Removes a deal. Raises :class:`NotFoundError` when there is none."""
        raw = _convert.counted_text(deal_id, "deal_id")
        with self._handle.borrow() as plan:
            _lib.kare_plan_remove_deal(plan, raw, len(raw))

    def deal_count(self) -> int:
        """Number of deals, open or closed."""
        n = _ffi._size()
        with self._handle.borrow() as plan:
            _lib.kare_plan_deal_count(ctypes.byref(n), plan)
        return n.value

    def deal_state(self, deal_id: str, as_of: DateLike) -> HonestyState:
        """A deal's honesty state as of a date (:attr:`HonestyState.CLOSED`
        for won and lost deals)."""
        raw = _convert.counted_text(deal_id, "deal_id")
        day = _convert.date(as_of, "as_of")
        code = ctypes.c_int32()
        with self._handle.borrow() as plan:
            _lib.kare_plan_deal_state(ctypes.byref(code), plan, raw, len(raw), day)
        return HonestyState.from_code(code.value)

    def add_evidence(self, deal_id: str, evidence_type: str, on: DateLike, source: str,
                     as_of: DateLike) -> None:
        """Records evidence (``"pain"``, ``"budget"``, ``"decision_process"``, or
        the plan's own types) on a deal; it may not be dated after ``as_of``."""
        with self._handle.borrow() as plan:
            _lib.kare_plan_add_evidence(
                plan, _convert.text(deal_id, "deal_id"), _convert.text(evidence_type, "evidence_type"),
                _convert.date(on, "on"), _convert.text(source, "source"), _convert.date(as_of, "as_of"))

    def record_deal_activity(self, deal_id: str, on: DateLike) -> None:
        """Records activity on a deal; activity alone never revives a dead deal."""
        with self._handle.borrow() as plan:
            _lib.kare_plan_record_deal_activity(
                plan, _convert.text(deal_id, "deal_id"), _convert.date(on, "on"))

    def change_close_date(self, deal_id: str, to: DateLike, on: DateLike, reason: str = "") -> None:
        """Moves a deal's expected close date; pushing it later too often makes
        the deal slipping."""
        with self._handle.borrow() as plan:
            _lib.kare_plan_change_close_date(
                plan, _convert.text(deal_id, "deal_id"), _convert.date(to, "to"),
                _convert.date(on, "on"), _convert.text(reason, "reason"))

    def declare_stall(self, deal_id: str, reason: str, declared_on: DateLike,
                      resume_on: DateLike) -> None:
        """Declares a stall with a known reason until a resume date: the deal
        is "stalled, explained" meanwhile and does not rot."""
        with self._handle.borrow() as plan:
            _lib.kare_plan_declare_stall(
                plan, _convert.text(deal_id, "deal_id"), _convert.text(reason, "reason"),
                _convert.date(declared_on, "declared_on"), _convert.date(resume_on, "resume_on"))

    def clear_stall(self, deal_id: str) -> None:
        """Removes a declared stall: the deal is judged by its activity again.

        Raises:
            NotFoundError: no deal has this id.
            ConflictError: no stall is declared.
        """
        with self._handle.borrow() as plan:
            _lib.kare_plan_clear_stall(plan, _convert.text(deal_id, "deal_id"))

    def declare_deal_state(self, deal_id: str, state: HonestyStateLike, on: DateLike,
                           reason: str) -> None:
        """Sets a deal's honesty state by hand, checked against its evidence:
        calling a deal qualified without the required evidence raises
        :class:`ConflictError` (or is flagged, by policy)."""
        code = _enum_code(HonestyState, state, "state")
        with self._handle.borrow() as plan:
            _lib.kare_plan_declare_deal_state(
                plan, _convert.text(deal_id, "deal_id"), code, _convert.date(on, "on"),
                _convert.text(reason, "reason"))

    def clear_deal_state(self, deal_id: str, on: DateLike, reason: str = "") -> None:
        """Removes the state set by hand: the deal's state comes from its
        evidence again. Removing a "dead" declaration in effect on ``on``
        revives the deal, which needs evidence dated after the death and a
        reason.

        Raises:
            NotFoundError: no deal has this id.
            ConflictError: none is declared, or the revival is refused.
        """
        with self._handle.borrow() as plan:
            _lib.kare_plan_clear_deal_state(
                plan, _convert.text(deal_id, "deal_id"), _convert.date(on, "on"),
                _convert.text(reason, "reason"))

    def close_deal(self, deal_id: str, outcome: OutcomeLike, on: DateLike,
                   lost_reason: Optional[str] = None) -> None:
        """Closes a deal as won or lost (a lost deal needs one of the plan's
        lost reasons). It leaves the pipeline."""
        code = _enum_code(Outcome, outcome, "outcome")
        reason = None if lost_reason is None else _convert.text(lost_reason, "lost_reason")
        with self._handle.borrow() as plan:
            _lib.kare_plan_close_deal(
                plan, _convert.text(deal_id, "deal_id"), code, _convert.date(on, "on"), reason)

    # ---- Decisions -------------------------------------------------------------

    def assign(self, account_id: str, category: CategoryLike, on: DateLike,
               reason: str = "") -> None:
        """Puts an open or unassigned account in a category; the decision is
        recorded in its history. Assigning the category it already has does
        nothing. The plan is unchanged on failure.

        Args:
            account_id: the account.
            category: a :class:`Category` (or its name, e.g. ``"keep"``).
            on: the decision's date, ``datetime.date`` or ``"YYYY-MM-DD"``.
            reason: why (may be empty for a first assignment).

        Raises:
            ConflictError: the account is in another category or fired; that
                takes a deliberate :meth:`move`.
            NotFoundError: no account has this id.
            InvalidArgumentError: a bad date or category.
        """
        account = _convert.text(account_id, "account_id")
        code = _convert.category_code(category)
        day = _convert.date(on, "on")
        why = _convert.text(reason, "reason")
        with self._handle.borrow() as plan:
            _lib.kare_plan_assign(plan, account, code, day, why)

    def move(self, account_id: str, placement: PlacementLike, on: DateLike,
             reason: str) -> None:
        """Moves an account deliberately, to a category, ``UNASSIGNED`` or
        ``OPEN``, with a date and a required reason; the move is recorded. The
        plan is unchanged on failure.

        Raises:
            InvalidArgumentError: an empty reason, a bad date or placement.
            NotFoundError: no account has this id.
        """
        account = _convert.text(account_id, "account_id")
        code = _convert.placement_code(placement)
        day = _convert.date(on, "on")
        why = _convert.text(reason, "reason")
        with self._handle.borrow() as plan:
            _lib.kare_plan_move(plan, account, code, day, why)

    def fire(self, account_id: str, on: DateLike, reason: str, action: str) -> None:
        """Fires an account: it leaves the plan with an out-of-plan action such
        as ``"end_relationship"`` or ``"disqualify"``. The plan is unchanged on
        failure.

        Raises:
            InvalidArgumentError: an empty reason or action, or a bad date.
            ConflictError: the account is already fired.
            NotFoundError: no account has this id.
        """
        account = _convert.text(account_id, "account_id")
        day = _convert.date(on, "on")
        why = _convert.text(reason, "reason")
        what = _convert.text(action, "action")
        with self._handle.borrow() as plan:
            _lib.kare_plan_fire(plan, account, day, why, what)

    def accept_moves(self, as_of: DateLike, code: Optional[str] = None,
                     account_id: Optional[str] = None, on: Optional[DateLike] = None,
                     reason: Optional[str] = None) -> int:
        """Accepts the moves the review suggests as of ``as_of`` (its
        ``move.*`` findings): every move of ``code``, ``account_id``'s move,
        or that account's move of that code. Each is a :meth:`move` recorded
        on ``on`` (default ``as_of``) with ``reason``, or the suggestion's own
        reason when none is given. All or nothing. Returns how many moves were
        accepted.

        Raises:
            InvalidArgumentError: neither ``code`` nor ``account_id``, an
                unknown move code, a bad date.
            NotFoundError: no suggested move matches.
            ConflictError: ``on`` is before an account's last decision.
        """
        day = _convert.date(as_of, "as_of")
        which = None if code is None else _convert.text(code, "code")
        account = None if account_id is None else _convert.text(account_id, "account_id")
        when = None if on is None else _convert.date(on, "on")
        why = None if reason is None else _convert.text(reason, "reason")
        count = ctypes.c_size_t()
        with self._handle.borrow() as plan:
            _lib.kare_plan_accept_moves(ctypes.byref(count), plan, day, which, account, when, why)
        return count.value

    # ---- Reports -------------------------------------------------------------

    def report(self, as_of: DateLike, rep: Optional[str] = None, *, explain: str = "all",
               explain_account: Optional[str] = None) -> Report:
        """The plan review as of a date, as the report document, typed:
        amounts ``Decimal``, dates ``datetime.date``, placements
        :class:`Placement` (equal to their names); :meth:`report_json` gives
        the JSON text itself.

        Keys: ``format``, ``version``, ``plan`` (its name), ``as_of``, ``rep``,
        ``summary`` (accounts per placement and ``total``), ``accounts`` (each
        with ``placement``, ``basis``, ``candidates``, ``fire_suggestions`` and,
        per profile, the ``checks`` that held or failed), ``findings``
        (``code``, ``severity``, ``subject``, ``figures``, ``message``),
        ``priorities`` with their terms, ``focus_lists``, ``suggested_moves``
        with their evidence and the ``heat_map`` (docs/review.md).

        Args:
            as_of: the date the report describes; the library never reads the clock.
            rep: a rep id to review one rep, ``None`` for the whole team.
            explain: which accounts list the ``checks`` of each profile:
                ``"all"``, ``"needed"`` (those whose placement asks a question:
                unassigned by their profiles, tie-broken, or contradicting
                their profile) or ``"none"``, the smallest report for large
                plans. Every account keeps its placement and verdicts.
            explain_account: an account id: only that account is explained.

        Raises:
            InvalidArgumentError: a bad date or ``explain`` value.
            NotFoundError: ``rep`` names no rep, or ``explain_account`` no
                account, of the plan.
        """
        result: Report = values.loads(self.report_json(
            as_of, rep, explain=explain, explain_account=explain_account))
        return result

    def report_json(self, as_of: DateLike, rep: Optional[str] = None, *, explain: str = "all",
                    explain_account: Optional[str] = None) -> str:
        """The report document as the library writes it (JSON text);
        arguments as :meth:`report`."""
        return self._report(_convert.date(as_of, "as_of"), rep, explain=explain,
                            explain_account=explain_account)

    def review(self, as_of: Optional[DateLike] = None, rep: Optional[str] = None) -> Report:
        """The plan review: :meth:`report`, with ``as_of`` defaulting to
        today's date. The binding is an adapter and may read the clock; the
        library never does."""
        return self.report(datetime.date.today() if as_of is None else as_of, rep)

    def review_document(self, as_of: DateLike, rep: Optional[str] = None) -> Review:
        """The review document (``kare review --json``), typed as :meth:`report`
        is: the ``scoreboard``, ``priorities``, ``focus_lists``,
        ``suggested_moves``, ``heat_map`` and ``findings`` (docs/review.md,
        "The review document"). :meth:`review_json` gives the text.

        Raises:
            InvalidArgumentError: a bad date.
            NotFoundError: ``rep`` names no rep of the plan.
        """
        result: Review = values.loads(self.review_json(as_of, rep))
        return result

    def review_json(self, as_of: DateLike, rep: Optional[str] = None) -> str:
        """The review document as the library writes it (JSON text)."""
        # The review shows no criteria: none are explained.
        return self._report(_convert.date(as_of, "as_of"), rep, _lib.kare_report_review_json,
                            explain="none")

    def scoreboard(self, as_of: DateLike, rep: Optional[str] = None) -> Scoreboard:
        """The leader's scoreboard: ``reps``, one row per rep in plan order
        (only ``rep``'s when given), and the ``team`` total. Each row has
        ``accounts`` and ``in_focus`` per quadrant, ``targets`` and
        ``targets_behind``, the ``effort`` mix against the intended one, the
        open ``pipeline`` (amounts ``Decimal``), ``findings`` per severity and
        ``worst_findings`` (indices into the review's ``findings``)."""
        return self.review_document(as_of, rep)["scoreboard"]

    def progress(self, as_of: DateLike, rep: Optional[str] = None,
                 trend_periods: int = 4) -> Progress:
        """Cookbook progress as of a date: per rep and target, done against
        the pro-rated expectation, with the last ``trend_periods`` complete
        periods (the progress document, see docs/cookbook.md), typed as
        :meth:`report` is; :meth:`progress_json` gives the text."""
        result: Progress = values.loads(self.progress_json(as_of, rep, trend_periods))
        return result

    def progress_json(self, as_of: DateLike, rep: Optional[str] = None,
                      trend_periods: int = 4) -> str:
        """The progress document as the library writes it (JSON text)."""
        if isinstance(trend_periods, bool) or not isinstance(trend_periods, int) \
                or not 0 <= trend_periods <= 0xFFFFFFFF:
            raise TypeError("trend_periods must be a non-negative int")
        return self._text(_lib.kare_plan_progress_json, as_of, rep, trend_periods)

    def pipeline(self, as_of: DateLike, rep: Optional[str] = None) -> Pipeline:
        """The honest pipeline as of a date: total against honest total, the
        bloat ratio, states and hope deals (the pipeline document, see
        docs/honesty.md), typed as :meth:`report` is: every amount a
        ``Decimal``, so sums are exact. :meth:`pipeline_json` gives the text."""
        result: Pipeline = values.loads(self.pipeline_json(as_of, rep))
        return result

    def pipeline_json(self, as_of: DateLike, rep: Optional[str] = None) -> str:
        """The pipeline document as the library writes it (JSON text)."""
        return self._text(_lib.kare_plan_pipeline_json, as_of, rep)

    def map_svg(self, as_of: DateLike, rep: Optional[str] = None, *,
                width: Optional[int] = None) -> str:
        """The KARE map as a standalone SVG document; ``width`` (pixels, up to
        100,000) scales the picture, whose natural width is 1400."""
        if width is None:
            return self._text(_lib.kare_plan_map_svg, as_of, rep)
        return self._drawn(_lib.kare_plan_map_svg_v2, as_of, rep, width)

    def map(self, as_of: DateLike, rep: Optional[str] = None) -> KareMap:
        """The KARE map as an object a notebook draws (``_repr_svg_``) and
        ``print`` shows as text: each quadrant with its accounts, then the
        unassigned and fired ones. ``.svg`` is the picture."""
        return KareMap(self.map_svg(as_of, rep), self.placements(rep), as_of, rep)

    def review_html(self, as_of: DateLike, rep: Optional[str] = None, *,
                    width: Optional[int] = None, since: Optional[DateLike] = None) -> str:
        """The review as a self-contained HTML page: the map, the findings, the
        suggested moves, the priorities, the focus lists, the heat map and the
        accounts. ``width`` is the map's, as for :meth:`map_svg`. ``since``
        adds "What changed" since that date after the scoreboard (for the
        whole team, see :meth:`changes_since`)."""
        if since is not None:
            then = _convert.date(since, "since")
            day = _convert.date(as_of, "as_of")
            options = _ffi.RenderOptions()
            _lib.kare_render_options_init(ctypes.byref(options), _ffi.RENDER_OPTIONS_VERSION)
            if width is not None:
                if isinstance(width, bool) or not isinstance(width, int) or not 0 <= width <= 0xFFFFFFFF:
                    raise TypeError("width must be a non-negative int")
                options.width = width
            who = None if rep is None else _convert.text(rep, "rep")
            if who is not None:
                options.rep = who
                options.rep_len = len(who)
            with self._handle.borrow() as plan:
                return _ffi.owned_text(_lib.kare_plan_review_html_since, plan, then, len(then),
                                       day, len(day), ctypes.byref(options))
        if width is None:
            return self._text(_lib.kare_plan_review_html, as_of, rep)
        return self._drawn(_lib.kare_plan_review_html_v2, as_of, rep, width)

    def review_page(self, as_of: DateLike, rep: Optional[str] = None) -> ReviewPage:
        """The review page as an object a notebook shows (``_repr_html_``);
        ``.html`` is the page."""
        return ReviewPage(self.review_html(as_of, rep), as_of, rep)

    # ---- Tables ----------------------------------------------------------------

    def accounts(self, rep: Optional[str] = None) -> List[AccountRecord]:
        """Every account as a flat record with its placement, in plan order:
        ``id``, ``name``, ``owner``, ``relationship``, ``placement``, then its
        attributes by field name. ``pandas.DataFrame(plan.accounts())`` takes
        it as it is.

        Raises:
            NotFoundError: ``rep`` names no rep of the plan.
        """
        placed = self.placements(rep)
        document = values.loads(self.to_json())
        dates = tables.date_fields(document)
        return [tables.account_record(a, placed[a["id"]], dates)
                for a in document.get("accounts", []) if a["id"] in placed]

    def account(self, account_id: str) -> Dict[str, Any]:
        """One account as the plan document holds it (typed: dates as
        ``datetime.date``), with its current ``placement``.

        Raises:
            NotFoundError: no account has this id (also a ``LookupError``).
        """
        placement = self.placement(account_id)
        for entry in values.loads(self.to_json()).get("accounts", []):
            if entry["id"] == account_id:
                found: Dict[str, Any] = dict(entry, placement=placement)
                return found
        raise NotFoundError(f"no account has the id '{account_id}'")  # pragma: no cover

    def deals(self) -> List[DealRecord]:
        """Every deal as the plan records it, typed (``amount`` a ``Decimal``,
        dates ``datetime.date``, ``outcome`` an :class:`Outcome`), one flat
        record per deal: a nested object becomes dotted columns
        (``stall.reason``), lists (``evidence``) stay lists. For states and
        hope as of a date, ``pipeline(as_of)["deals"]``."""
        deals = values.loads(self.to_json()).get("deals", [])
        return [tables.flat(d) for d in deals]  # type: ignore[misc]

    def reps(self) -> List[RepRecord]:
        """Every rep as the plan records it (``id``, ``name``, ``style`` ...)."""
        reps: List[RepRecord] = values.loads(self.to_json()).get("reps", [])
        return reps

    def findings(self, as_of: DateLike, rep: Optional[str] = None) -> List[FindingRecord]:
        """The review's findings as flat records: ``code``, ``severity``,
        ``subject_kind``, ``subject_id``, ``message``, ``figures``."""
        return [tables.finding_record(f) for f in self.report(as_of, rep)["findings"]]

    def classify(self, accounts: Iterable[Mapping[str, Any]], *, threads: int = 1,
                 skip_invalid: bool = False, chunk: int = 10000) -> Iterator[Classified]:
        """Classifies accounts given as ``dict`` values (the plan document's
        account format; dates, ``Decimal`` and numpy values accepted), lazily:
        ``chunk`` accounts per library call, each result yielded as a record
        (``id``, ``placement``, ``basis``, ``candidates``,
        ``fire_suggestions``, ``findings``) in input order. Errors as
        :meth:`classify_jsonl`, lines counted over the whole input.
        """
        if isinstance(chunk, bool) or not isinstance(chunk, int) or chunk < 1:
            raise TypeError("chunk must be a positive int")
        return tables.classify(self, accounts, threads, skip_invalid, chunk)

    # ---- Imports -------------------------------------------------------------

    def import_csv(self, mapping: Union[Mapping[str, Any], str, bytes], files: CsvFiles,
                   as_of: DateLike) -> Dict[str, Any]:
        """Imports CRM exports into the plan, as ``kare import --into`` does:
        CSV files of products, accounts, deals and activities read through a
        column mapping (docs/import.md). All or nothing: on any error the plan
        is unchanged. Returns the import report (``dict``): per file the rows
        read, added, updated and skipped, every skipped row and why, the reps
        added.

        ``mapping`` is a mapping document (``dict``, JSON text or bytes);
        :func:`kare.builtin_mapping` gives the shipped ones. ``files`` is a
        ``{name: text}`` mapping, or an iterable whose items are
        ``(name, text)`` pairs or paths (``os.PathLike``, read from disk and
        named as given); text is ``str`` or UTF-8 ``bytes``. ``as_of`` is the
        day of the export. For a new plan, import into
        ``Plan.from_dict({"format": "kare-plan", "version": 1})``.

        Raises:
            InvalidArgumentError: a bad mapping (``.path`` such as
                ``"mapping: tables[1].columns.amont"``) or a file no mapping
                table fits.
            ParseError: malformed JSON or CSV.
            InvalidPlanError: a bad cell or a record the plan refuses;
                ``.path`` such as ``"accounts.csv, row 7, column 3 (Owner)"``.
            KareIOError: a path cannot be read.
        """
        raw_mapping = _convert.document(mapping, "mapping")
        names_and_texts = _convert.csv_files(files)
        array = (_ffi.CsvFile * max(len(names_and_texts), 1))()
        for i, (name, data) in enumerate(names_and_texts):
            array[i] = _ffi.CsvFile(name, data, len(data))
        day = _convert.date(as_of, "as_of")
        with self._handle.borrow() as plan:
            text = _ffi.owned_text(_lib.kare_plan_import_csv, plan, raw_mapping,
                                   len(raw_mapping), array, len(names_and_texts), day)
        result: Dict[str, Any] = json.loads(text)
        return result

    # ---- Batches -------------------------------------------------------------

    @overload
    def classify_jsonl(self, accounts: str, *, threads: int = 1,
                       skip_invalid: bool = False) -> str: ...

    @overload
    def classify_jsonl(self, accounts: Union[bytes, bytearray, memoryview], *, threads: int = 1,
                       skip_invalid: bool = False) -> bytes: ...

    def classify_jsonl(self, accounts: Union[str, bytes, bytearray, memoryview], *,
                       threads: int = 1, skip_invalid: bool = False) -> Union[str, bytes]:
        """Classifies a stream of accounts in one call.

        ``accounts`` is JSON Lines: one account per line, in the plan
        document's account format, checked against this plan's schema and
        placed by its profiles (the accounts do not join the plan). The result
        is JSON Lines too, one line per account in input order::

            {"id":…,"placement":…,"basis":…,"candidates":[…],"fire_suggestions":[…],"findings":[…]}

        A ``str`` gives a ``str``, bytes give ``bytes``. On CPython a ``str``
        goes in without a copy and the result is built straight from the
        library's memory: one copy of the result, none of the input.
        ``classify_jsonl_view`` avoids that copy too.

        ``threads`` is 1 for the calling thread only, N for at most N, 0 for
        one per hardware thread; the output is the same for every count. A
        bad line raises (``InvalidPlanError`` with ``path`` such as
        ``"line 12: attributes.risk"``) unless ``skip_invalid`` is true, in
        which case the line is answered by
        ``{"line":12,"error":{"code":…,"path":…,"message":…}}``.
        """
        data, size, threads, flags = self._batch_arguments(accounts, threads, skip_invalid)
        with self._handle.borrow() as plan:
            if isinstance(accounts, str):
                return _ffi.owned_str(_lib.kare_plan_classify_jsonl, plan, data, size,
                                      threads, flags)
            return _ffi.owned_bytes(_lib.kare_plan_classify_jsonl, plan, data, size,
                                    threads, flags)

    def classify_jsonl_view(self, accounts: Union[str, bytes, bytearray, memoryview], *,
                            threads: int = 1, skip_invalid: bool = False) -> memoryview:
        """``classify_jsonl`` without copying the result: a read-only
        ``memoryview`` of the library's own buffer, freed when the last
        reference to the view goes (or at ``release()``). For the largest
        batches, where copying hundreds of megabytes into fresh memory costs
        as much as classifying them; it outlives the plan. Arguments and
        errors as ``classify_jsonl``.
        """
        data, size, threads, flags = self._batch_arguments(accounts, threads, skip_invalid)
        with self._handle.borrow() as plan:
            return _ffi.owned_view(_lib.kare_plan_classify_jsonl, plan, data, size, threads, flags)

    def _batch_arguments(self, accounts: Union[str, bytes, bytearray, memoryview], threads: int,
                         skip_invalid: bool) -> Any:
        if isinstance(threads, bool) or not isinstance(threads, int):
            raise TypeError(f"threads must be an int, not {type(threads).__name__}")
        if not 0 <= threads <= 0xFFFFFFFF:
            raise InvalidArgumentError(f"threads must be between 0 and 2**32 - 1, not {threads}")
        flags = _ffi.JSONL_SKIP_INVALID if skip_invalid else 0
        if isinstance(accounts, str):
            data, size = _ffi.utf8_of(accounts)
            return data, size, threads, flags
        if isinstance(accounts, (bytes, bytearray, memoryview)):
            raw = bytes(accounts)  # no copy for bytes itself
            return raw, len(raw), threads, flags
        raise TypeError(f"accounts must be str or bytes, not {type(accounts).__name__}")

    def _text(self, function: Any, as_of: DateLike, rep: Optional[str], *extra: Any) -> str:
        day = _convert.date(as_of, "as_of")
        who = None if rep is None else _convert.text(rep, "rep")
        with self._handle.borrow() as plan:
            return _ffi.owned_text(function, plan, day, who, *extra)

    def _drawn(self, function: Any, as_of: DateLike, rep: Optional[str], width: int) -> str:
        """A picture drawn with ``kare_render_options``: the rep and width."""
        if isinstance(width, bool) or not isinstance(width, int) or not 0 <= width <= 0xFFFFFFFF:
            raise TypeError("width must be a non-negative int")
        day = _convert.date(as_of, "as_of")
        options = _ffi.RenderOptions()
        _lib.kare_render_options_init(ctypes.byref(options), _ffi.RENDER_OPTIONS_VERSION)
        options.width = width
        who = None if rep is None else _convert.text(rep, "rep")
        if who is not None:
            options.rep = who
            options.rep_len = len(who)
        with self._handle.borrow() as plan:
            return _ffi.owned_text(function, plan, day, len(day), ctypes.byref(options))

    def _report(self, as_of: bytes, rep: Optional[str], write: Any = None, *,
                explain: str = "all", explain_account: Optional[str] = None) -> str:
        if not isinstance(explain, str):
            raise TypeError(f"explain must be a str, not {type(explain).__name__}")
        if explain not in _ffi.EXPLAIN_CODES:
            raise InvalidArgumentError(
                f"explain takes 'all', 'needed' or 'none', not {explain!r}")
        options = _ffi.ReportOptions()
        _lib.kare_report_options_init(ctypes.byref(options), _ffi.REPORT_OPTIONS_VERSION)
        options.explain = _ffi.EXPLAIN_CODES[explain]
        if rep is not None:
            who = _convert.counted_text(rep, "rep")
            options.rep = who
            options.rep_len = len(who)
        if explain_account is not None:
            account = _convert.counted_text(explain_account, "explain_account")
            options.explain_account = account
            options.explain_account_len = len(account)
        report = _ffi.ReportPointer()
        with self._handle.borrow() as plan:
            _lib.kare_report_new_with_options(ctypes.byref(report), plan, as_of, len(as_of),
                                              ctypes.byref(options))
        # A report stays valid after its plan is freed: no borrow needed below.
        try:
            return _ffi.owned_text(write or _lib.kare_report_to_json, report)
        finally:
            _lib.kare_report_free(report)

    # ---- Lifetime --------------------------------------------------------------

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._handle.closed

    def close(self) -> None:
        """Frees the plan now. Calling it again does nothing."""
        self._handle.close()

    def __enter__(self) -> "Plan":
        if self._handle.closed:
            raise ClosedPlanError("the plan is closed")
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        name = type(self).__name__
        if self._handle.closed:
            return f"<{name} (closed)>"
        return f"<{name} with {len(self)} accounts>"


def _enum_code(kind: Any, value: Any, name: str) -> int:
    """The C code of an enum member or of its lower-case name."""
    if isinstance(value, kind):
        return int(value.code)
    if isinstance(value, str):
        member = kind.__members__.get(value.upper())
        if member is not None:
            return int(member.code)
        names = ", ".join(member.name.lower() for member in kind)
        raise InvalidArgumentError(f"unknown {name} {value!r} ({names})")
    raise TypeError(f"{name} must be a {kind.__name__} or its name, not {type(value).__name__}")


def _plan_from_json(cls: type, text: str) -> Plan:
    plan: Plan = cls.from_json(text)  # type: ignore[attr-defined]
    return plan
