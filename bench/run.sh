#!/usr/bin/env bash
# kefu against its peers, side by side, in one run (issue 7; docs/benchmarks.md).
#
#   bench/run.sh [K ...]        default K = 1 10 (K = 100: about 10 million messages, optional)
#
# Environment: RULES="order-first" to time fewer rules; SKIP_IMPORT=1 to leave out the imports
# (and the report from the store); SKIP_INPROCESS=1 to leave out `kefu bench`.
#
# Builds kefu in release, writes `kefu sample --scale K` into a temporary folder for each K and
# times, on the same files: `kefu report` for the whole period under each rule against the
# DuckDB peer (bench/peer_duckdb.py, whose figures must equal kefu's: bench/compare.py), the
# sqlite3 shell's `.import` of messages.csv and of every CSV, into tables with the store's
# natural keys and indexes (bench/sqlite3_schema.sql), against `kefu import` of the same files
# (when kefu has that command), and `kefu bench` (in-process costs). Wall time and peak RSS
# come from /usr/bin/time.
# Prints a Markdown table; the data is deleted at the end.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCALES=("$@")
[ ${#SCALES[@]} -gt 0 ] || SCALES=(1 10)
read -r -a RULES <<<"${RULES:-order-first order payment}"
FROM=2026-11-01 TO=2026-11-15   # kefu sample's default 14 days

need() { command -v "$1" >/dev/null 2>&1; }
if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time (apt-get)" >&2
    apt-get install -y -qq time >/dev/null || { echo "bench: /usr/bin/time is required" >&2; exit 2; }
fi
need sqlite3 || { echo "installing sqlite3 (apt-get)" >&2; apt-get install -y -qq sqlite3 >/dev/null; }
python3 -c "import duckdb" 2>/dev/null || python3 -m pip install --quiet duckdb >&2

echo "building kefu (release)…" >&2
(cd "$ROOT" && swift build -c release >&2)
KEFU="$(cd "$ROOT" && swift build -c release --show-bin-path)/kefu"
HAS_IMPORT=0
"$KEFU" import --help >/dev/null 2>&1 && HAS_IMPORT=1
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kefu-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# timed OUT_FILE CMD...: runs CMD with stdout to OUT_FILE; sets SECS and MB (peak RSS).
timed() {
    local out=$1; shift
    /usr/bin/time -f '%e %M' -o "$WORK/time" "$@" >"$out"
    read -r SECS KB <"$WORK/time"
    MB=$((KB / 1024))
}

row() { # task K kefu_s peer_s kefu_MB peer_MB
    local ratio="—"
    if [ "$3" != "—" ] && [ "$4" != "—" ]; then ratio=$(python3 -c "print(f'{$3 / max($4, 0.005):.2f}×')"); fi
    ROWS+=("| $1 | $2 | $3 | $4 | $ratio | $5 | $6 |")
}

# agreement LABEL: compares $WORK/kefu.json with $WORK/peer.json and records the verdict.
agreement() {
    if python3 "$ROOT/bench/compare.py" "$WORK/kefu.json" "$WORK/peer.json" >"$WORK/diff" 2>&1; then
        AGREEMENT+=("$1: $(tail -1 "$WORK/diff")")
    else
        AGREEMENT+=("$1: $(tail -1 "$WORK/diff") — first differences:" "$(head -5 "$WORK/diff")")
    fi
}

ROWS=()
AGREEMENT=()
BENCH_OUT=()
for K in "${SCALES[@]}"; do
    DATA="$WORK/k$K"
    echo "K=$K: writing the sample…" >&2
    "$KEFU" sample --out "$DATA" --scale "$K" >&2
    MSGS=$(($(wc -l <"$DATA/messages.csv") - 1))
    echo "K=$K: $MSGS messages" >&2
    STORE=""
    if [ "${SKIP_IMPORT:-0}" = 0 ]; then
        echo "K=$K: import" >&2
        rm -f "$WORK/sqlite.db" "$WORK/sqlite-all.db"
        SCHEMA=".read $ROOT/bench/sqlite3_schema.sql"
        timed /dev/null sqlite3 "$WORK/sqlite.db" "$SCHEMA" ".import --csv --skip 1 $DATA/messages.csv messages"
        SQS=$SECS SQMB=$MB
        SQL_ALL=("$SCHEMA")
        for F in "$DATA"/*.csv; do SQL_ALL+=(".import --csv --skip 1 $F $(basename "$F" .csv)"); done
        timed /dev/null sqlite3 "$WORK/sqlite-all.db" "${SQL_ALL[@]}"
        SQAS=$SECS SQAMB=$MB
        if [ $HAS_IMPORT = 1 ]; then
            rm -f "$WORK"/store*.sqlite*
            timed /dev/null "$KEFU" import "$DATA/messages.csv" --db "$WORK/store-msgs.sqlite"
            row "import messages.csv (kefu import vs sqlite3 .import)" "$K" "$SECS" "$SQS" "$MB" "$SQMB"
            timed /dev/null "$KEFU" import "$DATA" --db "$WORK/store.sqlite"
            row "import every CSV (kefu import vs sqlite3 .import)" "$K" "$SECS" "$SQAS" "$MB" "$SQAMB"
            STORE="$WORK/store.sqlite"
        else
            row "import messages.csv (sqlite3 .import; kefu has no import yet)" "$K" "—" "$SQS" "—" "$SQMB"
        fi
    fi
    for RULE in "${RULES[@]}"; do
        echo "K=$K: report --rule $RULE" >&2
        timed "$WORK/peer.json" python3 "$ROOT/bench/peer_duckdb.py" --data "$DATA" --from $FROM --to $TO --rule "$RULE"
        PS=$SECS PMB=$MB
        timed "$WORK/kefu.json" "$KEFU" report --data "$DATA" --from $FROM --to $TO --rule "$RULE" --format json
        row "report from CSV, $RULE (kefu vs DuckDB peer)" "$K" "$SECS" "$PS" "$MB" "$PMB"
        agreement "K=$K $RULE, from CSV"
        if [ -n "$STORE" ]; then
            timed "$WORK/kefu.json" "$KEFU" report --db "$STORE" --from $FROM --to $TO --rule "$RULE" --format json
            row "report from the store, $RULE (vs DuckDB peer on CSV)" "$K" "$SECS" "$PS" "$MB" "$PMB"
            agreement "K=$K $RULE, from the store"
        fi
    done
    rm -rf "$DATA"
    [ "${SKIP_INPROCESS:-0}" = 0 ] || continue
    echo "K=$K: kefu bench" >&2
    DASH=()   # the dashboard's data set does not depend on K: measure it once
    [ "$K" = "${SCALES[0]}" ] || DASH=(--skip-dashboard)
    timed "$WORK/bench.txt" "$KEFU" bench --scale "$K" "${DASH[@]}"
    BENCH_OUT+=("" "K=$K (peak RSS of the whole bench process: $MB MB)" "$(cat "$WORK/bench.txt")")
done

echo "## kefu vs. peers, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "Load average (1, 5, 15 min) before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(uname -sr)."
echo "kefu $(cd "$ROOT" && git rev-parse --short HEAD), $(swift --version 2>&1 | head -1), DuckDB $(python3 -c 'import duckdb; print(duckdb.__version__)'), sqlite3 $(sqlite3 --version | cut -d' ' -f1)."
echo "Data: \`kefu sample --scale K\` (12 agents, 14 days, $FROM..$TO). ratio = kefu s / peer s (< 1: kefu faster)."
echo
echo "| task | K | kefu s | peer s | ratio | kefu MB | peer MB |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo
echo "Agreement (bench/compare.py, every metric of every agent and the team):"
echo
printf '%s\n' "${AGREEMENT[@]}" | sed 's/^/    /'
echo
echo "In-process costs (\`kefu bench\`):"
printf '%s\n' "${BENCH_OUT[@]}" | sed 's/^/    /'
