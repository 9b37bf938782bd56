"""Deals, activities, progress, pipeline and pictures through the binding."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import tempfile
import unittest
from decimal import Decimal
import xml.etree.ElementTree as ElementTree

import kare

from .support import AS_OF, example_plan

NEW_DEAL = {"id": "D-900", "account": "VRT-022", "amount": "9999.99", "stage": "discovery",
            "opened": "2026-11-20", "expected_close": "2027-02-01"}
DIAL = {"date": "2026-11-20", "rep": "leo", "account": "NVA-014", "activity": "dial"}


class ActivitiesTest(unittest.TestCase):
    def setUp(self) -> None:
        self.plan = example_plan()
        self.addCleanup(self.plan.close)

    def test_logging_and_removing(self) -> None:
        base = self.plan.activity_count()
        self.assertGreater(base, 0)
        for _ in range(3):
            self.plan.add_activity(DIAL)
        self.plan.add_activity(json.dumps(dict(DIAL, note="left a message")))
        self.assertEqual(self.plan.activity_count(), base + 4)
        self.plan.remove_activity(base + 3)
        self.assertEqual(self.plan.activity_count(), base + 3)
        self.assertEqual(len(self.plan.to_dict()["activities"]), base + 3)

    def test_activities_have_ids(self) -> None:
        base = self.plan.activity_count()
        first = self.plan.add_activity(DIAL)
        self.assertEqual(first, f"act-{base + 1}")
        self.assertEqual(self.plan.to_dict()["activities"][-1]["id"], first)
        self.assertEqual(self.plan.add_activity(dict(DIAL, id="call-1")), "call-1")
        with self.assertRaises(kare.ConflictError) as caught:
            self.plan.add_activity(dict(DIAL, id="call-1"))
        self.assertEqual(caught.exception.path, f"activities[{base + 2}].id")
        self.plan.remove_activity(first)
        self.plan.remove_activity("call-1")
        self.assertEqual(self.plan.activity_count(), base)
        with self.assertRaises(kare.NotFoundError):
            self.plan.remove_activity(first)
        # A removed id is not given again.
        self.assertEqual(self.plan.add_activity(DIAL), f"act-{base + 2}")
        with self.assertRaises(kare.InvalidArgumentError):
            self.plan.remove_activity("bad\ud800")

    def test_bad_activities_name_their_path_and_change_nothing(self) -> None:
        before = self.plan.to_json()
        n = self.plan.activity_count()
        cases = [(dict(DIAL, activity="juggling"), f"activities[{n}].activity"),
                 (dict(DIAL, rep="zed"), f"activities[{n}].rep"),
                 (dict(DIAL, account="NOPE"), f"activities[{n}].account"),
                 (dict(DIAL, date="2026-02-30"), f"activities[{n}].date")]
        for activity, path in cases:
            with self.subTest(path=path):
                with self.assertRaises(kare.InvalidPlanError) as caught:
                    self.plan.add_activity(activity)
                self.assertEqual(caught.exception.path, path)
        with self.assertRaises(kare.NotFoundError):
            self.plan.remove_activity(n)
        with self.assertRaises(TypeError):
            self.plan.remove_activity(-1)
        self.assertEqual(self.plan.to_json(), before)

    def test_progress_counts_the_logged_dials(self) -> None:
        def dials() -> dict:
            progress = self.plan.progress("2026-11-20", rep="leo", trend_periods=2)
            self.assertEqual(progress["format"], "kare-progress")
            return next(t for t in progress["reps"][0]["targets"] if t["activity"] == "dial")
        before = dials()["current"]["done"]
        for _ in range(2):
            self.plan.add_activity(DIAL)
        self.assertEqual(dials()["current"]["done"], before + 2)
        dials = dials()
        self.assertEqual(dials["current"]["target"], 32)  # 40 × 4/5: 4 Attain accounts, focus 5
        self.assertEqual(len(dials["trend"]), 2)
        with self.assertRaises(kare.NotFoundError):
            self.plan.progress(AS_OF, rep="zed")
        with self.assertRaises(TypeError):
            self.plan.progress(AS_OF, trend_periods=-1)


class DealsTest(unittest.TestCase):
    def setUp(self) -> None:
        self.plan = example_plan()
        self.addCleanup(self.plan.close)

    def test_states(self) -> None:
        expected = {"D-101": kare.HonestyState.QUALIFIED, "D-104": kare.HonestyState.STALLED,
                    "D-108": kare.HonestyState.UNQUALIFIED, "D-110": kare.HonestyState.DEAD,
                    "D-113": kare.HonestyState.CLOSED}
        for deal, state in expected.items():
            with self.subTest(deal=deal):
                self.assertEqual(self.plan.deal_state(deal, datetime.date(2026, 11, 23)), state)
        with self.assertRaises(kare.NotFoundError):
            self.plan.deal_state("D-999", AS_OF)

    def test_evidence_qualifies_a_hope_deal(self) -> None:
        for evidence, day in (("pain", "2026-11-20"), ("budget", "2026-11-21"),
                              ("decision_process", "2026-11-22")):
            self.plan.add_evidence("D-108", evidence, day, "meeting", AS_OF)
        self.assertEqual(self.plan.deal_state("D-108", AS_OF), kare.HonestyState.QUALIFIED)

    def test_refusals_change_nothing(self) -> None:
        before = self.plan.to_json()
        with self.assertRaises(kare.InvalidPlanError) as caught:
            self.plan.add_evidence("D-108", "budget", "2026-12-01", "email", AS_OF)
        self.assertTrue(caught.exception.path.startswith("deals[7].evidence"))
        with self.assertRaises(kare.ConflictError):
            self.plan.declare_deal_state("D-108", kare.HonestyState.QUALIFIED, "2026-11-22", "trust me")
        with self.assertRaises(kare.ConflictError):
            self.plan.close_deal("D-113", kare.Outcome.WON, "2026-11-22")
        with self.assertRaises(kare.InvalidArgumentError):
            self.plan.close_deal("D-101", "maybe", "2026-11-22")
        with self.assertRaises(kare.InvalidPlanError):
            self.plan.add_deal(dict(NEW_DEAL, amount="-1.00"))
        with self.assertRaises(kare.InvalidPlanError):
            self.plan.add_deal(dict(NEW_DEAL, amount=1))  # money is never a float or a number
        with self.assertRaises(kare.ConflictError):
            self.plan.add_deal(dict(NEW_DEAL, id="D-101"))
        with self.assertRaises(kare.NotFoundError):
            self.plan.replace_deal(dict(NEW_DEAL))
        with self.assertRaises(kare.NotFoundError):
            self.plan.remove_deal("D-999")
        self.assertEqual(self.plan.to_json(), before)

    def test_lifecycle(self) -> None:
        base = self.plan.deal_count()
        self.plan.add_deal(NEW_DEAL)
        self.assertEqual(self.plan.deal_count(), base + 1)
        self.plan.replace_deal(dict(NEW_DEAL, amount="19999.99"))
        self.plan.record_deal_activity("D-900", "2026-11-22")
        self.plan.change_close_date("D-900", "2027-03-01", "2026-11-22", "budget cycle")
        self.plan.declare_stall("D-102", "Board meets in January", "2026-11-23", "2027-01-15")
        self.plan.declare_deal_state("D-106", "dead", "2026-11-23", "went silent")
        self.assertEqual(self.plan.deal_state("D-106", AS_OF), kare.HonestyState.DEAD)
        self.plan.close_deal("D-107", kare.Outcome.LOST, "2026-11-23", "competitor")
        deal = next(d for d in self.plan.to_dict()["deals"] if d["id"] == "D-900")
        self.assertEqual(deal["amount"], "19999.99")
        self.assertEqual(deal["expected_close"], "2027-03-01")
        self.plan.remove_deal("D-900")
        self.assertEqual(self.plan.deal_count(), base)

    def test_declarations_are_taken_back(self) -> None:
        deal = next(d for d in self.plan.to_dict()["deals"] if d["id"] == "D-105")
        self.assertIn("stall", deal)
        self.plan.clear_stall("D-105")
        deal = next(d for d in self.plan.to_dict()["deals"] if d["id"] == "D-105")
        self.assertNotIn("stall", deal)
        with self.assertRaises(kare.ConflictError):
            self.plan.clear_stall("D-105")
        with self.assertRaises(kare.NotFoundError):
            self.plan.clear_stall("D-999")

        self.plan.declare_deal_state("D-106", "dead", "2026-11-20", "went silent")
        with self.assertRaises(kare.ConflictError) as caught:
            self.plan.clear_deal_state("D-106", AS_OF, "they called back")
        self.assertIn("evidence", str(caught.exception))
        self.plan.add_evidence("D-106", "pain", "2026-11-21", "call", AS_OF)
        self.plan.clear_deal_state("D-106", AS_OF, "they called back")
        self.assertNotEqual(self.plan.deal_state("D-106", AS_OF), kare.HonestyState.DEAD)
        with self.assertRaises(kare.ConflictError):
            self.plan.clear_deal_state("D-106", AS_OF)
        with self.assertRaises(kare.NotFoundError):
            self.plan.clear_deal_state("D-999", AS_OF)

    def test_pipeline(self) -> None:
        pipeline = self.plan.pipeline(AS_OF)
        self.assertEqual(pipeline["format"], "kare-pipeline")
        self.assertEqual(pipeline["summary"]["total"], Decimal("1241000.00"))
        self.assertEqual(pipeline["summary"]["honest_total"], Decimal("445000.00"))
        self.assertEqual(json.loads(self.plan.pipeline_json(AS_OF))["summary"]["total"],
                         "1241000.00")
        self.assertEqual(pipeline["hope"][0]["deal"], "D-106")
        leo = self.plan.pipeline(AS_OF, rep="leo")
        self.assertLess(len(leo["deals"]), len(pipeline["deals"]))

    def test_next_step(self) -> None:
        self.plan.add_deal(dict(NEW_DEAL, next_step="Demo to the CFO on Friday"))
        deal = next(d for d in self.plan.to_dict()["deals"] if d["id"] == "D-900")
        self.assertEqual(deal["next_step"], "Demo to the CFO on Friday")
        lines = {d["id"]: d for d in self.plan.pipeline(AS_OF)["deals"]}
        self.assertEqual(lines["D-900"]["next_step"], "Demo to the CFO on Friday")
        self.assertIsNone(lines["D-101"]["next_step"])
        with self.assertRaises(kare.InvalidPlanError) as caught:
            self.plan.replace_deal(dict(NEW_DEAL, next_step="Call\x1b[2J"))
        self.assertEqual(caught.exception.path, "deals[" + str(self.plan.deal_count() - 1) + "].next_step")


class ReviewTest(unittest.TestCase):
    def test_review_is_the_report_and_defaults_to_today(self) -> None:
        with example_plan() as plan:
            self.assertEqual(plan.review(AS_OF), plan.report(AS_OF))
            self.assertEqual(plan.review()["as_of"], datetime.date.today())


class PicturesTest(unittest.TestCase):
    def test_svg_and_html(self) -> None:
        with example_plan() as plan:
            svg = plan.map_svg(AS_OF)
            root = ElementTree.fromstring(svg.encode())
            self.assertTrue(root.tag.endswith("svg"))
            self.assertIn("Evergreen Retail", svg)
            html = plan.review_html(AS_OF, rep="leo")
            self.assertTrue(html.startswith("<!DOCTYPE html>"))
            self.assertIn("Nova Robotics", html)
            self.assertNotIn("Evergreen Retail", html)

    def test_width_scales_the_map(self) -> None:
        with example_plan() as plan:
            self.assertEqual(plan.map_svg(AS_OF, "leo", width=0), plan.map_svg(AS_OF, "leo"))
            svg = plan.map_svg(AS_OF, "leo", width=700)
            root = ElementTree.fromstring(svg.encode())
            self.assertEqual(root.get("width"), "700")
            self.assertTrue(root.get("viewBox", "").startswith("0 0 1400 "))
            html = plan.review_html(AS_OF, rep="leo", width=700)
            self.assertIn('width="700"', html)
            self.assertNotIn("Evergreen Retail", html)
            with self.assertRaises(kare.InvalidArgumentError) as caught:
                plan.map_svg(AS_OF, width=100001)
            self.assertIn("width 100001", str(caught.exception))
            with self.assertRaises(kare.NotFoundError):
                plan.review_html(AS_OF, rep="nobody", width=700)
            with self.assertRaises(TypeError):
                plan.map_svg(AS_OF, width=-1)

    def test_long_lists_show_their_first_rows(self) -> None:
        with example_plan() as plan:
            whole = plan.review_html(AS_OF)
            self.assertEqual(plan.review_html(AS_OF, rows="all"), whole)
            self.assertNotIn('class="more"', whole)
            short = plan.review_html(AS_OF, rows=2)
            self.assertIn('<p class="more">The first 2 of ', short)
            self.assertIn("findings, worst first, are listed here", short)
            self.assertLess(len(short), len(whole))
            self.assertIn("What changed", plan.review_html(AS_OF, since="2026-08-31", rows=2))
            with self.assertRaises(kare.InvalidArgumentError):
                plan.review_html(AS_OF, rows=0)
            with self.assertRaises(TypeError):
                plan.review_html(AS_OF, rows="some")  # type: ignore[arg-type]
            with self.assertRaises(TypeError):
                plan.review_html(AS_OF, rows=True)

    def test_replace_account_and_a_hostile_name_is_escaped(self) -> None:
        with example_plan() as plan:
            account = next(a for a in plan.to_dict()["accounts"] if a["id"] == "ACME-001")
            account["name"] = '<script>alert(1)</script> & "Acme"'
            plan.replace_account(account)
            svg = plan.map_svg(AS_OF)
            ElementTree.fromstring(svg.encode())  # still well-formed
            self.assertNotIn("<script>", svg)
            self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Acme&quot;", svg)
            self.assertNotIn("<script>", plan.review_html(AS_OF))
            account["attributes"]["seats"] = -3
            with self.assertRaises(kare.InvalidPlanError) as caught:
                plan.replace_account(account)
            self.assertEqual(caught.exception.path, "accounts[0].attributes.seats")


class MatchesTheCliTest(unittest.TestCase):
    """The binding's documents are the tool's, byte for byte."""

    def test_pipeline_and_map(self) -> None:
        cli = os.environ.get("KARE_CLI")
        if not cli:
            self.skipTest("KARE_CLI not set")
        example = str(__import__("tests.support", fromlist=["EXAMPLE"]).EXAMPLE)
        with example_plan() as plan:
            for command, ours in (("pipeline", json.dumps(json.loads(plan.pipeline_json(AS_OF)),
                                                           sort_keys=True)),
                                  ("map", plan.map_svg(AS_OF))):
                args = [cli, command, example, "--as-of", AS_OF] + (["--json"] if command == "pipeline" else [])
                theirs = subprocess.run(args, capture_output=True, text=True, check=True).stdout
                if command == "pipeline":
                    theirs = json.dumps(json.loads(theirs), sort_keys=True)
                self.assertEqual(ours, theirs, command)


if __name__ == "__main__":
    unittest.main()
