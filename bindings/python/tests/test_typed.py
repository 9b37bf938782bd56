"""Results typed the Python way (Decimal, date, str enums) that round-trip to
the library's JSON; inputs the Python way, refused with their key path."""

from __future__ import annotations

import datetime
import json
import unittest
from decimal import Decimal
from typing import Any, Dict

import kare
from kare import _ffi

from .support import AS_OF, PlanTestCase, example_document

try:
    import numpy
except ImportError:  # the pandas and system-Python runs have it
    numpy = None  # type: ignore[assignment]

NEW_DEAL: Dict[str, Any] = {
    "id": "D-900", "account": "FLX-006", "amount": Decimal("125000.50"), "stage": "proposal",
    "opened": datetime.date(2026, 11, 1), "expected_close": datetime.date(2026, 12, 20),
}


def walk(value: Any) -> Any:
    """Every leaf of a nested document."""
    if isinstance(value, dict):
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)
    else:
        yield value


class TypedResultsTest(PlanTestCase):
    def test_placements_in_a_report_equal_their_enum_and_their_name(self) -> None:
        report = self.plan.report(AS_OF)
        first = report["accounts"][0]
        self.assertEqual(first["placement"], kare.Category.KEEP)
        self.assertEqual(first["placement"], "keep")
        self.assertIs(first["placement"], kare.Placement.KEEP)
        self.assertEqual(self.plan.placement("ACME-001"), "keep")
        self.assertIsInstance(report["as_of"], datetime.date)
        self.assertEqual(report["as_of"], datetime.date(2026, 11, 23))
        move = report["suggested_moves"][0]
        self.assertIsInstance(move["from"], kare.Placement)
        self.assertIsInstance(move["evidence"]["last_purchase"], datetime.date)

    def test_money_is_decimal_and_exact(self) -> None:
        pipeline = self.plan.pipeline(AS_OF)
        summary = pipeline["summary"]
        self.assertEqual(summary["total"], Decimal("1241000.00"))
        self.assertEqual(summary["bloat_ratio"]["value"], Decimal("0.6414"))  # type: ignore[index]
        open_deals = [d for d in pipeline["deals"] if d["outcome"] == kare.Outcome.OPEN]
        self.assertEqual(sum(d["amount"] for d in open_deals), summary["total"])
        self.assertTrue(all(isinstance(d["amount"], Decimal) for d in pipeline["deals"]))
        self.assertTrue(all(d["state"] is None or isinstance(d["state"], kare.HonestyState)
                            for d in pipeline["deals"]))
        terms = self.plan.report(AS_OF)["priorities"][0]["terms"]
        money = [v for k, v in terms.items() if k in ("qualified_pipeline", "win_probability", "cost")]
        self.assertTrue(all(isinstance(v, (int, Decimal)) for v in money), money)
        # No float anywhere: every fraction is exact.
        for document in (self.plan.report(AS_OF), pipeline, self.plan.progress(AS_OF)):
            self.assertFalse([v for v in walk(document) if isinstance(v, float)])

    def test_typed_documents_round_trip_to_the_library_json(self) -> None:
        texts = {
            "report": self.plan.report_json(AS_OF),
            "pipeline": self.plan.pipeline_json(AS_OF),
            "progress": self.plan.progress_json(AS_OF),
            "plan": self.plan.to_json(),
        }
        for name, text in texts.items():
            with self.subTest(document=name):
                typed = kare.loads(text)
                self.assertEqual(json.loads(kare.dumps(typed)), json.loads(text))
        self.assertEqual(kare.loads(texts["report"]), self.plan.report(AS_OF))
        # A plan read back from its typed form is the same plan.
        with kare.Plan.from_dict(kare.loads(texts["plan"])) as again:
            self.assertEqual(again.to_json(), texts["plan"])

    def test_ids_and_names_are_never_converted(self) -> None:
        document = example_document()
        document["accounts"][0]["name"] = "2026-11-23"
        document["accounts"][0]["attributes"]["champion"] = "keep"
        with kare.Plan.from_dict(document) as plan:
            account = plan.account("ACME-001")
        self.assertEqual(type(account["name"]), str)
        self.assertEqual(type(account["attributes"]["champion"]), str)


