"""A real CRM's export (docs/examples/first-import) into a working plan, and
Plan.accept_moves: the review's suggested moves accepted from Python."""

from __future__ import annotations

import json
import unittest

import kare

from .support import REPO

FIRST = REPO / "docs" / "examples" / "first-import"
EXPORT = [FIRST / name for name in (
    "sales_pipeline.csv", "accounts.csv", "sales_teams.csv", "products.csv")]
EXPORT_DAY = "2017-12-31"
LATER = "2018-06-30"


def imported() -> tuple[kare.Plan, dict]:
    plan = kare.Plan.from_file(FIRST / "base-plan.json")
    report = plan.import_csv((FIRST / "mapping.json").read_text(encoding="utf-8"), EXPORT,
                             EXPORT_DAY)
    return plan, report


class FirstImportTest(unittest.TestCase):
    def setUp(self) -> None:
        self.plan, self.report = imported()
        self.addCleanup(self.plan.close)

    def test_every_opportunity_is_imported_or_skipped_with_its_reason(self) -> None:
        pipeline = next(f for f in self.report["files"] if f["kind"] == "deals")
        self.assertEqual(pipeline["rows"], pipeline["added"] + pipeline["skipped"])
        self.assertEqual(pipeline["skipped"], 10)
        self.assertEqual([(g["reason"], g["count"]) for g in self.report["skip_groups"]],
                         [("no account", 10)])
        self.assertEqual(self.report["name_matches"][0]["product"], "GTXPro")

    def test_recent_wins_keep_or_expand_lapsed_recapture(self) -> None:
        report = self.plan.report(EXPORT_DAY)
        where = {a["id"]: a["placement"] for a in report["accounts"]}
        self.assertEqual(where["Betasoloin"], "keep")
        self.assertEqual(where["Acme Corporation"], "expand")
        self.assertEqual(where["Dalttechnology"], "recapture")
        self.assertEqual(where["Domzoom"], "attain")
        document = self.plan.to_dict()
        open_deals = [d for d in document["deals"] if d.get("outcome", "open") == "open"]
        self.assertTrue(open_deals)
        self.assertTrue(all(float(d["amount"]) > 0 for d in open_deals))

    def test_accepting_the_moves_of_a_code(self) -> None:
        codes = [f["code"] for f in self.plan.report(LATER)["findings"]]
        self.assertEqual(codes.count("move.client_lapsed"), 2)
        self.assertEqual(self.plan.accept_moves(LATER, code="move.client_lapsed",
                                                reason="Lapsed since the export"), 2)
        after = self.plan.report(LATER)
        self.assertNotIn("move.client_lapsed", [f["code"] for f in after["findings"]])
        history = next(a for a in self.plan.to_dict()["accounts"] if a["id"] == "Hottechi")
        self.assertEqual(history["history"][-1]["reason"], "Lapsed since the export")

    def test_refusals_change_nothing(self) -> None:
        self.plan.assign("Hottechi", "keep", "2018-01-15", "Protect it")
        before = json.dumps(self.plan.to_dict())
        with self.assertRaises(kare.InvalidArgumentError):
            self.plan.accept_moves(LATER)
        with self.assertRaises(kare.InvalidArgumentError):
            self.plan.accept_moves(LATER, code="move.nowhere")
        with self.assertRaises(kare.NotFoundError):
            self.plan.accept_moves(LATER, code="move.attain_won")
        with self.assertRaises(kare.InvalidArgumentError):
            self.plan.accept_moves("2018-02-30", account_id="Hottechi")
        with self.assertRaises(kare.ConflictError):
            self.plan.accept_moves(LATER, account_id="Hottechi", on="2018-01-01")
        self.assertEqual(json.dumps(self.plan.to_dict()), before)
        self.assertEqual(self.plan.accept_moves(LATER, account_id="Hottechi"), 1)


if __name__ == "__main__":
    unittest.main()
