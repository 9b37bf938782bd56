#!/usr/bin/env python3
"""Runs kare's benchmarks once and prints every figure as a ratio against the
baseline measured in the same run (see docs/performance.md).

Absolute times on a shared machine say little; a ratio between two
measurements taken minutes apart on the same data says what the code costs.

    ratios.py --bench kare_bench --memory kare_bench_memory \\
              --generate kare_bench_generate --library libkare.so \\
              --example docs/examples/harbor-analytics.json

The Python figure calls libkare.so through ctypes the way the binding's
Plan.classify_jsonl does (two ways: a plain one, and one that avoids copies),
and compares it with the C++ one-call batch on the same million accounts.
"""
import argparse
import ctypes
import json
import os
import subprocess
import sys
import tempfile
import time


def run_benchmarks(bench, accounts, repetitions, bench_filter=None, min_time=None):
    env = dict(os.environ, KARE_BENCH_ACCOUNTS=str(accounts))
    # Repetitions of all benchmarks interleaved at random: a burst of load on
    # the machine then spreads over baseline and subject alike.
    command = [bench, "--benchmark_format=json",
               f"--benchmark_repetitions={repetitions}",
               "--benchmark_enable_random_interleaving=true",
               "--benchmark_report_aggregates_only=true"]
    if bench_filter:
        command.append(f"--benchmark_filter={bench_filter}")
    if min_time:
        command.append(f"--benchmark_min_time={min_time}")
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    medians = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("aggregate_name") != "median":
            continue
        name = b["run_name"].replace("/real_time", "")
        scale = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[b["time_unit"]]
        medians[name] = {"real_ns": b["real_time"] * scale, "cpu_ns": b["cpu_time"] * scale,
                         "items_per_second": b.get("items_per_second")}
    return medians


def ratio_rows(m):
    def r(a, b):
        return m[a]["real_ns"] / m[b]["real_ns"], m[a]["cpu_ns"] / m[b]["cpu_ns"]

    rows = [
        ("rule evaluation of loaded accounts / hand-written if-chain",
         r("compiled_evaluate_all", "if_chain_baseline"), "<= 2"),
        ("rule evaluation of loaded accounts / branch-free if-chain",
         r("compiled_evaluate_all", "if_chain_branchless_baseline"), ""),
        ("tree walk (holds) / rule evaluation of loaded accounts",
         r("tree_walk_holds", "compiled_evaluate_all"), ""),
        ("JSONL load+classify, 1 thread / Boost.JSON parse (tree)",
         r("classify_jsonl_streamed/threads:1", "boost_json_parse_only"), "<= 1.5"),
        ("JSONL load+classify, 2 threads / Boost.JSON parse (tree)",
         r("classify_jsonl_streamed/threads:2", "boost_json_parse_only"), ""),
        ("JSONL load+classify, 1 thread / Boost.JSON parse (SAX, no tree)",
         r("classify_jsonl_streamed/threads:1", "boost_json_sax_only"), ""),
        ("JSONL one call, fresh result string / streamed into a reused buffer",
         r("classify_jsonl/threads:1", "classify_jsonl_streamed/threads:1"), ""),
        ("C API one call / C++ one call",
         r("capi_classify_jsonl/threads:1", "classify_jsonl/threads:1"), ""),
    ]
    return rows


def per_item_ns(m, name, accounts):
    return m[name]["real_ns"] / accounts, m[name]["cpu_ns"] / accounts


class python_batch:
    """libkare.so through ctypes by hand, the obvious way: the reference for the binding."""

    def __init__(self, library, example):
        self.lib = ctypes.CDLL(library)
        self.lib.kare_plan_load_file.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_char_p]
        self.lib.kare_plan_load_file.restype = ctypes.c_int32
        self.lib.kare_plan_free.argtypes = [ctypes.c_void_p]
        self.lib.kare_plan_classify_jsonl.argtypes = [
            ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t), ctypes.c_void_p,
            ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint32, ctypes.c_uint32]
        self.lib.kare_plan_classify_jsonl.restype = ctypes.c_int32
        self.lib.kare_string_free.argtypes = [ctypes.c_void_p]
        self.plan = ctypes.c_void_p()
        if self.lib.kare_plan_load_file(ctypes.byref(self.plan), example.encode()) != 0:
            raise RuntimeError("cannot load the example plan")

    def call(self, data, size, threads):
        out = ctypes.c_void_p()
        out_len = ctypes.c_size_t()
        status = self.lib.kare_plan_classify_jsonl(ctypes.byref(out), ctypes.byref(out_len),
                                                   self.plan, data, size, threads, 0)
        if status != 0:
            raise RuntimeError(f"kare_plan_classify_jsonl failed: {status}")
        return out, out_len.value

    def plain(self, text, threads):
        """str -> bytes -> C -> bytes -> str: the obvious wrapper, three copies."""
        data = text.encode("utf-8")
        out, n = self.call(data, len(data), threads)
        try:
            return ctypes.string_at(out, n).decode("utf-8")
        finally:
            self.lib.kare_string_free(out)


