import { eventually, http, Journey, tokens } from '@omni/testing';
import { homeDeliveryJourneys } from './home-delivery.harness';

/**
 * Home delivery when it does not go to plan, across the real services, Kafka and PostgreSQL: an
 * order cancelled before it ships (and refused once shipped), a parcel the customer refuses, a
 * short pick at the warehouse made up by a transfer or cancelled and refunded, and requests that
 * make no sense. The journeys that go to plan are in home-delivery-fulfilment.e2e-spec.ts.
 */
describe('home delivery: cancellation, refused delivery, short picks and bad requests, end to end', () => {
  const { e2e, warehouse, address, events, notices, delivery, sku } = homeDeliveryJourneys();

  it('cancellation before shipping releases the reservation and requests the refund; after shipping it is refused', async () => {
    const lamp = sku('LAMP');
    await e2e.j.receive(warehouse, lamp, 2);
    const placed = await e2e.j.placeOrder({ fulfilments: [delivery([{ sku: lamp, quantity: 1, unitPrice: 4500 }])] });
    const reserved = await e2e.j.groupStatus(placed.id, 'RESERVED');
    expect(await e2e.j.stock(warehouse, lamp)).toMatchObject({ reserved: 1 });

    const cancelled = await http('POST', `${e2e.j.order}/orders/${placed.id}/cancel`, { reason: 'changed my mind' });
    expect(cancelled.status).toBe(200);
    await e2e.j.status(placed.id, 'CANCELLED');
    await eventually(async () => expect(await e2e.j.stock(warehouse, lamp)).toMatchObject({ onHand: 2, reserved: 0 }));
    await eventually(() =>
      expect(events(placed.id, 'payment.refund-requested.v2')).toEqual([
        expect.objectContaining({ amount: 4500, reason: 'ORDER.CANCELLED', fulfilmentId: reserved.fulfilmentId }),
      ]),
    );
    expect(events(placed.id, 'order.cancelled.v1')[0]).toMatchObject({
      fulfilmentId: reserved.fulfilmentId,
      storeId: warehouse,
      lineIds: [reserved.lines[0].lineId],
    });

    // A second order ships first: then there is nothing left to cancel.
    const later = await e2e.j.placeOrder({ fulfilments: [delivery([{ sku: lamp, quantity: 1 }])] });
    const group = await e2e.j.groupStatus(later.id, 'RESERVED');
    await e2e.j.packAndShip(warehouse, group.fulfilmentId);
    const tooLate = await http('POST', `${e2e.j.order}/orders/${later.id}/cancel`, {});
    expect(tooLate.status).toBe(409);
    expect(tooLate.body).toMatchObject({ code: 'ORDER.INVALID_TRANSITION' });
  });

  it('a refused delivery is recorded and refunded', async () => {
    const vase = sku('VASE');
    await e2e.j.receive(warehouse, vase, 1);
    const placed = await e2e.j.placeOrder({ fulfilments: [delivery([{ sku: vase, quantity: 1, unitPrice: 6000 }])] });
    const group = await e2e.j.groupStatus(placed.id, 'RESERVED');
    await e2e.j.packAndShip(warehouse, group.fulfilmentId);
    expect((await e2e.j.deliveryOutcome(group.fulfilmentId, 'DELIVERY.REFUSED')).status).toBe(200);
    await e2e.j.status(placed.id, 'DELIVERY_FAILED');
    expect((await e2e.j.groupStatus(placed.id, 'DELIVERY_FAILED')).shipment).toMatchObject({ failure: 'DELIVERY.REFUSED' });
    await eventually(() =>
      expect(events(placed.id, 'payment.refund-requested.v2')).toEqual([expect.objectContaining({ amount: 6000, reason: 'DELIVERY.REFUSED' })]),
    );
    expect(events(placed.id, 'order.delivery-failed.v1')).toEqual([expect.objectContaining({ reason: 'DELIVERY.REFUSED' })]);
    await eventually(() => expect(notices(placed.id).map((n) => n.template)).toEqual(expect.arrayContaining(['order-shipped', 'delivery-failed'])));
  });

  it('a short pick at the warehouse: the count is corrected, the missing unit comes from a store by transfer, the parcel still ships complete', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store, { latitude: 48.85, longitude: 2.35 });
    const boots = sku('BOOTS');
    await e2e.j.receive(warehouse, boots, 2);
    await e2e.j.receive(store, boots, 3);
    const placed = await e2e.j.placeOrder({ customerId: 'cust-short-1', fulfilments: [delivery([{ sku: boots, quantity: 2, unitPrice: 12000 }])] });
    const group = await e2e.j.groupStatus(placed.id, 'RESERVED');
    expect(group.storeId).toBe(warehouse);

    const picker = e2e.j.store(warehouse);
    expect((await picker.startPicking(group.fulfilmentId)).status).toBe(200);
    const short = await picker.picks(group.fulfilmentId, [{ lineId: group.lines[0].lineId, pickedQuantity: 1 }]);
    expect(short).toMatchObject({ status: 200, body: { status: 'RESOURCING' } });
    await eventually(() =>
      expect(events(placed.id, 'order.short-picked.v1')).toEqual([
        expect.objectContaining({
          fulfilmentId: group.fulfilmentId,
          storeId: warehouse,
          lines: [{ lineId: group.lines[0].lineId, sku: boots, missingQuantity: 1 }],
        }),
      ]),
    );

    // Inventory: the warehouse had one unit fewer than its books; the store sends one.
    const waiting = await e2e.j.groupStatus(placed.id, 'AWAITING_TRANSFER');
    expect(waiting.lines[0]).toMatchObject({ remainingQuantity: 2, pickedQuantity: 1 });
    expect(await e2e.j.stock(warehouse, boots)).toMatchObject({ onHand: 1, reserved: 1 });
    expect(await e2e.j.stock(store, boots)).toMatchObject({ onHand: 3, reserved: 1 });
    await eventually(() => expect(notices(placed.id).map((n) => n.template)).toContain('delivery-delayed'));

    await e2e.j.deliverTransfers(warehouse);
    await e2e.j.groupStatus(placed.id, 'PICKING');
    await eventually(() =>
      expect(events(placed.id, 'order.transfer-arrived.v1')).toEqual([expect.objectContaining({ fulfilmentId: group.fulfilmentId, status: 'PICKING' })]),
    );
    expect(await picker.picks(group.fulfilmentId, [{ lineId: group.lines[0].lineId, pickedQuantity: 2 }])).toMatchObject({
      status: 200,
      body: { status: 'PACKED' },
    });
    expect(
      (await http('POST', `${e2e.j.order}/stores/${warehouse}/orders/${group.fulfilmentId}/ship`, { carrier: 'Colissimo', trackingNumber: 'TRK-SHORT-1' }))
        .status,
    ).toBe(200);
    await e2e.j.status(placed.id, 'SHIPPED');
    // Both units left the warehouse; nothing is held anywhere; the whole order is captured once.
    await eventually(async () => expect(await e2e.j.stock(warehouse, boots)).toMatchObject({ onHand: 0, reserved: 0 }));
    expect(await e2e.j.stock(store, boots)).toMatchObject({ onHand: 2, reserved: 0 });
    await eventually(() => expect(events(placed.id, 'payment.capture-requested.v1').map((c) => c.amount)).toEqual([24000]));
    expect(events(placed.id, 'payment.refund-requested.v2')).toEqual([]);
  });

  it('a short pick no location can make up: the missing unit is cancelled and refunded, the customer told, and what was found ships', async () => {
    const [lamp, bulb] = [sku('LAMP'), sku('BULB')];
    await e2e.j.receive(warehouse, lamp, 2);
    await e2e.j.receive(warehouse, bulb, 1);
    const placed = await e2e.j.placeOrder({
      customerId: 'cust-short-2',
      fulfilments: [
        delivery([
          { sku: lamp, quantity: 2, unitPrice: 4000 },
          { sku: bulb, quantity: 1, unitPrice: 500 },
        ]),
      ],
    });
    const group = await e2e.j.groupStatus(placed.id, 'RESERVED');
    const lineOf = (s: string) => group.lines.find((l) => l.sku === s)!.lineId;

    const picker = e2e.j.store(warehouse);
    expect((await picker.startPicking(group.fulfilmentId)).status).toBe(200);
    const short = await picker.picks(group.fulfilmentId, [
      { lineId: lineOf(lamp), pickedQuantity: 1 },
      { lineId: lineOf(bulb), pickedQuantity: 1 },
    ]);
    expect(short.body.status).toBe('RESOURCING');

    const packed = await e2e.j.groupStatus(placed.id, 'PACKED');
    expect(packed.lines.map((l) => [l.sku, l.quantity, l.remainingQuantity]).sort()).toEqual(
      [
        [bulb, 1, 1],
        [lamp, 2, 1],
      ].sort(),
    );
    await eventually(() =>
      expect(events(placed.id, 'order.line-cancelled.v1')).toEqual([
        expect.objectContaining({ lineId: lineOf(lamp), quantity: 1, reason: 'LINE.UNAVAILABLE' }),
      ]),
    );
    await eventually(() =>
      expect(events(placed.id, 'payment.refund-requested.v2')).toEqual([
        expect.objectContaining({ amount: 4000, reason: 'LINE.UNAVAILABLE', fulfilmentId: group.fulfilmentId }),
      ]),
    );
    await eventually(() => expect(notices(placed.id).map((n) => n.template)).toContain('line-cancelled'));
    expect(await e2e.j.stock(warehouse, lamp)).toMatchObject({ onHand: 1, reserved: 1 });

    expect(
      (await http('POST', `${e2e.j.order}/stores/${warehouse}/orders/${group.fulfilmentId}/ship`, { carrier: 'Colissimo', trackingNumber: 'TRK-SHORT-2' }))
        .status,
    ).toBe(200);
    await eventually(async () => expect(await e2e.j.stock(warehouse, lamp)).toMatchObject({ onHand: 0, reserved: 0 }));
    // The capture is for what shipped: one lamp and the bulb.
    await eventually(() => expect(events(placed.id, 'payment.capture-requested.v1').map((c) => c.amount)).toEqual([4500]));
  });

  it('refuses what makes no sense, naming the field, and changes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ fulfilments: [{ type: 'delivery', lines: [{ sku: 'X', quantity: 1, unitPrice: 1 }] }] }, 'fulfilments.0.address'],
      [
        { fulfilments: [{ type: 'delivery', address: { ...address, country: 'France' }, lines: [{ sku: 'X', quantity: 1, unitPrice: 1 }] }] },
        'fulfilments.0.address.country',
      ],
      [{ fulfilments: [{ type: 'pickup', lines: [{ sku: 'X', quantity: 1, unitPrice: 1 }] }] }, 'fulfilments.0.storeId'],
      [{ storeId: 'S1', lines: [{ sku: 'X', quantity: 1, unitPrice: 1 }], fulfilments: [delivery([{ sku: 'X', quantity: 1 }])] }, 'fulfilments'],
      [{ fulfilments: [delivery([{ sku: 'X', quantity: 1 }])], contact: { email: 'not-an-email' } }, 'contact.email'],
    ];
    for (const [body, field] of cases) {
      const res = await http('POST', `${e2e.j.order}/orders`, { channel: 'web', currency: 'EUR', ...body });
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    await e2e.j.price('X', 1000);
    const mismatch = await http(
      'POST',
      `${e2e.j.order}/orders`,
      {
        channel: 'pos',
        currency: 'EUR',
        fulfilments: [delivery([{ sku: 'X', quantity: 1, unitPrice: 1000 }])],
        capturedTenders: [{ tender: 'card', amount: 999, reference: 'T' }],
      },
      {},
      { token: await tokens.pos('S1') },
    );
    expect(mismatch).toMatchObject({ status: 422, body: { code: 'ORDER.TENDER_MISMATCH' } });
  });
});
