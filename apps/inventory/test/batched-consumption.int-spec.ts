import { deadLetterTopicOf, INVENTORY_EVENTS_TOPIC, ORDER_EVENTS_TOPIC, OrderPlacedPayload, OrderPlacedV1, WireMessage } from '@omni/contracts';
import { eventually, http, KafkaProbe, sql, Stack, startStack, testEvent } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/**
 * Events of one partition that arrive together are applied in shared transactions (ADR 0012):
 * each still exactly once, in order, with poison among them dead-lettered, and nothing lost or
 * doubled when the service is killed in the middle of a batch.
 */
describe('inventory applies a partition backlog in shared transactions', () => {
  let stack: Stack;
  let probe: KafkaProbe;
  let db: string;
  const store = `S-${randomUUID().slice(0, 8)}`;
  const url = () => stack.services.inventory.url;

  beforeAll(async () => {
    probe = await new KafkaProbe().watch([INVENTORY_EVENTS_TOPIC, deadLetterTopicOf(ORDER_EVENTS_TOPIC)]);
    stack = await startStack(['inventory']);
    db = stack.databases.inventory;
    const created = await http('PUT', `${url()}/locations/${store}`, {
      name: 'Batch store',
      kind: 'store',
      timeZone: 'Europe/Paris',
      offersPickup: true,
      pickTimeMinutes: 30,
      pickupHoldDays: 3,
      transferDays: 1,
    });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await stack?.stop();
    await probe?.close();
  });

  const orderPlaced = (sku: string): WireMessage => {
    const orderId = randomUUID();
    const payload: OrderPlacedPayload = {
      orderId,
      channel: 'web',
      storeId: store,
      customerId: null,
      currency: 'EUR',
      lines: [{ lineId: randomUUID(), sku, quantity: 1, unitPrice: 1000 }],
      placedAt: new Date().toISOString(),
    };
    return testEvent(OrderPlacedV1, payload);
  };
  /** While the service is down, so that they wait as one backlog on one partition. */
  const backlog = async (partition: number, messages: WireMessage[]) => {
    await stack.services.inventory.stop();
    for (let i = 0; i < messages.length; i += 200)
      await probe.produce(
        ORDER_EVENTS_TOPIC,
        messages.slice(i, i + 200).map((m) => ({ ...m, partition })),
      );
  };
  const restart = async () => {
    stack.services.inventory.start();
    await stack.services.inventory.ready();
  };
  const count = async (query: string, params: unknown[]) => (await sql<{ n: number }>(db, query, params))[0].n;
  const stock = async (sku: string) => (await http('GET', `${url()}/locations/${store}/stock/${sku}`)).body;

  it('applies each event of the backlog once and in order, shares transactions, and dead-letters the poison among them', async () => {
    const sku = `BATCH-${randomUUID().slice(0, 6)}`;
    // 30 units for 40 orders: applied in partition order, the first 30 get them.
    expect((await http('POST', `${url()}/locations/${store}/stock/${sku}/adjustments`, { reason: 'receipt', quantity: 30 })).status).toBe(200);
    const orders = Array.from({ length: 40 }, () => orderPlaced(sku));
    const poison = { ...orderPlaced(sku) };
    poison.value = JSON.stringify({ ...JSON.parse(poison.value!), lines: [{ lineId: 'not-a-uuid', sku, quantity: -3 }] });
    // A redelivery of the sixth order inside the first run, and the poison in the second.
    const messages = [...orders.slice(0, 10), orders[5], ...orders.slice(10, 25), poison, ...orders.slice(25)];
    await backlog(0, messages);
    await restart();

    const ids = orders.map((o) => o.headers['ce_id']);
    await eventually(async () => expect(await count('SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1::uuid[])', [ids])).toBe(40));
    const answer = (o: WireMessage) => probe.on(INVENTORY_EVENTS_TOPIC, { key: o.key }).map((m) => m.headers['ce_type']);
    await eventually(() => expect(orders.map(answer)).toEqual([...Array(30).fill(['inventory.reserved.v1']), ...Array(10).fill(['inventory.rejected.v1'])]));
    expect(await count('SELECT count(*)::int AS n FROM reservations WHERE order_id = ANY($1::uuid[])', [orders.map((o) => o.key)])).toBe(30);
    expect(await stock(sku)).toMatchObject({ onHand: 30, reserved: 30 });
    await eventually(() =>
      expect(probe.on(deadLetterTopicOf(ORDER_EVENTS_TOPIC), { key: poison.key }).map((m) => m.headers['dlq-reason-code'])).toEqual([
        'ENVELOPE.SCHEMA_INVALID',
      ]),
    );

    // Rows a transaction writes carry its id (xmin): fewer ids than events means they shared some.
    expect(await count('SELECT count(DISTINCT xmin::text)::int AS n FROM inbox WHERE event_id = ANY($1::uuid[])', [ids])).toBeLessThan(40);
  });

  it('gives up a shared run that waits on a locked row, and applies its events one by one once the row is free', async () => {
    const sku = `LOCKED-${randomUUID().slice(0, 6)}`;
    expect((await http('POST', `${url()}/locations/${store}/stock/${sku}/adjustments`, { reason: 'receipt', quantity: 50 })).status).toBe(200);
    const orders = Array.from({ length: 30 }, () => orderPlaced(sku));
    // A stock count in progress elsewhere holds the SKU's row.
    const counting = new Client({ connectionString: db });
    await counting.connect();
    try {
      await counting.query('BEGIN');
      await counting.query('SELECT * FROM stock WHERE location_id = $1 AND sku = $2 FOR UPDATE', [store, sku]);
      await backlog(2, orders);
      await restart();
      // The shared run gave up at its lock timeout; then an event alone waits for the row, and
      // nothing of the backlog is applied meanwhile.
      const gaveUp = () =>
        stack.services.inventory.logs.some((l) => l.includes('shared run rolled back') && l.includes('lock timeout') && l.includes('"partition":2'));
      await eventually(() => expect(gaveUp()).toBe(true));
      await eventually(async () =>
        expect(
          await count(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'inventory' AND wait_event_type = 'Lock'`,
            [],
          ),
        ).toBe(1),
      );
      expect(await count('SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1::uuid[])', [orders.map((o) => o.headers['ce_id'])])).toBe(0);
      await counting.query('COMMIT');
    } finally {
      await counting.end();
    }
    await eventually(async () =>
      expect(await count('SELECT count(*)::int AS n FROM reservations WHERE order_id = ANY($1::uuid[])', [orders.map((o) => o.key)])).toBe(30),
    );
    expect(await stock(sku)).toMatchObject({ onHand: 50, reserved: 30 });
    // Had the run waited for the row, the 30 events would sit in two transactions (20 and 10).
    expect(
      await count('SELECT count(DISTINCT xmin::text)::int AS n FROM inbox WHERE event_id = ANY($1::uuid[])', [orders.map((o) => o.headers['ce_id'])]),
    ).toBeGreaterThan(2);
  });

  it('loses and doubles nothing when killed in the middle of a backlog', async () => {
    const sku = `CRASH-${randomUUID().slice(0, 6)}`;
    expect((await http('POST', `${url()}/locations/${store}/stock/${sku}/adjustments`, { reason: 'receipt', quantity: 1000 })).status).toBe(200);
    const orders = Array.from({ length: 400 }, () => orderPlaced(sku));
    const ids = orders.map((o) => o.headers['ce_id']);
    await backlog(1, orders);
    await restart();
    // Kill it as soon as part of the backlog is applied.
    const applied = () => count('SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1::uuid[])', [ids]);
    await eventually(async () => expect(await applied()).toBeGreaterThan(0), { intervalMs: 20 });
    await stack.services.inventory.kill();
    const beforeCrash = await applied();
    await restart();

    await eventually(async () => expect(await applied()).toBe(400), { timeoutMs: 60_000 });
    expect(await count('SELECT count(*)::int AS n FROM reservations WHERE order_id = ANY($1::uuid[])', [orders.map((o) => o.key)])).toBe(400);
    expect(await stock(sku)).toMatchObject({ onHand: 1000, reserved: 400 });
    // Every reservation reached Kafka (a crash between publishing and marking sent may publish one twice, with the same event id).
    await eventually(
      () => expect(orders.filter((o) => probe.on(INVENTORY_EVENTS_TOPIC, { key: o.key, type: 'inventory.reserved.v1' }).length === 0)).toEqual([]),
      { timeoutMs: 60_000 },
    );
    for (const o of orders)
      expect(new Set(probe.on(INVENTORY_EVENTS_TOPIC, { key: o.key, type: 'inventory.reserved.v1' }).map((m) => m.headers['ce_id'])).size).toBe(1);
    expect(beforeCrash).toBeLessThanOrEqual(400);
  });
});
