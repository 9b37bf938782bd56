"""Handles are freed exactly once, never used after, and nothing leaks."""

from __future__ import annotations

import gc
import os
import pickle
import tempfile
import threading
import time
import unittest
from pathlib import Path
from typing import Any, Callable, Dict, List

import kare
from kare._handle import Handle

from .support import AS_OF, EXAMPLE, PlanTestCase, example_document, example_plan, run_python


class CountingFree:
    def __init__(self) -> None:
        self.freed: List[Any] = []

    def __call__(self, pointer: Any) -> None:
        self.freed.append(pointer)


class HandleTest(unittest.TestCase):
    def make(self) -> "tuple[Handle, CountingFree]":
        free = CountingFree()
        return Handle("pointer", free, kare.ClosedPlanError, "thing"), free

    def test_close_frees_once(self) -> None:
        handle, free = self.make()
        handle.close()
        handle.close()
        del handle
        gc.collect()
        self.assertEqual(free.freed, ["pointer"])

    def test_collection_frees_once(self) -> None:
        handle, free = self.make()
        del handle
        gc.collect()
        self.assertEqual(free.freed, ["pointer"])

    def test_borrowing_after_close_raises(self) -> None:
        handle, _ = self.make()
        handle.close()
        with self.assertRaisesRegex(kare.ClosedPlanError, "the thing is closed"):
            with handle.borrow():
                pass

    def test_close_waits_for_a_call_in_flight(self) -> None:
        handle, free = self.make()
        borrowed, release = threading.Event(), threading.Event()

        def call() -> None:
            with handle.borrow():
                borrowed.set()
                release.wait(10)

        worker = threading.Thread(target=call)
        worker.start()
        borrowed.wait(10)
        closer = threading.Thread(target=handle.close)
        closer.start()
        time.sleep(0.1)
        self.assertEqual(free.freed, [])  # still in use: not freed
        self.assertTrue(handle.closed)    # but no new call can start
        release.set()
        worker.join(10)
        closer.join(10)
        self.assertEqual(free.freed, ["pointer"])


class ClosedPlanTest(unittest.TestCase):
    def test_context_manager_closes(self) -> None:
        with example_plan() as plan:
            self.assertFalse(plan.closed)
        self.assertTrue(plan.closed)
        self.assertEqual(repr(plan), "<Plan (closed)>")

    def test_context_manager_closes_on_error(self) -> None:
        with self.assertRaises(RuntimeError):
            with example_plan() as plan:
                raise RuntimeError("boom")
        self.assertTrue(plan.closed)

    def test_close_twice_is_harmless(self) -> None:
        plan = example_plan()
        plan.close()
        plan.close()
        self.assertTrue(plan.closed)

    def test_every_method_refuses_a_closed_plan(self) -> None:
        plan = example_plan()
        plan.close()
        folder = tempfile.mkdtemp()
        self.addCleanup(os.rmdir, folder)
        new_account = example_document()["accounts"][0]
        calls: Dict[str, Callable[[], Any]] = {
            "len": lambda: len(plan),
            "in": lambda: "ACME-001" in plan,
            "placement": lambda: plan.placement("ACME-001"),
            "placements": plan.placements,
            "to_json": plan.to_json,
            "to_dict": plan.to_dict,
            "save": lambda: plan.save(Path(folder) / "plan.json"),
            "copy": plan.copy,
            "pickle": lambda: pickle.dumps(plan),
            "report": lambda: plan.report(AS_OF),
            "assign": lambda: plan.assign("EVR-005", kare.Category.KEEP, AS_OF),
            "move": lambda: plan.move("HLX-008", kare.Placement.KEEP, AS_OF, "r"),
            "fire": lambda: plan.fire("MRD-013", AS_OF, "r", "end_relationship"),
            "add_account": lambda: plan.add_account(new_account),
            "remove_account": lambda: plan.remove_account("ACME-001"),
            "with": lambda: plan.__enter__(),
        }
        for name, call in calls.items():
            with self.subTest(name), self.assertRaises(kare.ClosedPlanError) as caught:
                call()
            self.assertIsInstance(caught.exception, kare.Error)
            self.assertIsInstance(caught.exception, ValueError)
            self.assertEqual(caught.exception.message, "the plan is closed")
        self.assertEqual(os.listdir(folder), [])


