"""What changed: two plans, and one plan since a date."""

from __future__ import annotations

import datetime
import decimal
import json
import unittest

import kare

from .support import example_plan


class ChangesTest(unittest.TestCase):
    def test_one_plan_since_the_end_of_august(self) -> None:
        with example_plan() as plan:
            before = plan.to_json()
            changes = plan.changes_since("2026-08-31", datetime.date(2026, 11, 23))
            self.assertEqual(changes["format"], "kare-diff")
            self.assertEqual([a["id"] for a in changes["accounts"]["added"]],
                             ["NVA-014", "OPL-015", "YRW-025"])
            fired = changes["accounts"]["fired"][0]
            self.assertEqual(fired["id"], "IRN-009")
            self.assertEqual(fired["moves"][0]["date"], datetime.date(2026, 9, 15))
            self.assertEqual(changes["pipeline"]["before"]["total"], decimal.Decimal("312000.00"))
            self.assertEqual(changes["pipeline"]["after"]["honest_total"],
                             decimal.Decimal("445000.00"))
            self.assertEqual(plan.to_json(), before)

    def test_two_plans(self) -> None:
        with example_plan() as plan, example_plan() as changed:
            changed.fire("BRT-002", "2026-11-23", "Half off asked.", "end_relationship")
            changes = plan.diff(changed, "2026-11-23")
            self.assertFalse(changes["unchanged"])
            self.assertEqual([a["id"] for a in changes["accounts"]["fired"]], ["BRT-002"])
            self.assertEqual(changes["before"]["as_of"], datetime.date(2026, 11, 23))
            self.assertTrue(plan.diff(plan, "2026-11-23")["unchanged"])

    def test_the_review_page_with_what_changed(self) -> None:
        with example_plan() as plan:
            page = plan.review_html("2026-11-23", since="2026-08-31")
            self.assertIn("<h2>What changed</h2>", page)
            self.assertNotIn("<h2>What changed</h2>", plan.review_html("2026-11-23"))
            with self.assertRaises(kare.InvalidArgumentError) as caught:
                plan.review_html("2026-11-23", since="2025-01-01")
            self.assertEqual(caught.exception.path, "since")

    def test_refusals_name_the_argument(self) -> None:
        with example_plan() as plan:
            with self.assertRaises(kare.InvalidArgumentError) as caught:
                plan.changes_since("2026-12-01", "2026-11-23")
            self.assertEqual(caught.exception.path, "since")
            with self.assertRaises(kare.InvalidArgumentError) as caught:
                plan.changes_since("2025-01-01", "2026-11-23")
            self.assertEqual(caught.exception.path, "since")
            with self.assertRaises(kare.InvalidArgumentError) as caught:
                plan.diff(plan, "2026-11-23", since="2026-11-24")
            self.assertEqual(caught.exception.path, "before.as_of")
            document = json.loads(plan.to_json())
            document["settings"]["currency"] = "EUR"
            with kare.Plan.from_json(json.dumps(document)) as euros:
                with self.assertRaises(kare.InvalidArgumentError) as caught:
                    plan.diff(euros, "2026-11-23")
                self.assertEqual(caught.exception.path, "after.settings.currency")
            with self.assertRaises(TypeError):
                plan.diff("plan.json", "2026-11-23")  # type: ignore[arg-type]

    def test_one_account_over_time(self) -> None:
        with example_plan() as plan:
            before = plan.to_json()
            story = plan.timeline("IRN-009", datetime.date(2026, 11, 23))
            self.assertEqual(story["format"], "kare-timeline")
            self.assertEqual(story["placement"], "fired")
            self.assertEqual([(m["date"], m["to"]) for m in story["moves"]],
                             [(datetime.date(2026, 2, 2), "keep"),
                              (datetime.date(2026, 9, 15), "fired")])
            self.assertEqual(story["deals"][0]["amount"], decimal.Decimal("12000.00"))
            self.assertEqual(plan.timeline("IRN-009", "2026-08-31")["placement"], "keep")
            self.assertEqual(plan.to_json(), before)

    def test_a_timeline_names_what_it_cannot_tell(self) -> None:
        with example_plan() as plan:
            with self.assertRaises(kare.NotFoundError) as caught:
                plan.timeline("NOPE-1", "2026-11-23")
            self.assertEqual(caught.exception.path, "account")
            with self.assertRaises(kare.InvalidArgumentError) as caught:
                plan.timeline("IRN-009", "2025-01-01")
            self.assertEqual(caught.exception.path, "as_of")
            with self.assertRaises(TypeError):
                plan.timeline(9, "2026-11-23")  # type: ignore[arg-type]


if __name__ == "__main__":
    unittest.main()
