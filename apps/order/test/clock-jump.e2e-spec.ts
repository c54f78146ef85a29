import { INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, FAST_TEST_ENV, freePort, Journey, journeyStack, ServiceProcess, testAuthKeys, testInfra } from '@omni/testing';

const HOLD_DAYS = 2;
const ORDERS = 8;

/**
 * The clock moved forward across every pickup deadline while faults happen (docs/testing.md, issue
 * "survives faults"): two instances of the order service, both with the clock past the deadlines,
 * sweep the same ready orders at once, and one of them is killed with SIGKILL mid-sweep and
 * started again. Each order expires once: one order.expired, one refund, one notice to the
 * customer, and inventory puts its units back on the shelf once.
 */
describe('clock moved forward across the pickup deadlines, two sweepers, one killed', () => {
  let second: ServiceProcess | undefined;
  // Registered before the fixture, so it runs first: the second instance stops before the stack does.
  afterAll(() => second?.stop());
  const e2e = journeyStack(['order', 'inventory'], { topics: [ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC] });
  const store = Journey.id('CLOCK');
  const sku = Journey.id('SKU');

  beforeAll(async () => {
    await e2e.j.location(store, { pickupHoldDays: HOLD_DAYS });
    await e2e.j.receive(store, sku, ORDERS * 2);
  });

  const once = (topic: string, key: string, type: string) => new Set(e2e.probe.on(topic, { key, type }).map((m) => m.headers['ce_id'])).size;

  it('expires each ready order once, refunds it once, tells its customer once, and restocks its units once', async () => {
    const orders: { id: string }[] = [];
    for (let i = 0; i < ORDERS; i++) orders.push(await e2e.j.place(store, [{ sku, quantity: 2 }]));
    for (const o of orders) await e2e.j.status(o.id, 'RESERVED');
    for (const o of orders) await e2e.j.pickAll(store, o.id);
    expect(await e2e.j.stock(store, sku)).toMatchObject({ onHand: ORDERS * 2, reserved: ORDERS * 2 });

    // Both instances wake with the clock a day past every deadline and sweep every 100 ms.
    const jumped = { CLOCK_OFFSET_MS: String((HOLD_DAYS + 1) * 86_400_000), EXPIRY_SWEEP_INTERVAL_MS: '100' };
    const first = e2e.stack.services.order;
    await first.restart(jumped);
    second = new ServiceProcess('order', await freePort(), {
      ...FAST_TEST_ENV,
      KAFKA_BROKERS: testInfra().kafkaBrokers,
      DATABASE_URL: e2e.stack.databases.order,
      AUTH_PUBLIC_KEY: testAuthKeys().publicKey,
      ...jumped,
    }).start();
    await second.ready();
    // Mid-sweep: once the first expiries are out, the first instance dies and comes back.
    await eventually(() => expect(orders.some((o) => once(ORDER_EVENTS_TOPIC, o.id, 'order.expired.v1') > 0)).toBe(true));
    await first.restart(jumped, { crash: true });

    for (const o of orders) {
      await e2e.j.status(o.id, 'EXPIRED');
      await eventually(() => expect(once(ORDER_EVENTS_TOPIC, o.id, 'payment.refund-requested.v2')).toBe(1));
      expect(once(ORDER_EVENTS_TOPIC, o.id, 'order.expired.v1')).toBe(1);
      const notices = e2e.probe
        .on(NOTIFICATION_REQUESTS_TOPIC, { key: o.id, type: 'notification.requested.v2' })
        .map((m) => JSON.parse(m.value ?? '{}').template);
      expect([...new Set(notices)].sort()).toEqual(['pickup-expired', 'pickup-ready']);
      expect(new Set(e2e.probe.on(NOTIFICATION_REQUESTS_TOPIC, { key: o.id, type: 'notification.requested.v2' }).map((m) => m.headers['ce_id'])).size).toBe(2);
    }
    // Every unit back on the shelf, none counted twice.
    await eventually(() => e2e.j.stock(store, sku).then((s) => expect(s).toMatchObject({ onHand: ORDERS * 2, reserved: 0, available: ORDERS * 2 })));
  });
});
