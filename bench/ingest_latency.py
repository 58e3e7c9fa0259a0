#!/usr/bin/env python3
"""Latency of `kefu ingest --follow`: from a line appended to the followed file to its record
visible to a reader of the store (issue 3; bench/ingest.sh, docs/benchmarks.md).

    ingest_latency.py KEFU WORKDIR [--lines N] [--min-ms 20] [--max-ms 50] [--poll-ms 5]

Starts `KEFU ingest --follow WORKDIR/feed.jsonl --db WORKDIR/live.sqlite`; a writer thread
appends one message record a line (a fresh timestamp and a buyer id of its own, so each line
has its own natural key) every --min-ms..--max-ms, noting the monotonic time just before the
write(2); a reader thread polls the messages table (`WHERE seq > last seen`, with each buyer's
id from buyer_ids) every --poll-ms through Python's sqlite3 module, as a dashboard would, and
notes when each buyer id appears. A store already at WORKDIR/live.sqlite is used as it is
(only the rows added after the start are read): copy a large store there to measure at scale.
Prints one JSON object: count written and seen, median, p90, p99 and max latency in ms.
Bounded: gives up waiting 10 s after the last line, and always stops the ingest process.
"""
import argparse
import datetime
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time

BUYER_PREFIX = "latency-"


def percentile(sorted_values, p):
    """Nearest-rank percentile (p in 0..100) of an ascending list."""
    rank = max(1, -(-len(sorted_values) * p // 100))  # ceil
    return sorted_values[int(rank) - 1]


def wait_for_table(db, deadline):
    """Waits until the ingest process has created the store and its tables (schema v2 or later)."""
    while time.monotonic() < deadline:
        if os.path.exists(db):
            try:
                con = sqlite3.connect(db, timeout=1, isolation_level=None, check_same_thread=False)
                con.execute("SELECT 1 FROM messages m JOIN buyer_ids b ON b.n = m.buyer LIMIT 1")
                return con
            except sqlite3.Error:
                pass
        time.sleep(0.02)
    raise SystemExit("ingest_latency: the store was not created within 10 s")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kefu")
    ap.add_argument("workdir")
    ap.add_argument("--lines", type=int, default=400)
    ap.add_argument("--min-ms", type=float, default=20)
    ap.add_argument("--max-ms", type=float, default=50)
    ap.add_argument("--poll-ms", type=float, default=5)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()

    feed = os.path.join(args.workdir, "feed.jsonl")
    db = os.path.join(args.workdir, "live.sqlite")
    open(feed, "w").close()
    log = open(os.path.join(args.workdir, "ingest.log"), "w")
    ingest = subprocess.Popen([args.kefu, "ingest", "--follow", feed, "--db", db],
                              stdout=log, stderr=subprocess.STDOUT)
    with open(os.path.join(args.workdir, "ingest.pid"), "w") as f:
        f.write(f"{ingest.pid}\n")
    # Killed by `timeout` or by bench/ingest.sh's trap: still stop the ingest process (finally).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        con = wait_for_table(db, time.monotonic() + 10)
        # A store that already holds records (copied to WORKDIR/live.sqlite to measure at
        # scale): only what arrives from now on is read.
        start_seq = con.execute("SELECT COALESCE(MAX(seq), 0) FROM messages").fetchone()[0]
        written = {}   # buyer -> monotonic ns just before the append
        seen = {}      # buyer -> monotonic ns of the first poll that returned it
        writer_done = threading.Event()

        def writer():
            rng = random.Random(args.seed)
            fd = os.open(feed, os.O_WRONLY | os.O_APPEND)
            try:
                for i in range(args.lines):
                    buyer = f"{BUYER_PREFIX}{i:05d}"
                    now = datetime.datetime.now(datetime.timezone.utc)
                    ts = now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"
                    line = json.dumps({"type": "message", "ts": ts, "buyer_id": buyer,
                                       "agent_id": "lat-agent", "sender": "buyer", "auto": 0},
                                      ensure_ascii=False) + "\n"
                    written[buyer] = time.monotonic_ns()
                    os.write(fd, line.encode())
                    time.sleep(rng.uniform(args.min_ms, args.max_ms) / 1000)
            finally:
                os.close(fd)
                writer_done.set()

        def reader():
            last = start_seq
            give_up = None
            while True:
                rows = con.execute("SELECT m.seq, b.id FROM messages m JOIN buyer_ids b ON b.n = m.buyer "
                                   "WHERE m.seq > ? ORDER BY m.seq", (last,)).fetchall()
                now = time.monotonic_ns()
                for seq, buyer in rows:
                    last = seq
                    seen.setdefault(buyer, now)
                if writer_done.is_set():
                    if len(seen) >= args.lines:
                        return
                    give_up = give_up or now + 10_000_000_000
                    if now > give_up:
                        return
                time.sleep(args.poll_ms / 1000)

        threads = [threading.Thread(target=reader, daemon=True), threading.Thread(target=writer, daemon=True)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        con.close()
    finally:
        ingest.send_signal(signal.SIGTERM)
        try:
            ingest.wait(timeout=10)
        except subprocess.TimeoutExpired:
            ingest.kill()
            ingest.wait()
        log.close()

    latencies = sorted((seen[b] - written[b]) / 1e6 for b in written if b in seen)
    result = {"written": len(written), "seen": len(latencies), "ingest_exit": ingest.returncode}
    if latencies:
        result.update(median_ms=round(statistics.median(latencies), 1),
                      p90_ms=round(percentile(latencies, 90), 1),
                      p99_ms=round(percentile(latencies, 99), 1),
                      max_ms=round(latencies[-1], 1), min_ms=round(latencies[0], 1))
    print(json.dumps(result))
    return 0 if latencies and len(latencies) == len(written) and ingest.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
