"""Text the library refuses is refused as a kare error, from Python too."""

from __future__ import annotations

import kare

from .support import AS_OF, PlanTestCase


class BadTextTest(PlanTestCase):
    def test_a_lone_surrogate_is_a_kare_error(self) -> None:
        before = self.plan.to_json()
        with self.assertRaises(kare.InvalidArgumentError) as caught:
            self.plan.move("DLT-004", "expand", AS_OF, "bad \udcff reason")
        self.assertIn("reason", str(caught.exception))
        self.assertIn("character 4", str(caught.exception))
        with self.assertRaises(kare.InvalidArgumentError):
            self.plan.remove_account("EVR-\ud800")
        self.assertEqual(self.plan.to_json(), before)

    def test_a_control_character_in_a_name_is_refused_by_the_library(self) -> None:
        before = self.plan.to_json()
        with self.assertRaises(kare.InvalidArgumentError) as caught:
            self.plan.fire("DLT-004", AS_OF, "why", "end\x1brelationship")
        self.assertIn("action", str(caught.exception))
        self.assertIn("at byte 3", str(caught.exception))
        self.assertEqual(self.plan.to_json(), before)
