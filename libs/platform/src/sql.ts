import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { EntityManager } from 'typeorm';

/**
 * Runs a named, prepared statement on the connection of the transaction `m` belongs to. TypeORM's
 * `query()` sends every statement unnamed, so PostgreSQL parses and plans it each time; a named
 * statement is prepared once per connection and costs 45–75 % less backend CPU on the hot paths
 * (docs/adr/0016-throughput.md). Names must be unique per statement text across the process.
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
 * A FROM item: the rows of `table` whose `key` is one of the uuids in $1, as `alias`, each key
 * probed on its own (a nested loop over the distinct keys). A named statement's plan is made
 * generic after five runs, with the table's size at that moment, and kept until the next ANALYZE.
 * `key = ANY($1)` planned while a table held a few hundred rows scanned it whole, and went on doing
 * so as it grew until autovacuum analyzed it (the order service's read of groups and lines: 2.8 ms
 * a call a minute into a fresh database, 0.13 ms probing). Here a scan would be repeated per key,
 * so a plan made once the table fills a few pages probes its index, and keeps doing so at any size
 * (docs/adr/0016-throughput/round-19.md). With `lock`, each row is locked (FOR UPDATE) as it is
 * probed, in key order, so that two transactions locking some of the same rows never wait on each
 * other the wrong way round.
 */
export const byKey = (table: string, columns: string, key: string, alias: string, { lock = false } = {}): string =>
  `(SELECT DISTINCT unnest($1::uuid[]) AS ${key}${lock ? ' ORDER BY 1' : ''}) AS k
   CROSS JOIN LATERAL (SELECT ${columns} FROM ${table} WHERE ${table}.${key} = k.${key} ${lock ? 'FOR UPDATE' : 'OFFSET 0'}) AS ${alias}`;
