import { NOTIFICATION_REQUESTS_TOPIC, OrderPlacedV2 } from '@omni/contracts';
import { eventually, http, httpAs, Journey, KafkaProbe, mintToken, sql, Stack, startStack, testAddress, testEvent, tokens } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/**
 * What a service accepts, it stores as it was sent, and a later step can work on it: for every
 * stored aggregate a property test sends requests the OpenAPI document allows, reads each accepted
 * one back, and takes the next step of its journey on it (docs/adr/0014-request-validation.md).
 * tools/openapi/bad-input.e2e-spec.ts is the other half: what a service refuses changes nothing.
 */

const SEED = 20261203;
const MINUTE = 60_000;
/** The shortest SKU pattern of the documents, for SKUs made up per run. */
const freshSku = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('stored aggregates read back as accepted, and a later step works on them', () => {
  let stack: Stack;
  let probe: KafkaProbe;
  let j: Journey;
  const store = Journey.id('S');
  const otherStore = Journey.id('S2');
  const warehouse = Journey.id('WH');
  /** Stocked everywhere, plenty: orders of them are reserved. */
  const stocked = ['RB-A', 'RB-B', 'RB-C'].map((s) => `${s}-${randomUUID().slice(0, 6).toUpperCase()}`);
  /** Stocked nowhere: orders of it are rejected. */
  const unstocked = freshSku('RB-NONE');

  beforeAll(async () => {
    probe = await new KafkaProbe().watch([NOTIFICATION_REQUESTS_TOPIC]);
    stack = await startStack(['order', 'inventory', 'returns', 'customer']);
    j = new Journey(stack, probe);
    await j.location(store);
    await j.location(otherStore);
    await j.location(warehouse, { kind: 'warehouse' });
    for (const location of [store, otherStore, warehouse]) for (const sku of stocked) await j.receive(location, sku, 100_000);
  });
  afterAll(async () => {
    await stack?.stop();
    await probe?.close();
  });

  const status = async (orderId: string) => (await j.get(orderId)).status as string;

  it('stores the carts it accepts as they were sent: each reads back, its lines are replaced and read back', async () => {
    const guest = httpAs(await mintToken({ sub: `guest:${randomUUID()}`, channel: 'web', scope: 'orders:place orders:read' }));
    const line = fc.record({ sku: fc.stringMatching(/^[A-Z0-9]{1,12}$/).map((s) => `RT-${s}`), quantity: fc.integer({ min: 1, max: 10_000 }), unitPrice: fc.integer({ min: 0, max: 100_000_000 }) });
    const lines = fc.uniqueArray(line, { minLength: 1, maxLength: 5, selector: (l) => l.sku });
    type Line = { sku: string; quantity: number; unitPrice: number };
    const asStored = (ls: Line[]) => ({ status: 'OPEN', lines: ls.map((l) => expect.objectContaining(l)), total: ls.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0) });
    await fc.assert(
      fc.asyncProperty(lines, lines, async (first, second) => {
        const created = await guest('POST', `${j.order}/carts`, { channel: 'web', currency: 'EUR', lines: first });
        expect(created.status).toBe(201);
        const id = created.body.cart.id as string;
        const read = async () => {
          const res = await guest('GET', `${j.order}/carts/${id}`);
          expect(res.status).toBe(200);
          return res.body;
        };
        expect(await read()).toMatchObject(asStored(first));
        expect((await guest('PUT', `${j.order}/carts/${id}/lines`, { lines: second })).status).toBe(200);
        expect(await read()).toMatchObject(asStored(second));
      }),
      { numRuns: 25, seed: SEED },
    );
  });

  it('stores the locations it accepts as they were sent, and stock can be received at each', async () => {
    const tenths = (max: number) => fc.integer({ min: -max * 10_000, max: max * 10_000 }).map((n) => n / 10_000);
    const location = fc.record(
      {
        name: fc.string({ minLength: 1, maxLength: 200 }).filter((n) => n.trim().length > 0),
        kind: fc.constantFrom('store', 'warehouse'),
        timeZone: fc.constantFrom('Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'UTC'),
        offersPickup: fc.boolean(),
        pickTimeMinutes: fc.integer({ min: 0, max: 7 * 24 * 60 }),
        pickupHoldDays: fc.integer({ min: 1, max: 60 }),
        transferDays: fc.integer({ min: 0, max: 60 }),
        latitude: tenths(90),
        longitude: tenths(180),
      },
      { requiredKeys: ['name', 'kind', 'timeZone', 'offersPickup', 'pickTimeMinutes', 'pickupHoldDays', 'transferDays'] },
    );
    await fc.assert(
      fc.asyncProperty(location, async (body) => {
        const id = `RT-${randomUUID().slice(0, 8)}`;
        const put = await http('PUT', `${j.inventory}/locations/${id}`, body);
        expect([put.status, put.body]).toEqual([201, expect.anything()]);
        expect((await http('GET', `${j.inventory}/locations/${id}`)).body).toMatchObject({ id, ...body });
        // A later step on what was stored: receiving stock there.
        expect((await http('POST', `${j.inventory}/locations/${id}/stock/RT-SKU/adjustments`, { reason: 'receipt', quantity: 3 })).status).toBe(200);
        expect((await http('GET', `${j.inventory}/locations/${id}/stock/RT-SKU`)).body).toMatchObject({ onHand: 3, reserved: 0 });
      }),
      { numRuns: 25, seed: SEED },
    );
  });

  it('stores the price lists it accepts as they were sent, and a cart prices its SKU from them', async () => {
    const at = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => new Date(t - (t % 1000)).toISOString());
    const entry = fc.record({
      currency: fc.constantFrom('EUR', 'USD', 'GBP'),
      unitPrice: fc.integer({ min: 0, max: 100_000_000 }),
      storeId: fc.option(fc.constantFrom(store, 'OTHER-STORE'), { nil: null }),
      validFrom: fc.option(at, { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 6 }), fc.integer({ min: 0, max: 100_000_000 }), async (prices, general) => {
        const sku = `RT-${randomUUID().slice(0, 8).toUpperCase()}`;
        // A standing general price in EUR, so that a cart on the web can always be priced.
        const all = [...prices, { currency: 'EUR', unitPrice: general, storeId: null, validFrom: null }];
        const put = await http('PUT', `${j.order}/price-list/${sku}`, { prices: all });
        // Two prices for one currency and store that start at the same time contradict each other:
        // refused, naming the second, and nothing stored.
        const key = (p: { currency: string; storeId: string | null; validFrom: string | null }) => `${p.currency} ${p.storeId} ${p.validFrom}`;
        const clash = all.findIndex((p, i) => all.slice(0, i).some((q) => key(q) === key(p)));
        if (clash >= 0) {
          expect([put.status, put.body.errors?.[0]]).toEqual([400, expect.objectContaining({ field: `prices.${clash}.validFrom`, rule: 'unique' })]);
          expect((await http('GET', `${j.order}/price-list/${sku}`)).status).toBe(404);
          return;
        }
        expect(put.status).toBe(200);
        const read = (await http('GET', `${j.order}/price-list/${sku}`)).body;
        expect(read.prices).toEqual(expect.arrayContaining(all.map((p) => expect.objectContaining({ ...p, validUntil: null }))));
        expect(read.prices).toHaveLength(all.length);
        // A later step on what was stored: a cart continued on the web is priced from the list, at a
        // general EUR price in force.
        const now = Date.now();
        const inForce = all.filter((p) => p.currency === 'EUR' && p.storeId === null && (p.validFrom === null || Date.parse(p.validFrom) <= now));
        const account = `acct-${randomUUID().slice(0, 8)}`;
        const inApp = httpAs(await tokens.customer(account, 'app'));
        const onWeb = httpAs(await tokens.customer(account, 'web'));
        const cart = await inApp('POST', `${j.order}/carts`, { channel: 'app', currency: 'EUR', lines: [{ sku, quantity: 1, unitPrice: 99_999_999 }] });
        expect(cart.status).toBe(201);
        const moved = await onWeb('POST', `${j.order}/carts/${cart.body.cart.id}/continue`, { channel: 'web' });
        expect(moved.status).toBe(200);
        expect(moved.body.cart.lines[0]).toMatchObject({ sku, quantity: 1 });
        expect(inForce.map((p) => p.unitPrice)).toContain(moved.body.cart.lines[0].unitPrice);
      }),
      { numRuns: 25, seed: SEED },
    );
  });

  it('stores the orders it accepts as they were sent; each reaches an outcome, and a cancellation releases what it reserved', async () => {
    const line = fc.record({ sku: fc.constantFrom(...stocked, ...stocked, unstocked), quantity: fc.integer({ min: 1, max: 5 }), unitPrice: fc.integer({ min: 0, max: 1_000_000 }) });
    const lines = fc.array(line, { minLength: 1, maxLength: 3 });
    const group = fc.oneof(
      fc.record({ type: fc.constant('pickup' as const), storeId: fc.constantFrom(store, otherStore), lines }),
      fc.record({ type: fc.constant('delivery' as const), lines }),
    );
    const order = fc.record({
      channel: fc.constantFrom('web', 'app', 'call-centre', 'marketplace'),
      groups: fc.uniqueArray(group, { minLength: 1, maxLength: 3, selector: (g) => (g.type === 'pickup' ? g.storeId : 'delivery') }),
      customerId: fc.option(fc.stringMatching(/^[a-z0-9-]{1,64}$/), { nil: null }),
      contact: fc.option(fc.record({ email: fc.emailAddress(), name: fc.string({ minLength: 1, maxLength: 200 }) }), { nil: undefined }),
      paid: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(order, async (o) => {
        const all = o.groups.flatMap((g) => g.lines);
        const total = sum(all.map((l) => l.quantity * l.unitPrice));
        const body = {
          channel: o.channel,
          currency: 'EUR',
          customerId: o.customerId,
          ...(o.contact ? { contact: o.contact } : {}),
          fulfilments: o.groups.map((g) => (g.type === 'pickup' ? g : { type: 'delivery', address: testAddress, lines: g.lines })),
          ...(o.paid && total > 0 ? { capturedTenders: [{ tender: 'card', amount: total, reference: `PSP-${randomUUID().slice(0, 8)}` }] } : {}),
        };
        const placed = await http('POST', `${j.order}/orders`, body);
        expect([placed.status, placed.body?.code]).toEqual([201, undefined]);
        const id = placed.body.id as string;

        const read = await j.get(id);
        expect(read).toMatchObject({ id, channel: o.channel, currency: 'EUR', customerId: o.customerId });
        const asSent = (ls: { sku: string; quantity: number; unitPrice: number }[]) => ls.map((l) => [l.sku, l.quantity, l.unitPrice].join(' ')).sort();
        expect(asSent(read.lines)).toEqual(asSent(all));
        expect(read.fulfilments.map((f: { type: string; storeId: string | null }) => `${f.type} ${f.type === 'pickup' ? f.storeId : ''}`).sort()).toEqual(
          o.groups.map((g) => `${g.type} ${g.type === 'pickup' ? g.storeId : ''}`).sort(),
        );

        // A later step: inventory decides, then the customer cancels. A rejected order is final; any
        // other outcome is cancellable, and its cancellation leaves nothing reserved anywhere.
        const outcome = await eventually(async () => {
          const s = await status(id);
          if (s === 'PLACED') throw new Error(`order ${id} is still PLACED`);
          return s;
        });
        expect(outcome === 'REJECTED').toBe(all.some((l) => l.sku === unstocked));
        if (outcome !== 'REJECTED') {
          const cancelled = await http('POST', `${j.order}/orders/${id}/cancel`, { reason: 'read-back property' });
          expect([cancelled.status, cancelled.body?.code]).toEqual([200, undefined]);
          await j.status(id, 'CANCELLED');
        }
        await eventually(async () => {
          const reserved = await Promise.all([store, otherStore, warehouse].flatMap((l) => stocked.map(async (sku) => (await j.stock(l, sku)).reserved)));
          expect(sum(reserved)).toBe(0);
        });
      }),
      { numRuns: 20, seed: SEED },
    );
  });

  it('stores the preorder products it accepts as they were sent, and a preorder for one is taken or refused by its dates and caps', async () => {
    // Offsets from now in whole minutes, never within five minutes of it: the answer cannot change while the test runs.
    const offset = fc.integer({ min: -60 * 24 * 30, max: 60 * 24 * 30 }).filter((m) => Math.abs(m) >= 5);
    /** The outcomes met: the runs reach both sides of every rule. */
    const seen = new Set<string>();
    const product = fc.record({ releaseAt: offset, opensAt: offset, closesAt: offset, capPerStore: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 1_000_000 })), capPerCustomer: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 1000 })) });
    await fc.assert(
      fc.asyncProperty(product, fc.integer({ min: 1, max: 4 }), async (p, quantity) => {
        const sku = freshSku('RB-PRE');
        const minuteNow = Date.now() - (Date.now() % MINUTE);
        const at = (m: number) => new Date(minuteNow + m * MINUTE).toISOString();
        const body = { releaseAt: at(p.releaseAt), opensAt: at(p.opensAt), closesAt: at(p.closesAt), capPerStore: p.capPerStore, capPerCustomer: p.capPerCustomer };
        const put = await http('PUT', `${j.order}/preorder-products/${sku}`, body);
        if (p.opensAt >= p.closesAt) {
          // The one rule across fields: refused as the request's, and nothing stored.
          expect([put.status, put.body.errors?.[0]?.field]).toEqual([400, 'closesAt']);
          expect((await http('GET', `${j.order}/preorder-products/${sku}`)).status).toBe(404);
          return;
        }
        expect(put.status).toBe(200);
        expect((await http('GET', `${j.order}/preorder-products/${sku}`)).body).toEqual({ sku, ...body });

        const placed = await http('POST', `${j.order}/orders`, {
          channel: 'app',
          customerId: `fan-${randomUUID().slice(0, 8)}`,
          currency: 'EUR',
          fulfilments: [{ type: 'pickup', storeId: store, preorder: true, lines: [{ sku, quantity, unitPrice: 49_900 }] }],
        });
        const refusal =
          p.releaseAt <= 0 ? 'PREORDER.NOT_A_PREORDER'
          : p.opensAt > 0 || p.closesAt <= 0 ? 'PREORDER.WINDOW_CLOSED'
          : quantity > p.capPerStore ? 'PREORDER.STORE_CAP_REACHED'
          : quantity > p.capPerCustomer ? 'PREORDER.CUSTOMER_CAP_REACHED'
          : null;
        seen.add(refusal ?? 'taken');
        if (refusal) {
          // As documented for POST /orders: a cap reached is a conflict, the other refusals 422.
          expect([placed.status, placed.body.code]).toEqual([refusal.endsWith('_CAP_REACHED') ? 409 : 422, refusal]);
          return;
        }
        expect(placed.status).toBe(201);
        await j.status(placed.body.id, 'PREORDERED');
        expect((await j.get(placed.body.id)).fulfilments[0].preorder).toMatchObject({ releaseAt: body.releaseAt, position: 1 });
      }),
      { numRuns: 50, seed: SEED },
    );
    expect([...seen].sort()).toEqual(['PREORDER.CUSTOMER_CAP_REACHED', 'PREORDER.NOT_A_PREORDER', 'PREORDER.STORE_CAP_REACHED', 'PREORDER.WINDOW_CLOSED', 'taken']);
  });

  it('stores the supply it accepts as it was sent; it is redated and read back, and its receipt is stock on hand', async () => {
    const supply = fc.record({
      locationId: fc.constantFrom(store, warehouse),
      quantity: fc.integer({ min: 1, max: 10_000 }),
      expectedIn: fc.integer({ min: -60 * 24 * 10, max: 60 * 24 * 365 }),
      redatedIn: fc.integer({ min: -60 * 24 * 10, max: 60 * 24 * 365 }),
      reference: fc.string({ minLength: 1, maxLength: 64 }).filter((r) => r.trim().length > 0),
      received: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    await fc.assert(
      fc.asyncProperty(supply, async (s) => {
        const sku = freshSku('RB-SUP');
        const at = (m: number) => new Date(Date.now() - (Date.now() % MINUTE) + m * MINUTE).toISOString();
        const body = { sku, locationId: s.locationId, quantity: s.quantity, expectedAt: at(s.expectedIn), reference: s.reference };
        const announced = await http('POST', `${j.inventory}/supply`, body);
        expect(announced.status).toBe(201);
        const id = announced.body.supplyId as string;
        const read = async () => (await http('GET', `${j.inventory}/supply/${id}`)).body;
        expect(await read()).toMatchObject({ supplyId: id, ...body, receivedQuantity: 0 });

        const expectedAt = at(s.redatedIn);
        expect((await http('PATCH', `${j.inventory}/supply/${id}`, { expectedAt })).status).toBe(200);
        expect(await read()).toMatchObject({ supplyId: id, ...body, expectedAt, receivedQuantity: 0 });

        // A later step: the goods arrive, all or some of them, and are on the shelf.
        const received = Math.round(s.received * s.quantity);
        expect((await http('POST', `${j.inventory}/supply/${id}/receipt`, { quantity: received })).status).toBe(200);
        expect(await read()).toMatchObject({ supplyId: id, receivedQuantity: received });
        await eventually(async () => expect(await j.stock(s.locationId, sku)).toMatchObject({ onHand: received, reserved: 0 }));
      }),
      { numRuns: 25, seed: SEED },
    );
  });

  it('stores the safety stock it accepts as it was sent; availability and reservations hold it back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 50 }), fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 1_000_000 })), async (onHand, safetyStock) => {
        const sku = freshSku('RB-SAFE');
        await j.receive(store, sku, onHand);
        const put = await http('PUT', `${j.inventory}/locations/${store}/stock/${sku}/safety-stock`, { safetyStock });
        expect(put.status).toBe(200);
        const available = Math.max(0, onHand - safetyStock);
        expect(await j.stock(store, sku)).toEqual({ locationId: store, sku, onHand, reserved: 0, safetyStock, available });

        // Later steps: the storefront's availability check, then an order for one unit, reserved
        // only if a unit is left above the safety stock (no other location has the SKU).
        const atp = await http('GET', `${j.inventory}/availability?skus=${sku}&stores=${store}`);
        expect(atp.status).toBe(200);
        expect(atp.body.availability).toEqual([expect.objectContaining({ storeId: store, sku, availableAtStore: available })]);
        const placed = await j.place(store, [{ sku, quantity: 1 }]);
        const outcome = await eventually(async () => {
          const s = await status(placed.id);
          if (s === 'PLACED') throw new Error(`order ${placed.id} is still PLACED`);
          return s;
        });
        expect(outcome).toBe(available >= 1 ? 'RESERVED' : 'REJECTED');
      }),
      { numRuns: 25, seed: SEED },
    );
  });

  it('stores the preferences it accepts as they were sent, leaves out what was not sent, and the profile keeps working', async () => {
    const customerId = await aCustomer();
    const CHANNELS = ['email', 'sms', 'push', 'phone', 'post'] as const;
    const change = fc
      .record(
        {
          homeStoreId: fc.option(fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/), { nil: null }),
          preferredContactChannel: fc.option(fc.constantFrom(...CHANNELS), { nil: null }),
          marketingConsents: fc.uniqueArray(fc.record({ contactChannel: fc.constantFrom(...CHANNELS), granted: fc.boolean() }), { maxLength: 5, selector: (c) => c.contactChannel }),
        },
        { requiredKeys: [] },
      )
      .filter((c) => Object.keys(c).length > 0);
    // The profile as the changes so far make it: omitted fields unchanged, consents per channel.
    const model = { homeStoreId: null as string | null, preferredContactChannel: null as string | null, consents: new Map<string, boolean>() };
    await fc.assert(
      fc.asyncProperty(change, async (c) => {
        const res = await http('PATCH', `${stack.services.customer.url}/customers/${customerId}/preferences`, c);
        expect([res.status, res.body.code]).toEqual([200, undefined]);
        if (c.homeStoreId !== undefined) model.homeStoreId = c.homeStoreId;
        if (c.preferredContactChannel !== undefined) model.preferredContactChannel = c.preferredContactChannel;
        for (const consent of c.marketingConsents ?? []) model.consents.set(consent.contactChannel, consent.granted);
        const expected = {
          customerId,
          status: 'ACTIVE',
          homeStoreId: model.homeStoreId,
          preferredContactChannel: model.preferredContactChannel,
          marketingConsents: [...model.consents].sort(([a], [b]) => a.localeCompare(b)).map(([contactChannel, granted]) => expect.objectContaining({ contactChannel, granted })),
        };
        expect(res.body).toMatchObject(expected);
        expect((await http('GET', `${stack.services.customer.url}/customers/${customerId}`)).body).toMatchObject(expected);
        // A later step: the customer's timeline and order history still read.
        expect((await http('GET', `${stack.services.customer.url}/customers/${customerId}/timeline`)).status).toBe(200);
        expect((await http('GET', `${stack.services.customer.url}/customers/${customerId}/orders`)).status).toBe(200);
      }),
      { numRuns: 30, seed: SEED },
    );
  });

  /** A customer profile, made as the order service's orders make them. */
  async function aCustomer(): Promise<string> {
    const placed = randomUUID();
    const line = randomUUID();
    const producer = new KafkaProbe();
    await producer.produce(OrderPlacedV2.topic, [
      testEvent(OrderPlacedV2, {
        orderId: placed,
        channel: 'web',
        placedAtStoreId: null,
        customerId: null,
        contact: { email: `read-back-${placed}@example.com`, phone: null, loyaltyId: null, name: 'Read Back', postcode: '1000' },
        currency: 'EUR',
        lines: [{ lineId: line, sku: stocked[0], quantity: 1, unitPrice: 100 }],
        fulfilments: [{ fulfilmentId: randomUUID(), type: 'pickup', storeId: store, address: null, lineIds: [line] }],
        capturedTenders: [],
        placedAt: new Date().toISOString(),
      }),
    ]);
    await producer.close();
    return eventually(async () => {
      const rows = await sql<{ profile_id: string }>(stack.databases.customer, 'SELECT profile_id FROM order_links WHERE order_id = $1', [placed]);
      expect(rows).toHaveLength(1);
      return rows[0].profile_id;
    });
  }

  /** An order collected at `store`, as the returns service knows it once it has read the order's events. */
  async function collectedOrder(quantity: number): Promise<{ id: string; lines: { lineId: string; sku: string; quantity: number }[] }> {
    // Unit prices 1000, 2000, 3000 by SKU (the refunds below are computed from them), paid by card.
    const lines = stocked.map((sku, i) => ({ sku, quantity, unitPrice: 1000 * (i + 1) }));
    const total = sum(lines.map((l) => l.quantity * l.unitPrice));
    const placed = await j.place(store, lines, { capturedTenders: [{ tender: 'card', amount: total, reference: `PSP-${randomUUID().slice(0, 8)}` }] });
    await j.status(placed.id, 'RESERVED');
    await j.pickAll(store, placed.id);
    expect((await j.store(store).collect(placed.id, await j.pickupCode(placed.id))).status).toBe(200);
    await eventually(async () => {
      const r = await http('GET', `${stack.services.returns.url}/returnable-orders/${placed.id}`);
      expect(r.body?.lines?.map((l: { received: number }) => l.received)).toEqual(placed.lines.map(() => quantity));
    });
    return placed;
  }

  it('stores the returns it accepts as they were sent; what stays returnable follows, and more than was bought is refused', async () => {
    const order = await collectedOrder(40);
    const returned = new Map(order.lines.map((l) => [l.lineId, 0]));
    const unitPriceOf = (sku: string) => 1000 * (stocked.indexOf(sku) + 1);
    const returnLine = fc.record({ line: fc.constantFrom(...order.lines), quantity: fc.integer({ min: 1, max: 6 }), condition: fc.constantFrom('new', 'opened', 'worn', 'damaged', 'faulty') });
    const outcomes = new Set<number>();
    const aReturn = fc.record({
      lines: fc.uniqueArray(returnLine, { minLength: 1, maxLength: 3, selector: (l) => l.line.lineId }),
      refundMethod: fc.option(fc.constantFrom('original-tender', 'store-credit'), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(aReturn, async (r) => {
        const requestId = `rb-${randomUUID()}`;
        const body = { requestId, orderId: order.id, lines: r.lines.map((l) => ({ lineId: l.line.lineId, quantity: l.quantity, condition: l.condition })), ...(r.refundMethod ? { refundMethod: r.refundMethod } : {}) };
        const res = await http('POST', `${stack.services.returns.url}/stores/${store}/returns`, body);
        const tooMany = r.lines.some((l) => returned.get(l.line.lineId)! + l.quantity > l.line.quantity);
        outcomes.add(res.status);
        if (tooMany) {
          expect([res.status, res.body.code]).toEqual([422, 'RETURN.REFUSED_BY_POLICY']);
          expect(res.body.errors.map((e: { rule: string }) => e.rule)).toContain('POLICY.QUANTITY_EXCEEDED quantity-returnable');
        } else if (r.refundMethod === undefined) {
          // Every line has a price: the POS must say how the money goes back.
          expect([res.status, res.body.code]).toEqual([422, expect.stringMatching(/^(REFUND\.METHOD_REQUIRED|RETURN\.REFUSED_BY_POLICY)$/)]);
        } else if (res.status === 422) {
          // The policy in force (version 1) takes some conditions back only for some categories: each refusal names its rule.
          expect(res.body.code).toBe('RETURN.REFUSED_BY_POLICY');
          expect(res.body.errors.every((e: { rule: string }) => /^POLICY\.CONDITION_NOT_ACCEPTED /.test(e.rule))).toBe(true);
        } else {
          expect([res.status, res.body.code]).toEqual([201, undefined]);
          for (const l of r.lines) returned.set(l.line.lineId, returned.get(l.line.lineId)! + l.quantity);
          const read = (await http('GET', `${stack.services.returns.url}/returns/${res.body.id}`)).body;
          expect(read).toMatchObject({ id: res.body.id, requestId, orderId: order.id, kind: 'return', storeId: store, status: 'COMPLETED', refundMethod: r.refundMethod });
          expect(read.lines.map((l: { lineId: string; quantity: number; condition: string }) => [l.lineId, l.quantity, l.condition].join(' ')).sort()).toEqual(body.lines.map((l) => [l.lineId, l.quantity, l.condition].join(' ')).sort());
          expect(read.refundAmount).toBe(sum(r.lines.map((l) => l.quantity * unitPriceOf(l.line.sku))));
        }
        // A later step: the order's returnable quantities are what was bought less what came back.
        const after = (await http('GET', `${stack.services.returns.url}/returnable-orders/${order.id}`)).body;
        const byLine = (a: (string | number)[], b: (string | number)[]) => String(a[0]).localeCompare(String(b[0]));
        expect(after.lines.map((l: { lineId: string; returned: number; returnable: number }) => [l.lineId, l.returned, l.returnable]).sort(byLine)).toEqual(
          order.lines.map((l) => [l.lineId, returned.get(l.lineId)!, l.quantity - returned.get(l.lineId)!]).sort(byLine),
        );
      }),
      { numRuns: 25, seed: SEED },
    );
    expect([...outcomes].sort()).toEqual([201, 422]);
  });

  it('stores the return policies it accepts as they were sent; the version in force judges the next return by its rules', async () => {
    const order = await collectedOrder(40);
    const CONDITIONS = ['new', 'opened', 'worn', 'damaged', 'faulty'] as const;
    const DISPOSITIONS = ['sellable', 'damaged', 'return-to-vendor'] as const;
    const CATEGORIES = ['cat-a', 'cat-b', 'cat-c'];
    const prefixes = fc.uniqueArray(fc.constantFrom(...stocked.map((s) => s.slice(0, 4)), ...stocked, 'ZZ-'), { minLength: 1, maxLength: 3 });
    const days = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3650 }));
    const document = fc.subarray(CATEGORIES).chain((ids) => {
      const category = fc.constantFrom('*', ...ids);
      return fc.record({
        categories: fc.tuple(...ids.map((id) => prefixes.map((skuPrefixes) => ({ id, skuPrefixes })))),
        windows: fc
          .tuple(days, fc.array(fc.record({ channel: fc.constantFrom('*', 'web', 'app', 'pos', 'call-centre', 'marketplace'), category, days }), { maxLength: 4 }))
          .map(([d, more]) => [{ id: 'window-default', channel: '*', category: '*', days: d }, ...more.map((w, i) => ({ id: `window-${i}`, ...w }))]),
        finalSale: fc.subarray(ids).map((categories) => ({ id: 'final-sale', categories })),
        conditions: fc
          .tuple(fc.subarray([...CONDITIONS]), fc.array(fc.record({ category, accepted: fc.subarray([...CONDITIONS]) }), { maxLength: 3 }))
          .map(([accepted, more]) => [{ id: 'condition-default', category: '*', accepted }, ...more.map((c, i) => ({ id: `condition-${i}`, ...c }))]),
        dispositions: fc.record(Object.fromEntries(CONDITIONS.map((c) => [c, fc.constantFrom(...DISPOSITIONS)])) as Record<(typeof CONDITIONS)[number], fc.Arbitrary<string>>),
        receiptless: fc.record({ id: fc.constant('receiptless'), allowed: fc.boolean(), refundMethods: fc.subarray(['original-tender', 'store-credit']), maxAmount: fc.integer({ min: 0, max: 100_000_000 }) }),
      });
    });
    type Document = { categories: { id: string; skuPrefixes: string[] }[]; windows: { id: string; channel: string; category: string; days: number }[]; finalSale: { id: string; categories: string[] }; conditions: { id: string; category: string; accepted: string[] }[] };
    /** The rules of docs/returns.md, for one unit of a line received moments ago on the web: the refusal codes, or the rule that allows it. */
    const judged = (doc: Document, sku: string, condition: string): { refusals: string[]; rule: string } => {
      const category = doc.categories.find((c) => c.skuPrefixes.some((p) => sku.startsWith(p)))?.id ?? 'general';
      const best = <T>(items: T[], score: (t: T) => number) => items.reduce<{ item: T | null; score: number }>((b, item) => (score(item) > b.score ? { item, score: score(item) } : b), { item: null, score: -1 }).item;
      const window = best(doc.windows, (w) => ((w.channel !== '*' && w.channel !== 'web') || (w.category !== '*' && w.category !== category) ? -1 : (w.category !== '*' ? 2 : 0) + (w.channel !== '*' ? 1 : 0)))!;
      const rule = best(doc.conditions, (c) => (c.category === category ? 1 : c.category === '*' ? 0 : -1))!;
      const refusals = [
        ...(doc.finalSale.categories.includes(category) ? ['POLICY.FINAL_SALE final-sale'] : []),
        ...(window.days === 0 ? [`POLICY.WINDOW_EXPIRED ${window.id}`] : []),
        ...(rule.accepted.includes(condition) ? [] : [`POLICY.CONDITION_NOT_ACCEPTED ${rule.id}`]),
      ];
      return { refusals, rule: window.id };
    };
    const returns = `${stack.services.returns.url}`;
    const verdicts = new Set<string>();
    await fc.assert(
      fc.asyncProperty(document, fc.constantFrom(...order.lines), fc.constantFrom(...CONDITIONS), async (doc, line, condition) => {
        const effectiveFrom = new Date().toISOString();
        const published = await http('POST', `${returns}/return-policies`, { effectiveFrom, document: doc });
        expect([published.status, published.body.code]).toEqual([201, undefined]);
        const version = published.body.version as number;
        const list = (await http('GET', `${returns}/return-policies`)).body.policies as { version: number; effectiveFrom: string; document: unknown }[];
        expect(list.find((p) => p.version === version)).toMatchObject({ effectiveFrom, document: doc });
        expect((await http('GET', `${returns}/return-policies/current`)).body).toMatchObject({ version, document: doc });

        // A later step: the next return at the counter is judged by this version, rule by rule.
        const expected = judged(doc, line.sku, condition);
        verdicts.add(expected.refusals.length > 0 ? 'refused' : 'allowed');
        const res = await http('POST', `${returns}/stores/${store}/returns`, { requestId: `rb-${randomUUID()}`, orderId: order.id, lines: [{ lineId: line.lineId, quantity: 1, condition }], refundMethod: 'original-tender' });
        if (expected.refusals.length > 0) {
          expect([res.status, res.body.code]).toEqual([422, 'RETURN.REFUSED_BY_POLICY']);
          expect(res.body.errors.map((e: { rule: string }) => e.rule).sort()).toEqual(expected.refusals.sort());
        } else {
          expect([res.status, res.body.code]).toEqual([201, undefined]);
          expect(res.body).toMatchObject({ policyVersion: version, lines: [{ lineId: line.lineId, rule: expected.rule, disposition: (doc.dispositions as Record<string, string>)[condition] }] });
        }
      }),
      { numRuns: 30, seed: SEED },
    );
    expect([...verdicts].sort()).toEqual(['allowed', 'refused']);
  });
});
