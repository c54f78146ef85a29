import { migratedDatabase, sql } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Timeline1700000003000 } from '../migrations/1700000003000-timeline';
import { CustomerProfiles1700000020000 } from '../migrations/1700000020000-customer-profiles';

/** A database with timeline entries written before profiles existed, migrated in place. */
describe('migration to customer profiles', () => {
  it('turns each account of the old timeline into a profile holding it, with its orders linked', async () => {
    const { url: db, dataSource: before } = await migratedDatabase('customer', { migrations: [Timeline1700000003000] });
    const [o1, o2, o3] = [randomUUID(), randomUUID(), randomUUID()];
    const row = (orderId: string, customerId: string, channel: string, at: string) =>
      before.query(
        `INSERT INTO timeline_entries (event_id, customer_id, kind, order_id, channel, store_id, occurred_at) VALUES ($1, $2, 'order.placed', $3, $4, 'PARIS', $5)`,
        [randomUUID(), customerId, orderId, channel, at],
      );
    await row(o1, 'c-1', 'web', '2026-11-01T10:00:00Z');
    await row(o2, 'c-1', 'web', '2026-11-02T10:00:00Z');
    await row(o3, 'c-1', 'app', '2026-11-03T10:00:00Z');
    await before.destroy();

    // The same database, one migration further: run by hand, to see which ran and to undo it.
    const after = await new DataSource({ type: 'postgres', url: db, migrations: [Timeline1700000003000, CustomerProfiles1700000020000] }).initialize();
    try {
      expect((await after.runMigrations()).map((m) => m.name)).toEqual(['CustomerProfiles1700000020000']);
      const accounts = await sql<{ scope: string; value: string; profile_id: string; created_at: Date }>(
        db,
        `SELECT i.scope, i.value, i.profile_id, p.created_at FROM customer_identities i JOIN customer_profiles p ON p.id = i.profile_id WHERE i.kind = 'account' ORDER BY i.scope`,
      );
      expect(accounts.map((a) => [a.scope, a.value, a.created_at.toISOString()])).toEqual([
        ['app', 'c-1', '2026-11-03T10:00:00.000Z'],
        ['web', 'c-1', '2026-11-01T10:00:00.000Z'],
      ]);
      const links = await sql<{ order_id: string; profile_id: string; channel: string }>(db, 'SELECT order_id, profile_id, channel FROM order_links');
      const profileOf = (scope: string) => accounts.find((a) => a.scope === scope)!.profile_id;
      expect(links.sort((a, b) => a.order_id.localeCompare(b.order_id))).toEqual(
        [
          { order_id: o1, profile_id: profileOf('web'), channel: 'web' },
          { order_id: o2, profile_id: profileOf('web'), channel: 'web' },
          { order_id: o3, profile_id: profileOf('app'), channel: 'app' },
        ].sort((a, b) => a.order_id.localeCompare(b.order_id)),
      );
      expect(await sql(db, 'SELECT kind, details FROM timeline_entries WHERE order_id = $1', [o1])).toEqual([
        { kind: 'order.placed', details: { groups: [], placedAtStoreId: null } },
      ]);

      await after.undoLastMigration();
      expect(await sql(db, 'SELECT customer_id, order_id FROM timeline_entries WHERE order_id = $1', [o3])).toEqual([{ customer_id: 'c-1', order_id: o3 }]);
    } finally {
      await after.destroy();
    }
  });
});
