import { findEventDefinition, INVENTORY_EVENTS_TOPIC, OrderPlacedV1, OrderReplacementRefusedV1, schemaErrors } from '@omni/contracts';
import { eventually, mintToken, Stack, testEvent } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import { ReturnsDriver, startReturnsStack, stopReturnsStack, uniq } from './returns.harness';

/**
 * Journey 3 from the returns service's side, on real Kafka and PostgreSQL: exchanges from the store's
 * shelves, uneven ones, and those whose replacement cannot be had.
 */
describe('returns: exchanges', () => {
  let stack: Stack;
  let d: ReturnsDriver;

  beforeAll(async () => ({ stack, d } = await startReturnsStack({ PHONE_DEFAULT_COUNTRY: 'FR' })));
  afterAll(() => stopReturnsStack(stack, d));

  it('exchanges in both uneven directions: the customer pays the difference at the POS, or gets it back', async () => {
    const store = await d.location(uniq('S'));
    await d.receiveStock(store, 'COAT-XL', 1);
    await d.receiveStock(store, 'TEE-S', 1);
    const o = await d.place({
      lines: [
        { sku: 'COAT-M', quantity: 1, unitPrice: 10000 },
        { sku: 'TEE-M', quantity: 1, unitPrice: 3000 },
      ],
    });
    await d.collect(o);

    const noPayment = await d.returnAt(store, {
      orderId: o.orderId,
      lines: [{ lineId: o.lines[1].lineId, quantity: 1, condition: 'new' }],
      replacements: [{ sku: 'COAT-XL', quantity: 1, unitPrice: 12000 }],
    });
    expect([noPayment.status, noPayment.body.code]).toEqual([422, 'EXCHANGE.PAYMENT_REQUIRED']);
    const wrongAmount = await d.returnAt(store, {
      orderId: o.orderId,
      lines: [{ lineId: o.lines[1].lineId, quantity: 1, condition: 'new' }],
      replacements: [{ sku: 'COAT-XL', quantity: 1, unitPrice: 12000 }],
      charged: { tender: 'card', amount: 8999, reference: 'POS-TX-0' },
    });
    expect([wrongAmount.status, wrongAmount.body.code]).toEqual([422, 'EXCHANGE.PAYMENT_AMOUNT_MISMATCH']);

    // Dearer: 3000 back, 12000 out, 9000 paid at the POS.
    const dearer = await d.returnAt(store, {
      orderId: o.orderId,
      lines: [{ lineId: o.lines[1].lineId, quantity: 1, condition: 'new' }],
      replacements: [{ sku: 'COAT-XL', quantity: 1, unitPrice: 12000 }],
      charged: { tender: 'card', amount: 9000, reference: 'POS-TX-1' },
    });
    expect(dearer.status).toBe(201);
    expect(dearer.body).toMatchObject({ kind: 'exchange', status: 'AWAITING_REPLACEMENT', difference: 9000 });
    expect((await d.settled(dearer.body.id, 'COMPLETED')).refunds).toEqual([]);

    // Cheaper: 10000 back, 2500 out, 7500 refunded to the card of the order.
    const cheaper = await d.returnAt(store, {
      orderId: o.orderId,
      lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'opened' }],
      replacements: [{ sku: 'TEE-S', quantity: 1, unitPrice: 2500 }],
      refundMethod: 'original-tender',
    });
    expect(cheaper.body).toMatchObject({ status: 'AWAITING_REPLACEMENT', difference: -7500, refundAmount: 7500 });
    expect((await d.settled(cheaper.body.id, 'COMPLETED')).refunds).toEqual([expect.objectContaining({ tender: 'card', amount: 7500, reference: o.orderId })]);
    await eventually(() =>
      expect(d.events(o.orderId, 'return.refund-requested')).toEqual([
        expect.objectContaining({
          returnId: cheaper.body.id,
          reason: 'EXCHANGE.DIFFERENCE',
          tenders: [{ tender: 'card', amount: 7500, reference: o.orderId }],
        }),
      ]),
    );

    // Both replacements left the shelves; both returned units are back on them.
    expect(await d.stock(store, 'COAT-XL')).toMatchObject({ onHand: 0 });
    expect(await d.stock(store, 'TEE-S')).toMatchObject({ onHand: 0 });
    await eventually(async () => expect(await d.stock(store, 'COAT-M')).toMatchObject({ onHand: 1, available: 1 }));
    await eventually(async () => expect(await d.stock(store, 'TEE-M')).toMatchObject({ onHand: 1 }));
    const completed = await eventually(() => {
      const events = d.events(o.orderId, 'return.completed');
      expect(events).toHaveLength(2);
      return events;
    });
    expect(completed.map((c) => [c.kind, c.storeId, c.orderChannel, c.difference])).toEqual([
      ['exchange', store, 'web', 9000],
      ['exchange', store, 'web', -7500],
    ]);
    for (const c of completed) expect(schemaErrors(findEventDefinition('return.completed.v1')!, c)).toEqual([]);
  });

  it('abandons an exchange when the store has no replacement, and the unit stays returnable', async () => {
    const store = await d.location(uniq('S'));
    const o = await d.place({ lines: [{ sku: 'SHIRT-M', quantity: 1, unitPrice: 4000 }] });
    await d.collect(o);
    const res = await d.returnAt(store, {
      orderId: o.orderId,
      lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }],
      replacements: [{ sku: uniq('SHIRT-L'), quantity: 1, unitPrice: 4000 }],
    });
    expect(res.status).toBe(201);
    const failed = await d.settled(res.body.id, 'REPLACEMENT_UNAVAILABLE');
    expect(failed.failureReason).toBe('STOCK.INSUFFICIENT');
    // The state is committed before the outbox publishes: wait for the event, do not race it.
    await eventually(() => expect(d.events(o.orderId, 'return.exchange-failed')).toHaveLength(1));
    expect((await d.order(o.orderId)).body.lines[0]).toMatchObject({ returned: 0, returnable: 1 });
    expect(d.events(o.orderId, 'return.completed')).toHaveLength(0);
  });

  it('fails an exchange waiting for its shipment when the order service cannot place the delivery order, and the unit is returnable again', async () => {
    const store = await d.location(uniq('S'));
    const o = await d.place({ lines: [{ sku: 'SHIRT-M', quantity: 1, unitPrice: 4000 }] });
    await d.collect(o);
    const shipReplacementTo = { name: 'Ada Martin', line1: '3 rue Oberkampf', postcode: '75011', city: 'Paris', country: 'FR' };
    const res = await d.returnAt(store, {
      orderId: o.orderId,
      lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }],
      replacements: [{ sku: uniq('SHIRT-L'), quantity: 1, unitPrice: 4000 }],
      shipReplacementTo,
    });
    expect(res.status).toBe(201);
    // No order service runs here: the exchange waits for its answer.
    await d.settled(res.body.id, 'AWAITING_SHIPMENT');
    expect((await d.order(o.orderId)).body.lines[0]).toMatchObject({ returned: 1, returnable: 0 });

    const refused = testEvent(OrderReplacementRefusedV1, {
      returnId: res.body.id,
      originalOrderId: o.orderId,
      reason: 'ORDER.TENDER_MISMATCH',
      detail: 'captured tenders add up to 4000, the order costs 4100',
      refusedAt: new Date().toISOString(),
    });
    await d.send(refused, refused);
    const failed = await d.settled(res.body.id, 'REPLACEMENT_UNAVAILABLE');
    expect(failed).toMatchObject({ failureReason: 'ORDER.TENDER_MISMATCH', replacementOrderId: null });
    await eventually(() =>
      expect(d.events(o.orderId, 'return.exchange-failed')).toEqual([expect.objectContaining({ returnId: res.body.id, reason: 'ORDER.TENDER_MISMATCH' })]),
    );
    expect((await d.order(o.orderId)).body.lines[0]).toMatchObject({ returned: 0, returnable: 1 });
    expect(d.events(o.orderId, 'return.completed')).toHaveLength(0);
    // The unit can come back again, as a plain return.
    const again = await d.returnAt(store, {
      orderId: o.orderId,
      lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }],
      refundMethod: 'original-tender',
    });
    expect(again.status).toBe(201);
    expect(again.body.status).toBe('COMPLETED');
  });

  it("prices the replacements from the order service's price list: a till's other price is refused and changes nothing; a trusted caller's is kept and audited", async () => {
    const store = await d.location(uniq('S'));
    const sku = uniq('BOOT-43');
    await d.receiveStock(store, sku, 2);
    const o = await d.place({ lines: [{ sku: 'BOOT-42', quantity: 2, unitPrice: 9000 }] });
    await d.collect(o);
    const pos = await mintToken({ sub: `pos:${store}:1`, channel: 'pos', store_id: store, associate_id: 'a-1', scope: 'store:operate orders:read' });
    const exchange = (unitPrice: number, token: string, requestId = uniq('req')) =>
      d.returnAt(
        store,
        {
          requestId,
          orderId: o.orderId,
          lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }],
          replacements: [{ sku, quantity: 1, unitPrice }],
          refundMethod: 'original-tender',
        },
        { token },
      );

    // Not on the list yet: it cannot be sold at a price the till makes up.
    const unlisted = await exchange(9000, pos);
    expect([unlisted.status, unlisted.body.code]).toEqual([422, 'PRICE.NOT_LISTED']);
    expect(unlisted.body.detail).toContain(sku);

    // Listed at 9,500 everywhere and 9,000 at this store: the store's own price is the one in force here.
    await d.listPrices(sku, [{ unitPrice: 9500 }, { unitPrice: 9000, storeId: store }]);
    const tooCheap = await exchange(100, pos);
    expect([tooCheap.status, tooCheap.body.code, tooCheap.body.detail]).toEqual([422, 'PRICE.MISMATCH', `${sku} sells at 9000, not 100`]);
    const general = await exchange(9500, pos);
    expect([general.status, general.body.code]).toEqual([422, 'PRICE.MISMATCH']);
    // Nothing of the refused ones was kept: both units are still returnable, no return was told.
    expect((await d.order(o.orderId)).body.lines[0].returnable).toBe(2);
    expect(d.events(o.orderId, 'return.completed')).toEqual([]);

    const even = await exchange(9000, pos);
    expect(even.status).toBe(201);
    await d.settled(even.body.id, 'COMPLETED');

    // The store's supervisor, trusted to match prices (prices:override), gives the second pair at 8,000: return.completed says who and what the list said.
    const desk = await mintToken({
      sub: 'price-match-desk',
      channel: 'pos',
      store_id: store,
      associate_id: 'supervisor-1',
      scope: 'store:operate prices:override',
    });
    const matched = await exchange(8000, desk);
    expect([matched.status, matched.body.refundAmount]).toEqual([201, 1000]);
    await d.settled(matched.body.id, 'COMPLETED');
    const completed = await eventually(() => {
      const c = d.events(o.orderId, 'return.completed');
      expect(c).toHaveLength(2);
      return c;
    });
    expect(completed.find((c) => c.returnId === even.body.id)).not.toHaveProperty('priceOverride');
    expect(completed.find((c) => c.returnId === matched.body.id)).toMatchObject({
      priceOverride: { by: 'price-match-desk', lines: [{ sku, listPrice: 9000, unitPrice: 8000 }] },
    });
  });

  it('never hands over as a replacement a unit promised to another order', async () => {
    const store = await d.location(uniq('S'));
    const sku = uniq('SHIRT-L');
    await d.receiveStock(store, sku, 1);
    // Another customer's click & collect order reserves the store's only unit.
    const other = randomUUID();
    await d.send(
      testEvent(OrderPlacedV1, {
        orderId: other,
        channel: 'web',
        storeId: store,
        customerId: null,
        currency: 'EUR',
        lines: [{ lineId: randomUUID(), sku, quantity: 1, unitPrice: 4000 }],
        placedAt: new Date().toISOString(),
      }),
    );
    await eventually(async () => expect(await d.stock(store, sku)).toMatchObject({ onHand: 1, reserved: 1, available: 0 }));

    const o = await d.place({ lines: [{ sku: 'SHIRT-M', quantity: 1, unitPrice: 4000 }] });
    await d.collect(o);
    const res = await d.returnAt(store, {
      orderId: o.orderId,
      lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }],
      replacements: [{ sku, quantity: 1, unitPrice: 4000 }],
    });
    await d.settled(res.body.id, 'REPLACEMENT_UNAVAILABLE');
    const [refused] = await eventually(() => {
      const r = d.probe.on(INVENTORY_EVENTS_TOPIC, { key: o.orderId, type: 'inventory.replacement-refused.v1' }).map((m) => JSON.parse(m.value!));
      expect(r).toHaveLength(1);
      return r;
    });
    expect(refused).toMatchObject({ reason: 'STOCK.INSUFFICIENT', shortLines: [{ sku, requested: 1, available: 0 }] });
    expect(await d.stock(store, sku)).toMatchObject({ onHand: 1, reserved: 1 });
  });
});
