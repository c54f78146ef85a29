import { migrationsOf } from '@omni/messaging';
import { anAddress, migratedDatabase, sql } from '@omni/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  aDeliveryInput,
  anOrder,
  aPickupCode,
  aPickupInput,
  asDelivery,
  asPickup,
  GROUP_ID,
  LINE_A,
  LINE_B,
  ORDER_ID,
  SECOND_GROUP_ID,
} from '../src/domain/test/builders';
import { Order } from '../src/domain/order';
import { orderRepository } from '../src/infrastructure/order.repository';
import { sql as statements } from '../src/infrastructure/order.sql';
import { ORDER_ENTITIES, ORDER_MIGRATIONS } from '../src/order.module';

/**
 * The order repository's statements (infrastructure/order.sql.ts) against the order service's real
 * tables: an order comes back as it was saved, field for field, and a save rewrites only the
 * groups and lines a decision changed.
 */
describe('order repository', () => {
  let db: string;
  let source: DataSource;

  beforeAll(async () => {
    ({ url: db, dataSource: source } = await migratedDatabase('order', {
      entities: ORDER_ENTITIES,
      migrations: migrationsOf({ migrations: ORDER_MIGRATIONS }),
    }));
  });
  afterAll(() => source?.destroy());
  beforeEach(() => source.query('TRUNCATE orders, fulfilment_groups, order_lines CASCADE'));

  /** A signed-in order paid at placing: a pickup (ready, with a code) at S1 and a delivery to Paris. */
  function twoGroups(): Order {
    const { hash, salt } = aPickupCode();
    const placed = anOrder({
      capturedTenders: [{ tender: 'card', amount: 4600, reference: 'psp-1' }],
      contact: { name: 'Ada Martin', email: 'ada@example.com', phone: null, postcode: '75011', loyaltyId: null },
      fulfilments: [aPickupInput(), aDeliveryInput({ lines: [{ sku: 'SKU-C', quantity: 3, unitPrice: 700 }] })],
    });
    const [placedPickup, placedDelivery] = placed.fulfilments;
    const pickup = asPickup(placedPickup);
    const delivery = asDelivery(placedDelivery);
    return {
      ...placed,
      fulfilments: [
        {
          ...pickup,
          status: 'READY_FOR_PICKUP',
          pickupCode: { hash, salt },
          readyAt: new Date('2026-11-24T09:00:00.000Z'),
          pickupDeadline: new Date('2026-11-27T09:00:00.000Z'),
          lines: pickup.lines.map((l) => ({ ...l, pickedQuantity: l.quantity, sourceLocationId: 'S1' })),
        },
        { ...delivery, address: anAddress({ line2: 'Bât. B' }) },
      ],
    };
  }

  const versions = () =>
    sql<{ id: string; xmin: string }>(db, `SELECT id, xmin::text FROM fulfilment_groups UNION ALL SELECT id, xmin::text FROM order_lines`).then(
      (rows) => new Map(rows.map((r) => [r.id, r.xmin])),
    );

  it('reads an order back as it was written, every group and line field included', async () => {
    const order = twoGroups();
    await orderRepository.insert(source.manager, order);

    expect(await orderRepository.find(source.manager, ORDER_ID)).toEqual(order);
    expect(await source.transaction((m) => orderRepository.findManyForUpdate(m, [ORDER_ID, '00000000-0000-4000-8000-00000000dead']))).toEqual(
      new Map([[ORDER_ID, order]]),
    );
  });

  it('saves a decision by rewriting the order, the group and the line it changed, and adds a group split off, leaving the rest untouched', async () => {
    const order = twoGroups();
    await orderRepository.insert(source.manager, order);
    const before = await versions();

    const [pickup, delivery] = order.fulfilments;
    const moved = pickup.lines.find((l) => l.lineId === LINE_B)!;
    const split = {
      ...pickup,
      id: '9c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
      status: 'PLACED' as const,
      pickupCode: null,
      readyAt: null,
      pickupDeadline: null,
      lines: [{ ...moved, pickedQuantity: 0 }],
    };
    const decided: Order = {
      ...order,
      status: 'PARTIALLY_FULFILLED' as Order['status'],
      updatedAt: new Date('2026-11-25T10:00:00.000Z'),
      fulfilments: [{ ...pickup, lines: pickup.lines.filter((l) => l.lineId === LINE_A) }, delivery, split],
    };
    await source.transaction(async (m) => {
      await orderRepository.findForUpdate(m, ORDER_ID);
      await orderRepository.updateMany(m, [decided]);
    });

    expect(await orderRepository.find(source.manager, ORDER_ID)).toEqual(decided);
    const after = await versions();
    expect(after.get(SECOND_GROUP_ID)).toBe(before.get(SECOND_GROUP_ID));
    expect(after.get(LINE_A)).toBe(before.get(LINE_A));
    expect(after.get(GROUP_ID)).toBe(before.get(GROUP_ID));
    expect(after.get(LINE_B)).not.toBe(before.get(LINE_B));
    expect(after.has(split.id)).toBe(true);
    expect(await sql(db, 'SELECT version FROM orders WHERE id = $1', [ORDER_ID])).toEqual([{ version: 2 }]);
  });

  it("never changes another order's group or line through a save that names their ids", async () => {
    const order = twoGroups();
    const otherId = '00000000-0000-4000-8000-0000000000b3';
    const other: Order = { ...anOrder(), id: otherId, fulfilments: [] };
    await orderRepository.insertMany(source.manager, [order, other]);
    const before = await versions();

    const [pickup] = order.fulfilments;
    const stray = { ...pickup, orderId: otherId, status: 'CANCELLED' as const, lines: pickup.lines.map((l) => ({ ...l, pickedQuantity: 0 })) };
    await source.transaction((m) => orderRepository.updateMany(m, [{ ...other, fulfilments: [stray] }]));

    expect(await orderRepository.find(source.manager, ORDER_ID)).toEqual(order);
    expect(await versions()).toEqual(before);
  });

  it('lists the groups a location has to pick, earliest promise first, each with its own lines only', async () => {
    const first = anOrder();
    const [g] = anOrder({ fulfilments: [aPickupInput({ lines: [{ sku: 'SKU-C', quantity: 1, unitPrice: 700 }] })] }).fulfilments;
    const otherId = '00000000-0000-4000-8000-0000000000b2';
    const second: Order = {
      ...first,
      id: otherId,
      fulfilments: [{ ...g, id: SECOND_GROUP_ID, orderId: otherId, lines: g.lines.map((l) => ({ ...l, lineId: '00000000-0000-4000-8000-0000000000c3' })) }],
    };
    const reserved = (o: Order, readyBy: string): Order => ({
      ...o,
      fulfilments: o.fulfilments.map((f) => ({ ...f, status: 'RESERVED' as const, readyBy: new Date(readyBy) })),
    });
    await orderRepository.insertMany(source.manager, [reserved(first, '2026-11-26T10:00:00.000Z'), reserved(second, '2026-11-25T10:00:00.000Z')]);

    const list = await orderRepository.pickList(source.manager, 'S1');

    expect(list.map((f) => [f.id, f.lines.map((l) => l.sku)])).toEqual([
      [SECOND_GROUP_ID, ['SKU-C']],
      [GROUP_ID, ['SKU-A', 'SKU-B']],
    ]);
  });

  it('still probes orders, groups and lines by key once the tables have grown, with plans made while they were small', async () => {
    // A named statement's plan is made generic and kept until the next ANALYZE (see byKey): made
    // while the tables held 200 orders (a few pages each), it must still probe by key at 5,200.
    await orderRepository.insert(source.manager, twoGroups());
    // Copies of that order, each with new ids.
    const copies = (n: number) =>
      sql(
        db,
        `WITH n AS MATERIALIZED (SELECT gen_random_uuid() AS id FROM generate_series(1, ${n})),
              gm AS MATERIALIZED (SELECT n.id AS order_id, g.id AS old, gen_random_uuid() AS id FROM n CROSS JOIN fulfilment_groups g WHERE g.order_id = $1),
              o AS (INSERT INTO orders SELECT r.* FROM orders x CROSS JOIN n, jsonb_populate_record(NULL::orders, to_jsonb(x) || jsonb_build_object('id', n.id)) r WHERE x.id = $1),
              g AS (INSERT INTO fulfilment_groups
                    SELECT r.* FROM fulfilment_groups x JOIN gm ON gm.old = x.id,
                    jsonb_populate_record(NULL::fulfilment_groups, to_jsonb(x) || jsonb_build_object('id', gm.id, 'order_id', gm.order_id)) r)
         INSERT INTO order_lines
         SELECT r.* FROM order_lines x JOIN gm ON gm.old = x.fulfilment_id,
         jsonb_populate_record(NULL::order_lines, to_jsonb(x) || jsonb_build_object('id', gen_random_uuid(), 'order_id', gm.order_id, 'fulfilment_id', gm.id)) r`,
        [ORDER_ID],
      );
    await copies(199);
    await source.query('ANALYZE orders, fulfilment_groups, order_lines');
    for (const table of ['orders', 'fulfilment_groups', 'order_lines']) await source.query(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
    const session = new Client({ connectionString: db });
    await session.connect();
    try {
      await session.query('SET plan_cache_mode = force_generic_plan');
      for (const s of [statements.lock, statements.read, statements.parts]) {
        await session.query(`PREPARE "${s.name}"(uuid[]) AS ${s.text}`);
        expect((await session.query(`EXECUTE "${s.name}"('{${ORDER_ID}}')`)).rowCount).toBeGreaterThan(0);
      }
      await copies(5_000);

      for (const s of [statements.lock, statements.read, statements.parts]) {
        const plan = (await session.query<{ 'QUERY PLAN': string }>(`EXPLAIN EXECUTE "${s.name}"('{${ORDER_ID}}')`)).rows
          .map((r) => r['QUERY PLAN'])
          .join('\n');
        expect(plan).toMatch(/Index Scan/);
        expect(plan).not.toMatch(/Seq Scan on (orders|fulfilment_groups|order_lines)\b/);
      }
    } finally {
      await session.end();
    }
  });
});
