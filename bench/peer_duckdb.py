#!/usr/bin/env python3
"""An independent DuckDB implementation of kefu's per-agent metrics (SPEC §1–§5).

Reads a kefu data folder of CSV files (UTF-8, English or Chinese headers, as
`kefu sample --out DIR` writes them) and prints the metrics of every agent and the
team for a period [--from, --to) of shop-local days, in the shape of
`kefu report --format json` (SPEC §10), without scores.

It is written from SPEC.md alone, not from kefu's Swift code, so that the two can
check each other (bench/compare.py). The heavy lifting (dedup, turns, conversations,
attribution, inquiries) is SQL; Python only divides the integer sums at the end.

Limits: UTF-8 CSV only (no GB18030, no JSON Lines), a shop time zone with a fixed UTC
offset (--utc-offset, default +08:00 = Asia/Shanghai), default thresholds, no --as-of.

Usage: python3 bench/peer_duckdb.py --data DIR --from 2026-11-01 --to 2026-11-15 [--rule order-first]
"""
import argparse
import csv
import datetime
import json
import os
import subprocess
import sys

DAY_MS = 86_400_000
WINDOW_MS = 24 * 3600 * 1000      # attribution / inquiry window W
OUTLIER_MS = 900 * 1000           # outlier cap
SLOW_MS = 60 * 1000               # slow answer
FAST_MS = 30 * 1000               # fast answer (30秒应答)
VALID_MS = 30 * 1000              # valid conversation, at least
LONG_MS = 30 * 60 * 1000          # long reception, more than

# English column names of SPEC §2 and their Chinese aliases, per file.
COLUMNS = {
    "agents": {"agent_id": "客服账号", "name": "姓名", "role": "岗位"},
    "messages": {"ts": "时间", "buyer_id": "买家", "agent_id": "客服账号", "sender": "发送方", "auto": "自动回复"},
    "orders": {"order_id": "订单号", "buyer_id": "买家", "created_at": "下单时间", "paid_at": "付款时间",
               "amount": "实付金额", "items": "件数"},
    "refunds": {"order_id": "订单号", "refunded_at": "退款时间", "amount": "退款金额"},
    "ratings": {"ts": "时间", "buyer_id": "买家", "agent_id": "客服账号", "score": "评价"},
    "tickets": {"ticket_id": "工单号", "agent_id": "客服账号", "opened_at": "创建时间", "status": "状态"},
}


def import_duckdb():
    """DuckDB from PyPI, installed on first use."""
    try:
        import duckdb
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "duckdb"],
                              stdout=sys.stderr)
        import duckdb
    return duckdb


def fail(message):
    print(f"peer_duckdb: {message}", file=sys.stderr)
    sys.exit(2)


def sql_str(s):
    return "'" + s.replace("'", "''") + "'"


def load_raw(con, folder, kind):
    """Creates table raw_<kind> (all VARCHAR, English column names, rowid = input order)."""
    wanted = COLUMNS[kind]
    path = os.path.join(folder, kind + ".csv")
    if not os.path.exists(path):
        cols = ", ".join(f"NULL::VARCHAR AS {c}" for c in wanted)
        con.execute(f"CREATE TABLE raw_{kind} AS SELECT {cols} LIMIT 0")
        return
    with open(path, encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader([f.readline()]), [])
    header = [h.strip() for h in header]
    select = []
    for english, chinese in wanted.items():
        if english in header:
            name = english
        elif chinese in header:
            name = chinese
        elif (kind, english) == ("messages", "auto"):  # no auto column: no auto replies
            select.append(f"NULL::VARCHAR AS {english}")
            continue
        else:
            fail(f"{path}:1: missing column {english}")
        select.append(f'"col{header.index(name)}" AS {english}')
    columns = "{" + ", ".join(f"'col{i}': 'VARCHAR'" for i in range(len(header))) + "}"
    con.execute(f"""
        CREATE TABLE raw_{kind} AS SELECT {", ".join(select)}
        FROM read_csv({sql_str(path)}, header = true, auto_detect = false, delim = ',', quote = '"',
                      escape = '"', columns = {columns}, encoding = 'utf-8')""")


