// Where the database's time goes during a placement step (`npm run bench -- --statements N`): the
// statements of the services' databases from pg_stat_statements, reset before the step and read
// after it, and the WAL the server wrote meanwhile. pg_stat_statements must be preloaded by the
// server (shared_preload_libraries); without it the step says so and the rest of the run goes on.
// With pg_stat_statements.track_planning on, the time spent planning is printed too.
import pg from 'pg';
import { databaseUrl } from '../infra/postgres-sql.mjs';

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A watch over the statements of the databases named `<prefix>_*`, or null (said why) when the server cannot give them. */
export async function statementWatch(adminUrl, prefix, log) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.query('SELECT 1 FROM pg_stat_statements LIMIT 1');
  } catch (e) {
    await client.end();
    log(`  --statements: pg_stat_statements: ${e.message} (add it to shared_preload_libraries and restart PostgreSQL)`);
    return null;
  }
  let walBefore = null;
  return {
    async reset() {
      await client.query('SELECT pg_stat_statements_reset()');
      walBefore = (await client.query('SELECT pg_current_wal_lsn() AS lsn')).rows[0].lsn;
    },
    /** The top `limit` statements by execution time since reset, their totals, and the WAL written. */
    async read(limit) {
      const ours = `FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname LIKE $1`;
      const like = `${prefix.replace(/_/g, '\\_')}\\_%`;
      const top = await client.query(
        `SELECT d.datname AS database, s.calls::int, s.total_exec_time AS ms, s.rows::int, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 110) AS query
         ${ours} ORDER BY s.total_exec_time DESC LIMIT $2`,
        [like, limit],
      );
      const [total] = (
        await client.query(
          `SELECT coalesce(sum(s.calls), 0)::bigint AS calls, coalesce(sum(s.total_exec_time), 0) AS ms, coalesce(sum(s.total_plan_time), 0) AS plan_ms ${ours}`,
          [like],
        )
      ).rows;
      const [wal] = (await client.query('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1)::bigint AS bytes', [walBefore])).rows;
      return {
        calls: Number(total.calls),
        executionMs: Number(total.ms),
        // Zero unless the server also sets pg_stat_statements.track_planning = on.
        planningMs: Number(total.plan_ms),
        walBytes: Number(wal.bytes),
        top: top.rows.map((r) => ({ database: r.database.slice(prefix.length + 1), calls: r.calls, ms: Number(r.ms), rows: r.rows, query: r.query })),
      };
    },
    close: () => client.end(),
  };
}

/** The statement figures of a step, after its other figures. */
export function printStatements(s, orders, log) {
  const per =
    orders > 0
      ? ` (${fmt(s.calls / orders, 1)} statements, ${fmt(s.executionMs / orders, 2)} ms and ${fmt(s.walBytes / orders / 1024, 1)} KiB of WAL per order)`
      : '';
  const planning =
    s.planningMs > 0 ? `, ${fmt(s.planningMs / 1000, 2)} s of planning${orders > 0 ? ` (${fmt(s.planningMs / orders, 2)} ms per order)` : ''}` : '';
  log(`  statements: ${fmt(s.calls)} in ${fmt(s.executionMs / 1000, 2)} s of execution${planning}, ${fmt(s.walBytes / 1024 / 1024, 1)} MB of WAL${per}`);
  for (const t of s.top) log(`    ${fmt(t.ms).padStart(7)} ms ${fmt(t.calls).padStart(7)} × ${t.database.padEnd(9)} ${t.query}`);
}

/**
 * ANALYZE every database named `<prefix>_*`, so the measured steps run on the planner statistics a
 * running system has. The bench's databases are created empty seconds before it measures, and
 * autovacuum first analyzes a table up to a minute (autovacuum_naptime) after it starts to fill:
 * until then the planner knows no column statistics, guesses 0.5 % of the rows for each id in an
 * `id = ANY($1)` lookup, and scans whole tables that have grown to thousands of rows (ADR 0016,
 * fifteenth round). Plans the services already hold are re-made after it.
 */
export async function analyzeDatabases(adminUrl, prefix) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const like = `${prefix.replace(/_/g, '\\_')}\\_%`;
  const { rows } = await admin.query('SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname', [like]).finally(() => admin.end());
  for (const { datname } of rows) {
    const client = new pg.Client({ connectionString: databaseUrl(adminUrl, datname) });
    await client.connect();
    await client.query('ANALYZE').finally(() => client.end());
  }
  return rows.map((r) => r.datname.slice(prefix.length + 1));
}
