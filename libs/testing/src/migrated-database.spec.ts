import { DataSource } from 'typeorm';
import { migratedDatabase } from './migrated-database';

jest.mock('./env', () => ({ freshDatabase: async (service: string) => `postgres://test/t_${service}_1` }));

/** A data source that runs nothing: what it was given, whether it was destroyed. */
class FakeDataSource {
  static made: FakeDataSource[] = [];
  static failMigrations = false;
  destroyed = false;
  ran = false;
  constructor(readonly options: Record<string, unknown>) {
    FakeDataSource.made.push(this);
  }
  async initialize() {
    return this;
  }
  async runMigrations() {
    if (FakeDataSource.failMigrations) throw new Error('migration failed');
    this.ran = true;
    return [];
  }
  async destroy() {
    this.destroyed = true;
  }
}
jest.mock('typeorm', () => ({ DataSource: jest.fn((options: Record<string, unknown>) => new FakeDataSource(options)) }));

describe('migratedDatabase', () => {
  beforeEach(() => {
    FakeDataSource.made = [];
    FakeDataSource.failMigrations = false;
  });

  class AMigration {}
  class AnEntity {}

  it('gives a fresh database, and a data source over it with the migrations run', async () => {
    const { url, dataSource } = await migratedDatabase('order', { migrations: [AMigration], entities: [AnEntity] });
    expect(url).toBe('postgres://test/t_order_1');
    expect(DataSource).toHaveBeenCalledWith({ type: 'postgres', url, migrations: [AMigration], entities: [AnEntity] });
    expect(dataSource).toBe(FakeDataSource.made[0]);
    expect(FakeDataSource.made[0].ran).toBe(true);
  });

  it('destroys the data source when a migration fails, and fails with it', async () => {
    FakeDataSource.failMigrations = true;
    await expect(migratedDatabase('outbox', { migrations: [AMigration] })).rejects.toThrow('migration failed');
    expect(FakeDataSource.made.map((d) => d.destroyed)).toEqual([true]);
  });
});
