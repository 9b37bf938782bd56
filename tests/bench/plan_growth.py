#!/usr/bin/env python3
"""Whole-plan operations at growing sizes, as growth per 10x of accounts.

Two views of the same generated plans (tests/bench/whole_plan.hpp: about one
deal and five activities per account):
  - the CLI as a user runs it: user CPU seconds and maximum resident memory
    of `kare check`, `kare report --json`, `kare map`, `kare pipeline`,
    `kare progress` and `kare format` (a read and a write), each in its own
    process;
  - the C API through Google Benchmark (kare_bench_plan): load, write,
    report, renders, and the one-record calls, against a Boost.JSON parse of
    the same bytes measured in the same run.
Prints Markdown tables for docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from typing import Dict, List, Tuple

AS_OF = "2026-11-23"


def measured(argv: List[str]) -> Tuple[float, int]:
    """User CPU seconds and peak resident KiB of one child process."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.dup2(devnull, 1)
        os.dup2(err_w, 2)
        os.close(err_r)
        try:
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    os.close(err_w)
    os.close(devnull)
    chunks = []
    while True:
        chunk = os.read(err_r, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(err_r)
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("%s failed: %s" % (" ".join(argv), b"".join(chunks).decode(errors="replace")))
    return usage.ru_utime, usage.ru_maxrss


def growth(values: Dict[int, float], sizes: List[int]) -> str:
    parts = []
    for small, large in zip(sizes, sizes[1:]):
        if values.get(small) and values.get(large) and large == small * 10:
            parts.append("%.1f" % (values[large] / values[small]))
    return ", ".join(parts) or "-"


def cli_table(kare: str, generate: str, sizes: List[int], folder: str) -> None:
    commands = [
        ("check", ["check"]),
        ("report --json", ["report", "--json", "--as-of", AS_OF]),
        ("report --json --explain needed", ["report", "--json", "--explain", "needed", "--as-of", AS_OF]),
        ("report --json --explain none", ["report", "--json", "--explain", "none", "--as-of", AS_OF]),
        ("review --json", ["review", "--json", "--as-of", AS_OF]),
        ("map", ["map", "--as-of", AS_OF]),
        ("pipeline", ["pipeline", "--as-of", AS_OF]),
        ("progress", ["progress", "--as-of", AS_OF]),
        ("format (read + write)", ["format", "-o", os.path.join(folder, "out.json")]),
    ]
    seconds: Dict[str, Dict[int, float]] = {name: {} for name, _ in commands}
    memory: Dict[str, Dict[int, float]] = {name: {} for name, _ in commands}
    doc_bytes: Dict[int, int] = {}
    for n in sizes:
        path = os.path.join(folder, "plan-%d.json" % n)
        with open(path, "wb") as out:
            subprocess.run([generate, str(n), "--whole"], stdout=out, check=True)
        doc_bytes[n] = os.path.getsize(path)
        for name, args in commands:
            argv = [kare] + args[:1] + [path] + args[1:]
            t, rss = measured(argv)
            seconds[name][n] = t
            memory[name][n] = rss * 1024.0
            print("  %-32s %9d accounts: %7.2f s user, %7.0f MB" % (name, n, t, rss / 1024.0),
                  file=sys.stderr)
        os.remove(path)
    print("| command | " + " | ".join("%s accounts" % format(n, ",") for n in sizes) +
          " | growth per 10x | bytes per account at %s |" % format(sizes[-1], ","))
    print("|---|" + "---:|" * len(sizes) + "---:|---:|")
    for name, _ in commands:
        cells = ["%.2f s, %.0f MB" % (seconds[name][n], memory[name][n] / 1e6) for n in sizes]
        print("| `kare %s` | %s | %s | %.0f |" % (name, " | ".join(cells),
                                               growth(seconds[name], sizes),
                                               memory[name][sizes[-1]] / sizes[-1]))
    print()
    print("Plan documents: " + ", ".join("%s accounts %.0f MB" % (format(n, ","), doc_bytes[n] / 1e6)
                                          for n in sizes) + ".")
    print()


def bench_table(bench: str, sizes: List[int]) -> None:
    env = dict(os.environ, KARE_BENCH_PLAN_SIZES=",".join(str(n) for n in sizes))
    out = subprocess.run([bench, "--benchmark_format=json"], env=env, check=True,
                         stdout=subprocess.PIPE).stdout
    results = json.loads(out)["benchmarks"]
    times: Dict[str, Dict[int, float]] = {}
    units: Dict[str, str] = {}
    for r in results:
        _, op, n = r["name"].split("/")[:3]
        times.setdefault(op, {})[int(n)] = r["cpu_time"]
        units[op] = r["time_unit"]
    print("| operation (C API) | " + " | ".join("%s accounts" % format(n, ",") for n in sizes) +
          " | growth per 10x | / JSON parse at %s |" % format(sizes[-1], ","))
    print("|---|" + "---:|" * len(sizes) + "---:|---:|")
    baseline = times.get("json_parse_baseline", {})
    for op, by_size in times.items():
        cells = ["%.3g %s" % (by_size[n], units[op]) if n in by_size else "-" for n in sizes]
        ratio = "-"
        if units[op] == "ms" and baseline.get(sizes[-1]) and op != "json_parse_baseline":
            ratio = "%.2f" % (by_size[sizes[-1]] / baseline[sizes[-1]])
        print("| %s | %s | %s | %s |" % (op, " | ".join(cells), growth(by_size, sizes), ratio))
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kare", required=True, help="the kare CLI")
    parser.add_argument("--generate", required=True, help="kare_bench_generate")
    parser.add_argument("--bench", required=True, help="kare_bench_plan")
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--skip-cli", action="store_true")
    parser.add_argument("--skip-bench", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        if not args.skip_cli:
            cli_table(args.kare, args.generate, sizes, folder)
    if not args.skip_bench:
        bench_table(args.bench, sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
