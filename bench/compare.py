#!/usr/bin/env python3
"""Compares two `kefu report --format json` documents metric by metric (kefu vs. the DuckDB peer).

Usage: python3 bench/compare.py kefu.json peer.json [--skip METRIC ...]

Every metric the peer computes is compared, for every agent and the team: counts and fen
exactly, ratios and seconds to 1e-9 relative; "no data" (null) must match null. An agent
listed on one side only is a mismatch unless all its figures on the other side are zero or null.
Prints each mismatch and exits 1 when there is any, 0 otherwise.
"""
import argparse
import json
import math
import sys

EXACT = ["consults", "receptions", "outreach", "valid_conversations", "long_receptions", "outliers",
         "inquiries", "sales_fen", "paid_orders", "paid_buyers", "aov_fen", "items", "refund_fen",
         "assist_orders", "assist_fen", "tickets"]
REAL = ["reply_rate", "frt_s", "art_s", "slow_ratio", "fast_rate", "aq_ratio", "inquiry_order_rate",
        "conversion", "items_per_buyer", "refund_rate", "satisfaction", "rating_mean",
        "resolution_rate", "error_rate"]
TEAM_ONLY = ["silent_sales_fen", "silent_orders"]
RELATIVE = 1e-9


def same(metric, a, b):
    if a is None or b is None:
        return a is None and b is None
    if metric in REAL:
        return math.isclose(a, b, rel_tol=RELATIVE, abs_tol=1e-12)
    return a == b


def blank(figures, metrics):
    return all(figures.get(m) in (None, 0) for m in metrics)


def compare(kefu, peer, skip=()):
    """The list of mismatch lines between two report documents."""
    metrics = [m for m in EXACT + REAL if m not in skip]
    problems = []
    if kefu.get("period") != peer.get("period"):
        problems.append(f"period: kefu {kefu.get('period')} peer {peer.get('period')}")
    if kefu.get("rule") != peer.get("rule"):
        problems.append(f"rule: kefu {kefu.get('rule')} peer {peer.get('rule')}")
    ka = {a["agent_id"]: a for a in kefu["agents"]}
    pa = {a["agent_id"]: a for a in peer["agents"]}
    for agent_id in sorted(set(ka) | set(pa), key=lambda s: s.encode()):
        k, p = ka.get(agent_id), pa.get(agent_id)
        if k is None or p is None:
            side, present = ("kefu", p) if k is None else ("peer", k)
            if not blank(present, metrics):
                problems.append(f"agent {agent_id}: missing in {side}")
            continue
        for m in metrics:
            if not same(m, k.get(m), p.get(m)):
                problems.append(f"agent {agent_id}: {m}: kefu {k.get(m)} peer {p.get(m)}")
    for m in metrics + [t for t in TEAM_ONLY if t not in skip]:
        if not same(m, kefu["team"].get(m), peer["team"].get(m)):
            problems.append(f"team: {m}: kefu {kefu['team'].get(m)} peer {peer['team'].get(m)}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kefu")
    ap.add_argument("peer")
    ap.add_argument("--skip", nargs="*", default=[], help="metrics to leave out (known mismatches)")
    args = ap.parse_args()
    with open(args.kefu, encoding="utf-8") as f:
        kefu = json.load(f)
    with open(args.peer, encoding="utf-8") as f:
        peer = json.load(f)
    problems = compare(kefu, peer, set(args.skip))
    for line in problems:
        print(line)
    agents = len({a["agent_id"] for a in kefu["agents"]} | {a["agent_id"] for a in peer["agents"]})
    print(f"{'MISMATCH' if problems else 'agree'}: {len(problems)} differences over {agents} agents and the team"
          f" ({kefu.get('rule')}, {kefu.get('period', {}).get('from')}..{kefu.get('period', {}).get('to')})",
          file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
