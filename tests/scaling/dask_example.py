"""The Dask recipe of docs/scaling.md, run for real.

A seeded portfolio is cut into JSON Lines partitions, classified on a
dask.distributed LocalCluster with two worker processes, and the merged
figures (placements and finding codes) are compared with one classification
of the whole portfolio in this process. Exit 77 (skipped) when dask or
distributed is not installed.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import sys
import tempfile
from typing import Any, Dict, Iterator, List

LEVELS = ("low", "medium", "high")
LEVEL_FIELDS = ("growth_potential", "risk", "cost_of_pursuit", "profitability", "strategic_value")


def portfolio(example: Dict[str, Any], count: int, seed: int) -> Iterator[Dict[str, Any]]:
    """`count` accounts shaped like the example's, their levels and flags varied."""
    rng = random.Random(seed)
    templates = []
    for entry in example["accounts"]:
        entry = {k: v for k, v in entry.items() if k not in ("placement", "history", "fire_action")}
        templates.append(entry)
    for n in range(count):
        account = json.loads(json.dumps(templates[rng.randrange(len(templates))]))
        account["id"] = "ACC-%08d" % n
        attributes = account.setdefault("attributes", {})
        for field in LEVEL_FIELDS:
            if field in attributes and rng.random() < 0.5:
                attributes[field] = rng.choice(LEVELS)
        for field in ("repeat_purchases", "easy_to_do_business_with", "buying_from_competitor"):
            if field in attributes and rng.random() < 0.3:
                attributes[field] = not attributes[field]
        yield account


# --- the recipe, as docs/scaling.md shows it ---------------------------------
PLAN = ""  # set in main(): the example plan's path


def classify_partition(lines: List[str]) -> List[str]:
    import kare  # the workers' environment holds the kare wheel, or KARE_LIBRARY is set

    with kare.Plan.from_file(PLAN) as plan:
        return plan.classify_jsonl("".join(lines), threads=1).splitlines()
# ------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plan", required=True)
    parser.add_argument("--accounts", type=int, default=20000)
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args()
    try:
        import dask.bag as db
        from dask.distributed import Client, LocalCluster
    except ImportError as missing:
        print("skipped: %s (Debian: python3-dask python3-distributed)" % missing)
        return 77
    import kare

    global PLAN
    PLAN = os.path.abspath(args.plan)
    with open(PLAN, encoding="utf-8") as f:
        example = json.load(f)
    accounts = list(portfolio(example, args.accounts, seed=2026))

    with tempfile.TemporaryDirectory() as folder:
        per_part = (len(accounts) + args.partitions - 1) // args.partitions
        paths = []
        for p in range(args.partitions):
            path = os.path.join(folder, "accounts-%02d.jsonl" % p)
            with open(path, "w", encoding="utf-8") as f:
                for account in accounts[p * per_part:(p + 1) * per_part]:
                    f.write(json.dumps(account) + "\n")
            paths.append(path)

        # Two worker processes, one thread each: the engine's own parallelism.
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            results = db.read_text(paths).map_partitions(classify_partition).map(json.loads)
            placements = dict(results.pluck("placement").frequencies().compute())
            findings = dict(results.pluck("findings").flatten().frequencies().compute())
            by_id = dict(results.map(lambda r: (r["id"], r["placement"])).compute())
            workers = len(client.scheduler_info()["workers"])

    # The same portfolio in one call, in this process.
    with kare.Plan.from_file(PLAN) as plan:
        text = "".join(json.dumps(a) + "\n" for a in accounts)
        single = [json.loads(line) for line in plan.classify_jsonl(text).splitlines()]
    single_placements = dict(collections.Counter(r["placement"] for r in single))
    single_findings = dict(collections.Counter(code for r in single for code in r["findings"]))
    single_by_id = {r["id"]: r["placement"] for r in single}

    failures = []
    if workers != 2:
        failures.append("expected 2 workers, the cluster had %d" % workers)
    if len(by_id) != len(accounts):
        failures.append("%d results for %d accounts" % (len(by_id), len(accounts)))
    if placements != single_placements:
        failures.append("placements differ: %r vs %r" % (placements, single_placements))
    if findings != single_findings:
        failures.append("findings differ: %r vs %r" % (findings, single_findings))
    if by_id != single_by_id:
        failures.append("%d accounts placed differently" %
                        sum(1 for k in single_by_id if by_id.get(k) != single_by_id[k]))
    if len(placements) < 3:
        failures.append("the portfolio should exercise several categories: %r" % placements)
    print("accounts %d in %d partitions on %d workers; placements %s; %d finding codes"
          % (len(accounts), args.partitions, workers, json.dumps(placements, sort_keys=True),
             len(findings)))
    for failure in failures:
        print("FAIL: " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
