import { eventually, Group, http, Journey, tokens } from '@omni/testing';
import { homeDeliveryJourneys } from './home-delivery.harness';

/**
 * Home delivery, ship-from-store and endless aisle across the real services, Kafka and
 * PostgreSQL: orders delivered from a warehouse or a store, split when no single location has
 * everything, placed from a web storefront or a store's POS, mixed with a pickup. What happens when
 * it does not go to plan (cancellation, refused delivery, short picks, bad requests) is in
 * home-delivery-exceptions.e2e-spec.ts.
 */
describe('home delivery, ship-from-store and endless aisle, end to end', () => {
  const { e2e, warehouse, address, events, notices, delivery, sku } = homeDeliveryJourneys();

  it('a web order is shipped from a warehouse and delivered; the capture is requested when it ships', async () => {
    const coat = sku('COAT');
    await e2e.j.receive(warehouse, coat, 4);
    const placed = await e2e.j.placeOrder({ customerId: 'cust-d1', fulfilments: [delivery([{ sku: coat, quantity: 2, unitPrice: 15900 }])] });
    expect(placed).toMatchObject({
      status: 'PLACED',
      storeId: null,
      fulfilments: [{ type: 'delivery', status: 'PLACED', storeId: null, address: { ...address, line2: null } }],
    });

    const reserved = await e2e.j.groupStatus(placed.id, 'RESERVED');
    expect(reserved.storeId).toBe(warehouse);
    expect(await e2e.j.stock(warehouse, coat)).toMatchObject({ onHand: 4, reserved: 2 });

    const shipped = await e2e.j.packAndShip(warehouse, reserved.fulfilmentId, 'Colissimo', 'TRACK-0001');
    expect(shipped.status).toBe(200);
    await e2e.j.status(placed.id, 'SHIPPED');
    expect((await e2e.j.groupStatus(placed.id, 'SHIPPED')).shipment).toMatchObject({ carrier: 'Colissimo', trackingNumber: 'TRACK-0001' });
    await eventually(async () => expect(await e2e.j.stock(warehouse, coat)).toMatchObject({ onHand: 2, reserved: 0 }));
    await eventually(() =>
      expect(events(placed.id, 'payment.capture-requested.v1')).toEqual([expect.objectContaining({ amount: 31800, fulfilmentId: reserved.fulfilmentId })]),
    );
    await eventually(() =>
      expect(notices(placed.id)).toEqual(
        expect.arrayContaining([expect.objectContaining({ template: 'order-shipped', carrier: 'Colissimo', trackingNumber: 'TRACK-0001' })]),
      ),
    );

    // The carrier, with a token that can do nothing but report deliveries.
    const carrier = await tokens.carrier();
    expect((await e2e.j.deliveryOutcome(reserved.fulfilmentId, 'DELIVERED', carrier)).status).toBe(200);
    await e2e.j.status(placed.id, 'DELIVERED');
    await eventually(() => expect(events(placed.id, 'order.delivered.v1')).toHaveLength(1));
    // A delivered parcel cannot be reported again.
    expect((await e2e.j.deliveryOutcome(reserved.fulfilmentId, 'DELIVERY.LOST', carrier)).body).toMatchObject({ code: 'ORDER.INVALID_TRANSITION' });
  });

  it('ships from a store when the warehouse lacks the item, and the store picks and packs it through its own endpoints', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const scarf = sku('SCARF');
    await e2e.j.receive(store, scarf, 1);
    const placed = await e2e.j.placeOrder({ fulfilments: [delivery([{ sku: scarf, quantity: 1 }])] });
    const reserved = await e2e.j.groupStatus(placed.id, 'RESERVED');
    expect(reserved.storeId).toBe(store);

    const pickList = await e2e.j.store(store).pickList();
    expect(pickList.body.orders).toEqual(
      expect.arrayContaining([expect.objectContaining({ orderId: placed.id, fulfilmentId: reserved.fulfilmentId, type: 'delivery' })]),
    );
    // Another store's POS cannot ship it.
    const other = Journey.id('S');
    const refused = await http(
      'POST',
      `${e2e.j.order}/stores/${other}/orders/${reserved.fulfilmentId}/ship`,
      { carrier: 'X', trackingNumber: 'T1' },
      {},
      { token: await tokens.pos(other) },
    );
    expect(refused.status).toBe(403);

    expect((await e2e.j.packAndShip(store, reserved.fulfilmentId)).status).toBe(200);
    await e2e.j.status(placed.id, 'SHIPPED');
    await eventually(async () => expect(await e2e.j.stock(store, scarf)).toMatchObject({ onHand: 0, reserved: 0 }));
    // Channel credit: the store shipped a web order.
    const credit = await http('GET', `${e2e.j.order}/channel-credit/${store}`, undefined, {}, { token: await tokens.pos(store) });
    expect(credit.body).toMatchObject({ soldHere: [], collectedHere: [], shippedFromHere: [{ currency: 'EUR', count: 1, amount: 1000 }] });
  });

  it('splits an order no single location can ship across two locations, each group shipping on its own', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const [hat, belt] = [sku('HAT'), sku('BELT')];
    await e2e.j.receive(warehouse, hat, 1);
    await e2e.j.receive(store, belt, 1);
    const placed = await e2e.j.placeOrder({
      fulfilments: [
        delivery([
          { sku: hat, quantity: 1, unitPrice: 2000 },
          { sku: belt, quantity: 1, unitPrice: 3000 },
        ]),
      ],
    });

    const groups = await eventually(async () => {
      const o = await e2e.j.get(placed.id);
      const g = o.fulfilments as Group[];
      expect(g.map((f) => f.status)).toEqual(['RESERVED', 'RESERVED']);
      return g;
    });
    expect(groups.map((g) => [g.storeId, g.lines.map((l) => l.sku)]).sort()).toEqual(
      [
        [warehouse, [hat]],
        [store, [belt]],
      ].sort(),
    );
    await eventually(() => expect(events(placed.id, 'order.delivery-assigned.v1')[0]?.fulfilments).toHaveLength(2));

    const fromStore = groups.find((g) => g.storeId === store)!;
    const fromWarehouse = groups.find((g) => g.storeId === warehouse)!;
    await e2e.j.packAndShip(store, fromStore.fulfilmentId);
    await e2e.j.status(placed.id, 'IN_PROGRESS');
    expect((await e2e.j.deliveryOutcome(fromStore.fulfilmentId, 'DELIVERED')).status).toBe(200);
    await e2e.j.status(placed.id, 'PARTIALLY_FULFILLED');
    await e2e.j.packAndShip(warehouse, fromWarehouse.fulfilmentId);
    expect((await e2e.j.deliveryOutcome(fromWarehouse.fulfilmentId, 'DELIVERED')).status).toBe(200);
    await e2e.j.status(placed.id, 'DELIVERED');
    // One capture per parcel, each for its own lines.
    await eventually(() =>
      expect(
        events(placed.id, 'payment.capture-requested.v1')
          .map((c) => c.amount)
          .sort(),
      ).toEqual([2000, 3000]),
    );
  });

  it('endless aisle: the POS of a store that lacks the size orders it for home delivery; paid there, credited there', async () => {
    const showroom = Journey.id('S');
    await e2e.j.location(showroom);
    const jeans = sku('JEANS-32');
    await e2e.j.receive(warehouse, jeans, 2);
    await e2e.j.price(jeans, 8900);
    const pos = await tokens.pos(showroom);
    const placed = await e2e.j.placeOrder(
      {
        channel: 'pos',
        contact: { email: 'ada@example.com', phone: '+33 6 12 34 56 78' },
        fulfilments: [delivery([{ sku: jeans, quantity: 1, unitPrice: 8900 }])],
        capturedTenders: [{ tender: 'card', amount: 8900, reference: 'TERM-7-0042' }],
      },
      pos,
    );
    expect(placed).toMatchObject({ channel: 'pos', placedAtStoreId: showroom, payment: { capturedAtPlacement: 8900 } });
    const placedEvent = await eventually(() => {
      const [e] = events(placed.id, 'order.placed.v2');
      expect(e).toBeDefined();
      return e;
    });
    expect(placedEvent).toMatchObject({
      channel: 'pos',
      placedAtStoreId: showroom,
      capturedTenders: [{ tender: 'card', amount: 8900, reference: 'TERM-7-0042' }],
      contact: { email: 'ada@example.com' },
    });

    const reserved = await e2e.j.groupStatus(placed.id, 'RESERVED');
    expect(reserved.storeId).toBe(warehouse);
    await e2e.j.packAndShip(warehouse, reserved.fulfilmentId);
    expect((await e2e.j.deliveryOutcome(reserved.fulfilmentId, 'DELIVERED')).status).toBe(200);
    await e2e.j.status(placed.id, 'DELIVERED');
    // Paid at the POS: once the delivery is on Kafka, no capture came before or with it.
    await eventually(() => expect(events(placed.id, 'order.delivered.v1')).toHaveLength(1));
    expect(events(placed.id, 'payment.capture-requested.v1')).toEqual([]);
    // Channel credit: the showroom sold it although a warehouse fulfilled it; a period before the sale shows nothing.
    const credit = await http('GET', `${e2e.j.order}/channel-credit/${showroom}`, undefined, {}, { token: pos });
    expect(credit.body).toMatchObject({ soldHere: [{ currency: 'EUR', count: 1, amount: 8900 }], shippedFromHere: [] });
    const before = await http('GET', `${e2e.j.order}/channel-credit/${showroom}?to=2020-01-01T00:00:00Z`, undefined, {}, { token: pos });
    expect(before.body.soldHere).toEqual([]);
    // Another store's POS may not read it.
    expect((await http('GET', `${e2e.j.order}/channel-credit/${showroom}`, undefined, {}, { token: await tokens.pos(Journey.id('S')) })).status).toBe(403);
    expect((await http('GET', `${e2e.j.order}/channel-credit/${showroom}`, undefined, {}, { token: await tokens.customer('nosy') })).status).toBe(403);
  });

  it('endless aisle: the POS of one store orders for pickup at another store, which collects it without a second payment', async () => {
    const [showroom, pickupStore] = [Journey.id('S'), Journey.id('S')];
    await e2e.j.location(showroom);
    await e2e.j.location(pickupStore);
    const dress = sku('DRESS-38');
    await e2e.j.receive(pickupStore, dress, 1);
    await e2e.j.price(dress, 12000);
    const placed = await e2e.j.placeOrder(
      {
        channel: 'pos',
        fulfilments: [{ type: 'pickup', storeId: pickupStore, lines: [{ sku: dress, quantity: 1, unitPrice: 12000 }] }],
        capturedTenders: [{ tender: 'cash', amount: 12000, reference: 'TILL-3' }],
      },
      await tokens.pos(showroom),
    );
    expect(placed).toMatchObject({ placedAtStoreId: showroom, storeId: pickupStore });
    await e2e.j.status(placed.id, 'RESERVED');
    await e2e.j.pickAll(pickupStore, placed.id);
    const code = await e2e.j.pickupCode(placed.id);
    expect((await e2e.j.store(pickupStore, await tokens.pos(pickupStore)).collect(placed.id, code)).status).toBe(200);
    await e2e.j.status(placed.id, 'COLLECTED');
    // Once the collection is on Kafka, no capture came before or with it: the till took the money.
    await eventually(() => expect(events(placed.id, 'order.collected.v1')).toHaveLength(1));
    expect(events(placed.id, 'payment.capture-requested.v1')).toEqual([]);
  });

  it('a mixed order: one line collected at a store, another delivered, each group completing on its own', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const [shirt, shoes] = [sku('SHIRT'), sku('SHOES')];
    await e2e.j.receive(store, shirt, 1);
    await e2e.j.receive(warehouse, shoes, 1);
    const placed = await e2e.j.placeOrder({
      customerId: 'cust-mixed',
      fulfilments: [
        { type: 'pickup', storeId: store, lines: [{ sku: shirt, quantity: 1, unitPrice: 3900 }] },
        delivery([{ sku: shoes, quantity: 1, unitPrice: 9900 }]),
      ],
    });
    expect(placed.fulfilments.map((f: Group) => f.type)).toEqual(['pickup', 'delivery']);
    await e2e.j.groupStatus(placed.id, 'RESERVED', (f) => f.type === 'pickup');
    const shipment = await e2e.j.groupStatus(placed.id, 'RESERVED', (f) => f.type === 'delivery');
    await e2e.j.status(placed.id, 'RESERVED');

    await e2e.j.packAndShip(warehouse, shipment.fulfilmentId);
    await e2e.j.status(placed.id, 'IN_PROGRESS');
    await e2e.j.pickAll(store, placed.id);
    const code = await e2e.j.pickupCode(placed.id);
    expect((await e2e.j.store(store).collect(placed.id, code)).status).toBe(200);
    await e2e.j.status(placed.id, 'PARTIALLY_FULFILLED');
    expect((await e2e.j.deliveryOutcome(shipment.fulfilmentId, 'DELIVERED')).status).toBe(200);
    await e2e.j.status(placed.id, 'COMPLETED');
    const credit = await http('GET', `${e2e.j.order}/channel-credit/${store}`, undefined, {}, { token: await tokens.pos(store) });
    expect(credit.body.collectedHere).toEqual([{ currency: 'EUR', count: 1, amount: 3900 }]);
    // Each group's money on its own: the collected shirt and the shipped shoes.
    await eventually(() =>
      expect(
        events(placed.id, 'payment.capture-requested.v1')
          .map((c) => c.amount)
          .sort(),
      ).toEqual([3900, 9900]),
    );
  });
});
