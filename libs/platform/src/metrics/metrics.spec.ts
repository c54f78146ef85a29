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
});
