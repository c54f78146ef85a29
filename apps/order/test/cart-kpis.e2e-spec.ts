import { eventually, http, httpAs, Journey, journeyStack, mintToken, tokens } from '@omni/testing';
import { randomUUID } from 'node:crypto';

const DAY = 24 * 3600 * 1000;

/**
 * Cart KPIs (docs/kpis.md, ADR 0028) on carts run through the order API, on Kafka and PostgreSQL:
 * one started on the web and checked out there, one started in the app, handed to a store's POS and
 * checked out at the till, one continued from the app on the web and left, one handed from the web
 * to the store and left, a guest's web cart merged into a customer's on sign-in. Then two days
 * pass (the order service wakes with its clock moved on) and the two left open are abandoned. The figures are worked out by
 * hand below.
 */
describe('cart KPIs from the carts, across channels', () => {
  const e2e = journeyStack(['order', 'inventory'], { env: { CART_SWEEP_INTERVAL_MS: '300' } });
  const store = Journey.id('CK');
  const sku = Journey.id('MUG');
  let from: string;
  let to: string;

  beforeAll(async () => {
    // Claiming a cart at a store checks its availability there, with the order service's own token.
    const serviceToken = await mintToken({ sub: 'order-service', scope: 'inventory:read' });
    await e2e.stack.services.order.restart({ INVENTORY_URL: e2e.stack.services.inventory.url, INVENTORY_TOKEN: serviceToken });
    await e2e.j.location(store);
    await e2e.j.receive(store, sku, 10);
    await e2e.j.price(sku, 1000);
  });

  const as = async (token: Promise<string>) => {
    const call = httpAs(await token);
    return async (method: string, path: string, body?: unknown) => {
      const r = await call(method, `${e2e.stack.services.order.url}${path}`, body);
      if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };
  };
  const lines = [{ sku, quantity: 1, unitPrice: 1000 }];
  const account = () => `acct-${randomUUID().slice(0, 8)}`;
  const handOff = async (customer: Awaited<ReturnType<typeof as>>, cartId: string) => {
    const { code } = await customer('POST', `/carts/${cartId}/handoff`);
    const pos = await as(tokens.pos(store));
    await pos('POST', `/stores/${store}/carts/claim`, { code });
    return pos;
  };
  const kpis = async (query: string, token?: string) =>
    httpAs(token ?? (await mintToken({ sub: 'ops', scope: 'kpis:read' })))('GET', `${e2e.stack.services.order.url}/kpis/carts?from=${from}&to=${to}&${query}`);
  const row = (startedChannel: string, lastChannel: string, c: Record<string, number | boolean | null>) => ({
    bucket: expect.stringMatching(/T00:00:00Z$/),
    startedChannel,
    lastChannel,
    ...c,
  });

  it('counts carts by the channel they began and were last continued in, and how they ended', async () => {
    from = new Date(Date.now() - 3_600_000).toISOString();
    // Started on the web, checked out there for pickup at the store.
    const webShopper = await as(tokens.customer(account(), 'web'));
    const onWeb = await webShopper('POST', '/carts', { channel: 'web', currency: 'EUR', lines });
    await webShopper('POST', `/carts/${onWeb.cart.id}/checkout`, { channel: 'web', storeId: store });
    // Started in the app, handed to the store's POS and paid at the till.
    const appShopper = await as(tokens.customer(account(), 'app'));
    const inApp = await appShopper('POST', '/carts', { channel: 'app', currency: 'EUR', lines });
    const till = await handOff(appShopper, inApp.cart.id);
    await till('POST', `/carts/${inApp.cart.id}/checkout`, { channel: 'pos', capturedTenders: [{ tender: 'card', amount: 1000, reference: 'POS-CK-1' }] });
    // Started in the app, continued on the web by the same customer, left there.
    const wanderer = account();
    const wandererOnWeb = await as(tokens.customer(wanderer, 'web'));
    await (
      await as(tokens.customer(wanderer, 'app'))
    )('POST', '/carts', { channel: 'app', currency: 'EUR', lines });
    await wandererOnWeb('POST', '/carts', { channel: 'web', currency: 'EUR', lines: [] });
    // Started on the web, handed to the store, left at the counter.
    const browser = await as(tokens.customer(account(), 'web'));
    const handed = await browser('POST', '/carts', { channel: 'web', currency: 'EUR', lines });
    await handOff(browser, handed.cart.id);
    // A guest's web cart, merged into the wanderer's when they sign in on the web.
    const guest = await as(mintToken({ sub: `guest:${randomUUID()}`, channel: 'web', scope: 'orders:place orders:read' }));
    const guestCart = await guest('POST', '/carts', { channel: 'web', currency: 'EUR', lines });
    await wandererOnWeb('POST', `/carts/${guestCart.cart.id}/merge`, { channel: 'web' });
    to = new Date(Date.now() + 3_600_000).toISOString();

    // Worked out by hand: web → web, the one checked out and the guest's merged; app → pos, paid
    // at the till; app → web, the wanderer's, open; web → pos, handed over and open.
    const before = await kpis('');
    expect(before.status).toBe(200);
    expect(before.body.rows).toEqual([
      row('app', 'pos', {
        started: 1,
        checkedOut: 1,
        abandoned: 0,
        merged: 0,
        open: 0,
        crossChannel: true,
        handedToStore: true,
        conversionRate: 1,
        abandonmentRate: 0,
      }),
      row('app', 'web', {
        started: 1,
        checkedOut: 0,
        abandoned: 0,
        merged: 0,
        open: 1,
        crossChannel: true,
        handedToStore: false,
        conversionRate: 0,
        abandonmentRate: 0,
      }),
      row('web', 'pos', {
        started: 1,
        checkedOut: 0,
        abandoned: 0,
        merged: 0,
        open: 1,
        crossChannel: true,
        handedToStore: true,
        conversionRate: 0,
        abandonmentRate: 0,
      }),
      row('web', 'web', {
        started: 2,
        checkedOut: 1,
        abandoned: 0,
        merged: 1,
        open: 0,
        crossChannel: false,
        handedToStore: false,
        conversionRate: 0.5,
        abandonmentRate: 0,
      }),
    ]);

    // The headline gauges per started channel (the first scrape reads them; a reading serves a minute):
    // app 2 started, 1 checked out, both continued elsewhere, the one handed to the store paid there;
    // web 3 started, 1 checked out, 1 continued at the store and not paid there.
    const metrics = (await http('GET', `${e2e.stack.services.order.url}/metrics`, undefined, {}, { token: null })).body as string;
    for (const [gauge, app, web] of [
      ['kpi_carts_started', 2, 3],
      ['kpi_carts_conversion_rate', 0.5, 0.3333],
      ['kpi_carts_abandonment_rate', 0, 0],
      ['kpi_carts_cross_channel_share', 1, 0.3333],
      ['kpi_carts_handoff_conversion_rate', 1, 0],
    ] as const) {
      expect(metrics).toContain(`${gauge}{channel="app",service="order"} ${app}\n`);
      expect(metrics).toContain(`${gauge}{channel="web",service="order"} ${web}\n`);
    }

    // Two days pass (carts are abandoned after one idle day): the two open carts are abandoned.
    await e2e.stack.services.order.restart({ CLOCK_OFFSET_MS: String(2 * DAY) });
    await eventually(async () =>
      expect((await kpis('')).body.rows).toEqual([
        row('app', 'pos', {
          started: 1,
          checkedOut: 1,
          abandoned: 0,
          merged: 0,
          open: 0,
          crossChannel: true,
          handedToStore: true,
          conversionRate: 1,
          abandonmentRate: 0,
        }),
        row('app', 'web', {
          started: 1,
          checkedOut: 0,
          abandoned: 1,
          merged: 0,
          open: 0,
          crossChannel: true,
          handedToStore: false,
          conversionRate: 0,
          abandonmentRate: 1,
        }),
        row('web', 'pos', {
          started: 1,
          checkedOut: 0,
          abandoned: 1,
          merged: 0,
          open: 0,
          crossChannel: true,
          handedToStore: true,
          conversionRate: 0,
          abandonmentRate: 1,
        }),
        row('web', 'web', {
          started: 2,
          checkedOut: 1,
          abandoned: 0,
          merged: 1,
          open: 0,
          crossChannel: false,
          handedToStore: false,
          conversionRate: 0.5,
          abandonmentRate: 0,
        }),
      ]),
    );
  });

  it("filters by the started channel and by a store, and holds a store token to its own store's carts", async () => {
    expect((await kpis('channel=app')).body.rows.map((r: { lastChannel: string }) => r.lastChannel)).toEqual(['pos', 'web']);
    // At the store: the two carts handed to it.
    const atStore = (await kpis(`storeId=${store}`)).body.rows.map((r: { startedChannel: string; lastChannel: string; started: number }) => [
      r.startedChannel,
      r.lastChannel,
      r.started,
    ]);
    expect(atStore).toEqual([
      ['app', 'pos', 1],
      ['web', 'pos', 1],
    ]);
    const storeToken = await mintToken({ sub: `pos:${store}:manager`, store_id: store, channel: 'pos', scope: 'kpis:read' });
    expect((await kpis('', storeToken)).body.rows.map((r: { startedChannel: string; lastChannel: string }) => [r.startedChannel, r.lastChannel])).toEqual([
      ['app', 'pos'],
      ['web', 'pos'],
    ]);
    const other = await kpis('storeId=ELSEWHERE', storeToken);
    expect([other.status, other.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
  });

  it('names the field and rule of a bad window or filter, and answers nothing; needs kpis:read', async () => {
    const backwards = await httpAs(await mintToken({ sub: 'ops', scope: 'kpis:read' }))(
      'GET',
      `${e2e.stack.services.order.url}/kpis/carts?from=${to}&to=${from}`,
    );
    expect([backwards.status, backwards.body.errors]).toEqual([400, [expect.objectContaining({ field: 'to', rule: 'isAfterFrom' })]]);
    const badChannel = await kpis('channel=fax');
    expect([badChannel.status, badChannel.body.errors?.[0]?.field]).toEqual([400, 'channel']);
    const customer = await kpis('', await tokens.customer(account(), 'web'));
    expect(customer.status).toBe(403);
  });
});
