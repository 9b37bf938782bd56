"""pandas takes kare's records as they are, and sums money exactly.

Skipped where pandas is missing, except under the python.pandas CTest
(KARE_REQUIRE_PANDAS=1), which runs where Debian's python3-pandas is."""

from __future__ import annotations

import os
import unittest
from decimal import Decimal

import kare

from .support import AS_OF, PlanTestCase

try:
    import pandas
except ImportError:
    if os.environ.get("KARE_REQUIRE_PANDAS") == "1":
        raise
    pandas = None


@unittest.skipIf(pandas is None, "pandas is not installed for this Python")
class PandasTest(PlanTestCase):
    def test_pipeline_amounts_sum_exactly_by_rep(self) -> None:
        pipeline = self.plan.pipeline(AS_OF)
        deals = pandas.DataFrame(pipeline["deals"])
        open_deals = deals[deals["outcome"] == kare.Outcome.OPEN]
        by_rep = open_deals.groupby("rep")["amount"].sum()
        expected = {r["rep"]: r["totals"]["total"] for r in pipeline["by_rep"]}
        self.assertEqual(by_rep.to_dict(), expected)
        self.assertEqual(by_rep.to_dict(), {"leo": Decimal("895000.00"), "maya": Decimal("346000.00")})
        self.assertTrue(all(isinstance(v, Decimal) for v in by_rep))
        # Exact where floats are not: a cent a million times.
        cents = pandas.Series([Decimal("0.01")] * 1_000_000).sum()
        self.assertEqual(cents, Decimal("10000.00"))

    def test_accounts_and_findings_are_frames_as_they_are(self) -> None:
        accounts = pandas.DataFrame(self.plan.accounts())
        self.assertEqual(len(accounts), 26)
        counts = accounts.groupby("placement").size().to_dict()
        summary = self.plan.report(AS_OF)["summary"]
        self.assertEqual(counts, {k: v for k, v in summary.items() if k != "total"})
        self.assertEqual(accounts.loc[accounts["id"] == "ACME-001", "seats"].item(), 120)
        self.assertEqual(list(accounts[accounts["placement"] == kare.Placement.FIRED]["id"]),
                         ["IRN-009", "QRT-017"])
        findings = pandas.DataFrame(self.plan.findings(AS_OF))
        self.assertEqual(findings.groupby("severity").size().to_dict(), {"info": 6, "warning": 26})

    def test_a_frame_row_goes_back_in(self) -> None:
        accounts = pandas.DataFrame(self.plan.accounts())
        row = accounts[accounts["id"] == "ACME-001"].iloc[0]
        # numpy scalars from the frame are accepted as they come.
        record = {"id": "ACME-002", "name": row["name"], "owner": row["owner"],
                  "relationship": row["relationship"],
                  "attributes": {"seats": row["seats"], "industry": row["industry"]}}
        self.plan.add_account(record)
        self.assertEqual(self.plan.account("ACME-002")["attributes"]["seats"], row["seats"])


if __name__ == "__main__":
    unittest.main()
