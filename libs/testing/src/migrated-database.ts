import { DataSource, DataSourceOptions } from 'typeorm';
import { freshDatabase } from './env';

/** A fresh database with its migrations run, and the data source that ran them. */
export interface MigratedDatabase {
  /** Its connection string: for sql(), or for what the test starts over it. */
  readonly url: string;
  /** Initialised, every migration run; the caller destroys it (in its `afterAll`). */
  readonly dataSource: DataSource;
}

/**
 * What an integration spec that works on a service's tables without starting the service needs:
 * a new, empty database (freshDatabase, on the shared server) and a TypeORM data source over it,
 * initialised, with `migrations` run. The caller passes its own migrations and entities:
 * libs/testing imports no app and no library but the contracts (eslint.config.mjs).
 *
 *   let db: string;
 *   let source: DataSource;
 *   beforeAll(async () => {
 *     ({ url: db, dataSource: source } = await migratedDatabase('order', { entities: ORDER_ENTITIES, migrations: migrationsOf({ migrations: ORDER_MIGRATIONS }) }));
 *   });
 *   afterAll(() => source?.destroy());
 */
export async function migratedDatabase(
  service: string,
  { migrations, entities }: { migrations: DataSourceOptions['migrations']; entities?: DataSourceOptions['entities'] },
): Promise<MigratedDatabase> {
  const url = await freshDatabase(service);
  const dataSource = await new DataSource({ type: 'postgres', url, entities, migrations }).initialize();
  try {
    await dataSource.runMigrations();
  } catch (e) {
    // The caller never gets it, so cannot destroy it: its pool would keep jest from exiting.
    await dataSource.destroy();
    throw e;
  }
  return { url, dataSource };
}
