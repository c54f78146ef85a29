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
      // Each migration runs in its own transaction: one chosen as a deadlock victim rolled back
      // whole, so it is safe to run the pending ones again (a few times) before giving up.
      for (let attempt = 1; ; attempt++) {
        try {
          const applied = await dataSource.runMigrations({ transaction: 'each' });
          return applied.map((m) => m.name);
        } catch (e) {
          if ((e as { code?: string }).code !== '40P01' || attempt >= 3) throw e;
        }
      }
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext('schema-migrations'))`);
    }
  } finally {
    await runner.release();
  }
}

/**
 * For replicas that do not migrate (MIGRATIONS_RUN=false): waits until no migration is pending,
 * i.e. until the migration Job has applied them, and fails after `timeoutMs`.
 */
export async function waitForMigrations(dataSource: DataSource, timeoutMs: number, onWaiting: () => void, pollMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  while (await dataSource.showMigrations()) {
    if (Date.now() >= deadline) {
      throw new Error(
        `migrations still pending after ${Math.round(timeoutMs / 1000)} s: run the service's migration Job (\`main.js migrate\`) or set MIGRATIONS_RUN=true`,
      );
    }
    if (!told) onWaiting();
    told = true;
    await new Promise((r) => setTimeout(r, Math.min(pollMs, Math.max(deadline - Date.now(), 0))));
  }
}