def median_of(runs, f):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def main_benchmarks(args, figures):
    print(f"kare benchmarks: {args.accounts} generated accounts, median of {args.repetitions}"
          f" interleaved repetitions, {os.cpu_count()} hardware threads,"
          f" load {os.getloadavg()[0]:.1f}\n")
    m = run_benchmarks(args.bench, args.accounts, args.repetitions)
    print(f"{'ratio':68} {'real':>7} {'cpu':>7}  target")
    for label, (real, cpu), target in ratio_rows(m):
        print(f"{label:68} {real:7.2f} {cpu:7.2f}  {target}")
        figures["ratios"][label] = {"real": real, "cpu": cpu, "target": target}

    print(f"\n{'per account':68} {'real ns':>7} {'cpu ns':>7}  target")
    singles = [
        ("rule evaluation, one loaded account", "compiled_evaluate_one", 1, "tens of ns"),
        ("rule evaluation, loaded accounts in blocks", "compiled_evaluate_all", args.accounts, ""),
        ("hand-written if-chain", "if_chain_baseline", args.accounts, ""),
        ("JSONL load+classify, 1 thread", "classify_jsonl_streamed/threads:1", args.accounts, ""),
        ("C API: kare_plan_account_placement (plan of N accounts)", "capi_account_placement", 1, "< 1000"),
        ("C API: kare_plan_classify_jsonl with one line", "capi_classify_one_line", 1, ""),
    ]
    for label, name, n, target in singles:
        real, cpu = per_item_ns(m, name, n)
        print(f"{label:68} {real:7.1f} {cpu:7.1f}  {target}")
        figures["per_item_ns"][label] = {"real": real, "cpu": cpu, "target": target}

    memory = json.loads(subprocess.run([args.memory], env=dict(os.environ, KARE_BENCH_ACCOUNTS=str(args.accounts)),
                                       check=True, capture_output=True, text=True).stdout)
    figures["memory"] = memory
    print(f"\n{'memory per account (bytes)':68}")
    print(f"{'  compiled record (' + str(memory['slots']) + ' slots)':68} {memory['compiled_record_bytes_per_account']:7.1f}")
    print(f"{'  cached verdict and decision in the plan':68} {memory['cached_verdict_and_decision_bytes_per_account']:7.1f}")
    print(f"{'  engine total':68} {memory['engine_bytes_per_account']:7.1f}  <= 128")
    print(f"{'  kare::plan, excluding the account strings (context)':68} {memory['plan_bytes_per_account_excluding_strings']:7.1f}")



def binding(library):
    """The binding's own package, loading the library under test."""
    os.environ["KARE_LIBRARY"] = os.path.abspath(library)
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                    "bindings", "python"))
    import kare
    return kare


def python_comparison(args, figures):
    """Python against C++ on the same million accounts."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "accounts.jsonl")
        with open(path, "wb") as f:
            subprocess.run([args.generate, str(args.python_accounts)], stdout=f, check=True)
        with open(path, "rb") as f:
            raw = f.read()
        text = raw.decode("utf-8")
        kare = binding(args.library)
        plan = kare.Plan.from_file(args.example)
        py = python_batch(args.library, args.example)
        assert plan.classify_jsonl(text) == py.plain(text, 1)
        str_s = median_of(5, lambda: plan.classify_jsonl(text))
        bytes_s = median_of(5, lambda: plan.classify_jsonl(raw))
        view_s = median_of(5, lambda: plan.classify_jsonl_view(raw).release())
        cxx = run_benchmarks(args.bench, args.python_accounts, 5, "^classify_jsonl/threads:1/", "0.1")
        cxx_s = cxx["classify_jsonl/threads:1"]["real_ns"] / 1e9
        plain_s = median_of(5, lambda: py.plain(text, 1))
    figures["python"] = {"accounts": args.python_accounts, "cxx_s": cxx_s, "plain_s": plain_s,
                         "binding_str_s": str_s, "binding_bytes_s": bytes_s,
                         "binding_view_s": view_s}
    print(f"\n{'Python batch, ' + format(args.python_accounts, ',') + ' accounts in one call (1 thread)':68} {'s':>7} {'ratio':>7}  target")
    print(f"{'  C++ classify_jsonl, one call':68} {cxx_s:7.2f} {1.0:7.2f}")
    print(f"{'  Plan.classify_jsonl(str) -> str':68} {str_s:7.2f} {str_s / cxx_s:7.2f}  <= 1.5")
    print(f"{'  Plan.classify_jsonl(bytes) -> bytes':68} {bytes_s:7.2f} {bytes_s / cxx_s:7.2f}  <= 1.5")
    print(f"{'  Plan.classify_jsonl_view(bytes) -> memoryview (no copy)':68} {view_s:7.2f} {view_s / cxx_s:7.2f}  <= 1.5")
    print(f"{'  ctypes by hand: encode / string_at / decode (three copies)':68} {plain_s:7.2f} {plain_s / cxx_s:7.2f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", required=True)
    ap.add_argument("--memory", required=True)
    ap.add_argument("--generate", required=True)
    ap.add_argument("--library", required=True)
    ap.add_argument("--example", required=True)
    ap.add_argument("--accounts", type=int, default=1 << 17)
    ap.add_argument("--python-accounts", type=int, default=1_000_000)
    ap.add_argument("--repetitions", type=int, default=7)
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--python-only", action="store_true", help="only the Python comparison")
    args = ap.parse_args()

    figures = {"accounts": args.accounts, "ratios": {}, "per_item_ns": {}}
    if not args.python_only:
        main_benchmarks(args, figures)
    python_comparison(args, figures)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(figures, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
