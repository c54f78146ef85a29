import { INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, http, Journey, journeyStack } from '@omni/testing';

/** Samples of one metric in Prometheus text: each with its labels and value. */
function samples(text: string, name: string): { labels: Record<string, string>; value: number }[] {
  const out: { labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    out.push({ labels, value: Number(m[3]) });
  }
  return out;
}
const one = (text: string, name: string, labels: Record<string, string> = {}) =>
  samples(text, name).filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v));

/** docs/operations.md#metrics, scraped from running services after a click & collect journey. */
describe('metrics', () => {
  const e2e = journeyStack(['order', 'inventory'], { topics: [ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC] });

  const scrape = async (service: 'order' | 'inventory') => {
    // Public: no token, like the health probes.
    const res = await http('GET', `${e2e.stack.services[service].url}/metrics`, undefined, {}, { token: null });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    return res.body as string;
  };

  it('after a click & collect journey: journey latencies, published and consumed events, an empty outbox, consumer lag', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    await e2e.j.receive(store, 'SCARF', 2);
    const placed = await e2e.j.place(store, [{ sku: 'SCARF', quantity: 1 }]);
    await e2e.j.status(placed.id, 'RESERVED');
    await e2e.j.pickAll(store, placed.id);
    const code = await e2e.j.pickupCode(placed.id);
    expect((await e2e.j.store(store).collect(placed.id, code)).status).toBeLessThan(300);
    await e2e.j.status(placed.id, 'COLLECTED');

    await eventually(
      async () => {
        const order = await scrape('order');
        const reserved = one(order, 'journey_step_duration_seconds_count', { step: 'placed_to_reserved', service: 'order' });
        expect(reserved[0]?.value).toBeGreaterThanOrEqual(1);
        const reservedSum = one(order, 'journey_step_duration_seconds_sum', { step: 'placed_to_reserved' })[0].value;
        expect(reservedSum).toBeGreaterThan(0);
        expect(reservedSum).toBeLessThan(60);
        expect(one(order, 'journey_step_duration_seconds_count', { step: 'ready_to_collected' })[0]?.value).toBeGreaterThanOrEqual(1);
        const collectedSum = one(order, 'journey_step_duration_seconds_sum', { step: 'ready_to_collected' })[0].value;
        expect(collectedSum).toBeGreaterThanOrEqual(0);
        expect(collectedSum).toBeLessThan(120);

        expect(one(order, 'outbox_backlog')[0]?.value).toBe(0);
        expect(one(order, 'outbox_oldest_unsent_age_seconds')[0]?.value).toBe(0);
        expect(one(order, 'outbox_events_published_total', { topic: ORDER_EVENTS_TOPIC })[0]?.value).toBeGreaterThan(0);
        expect(
          one(order, 'events_consumed_total', { topic: INVENTORY_EVENTS_TOPIC, type: 'inventory.reserved.v1', outcome: 'applied' })[0]?.value,
        ).toBeGreaterThanOrEqual(1);
        const lag = one(order, 'kafka_consumer_lag', { topic: INVENTORY_EVENTS_TOPIC });
        expect(lag.length).toBeGreaterThan(0);
        for (const l of lag) expect(l.labels.partition).toMatch(/^\d+$/);
        expect(one(order, 'http_request_duration_seconds_count', { method: 'POST', route: '/orders', status: '201' })[0]?.value).toBeGreaterThanOrEqual(1);
        expect(one(order, 'nodejs_heap_size_used_bytes').length).toBe(1);
        // Every request to the broker, by client and API: the relay's produce, the consumer's fetches and commits.
        expect(one(order, 'kafka_requests_total', { client: 'producer', api: 'Produce' })[0]?.value).toBeGreaterThanOrEqual(1);
        expect(one(order, 'kafka_requests_total', { client: 'consumer', api: 'Fetch' })[0]?.value).toBeGreaterThanOrEqual(1);
        expect(one(order, 'kafka_requests_total', { client: 'consumer', api: 'OffsetCommit' })[0]?.value).toBeGreaterThanOrEqual(1);

        const inventory = await scrape('inventory');
        expect(one(inventory, 'outbox_backlog')[0]?.value).toBe(0);
        expect(one(inventory, 'outbox_events_published_total', { topic: INVENTORY_EVENTS_TOPIC })[0]?.value).toBeGreaterThan(0);
        expect(
          one(inventory, 'events_consumed_total', { topic: ORDER_EVENTS_TOPIC, type: 'order.placed.v2', outcome: 'applied' })[0]?.value,
        ).toBeGreaterThanOrEqual(1);
        expect(one(inventory, 'kafka_consumer_lag', { topic: ORDER_EVENTS_TOPIC }).length).toBeGreaterThan(0);
      },
      { timeoutMs: 20_000 },
    );
  });

  it('is public and not rate limited: scrapes without a token answer 200', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => http('GET', `${e2e.stack.services.order.url}/metrics`, undefined, {}, { token: null })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });
});