class OutlivingTest(unittest.TestCase):
    def test_results_outlive_their_plan(self) -> None:
        plan = example_plan()
        report = plan.report(AS_OF)
        placements = plan.placements()
        document = plan.to_dict()
        plan.close()
        del plan
        gc.collect()
        self.assertEqual(report["summary"]["total"], 26)
        self.assertIs(placements["ACME-001"], kare.Placement.KEEP)
        self.assertEqual(len(document["accounts"]), 26)

    def test_plans_left_to_the_interpreter_at_exit(self) -> None:
        # Plans still alive at shutdown, some in reference cycles and module
        # globals, are freed without errors.
        code = (
            "import kare\n"
            f"plan = kare.Plan.from_file({str(EXAMPLE)!r})\n"
            "cycle = {'plan': kare.Plan.from_file(%r)}\n"
            "cycle['self'] = cycle\n"
            "class Holder:\n"
            "    kept = plan.copy()\n"
            "kare.keep_me = plan.copy()\n"
            "print(len(plan))\n" % str(EXAMPLE)
        )
        result = run_python(code)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, "26\n")
        self.assertEqual(result.stderr, "")


class ThreadsTest(PlanTestCase):
    def test_concurrent_reports_agree(self) -> None:
        expected = self.plan.report(AS_OF)
        results: List[Any] = []

        def work() -> None:
            for _ in range(20):
                results.append(self.plan.report(AS_OF))

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len(results), 80)
        self.assertTrue(all(r == expected for r in results))

    def test_close_while_other_threads_work(self) -> None:
        # Each call either completes or raises ClosedPlanError; nothing crashes.
        outcomes: List[str] = []

        def work() -> None:
            for _ in range(200):
                try:
                    self.plan.report(AS_OF)
                    outcomes.append("done")
                except kare.ClosedPlanError:
                    outcomes.append("closed")

        threads = [threading.Thread(target=work) for _ in range(3)]
        for t in threads:
            t.start()
        time.sleep(0.05)
        self.plan.close()
        for t in threads:
            t.join()
        self.assertIn("closed", outcomes)
        self.assertEqual(len(outcomes), 600)


def resident_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@unittest.skipUnless(os.path.exists("/proc/self/statm"), "needs /proc/self/statm")
@unittest.skipIf("asan" in os.environ.get("LD_PRELOAD", ""),
                 "resident memory is not a leak measure under AddressSanitizer, "
                 "which quarantines freed memory; its own leak check covers the C side")
class LeakTest(unittest.TestCase):
    """Thousands of plans, reports and owned strings; resident memory stays flat."""

    # A leaked plan costs tens of kilobytes and a leaked document string 17 KB,
    # so 2,000 leaks would show as tens of megabytes.
    TOLERANCE = 8 * 1024 * 1024

    def cycle(self, text: bytes, index: int) -> None:
        plan = kare.Plan.from_json(text)
        if index % 4 == 0:
            plan.to_json()
            plan.report(AS_OF)
        if index % 2:
            plan.close()  # the others are freed by the finaliser
        del plan

    def test_plans_and_reports_do_not_leak(self) -> None:
        text = EXAMPLE.read_bytes()
        for i in range(200):  # let the allocators reach their working size
            self.cycle(text, i)
        gc.collect()
        before = resident_bytes()
        for i in range(2000):
            self.cycle(text, i)
        gc.collect()
        grown = resident_bytes() - before
        self.assertLess(grown, self.TOLERANCE, f"resident memory grew by {grown} bytes")

    def test_errors_do_not_leak(self) -> None:
        with example_plan() as plan:
            for i in range(200):
                self.provoke(plan)
            before = resident_bytes()
            for i in range(2000):
                self.provoke(plan)
            grown = resident_bytes() - before
        self.assertLess(grown, self.TOLERANCE, f"resident memory grew by {grown} bytes")

    @staticmethod
    def provoke(plan: kare.Plan) -> None:
        for call in (lambda: plan.placement("NOPE"), lambda: kare.Plan.from_json("{"),
                     lambda: plan.report("2026-02-30")):
            try:
                call()
            except kare.Error:
                pass


if __name__ == "__main__":
    unittest.main()
