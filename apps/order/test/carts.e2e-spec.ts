import { CUSTOMER_EVENTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, httpAs, Journey, journeyStack, mintToken, sql, tokens } from '@omni/testing';
import { randomUUID } from 'node:crypto';

const DAY = 24 * 3600 * 1000;

/**
 * Journey 4, cart continuity, across the real order, inventory and customer services on Kafka and
 * PostgreSQL: app → store associate through a handoff code, guest cart merged on sign-in, app → web
 * for a signed-in customer, the availability re-check, abandonment announced only with consent.
 */
describe('carts across channels, end to end', () => {
  const e2e = journeyStack(['order', 'inventory', 'customer'], { topics: [ORDER_EVENTS_TOPIC, CUSTOMER_EVENTS_TOPIC], env: { CART_SWEEP_INTERVAL_MS: '300' } });
  const order = () => e2e.stack.services.order.url;

  beforeAll(async () => {
    // The order service asks inventory for availability with a service token of its own.
    const serviceToken = await mintToken({ sub: 'order-service', scope: 'inventory:read' });
    await e2e.stack.services.order.restart({ INVENTORY_URL: e2e.stack.services.inventory.url, INVENTORY_TOKEN: serviceToken });
  });

  const orderEvents = (key: string, type: string) => e2e.probe.on(ORDER_EVENTS_TOPIC, { key, type }).map((m) => JSON.parse(m.value ?? '{}'));
  const as = async (token: Promise<string>) => {
    const call = httpAs(await token);
    return (method: string, path: string, body?: unknown) => call(method, `${order()}${path}`, body);
  };
  const guestToken = (channel = 'web') => mintToken({ sub: `guest:${randomUUID()}`, channel, scope: 'orders:place orders:read' });

  it('a cart started in the app is handed to a store associate, re-checked there and ordered at the POS, with attribution', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    await e2e.j.receive(store, 'COAT', 3);
    // The coat sells for 129.00, 119.00 at this store: the POS takes the store's price.
    await e2e.j.price('COAT', 12900, { [store]: 11900 });
    const account = `acct-${randomUUID().slice(0, 8)}`;
    const app = await as(tokens.customer(account, 'app'));
    const pos = await as(tokens.pos(store));

    const created = await app('POST', '/carts', {
      channel: 'app',
      currency: 'EUR',
      lines: [
        { sku: 'COAT', quantity: 1, unitPrice: 12900 },
        { sku: 'HAT', quantity: 1, unitPrice: 2500 },
      ],
    });
    expect(created.status).toBe(201);
    const cartId = created.body.cart.id;
    expect(created.body.cart).toMatchObject({ status: 'OPEN', customerId: account, started: { channel: 'app', storeId: null } });

    const handoff = await app('POST', `/carts/${cartId}/handoff`);
    expect(handoff.status).toBe(201);
    expect(handoff.body.code).toMatch(/^[0-9A-Z]{8}$/);
    expect(JSON.stringify((await sql(e2e.stack.databases.order, 'SELECT * FROM carts WHERE id = $1', [cartId]))[0])).not.toContain(handoff.body.code);

    // The customer reads the code aloud; the associate types it in lower case with a dash.
    const typed = `${handoff.body.code.slice(0, 4)}-${handoff.body.code.slice(4)}`.toLowerCase();
    const claimed = await pos('POST', `/stores/${store}/carts/claim`, { code: typed });
    expect(claimed.status).toBe(200);
    expect(claimed.body.cart).toMatchObject({ id: cartId, started: { channel: 'app', storeId: null }, current: { channel: 'pos', storeId: store } });
    expect(claimed.body.continuation).toMatchObject({
      from: { channel: 'app', storeId: null },
      to: { channel: 'pos', storeId: store },
      availability: { status: 'CHECKED', storeId: store },
    });
    expect(claimed.body.continuation.availability.lines).toEqual([
      { sku: 'COAT', quantity: 1, availableAtStore: 3, mode: 'store', available: true },
      { sku: 'HAT', quantity: 1, availableAtStore: 0, mode: 'none', available: false },
    ]);
    expect(claimed.body.continuation.changes).toEqual(
      expect.arrayContaining(['COAT: unit price 11900 from the price list, 12900 in the cart before', expect.stringMatching(/^HAT: no longer available/)]),
    );
    expect(claimed.body.continuation.changes).toHaveLength(2);
    // The code works once.
    expect((await pos('POST', `/stores/${store}/carts/claim`, { code: typed })).body.code).toBe('CART.HANDOFF_INVALID');

    // The associate drops the hat, at the store's price: the change against the first price is reported.
    const relined = await pos('PUT', `/carts/${cartId}/lines`, { lines: [{ sku: 'COAT', quantity: 1, unitPrice: 11900 }] });
    expect(relined.status).toBe(200);
    expect(relined.body.priceChanges).toEqual([{ sku: 'COAT', firstUnitPrice: 12900, unitPrice: 11900 }]);

    const placed = await pos('POST', `/carts/${cartId}/checkout`, {
      channel: 'pos',
      capturedTenders: [{ tender: 'card', amount: 11900, reference: 'POS-0001' }],
    });
    expect(placed.status).toBe(201);
    const attribution = { cartId, startedChannel: 'app', startedStoreId: null, finishedChannel: 'pos', finishedStoreId: store };
    expect(placed.body).toMatchObject({ channel: 'pos', placedAtStoreId: store, customerId: account, cart: attribution });

    const shown = await e2e.j.get(placed.body.id);
    expect(shown.cart).toMatchObject({ ...attribution, startedAt: created.body.cart.createdAt });
    const event = await eventually(() => {
      const [e] = orderEvents(placed.body.id, 'order.placed.v2');
      expect(e).toBeDefined();
      return e;
    });
    expect(event).toMatchObject({
      channel: 'pos',
      placedAtStoreId: store,
      customerId: account,
      cart: { cartId, startedChannel: 'app', startedStoreId: null, startedAt: created.body.cart.createdAt },
    });
    expect((await app('GET', `/carts/${cartId}`)).body).toMatchObject({ status: 'CHECKED_OUT', orderId: placed.body.id });
    await e2e.j.status(placed.body.id, 'RESERVED');
    // A checked-out cart is not ordered twice.
    expect((await pos('POST', `/carts/${cartId}/checkout`, { channel: 'pos' })).body.code).toBe('CART.NOT_OPEN');
  });

  it("the price list prices a cart wherever it moves: the general price on the web, the store's at its POS; a price changed since refuses the checkout once", async () => {
    const store = Journey.id('S');
    const [jacket, belt] = [Journey.id('JACKET'), Journey.id('BELT')];
    await e2e.j.location(store);
    await e2e.j.receive(store, jacket, 2);
    await e2e.j.receive(store, belt, 2);
    const backOffice = await as(mintToken({ sub: 'pricing-system', scope: 'prices:manage orders:read' }));
    const standing = [
      { currency: 'EUR', unitPrice: 15900 },
      { currency: 'EUR', unitPrice: 14900, storeId: store },
    ];
    // A price list that cannot be right is refused, naming the entry, and changes nothing.
    const wrong = await backOffice('PUT', `/price-list/${jacket}`, {
      prices: [...standing, { currency: 'EUR', unitPrice: 9900, validFrom: '2026-12-10T00:00:00Z', validUntil: '2026-12-01T00:00:00Z' }],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'REQUEST.INVALID', errors: [{ field: 'prices.2.validUntil', rule: 'afterValidFrom' }] });
    expect((await backOffice('GET', `/price-list/${jacket}`)).status).toBe(404);
    expect((await backOffice('PUT', `/price-list/${jacket}`, { prices: standing })).status).toBe(200);
    expect((await backOffice('GET', `/price-list/${jacket}`)).body.prices).toEqual([
      expect.objectContaining({ currency: 'EUR', unitPrice: 15900, storeId: null, validUntil: null }),
      expect.objectContaining({ currency: 'EUR', unitPrice: 14900, storeId: store }),
    ]);
    // Only the pricing system may change prices.
    expect((await (await as(tokens.pos(store)))('PUT', `/price-list/${jacket}`, { prices: [] })).status).toBe(403);

    // The app shows an old price; on the web the cart takes the general price. The belt has no list price: the channel's stands.
    const account = `acct-${randomUUID().slice(0, 8)}`;
    const app = await as(tokens.customer(account, 'app'));
    const created = await app('POST', '/carts', {
      channel: 'app',
      currency: 'EUR',
      lines: [
        { sku: jacket, quantity: 1, unitPrice: 16900 },
        { sku: belt, quantity: 1, unitPrice: 2500 },
      ],
    });
    const cartId = created.body.cart.id;
    const onWeb = await (await as(tokens.customer(account, 'web')))('POST', `/carts/${cartId}/continue`, { channel: 'web' });
    expect(onWeb.status).toBe(200);
    expect(onWeb.body.continuation).toMatchObject({
      repriced: [{ sku: jacket, from: 16900, to: 15900 }],
      unpricedSkus: [belt],
      priceChanges: [{ sku: jacket, firstUnitPrice: 16900, unitPrice: 15900 }],
    });
    expect(onWeb.body.continuation.changes).toEqual([`${jacket}: unit price 15900 from the price list, 16900 in the cart before`]);

    // At the store's POS: the store's own price.
    const handoff = await app('POST', `/carts/${cartId}/handoff`);
    const pos = await as(tokens.pos(store));
    const claimed = await pos('POST', `/stores/${store}/carts/claim`, { code: handoff.body.code });
    expect(claimed.body.continuation).toMatchObject({ repriced: [{ sku: jacket, from: 15900, to: 14900 }], unpricedSkus: [belt] });
    expect(claimed.body.cart).toMatchObject({
      lines: [
        { sku: jacket, unitPrice: 14900, firstUnitPrice: 16900 },
        { sku: belt, unitPrice: 2500 },
      ],
      total: 17400,
    });

    // A store sale starts while the customer is at the till: the checkout at the old total is refused once, the cart has the new price.
    const sale = [
      ...standing,
      {
        currency: 'EUR',
        unitPrice: 12900,
        storeId: store,
        validFrom: new Date(Date.now() - 1000).toISOString(),
        validUntil: new Date(Date.now() + 3600_000).toISOString(),
      },
    ];
    expect((await backOffice('PUT', `/price-list/${jacket}`, { prices: sale })).status).toBe(200);
    const refused = await pos('POST', `/carts/${cartId}/checkout`, {
      channel: 'pos',
      capturedTenders: [{ tender: 'card', amount: 17400, reference: 'POS-PRICE-1' }],
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CART.PRICE_CHANGED' });
    expect(refused.body.detail).toContain(`${jacket} (14900 → 12900)`);
    expect((await pos('GET', `/carts/${cartId}`)).body).toMatchObject({
      status: 'OPEN',
      total: 15400,
      lines: [
        { sku: jacket, unitPrice: 12900 },
        { sku: belt, unitPrice: 2500 },
      ],
    });

    // The belt has no list price: a POS cannot sell it at a price of its own (the price list is the authority).
    const unlisted = await pos('POST', `/carts/${cartId}/checkout`, {
      channel: 'pos',
      capturedTenders: [{ tender: 'card', amount: 15400, reference: 'POS-PRICE-2' }],
    });
    expect([unlisted.status, unlisted.body.code]).toEqual([422, 'PRICE.NOT_LISTED']);
    expect(unlisted.body.detail).toContain(belt);
    expect((await pos('GET', `/carts/${cartId}`)).body).toMatchObject({ status: 'OPEN' });
    expect((await backOffice('PUT', `/price-list/${belt}`, { prices: [{ currency: 'EUR', unitPrice: 2500 }] })).status).toBe(200);

    const placed = await pos('POST', `/carts/${cartId}/checkout`, {
      channel: 'pos',
      capturedTenders: [{ tender: 'card', amount: 15400, reference: 'POS-PRICE-3' }],
    });
    expect(placed.status).toBe(201);
    const line = (sku: string) => (placed.body.lines as { sku: string; unitPrice: number }[]).find((l) => l.sku === sku);
    expect([line(jacket)?.unitPrice, line(belt)?.unitPrice]).toEqual([12900, 2500]);
    const event = await eventually(() => {
      const [e] = orderEvents(placed.body.id, 'order.placed.v2');
      expect(e).toBeDefined();
      return e;
    });
    expect(event.lines.map((l: { sku: string; unitPrice: number }) => [l.sku, l.unitPrice]).sort()).toEqual(
      [
        [belt, 2500],
        [jacket, 12900],
      ].sort(),
    );
  });

  it('a signed-in customer finds the cart of the app on the web, the same cart', async () => {
    const account = `acct-${randomUUID().slice(0, 8)}`;
    const app = await as(tokens.customer(account, 'app'));
    const web = await as(tokens.customer(account, 'web'));
    const started = await app('POST', '/carts', { channel: 'app', currency: 'EUR', lines: [{ sku: 'SCARF', quantity: 2, unitPrice: 3900 }] });
    expect(started.status).toBe(201);

    const onWeb = await web('POST', '/carts', { channel: 'web', currency: 'EUR', lines: [] });
    expect(onWeb.status).toBe(200);
    expect(onWeb.body.cart).toMatchObject({
      id: started.body.cart.id,
      lines: [{ sku: 'SCARF', quantity: 2, unitPrice: 3900 }],
      started: { channel: 'app' },
      current: { channel: 'web' },
    });
    expect(onWeb.body.continuation).toMatchObject({ from: { channel: 'app' }, to: { channel: 'web' }, availability: { status: 'SKIPPED' }, changes: [] });
    expect((await web('GET', `/customers/${account}/cart`)).body).toMatchObject({ id: started.body.cart.id, current: { channel: 'web' } });

    const stranger = await as(tokens.customer(`acct-${randomUUID().slice(0, 8)}`, 'web'));
    expect((await stranger('GET', `/carts/${started.body.cart.id}`)).status).toBe(404);
    expect((await stranger('GET', `/customers/${account}/cart`)).status).toBe(403);
  });

  it('a guest cart is merged into the customer cart on sign-in', async () => {
    const account = `acct-${randomUUID().slice(0, 8)}`;
    const app = await as(tokens.customer(account, 'app'));
    const guest = await as(guestToken('web'));
    const mine = await app('POST', '/carts', { channel: 'app', currency: 'EUR', lines: [{ sku: 'COAT', quantity: 1, unitPrice: 12900 }] });
    const guestCart = await guest('POST', '/carts', {
      channel: 'web',
      currency: 'EUR',
      lines: [
        { sku: 'COAT', quantity: 1, unitPrice: 12900 },
        { sku: 'GLOVES', quantity: 1, unitPrice: 1900 },
      ],
    });
    expect(guestCart.body.cart.customerId).toBeNull();

    const web = await as(tokens.customer(account, 'web'));
    const merged = await web('POST', `/carts/${guestCart.body.cart.id}/merge`, { channel: 'web' });
    expect(merged.status).toBe(200);
    expect(merged.body.cart).toMatchObject({
      id: mine.body.cart.id,
      current: { channel: 'web' },
      lines: [
        { sku: 'COAT', quantity: 2, unitPrice: 12900 },
        { sku: 'GLOVES', quantity: 1, unitPrice: 1900 },
      ],
    });
    expect((await guest('GET', `/carts/${guestCart.body.cart.id}`)).body).toMatchObject({ status: 'MERGED', mergedIntoId: mine.body.cart.id });
    expect((await web('POST', `/carts/${guestCart.body.cart.id}/merge`, { channel: 'web' })).body.code).toBe('CART.NOT_OPEN');
    // Merging needs a signed-in customer.
    expect((await guest('POST', `/carts/${mine.body.cart.id}/merge`, { channel: 'web' })).status).toBe(403);
  });

  it('refuses bad input with a problem naming the field, and changes nothing', async () => {
    const guest = await as(guestToken('web'));
    const bad = await guest('POST', '/carts', { channel: 'web', currency: 'euro', lines: [{ sku: 'COAT', quantity: 0, unitPrice: 100 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['currency', 'lines.0.quantity']);
    expect((await guest('POST', '/carts', { channel: 'pos', currency: 'EUR', lines: [] })).status).toBe(403);
    expect((await guest('GET', '/carts/not-a-uuid')).status).toBe(400);
    expect((await guest('GET', `/carts/${randomUUID()}`)).body.code).toBe('CART.NOT_FOUND');

    const empty = await guest('POST', '/carts', { channel: 'web', currency: 'EUR', lines: [] });
    const store = Journey.id('S');
    expect((await guest('POST', `/carts/${empty.body.cart.id}/checkout`, { channel: 'web', storeId: store })).body.code).toBe('CART.EMPTY');
    expect((await guest('POST', `/carts/${empty.body.cart.id}/checkout`, { channel: 'web' })).body.errors).toEqual([
      expect.objectContaining({ field: 'storeId' }),
    ]);
    const pos = await as(tokens.pos(store));
    expect((await pos('POST', `/stores/${store}/carts/claim`, { code: 'ZZZZZZZZ' })).body.code).toBe('CART.HANDOFF_INVALID');
    expect((await pos('POST', `/stores/${store}/carts/claim`, { code: 'x' })).body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
    expect((await pos('POST', `/stores/OTHER/carts/claim`, { code: 'ZZZZZZZZ' })).status).toBe(403);
    expect((await guest('GET', `/carts/${empty.body.cart.id}`)).body).toMatchObject({ status: 'OPEN', lines: [] });
  });

  it('an idle cart is abandoned after the configured time; cart.abandoned is raised only for a consenting customer', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    await e2e.j.receive(store, 'BAG', 5);
    await e2e.j.price('BAG', 5000);
    const silent = `acct-${randomUUID().slice(0, 8)}`;
    const consenting = `acct-${randomUUID().slice(0, 8)}`;

    // The consenting customer has a profile (from an order) and gives marketing consent at the till.
    const placed = await e2e.j.placeOrder(
      { channel: 'app', storeId: store, customerId: consenting, currency: 'EUR', lines: [{ sku: 'BAG', quantity: 1, unitPrice: 5000 }] },
      await tokens.customer(consenting, 'app'),
    );
    const linked = await eventually(() => {
      const found = e2e.probe
        .on(CUSTOMER_EVENTS_TOPIC, { type: 'customer.order-linked.v1' })
        .map((m) => JSON.parse(m.value ?? '{}'))
        .find((e) => e.orderId === placed.id);
      expect(found).toBeDefined();
      return found;
    });
    const customerService = httpAs(await tokens.pos(store));
    const consent = await customerService(
      'PATCH',
      `${e2e.stack.services.customer.url}/customers/${linked.customerId}/preferences`,
      { marketingConsents: [{ contactChannel: 'email', granted: true }] },
      { 'idempotency-key': randomUUID() },
    );
    expect(consent.status).toBe(200);
    await eventually(async () =>
      expect(await sql(e2e.stack.databases.order, 'SELECT granted FROM marketing_consents WHERE account_id = $1', [consenting])).toEqual([{ granted: true }]),
    );

    // The silent customer's cart is older, so it is abandoned first.
    const silentCart = (
      await (
        await as(tokens.customer(silent, 'app'))
      )('POST', '/carts', { channel: 'app', currency: 'EUR', lines: [{ sku: 'BAG', quantity: 1, unitPrice: 5000 }] })
    ).body.cart;
    const guestCart = (
      await (
        await as(guestToken('web'))
      )('POST', '/carts', { channel: 'web', currency: 'EUR', lines: [{ sku: 'BAG', quantity: 1, unitPrice: 5000 }] })
    ).body.cart;
    const consentingCart = (
      await (
        await as(tokens.customer(consenting, 'app'))
      )('POST', '/carts', { channel: 'app', currency: 'EUR', lines: [{ sku: 'BAG', quantity: 2, unitPrice: 5000 }] })
    ).body.cart;

    // Two days pass (default CART_ABANDON_AFTER_MINUTES: one day), across a crash of the order service.
    await e2e.stack.services.order.restart({ CLOCK_OFFSET_MS: String(2 * DAY) }, { crash: true });
    try {
      await eventually(async () => {
        const rows = await sql<{ id: string; status: string }>(e2e.stack.databases.order, 'SELECT id, status FROM carts WHERE id = ANY($1) ORDER BY id', [
          [silentCart.id, guestCart.id, consentingCart.id],
        ]);
        expect(rows.map((r) => r.status)).toEqual(['ABANDONED', 'ABANDONED', 'ABANDONED']);
      });
      const [announced] = await eventually(() => {
        const found = orderEvents(consentingCart.id, 'cart.abandoned.v1');
        expect(found).toHaveLength(1);
        return found;
      });
      expect(announced).toMatchObject({
        cartId: consentingCart.id,
        customerId: consenting,
        startedChannel: 'app',
        startedStoreId: null,
        currency: 'EUR',
        lines: [{ sku: 'BAG', quantity: 2, unitPrice: 5000 }],
        marketingContactChannels: ['email'],
      });
      expect(orderEvents(silentCart.id, 'cart.abandoned.v1')).toEqual([]);
      expect(orderEvents(guestCart.id, 'cart.abandoned.v1')).toEqual([]);
      expect(
        await sql(e2e.stack.databases.order, 'SELECT count(*)::int AS n FROM outbox WHERE message_key = ANY($1)', [[silentCart.id, guestCart.id]]),
      ).toEqual([{ n: 0 }]);
    } finally {
      await e2e.stack.services.order.restart({ CLOCK_OFFSET_MS: '0' });
    }
  });
});
