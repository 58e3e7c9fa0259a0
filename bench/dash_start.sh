#!/usr/bin/env bash
# How long `kefu dash --db` takes to show its figures on a store, and its peak memory
# (docs/benchmarks.md, "The dashboard's memory").
#
#   bench/dash_start.sh STORE [RUNS] [KEFU...]
#
# Starts each KEFU binary (default: .build/release/kefu) on STORE in a detached tmux session at
# 200×60, RUNS times each (default 2), alternating binaries, and prints per run the seconds from
# start until the Team screen shows its figures (the 咨询 tile: the store read and every figure
# built) and the process's peak RSS (VmHWM) 5 s later. Compare builds side by side in one call:
#   bench/dash_start.sh big.sqlite 2 /tmp/kefu-before .build/release/kefu
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STORE=${1:?usage: bench/dash_start.sh STORE [RUNS] [KEFU...]}
RUNS=${2:-2}
shift $(( $# >= 2 ? 2 : 1 ))
BINARIES=("$@")
[ ${#BINARIES[@]} -gt 0 ] || BINARIES=("$ROOT/.build/release/kefu")
command -v tmux >/dev/null || { echo "bench: tmux is required" >&2; exit 2; }
[ -f "$STORE" ] || { echo "bench: $STORE: no such store" >&2; exit 2; }
for b in "${BINARIES[@]}"; do [ -x "$b" ] || { echo "bench: $b: not an executable" >&2; exit 2; }; done

SESSION="kefu-dash-start-$$"
trap 'tmux kill-session -t "$SESSION" 2>/dev/null || true' EXIT

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$RUNS"); do
    for bin in "${BINARIES[@]}"; do
        tmux new-session -d -s "$SESSION" -x 200 -y 60 "TERM=screen-256color '$bin' dash --db '$STORE'"
        start=$(date +%s.%N)
        seconds=""
        for _ in $(seq 1 1200); do # up to 2 minutes
            sleep 0.1
            if tmux capture-pane -p -t "$SESSION" | grep -q "咨询"; then
                seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
                break
            fi
        done
        sleep 5
        pid=$(tmux list-panes -t "$SESSION" -F '#{pane_pid}' | head -1)
        kefu_pid=$(pgrep -P "$pid" | head -1 || true) # the shell's child, unless it exec'd kefu
        kefu_pid=${kefu_pid:-$pid}
        peak=$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$kefu_pid/status" 2>/dev/null || echo "?")
        tmux kill-session -t "$SESSION"
        sleep 1
        printf '%s run %d: figures after %s s, peak %s MB\n' "$bin" "$run" "${seconds:-(none in 120 s)}" "$peak"
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