def instant_sql(col, offset_ms):
    """SQL for a SPEC §1 timestamp text -> epoch milliseconds (NULL when unreadable).

    Forms: `YYYY-MM-DD[T ]HH:MM:SS[.fff]` followed by `Z`, `±HH:MM`, or nothing (shop time)."""
    x = f"trim({col})"
    n = f"length({x})"
    return f"""(CASE
        WHEN {x} LIKE '%Z' THEN epoch_ms(TRY_CAST(replace(left({x}, {n} - 1), ' ', 'T') AS TIMESTAMP))
        WHEN {n} > 19 AND substr({x}, {n} - 5, 1) IN ('+', '-') AND substr({x}, {n} - 2, 1) = ':' THEN
            epoch_ms(TRY_CAST(replace(left({x}, {n} - 6), ' ', 'T') AS TIMESTAMP))
            - (CASE substr({x}, {n} - 5, 1) WHEN '+' THEN 1 ELSE -1 END)
              * (TRY_CAST(substr({x}, {n} - 4, 2) AS BIGINT) * 60 + TRY_CAST(substr({x}, {n} - 1, 2) AS BIGINT)) * 60000
        ELSE epoch_ms(TRY_CAST(replace({x}, ' ', 'T') AS TIMESTAMP)) - {offset_ms}
    END)"""


def fen_sql(col):
    """SQL for a yuan text with at most 2 decimals -> integer fen, exactly (NULL when malformed)."""
    x = f"trim({col})"
    return f"""(CASE WHEN regexp_full_match({x}, '[0-9]+(\\.[0-9]{{1,2}})?') THEN
        CAST(split_part({x}, '.', 1) AS BIGINT) * 100 + CAST(rpad(split_part({x}, '.', 2), 2, '0') AS BIGINT)
    END)"""


def check(con, table, condition, what, kind):
    """Fails naming the first row of `table` where `condition` holds."""
    row = con.execute(f"SELECT rn FROM {table} WHERE {condition} ORDER BY rn LIMIT 1").fetchone()
    if row:
        fail(f"{kind}.csv: record {row[0] + 1}: {what}")


