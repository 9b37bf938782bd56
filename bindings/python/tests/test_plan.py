"""Every public method of kare.Plan, on the bundled example plan."""

from __future__ import annotations

import datetime
import json
import os
import pickle
import tempfile
import unittest
from typing import Any
from pathlib import Path

import kare

from .support import AS_OF, EXAMPLE, PlanTestCase, account, example_document


class LoadingTest(unittest.TestCase):
    def test_from_file_accepts_str_and_path(self) -> None:
        paths: "tuple[str | os.PathLike[str], ...]" = (str(EXAMPLE), EXAMPLE)
        for path in paths:
            with kare.Plan.from_file(path) as plan:
                self.assertEqual(len(plan), 26)

    def test_from_json_accepts_str_and_bytes(self) -> None:
        text = EXAMPLE.read_text(encoding="utf-8")
        documents: "tuple[str | bytes, ...]" = (text, text.encode("utf-8"))
        for document in documents:
            with kare.Plan.from_json(document) as plan:
                self.assertEqual(len(plan), 26)

    def test_from_dict(self) -> None:
        with kare.Plan.from_dict(example_document()) as plan:
            self.assertEqual(len(plan), 26)

    def test_a_minimal_document_is_an_empty_plan(self) -> None:
        with kare.Plan.from_dict({"format": "kare-plan", "version": 1}) as plan:
            self.assertEqual(len(plan), 0)
            self.assertEqual(plan.placements(), {})

    def test_wrong_types_are_type_errors(self) -> None:
        with self.assertRaises(TypeError):
            kare.Plan.from_json(123)  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            kare.Plan.from_json({"format": "kare-plan"})  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            kare.Plan.from_dict("{}")  # type: ignore[arg-type]

    def test_plans_are_made_by_the_class_methods_only(self) -> None:
        with self.assertRaises(TypeError):
            kare.Plan()


