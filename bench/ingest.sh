#!/usr/bin/env bash
# Ingest throughput and live latency of the store (issue 3; docs/benchmarks.md, "Ingest").
#
#   bench/ingest.sh [K]        K = kefu sample --scale (default 1: about 220 000 records, 30 days)
#
# Environment: DAYS (default 30), LINES (latency lines, default 400), KEFU=path/to/kefu to skip
# the release build.
#
# 1. Throughput, in one run on the same generated month: `kefu ingest records.jsonl` (no
#    --follow: reads to the end and exits; with its default batches of 1 000 records and with
#    batches of 100 000, to show what the commits cost), `kefu import` of the CSV folder, and the sqlite3
#    shell's `.import --csv` of the same CSV files into tables with the store's unique natural
#    keys and indexes (bench/sqlite3_schema.sql, WAL like the store). Records/s for each, and
#    kefu's records/s ÷ sqlite3's. Wall time and peak RSS from /usr/bin/time.
# 2. Latency: bench/ingest_latency.py appends a message line every 20–50 ms to a file that
#    `kefu ingest --follow` follows and polls the store every 5 ms until each line is visible.
# Prints a Markdown section; everything generated is deleted at the end.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
K=${1:-1}
DAYS=${DAYS:-30}
LINES=${LINES:-400}

need() { command -v "$1" >/dev/null 2>&1; }
if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time (apt-get)" >&2
    apt-get install -y -qq time >/dev/null || { echo "bench: /usr/bin/time is required" >&2; exit 2; }
fi
need sqlite3 || { echo "installing sqlite3 (apt-get)" >&2; apt-get install -y -qq sqlite3 >/dev/null; }

if [ -z "${KEFU:-}" ]; then
    echo "building kefu (release)…" >&2
    (cd "$ROOT" && swift build -c release >&2)
    KEFU="$(cd "$ROOT" && swift build -c release --show-bin-path)/kefu"
fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kefu-ingest-bench.XXXXXX")
LATENCY_PID=""
cleanup() {
    # The latency script stops its own `kefu ingest` on SIGTERM; the pid file is the backstop.
    [ -z "$LATENCY_PID" ] || kill "$LATENCY_PID" 2>/dev/null || true
    [ -z "$LATENCY_PID" ] || wait "$LATENCY_PID" 2>/dev/null || true
    if [ -s "$WORK/live/ingest.pid" ]; then kill "$(cat "$WORK/live/ingest.pid")" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# timed CMD...: runs CMD (stdout and stderr to $WORK/out); sets SECS and MB (peak RSS).
timed() {
    /usr/bin/time -f '%e %M' -o "$WORK/time" "$@" >"$WORK/out" 2>&1 || { cat "$WORK/out" >&2; return 1; }
    read -r SECS KB <"$WORK/time"
    MB=$((KB / 1024))
}
rate() { python3 -c "print(round($1 / max($2, 0.005)))"; }
count_rows() { # DB: rows in every record table, as "agents=… messages=… …"
    sqlite3 "$1" "SELECT 'agents=' || (SELECT count(*) FROM agents) || ' messages=' || (SELECT count(*) FROM messages)
        || ' orders=' || (SELECT count(*) FROM orders) || ' refunds=' || (SELECT count(*) FROM refunds)
        || ' ratings=' || (SELECT count(*) FROM ratings) || ' tickets=' || (SELECT count(*) FROM tickets)
        || ' qa=' || (SELECT count(*) FROM qa) || ' shifts=' || (SELECT count(*) FROM shifts);"
}

echo "K=$K: writing a $DAYS-day sample, JSON Lines and CSV…" >&2
"$KEFU" sample --format jsonl --days "$DAYS" --scale "$K" --out "$WORK/jsonl" >&2
"$KEFU" sample --days "$DAYS" --scale "$K" --out "$WORK/csv" >&2
RECORDS=$(wc -l <"$WORK/jsonl/records.jsonl")
CSV_ROWS=0
for F in "$WORK"/csv/*.csv; do CSV_ROWS=$((CSV_ROWS + $(wc -l <"$F") - 1)); done
[ "$RECORDS" = "$CSV_ROWS" ] || { echo "bench: $RECORDS JSON lines but $CSV_ROWS CSV rows" >&2; exit 1; }
MESSAGES=$(($(wc -l <"$WORK/csv/messages.csv") - 1))
echo "K=$K: $RECORDS records ($MESSAGES messages)" >&2

ROWS=()
echo "kefu ingest…" >&2
timed "$KEFU" ingest "$WORK/jsonl/records.jsonl" --db "$WORK/ingest.sqlite"
INGEST_S=$SECS INGEST_MB=$MB INGEST_SAYS=$(tail -1 "$WORK/out" | sed "s|$WORK/jsonl/||")
echo "kefu ingest --batch-size 100000…" >&2
timed "$KEFU" ingest "$WORK/jsonl/records.jsonl" --db "$WORK/ingest-big-batches.sqlite" --batch-size 100000
INGEST_BIG_S=$SECS INGEST_BIG_MB=$MB
echo "kefu import…" >&2
timed "$KEFU" import "$WORK/csv" --db "$WORK/import.sqlite"
IMPORT_S=$SECS IMPORT_MB=$MB
echo "sqlite3 .import…" >&2
SQL=(".read $ROOT/bench/sqlite3_schema.sql")
for F in "$WORK"/csv/*.csv; do SQL+=(".import --csv --skip 1 $F $(basename "$F" .csv)"); done
timed sqlite3 "$WORK/sqlite3.db" "${SQL[@]}"
SQLITE_S=$SECS SQLITE_MB=$MB
SQLITE_ERRORS=$(grep -c 'failed' "$WORK/out" || true)

SQLITE_RATE=$(rate "$RECORDS" "$SQLITE_S")
for R in "kefu ingest records.jsonl|$INGEST_S|$INGEST_MB" \
         "kefu ingest records.jsonl --batch-size 100000|$INGEST_BIG_S|$INGEST_BIG_MB" "kefu import (CSV folder)|$IMPORT_S|$IMPORT_MB" \
         "sqlite3 .import --csv (same CSV)|$SQLITE_S|$SQLITE_MB"; do
    IFS='|' read -r TASK S M <<<"$R"
    RATE=$(rate "$RECORDS" "$S")
    ROWS+=("| $TASK | $S | $RATE | $(python3 -c "print(f'{$RATE / $SQLITE_RATE:.2f}')") | $M |")
done

echo "latency: $LINES lines into kefu ingest --follow…" >&2
mkdir "$WORK/live"
timeout 60 python3 "$ROOT/bench/ingest_latency.py" "$KEFU" "$WORK/live" --lines "$LINES" >"$WORK/latency.json" &
LATENCY_PID=$!
LATENCY_OK=0
wait "$LATENCY_PID" && LATENCY_OK=1
LATENCY_PID=""
LAT=$(cat "$WORK/latency.json")
lat() { python3 -c "import json,sys; print(json.loads(sys.argv[1]).get('$1', '—'))" "$LAT"; }

echo "## Ingest (issue 3), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(uname -sr)."
echo "Load average (1, 5, 15 min) before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)."
echo "kefu $(cd "$ROOT" && git rev-parse --short HEAD) (release), $(swift --version 2>&1 | head -1 | sed 's/ (.*//'), sqlite3 $(sqlite3 --version | cut -d' ' -f1)."
echo "Data: \`kefu sample --days $DAYS --scale $K\`: $RECORDS records ($MESSAGES messages), as records.jsonl and as CSV."
echo
echo "| task | s | records/s | ÷ sqlite3 | peak MB |"
echo "|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo
echo "Stored rows: kefu ingest $(count_rows "$WORK/ingest.sqlite"); kefu import $(count_rows "$WORK/import.sqlite");"
echo "sqlite3 $(count_rows "$WORK/sqlite3.db") ($SQLITE_ERRORS rows refused by a unique key)."
echo "kefu ingest said: $INGEST_SAYS"
echo
echo "Latency, append → visible to a reader polling every 5 ms ($(lat seen) of $(lat written) lines, one every 20–50 ms):"
echo "median $(lat median_ms) ms, p90 $(lat p90_ms) ms, p99 $(lat p99_ms) ms, max $(lat max_ms) ms, min $(lat min_ms) ms."
[ $LATENCY_OK = 1 ] || { echo "bench: the latency run failed: $LAT" >&2; exit 1; }