def build(con, offset_ms, rule):
    """All tables of the computation; the period is applied later."""
    day = lambda t: f"floor(({t} + {offset_ms}) / {DAY_MS})::BIGINT"

    # --- messages: parse, dedup on ts + buyer + agent + sender + auto, first record wins ---
    con.execute(f"""
        CREATE TABLE msg_parsed AS SELECT rowid AS rn, {instant_sql('ts', offset_ms)} AS t,
            buyer_id AS b, agent_id AS a,
            CASE trim(sender) WHEN 'buyer' THEN 0 WHEN '买家' THEN 0 WHEN 'agent' THEN 1 WHEN '客服' THEN 1 END AS s,
            CASE lower(trim(coalesce(auto, ''))) WHEN '1' THEN 1 WHEN 'true' THEN 1 WHEN '是' THEN 1
                 WHEN '0' THEN 0 WHEN 'false' THEN 0 WHEN '否' THEN 0 WHEN '' THEN 0 END AS au
        FROM raw_messages""")
    check(con, "msg_parsed", "t IS NULL", "unreadable ts", "messages")
    check(con, "msg_parsed", "s IS NULL", "sender is neither buyer nor agent", "messages")
    check(con, "msg_parsed", "s = 1 AND au IS NULL", "auto is not 1/0", "messages")
    check(con, "msg_parsed", "b IS NULL OR a IS NULL", "empty buyer_id or agent_id", "messages")
    con.execute("""
        CREATE TABLE msg AS SELECT min(rn) AS rn, t, b, a, s, au, (s = 1 AND au = 0)::INT AS na
        FROM (SELECT rn, t, b, a, s, CASE WHEN s = 0 THEN 0 ELSE au END AS au FROM msg_parsed)
        GROUP BY t, b, a, s, au""")

    # --- turns: walk each agent x buyer pair in (ts, buyer first, input order) ---
    # seg = number of non-auto agent messages before this one. Segment k holds everything after
    # the k-th answer up to and including the (k+1)-th; its first buyer message opens a turn
    # and the segment's non-auto agent message (if any) answers it.
    con.execute("""
        CREATE TABLE seq AS SELECT a, b, t, s, au, na,
            sum(na) OVER w - na AS seg, row_number() OVER w AS pos
        FROM msg WINDOW w AS (PARTITION BY a, b ORDER BY t, s, rn ROWS UNBOUNDED PRECEDING)""")
    con.execute(f"""
        CREATE TABLE turn AS SELECT *, answer_t - open_t AS rt, {day('open_t')} AS d
        FROM (SELECT a, b, seg,
                min(pos) FILTER (WHERE s = 0) AS open_pos,
                min(t) FILTER (WHERE s = 0) AS open_t,
                max(t) FILTER (WHERE na = 1) AS answer_t
            FROM seq GROUP BY a, b, seg HAVING count(*) FILTER (WHERE s = 0) > 0)""")

    # --- conversations: agent x buyer x local day; a turn answered within the cap across
    # midnight pulls its messages (opening to answer) into the opening day ---
    con.execute(f"""
        CREATE TABLE pulled AS SELECT a, b, seg, open_pos, d FROM turn
        WHERE rt IS NOT NULL AND rt <= {OUTLIER_MS} AND {day('answer_t')} <> d""")
    con.execute(f"""
        CREATE TABLE conv AS SELECT m.a, m.b,
            CASE WHEN p.open_pos IS NOT NULL AND m.pos >= p.open_pos THEN p.d ELSE {day('m.t')} END AS d,
            count(*) FILTER (WHERE m.s = 0) AS buyer_msgs,
            sum(m.na) AS agent_msgs,
            min(m.t) AS first_t, max(m.t) AS last_t,
            min(m.t) FILTER (WHERE m.s = 0) AS t1
        FROM seq m LEFT JOIN pulled p ON m.a = p.a AND m.b = p.b AND m.seg = p.seg
        GROUP BY ALL""")
    # the first turn of each conversation (its opening message is never pulled, so the
    # turn's conversation is its opening day)
    con.execute("""
        CREATE TABLE first_turn AS SELECT a, b, d, arg_min(rt, open_pos) AS rt, count(*) AS n
        FROM turn GROUP BY a, b, d""")

    # --- orders: one per order_id; a later record updates, an empty paid_at never clears ---
    con.execute(f"""
        CREATE TABLE ord_parsed AS SELECT rowid AS rn, trim(order_id) AS id, buyer_id AS b,
            {instant_sql('created_at', offset_ms)} AS c,
            CASE WHEN trim(coalesce(paid_at, '')) = '' THEN NULL ELSE {instant_sql('paid_at', offset_ms)} END AS p,
            trim(coalesce(paid_at, '')) <> '' AS has_p,
            {fen_sql('amount')} AS fen, TRY_CAST(trim(items) AS BIGINT) AS items
        FROM raw_orders""")
    check(con, "ord_parsed", "c IS NULL", "unreadable created_at", "orders")
    check(con, "ord_parsed", "has_p AND p IS NULL", "unreadable paid_at", "orders")
    check(con, "ord_parsed", "fen IS NULL", "amount is not yuan with at most 2 decimals", "orders")
    check(con, "ord_parsed", "items IS NULL OR items < 1", "items is not an integer >= 1", "orders")
    con.execute("""
        CREATE TABLE ord AS SELECT id, arg_max(b, rn) AS b, arg_max(c, rn) AS c,
            arg_max(p, rn) FILTER (WHERE p IS NOT NULL) AS p,
            arg_max(fen, rn) AS fen, arg_max(items, rn) AS items
        FROM ord_parsed GROUP BY id""")

    # --- attribution (SPEC §4): latest non-auto agent message to the buyer, ties to the
    # smaller agent_id (VARCHAR compares as UTF-8 bytes) ---
    con.execute("CREATE TABLE said AS SELECT b, t, min(a) AS a FROM msg WHERE na = 1 GROUP BY b, t")
    con.execute(f"""
        CREATE TABLE attr AS
        WITH ao AS (
            SELECT o.id, CASE WHEN x.t >= o.c - {WINDOW_MS} THEN x.a END AS ao
            FROM ord o ASOF LEFT JOIN said x ON o.b = x.b AND x.t <= o.c),
        ap AS (
            SELECT o.id, CASE WHEN x.t >= o.c - {WINDOW_MS} THEN x.a END AS ap,
                   CASE WHEN x.t >= o.c - {WINDOW_MS} THEN x.t > o.c ELSE false END AS chased
            FROM (SELECT * FROM ord WHERE p IS NOT NULL) o ASOF LEFT JOIN said x ON o.b = x.b AND x.t <= o.p)
        SELECT o.*, ao.ao, ap.ap, coalesce(ap.chased, false) AS chased
        FROM ord o JOIN ao USING (id) LEFT JOIN ap USING (id)""")
    credited = {"order": "ao", "payment": "ap", "order-first": "coalesce(ao, ap)"}[rule]
    con.execute(f"""
        CREATE TABLE credit AS SELECT *, {credited} AS agent,
            CASE WHEN p IS NOT NULL AND chased AND ap IS DISTINCT FROM {credited} THEN ap END AS assist,
            {day('p')} AS pd
        FROM attr""")

    # --- refunds: one per order_id + refunded_at, first wins ---
    con.execute(f"""
        CREATE TABLE ref_parsed AS SELECT rowid AS rn, trim(order_id) AS id,
            {instant_sql('refunded_at', offset_ms)} AS t, {fen_sql('amount')} AS fen
        FROM raw_refunds""")
    check(con, "ref_parsed", "t IS NULL", "unreadable refunded_at", "refunds")
    check(con, "ref_parsed", "fen IS NULL", "amount is not yuan with at most 2 decimals", "refunds")
    con.execute("""
        CREATE TABLE refund_by_order AS SELECT id, sum(fen)::BIGINT AS fen
        FROM (SELECT id, t, arg_min(fen, rn) AS fen FROM ref_parsed GROUP BY id, t) GROUP BY id""")

    # --- ratings: one per ts + buyer + agent, first wins ---
    con.execute(f"""
        CREATE TABLE rating_parsed AS SELECT rowid AS rn, {instant_sql('ts', offset_ms)} AS t,
            buyer_id AS b, agent_id AS a,
            CASE trim(score) WHEN '5' THEN 5 WHEN '很满意' THEN 5 WHEN '4' THEN 4 WHEN '满意' THEN 4
                 WHEN '3' THEN 3 WHEN '一般' THEN 3 WHEN '2' THEN 2 WHEN '不满' THEN 2
                 WHEN '1' THEN 1 WHEN '很不满' THEN 1 END AS score
        FROM raw_ratings""")
    check(con, "rating_parsed", "t IS NULL", "unreadable ts", "ratings")
    check(con, "rating_parsed", "score IS NULL", "score is not 1-5", "ratings")
    con.execute(f"""
        CREATE TABLE rating AS SELECT t, b, a, arg_min(score, rn) AS score, {day('t')} AS d
        FROM rating_parsed GROUP BY t, b, a""")

    # --- tickets: one per ticket_id; a later record updates status ---
    con.execute(f"""
        CREATE TABLE ticket_parsed AS SELECT rowid AS rn, trim(ticket_id) AS id, agent_id AS a,
            {instant_sql('opened_at', offset_ms)} AS t,
            CASE trim(status) WHEN 'resolved' THEN 'resolved' WHEN '已解决' THEN 'resolved'
                 WHEN 'unresolved' THEN 'unresolved' WHEN '未解决' THEN 'unresolved'
                 WHEN 'error' THEN 'error' WHEN '出错' THEN 'error' END AS status
        FROM raw_tickets""")
    check(con, "ticket_parsed", "t IS NULL", "unreadable opened_at", "tickets")
    check(con, "ticket_parsed", "status IS NULL", "unknown status", "tickets")
    con.execute(f"""
        CREATE TABLE ticket AS SELECT id, arg_min(a, rn) AS a, {day('arg_min(t, rn)')} AS d,
            arg_max(status, rn) AS status
        FROM ticket_parsed GROUP BY id""")


