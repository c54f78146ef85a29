import { deadLetterTopicOf, INVENTORY_EVENTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, FAST_TEST_ENV, freePort, http, KafkaProbe, ServiceProcess, sql, Stack, startStack, testInfra } from '@omni/testing';
import { InventoryDriver, uniq } from './inventory.harness';

const SWEEP = { RESERVATION_SWEEP_INTERVAL_MS: '200' };

/**
 * Unconfirmed reservations expire after RESERVATION_TTL_MINUTES (30 by default). Time moves by
 * restarting the service on the same database with CLOCK_OFFSET_MS past the TTL.
 */
describe('inventory reservation expiry', () => {
  let stack: Stack;
  let later: ServiceProcess | null = null;
  let inv: InventoryDriver;
  let db: string;
  let url: () => string;

  beforeAll(async () => {
    const probe = await new KafkaProbe().watch([INVENTORY_EVENTS_TOPIC, deadLetterTopicOf(ORDER_EVENTS_TOPIC)]);
    stack = await startStack(['inventory'], SWEEP);
    db = stack.databases.inventory;
    url = () => (later ?? stack.services.inventory).url;
    inv = new InventoryDriver(() => url(), probe, { http, eventually });
  });
  afterAll(async () => {
    await later?.stop();
    await stack?.stop();
    await inv?.probe.close();
  });

  it('releases unconfirmed reservations after the TTL and keeps confirmed ones', async () => {
    const store = await inv.location(uniq('S'));
    const wh = await inv.location(uniq('W'), { kind: 'warehouse' });
    const [here, there] = [uniq('H'), uniq('T')];
    await inv.receive(store, here, 5);
    await inv.receive(wh, there, 5);

    const unconfirmed = await inv.place(store, [
      { sku: here, quantity: 2 },
      { sku: there, quantity: 1 },
    ]);
    const confirmed = await inv.place(store, [{ sku: here, quantity: 1 }]);
    const [reserved] = await inv.published(unconfirmed.orderId, 'inventory.reserved');
    await inv.published(confirmed.orderId, 'inventory.reserved');
    await inv.confirm(confirmed);
    await eventually(async () =>
      expect(await sql(db, `SELECT expires_at FROM reservations WHERE order_id = $1`, [confirmed.orderId])).toEqual([{ expires_at: null }]),
    );
    const [{ ttl }] = await sql<{ ttl: number }>(
      db,
      `SELECT round(extract(epoch FROM expires_at - created_at) / 60)::int AS ttl FROM reservations WHERE order_id = $1 LIMIT 1`,
      [unconfirmed.orderId],
    );
    expect(ttl).toBe(30);
    // Within the TTL the sweeper (every 200 ms) has released nothing.
    expect(inv.types(unconfirmed.orderId)).toEqual(['inventory.reserved.v1']);

    // 31 minutes later: the same database, a service whose clock is ahead.
    await stack.services.inventory.stop();
    const { kafkaBrokers } = testInfra();
    later = new ServiceProcess('inventory', await freePort(), {
      ...FAST_TEST_ENV,
      ...SWEEP,
      KAFKA_BROKERS: kafkaBrokers,
      DATABASE_URL: db,
      CLOCK_OFFSET_MS: String(31 * 60_000),
    }).start();
    await later.ready();

    const [released] = await inv.published(unconfirmed.orderId, 'inventory.reservation-released');
    expect(released.reason).toBe('RESERVATION.EXPIRED');
    expect(released.lines).toHaveLength(2);
    expect(await inv.stock(store, here)).toMatchObject({ onHand: 5, reserved: 1 });
    expect(await inv.stock(wh, there)).toMatchObject({ onHand: 5, reserved: 0 });
    expect((await http('GET', `${url()}/transfers/${reserved.transfers[0].transferId}`)).body.status).toBe('CANCELLED');
    expect(await sql(db, `SELECT status FROM reservations WHERE order_id = $1`, [confirmed.orderId])).toEqual([{ status: 'ACTIVE' }]);
    expect(inv.types(confirmed.orderId)).toEqual(['inventory.reserved.v1']);
  });
});
