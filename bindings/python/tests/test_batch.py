"""Plan.classify_jsonl: a stream of accounts classified in one call."""

from __future__ import annotations

import json
import os
import unittest
from typing import Any, Dict, List

import kare

from .support import example_document, example_plan


def open_accounts() -> List[Dict[str, Any]]:
    """The example's accounts with no decision or history: left to the profiles."""
    accounts = []
    for entry in example_document()["accounts"]:
        entry = dict(entry)
        for key in ("placement", "history", "fire_action"):
            entry.pop(key, None)
        accounts.append(entry)
    return accounts


def as_lines(accounts: List[Dict[str, Any]]) -> bytes:
    return "".join(json.dumps(a) + "\n" for a in accounts).encode("utf-8")


class ClassifyJsonlTest(unittest.TestCase):
    def setUp(self) -> None:
        self.plan = example_plan()
        self.addCleanup(self.plan.close)

    def test_every_account_is_placed_as_the_plan_places_it(self) -> None:
        accounts = open_accounts()
        out = self.plan.classify_jsonl(as_lines(accounts))
        self.assertIsInstance(out, bytes)
        results = [json.loads(line) for line in out.splitlines()]
        self.assertEqual([r["id"] for r in results], [a["id"] for a in accounts])
        # The same accounts inside a plan, with no decisions: the profiles alone.
        document = example_document()
        document["accounts"] = accounts
        document["activities"] = []
        document["deals"] = []
        with kare.Plan.from_dict(document) as undecided:
            for result in results:
                self.assertEqual(result["placement"], undecided.placement(result["id"]).label,
                                 result["id"])
        placements = {r["placement"] for r in results}
        self.assertGreater(len(placements), 2, "the example exercises several categories")

    def test_output_is_the_same_on_every_thread_count(self) -> None:
        lines = as_lines(open_accounts() * 200)
        one = self.plan.classify_jsonl(lines, threads=1)
        self.assertEqual(self.plan.classify_jsonl(lines, threads=2), one)
        self.assertEqual(self.plan.classify_jsonl(lines, threads=0), one)
        text = self.plan.classify_jsonl(lines.decode("utf-8"), threads=2)
        self.assertIsInstance(text, str)
        self.assertEqual(text, one.decode("utf-8"))

    def test_empty_input_gives_empty_output(self) -> None:
        self.assertEqual(self.plan.classify_jsonl(b""), b"")
        self.assertEqual(self.plan.classify_jsonl(bytearray(b"\n")), b"")
        self.assertEqual(self.plan.classify_jsonl("\n\r\n"), "")

    def test_text_beyond_ascii_goes_both_ways(self) -> None:
        account = dict(open_accounts()[0], id="Zürich-Ω", name="Café Ω 東京")
        out = self.plan.classify_jsonl(json.dumps(account, ensure_ascii=False) + "\n")
        self.assertEqual(json.loads(out)["id"], "Zürich-Ω")
        raw = self.plan.classify_jsonl(memoryview(json.dumps(account).encode("ascii")))
        self.assertEqual(json.loads(raw)["id"], "Zürich-Ω")

    def test_a_bad_line_fails_the_call_naming_its_line(self) -> None:
        good, bad = open_accounts()[:2]
        bad["attributes"] = dict(bad.get("attributes", {}), risk="catastrophic")
        with self.assertRaises(kare.InvalidPlanError) as caught:
            self.plan.classify_jsonl(as_lines([good, bad]))
        self.assertTrue(caught.exception.path.startswith("line 2: attributes.risk"),
                        caught.exception.path)

    def test_skip_invalid_answers_a_bad_line_with_an_error_record(self) -> None:
        good, bad = open_accounts()[:2]
        bad["attributes"] = dict(bad.get("attributes", {}), risk="catastrophic")
        out = self.plan.classify_jsonl(as_lines([good, bad, good]), skip_invalid=True)
        results = [json.loads(line) for line in out.splitlines()]
        self.assertEqual(len(results), 3)
        self.assertEqual(results[0]["id"], good["id"])
        self.assertEqual(results[1]["line"], 2)
        self.assertEqual(results[1]["error"]["code"], "invalid_plan")
        self.assertEqual(results[1]["error"]["path"], "attributes.risk")
        self.assertEqual(results[2], results[0])

    def test_malformed_json_is_a_parse_error(self) -> None:
        with self.assertRaises(kare.ParseError):
            self.plan.classify_jsonl(b'{"id":')

    def test_arguments_are_checked_before_the_call(self) -> None:
        with self.assertRaises(TypeError):
            self.plan.classify_jsonl(42)  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            self.plan.classify_jsonl(b"", threads=True)
        with self.assertRaises(kare.InvalidArgumentError):
            self.plan.classify_jsonl(b"", threads=-1)
        # A NUL byte makes its line bad, not the call: reported with the line.
        with self.assertRaises(kare.ParseError) as caught:
            self.plan.classify_jsonl(b"{}\0{}")
        self.assertIn("a NUL byte at column 3", str(caught.exception))
        with self.assertRaises(kare.InvalidArgumentError):
            self.plan.classify_jsonl('{"id":"\ud800"}')

    def test_a_view_holds_the_same_bytes_without_a_copy(self) -> None:
        lines = as_lines(open_accounts() * 10)
        view = self.plan.classify_jsonl_view(lines, threads=2)
        self.assertIsInstance(view, memoryview)
        self.assertTrue(view.readonly)
        self.assertEqual(view.tobytes(), self.plan.classify_jsonl(lines))
        with self.assertRaises(TypeError):
            view[0] = 0  # type: ignore[index]
        # The view is the library's buffer, not the plan's: it outlives the plan.
        self.plan.close()
        self.assertEqual(bytes(view[:7]), b'{"id":"')
        view.release()
        with self.assertRaises(kare.InvalidPlanError):
            example_plan().classify_jsonl_view(b'{"id":"X"}\n')
        self.assertEqual(len(example_plan().classify_jsonl_view("")), 0)

    @unittest.skipUnless(os.path.exists("/proc/self/statm"), "needs /proc to read the RSS")
    @unittest.skipIf("libasan" in os.environ.get("LD_PRELOAD", ""),
                     "AddressSanitizer keeps freed memory in quarantine; the normal build checks")
    def test_views_free_their_buffers(self) -> None:
        lines = as_lines(open_accounts() * 400)  # about a megabyte of results

        def resident_mb() -> float:
            with open("/proc/self/statm", encoding="ascii") as statm:
                return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

        for _ in range(5):
            self.plan.classify_jsonl_view(lines)
        before = resident_mb()
        for _ in range(200):  # 200 MB if nothing were freed
            view = self.plan.classify_jsonl_view(lines)
            self.assertGreater(len(view), 0)
            del view
        self.assertLess(resident_mb() - before, 50)

    def test_a_closed_plan_refuses(self) -> None:
        self.plan.close()
        with self.assertRaises(kare.ClosedPlanError):
            self.plan.classify_jsonl(b"")


if __name__ == "__main__":
    unittest.main()