def per_agent_sums(con, d0, d1):
    """Integer sums per agent (and pooled for the team, key None) for days [d0, d1)."""
    in_period = lambda d: f"{d} >= {d0} AND {d} < {d1}"
    queries = {
        "conv": f"""SELECT a,
            count(*) FILTER (WHERE buyer_msgs > 0) AS consults,
            count(*) FILTER (WHERE buyer_msgs > 0 AND agent_msgs > 0) AS receptions,
            count(*) FILTER (WHERE buyer_msgs = 0 AND agent_msgs > 0) AS outreach,
            count(*) FILTER (WHERE buyer_msgs > 0 AND agent_msgs > 0 AND last_t - first_t >= {VALID_MS}) AS valid_conversations,
            count(*) FILTER (WHERE buyer_msgs > 0 AND agent_msgs > 0 AND last_t - first_t > {LONG_MS}) AS long_receptions,
            sum(agent_msgs)::BIGINT AS aq_num, sum(buyer_msgs)::BIGINT AS aq_den
            FROM conv WHERE {in_period('d')} GROUP BY ROLLUP (a)""",
        "turn": f"""SELECT a, count(*) AS turns,
            count(*) FILTER (WHERE rt <= {OUTLIER_MS}) AS answered,
            sum(rt) FILTER (WHERE rt <= {OUTLIER_MS})::BIGINT AS rt_sum,
            count(*) FILTER (WHERE rt > {OUTLIER_MS}) AS outliers,
            count(*) FILTER (WHERE rt > {SLOW_MS} AND rt <= {OUTLIER_MS}) AS slow,
            count(*) FILTER (WHERE rt <= {FAST_MS}) AS fast
            FROM turn WHERE {in_period('d')} GROUP BY ROLLUP (a)""",
        "first": f"""SELECT a, count(*) FILTER (WHERE rt <= {OUTLIER_MS}) AS frt_n,
            sum(rt) FILTER (WHERE rt <= {OUTLIER_MS})::BIGINT AS frt_sum
            FROM first_turn WHERE {in_period('d')} GROUP BY ROLLUP (a)""",
        # ROLLUP's grand total counts paid buyers distinct across the team, as SPEC §5 asks
        "sales": f"""SELECT o.agent AS a, sum(o.fen)::BIGINT AS sales_fen, count(*) AS paid_orders,
            count(DISTINCT o.b) AS paid_buyers, sum(o.items)::BIGINT AS items,
            sum(coalesce(r.fen, 0))::BIGINT AS refund_fen
            FROM credit o LEFT JOIN refund_by_order r USING (id)
            WHERE o.agent IS NOT NULL AND o.p IS NOT NULL AND {in_period('o.pd')} GROUP BY ROLLUP (o.agent)""",
        "assist": f"""SELECT assist AS a, count(*) AS assist_orders, sum(fen)::BIGINT AS assist_fen
            FROM credit WHERE assist IS NOT NULL AND {in_period('pd')} GROUP BY ROLLUP (assist)""",
        "inquiry": f"""
            WITH consult AS (SELECT a, b, t1 FROM conv WHERE buyer_msgs > 0 AND {in_period('d')}),
            inquiry AS (SELECT * FROM consult q WHERE NOT EXISTS (
                SELECT 1 FROM ord o WHERE o.b = q.b AND o.c >= q.t1 - {WINDOW_MS} AND o.c < q.t1))
            SELECT q.a, count(*) AS inquiries,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM credit o WHERE o.b = q.b AND o.agent = q.a
                    AND o.c >= q.t1 AND o.c <= q.t1 + {WINDOW_MS})) AS ordered,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM credit o WHERE o.b = q.b AND o.agent = q.a
                    AND o.c >= q.t1 AND o.c <= q.t1 + {WINDOW_MS} AND o.p IS NOT NULL)) AS paid
            FROM inquiry q GROUP BY ROLLUP (q.a)""",
        "rating": f"""SELECT a, count(*) AS ratings, count(*) FILTER (WHERE score >= 4) AS satisfied,
            sum(score)::BIGINT AS score_sum FROM rating WHERE {in_period('d')} GROUP BY ROLLUP (a)""",
        "ticket": f"""SELECT a, count(*) AS tickets, count(*) FILTER (WHERE status = 'resolved') AS resolved,
            count(*) FILTER (WHERE status = 'error') AS errors
            FROM ticket WHERE {in_period('d')} GROUP BY ROLLUP (a)""",
    }
    sums = {}
    for name, sql in queries.items():
        cur = con.execute(sql)
        names = [c[0] for c in cur.description]
        for row in cur.fetchall():
            # ROLLUP's grand-total row has a NULL key: the team, pooled
            key = ("agent", row[0]) if row[0] is not None else ("team", None)
            sums.setdefault(key, {}).update({n: v for n, v in zip(names[1:], row[1:]) if v is not None})
    # paid orders credited to no one: the shop's silent sales
    silent = con.execute(f"""SELECT coalesce(sum(fen), 0)::BIGINT, count(*) FROM credit
        WHERE agent IS NULL AND p IS NOT NULL AND {in_period('pd')}""").fetchone()
    return sums, silent


