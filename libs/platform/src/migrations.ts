import { DataSource } from 'typeorm';

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so that replicas starting
 * together apply each migration once; the others wait and then find nothing to do.
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('schema-migrations'))`);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext('schema-migrations'))`);
    }
  } finally {
    await runner.release();
  }
}
