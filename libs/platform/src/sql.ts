import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { EntityManager } from 'typeorm';

/**
 * Runs a named, prepared statement on the connection of the transaction `m` belongs to. TypeORM's
 * `query()` sends every statement unnamed, so PostgreSQL parses and plans it each time; a named
 * statement is prepared once per connection and costs 45–75 % less backend CPU on the hot paths
 * (docs/adr/0016-throughput.md). Names must be unique per statement text across the process.
 * The services' connections keep one generic plan per named statement (connectionOptions), so a
 * statement must be written so that its plan is right whatever its values and the tables' sizes:
 * a list of ids is probed per id (byKey), not matched with `= ANY` or a join.
 */
export async function prepared<R extends QueryResultRow = QueryResultRow>(
  m: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<{ rows: R[]; rowCount: number }> {
  const runner = m.queryRunner as (EntityManager['queryRunner'] & { databaseConnection?: PoolClient; connect(): Promise<PoolClient> }) | undefined;
  // Outside a transaction: on any connection of the pool (pg prepares it on each one once).
  const client: Pick<PoolClient, 'query'> = runner
    ? (runner.databaseConnection ?? (await runner.connect()))
    : (m.connection.driver as unknown as { master: Pool }).master;
  const r = await client.query<R>({ name, text, values });
  return { rows: r.rows, rowCount: r.rowCount ?? 0 };
}

/**
 * The `options` of the services' connections to PostgreSQL: a named statement (prepared()) keeps
 * one generic plan. Left to itself PostgreSQL plans a statement anew at every run while its plan
 * for the run's values looks cheaper than the generic one, and for a statement over a list of ids
 * it always does: that plan knows how many ids there are, the generic one assumes ten. That was
 * 0.29 ms of planning per order at 200/s, more than those statements took to run
 * (docs/adr/0016-throughput/round-20.md). Statements over a list are written so that their generic
 * plan probes by key (byKey). Options in PGOPTIONS come after, so a deployment can set another
 * `plan_cache_mode`.
 */
export const connectionOptions = (pgOptions = process.env.PGOPTIONS): string => ['-c plan_cache_mode=force_generic_plan', pgOptions].filter(Boolean).join(' ');

/**
 * A FROM item: the rows of `table` whose `key` is one of the values in $1 (uuids unless `type`
 * says otherwise) and that match `where`, as `alias`, each key probed on its own (a nested loop
 * over the distinct keys). A named statement's generic plan is made with the table's size at that
 * moment and kept until the next ANALYZE. `key = ANY($1)` planned while a table held a few hundred
 * rows scanned it whole, and went on doing so as it grew until autovacuum analyzed it (the order
 * service's read of groups and lines: 2.8 ms a call a minute into a fresh database). Here a scan
 * would be repeated per key, so a plan made once the table fills a few pages probes its index,
 * and keeps doing so at any size (docs/adr/0016-throughput/round-19.md). With `lock`, each row is
 * locked (FOR UPDATE) as it is probed, in key order, so that two transactions locking some of the
 * same rows never wait on each other the wrong way round. To update or delete those rows, select
 * `ctid AS tid` and go `WHERE t.ctid = alias.tid` (a TID scan per row); with `lock`, each ctid is
 * that of the row's current version (docs/adr/0016-throughput/round-20.md).
 */
export const byKey = (
  table: string,
  columns: string,
  key: string,
  alias: string,
  { lock = false, where = '', type = 'uuid' }: { lock?: boolean; where?: string; type?: 'uuid' | 'text' | 'bigint' } = {},
): string =>
  `(SELECT DISTINCT unnest($1::${type}[]) AS ${key}${lock ? ' ORDER BY 1' : ''}) AS k
   CROSS JOIN LATERAL (SELECT ${columns} FROM ${table} WHERE ${table}.${key} = k.${key}${where ? ` AND ${where}` : ''} ${lock ? 'FOR UPDATE' : 'OFFSET 0'}) AS ${alias}`;
