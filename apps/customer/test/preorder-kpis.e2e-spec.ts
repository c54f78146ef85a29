import { ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, http, Journey, journeyStack } from '@omni/testing';

const DAY = 24 * 3600 * 1000;

/**
 * Preorder KPIs from a real preorder journey: three preorders placed through the order service,
 * two reached by units received at the store, one cancelled, the release day passing (the order
 * service's clock moved on), the figures read from the customer service and checked against the
 * events the journey produced.
 */
describe('preorder KPIs', () => {
  const store = Journey.id('PARIS');
  const sku = Journey.id('CONSOLE');
  const from = new Date(Date.now() - 3600_000).toISOString();
  const to = () => new Date(Date.now() + 3600_000).toISOString();

  const e2e = journeyStack(['order', 'inventory', 'customer'], { topics: [ORDER_EVENTS_TOPIC], env: { EXPIRY_SWEEP_INTERVAL_MS: '500' } });

  beforeAll(async () => {
    await e2e.j.location(store);
  });

  const ok = (res: { status: number; body: unknown }, what: string) => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };
  const event = (orderId: string, type: string, field: string) =>
    eventually(() => {
      const [m] = e2e.probe.on(ORDER_EVENTS_TOPIC, { key: orderId, type });
      expect(m).toBeDefined();
      return Date.parse(JSON.parse(m.value!)[field]);
    });

  it('counts each preorder at its store: supplied (the fill rate), ready, cancelled, rescheduled, and the times between', async () => {
    const releaseAt = new Date(Date.now() + DAY);
    ok(
      await http('PUT', `${e2e.j.order}/preorder-products/${sku}`, {
        releaseAt: releaseAt.toISOString(),
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: releaseAt.toISOString(),
        capPerStore: 100,
        capPerCustomer: 2,
      }),
      'preorder product',
    );
    const preorder = (customerId: string) =>
      e2e.j.placeOrder({
        channel: 'app',
        customerId,
        fulfilments: [{ type: 'pickup', storeId: store, preorder: true, lines: [{ sku, quantity: 1, unitPrice: 49900 }] }],
      });
    const orders = [await preorder('fan-1'), await preorder('fan-2'), await preorder('fan-3')];
    for (const o of orders) await e2e.j.status(o.id, 'PREORDERED');

    // Two units reach the store: the first two in line are served; the third cancels.
    await e2e.j.receive(store, sku, 2);
    await e2e.j.status(orders[0].id, 'ALLOCATED');
    await e2e.j.status(orders[1].id, 'ALLOCATED');
    ok(await http('POST', `${e2e.j.order}/orders/${orders[2].id}/cancel`, { reason: 'CUSTOMER.REQUEST' }), 'cancel');
    // Release day: the order service's clock passes it, and the allocated preorders become ready.
    await e2e.stack.services.order.restart({ CLOCK_OFFSET_MS: String(2 * DAY) });
    await e2e.j.status(orders[0].id, 'READY_FOR_PICKUP');
    await e2e.j.status(orders[1].id, 'READY_FOR_PICKUP');

    const rows = async () => {
      const res = await http('GET', `${e2e.stack.services.customer.url}/kpis/preorders?from=${from}&to=${to()}&storeId=${store}`);
      expect(res.status).toBe(200);
      return res.body.rows as Record<string, unknown>[];
    };
    const [row] = await eventually(async () => {
      const r = await rows();
      expect(r).toMatchObject([{ ready: 2, cancelled: 1 }]);
      return r;
    });
    // Whose estimate moved, as the order events tell it.
    const rescheduled = orders.filter((o) => e2e.probe.on(ORDER_EVENTS_TOPIC, { key: o.id, type: 'order.preorder-rescheduled.v1' }).length > 0).length;
    expect(row).toMatchObject({
      storeId: store,
      channel: 'app',
      preorders: 3,
      allocated: 2,
      ready: 2,
      collected: 0,
      cancelled: 1,
      rescheduled,
      fillRate: 0.6667,
      rescheduleRate: Math.round((rescheduled / 3) * 10_000) / 10_000,
    });

    // The headline gauges of the store over the last 24 hours, read at the first scrape.
    const metrics = (await http('GET', `${e2e.stack.services.customer.url}/metrics`, undefined, {}, { token: null })).body as string;
    expect(metrics).toContain(`kpi_preorders_placed{store="${store}",service="customer"} 3\n`);
    expect(metrics).toContain(`kpi_preorders_fill_rate{store="${store}",service="customer"} 0.6667\n`);
    expect(metrics).toContain(`kpi_preorders_reschedule_rate{store="${store}",service="customer"} ${Math.round((rescheduled / 3) * 10_000) / 10_000}\n`);

    // The times, by hand from the events: the median of two is their mean.
    const times = await Promise.all(
      orders.slice(0, 2).map(async (o) => ({
        placed: await event(o.id, 'order.placed.v2', 'placedAt'),
        allocated: await event(o.id, 'order.preorder-allocated.v1', 'allocatedAt'),
        ready: await event(o.id, 'order.ready-for-pickup.v1', 'readyAt'),
      })),
    );
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length / 1000;
    expect(row.placedToAllocatedP50s as number).toBeCloseTo(mean(times.map((t) => t.allocated - t.placed)), 0);
    expect(row.allocatedToReadyP50s as number).toBeCloseTo(mean(times.map((t) => t.ready - t.allocated)), 0);
    // The release was a clock jump of two days: supply to ready took about that.
    expect(row.allocatedToReadyP50s as number).toBeGreaterThan(DAY / 1000);
  });
});
