import { eventually, http, Journey, Stack } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { freshSku, MINUTE, readBackStack, SEED, sum } from './read-back.harness';

/**
 * What a service accepts, it stores as it was sent, and a later step can work on it: for every
 * stored aggregate a property test sends requests the OpenAPI document allows, reads each accepted
 * one back, and takes the next step of its journey on it (docs/adr/0014-request-validation.md).
 * This file: the inventory service's locations, supply and safety stock, and the returns service's
 * returns and return policies. The order and customer services' aggregates:
 * read-back-order-customer.e2e-spec.ts.
 */

describe('stored aggregates read back as accepted, and a later step works on them', () => {
  const h = readBackStack();
  const { store, warehouse, stocked, status } = h;
  let stack: Stack;
  let j: Journey;
  beforeAll(() => {
    ({ stack, j } = h.current());
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
      fc.asyncProperty(
        fc.integer({ min: 1, max: 50 }),
        fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 1_000_000 })),
        async (onHand, safetyStock) => {
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
        },
      ),
      { numRuns: 25, seed: SEED },
    );
  });

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
    const returnLine = fc.record({
      line: fc.constantFrom(...order.lines),
      quantity: fc.integer({ min: 1, max: 6 }),
      condition: fc.constantFrom('new', 'opened', 'worn', 'damaged', 'faulty'),
    });
    const outcomes = new Set<number>();
    const aReturn = fc.record({
      lines: fc.uniqueArray(returnLine, { minLength: 1, maxLength: 3, selector: (l) => l.line.lineId }),
      refundMethod: fc.option(fc.constantFrom('original-tender', 'store-credit'), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(aReturn, async (r) => {
        const requestId = `rb-${randomUUID()}`;
        const body = {
          requestId,
          orderId: order.id,
          lines: r.lines.map((l) => ({ lineId: l.line.lineId, quantity: l.quantity, condition: l.condition })),
          ...(r.refundMethod ? { refundMethod: r.refundMethod } : {}),
        };
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
          expect(read).toMatchObject({
            id: res.body.id,
            requestId,
            orderId: order.id,
            kind: 'return',
            storeId: store,
            status: 'COMPLETED',
            refundMethod: r.refundMethod,
          });
          expect(read.lines.map((l: { lineId: string; quantity: number; condition: string }) => [l.lineId, l.quantity, l.condition].join(' ')).sort()).toEqual(
            body.lines.map((l) => [l.lineId, l.quantity, l.condition].join(' ')).sort(),
          );
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
          .tuple(
            days,
            fc.array(fc.record({ channel: fc.constantFrom('*', 'web', 'app', 'pos', 'call-centre', 'marketplace'), category, days }), { maxLength: 4 }),
          )
          .map(([d, more]) => [{ id: 'window-default', channel: '*', category: '*', days: d }, ...more.map((w, i) => ({ id: `window-${i}`, ...w }))]),
        finalSale: fc.subarray(ids).map((categories) => ({ id: 'final-sale', categories })),
        conditions: fc
          .tuple(fc.subarray([...CONDITIONS]), fc.array(fc.record({ category, accepted: fc.subarray([...CONDITIONS]) }), { maxLength: 3 }))
          .map(([accepted, more]) => [{ id: 'condition-default', category: '*', accepted }, ...more.map((c, i) => ({ id: `condition-${i}`, ...c }))]),
        dispositions: fc.record(
          Object.fromEntries(CONDITIONS.map((c) => [c, fc.constantFrom(...DISPOSITIONS)])) as Record<(typeof CONDITIONS)[number], fc.Arbitrary<string>>,
        ),
        receiptless: fc.record({
          id: fc.constant('receiptless'),
          allowed: fc.boolean(),
          refundMethods: fc.subarray(['original-tender', 'store-credit']),
          maxAmount: fc.integer({ min: 0, max: 100_000_000 }),
        }),
      });
    });
    type Document = {
      categories: { id: string; skuPrefixes: string[] }[];
      windows: { id: string; channel: string; category: string; days: number }[];
      finalSale: { id: string; categories: string[] };
      conditions: { id: string; category: string; accepted: string[] }[];
    };
    /** The rules of docs/returns.md, for one unit of a line received moments ago on the web: the refusal codes, or the rule that allows it. */
    const judged = (doc: Document, sku: string, condition: string): { refusals: string[]; rule: string } => {
      const category = doc.categories.find((c) => c.skuPrefixes.some((p) => sku.startsWith(p)))?.id ?? 'general';
      const best = <T>(items: T[], score: (t: T) => number) =>
        items.reduce<{ item: T | null; score: number }>((b, item) => (score(item) > b.score ? { item, score: score(item) } : b), { item: null, score: -1 })
          .item;
      const window = best(doc.windows, (w) =>
        (w.channel !== '*' && w.channel !== 'web') || (w.category !== '*' && w.category !== category)
          ? -1
          : (w.category !== '*' ? 2 : 0) + (w.channel !== '*' ? 1 : 0),
      )!;
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
        const res = await http('POST', `${returns}/stores/${store}/returns`, {
          requestId: `rb-${randomUUID()}`,
          orderId: order.id,
          lines: [{ lineId: line.lineId, quantity: 1, condition }],
          refundMethod: 'original-tender',
        });
        if (expected.refusals.length > 0) {
          expect([res.status, res.body.code]).toEqual([422, 'RETURN.REFUSED_BY_POLICY']);
          expect(res.body.errors.map((e: { rule: string }) => e.rule).sort()).toEqual(expected.refusals.sort());
        } else {
          expect([res.status, res.body.code]).toEqual([201, undefined]);
          expect(res.body).toMatchObject({
            policyVersion: version,
            lines: [{ lineId: line.lineId, rule: expected.rule, disposition: (doc.dispositions as Record<string, string>)[condition] }],
          });
        }
      }),
      { numRuns: 30, seed: SEED },
    );
    expect([...verdicts].sort()).toEqual(['allowed', 'refused']);
  });
});