class DocumentTest(PlanTestCase):
    def test_rep_count(self) -> None:
        self.assertEqual(self.plan.rep_count(), len(self.plan.to_dict()["reps"]))
        with kare.Plan.from_dict({"format": "kare-plan", "version": 1}) as empty:
            self.assertEqual(empty.rep_count(), 0)

    def test_round_trip_gives_the_same_text(self) -> None:
        first = self.plan.to_json()
        with kare.Plan.from_json(first) as again:
            self.assertEqual(again.to_json(), first)
        with kare.Plan.from_dict(self.plan.to_dict()) as again:
            self.assertEqual(again.to_json(), first)

    def test_to_dict_is_the_document(self) -> None:
        document = self.plan.to_dict()
        self.assertEqual(document, json.loads(self.plan.to_json()))
        self.assertEqual(document["format"], "kare-plan")
        self.assertEqual(document["accounts"], example_document()["accounts"])

    def test_save_writes_the_document(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "plan.json"
            self.plan.save(target)
            self.assertEqual(target.read_text(encoding="utf-8"), self.plan.to_json())
            self.plan.save(str(target))  # replaces it
            self.assertEqual(os.listdir(folder), ["plan.json"])  # no temporary left

    def test_save_keeps_file_permissions(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            umask = os.umask(0o022)
            self.addCleanup(os.umask, umask)
            fresh = Path(folder) / "fresh.json"
            self.plan.save(fresh)
            self.assertEqual(fresh.stat().st_mode & 0o777, 0o644)
            existing = Path(folder) / "existing.json"
            existing.write_text("{}")
            existing.chmod(0o640)
            self.plan.save(existing)
            self.assertEqual(existing.stat().st_mode & 0o777, 0o640)

    def test_a_failed_save_leaves_nothing_behind(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            with self.assertRaises(OSError):
                self.plan.save(Path(folder) / "missing" / "plan.json")
            target = Path(folder) / "plan.json"
            target.mkdir()  # os.replace cannot replace a folder with a file
            with self.assertRaises(OSError):
                self.plan.save(target)
            self.assertEqual(os.listdir(folder), ["plan.json"])

    def test_copy_is_independent(self) -> None:
        with self.plan.copy() as other:
            other.remove_account("LMN-012")
            self.assertEqual(len(other), 25)
        self.assertEqual(len(self.plan), 26)

    def test_pickle_round_trip(self) -> None:
        with pickle.loads(pickle.dumps(self.plan)) as other:
            self.assertIsInstance(other, kare.Plan)
            self.assertEqual(other.to_json(), self.plan.to_json())

    def test_repr(self) -> None:
        self.assertEqual(repr(self.plan), "<Plan with 26 accounts>")


class RepsTest(PlanTestCase):
    def test_a_new_seller_and_their_account(self) -> None:
        self.plan.add_rep({"id": "ana", "name": "Ana", "style": "hunter"})
        self.assertEqual(self.plan.rep_count(), 3)
        self.plan.add_account({"id": "ANA-1", "name": "New", "owner": "ana",
                               "relationship": "prospect"})
        self.assertIn("ANA-1", self.plan)

    def test_refusals(self) -> None:
        before = self.plan.to_json()
        with self.assertRaises(kare.ConflictError) as caught:
            self.plan.add_rep('{"id": "maya"}')
        self.assertEqual(caught.exception.path, "reps[2].id")
        with self.assertRaises(kare.InvalidPlanError) as caught:
            self.plan.add_rep({"id": "bo", "style": "closer"})
        self.assertEqual(caught.exception.path, "reps[2].style")
        with self.assertRaises(kare.InvalidPlanError):
            self.plan.add_rep({"id": "bo", "region": "north"})
        self.assertEqual(self.plan.to_json(), before)


class SectionsTest(PlanTestCase):
    HEADER = {"format": "kare-plan", "version": 1}

    def test_new_profiles_place_the_accounts_again(self) -> None:
        self.assertEqual(self.plan.placement("NVA-014"), kare.Placement.ATTAIN)
        profiles = example_document()["profiles"]
        profiles["attain"]["rule"]["all"].append({"field": "seats", "ge": 1000000})
        self.plan.replace_sections(dict(self.HEADER, profiles=profiles))
        self.assertEqual(self.plan.placement("NVA-014"), kare.Placement.UNASSIGNED)
        self.assertEqual(self.plan.placement("PKR-016"), kare.Placement.ATTAIN)  # a decision
        self.assertEqual(self.plan.to_dict()["profiles"], profiles)

    def test_what_is_left_out_is_kept(self) -> None:
        before = self.plan.to_dict()
        self.plan.replace_sections(json.dumps(dict(self.HEADER, name="Renamed")))
        after = self.plan.to_dict()
        self.assertEqual(after.pop("name"), "Renamed")
        before.pop("name")
        self.assertEqual(after, before)

    def test_refusals_name_the_place_and_change_nothing(self) -> None:
        before = self.plan.to_json()
        reps = [r for r in example_document()["reps"] if r["id"] != "leo"]
        cases = [
            (dict(self.HEADER, accounts=[]), kare.InvalidPlanError, "accounts"),
            (dict(self.HEADER, deals=[]), kare.InvalidPlanError, "deals"),
            (dict(self.HEADER, reps=reps), kare.InvalidPlanError, None),
            ({"format": "kare-plan", "version": 9}, kare.UnsupportedVersionError, "version"),
            ({"name": "no header"}, kare.InvalidPlanError, "format"),
            ("{", kare.ParseError, None),
        ]
        for sections, error, path in cases:
            with self.subTest(sections=str(sections)[:60]):
                with self.assertRaises(error) as caught:
                    self.plan.replace_sections(sections)
                if path:
                    self.assertEqual(caught.exception.path, path)
        with self.assertRaises(kare.InvalidPlanError) as caught:
            self.plan.replace_sections(dict(self.HEADER, reps=reps))
        self.assertRegex(caught.exception.path or "", r"^accounts\[\d+\]\.owner$")
        with self.assertRaises(TypeError):
            self.plan.replace_sections(42)  # type: ignore[arg-type]
        self.assertEqual(self.plan.to_json(), before)


class AccountsTest(PlanTestCase):
    def test_len_is_the_account_count(self) -> None:
        self.assertEqual(len(self.plan), len(example_document()["accounts"]))

    def test_placement(self) -> None:
        self.assertIs(self.plan.placement("ACME-001"), kare.Placement.KEEP)  # by profile
        self.assertIs(self.plan.placement("HLX-008"), kare.Placement.EXPAND)  # by decision
        self.assertIs(self.plan.placement("IRN-009"), kare.Placement.FIRED)
        self.assertIs(self.plan.placement("EVR-005"), kare.Placement.UNASSIGNED)  # ambiguous
        self.assertIs(self.plan.placement("WLW-023"), kare.Placement.UNASSIGNED)  # by decision

    def test_contains(self) -> None:
        self.assertIn("ZPH-026", self.plan)
        self.assertNotIn("NOPE", self.plan)
        self.assertNotIn(42, self.plan)

    def test_placements_agree_with_placement(self) -> None:
        placements = self.plan.placements()
        ids = [a["id"] for a in example_document()["accounts"]]
        self.assertEqual(list(placements), ids)  # plan order
        for account_id, placement in placements.items():
            self.assertIs(placement, self.plan.placement(account_id), account_id)

    def test_placements_of_one_rep(self) -> None:
        leo = self.plan.placements(rep="leo")
        owners = {a["id"]: a["owner"] for a in example_document()["accounts"]}
        self.assertEqual(set(leo), {i for i, o in owners.items() if o == "leo"})

    def test_add_account_from_dict_and_json(self) -> None:
        new = account(example_document(), "ACME-001")
        new["id"] = "NEW-100"
        self.plan.add_account(new)
        self.assertEqual(len(self.plan), 27)
        self.assertIs(self.plan.placement("NEW-100"), kare.Placement.KEEP)
        new["id"] = "NEW-101"
        self.plan.add_account(json.dumps(new))
        self.assertEqual(account(self.plan.to_dict(), "NEW-101")["name"], "Acme Tooling")

    def test_remove_account(self) -> None:
        self.plan.remove_account("LMN-012")
        self.assertEqual(len(self.plan), 25)
        self.assertNotIn("LMN-012", self.plan)


class DecisionsTest(PlanTestCase):
    def test_assign_records_the_decision(self) -> None:
        self.plan.assign("EVR-005", kare.Category.EXPAND, datetime.date(2026, 11, 23),
                         "Largest account; five products.")
        self.assertIs(self.plan.placement("EVR-005"), kare.Placement.EXPAND)
        entry = account(self.plan.to_dict(), "EVR-005")
        self.assertEqual(entry["placement"], "expand")
        self.assertEqual(entry["history"], [{
            "date": "2026-11-23", "from": "open", "to": "expand",
            "reason": "Largest account; five products.",
        }])

    def test_assign_accepts_names_and_category_placements(self) -> None:
        self.plan.assign("RDG-018", "attain", "2026-11-23")
        self.assertIs(self.plan.placement("RDG-018"), kare.Placement.ATTAIN)
        self.plan.assign("LMN-012", kare.Placement.RECAPTURE, "2026-11-23")
        self.assertIs(self.plan.placement("LMN-012"), kare.Placement.RECAPTURE)

    def test_assigning_the_same_category_again_does_nothing(self) -> None:
        self.plan.assign("DLT-004", kare.Category.KEEP, AS_OF)
        self.assertEqual(len(account(self.plan.to_dict(), "DLT-004")["history"]), 1)

    def test_move(self) -> None:
        self.plan.move("HLX-008", kare.Placement.KEEP, "2026-11-23", "Rollout shelved.")
        self.assertIs(self.plan.placement("HLX-008"), kare.Placement.KEEP)
        self.plan.move("HLX-008", "unassigned", "2026-11-24", "Waiting for the new CIO.")
        self.assertIs(self.plan.placement("HLX-008"), kare.Placement.UNASSIGNED)
        self.plan.move("HLX-008", kare.Category.EXPAND, "2026-11-25", "Back on.")
        history = account(self.plan.to_dict(), "HLX-008")["history"]
        self.assertEqual([(h["from"], h["to"]) for h in history], [
            ("open", "expand"), ("expand", "keep"), ("keep", "unassigned"),
            ("unassigned", "expand"),
        ])

    def test_move_to_open_drops_the_decision(self) -> None:
        self.plan.move("WLW-023", kare.Placement.OPEN, AS_OF, "Budget cycle came early.")
        self.assertIs(self.plan.placement("WLW-023"), kare.Placement.ATTAIN)  # by profile

    def test_fire(self) -> None:
        self.plan.fire("MRD-013", AS_OF, "Low margin, high risk.", "end_relationship")
        self.assertIs(self.plan.placement("MRD-013"), kare.Placement.FIRED)
        entry = account(self.plan.to_dict(), "MRD-013")
        self.assertEqual(entry["fire_action"], "end_relationship")
        self.assertEqual(entry["history"][-1]["to"], "fired")


class ReportTest(PlanTestCase):
    def test_summary(self) -> None:
        report = self.plan.report(AS_OF)
        self.assertEqual(report["format"], "kare-report")
        self.assertEqual(report["as_of"], datetime.date.fromisoformat(AS_OF))
        self.assertIsNone(report["rep"])
        self.assertEqual(report["summary"], {
            "keep": 6, "attain": 4, "recapture": 4, "expand": 5,
            "fired": 2, "unassigned": 5, "total": 26,
        })

    def test_date_objects_and_strings_give_the_same_report(self) -> None:
        self.assertEqual(self.plan.report(datetime.date(2026, 11, 23)), self.plan.report(AS_OF))

    def test_findings_explain_themselves(self) -> None:
        findings = self.plan.report(AS_OF)["findings"]
        ambiguous = [f for f in findings if f["code"] == "account.ambiguous"]
        self.assertEqual([f["subject"]["id"] for f in ambiguous], ["EVR-005"])
        self.assertEqual(ambiguous[0]["figures"]["candidates"], ["keep", "expand"])
        contradicting = {f["subject"]["id"]: f["figures"]["failed"] for f in findings
                         if f["code"] == "account.contradicts_profile"}
        self.assertEqual(contradicting["HLX-008"], ["growth_potential = high", "at least 50 seats"])

    def test_failed_criteria_are_in_the_account_lines(self) -> None:
        helix = account(self.plan.report(AS_OF), "HLX-008")
        self.assertEqual(helix["basis"], "decision")
        failed = [c["criterion"] for c in helix["profiles"]["expand"]["checks"] if not c["held"]]
        self.assertEqual(failed, ["growth_potential = high", "at least 50 seats"])

    def test_report_of_one_rep(self) -> None:
        report = self.plan.report(AS_OF, rep="maya")
        self.assertEqual(report["rep"], "maya")
        self.assertTrue(all(a["owner"] == "maya" for a in report["accounts"]))
        self.assertEqual(report["summary"]["total"], 13)

    def test_explanations_on_demand(self) -> None:
        def explained(report: Any) -> set:
            return {a["id"] for a in report["accounts"]
                    if any("checks" in p for p in a["profiles"].values())}

        everyone = self.plan.report(AS_OF)
        self.assertEqual(self.plan.report(AS_OF, explain="all"), everyone)
        self.assertEqual(len(explained(everyone)), 26)
        none = self.plan.report(AS_OF, explain="none")
        self.assertEqual(explained(none), set())
        self.assertEqual(none["summary"], everyone["summary"])
        self.assertEqual(none["findings"], everyone["findings"])
        needed = explained(self.plan.report(AS_OF, explain="needed"))
        self.assertIn("EVR-005", needed)  # tie-broken
        self.assertIn("HLX-008", needed)  # contradicts its profile
        self.assertLess(len(needed), 26)
        self.assertEqual(explained(self.plan.report(AS_OF, explain="none",
                                                    explain_account="HLX-008")), {"HLX-008"})
        self.assertLess(len(self.plan.report_json(AS_OF, explain="none")),
                        len(self.plan.report_json(AS_OF)))

    def test_explanations_refused(self) -> None:
        with self.assertRaises(kare.InvalidArgumentError):
            self.plan.report(AS_OF, explain="some")
        with self.assertRaises(TypeError):
            self.plan.report(AS_OF, explain=None)  # type: ignore[arg-type]
        with self.assertRaises(kare.NotFoundError) as caught:
            self.plan.report(AS_OF, explain_account="NOBODY-1")
        self.assertIn("NOBODY-1", str(caught.exception))
        with self.assertRaises(kare.InvalidArgumentError):
            self.plan.report(AS_OF, explain_account="bad\udcff")
        with self.assertRaises(kare.NotFoundError):
            self.plan.report(AS_OF, rep="nobody")

    def test_a_decision_changes_the_report(self) -> None:
        self.plan.assign("EVR-005", kare.Category.EXPAND, AS_OF, "Largest account.")
        report = self.plan.report(AS_OF)
        self.assertEqual(report["summary"]["expand"], 6)
        self.assertNotIn("account.ambiguous", {f["code"] for f in report["findings"]})


class EnumTest(unittest.TestCase):
    def test_codes_match_the_c_api(self) -> None:
        self.assertEqual([c.code for c in kare.Category], [0, 1, 2, 3])
        self.assertEqual({p.name: p.code for p in kare.Placement}, {
            "KEEP": 0, "ATTAIN": 1, "RECAPTURE": 2, "EXPAND": 3,
            "FIRED": 4, "UNASSIGNED": 5, "OPEN": 6,
        })
        self.assertEqual([s.code for s in kare.HonestyState], [0, 1, 2, 3, 4])
        self.assertEqual([o.code for o in kare.Outcome], [0, 1, 2])
        # Found by code too, as when the values were the codes.
        self.assertIs(kare.Placement(4), kare.Placement.FIRED)
        self.assertIs(kare.Category(2), kare.Category.RECAPTURE)
        self.assertIs(kare.Placement.from_code(5), kare.Placement.UNASSIGNED)
        with self.assertRaises(ValueError):
            kare.Placement(7)
        with self.assertRaises(ValueError):
            kare.Placement(True)

    def test_members_equal_their_strings(self) -> None:
        for kind in (kare.Category, kare.Placement, kare.HonestyState, kare.Outcome):
            for member in kind:
                with self.subTest(member=member):
                    self.assertIsInstance(member, str)
                    self.assertEqual(member, member.name.lower())
                    self.assertEqual(member.value, member.label)
                    self.assertEqual(hash(member), hash(member.label))
                    self.assertEqual(str(member), member.label)
                    self.assertEqual(f"{member:>12}", f"{member.label:>12}")
                    self.assertEqual(json.dumps(member), json.dumps(member.label))
                    self.assertIs(kind(member.label), member)
                    self.assertIs(kind(member.name), member)
        self.assertEqual(kare.Category.KEEP, kare.Placement.KEEP)
        self.assertIn("keep", {kare.Placement.KEEP})
        self.assertEqual(sorted([kare.Placement.KEEP, kare.Placement.EXPAND]), ["expand", "keep"])

    def test_labels(self) -> None:
        self.assertEqual(kare.Category.RECAPTURE.label, "recapture")
        self.assertIs(kare.Category.from_label("Expand"), kare.Category.EXPAND)
        self.assertIs(kare.Placement.from_label("fired"), kare.Placement.FIRED)
        with self.assertRaises(ValueError):
            kare.Category.from_label("fired")
        with self.assertRaises(ValueError):
            kare.Placement.from_label("lost")
        self.assertEqual(kare.HonestyState.STALLED.label, "stalled")
        self.assertEqual(kare.Outcome.WON.label, "won")

    def test_category_and_placement_convert(self) -> None:
        for category in kare.Category:
            self.assertIs(category.placement.category, category)
        self.assertIsNone(kare.Placement.FIRED.category)


class ModuleTest(unittest.TestCase):
    def test_versions(self) -> None:
        self.assertRegex(kare.__version__, r"^\d+\.\d+\.\d+$")
        self.assertRegex(kare.library_version(), r"^\d+\.\d+\.\d+$")

    def test_finding_codes(self) -> None:
        codes = kare.finding_codes()
        names = [c["code"] for c in codes]
        self.assertEqual(len(names), len(set(names)))
        self.assertIn("account.ambiguous", names)
        for entry in codes:
            self.assertEqual(set(entry), {"code", "severity", "subject", "description"})
            self.assertIn(entry["severity"], {"info", "warning", "error"})
            self.assertIn(entry["subject"], {"plan", "account", "deal", "rep"})
        # Every code a report raises is in the table, with the same severity.
        severity = {c["code"]: c["severity"] for c in codes}
        with kare.Plan.from_file(EXAMPLE) as plan:
            for finding in plan.report(AS_OF)["findings"]:
                self.assertEqual(severity[finding["code"]], finding["severity"], finding["code"])

    def test_library_path(self) -> None:
        self.assertIn("kare", kare.library_path())

    def test_everything_exported_exists(self) -> None:
        for name in kare.__all__:
            self.assertTrue(hasattr(kare, name), name)

    def test_marked_as_typed(self) -> None:
        self.assertTrue((Path(kare.__file__).parent / "py.typed").exists())

    def test_public_callables_are_documented(self) -> None:
        for name in kare.__all__:
            value = getattr(kare, name)
            if callable(value):
                self.assertTrue(value.__doc__, name)
        for name, member in vars(kare.Plan).items():
            if callable(member) and not name.startswith("_"):
                self.assertTrue(member.__doc__, name)
        for name in ("from_json", "from_dict", "from_file"):
            self.assertTrue(getattr(kare.Plan, name).__doc__, name)


if __name__ == "__main__":
    unittest.main()
