import { migrationsOf, OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { migratedDatabase, sql } from '@omni/testing';
import { DataSource, EntityManager } from 'typeorm';
import { PlaceOrderRequest, PlaceOrderResult, PlaceOrderUseCase } from '../src/application/place-order.use-case';
import { orderRepository } from '../src/infrastructure/order.repository';
import { preorderRepository } from '../src/infrastructure/preorder.repository';
import { priceListRepository } from '../src/infrastructure/price-list.repository';
import { ORDER_ENTITIES, ORDER_MIGRATIONS } from '../src/order.module';

/**
 * Placements committed in groups (docs/adr/0016-throughput.md), against the order service's real
 * tables: when a group's transaction fails, its placements are written again on their own — and
 * a group that failed after its COMMIT reached the database must not leave two orders.
 */
describe('placements committed in groups', () => {
  let db: string;
  let real: DataSource;

  beforeAll(async () => {
    ({ url: db, dataSource: real } = await migratedDatabase('order', { entities: ORDER_ENTITIES, migrations: migrationsOf({ migrations: ORDER_MIGRATIONS }) }));
  });
  afterAll(() => real?.destroy());

  /** The real data source, but the n-th transaction fails as asked: after its COMMIT (the answer lost) or before it. */
  function failing(n: number, when: 'after-commit' | 'before-commit'): DataSource {
    let count = 0;
    const transaction = async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
      const mine = ++count === n;
      const result = await real.transaction(async (m) => {
        const r = await work(m);
        if (mine && when === 'before-commit') throw new Error('connection lost before COMMIT');
        return r;
      });
      if (mine && when === 'after-commit') throw new Error('Connection terminated unexpectedly');
      return result;
    };
    return Object.assign(Object.create(real) as DataSource, { transaction });
  }

  const placement = (customerId: string): PlaceOrderRequest => ({
    channel: 'web',
    placedAtStoreId: null,
    customerId,
    contact: null,
    currency: 'EUR',
    capturedTenders: [],
    priceOverrideBy: 'test-suite',
    fulfilments: [{ type: 'pickup', storeId: 'PARIS-01', lines: [{ sku: 'SKU-GC', quantity: 1, unitPrice: 1000 }] }],
  });

  /** Four placements submitted in one tick: the first is written alone, the other three wait for it and go as one group. */
  async function placeFour(source: DataSource, prefix: string): Promise<PlaceOrderResult[]> {
    const placeOrder = new PlaceOrderUseCase(source, new OutboxWriter('/order'), new Clock(), orderRepository, priceListRepository, preorderRepository);
    return Promise.all([1, 2, 3, 4].map((i) => placeOrder.execute(placement(`${prefix}-${i}`))));
  }

  const ordersOf = (prefix: string) =>
    sql<{ id: string; customer_id: string }>(db, `SELECT id, customer_id FROM orders WHERE customer_id LIKE $1 ORDER BY customer_id`, [`${prefix}-%`]);
  const placedEventsOf = (prefix: string) =>
    sql<{ key: string }>(db, `SELECT message_key AS key FROM outbox WHERE event_type LIKE 'order.placed%' AND payload::jsonb ->> 'customerId' LIKE $1`, [
      `${prefix}-%`,
    ]);

  it('answers each placement of a group whose COMMIT landed but whose answer was lost with the order written, never a second one', async () => {
    const results = await placeFour(failing(2, 'after-commit'), 'lost-answer');

    const orders = await ordersOf('lost-answer');
    expect(orders.map((o) => o.customer_id)).toEqual(['lost-answer-1', 'lost-answer-2', 'lost-answer-3', 'lost-answer-4']);
    expect(results.map((r) => (r.ok ? r.order.id : r.code))).toEqual(orders.map((o) => o.id));
    expect((await placedEventsOf('lost-answer')).map((e) => e.key).sort()).toEqual(orders.map((o) => o.id).sort());
  });

  it('writes each placement of a group that failed before its COMMIT on its own, once', async () => {
    const results = await placeFour(failing(2, 'before-commit'), 'rolled-back');

    const orders = await ordersOf('rolled-back');
    expect(orders).toHaveLength(4);
    expect(results.map((r) => (r.ok ? r.order.id : r.code))).toEqual(orders.map((o) => o.id));
    expect((await placedEventsOf('rolled-back')).map((e) => e.key).sort()).toEqual(orders.map((o) => o.id).sort());
  });
});
