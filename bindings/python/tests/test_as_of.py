"""The plan as it stood on a past date, and reports as of that date."""

from __future__ import annotations

import datetime
import unittest

import kare

from .support import account, example_plan


class AsOfTest(unittest.TestCase):
    def test_the_plan_at_the_end_of_august(self) -> None:
        with example_plan() as plan:
            before = plan.to_json()
            with plan.as_of(datetime.date(2026, 8, 31)) as past:
                # Ironwood Mills was fired on 2026-09-15.
                self.assertEqual(past.placement("IRN-009"), "keep")
                self.assertEqual(plan.placement("IRN-009"), "fired")
                # Nova Robotics was added on 2026-09-01.
                self.assertNotIn("NVA-014", past)
                self.assertEqual(len(past), 23)
                self.assertEqual(past.deal_count(), 8)
            self.assertEqual(plan.to_json(), before)

    def test_reports_count_the_facts_left_out(self) -> None:
        with example_plan() as plan:
            report = plan.report("2026-08-31")
            self.assertEqual(report["facts_ignored"]["total"], 233)
            self.assertEqual(report["facts_ignored"]["deals"], 7)
            self.assertEqual(account(report, "IRN-009")["placement"], "keep")
            self.assertEqual(plan.pipeline("2026-08-31")["facts_ignored"]["evidence"], 2)
            self.assertNotIn("facts_ignored", plan.report("2026-11-23"))

    def test_a_date_before_the_first_fact_is_refused(self) -> None:
        with example_plan() as plan:
            with self.assertRaises(kare.InvalidArgumentError) as caught:
                plan.as_of("2026-01-31")
            self.assertEqual(caught.exception.path, "as_of")
            with self.assertRaises(kare.InvalidArgumentError) as caught:
                plan.report("2026-01-31")
            self.assertEqual(caught.exception.path, "as_of")


if __name__ == "__main__":
    unittest.main()