class PythonInputsTest(PlanTestCase):
    def test_dates_and_decimals_are_accepted(self) -> None:
        self.plan.add_deal(NEW_DEAL)
        deal = next(d for d in self.plan.deals() if d["id"] == "D-900")
        self.assertEqual(deal["amount"], Decimal("125000.50"))
        self.assertEqual(deal["opened"], datetime.date(2026, 11, 1))
        self.plan.add_activity({"date": datetime.date(2026, 11, 20), "rep": "maya",
                                "account": "FLX-006", "activity": "expand_meeting"})
        account = dict(self.plan.account("FLX-006"))
        account.pop("placement")
        account["attributes"]["seats"] = Decimal("310")
        account["attributes"]["renewal_date"] = datetime.date(2027, 5, 31)
        self.plan.replace_account(account)
        again = self.plan.account("FLX-006")["attributes"]
        self.assertEqual(again["seats"], 310)
        self.assertEqual(again["renewal_date"], datetime.date(2027, 5, 31))

    def test_a_float_amount_is_refused_by_the_library_with_its_path(self) -> None:
        with self.assertRaises(kare.InvalidPlanError) as caught:
            self.plan.add_deal(dict(NEW_DEAL, amount=125000.5))
        self.assertTrue((caught.exception.path or "").endswith(".amount"), caught.exception.path)

    def test_values_json_cannot_hold_are_refused_with_their_path(self) -> None:
        cases = {
            "deal.amount": dict(NEW_DEAL, amount=Decimal("NaN")),
            "deal.evidence[0].date": dict(NEW_DEAL, evidence=[
                {"type": "pain", "date": datetime.datetime(2026, 11, 2, 9, 30), "source": "call"}]),
            "deal.stage": dict(NEW_DEAL, stage={"proposal"}),
        }
        for path, deal in cases.items():
            with self.subTest(path=path):
                with self.assertRaises(kare.InvalidArgumentError) as caught:
                    self.plan.add_deal(deal)
                self.assertEqual(caught.exception.path, path)
                self.assertIn(path, str(caught.exception))
        with self.assertRaises(TypeError):  # a wrong type is also a TypeError
            self.plan.add_deal(cases["deal.stage"])
        self.assertEqual(self.plan.deal_count(), len(example_document()["deals"]))

    def test_nan_names_its_place(self) -> None:
        document = example_document()
        document["accounts"][3]["attributes"]["seats"] = float("nan")
        with self.assertRaises(kare.InvalidArgumentError) as caught:
            kare.Plan.from_dict(document)
        self.assertEqual(caught.exception.path, "document.accounts[3].attributes.seats")
        with self.assertRaises(kare.InvalidArgumentError):
            kare.dumps({"x": float("inf")})
        with self.assertRaises(kare.InvalidTypeError):
            kare.dumps({(1, 2): "not a str key"})

    @unittest.skipIf(numpy is None, "numpy is not installed for this Python")
    def test_numpy_scalars_are_accepted(self) -> None:
        account = {"id": "NP-1", "name": "Numpy Inc", "owner": "leo", "relationship": "prospect",
                   "attributes": {"seats": numpy.int64(75), "growth_potential": numpy.str_("high"),
                                  "risk": "low", "favourable_decision_makers": numpy.bool_(True)}}
        self.plan.add_account(account)
        attributes = self.plan.account("NP-1")["attributes"]
        self.assertEqual(attributes["seats"], 75)
        self.assertIs(attributes["favourable_decision_makers"], True)
        with self.assertRaises(kare.InvalidArgumentError) as caught:
            self.plan.add_account(dict(account, id="NP-2", attributes={"seats": numpy.float64("nan")}))
        self.assertEqual(caught.exception.path, "account.attributes.seats")


