import { INVENTORY_EVENTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, http, Journey, journeyStack, ServiceProcess, sql } from '@omni/testing';
import { randomUUID } from 'node:crypto';

/**
 * Kill points of the outbox and the consumer (docs/testing/fault-injection.md): a service is killed with SIGKILL
 * at one exact moment of a click & collect order — before its transaction commits, after the
 * commit and before the relay publishes, after the relay published and before it marked the rows
 * sent, after a consumer committed and before its offsets did — and restarted. Each time the
 * order is placed once, reserved once, confirmed once; what was committed is published, and what
 * is delivered twice changes nothing.
 */
describe('kill points: SIGKILL at each step of the outbox and the consumer', () => {
  const e2e = journeyStack(['order', 'inventory'], {
    topics: [ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC],
    // A key whose request died with its process is taken over after 3 s here (60 s by default).
    env: { IDEMPOTENCY_ABANDONED_AFTER_S: '3' },
  });
  const store = Journey.id('S');

  beforeAll(() => e2e.j.location(store));

  /** Restarts `service` with the failpoint set and waits until it is ready. */
  async function armed(service: ServiceProcess, failpoint: string): Promise<void> {
    await service.restart({ FAILPOINT: failpoint });
  }

  /** Waits until the failpoint has killed `service`, checks what it left (`whileDown`), then starts it again without it. */
  async function afterKill(service: ServiceProcess, failpoint: string, whileDown: () => Promise<void>): Promise<void> {
    expect(await service.exit()).toEqual({ code: null, signal: 'SIGKILL' });
    expect(service.logs.some((l) => l.includes(`"failpoint":"${failpoint}"`))).toBe(true);
    await whileDown();
    await service.restart({ FAILPOINT: '' });
  }

  const ordersOf = (customerId: string) => sql<{ id: string }>(e2e.stack.databases.order, 'SELECT id FROM orders WHERE customer_id = $1', [customerId]);
  const unsentPlacement = (orderId: string) =>
    sql(e2e.stack.databases.order, `SELECT event_type FROM outbox WHERE message_key = $1 AND sent_at IS NULL`, [orderId]);

  const placement = (sku: string) => ({
    channel: 'web',
    storeId: store,
    customerId: `kill-${randomUUID().slice(0, 8)}`,
    currency: 'EUR',
    lines: [{ sku, quantity: 2, unitPrice: 1000 }],
  });
  const place = (body: ReturnType<typeof placement>, key: string) =>
    http('POST', `${e2e.stack.services.order.url}/orders`, body, { 'Idempotency-Key': key }).catch((e: Error) => ({
      status: 0,
      headers: new Headers(),
      body: e.message,
    }));

  /** The order was placed once, reserved once (two units), confirmed once, and inventory's books agree. */
  async function exactlyOnce(sku: string, customerId: string): Promise<string> {
    const orders = await eventually(async () => {
      const rows = await sql<{ id: string }>(e2e.stack.databases.order, 'SELECT id FROM orders WHERE customer_id = $1', [customerId]);
      expect(rows).toHaveLength(1);
      return rows;
    });
    const orderId = orders[0].id;
    await eventually(async () => expect((await e2e.j.get(orderId)).status).toBe('RESERVED'), { timeoutMs: 60_000 });
    await eventually(() =>
      expect(new Set(e2e.probe.on(ORDER_EVENTS_TOPIC, { key: orderId, type: 'order.confirmed.v1' }).map((m) => m.headers['ce_id'])).size).toBe(1),
    );
    expect(new Set(e2e.probe.on(ORDER_EVENTS_TOPIC, { key: orderId, type: 'order.placed.v2' }).map((m) => m.headers['ce_id'])).size).toBe(1);
    expect(await sql(e2e.stack.databases.inventory, 'SELECT quantity FROM reservations WHERE order_id = $1', [orderId])).toEqual([{ quantity: 2 }]);
    expect(await e2e.j.stock(store, sku)).toMatchObject({ onHand: 5, reserved: 2, available: 3 });
    expect(await sql(e2e.stack.databases.order, 'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL')).toEqual([{ n: 0 }]);
    return orderId;
  }

  it('before the commit: the request fails, nothing of it stays, not even its key (taken with its effects), and the retry with its key places the order once', async () => {
    const sku = Journey.id('KILL-A');
    await e2e.j.receive(store, sku, 5);
    const order = e2e.stack.services.order;
    await armed(order, 'outbox.before-commit');
    const body = placement(sku);
    const key = randomUUID();
    const first = await place(body, key);
    expect(first.status).toBe(0); // the connection died with the process
    await afterKill(order, 'outbox.before-commit', async () => {
      expect(await ordersOf(body.customerId)).toEqual([]);
      // No key left to wait on: the retry need not wait for IDEMPOTENCY_ABANDONED_AFTER_S to take it over.
      expect(await sql(e2e.stack.databases.order, 'SELECT status_code, committed_at FROM idempotency_keys WHERE key = $1', [key])).toEqual([]);
    });
    const retried = await place(body, key);
    expect(retried.status).toBe(201);
    expect(await exactlyOnce(sku, body.customerId)).toBe(retried.body.id);
  });

  it('after the commit, before the relay published: the order.placed committed is published once the service is back, and a retry with its key is answered as the placement was (its answer committed with it), never placed twice', async () => {
    const sku = Journey.id('KILL-B');
    await e2e.j.receive(store, sku, 5);
    const order = e2e.stack.services.order;
    await armed(order, 'outbox.after-commit');
    const body = placement(sku);
    const key = randomUUID();
    await place(body, key);
    await afterKill(order, 'outbox.after-commit', async () => {
      // Committed, and its order.placed still in the outbox: nobody has heard of the order yet.
      const [placed] = await ordersOf(body.customerId);
      expect(await unsentPlacement(placed.id)).toEqual([{ event_type: 'order.placed.v2' }]);
      expect(e2e.probe.on(ORDER_EVENTS_TOPIC, { key: placed.id })).toEqual([]);
    });
    const retried = await place(body, key);
    // Placed without Prefer: wait, its answer (the order as placed) went in with the key and the order.
    expect([retried.status, retried.headers.get('idempotent-replayed'), retried.body.status]).toEqual([201, 'true', 'PLACED']);
    const orderId = await exactlyOnce(sku, body.customerId);
    expect(retried.body.id).toBe(orderId);
  });

  it('after a request that publishes nothing committed, before it answered: a retry with its key is told its answer was lost, never applied twice', async () => {
    const order = e2e.stack.services.order;
    await armed(order, 'request.after-commit');
    const sku = Journey.id('KILL-CART');
    const cart = { channel: 'web', currency: 'EUR', lines: [{ sku, quantity: 1, unitPrice: 1000 }] };
    const key = randomUUID();
    const create = () => http('POST', `${order.url}/carts`, cart, { 'Idempotency-Key': key }).catch((e: Error) => ({ status: 0, body: e.message }));
    const cartsWith = () => sql(e2e.stack.databases.order, `SELECT id FROM carts WHERE lines @> $1::jsonb`, [JSON.stringify([{ sku }])]);
    expect((await create()).status).toBe(0);
    await afterKill(order, 'request.after-commit', async () => expect(await cartsWith()).toHaveLength(1));
    const retried = await create();
    expect([retried.status, retried.body.code]).toEqual([409, 'IDEMPOTENCY.ANSWER_LOST']);
    const carts = await cartsWith();
    expect(carts).toHaveLength(1);
    expect(retried.body.location).toBe(`/carts/${(carts[0] as { id: string }).id}`);
  });

  it('after the relay published, before it marked the rows sent: published again, applied once', async () => {
    const sku = Journey.id('KILL-C');
    await e2e.j.receive(store, sku, 5);
    const order = e2e.stack.services.order;
    await armed(order, 'relay.after-publish');
    const body = placement(sku);
    await place(body, randomUUID());
    await afterKill(order, 'relay.after-publish', async () => {
      // On the topic, and still unsent in the outbox: the relay will publish it again.
      const [placed] = await ordersOf(body.customerId);
      expect(await unsentPlacement(placed.id)).toEqual([{ event_type: 'order.placed.v2' }]);
      await eventually(() => expect(e2e.probe.on(ORDER_EVENTS_TOPIC, { key: placed.id, type: 'order.placed.v2' })).toHaveLength(1));
    });
    const orderId = await exactlyOnce(sku, body.customerId);
    // The same event twice on the topic (one id), one reservation: inventory's inbox dropped the second.
    await eventually(() => expect(e2e.probe.on(ORDER_EVENTS_TOPIC, { key: orderId, type: 'order.placed.v2' }).length).toBeGreaterThanOrEqual(2));
  });

  it('after a consumer committed, before its offsets: the event comes again and changes nothing', async () => {
    const sku = Journey.id('KILL-D');
    await e2e.j.receive(store, sku, 5);
    const inventory = e2e.stack.services.inventory;
    await armed(inventory, 'consumer.after-commit');
    const body = placement(sku);
    const placed = await place(body, randomUUID());
    expect(placed.status).toBe(201);
    // Killed after committing this order's reservation: the kill is at this event, not an earlier one.
    await afterKill(inventory, 'consumer.after-commit', async () =>
      expect(await sql(e2e.stack.databases.inventory, 'SELECT quantity FROM reservations WHERE order_id = $1', [placed.body.id])).toEqual([{ quantity: 2 }]),
    );
    const orderId = await exactlyOnce(sku, body.customerId);
    expect(orderId).toBe(placed.body.id);
    expect(new Set(e2e.probe.on(INVENTORY_EVENTS_TOPIC, { key: orderId, type: 'inventory.reserved.v1' }).map((m) => m.headers['ce_id'])).size).toBe(1);
  });
});