def ratio(num, den):
    return None if not den else num / den


def half_away(num, den):
    """num / den in integers, rounded half away from zero."""
    if not den:
        return None
    q, r = divmod(abs(num), den)
    if 2 * r >= den:
        q += 1
    return q if num >= 0 else -q


def metrics(s):
    g = lambda k: s.get(k, 0)
    return {
        "consults": g("consults"), "receptions": g("receptions"),
        "reply_rate": ratio(g("receptions"), g("consults")),
        "outreach": g("outreach"), "valid_conversations": g("valid_conversations"),
        "frt_s": None if not g("frt_n") else g("frt_sum") / g("frt_n") / 1000,
        "art_s": None if not g("answered") else g("rt_sum") / g("answered") / 1000,
        "slow_ratio": ratio(g("slow"), g("answered")), "outliers": g("outliers"),
        "aq_ratio": ratio(g("aq_num"), g("aq_den")),
        "inquiries": g("inquiries"),
        "fast_rate": ratio(g("fast"), g("turns")),
        "long_receptions": g("long_receptions"),
        "inquiry_order_rate": ratio(g("ordered"), g("inquiries")),
        "conversion": ratio(g("paid"), g("inquiries")),
        "assist_orders": g("assist_orders"), "assist_fen": g("assist_fen"),
        "sales_fen": g("sales_fen"), "paid_orders": g("paid_orders"), "paid_buyers": g("paid_buyers"),
        "aov_fen": half_away(g("sales_fen"), g("paid_buyers")),
        "items": g("items"), "items_per_buyer": ratio(g("items"), g("paid_buyers")),
        "refund_fen": g("refund_fen"), "refund_rate": ratio(g("refund_fen"), g("sales_fen")),
        "satisfaction": ratio(g("satisfied"), g("ratings")),
        "rating_mean": ratio(g("score_sum"), g("ratings")),
        "tickets": g("tickets"), "resolution_rate": ratio(g("resolved"), g("tickets")),
        "error_rate": ratio(g("errors"), g("tickets")),
    }


