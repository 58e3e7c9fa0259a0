-- The sqlite3 shell's side of the import benchmarks (bench/ingest.sh, bench/run.sh): one table
-- per CSV file with the CSV's columns, stored as the shell's .import stores them (text), with
-- the same unique natural keys and the same secondary indexes as kefu's store
-- (Sources/KefuStore/Schema.swift, v2), and WAL like the store. What kefu keeps on top and
-- sqlite3 does not: the buyer_ids and agent_ids tables with their unique index, and the
-- change-stamp indexes of orders and tickets.
PRAGMA journal_mode = WAL;
CREATE TABLE agents (agent_id TEXT NOT NULL UNIQUE, name, role, "group", grade, hired_on);
CREATE TABLE messages (
    ts TEXT NOT NULL, buyer_id TEXT NOT NULL, agent_id TEXT NOT NULL, sender TEXT NOT NULL, auto NOT NULL,
    UNIQUE (buyer_id, ts, agent_id, sender, auto));
CREATE INDEX messages_by_agent ON messages (agent_id, ts);
CREATE TABLE orders (
    order_id TEXT NOT NULL UNIQUE, buyer_id TEXT NOT NULL, created_at TEXT NOT NULL, paid_at, amount NOT NULL,
    items NOT NULL);
CREATE INDEX orders_by_buyer ON orders (buyer_id, created_at);
CREATE INDEX orders_by_paid_at ON orders (paid_at);
CREATE INDEX orders_by_created_at ON orders (created_at);
CREATE TABLE refunds (
    order_id TEXT NOT NULL, refunded_at TEXT NOT NULL, amount NOT NULL, UNIQUE (order_id, refunded_at));
CREATE INDEX refunds_by_time ON refunds (refunded_at);
CREATE TABLE ratings (
    ts TEXT NOT NULL, buyer_id TEXT NOT NULL, agent_id TEXT NOT NULL, score NOT NULL,
    UNIQUE (ts, buyer_id, agent_id));
CREATE TABLE tickets (
    ticket_id TEXT NOT NULL UNIQUE, agent_id TEXT NOT NULL, kind TEXT NOT NULL, opened_at TEXT NOT NULL,
    closed_at, status TEXT NOT NULL);
CREATE INDEX tickets_by_opened_at ON tickets (opened_at);
CREATE TABLE qa (month TEXT NOT NULL, agent_id TEXT NOT NULL, points NOT NULL, UNIQUE (month, agent_id));
CREATE TABLE shifts (
    agent_id TEXT NOT NULL, date TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT NOT NULL,
    UNIQUE (agent_id, date, start));
CREATE INDEX shifts_by_date ON shifts (date);
