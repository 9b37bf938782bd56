"""Every status code becomes the right exception, with its message and path."""

from __future__ import annotations

import ctypes
import datetime
import errno
import json
import os
import pickle
import tempfile
import threading
import unittest
from pathlib import Path
from typing import Optional, Type

import kare
from kare import _ffi, errors

from .support import AS_OF, EXAMPLE, PlanTestCase, example_document, example_plan


class ExceptionClassesTest(unittest.TestCase):
    def test_one_class_per_status(self) -> None:
        expected = {
            -1: (kare.InvalidArgumentError, "invalid_argument", ValueError),
            -2: (kare.ParseError, "parse_error", ValueError),
            -3: (kare.InvalidPlanError, "invalid_plan", ValueError),
            -4: (kare.NotFoundError, "not_found", LookupError),
            -5: (kare.ConflictError, "conflict", kare.Error),
            -6: (kare.LimitError, "limit_exceeded", ValueError),
            -7: (kare.UnsupportedVersionError, "unsupported_version", ValueError),
            -8: (kare.KareIOError, "io_error", OSError),
            -9: (kare.NoMemoryError, "out_of_memory", MemoryError),
            -10: (kare.InternalError, "internal", kare.Error),
        }
        for code, (cls, name, builtin) in expected.items():
            self.assertIs(errors.error_class(code), cls)
            self.assertEqual(cls.status, code)
            self.assertTrue(issubclass(cls, kare.Error))
            self.assertTrue(issubclass(cls, builtin))
            # The names are the library's own.
            self.assertEqual(_ffi.lib.kare_status_str(code).decode(), name)
            self.assertEqual(cls.default_status_name, name)

    def test_the_memory_error_is_named_as_in_c(self) -> None:
        # KARE_ERROR_NO_MEMORY is NoMemoryError; the former name is the same class.
        self.assertIs(kare.KareMemoryError, kare.NoMemoryError)
        self.assertIs(errors.error_class(errors.NO_MEMORY), kare.NoMemoryError)
        self.assertEqual(kare.NoMemoryError.__name__, "NoMemoryError")

    def test_errcheck_maps_every_status(self) -> None:
        # Statuses the library cannot be made to return on purpose (out of
        # memory, internal) still go through the same errcheck.
        for code in range(-1, -11, -1):
            with self.assertRaises(kare.Error) as caught:
                _ffi._raise_for_status(code, _ffi.lib.kare_plan_load, ())
            self.assertIs(type(caught.exception), errors.error_class(code))
            self.assertEqual(caught.exception.code, code)
            self.assertIn("kare_plan_load failed", caught.exception.message)

    def test_an_unknown_status_is_a_plain_error(self) -> None:
        with self.assertRaises(kare.Error) as caught:
            _ffi._raise_for_status(-42, _ffi.lib.kare_plan_load, ())
        self.assertIs(type(caught.exception), kare.Error)
        self.assertEqual(caught.exception.code, -42)
        self.assertEqual(caught.exception.status_name, "unknown")

    def test_text_and_pickling(self) -> None:
        error = kare.InvalidPlanError("'owner' is missing", code=-3, status_name="invalid_plan",
                                      path="accounts[0].owner")
        self.assertEqual(str(error), "'owner' is missing (at accounts[0].owner)")
        self.assertIn("path='accounts[0].owner'", repr(error))
        again = pickle.loads(pickle.dumps(error))
        self.assertIs(type(again), kare.InvalidPlanError)
        self.assertEqual((again.message, again.code, again.path),
                         (error.message, error.code, error.path))
        self.assertEqual(error.labelled_path, "accounts[0].owner")  # none given: the path

        labelled = kare.InvalidPlanError("'owner' is missing", path="accounts[0].owner",
                                         labelled_path="accounts[0] (ACME-001).owner")
        self.assertEqual(str(labelled), "'owner' is missing (at accounts[0] (ACME-001).owner)")
        again = pickle.loads(pickle.dumps(labelled))
        self.assertEqual((again.path, again.labelled_path), (labelled.path, labelled.labelled_path))


