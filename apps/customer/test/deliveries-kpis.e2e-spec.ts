import { eventually, http, Journey, journeyStack, mintToken, testAddress, tokens } from '@omni/testing';
import { randomUUID } from 'node:crypto';

const uniq = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/**
 * Delivery and endless-aisle KPIs from real journeys: home deliveries shipped from a store and
 * from a warehouse, delivered, lost or cancelled, and a store's POS selling for delivery and for
 * collection elsewhere — all through the order service's HTTP API, projected by the customer
 * service, the figures checked against what the journeys did.
 */
describe('delivery and endless-aisle KPIs', () => {
  const e2e = journeyStack(['order', 'inventory', 'customer']);
  const [paris, lyon, warehouse] = [Journey.id('PARIS'), Journey.id('LYON'), Journey.id('WH')];
  const [atStore, atWarehouse, atLyon] = [uniq('LAMP'), uniq('RUG'), uniq('VASE')];
  const from = new Date(Date.now() - 3600_000).toISOString();
  const to = () => new Date(Date.now() + 3600_000).toISOString();

  beforeAll(async () => {
    await e2e.j.location(paris);
    await e2e.j.location(lyon);
    await e2e.j.location(warehouse, { kind: 'warehouse' });
    // The lamp is only at the Paris store (shipped from the store), the rug only at the warehouse.
    await e2e.j.receive(paris, atStore, 10);
    await e2e.j.receive(lyon, atLyon, 5);
    await e2e.j.receive(warehouse, atWarehouse, 10);
    await e2e.j.price(atStore, 4000);
    await e2e.j.price(atWarehouse, 9000);
    await e2e.j.price(atLyon, 4000);
  });

  const rowsOf = async (path: string, query: string, token?: string) => {
    const res = await http('GET', `${e2e.stack.services.customer.url}/kpis/${path}?${query}`, undefined, {}, token === undefined ? {} : { token });
    expect([res.status, res.body.code]).toEqual([200, undefined]);
    return res.body.rows as Record<string, unknown>[];
  };
  const deliver = (sku: string, extra: Record<string, unknown> = {}) => ({
    fulfilments: [{ type: 'delivery', address: testAddress, lines: [{ sku, quantity: 1, unitPrice: sku === atStore ? 4000 : 9000 }] }],
    ...extra,
  });

  it('counts each delivery at the location that ships it: its share, shipped, delivered, failed, cancelled and the times between', async () => {
    const delivered = await e2e.j.placeOrder(deliver(atStore, { channel: 'app' }));
    const lost = await e2e.j.placeOrder(deliver(atWarehouse, { channel: 'app' }));
    const cancelled = await e2e.j.placeOrder(deliver(atStore, { channel: 'app' }));
    const fromParis = await e2e.j.groupStatus(delivered.id, 'RESERVED');
    const fromWarehouse = await e2e.j.groupStatus(lost.id, 'RESERVED');
    await e2e.j.groupStatus(cancelled.id, 'RESERVED');
    expect([fromParis.storeId, fromWarehouse.storeId]).toEqual([paris, warehouse]);

    expect((await e2e.j.packAndShip(paris, fromParis.fulfilmentId)).status).toBe(200);
    expect((await e2e.j.packAndShip(warehouse, fromWarehouse.fulfilmentId)).status).toBe(200);
    const carrier = await tokens.carrier();
    expect((await e2e.j.deliveryOutcome(fromParis.fulfilmentId, 'DELIVERED', carrier)).status).toBe(200);
    expect((await e2e.j.deliveryOutcome(fromWarehouse.fulfilmentId, 'DELIVERY.LOST', carrier)).status).toBe(200);
    expect((await http('POST', `${e2e.j.order}/orders/${cancelled.id}/cancel`, { reason: 'CUSTOMER.REQUEST' })).status).toBe(200);

    const query = `from=${from}&to=${to()}&channel=app`;
    const [store] = await eventually(async () => {
      const rows = await rowsOf('deliveries', `${query}&storeId=${paris}`);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ delivered: 1, cancelledBeforeShipping: 1 });
      return rows;
    });
    const [fromWh] = await eventually(async () => {
      const rows = await rowsOf('deliveries', `${query}&storeId=${warehouse}`);
      expect(rows).toMatchObject([{ failed: 1 }]);
      return rows;
    });
    expect(store).toMatchObject({
      locationId: paris,
      channel: 'app',
      shipments: 2,
      shipped: 1,
      delivered: 1,
      failed: 0,
      cancelledBeforeShipping: 1,
      deliveredRate: 1,
      failedRate: 0,
    });
    expect(fromWh).toMatchObject({
      locationId: warehouse,
      channel: 'app',
      shipments: 1,
      shipped: 1,
      delivered: 0,
      failed: 1,
      cancelledBeforeShipping: 0,
      deliveredRate: 0,
      failedRate: 1,
    });
    expect(store.placedToShippedP50s).toEqual(expect.any(Number));
    expect(store.shippedToDeliveredP50s).toEqual(expect.any(Number));
    expect(fromWh.shippedToDeliveredP50s).toBeNull();

    // The share is of every location's shipments in the bucket and channel (the topics hold other
    // tests' orders too): the sum over all rows of the bucket, whatever the filter.
    const all = (await rowsOf('deliveries', query)).filter((r) => r.bucket === store.bucket);
    const total = all.reduce((n, r) => n + (r.shipments as number), 0);
    expect(total).toBeGreaterThanOrEqual(3);
    for (const r of [store, fromWh, ...all]) expect(r.allShipments).toBe(total);
    expect(store.shareOfShipments).toBeCloseTo(2 / total, 4);
    expect(fromWh.shareOfShipments).toBeCloseTo(1 / total, 4);

    // The headline figures as gauges for Prometheus, per shipping location over the last 24 hours
    // (every channel: this journey's deliveries are the only ones from its locations).
    const metrics = (await http('GET', `${e2e.stack.services.customer.url}/metrics`, undefined, {}, { token: null })).body as string;
    expect(metrics).toContain(`kpi_deliveries_shipments{store="${paris}",service="customer"} 2`);
    expect(metrics).toContain(`kpi_deliveries_delivered_rate{store="${paris}",service="customer"} 1`);
    expect(metrics).toContain(`kpi_deliveries_failed_rate{store="${warehouse}",service="customer"} 1`);
  });

  it("counts a POS's orders handed over elsewhere: delivered to an address or collected at another store", async () => {
    const pos = await tokens.pos(paris);
    const till = (amount: number) => ({ capturedTenders: [{ tender: 'cash', amount, reference: 'TILL-1' }] });
    await e2e.j.placeOrder(
      { channel: 'pos', fulfilments: [{ type: 'pickup', storeId: lyon, lines: [{ sku: atLyon, quantity: 1, unitPrice: 4000 }] }], ...till(4000) },
      pos,
    );
    await e2e.j.placeOrder({ channel: 'pos', ...deliver(atWarehouse), ...till(9000) }, pos);
    await e2e.j.placeOrder(
      { channel: 'pos', fulfilments: [{ type: 'pickup', storeId: paris, lines: [{ sku: atStore, quantity: 1, unitPrice: 4000 }] }], ...till(4000) },
      pos,
    );

    const [row] = await eventually(async () => {
      const rows = await rowsOf('endless-aisle', `from=${from}&to=${to()}&storeId=${paris}`);
      expect(rows).toMatchObject([{ posOrders: 3 }]);
      return rows;
    });
    expect(row).toMatchObject({ storeId: paris, posOrders: 3, forDelivery: 1, forPickupElsewhere: 1, endlessAisle: 2, endlessAisleShare: 0.6667 });
    // Lyon's POS sold nothing: it has no row, even though it hands one of Paris's sales over.
    expect(await rowsOf('endless-aisle', `from=${from}&to=${to()}&storeId=${lyon}`)).toEqual([]);

    // A store manager sees their own store only.
    const manager = await mintToken({ sub: `manager:${paris}`, store_id: paris, channel: 'pos', scope: 'kpis:read' });
    for (const r of await rowsOf('endless-aisle', `from=${from}&to=${to()}`, manager)) expect(r.storeId).toBe(paris);
    for (const r of await rowsOf('deliveries', `from=${from}&to=${to()}`, manager)) expect(r.locationId).toBe(paris);
    const other = await http(
      'GET',
      `${e2e.stack.services.customer.url}/kpis/deliveries?from=${from}&to=${to()}&storeId=${warehouse}`,
      undefined,
      {},
      { token: manager },
    );
    expect([other.status, other.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
  });
});
