"""The review document and its scoreboard, typed: the example's figures as
the C++ suite pins them by hand, and one rep narrowing to one row."""

from __future__ import annotations

import json
from decimal import Decimal

import kare

from .support import AS_OF, PlanTestCase


class ScoreboardTest(PlanTestCase):
    def test_rows_per_rep_and_the_team(self) -> None:
        board = self.plan.scoreboard(AS_OF)
        self.assertEqual([row["rep"] for row in board["reps"]], ["maya", "leo"])
        maya, leo = board["reps"]
        self.assertEqual(maya["accounts"], {"keep": 4, "attain": 0, "recapture": 1, "expand": 4,
                                            "unassigned": 3, "fired": 1})
        self.assertEqual(leo["in_focus"]["attain"], 2)
        self.assertEqual((leo["targets"], leo["targets_behind"]), (6, 3))
        self.assertEqual(maya["effort"]["share_percent"]["keep"], 26)
        self.assertEqual(maya["effort"]["intended_percent"]["keep"], 6)  # type: ignore[index]
        self.assertEqual(maya["pipeline"]["honest_total"], Decimal("205000.00"))
        self.assertEqual(maya["findings"], {"error": 0, "warning": 13, "info": 3})
        team = board["team"]
        self.assertIsNone(team["rep"])
        self.assertIsNone(team["effort"]["intended_percent"])
        self.assertEqual(team["pipeline"]["total"], Decimal("1241000.00"))
        self.assertEqual(team["pipeline"]["bloat_ratio"]["value"], Decimal("0.6414"))  # type: ignore[index]

    def test_worst_findings_index_the_review_findings(self) -> None:
        review = self.plan.review_document(AS_OF)
        self.assertEqual(review["format"], "kare-review")
        leo = review["scoreboard"]["reps"][1]
        worst = [review["findings"][i]["subject"]["id"] for i in leo["worst_findings"]]
        self.assertEqual(worst, ["RDG-018", "UMB-021", "UMB-021"])

    def test_one_rep_narrows_to_one_row(self) -> None:
        board = self.plan.scoreboard(AS_OF, rep="leo")
        self.assertEqual([row["rep"] for row in board["reps"]], ["leo"])
        self.assertEqual(board["team"]["accounts"], board["reps"][0]["accounts"])
        with self.assertRaises(kare.NotFoundError):
            self.plan.scoreboard(AS_OF, rep="nobody")

    def test_the_review_json_is_the_library_text(self) -> None:
        text = self.plan.review_json(AS_OF)
        self.assertIn('"scoreboard"', text)
        self.assertEqual(json.loads(text)["scoreboard"]["team"]["targets"], 12)
        self.assertNotIn('"scoreboard"', self.plan.report_json(AS_OF))
