import { ORDER_EVENTS_TOPIC, PriceListChangedV1, schemaErrors } from '@omni/contracts';
import { eventually, http, httpAs, Journey, journeyStack, mintToken, sql, tokens } from '@omni/testing';
import { randomUUID } from 'node:crypto';

/**
 * The price list is the authority on what an order costs (docs/carts.md, ADR 0019): a storefront,
 * an app or a POS states the list's price or is refused; only a caller trusted with
 * prices:override states another, and order.placed records who did and what the list said.
 */
describe('price authority, end to end', () => {
  const store = Journey.id('S');
  const sku = Journey.id('SNEAKER');

  const e2e = journeyStack(['order', 'inventory'], { topics: [ORDER_EVENTS_TOPIC] });

  beforeAll(async () => {
    await e2e.j.location(store);
    await e2e.j.receive(store, sku, 10);
    await e2e.j.price(sku, 8900, { [store]: 7900 });
  });

  const body = (unitPrice: number, extra: Record<string, unknown> = {}) => ({
    channel: 'web',
    storeId: store,
    currency: 'EUR',
    lines: [{ sku, quantity: 1, unitPrice }],
    ...extra,
  });
  const placedEvent = (orderId: string) =>
    eventually(() => {
      const [e] = e2e.probe.on(ORDER_EVENTS_TOPIC, { key: orderId, type: 'order.placed.v2' }).map((m) => JSON.parse(m.value ?? '{}'));
      expect(e).toBeDefined();
      return e;
    });
  const orderCount = async () => (await sql<{ n: number }>(e2e.stack.databases.order, 'SELECT count(*)::int AS n FROM orders'))[0].n;

  it('a signed-in customer cannot set the price: a price off the list, or a SKU the list does not price, is refused and stores nothing', async () => {
    const customer = `cust-${randomUUID().slice(0, 8)}`;
    const web = httpAs(await tokens.customer(customer, 'web'));
    const before = await orderCount();

    const cheap = await web('POST', `${e2e.j.order}/orders`, body(1));
    expect([cheap.status, cheap.body.code]).toEqual([422, 'PRICE.MISMATCH']);
    expect(cheap.body.detail).toBe(`${sku} sells at 8900, not 1`);
    // The store's own price is the POS's, not the web's.
    expect((await web('POST', `${e2e.j.order}/orders`, body(7900))).body.code).toBe('PRICE.MISMATCH');
    const unlisted = await web('POST', `${e2e.j.order}/orders`, {
      ...body(8900),
      lines: [
        { sku, quantity: 1, unitPrice: 8900 },
        { sku: 'NOT-ON-THE-LIST', quantity: 1, unitPrice: 1 },
      ],
    });
    expect([unlisted.status, unlisted.body.code]).toEqual([422, 'PRICE.NOT_LISTED']);
    expect(unlisted.body.detail).toContain('NOT-ON-THE-LIST');
    expect(await orderCount()).toBe(before);

    const fair = await web('POST', `${e2e.j.order}/orders`, body(8900));
    expect(fair.status).toBe(201);
    expect((await placedEvent(fair.body.id)).priceOverride).toBeUndefined();
  });

  it("a POS sells at its store's price", async () => {
    const pos = httpAs(await tokens.pos(store));
    expect((await pos('POST', `${e2e.j.order}/orders`, body(8900, { channel: 'pos' }))).body.code).toBe('PRICE.MISMATCH');
    const placed = await pos(
      'POST',
      `${e2e.j.order}/orders`,
      body(7900, { channel: 'pos', capturedTenders: [{ tender: 'card', amount: 7900, reference: 'TILL-1' }] }),
    );
    expect([placed.status, placed.body.lines[0].unitPrice]).toEqual([201, 7900]);
  });

  it('tells a till and a storefront the price in force for their sale, by the same rule placements are priced by', async () => {
    const price = async (token: string, query = '') => httpAs(token)('GET', `${e2e.j.order}/price-list/${sku}/price?currency=EUR${query}`);
    expect((await price(await tokens.pos(store))).body).toMatchObject({ sku, currency: 'EUR', storeId: store, channel: 'pos', unitPrice: 7900 });
    const web = await tokens.customer(`acct-${randomUUID().slice(0, 8)}`, 'web');
    expect((await price(web)).body).toMatchObject({ storeId: null, channel: 'web', unitPrice: 8900 });
    // The store's own price wherever it is sold at the store, asked for explicitly.
    expect((await price(web, `&storeId=${store}`)).body).toMatchObject({ storeId: store, unitPrice: 7900 });
    const usd = await httpAs(web)('GET', `${e2e.j.order}/price-list/${sku}/price?currency=USD`);
    expect([usd.status, usd.body.code]).toEqual([404, 'PRICE.NOT_LISTED']);
    const bad = await httpAs(web)('GET', `${e2e.j.order}/price-list/${sku}/price?currency=eur`);
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'currency']);
  });

  it("an app's own price is the app's: placed at it from the app, refused at it on the web, and a cart follows it when it moves", async () => {
    const appSku = Journey.id('APPSKU');
    await e2e.j.receive(store, appSku, 5);
    const admin = httpAs(await tokens.admin());
    const put = await admin('PUT', `${e2e.j.order}/price-list/${appSku}`, {
      prices: [
        { currency: 'EUR', unitPrice: 5000 },
        { currency: 'EUR', unitPrice: 4500, channel: 'app' },
      ],
    });
    expect(put.status).toBe(200);
    expect(put.body.prices).toEqual([
      expect.objectContaining({ unitPrice: 5000, channel: null }),
      expect.objectContaining({ unitPrice: 4500, channel: 'app' }),
    ]);
    const bad = await admin('PUT', `${e2e.j.order}/price-list/${appSku}`, { prices: [{ currency: 'EUR', unitPrice: 1, channel: 'telepathy' }] });
    expect([bad.status, bad.body.errors]).toEqual([400, [expect.objectContaining({ field: 'prices.0.channel', rule: 'isIn' })]]);

    const customer = `cust-${randomUUID().slice(0, 8)}`;
    const line = (unitPrice: number) => ({ ...body(unitPrice), lines: [{ sku: appSku, quantity: 1, unitPrice }] });
    const app = httpAs(await tokens.customer(customer, 'app'));
    const web = httpAs(await tokens.customer(customer, 'web'));
    const fromApp = await app('POST', `${e2e.j.order}/orders`, { ...line(4500), channel: 'app' });
    expect([fromApp.status, fromApp.body.lines?.[0]?.unitPrice]).toEqual([201, 4500]);
    const onWeb = await web('POST', `${e2e.j.order}/orders`, line(4500));
    expect([onWeb.status, onWeb.body.code, onWeb.body.detail]).toEqual([422, 'PRICE.MISMATCH', `${appSku} sells at 5000, not 4500`]);

    // A cart begun on the web at the general price takes the app's when the customer opens it in the app.
    const guest = `guest-${randomUUID().slice(0, 8)}`;
    const webCart = httpAs(await tokens.customer(guest, 'web'));
    const appCart = httpAs(await tokens.customer(guest, 'app'));
    const started = await webCart('POST', `${e2e.j.order}/carts`, { channel: 'web', currency: 'EUR', lines: [{ sku: appSku, quantity: 1, unitPrice: 5000 }] });
    expect(started.status).toBe(201);
    const continued = await appCart('POST', `${e2e.j.order}/carts/${started.body.cart.id}/continue`, { channel: 'app' });
    expect(continued.status).toBe(200);
    expect(continued.body.continuation).toMatchObject({ repriced: [{ sku: appSku, from: 5000, to: 4500 }] });
  });

  it('a caller trusted with prices:override states its own price, and order.placed records who did and what the list said', async () => {
    const priceMatch = httpAs(await mintToken({ sub: 'price-match-desk', scope: 'orders:place orders:read prices:override' }));
    const placed = await priceMatch('POST', `${e2e.j.order}/orders`, {
      ...body(6900),
      lines: [
        { sku, quantity: 2, unitPrice: 6900 },
        { sku: 'GIFT-WRAP', quantity: 1, unitPrice: 0 },
      ],
    });
    expect(placed.status).toBe(201);
    expect((await placedEvent(placed.body.id)).priceOverride).toEqual({
      by: 'price-match-desk',
      lines: [
        { sku, listPrice: 8900, unitPrice: 6900 },
        { sku: 'GIFT-WRAP', listPrice: null, unitPrice: 0 },
      ],
    });
    // Without the scope, the same request is refused.
    const plain = httpAs(await mintToken({ sub: 'storefront', channel: 'web', scope: 'orders:place' }));
    expect((await plain('POST', `${e2e.j.order}/orders`, body(6900))).body.code).toBe('PRICE.MISMATCH');
    // The back office (admin) is trusted too.
    const admin = await http('POST', `${e2e.j.order}/orders`, body(100));
    expect([admin.status, (await placedEvent(admin.body.id)).priceOverride]).toEqual([
      201,
      { by: 'test-back-office', lines: [{ sku, listPrice: 8900, unitPrice: 100 }] },
    ]);
  });

  const priceChanges = (key: string) => e2e.probe.on(ORDER_EVENTS_TOPIC, { key, type: 'price-list.changed.v1' }).map((m) => JSON.parse(m.value ?? '{}'));

  it("tells other services each SKU's whole list when it is replaced (price-list.changed), as the returns service prices exchanges from it", async () => {
    const shoe = Journey.id('BOOT');
    const put = await http('PUT', `${e2e.j.order}/price-list/${shoe}`, {
      prices: [
        { currency: 'EUR', unitPrice: 9900 },
        { currency: 'EUR', unitPrice: 7900, storeId: store, channel: 'pos', validFrom: '2026-01-01T00:00:00.000Z' },
      ],
    });
    expect(put.status).toBe(200);
    const [changed] = await eventually(() => {
      const found = priceChanges(shoe);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(schemaErrors(PriceListChangedV1, changed)).toEqual([]);
    expect(changed).toEqual({
      sku: shoe,
      prices: [
        { currency: 'EUR', unitPrice: 9900, storeId: null, channel: null, validFrom: null, validUntil: null },
        { currency: 'EUR', unitPrice: 7900, storeId: store, channel: 'pos', validFrom: '2026-01-01T00:00:00.000Z', validUntil: null },
      ],
      changedAt: put.body.updatedAt,
    });
    // Taken off the list: the last event says so with no prices.
    expect((await http('PUT', `${e2e.j.order}/price-list/${shoe}`, { prices: [] })).status).toBe(200);
    await eventually(() => expect(priceChanges(shoe).map((e) => e.prices)).toEqual([changed.prices, []]));
  });

  it('announces once, after the upgrade that introduced price-list.changed, the prices listed before it', async () => {
    // As a database listed before the event existed: a price with no event, and the migration's request to announce.
    const older = Journey.id('OLD');
    await sql(
      e2e.stack.databases.order,
      `INSERT INTO price_list (sku, currency, store_id, channel, valid_from, valid_until, unit_price, updated_at) VALUES ($1, 'EUR', '', '', '-infinity', NULL, 4500, now())`,
      [older],
    );
    await sql(e2e.stack.databases.order, `INSERT INTO pending_announcements (what) VALUES ('price-list')`);
    await e2e.stack.services.order.restart();
    const [announced] = await eventually(() => {
      const found = priceChanges(older);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(announced.prices).toEqual([{ currency: 'EUR', unitPrice: 4500, storeId: null, channel: null, validFrom: null, validUntil: null }]);
    // Every SKU listed then, once: the SKU of the tests above too, with its current list.
    await eventually(() => expect(priceChanges(sku).at(-1)?.prices).toHaveLength(2));
    expect(await sql(e2e.stack.databases.order, `SELECT what FROM pending_announcements`)).toEqual([]);
    // A second start has nothing left to announce: the announcement would be written before the service is ready, so a change of
    // the same SKU made after it (same key, same partition, published in order) arrives right after the one announcement.
    await e2e.stack.services.order.restart();
    expect((await http('PUT', `${e2e.j.order}/price-list/${older}`, { prices: [{ currency: 'EUR', unitPrice: 4600 }] })).status).toBe(200);
    await eventually(() => expect(priceChanges(older).map((e) => e.prices.map((p: { unitPrice: number }) => p.unitPrice))).toEqual([[4500], [4600]]));
  });
});
