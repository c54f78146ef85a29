import { routeTemplate } from './http-metrics';
import { Metrics } from './metrics';

describe('routeTemplate', () => {
  it.each([
    [{ baseUrl: '', route: { path: '/orders/:id' } }, '/orders/:id'],
    [{ baseUrl: '/stores', route: { path: '/:storeId/pick-list' } }, '/stores/:storeId/pick-list'],
    [{ baseUrl: '' }, 'unmatched'],
    [{ route: { path: /regex/ } }, 'unmatched'],
  ])('%j → %s', (req, expected) => expect(routeTemplate(req)).toBe(expected));
});

describe('Metrics', () => {
  it('records journey steps in seconds from the domain timestamps, never negative', async () => {
    const m = new Metrics('order');
    m.journeyStep('placed_to_reserved', new Date('2026-01-01T00:00:00.000Z'), new Date('2026-01-01T00:00:00.250Z'));
    m.journeyStep('ready_to_collected', new Date('2026-01-01T01:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    const text = await m.scrape();
    expect(text).toContain('journey_step_duration_seconds_sum{service="order",step="placed_to_reserved"} 0.25');
    expect(text).toContain('journey_step_duration_seconds_count{service="order",step="ready_to_collected"} 1');
    expect(text).toContain('journey_step_duration_seconds_sum{service="order",step="ready_to_collected"} 0');
  });

  it('counts requests to Kafka by client and API', async () => {
    const m = new Metrics('order');
    m.kafkaRequest('consumer', 'Fetch');
    m.kafkaRequest('consumer', 'Fetch');
    m.kafkaRequest('producer', 'Produce');
    const text = await m.scrape();
    expect(text).toContain('kafka_requests_total{client="consumer",api="Fetch",service="order"} 2');
    expect(text).toContain('kafka_requests_total{client="producer",api="Produce",service="order"} 1');
  });

  it('has its own registry with default Node metrics, and gauges computed on scrape', async () => {
    const a = new Metrics('a');
    const b = new Metrics('b');
    let calls = 0;
    a.gauge('things', 'things', ['kind'], async (set) => {
      calls++;
      set({ kind: 'x' }, 3);
    });
    a.eventConsumed('t', 'e.v1', 'applied');
    expect(await a.scrape()).toMatch(/^things\{[^}]*kind="x"[^}]*\} 3$/m);
    expect(calls).toBe(1);
    expect(await a.scrape()).toContain('process_cpu_user_seconds_total');
    expect(await a.scrape()).toMatch(/^events_consumed_total\{[^}]*outcome="applied"[^}]*\} 1$/m);
    expect(await b.scrape()).not.toContain('things');
  });

  it('leaves a gauge that cannot be read out of the scrape, counts it, and still answers the rest', async () => {
    const m = new Metrics('order');
    let down = true;
    m.gauge('parked', 'parked', ['kind'], async (set) => {
      if (down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      set({ kind: 'capture' }, 2);
    });
    m.eventConsumed('order.events.v1', 'order.placed.v2', 'retried');
    const during = await m.scrape();
    expect(during).not.toMatch(/^parked\{/m);
    expect(during).toMatch(/^events_consumed_total\{[^}]*outcome="retried"[^}]*\} 1$/m);
    // The failure counter is read before the gauges are collected: a scrape shows the failures of those before it.
    expect(await m.scrape()).toMatch(/^metrics_gauge_failures_total\{[^}]*gauge="parked"[^}]*\} [12]$/m);
    down = false;
    expect(await m.scrape()).toMatch(/^parked\{[^}]*kind="capture"[^}]*\} 2$/m);
  });
});
