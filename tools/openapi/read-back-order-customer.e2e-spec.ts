import { OrderPlacedV2 } from '@omni/contracts';
import { eventually, http, httpAs, Journey, KafkaProbe, mintToken, sql, Stack, testAddress, testEvent, tokens } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { freshSku, MINUTE, readBackStack, SEED, sum } from './read-back.harness';

/**
 * What a service accepts, it stores as it was sent, and a later step can work on it: for every
 * stored aggregate a property test sends requests the OpenAPI document allows, reads each accepted
 * one back, and takes the next step of its journey on it (docs/adr/0014-request-validation.md).
 * This file: the order service's carts, price lists, orders and preorder products, and the customer
 * service's preferences. The inventory and returns services' aggregates:
 * read-back-inventory-returns.e2e-spec.ts. tools/openapi/bad-input.e2e-spec.ts is the other half:
 * what a service refuses changes nothing.
 */

describe('stored aggregates read back as accepted, and a later step works on them', () => {
  const h = readBackStack();
  const { store, otherStore, warehouse, stocked, status } = h;
  /** Stocked nowhere: orders of it are rejected. */
  const unstocked = freshSku('RB-NONE');
  let stack: Stack;
  let j: Journey;
  beforeAll(() => {
    ({ stack, j } = h.current());
  });

  it('stores the carts it accepts as they were sent: each reads back, its lines are replaced and read back', async () => {
    const guest = httpAs(await mintToken({ sub: `guest:${randomUUID()}`, channel: 'web', scope: 'orders:place orders:read' }));
    const line = fc.record({
      sku: fc.stringMatching(/^[A-Z0-9]{1,12}$/).map((s) => `RT-${s}`),
      quantity: fc.integer({ min: 1, max: 10_000 }),
      unitPrice: fc.integer({ min: 0, max: 100_000_000 }),
    });
    const lines = fc.uniqueArray(line, { minLength: 1, maxLength: 5, selector: (l) => l.sku });
    type Line = { sku: string; quantity: number; unitPrice: number };
    const asStored = (ls: Line[]) => ({
      status: 'OPEN',
      lines: ls.map((l) => expect.objectContaining(l)),
      total: ls.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0),
    });
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
    const line = fc.record({
      sku: fc.constantFrom(...stocked, ...stocked, unstocked),
      quantity: fc.integer({ min: 1, max: 5 }),
      unitPrice: fc.integer({ min: 0, max: 1_000_000 }),
    });
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
    const product = fc.record({
      releaseAt: offset,
      opensAt: offset,
      closesAt: offset,
      capPerStore: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 1_000_000 })),
      capPerCustomer: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 1000 })),
    });
    await fc.assert(
      fc.asyncProperty(product, fc.integer({ min: 1, max: 4 }), async (p, quantity) => {
        const sku = freshSku('RB-PRE');
        const minuteNow = Date.now() - (Date.now() % MINUTE);
        const at = (m: number) => new Date(minuteNow + m * MINUTE).toISOString();
        const body = {
          releaseAt: at(p.releaseAt),
          opensAt: at(p.opensAt),
          closesAt: at(p.closesAt),
          capPerStore: p.capPerStore,
          capPerCustomer: p.capPerCustomer,
        };
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
          p.releaseAt <= 0
            ? 'PREORDER.NOT_A_PREORDER'
            : p.opensAt > 0 || p.closesAt <= 0
              ? 'PREORDER.WINDOW_CLOSED'
              : quantity > p.capPerStore
                ? 'PREORDER.STORE_CAP_REACHED'
                : quantity > p.capPerCustomer
                  ? 'PREORDER.CUSTOMER_CAP_REACHED'
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
    expect([...seen].sort()).toEqual([
      'PREORDER.CUSTOMER_CAP_REACHED',
      'PREORDER.NOT_A_PREORDER',
      'PREORDER.STORE_CAP_REACHED',
      'PREORDER.WINDOW_CLOSED',
      'taken',
    ]);
  });

  it('stores the preferences it accepts as they were sent, leaves out what was not sent, and the profile keeps working', async () => {
    const customerId = await aCustomer();
    const CHANNELS = ['email', 'sms', 'push', 'phone', 'post'] as const;
    const change = fc
      .record(
        {
          homeStoreId: fc.option(fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/), { nil: null }),
          preferredContactChannel: fc.option(fc.constantFrom(...CHANNELS), { nil: null }),
          marketingConsents: fc.uniqueArray(fc.record({ contactChannel: fc.constantFrom(...CHANNELS), granted: fc.boolean() }), {
            maxLength: 5,
            selector: (c) => c.contactChannel,
          }),
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
          marketingConsents: [...model.consents]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([contactChannel, granted]) => expect.objectContaining({ contactChannel, granted })),
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
});