class TablesTest(PlanTestCase):
    def test_placements_come_from_one_call_and_agree_with_each_account(self) -> None:
        placements = self.plan.placements()
        self.assertEqual(list(placements)[:2], ["ACME-001", "BRT-002"])
        self.assertEqual(len(placements), 26)
        for account_id, placement in placements.items():
            self.assertIs(placement, self.plan.placement(account_id))
        maya = self.plan.placements(rep="maya")
        self.assertEqual(len(maya), 13)
        self.assertEqual(maya, {k: v for k, v in placements.items() if k in maya})
        with self.assertRaises(kare.NotFoundError):
            self.plan.placements(rep="nobody")
        with kare.Plan.from_dict({"format": "kare-plan", "version": 1}) as empty:
            self.assertEqual(empty.placements(), {})

    def test_placements_build_no_report(self) -> None:
        def no_report(*arguments: Any) -> int:
            raise AssertionError("placements() built a report")
        for name in ("kare_report_new", "kare_report_new_with_options"):
            self.addCleanup(setattr, _ffi.lib, name, getattr(_ffi.lib, name))
            setattr(_ffi.lib, name, no_report)
        self.assertEqual(len(self.plan.placements()), 26)
        self.assertEqual(len(self.plan.accounts()), 26)
        with self.assertRaises(AssertionError):
            self.plan.report(AS_OF)

    def test_accounts_are_flat_records_with_their_placement(self) -> None:
        accounts = self.plan.accounts()
        self.assertEqual(len(accounts), 26)
        first = accounts[0]
        self.assertEqual(first["id"], "ACME-001")
        self.assertIs(first["placement"], kare.Placement.KEEP)
        self.assertEqual(first["seats"], 120)  # type: ignore[typeddict-item]
        self.assertEqual(first["renewal_date"], datetime.date(2027, 3, 31))  # type: ignore[typeddict-item]
        self.assertFalse([k for a in accounts for k, v in a.items() if isinstance(v, dict)])
        self.assertEqual([a["id"] for a in self.plan.accounts(rep="leo")],
                         [i for i, _ in self.plan.placements(rep="leo").items()])

    def test_one_account(self) -> None:
        evergreen = self.plan.account("EVR-005")
        self.assertEqual(evergreen["placement"], kare.Placement.UNASSIGNED)
        self.assertEqual(evergreen["name"], "Evergreen Retail")
        with self.assertRaises(kare.NotFoundError):
            self.plan.account("NOPE")

    def test_deals_reps_and_findings(self) -> None:
        deals = self.plan.deals()
        self.assertEqual(len(deals), self.plan.deal_count())
        self.assertIsInstance(deals[0]["amount"], Decimal)
        self.assertIsInstance(deals[0]["expected_close"], datetime.date)
        self.assertFalse([k for d in deals for k, v in d.items() if isinstance(v, dict)])
        stalled = next(d for d in deals if d["id"] == "D-105")
        self.assertIsInstance(stalled["stall.resume_on"], datetime.date)  # type: ignore[typeddict-item]
        self.assertEqual([r["id"] for r in self.plan.reps()], ["maya", "leo"])
        findings = self.plan.findings(AS_OF)
        self.assertEqual(len(findings), len(self.plan.report(AS_OF)["findings"]))
        self.assertEqual(findings[0]["subject_id"], "CDR-003")
        self.assertEqual(set(findings[0]), {"code", "severity", "subject_kind", "subject_id",
                                            "message", "figures"})

    def test_classify_yields_the_batch_results_typed(self) -> None:
        accounts = [dict(a, id=f"{a['id']}-copy") for a in example_document()["accounts"]]
        for account in accounts:
            account.pop("placement", None)
            account.pop("history", None)
            account.pop("fire_action", None)
        lines = "".join(json.dumps(a) + "\n" for a in accounts)
        expected = [kare.loads(line) for line in self.plan.classify_jsonl(lines).splitlines()]
        results = list(self.plan.classify(iter(accounts), chunk=4))
        self.assertEqual(results, expected)
        self.assertIsInstance(results[0]["placement"], kare.Placement)

    def test_classify_counts_lines_over_the_whole_input(self) -> None:
        good = {"id": "P", "name": "P", "owner": "maya", "relationship": "prospect"}
        accounts = [dict(good, id=f"P-{i}") for i in range(5)]
        accounts[4]["relationship"] = "friend"
        with self.assertRaises(kare.InvalidPlanError) as caught:
            list(self.plan.classify(accounts, chunk=2))
        self.assertTrue((caught.exception.path or "").startswith("line 5:"), caught.exception.path)
        results = list(self.plan.classify(accounts, chunk=2, skip_invalid=True))
        self.assertEqual(results[4]["line"], 5)
        with self.assertRaises(TypeError):
            list(self.plan.classify('{"id": "x"}'))  # type: ignore[arg-type]


class NotebookTest(PlanTestCase):
    def test_the_map_draws_and_prints(self) -> None:
        kare_map = self.plan.map(AS_OF)
        self.assertIn("<svg", kare_map._repr_svg_())
        self.assertEqual(kare_map._repr_svg_(), self.plan.map_svg(AS_OF))
        text = str(kare_map).splitlines()
        self.assertEqual(text[0], "KARE map, as of 2026-11-23")
        self.assertEqual(text[1], "KEEP (6): ACME-001, BRT-002, CDR-003, DLT-004, UMB-021, VRT-022")
        self.assertEqual(text[-1], "FIRED (2): IRN-009, QRT-017")
        self.assertIn("KEEP", str(self.plan.map(AS_OF, rep="maya")))

    def test_the_review_shows_as_html(self) -> None:
        page = self.plan.review_page(AS_OF)
        self.assertTrue(page._repr_html_().lstrip().lower().startswith("<!doctype html"))
        self.assertIn("AS OF", repr(page).upper())


if __name__ == "__main__":
    unittest.main()
