"""Plan.import_csv and kare.builtin_mapping: CRM exports into a plan."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import unittest
from pathlib import Path

import kare

from .support import AS_OF, REPO, example_plan

IMPORTS = REPO / "docs" / "examples" / "import"
SALESFORCE = [IMPORTS / name for name in (
    "salesforce-tasks.csv", "salesforce-opportunities.csv", "salesforce-accounts.csv",
    "salesforce-products.csv")]
BAD_AMOUNT = (
    "Record ID,Deal Name,Deal Stage,Amount,Deal owner,Close Date,Last Activity Date,"
    "Create Date,Associated Company IDs\n"
    "7105,Acme more,Contract Sent,\"$18,000\",Maya Chen,2027-03-31 00:00,,2026-10-15 09:00,9001\n")


def empty_plan() -> kare.Plan:
    return kare.Plan.from_dict({"format": "kare-plan", "version": 1})


class BuiltinMappingTest(unittest.TestCase):
    def test_the_shipped_mappings_are_the_documented_files(self) -> None:
        for name in ("hubspot", "salesforce"):
            with self.subTest(name):
                self.assertEqual(json.loads(kare.builtin_mapping(name)),
                                 json.loads((IMPORTS / f"{name}-mapping.json").read_text()))

    def test_an_unknown_name_is_not_found(self) -> None:
        with self.assertRaises(kare.NotFoundError) as caught:
            kare.builtin_mapping("pipedrive")
        self.assertIn("pipedrive", str(caught.exception))

    def test_the_name_is_checked(self) -> None:
        with self.assertRaises(TypeError):
            kare.builtin_mapping(b"hubspot")  # type: ignore[arg-type]
        with self.assertRaises(kare.InvalidArgumentError):
            kare.builtin_mapping("hub\0spot")


class ImportCsvTest(unittest.TestCase):
    def setUp(self) -> None:
        self.plan = empty_plan()
        self.addCleanup(self.plan.close)

    def test_paths_in_any_order_apply_products_first(self) -> None:
        report = self.plan.import_csv(kare.builtin_mapping("salesforce"), SALESFORCE, AS_OF)
        self.assertEqual(report["format"], "kare-import-report")
        self.assertEqual([f["kind"] for f in report["files"]],
                         ["products", "accounts", "deals", "activities"])
        self.assertEqual(report["files"][0]["source"], str(IMPORTS / "salesforce-products.csv"))
        self.assertEqual(report["files"][3]["skipped"], 1)
        self.assertEqual(len(self.plan), report["files"][1]["added"])
        self.assertEqual(self.plan.deal_count(), report["files"][2]["added"])

    def test_the_same_plan_as_the_command_line_tool(self) -> None:
        tool = os.environ.get("KARE_CLI")
        if not tool:
            self.skipTest("KARE_CLI does not name the kare tool")
        with example_plan() as plan:
            plan.import_csv(kare.builtin_mapping("salesforce"), SALESFORCE, AS_OF)
            ours = plan.to_json()
        theirs = subprocess.run(
            [tool, "import", *map(str, SALESFORCE), "--mapping", "salesforce",
             "--into", str(REPO / "docs" / "examples" / "harbor-analytics.json"),
             "--as-of", AS_OF], capture_output=True, text=True, check=True).stdout
        self.assertEqual(ours, theirs)

    def test_names_and_texts_as_a_dict_or_pairs(self) -> None:
        files = {path.name: path.read_text() for path in SALESFORCE}
        report = self.plan.import_csv(kare.builtin_mapping("salesforce"), files, AS_OF)
        self.assertEqual(report["files"][0]["source"], "salesforce-products.csv")
        again = self.plan.import_csv(
            json.loads(kare.builtin_mapping("salesforce")),
            [(name, text.encode()) for name, text in files.items()], "2026-11-24")
        self.assertEqual([f["added"] for f in again["files"]], [0, 0, 0, 0])
        self.assertEqual([f["updated"] for f in again["files"]],
                         [f["added"] for f in report["files"]][:3] + [0])

    def test_a_bad_cell_names_its_file_row_and_column_and_changes_nothing(self) -> None:
        before = self.plan.to_json()
        companies = (IMPORTS / "hubspot-companies.csv").read_text()
        with self.assertRaises(kare.InvalidPlanError) as caught:
            self.plan.import_csv(kare.builtin_mapping("hubspot"),
                                 {"companies.csv": companies, "deals.csv": BAD_AMOUNT}, AS_OF)
        self.assertEqual(caught.exception.path, "deals.csv, row 2, column 4 (Amount)")
        self.assertEqual(self.plan.to_json(), before)

    def test_a_bad_mapping_names_its_path(self) -> None:
        mapping = json.loads(kare.builtin_mapping("hubspot"))
        mapping["tables"][0]["columns"]["nmae"] = "Company name"
        with self.assertRaises(kare.InvalidArgumentError) as caught:
            self.plan.import_csv(mapping, [], AS_OF)
        self.assertEqual(caught.exception.path, "mapping: tables[0].columns.nmae")
        with self.assertRaises(kare.ParseError):
            self.plan.import_csv("{", [], AS_OF)

    def test_a_file_the_mapping_does_not_fit(self) -> None:
        with self.assertRaises(kare.InvalidArgumentError) as caught:
            self.plan.import_csv(kare.builtin_mapping("hubspot"),
                                 {"contacts.csv": "Name,Phone\nAda,555\n"}, AS_OF)
        self.assertTrue((caught.exception.path or "").startswith("contacts.csv"))

    def test_an_unreadable_path(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            missing = Path(folder) / "missing.csv"
            with self.assertRaises(kare.KareIOError) as caught:
                self.plan.import_csv(kare.builtin_mapping("hubspot"), [missing], AS_OF)
            self.assertIsInstance(caught.exception, FileNotFoundError)
            self.assertEqual(caught.exception.path, str(missing))
            self.assertEqual(caught.exception.filename, str(missing))

    def test_arguments_are_checked(self) -> None:
        mapping = kare.builtin_mapping("hubspot")
        with self.assertRaises(TypeError):
            self.plan.import_csv(mapping, "accounts.csv", AS_OF)  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            self.plan.import_csv(mapping, ["accounts.csv"], AS_OF)  # type: ignore[list-item]
        with self.assertRaises(TypeError):
            self.plan.import_csv(mapping, [("a.csv", 42)], AS_OF)  # type: ignore[list-item]
        with self.assertRaises(kare.InvalidArgumentError):
            self.plan.import_csv(mapping, {"a\0.csv": "x"}, AS_OF)
        with self.assertRaises(kare.InvalidArgumentError):
            self.plan.import_csv(mapping, {"a.csv": "Record ID\0"}, AS_OF)
        with self.assertRaises(kare.InvalidArgumentError):
            self.plan.import_csv(mapping, [], "23/11/2026")

    def test_a_closed_plan(self) -> None:
        self.plan.close()
        with self.assertRaises(kare.ClosedPlanError):
            self.plan.import_csv(kare.builtin_mapping("hubspot"), [], AS_OF)


if __name__ == "__main__":
    unittest.main()
