import { NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, http, Journey, journeyStack, mintToken, sql, tokens } from '@omni/testing';
import { randomUUID } from 'node:crypto';

const uniq = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/**
 * Click & collect KPIs from real journeys: orders placed, picked, collected or cancelled through
 * the order service's HTTP API, their events projected by the customer service, the figures read
 * per store, channel and day or hour.
 */
describe('click & collect KPIs', () => {
  let paris: string;
  let lyon: string;
  const sku = uniq('MUG');
  const from = new Date(Date.now() - 3600_000).toISOString();
  const to = () => new Date(Date.now() + 3600_000).toISOString();

  const e2e = journeyStack(['order', 'inventory', 'customer'], { topics: [ORDER_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC] });

  beforeAll(async () => {
    [paris, lyon] = [Journey.id('PARIS'), Journey.id('LYON')];
    for (const s of [paris, lyon]) {
      await e2e.j.location(s);
      await e2e.j.receive(s, sku, 10);
    }
    await e2e.j.price(sku, 1500);
  });

  const kpis = (query: string, token?: string | null) =>
    http('GET', `${e2e.stack.services.customer.url}/kpis/click-and-collect?${query}`, undefined, {}, token === undefined ? {} : { token });
  const rowsOf = async (query: string, token?: string | null) => {
    const res = await kpis(query, token);
    expect(res.status).toBe(200);
    return res.body.rows as Record<string, unknown>[];
  };

  it('counts each pickup where it is collected: ready, collected, cancelled before pickup, the times between and the rates', async () => {
    const collected = await e2e.j.place(paris, [{ sku, quantity: 1 }]);
    const cancelled = await e2e.j.place(paris, [{ sku, quantity: 2 }]);
    const elsewhere = await e2e.j.place(lyon, [{ sku, quantity: 1 }]);
    for (const o of [collected, cancelled, elsewhere]) await e2e.j.status(o.id, 'RESERVED');
    await e2e.j.pickAll(paris, collected.id);
    expect((await e2e.j.store(paris).collect(collected.id, await e2e.j.pickupCode(collected.id))).status).toBe(200);
    expect((await e2e.j.store(paris).cancel(cancelled.id, 'CUSTOMER.REQUEST')).status).toBe(200);
    await e2e.j.status(collected.id, 'COLLECTED');
    await e2e.j.status(cancelled.id, 'CANCELLED');

    const [row] = await eventually(async () => {
      const rows = await rowsOf(`from=${from}&to=${to()}&storeId=${paris}`);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ collected: 1, cancelledBeforePickup: 1 });
      return rows;
    });
    expect(row).toMatchObject({
      storeId: paris,
      channel: 'web',
      orders: 2,
      pickups: 2,
      ready: 1,
      collected: 1,
      expired: 0,
      cancelledBeforePickup: 1,
      shortPicked: 0,
      shipToStore: 0,
      pickupRate: 1,
      expiryRate: 0,
      shortPickRate: 0,
      cancelledBeforePickupRate: 0.5,
    });
    // The times, computed by hand from the events the journey produced (one pickup was ready: its own times).
    const at = (type: string, field: string) =>
      eventually(() => {
        const [m] = e2e.probe.on(ORDER_EVENTS_TOPIC, { key: collected.id, type });
        expect(m).toBeDefined();
        return Date.parse(JSON.parse(m.value!)[field]);
      });
    const [placedAt, readyAt, collectedAt] = [
      await at('order.placed.v2', 'placedAt'),
      await at('order.ready-for-pickup.v1', 'readyAt'),
      await at('order.collected.v1', 'collectedAt'),
    ];
    expect(row.placedToReadyP50s as number).toBeCloseTo((readyAt - placedAt) / 1000, 0);
    expect(row.placedToReadyP90s).toEqual(row.placedToReadyP50s);
    expect(row.readyToCollectedP50s as number).toBeCloseTo((collectedAt - readyAt) / 1000, 0);
    expect(row.bucket as string).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);

    // The headline figures as gauges for Prometheus (read after the projection has them: a reading serves a minute).
    const metrics = (await http('GET', `${e2e.stack.services.customer.url}/metrics`, undefined, {}, { token: null })).body as string;
    expect(metrics).toContain(`kpi_click_and_collect_pickups{store="${paris}",service="customer"} 2`);
    expect(metrics).toContain(`kpi_click_and_collect_pickup_rate{store="${paris}",service="customer"} 1`);
    expect(metrics).toContain(`kpi_click_and_collect_pickups{store="${lyon}",service="customer"} 1`);

    // By hour, and every store at once for the back office.
    const hourly = await rowsOf(`from=${from}&to=${to()}&storeId=${paris}&granularity=hour`);
    expect(hourly.reduce((n, r) => n + (r.pickups as number), 0)).toBe(2);
    for (const r of hourly) expect(r.bucket as string).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00Z$/);
    const all = await rowsOf(`from=${from}&to=${to()}`);
    expect(all.filter((r) => r.storeId === lyon).map((r) => r.pickups)).toEqual([1]);
    expect(await rowsOf(`from=${from}&to=${to()}&storeId=${paris}&channel=pos`)).toEqual([]);
  });

  it('gives the same figures after the timeline is rebuilt from the topics', async () => {
    // This journey's stores only: the topics also hold the events of every other test on the broker.
    const ours = async () => [
      ...(await rowsOf(`from=${from}&to=${to()}&granularity=hour&storeId=${paris}`)),
      ...(await rowsOf(`from=${from}&to=${to()}&granularity=hour&storeId=${lyon}`)),
    ];
    const before = await ours();
    expect(before.length).toBeGreaterThan(0);
    // The projection loses rows (a bad migration, a restore): the figures go wrong, and the rebuild puts them right.
    await sql(e2e.stack.databases.customer, `DELETE FROM timeline_entries WHERE kind IN ('order.collected', 'order.ready-for-pickup')`);
    expect(await ours()).not.toEqual(before);
    const rebuilt = await http('POST', `${e2e.stack.services.customer.url}/admin/timeline/rebuild`, undefined, { 'idempotency-key': randomUUID() });
    expect(rebuilt.status).toBe(200);
    expect(await ours()).toEqual(before);
  });

  it('shows a store its own figures only', async () => {
    const manager = await mintToken({ sub: `manager:${paris}`, store_id: paris, channel: 'pos', scope: 'kpis:read' });
    await eventually(async () => expect((await rowsOf(`from=${from}&to=${to()}`, manager)).length).toBeGreaterThan(0));
    for (const r of await rowsOf(`from=${from}&to=${to()}`, manager)) expect(r.storeId).toBe(paris);
    const other = await kpis(`from=${from}&to=${to()}&storeId=${lyon}`, manager);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('AUTH.FORBIDDEN');
    expect((await kpis(`from=${from}&to=${to()}`, await tokens.pos(paris))).status).toBe(403); // no kpis:read
    expect((await kpis(`from=${from}&to=${to()}`, null)).status).toBe(401);
  });

  it('refuses a bad window or filter, naming the field and the rule', async () => {
    const cases: [string, string, string][] = [
      [`to=${to()}`, 'from', 'isDateString'],
      [`from=yesterday&to=${to()}`, 'from', 'isDateString'],
      [`from=${to()}&to=${from}`, 'to', 'isAfterFrom'],
      [`from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z&granularity=hour`, 'to', 'maxWindow'],
      [`from=${from}&to=${to()}&granularity=week`, 'granularity', 'isIn'],
      [`from=${from}&to=${to()}&channel=fax`, 'channel', 'isIn'],
      [`from=${from}&to=${to()}&storeId=${encodeURIComponent('no spaces')}`, 'storeId', 'matches'],
    ];
    for (const [query, field, rule] of cases) {
      const res = await kpis(query);
      expect([query, res.status, res.body.code]).toEqual([query, 400, 'REQUEST.INVALID']);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    }
  });
});