class LoadErrorsTest(unittest.TestCase):
    def assert_load_fails(self, document: object, cls: Type[kare.Error],
                          path: Optional[str] = None) -> kare.Error:
        with self.assertRaises(cls) as caught:
            if isinstance(document, dict):
                kare.Plan.from_dict(document)
            else:
                kare.Plan.from_json(document)  # type: ignore[arg-type]
        error = caught.exception
        self.assertIs(type(error), cls)
        self.assertEqual(error.code, cls.status)
        self.assertEqual(error.path, path)
        self.assertTrue(error.message)
        return error

    def test_parse_error(self) -> None:
        error = self.assert_load_fails("{", kare.ParseError)
        self.assertEqual(error.status_name, "parse_error")
        self.assertIn("line 1, column 2", error.message)
        self.assert_load_fails(b"\xff\xfe", kare.ParseError)

    def test_invalid_plan_carries_the_path(self) -> None:
        document = example_document()
        del document["accounts"][0]["owner"]
        error = self.assert_load_fails(document, kare.InvalidPlanError, "accounts[0].owner")
        self.assertEqual(str(error), "'owner' is missing (at accounts[0] (ACME-001).owner)")

        document = example_document()
        document["accounts"][3]["attributes"]["risk"] = 5
        error = self.assert_load_fails(document, kare.InvalidPlanError,
                                       "accounts[3].attributes.risk")
        # For a person the account is named by its id; .path stays the document's.
        self.assertEqual(error.labelled_path, "accounts[3] (DLT-004).attributes.risk")
        self.assertIn("(at accounts[3] (DLT-004).attributes.risk)", str(error))

    def test_deals_and_activities_are_named_in_a_document(self) -> None:
        document = example_document()
        document["deals"][2]["amount"] = "-1.00"
        error = self.assert_load_fails(document, kare.InvalidPlanError, "deals[2].amount")
        self.assertEqual(error.labelled_path, "deals[2] (D-103).amount")
        document = example_document()
        document["activities"][0]["rep"] = "ghost"
        error = self.assert_load_fails(document, kare.InvalidPlanError, "activities[0].rep")
        # An activity has no id: the account it was for names it.
        self.assertEqual(error.labelled_path, "activities[0] (VRT-022).rep")

    def test_conflict_in_a_document(self) -> None:
        document = example_document()
        document["accounts"][3]["id"] = "ACME-001"
        self.assert_load_fails(document, kare.ConflictError, "accounts[3].id")

    def test_unsupported_version(self) -> None:
        document = example_document()
        document["version"] = 2
        self.assert_load_fails(document, kare.UnsupportedVersionError, "version")

    def test_limit(self) -> None:
        self.assert_load_fails("[" * 100 + "]" * 100, kare.LimitError)

    def test_missing_file_is_an_io_error(self) -> None:
        with self.assertRaises(kare.KareIOError) as caught:
            kare.Plan.from_file("/nonexistent/plan.json")
        self.assertIsInstance(caught.exception, OSError)
        self.assertIn("/nonexistent/plan.json", str(caught.exception))

    def test_file_errors_are_the_builtin_os_errors(self) -> None:
        with self.assertRaises(FileNotFoundError) as missing:
            kare.Plan.from_file("/nonexistent/plan.json")
        self.assertIsInstance(missing.exception, kare.KareFileNotFoundError)
        self.assertEqual(missing.exception.errno, errno.ENOENT)
        self.assertEqual(missing.exception.filename, "/nonexistent/plan.json")
        self.assertEqual(missing.exception.strerror, os.strerror(errno.ENOENT))
        with tempfile.TemporaryDirectory() as folder:
            with self.assertRaises(IsADirectoryError) as folder_error:
                kare.Plan.from_file(Path(folder))
            self.assertEqual(folder_error.exception.errno, errno.EISDIR)
            self.assertIsInstance(folder_error.exception, kare.Error)
            with self.assertRaises(NotADirectoryError):
                kare.Plan.from_file(Path(EXAMPLE) / "plan.json")
        # Pickled (multiprocessing) with what makes it an OSError.
        again = pickle.loads(pickle.dumps(missing.exception))
        self.assertIsInstance(again, FileNotFoundError)
        self.assertEqual((again.errno, again.filename), (errno.ENOENT, "/nonexistent/plan.json"))

    @unittest.skipIf(os.geteuid() == 0, "root reads every file")
    def test_an_unreadable_file_is_a_permission_error(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            locked = Path(folder) / "plan.json"
            locked.write_text("{}")
            locked.chmod(0)
            with self.assertRaises(PermissionError) as caught:
                kare.Plan.from_file(locked)
            self.assertEqual(caught.exception.filename, str(locked))

    def test_document_errors_name_the_file(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            broken = Path(folder) / "broken.json"
            broken.write_text('{"format": "kare-plan",\n  "version": }')
            with self.assertRaises(kare.ParseError) as parse:
                kare.Plan.from_file(broken)
            self.assertTrue(parse.exception.message.startswith(f"{broken}: "), parse.exception)
            self.assertIn("line 2", str(parse.exception))
            self.assertEqual(parse.exception.filename, str(broken))
            again = pickle.loads(pickle.dumps(parse.exception))
            self.assertEqual((type(again), again.filename, str(again)),
                             (kare.ParseError, str(broken), str(parse.exception)))
            document = example_document()
            document["accounts"][0]["owner"] = "ghost"
            bad = Path(folder) / "bad-owner.json"
            bad.write_text(json.dumps(document))
            with self.assertRaises(kare.InvalidPlanError) as invalid:
                kare.Plan.from_file(bad)
            self.assertEqual(invalid.exception.path, "accounts[0].owner")
            self.assertIn(str(bad), str(invalid.exception))

    def test_save_names_its_target(self) -> None:
        with example_plan() as plan, tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "missing" / "plan.json"
            with self.assertRaises(FileNotFoundError) as caught:
                plan.save(target)
            self.assertEqual(caught.exception.filename, str(target))
            self.assertIn(str(target), str(caught.exception))
            self.assertNotIn(".tmp", str(caught.exception))
            (Path(folder) / "taken").mkdir()
            with self.assertRaises(IsADirectoryError) as replaced:
                plan.save(Path(folder) / "taken")
            self.assertEqual(replaced.exception.filename, str(Path(folder) / "taken"))
            self.assertEqual(sorted(os.listdir(folder)), ["taken"])

    def test_nul_in_a_file_name(self) -> None:
        with self.assertRaises(kare.InvalidArgumentError):
            kare.Plan.from_file("plan\0.json")

    def test_nan_is_not_json(self) -> None:
        document = example_document()
        document["accounts"][0]["attributes"]["seats"] = float("nan")
        with self.assertRaises(ValueError):
            kare.Plan.from_dict(document)


class CallErrorsTest(PlanTestCase):
    def test_not_found(self) -> None:
        calls = {
            "placement": lambda: self.plan.placement("NOPE"),
            "remove_account": lambda: self.plan.remove_account("NOPE"),
            "assign": lambda: self.plan.assign("NOPE", kare.Category.KEEP, AS_OF),
            "move": lambda: self.plan.move("NOPE", kare.Placement.KEEP, AS_OF, "r"),
            "fire": lambda: self.plan.fire("NOPE", AS_OF, "r", "end_relationship"),
            "report": lambda: self.plan.report(AS_OF, rep="ghost"),
            "placements": lambda: self.plan.placements(rep="ghost"),
        }
        for name, call in calls.items():
            with self.subTest(name), self.assertRaises(kare.NotFoundError) as caught:
                call()
            self.assertEqual(caught.exception.status_name, "not_found")
            self.assertIsInstance(caught.exception, LookupError)

    def test_not_found_names_the_id(self) -> None:
        with self.assertRaises(kare.NotFoundError) as caught:
            self.plan.placement("NOPE")
        self.assertEqual(str(caught.exception), "no account has the id 'NOPE'")

    def test_conflicts_leave_the_plan_unchanged(self) -> None:
        before = self.plan.to_json()
        with self.assertRaises(kare.ConflictError) as caught:
            self.plan.assign("DLT-004", kare.Category.ATTAIN, AS_OF)
        self.assertIn("deliberate move", caught.exception.message)
        with self.assertRaises(kare.ConflictError):
            self.plan.fire("IRN-009", AS_OF, "again", "end_relationship")
        duplicate = example_document()["accounts"][0]
        with self.assertRaises(kare.ConflictError):
            self.plan.add_account(duplicate)
        self.assertEqual(self.plan.to_json(), before)

    def test_invalid_account_names_its_path(self) -> None:
        new = example_document()["accounts"][0]
        new["id"] = "NEW-100"
        new["owner"] = "ghost"
        with self.assertRaises(kare.InvalidPlanError) as caught:
            self.plan.add_account(new)
        self.assertEqual(caught.exception.path, "accounts[26].owner")
        self.assertEqual(caught.exception.labelled_path, "accounts[26] (NEW-100).owner")
        activity = {"date": "2026-11-20", "rep": "ghost", "account": "ACME-001",
                    "activity": "dial"}
        with self.assertRaises(kare.InvalidPlanError) as caught:
            self.plan.add_activity(activity)
        self.assertEqual(caught.exception.path, "activities[214].rep")
        self.assertEqual(caught.exception.labelled_path, "activities[214] (ACME-001).rep")
        with self.assertRaises(kare.ParseError):
            self.plan.add_account("{")

    def test_invalid_arguments(self) -> None:
        before = self.plan.to_json()
        calls = {
            "impossible date": lambda: self.plan.assign("EVR-005", "keep", "2026-13-01"),
            "date in another format": lambda: self.plan.report("23/11/2026"),
            "empty date": lambda: self.plan.report(""),
            "empty move reason": lambda: self.plan.move("HLX-008", "keep", AS_OF, ""),
            "empty fire reason": lambda: self.plan.fire("MRD-013", AS_OF, "", "end_relationship"),
            "empty fire action": lambda: self.plan.fire("MRD-013", AS_OF, "Risky.", ""),
            "unknown category": lambda: self.plan.assign("EVR-005", "fired", AS_OF),
            "placement not a category": lambda: self.plan.assign(
                "EVR-005", kare.Placement.FIRED, AS_OF),
            "unknown placement": lambda: self.plan.move("EVR-005", "lost", AS_OF, "r"),
            "NUL in a counted id": lambda: self.plan.placement("ACME\0-001"),
            "NUL in a C string": lambda: self.plan.assign("EVR\0-005", "keep", AS_OF),
            "NUL in a reason": lambda: self.plan.move("HLX-008", "keep", AS_OF, "a\0b"),
        }
        for name, call in calls.items():
            with self.subTest(name), self.assertRaises(kare.InvalidArgumentError) as caught:
                call()
            self.assertEqual(caught.exception.code, -1)
            self.assertIsInstance(caught.exception, ValueError)
        self.assertEqual(self.plan.to_json(), before)

    def test_the_library_names_the_bad_date(self) -> None:
        with self.assertRaises(kare.InvalidArgumentError) as caught:
            self.plan.report("2026-02-30")
        self.assertEqual(caught.exception.message,
                         "as_of '2026-02-30' is not a calendar date (YYYY-MM-DD)")

    def test_null_arguments_reach_the_library_as_invalid_arguments(self) -> None:
        # The public API refuses None with TypeError before C sees it; the C
        # entry points themselves answer NULL with invalid_argument.
        with self.assertRaises(kare.InvalidArgumentError) as caught:
            _ffi.lib.kare_plan_assign(None, b"EVR-005", 0, AS_OF.encode(), None)
        self.assertEqual(caught.exception.message, "plan is NULL")
        with self.assertRaises(kare.InvalidArgumentError):
            _ffi.lib.kare_plan_load(None, b"{}", 2)
        out = _ffi.PlanPointer()
        with self.assertRaises(kare.InvalidArgumentError) as caught:
            _ffi.lib.kare_plan_load(ctypes.byref(out), None, 0)
        self.assertEqual(caught.exception.message, "json is NULL")
        self.assertFalse(out)

    def test_wrong_types_are_type_errors(self) -> None:
        calls = {
            "None id": lambda: self.plan.assign(None, "keep", AS_OF),  # type: ignore[arg-type]
            "int id": lambda: self.plan.placement(7),  # type: ignore[arg-type]
            "None date": lambda: self.plan.report(None),  # type: ignore[arg-type]
            "datetime": lambda: self.plan.report(datetime.datetime(2026, 11, 23, 9, 0)),
            "int category": lambda: self.plan.assign("EVR-005", 0, AS_OF),  # type: ignore[arg-type]
            "None reason": lambda: self.plan.move("HLX-008", "keep", AS_OF, None),  # type: ignore[arg-type]
            "list account": lambda: self.plan.add_account([]),  # type: ignore[arg-type]
        }
        for name, call in calls.items():
            with self.subTest(name), self.assertRaises(TypeError):
                call()


class LastErrorTest(PlanTestCase):
    def test_a_success_clears_the_last_error(self) -> None:
        with self.assertRaises(kare.NotFoundError):
            self.plan.placement("NOPE")
        self.assertEqual(_ffi.lib.kare_error_code(), -4)
        len(self.plan)
        self.assertEqual(_ffi.lib.kare_error_code(), 0)
        self.assertEqual(_ffi.lib.kare_error_message(), b"")

    def test_errors_are_per_thread(self) -> None:
        # Each thread must see its own failure's message, never another's.
        wrong = []

        def fail_repeatedly(account_id: str) -> None:
            for _ in range(300):
                try:
                    self.plan.placement(account_id)
                except kare.NotFoundError as e:
                    if account_id not in e.message:
                        wrong.append(e.message)

        threads = [threading.Thread(target=fail_repeatedly, args=(f"MISSING-{i}",))
                   for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(wrong, [])


if __name__ == "__main__":
    unittest.main()