def roster(con):
    """agents.csv: id -> (name, role), first record of an id wins."""
    roles = {"presale": "presale", "售前": "presale", "aftersale": "aftersale", "售后": "aftersale",
             "vip": "vip", "VIP": "vip"}
    rows = con.execute("SELECT agent_id, arg_min(name, rowid), arg_min(role, rowid) FROM raw_agents "
                       "GROUP BY agent_id").fetchall()
    return {a: (n, roles.get((r or "").strip())) for a, n, r in rows}


def parse_offset(text):
    sign = -1 if text.startswith("-") else 1
    hh, mm = text.lstrip("+-").split(":")
    return sign * (int(hh) * 60 + int(mm)) * 60000


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="kefu data folder (CSV files)")
    ap.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD (shop-local)")
    ap.add_argument("--to", dest="end", required=True, help="day after the period (exclusive)")
    ap.add_argument("--rule", default="order-first", choices=["order", "payment", "order-first"])
    ap.add_argument("--utc-offset", default="+08:00", help="the shop's fixed UTC offset (Asia/Shanghai: +08:00)")
    ap.add_argument("--threads", type=int, default=None, help="DuckDB threads (default: all cores)")
    args = ap.parse_args()

    duckdb = import_duckdb()
    con = duckdb.connect()
    if args.threads:
        con.execute(f"SET threads = {args.threads}")
    offset_ms = parse_offset(args.utc_offset)
    for kind in COLUMNS:
        load_raw(con, args.data, kind)
    build(con, offset_ms, args.rule)

    epoch = datetime.date(1970, 1, 1)
    d0 = (datetime.date.fromisoformat(args.start) - epoch).days
    d1 = (datetime.date.fromisoformat(args.end) - epoch).days
    sums, (silent_fen, silent_orders) = per_agent_sums(con, d0, d1)

    known = roster(con)
    ids = set(known) | {k[1] for k in sums if k[0] == "agent"}
    agents = []
    for agent_id in sorted(ids, key=lambda s: s.encode()):
        name, role = known.get(agent_id, (None, None))
        agents.append({"agent_id": agent_id, "name": name, "role": role,
                       **metrics(sums.get(("agent", agent_id), {}))})
    team = metrics(sums.get(("team", None), {}))
    team["silent_sales_fen"] = silent_fen
    team["silent_orders"] = silent_orders
    out = {"period": {"from": args.start, "to": args.end}, "rule": args.rule, "agents": agents, "team": team}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    print()


if __name__ == "__main__":
    main()
