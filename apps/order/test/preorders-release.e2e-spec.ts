import { eventually, http, Journey } from '@omni/testing';
import { DAY, preorderJourneys } from './preorders.harness';

/**
 * Journey 2, preorders, across the real order and inventory services, Kafka and PostgreSQL: units
 * allocated as supply arrives — at the store, by transfer from one or two warehouses, unit by unit
 * for a line of several — held until the release date, then collected at the store or shipped for
 * home delivery. The queue, its estimates and caps are in preorders-queue.e2e-spec.ts.
 */
describe('preorders: allocation and release, end to end', () => {
  const { e2e, warehouse, events, notices, ok, product, preorder, group, supply, receive, queue, statuses } = preorderJourneys();

  it('units from a warehouse travel to the store; early units are held until the release date, then ready, collected', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const sku = Journey.id('WATCH');
    const release = await product(sku, { releaseInDays: 3 });
    const placed = await preorder(store, sku, 'w1');
    await e2e.j.status(placed.id, 'PREORDERED');
    await receive(await supply(sku, warehouse, 1, new Date()), 1);
    await e2e.j.status(placed.id, 'AWAITING_TRANSFER');
    await e2e.j.deliverTransfers(store);
    const held = await e2e.j.status(placed.id, 'ALLOCATED');
    // The units are at the store early: held, collectable on the release date and not before.
    expect(held.fulfilments[0]).toMatchObject({ pickupDeadline: null, preorder: { estimatedAvailableAt: release.toISOString() } });
    expect((await e2e.j.store(store).collect(placed.id, 'AAAAAAAA')).body).toMatchObject({ code: 'ORDER.INVALID_TRANSITION' });

    // Release day: the order service's clock (kept in the database as dates, read by the sweeper) passes it.
    await e2e.stack.services.order.restart({ CLOCK_OFFSET_MS: String(4 * DAY), EXPIRY_SWEEP_INTERVAL_MS: '500' });
    await e2e.j.status(placed.id, 'READY_FOR_PICKUP');
    const code = await e2e.j.pickupCode(placed.id);
    expect((await e2e.j.store(store).collect(placed.id, code)).status).toBe(200);
    await e2e.j.status(placed.id, 'COLLECTED');
    await eventually(async () => expect(await e2e.j.stock(store, sku)).toMatchObject({ onHand: 0, reserved: 0 }));
    await e2e.stack.services.order.restart({ CLOCK_OFFSET_MS: '0' });
  });

  it('serves a line unit by unit as supply arrives, keeping its place: nobody behind is served before it holds all it asked for', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const sku = Journey.id('PAD');
    await product(sku, { releaseInDays: 3 });
    const pair = await preorder(store, sku, 'pair-buyer', 2);
    const single = await preorder(store, sku, 'single-buyer', 1);
    const late = await preorder(store, sku, 'late-buyer', 2);
    await eventually(async () => expect(await statuses([pair.id, single.id, late.id])).toEqual(['PREORDERED', 'PREORDERED', 'PREORDERED']));
    const entries = async () => (await queue(store, sku)).map((e) => [e.status, e.allocated, e.position]);

    // One unit arrives for a line of two: the line holds it and stays first; the single one behind does not get it.
    await receive(await supply(sku, store, 1, new Date()), 1);
    await eventually(async () =>
      expect(await entries()).toEqual([
        ['WAITING', 1, 1],
        ['WAITING', 0, 2],
        ['WAITING', 0, 3],
      ]),
    );
    expect(await e2e.j.stock(store, sku)).toMatchObject({ onHand: 1, reserved: 1, available: 0 });
    expect(await statuses([pair.id, single.id])).toEqual(['PREORDERED', 'PREORDERED']);

    // The warehouse sends the unit the line still needs: with the one at the store it has both.
    await receive(await supply(sku, warehouse, 1, new Date()), 1);
    await e2e.j.status(pair.id, 'AWAITING_TRANSFER');
    await e2e.j.deliverTransfers(store);
    await e2e.j.status(pair.id, 'ALLOCATED');
    await eventually(async () => expect((await group(single.id)).preorder.position).toBe(1));

    // The next unit at the store is the single buyer's; the one after starts the late buyer's pair.
    await receive(await supply(sku, store, 2, new Date()), 2);
    await e2e.j.status(single.id, 'ALLOCATED');
    await eventually(async () =>
      expect(await entries()).toEqual([
        ['ALLOCATED', 2, null],
        ['ALLOCATED', 1, null],
        ['WAITING', 1, 1],
      ]),
    );
    expect(await e2e.j.stock(store, sku)).toMatchObject({ onHand: 4, reserved: 4, available: 0 });

    // Cancelled while it holds one of its two units, the late pair gives it back.
    ok(await http('POST', `${e2e.j.order}/orders/${late.id}/cancel`, { reason: 'changed my mind' }), 'cancel');
    await e2e.j.status(late.id, 'CANCELLED');
    await eventually(async () => expect(await e2e.j.stock(store, sku)).toMatchObject({ onHand: 4, reserved: 3, available: 1 }));

    // Release day: the pair, held from two deliveries, is collected whole.
    await e2e.stack.services.order.restart({ CLOCK_OFFSET_MS: String(4 * DAY), EXPIRY_SWEEP_INTERVAL_MS: '500' });
    try {
      await e2e.j.status(pair.id, 'READY_FOR_PICKUP');
      expect((await e2e.j.store(store).collect(pair.id, await e2e.j.pickupCode(pair.id))).status).toBe(200);
      await eventually(async () => expect(await e2e.j.stock(store, sku)).toMatchObject({ onHand: 2, reserved: 1, available: 1 }));
    } finally {
      await e2e.stack.services.order.restart({ CLOCK_OFFSET_MS: '0' });
    }
  });

  it("a pickup line's units come from two warehouses as they arrive; the order follows the last transfer, and the pair is collected whole", async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const second = Journey.id('WH2');
    await e2e.j.location(second, { kind: 'warehouse', transferDays: 1 });
    const sku = Journey.id('CAMERA');
    await product(sku, { releaseInDays: 3 });
    const pair = await preorder(store, sku, 'two-warehouses', 2);
    const behind = await preorder(store, sku, 'behind-the-pair', 1);
    await eventually(async () => expect(await statuses([pair.id, behind.id])).toEqual(['PREORDERED', 'PREORDERED']));
    const entries = async () => (await queue(store, sku)).map((e) => [e.status, e.allocated]);
    const transferFrom = async (from: string) =>
      eventually(async () => (await e2e.j.transfersInto(store)).find((t) => t.fromLocationId === from && t.status === 'REQUESTED')!.transferId);
    const arrive = async (transferId: string) => {
      ok(await http('POST', `${e2e.j.inventory}/transfers/${transferId}/ship`, {}), 'ship transfer');
      ok(await http('POST', `${e2e.j.inventory}/transfers/${transferId}/receive`, {}), 'receive transfer');
    };

    // One unit at each warehouse: each sends it to the store for the pair, first in line; the one behind gets nothing.
    await receive(await supply(sku, warehouse, 1, new Date()), 1);
    await eventually(async () =>
      expect(await entries()).toEqual([
        ['WAITING', 1],
        ['WAITING', 0],
      ]),
    );
    const first = await transferFrom(warehouse);
    await receive(await supply(sku, second, 1, new Date()), 1);
    const last = await transferFrom(second);
    await eventually(async () =>
      expect(await entries()).toEqual([
        ['ALLOCATED', 2],
        ['WAITING', 0],
      ]),
    );
    // Two transfers bring its units: the order service hears of the allocation once one is left.
    expect(await statuses([pair.id])).toEqual(['PREORDERED']);
    await arrive(first);
    const awaiting = await e2e.j.status(pair.id, 'AWAITING_TRANSFER');
    expect(awaiting.fulfilments[0].lines[0]).toMatchObject({ sourceLocationId: second });
    await arrive(last);
    await e2e.j.status(pair.id, 'ALLOCATED');
    expect(events(pair.id, 'order.preorder-allocated.v1').map((e) => e.status)).toEqual(['AWAITING_TRANSFER', 'ALLOCATED']);
    expect(await e2e.j.stock(store, sku)).toMatchObject({ onHand: 2, reserved: 2 });
    await eventually(async () => expect((await group(behind.id)).preorder.position).toBe(1));

    await e2e.stack.services.order.restart({ CLOCK_OFFSET_MS: String(4 * DAY), EXPIRY_SWEEP_INTERVAL_MS: '500' });
    try {
      await e2e.j.status(pair.id, 'READY_FOR_PICKUP');
      expect((await e2e.j.store(store).collect(pair.id, await e2e.j.pickupCode(pair.id))).status).toBe(200);
      await eventually(async () => expect(await e2e.j.stock(store, sku)).toMatchObject({ onHand: 0, reserved: 0 }));
    } finally {
      await e2e.stack.services.order.restart({ CLOCK_OFFSET_MS: '0' });
    }
  });

  it('a preorder for home delivery waits at the warehouse planned to get the units, takes them there and from another warehouse, and ships on the release date', async () => {
    const dc = Journey.id('DC');
    await e2e.j.location(dc, { kind: 'warehouse', transferDays: 1 });
    const sku = Journey.id('GLASSES');
    const release = await product(sku, { releaseInDays: 3, capPerStore: 1 });
    // The purchase orders are for the new DC: a delivery preorder waits there, whatever the stores' caps.
    const po = await supply(sku, dc, 1, new Date(Date.now() + DAY));
    const po2 = await supply(sku, dc, 1, new Date(Date.now() + 2 * DAY));
    const address = { name: 'Ada Martin', line1: '3 rue Oberkampf', postcode: '75011', city: 'Paris', country: 'FR' };
    const deliveryBody = (customerId: string, quantity: number) => ({
      channel: 'web',
      customerId,
      currency: 'EUR',
      fulfilments: [{ type: 'delivery', address, preorder: true, lines: [{ sku, quantity, unitPrice: 49900 }] }],
    });
    const pair = await e2e.j.placeOrder(deliveryBody('home-1', 2));
    const single = await e2e.j.placeOrder(deliveryBody('home-2', 1));
    for (const o of [pair, single]) await e2e.j.status(o.id, 'PREORDERED');
    expect(await group(pair.id)).toMatchObject({
      type: 'delivery',
      storeId: dc,
      preorder: { releaseAt: release.toISOString(), position: 1, estimatedAvailableAt: release.toISOString() },
    });
    await eventually(async () => expect((await group(single.id)).preorder).toMatchObject({ position: 2, estimatedAvailableAt: null }));
    expect((await queue(dc, sku)).map((e) => [e.orderId, e.status])).toEqual([
      [pair.id, 'WAITING'],
      [single.id, 'WAITING'],
    ]);

    // The first PO lands: the pair holds it at the DC and keeps its place; the single one behind gets nothing.
    await receive(po, 1);
    await eventually(async () =>
      expect((await queue(dc, sku)).map((e) => [e.status, e.allocated])).toEqual([
        ['WAITING', 1],
        ['WAITING', 0],
      ]),
    );
    expect(await e2e.j.stock(dc, sku)).toMatchObject({ onHand: 1, reserved: 1, available: 0 });

    // The other warehouse gets a unit: it travels to the DC for the pair, which then holds both.
    await receive(await supply(sku, warehouse, 1, new Date()), 1);
    await e2e.j.status(pair.id, 'AWAITING_TRANSFER');
    await e2e.j.deliverTransfers(dc);
    await e2e.j.status(pair.id, 'ALLOCATED');
    expect(await statuses([single.id])).toEqual(['PREORDERED']);

    // The second PO's unit is the single buyer's, who cancels and gives it back.
    await receive(po2, 1);
    await e2e.j.status(single.id, 'ALLOCATED');
    expect(await e2e.j.stock(dc, sku)).toMatchObject({ onHand: 3, reserved: 3 });
    ok(await http('POST', `${e2e.j.order}/orders/${single.id}/cancel`, { reason: 'changed my mind' }), 'cancel');
    await e2e.j.status(single.id, 'CANCELLED');
    await eventually(async () => expect(await e2e.j.stock(dc, sku)).toMatchObject({ onHand: 3, reserved: 2, available: 1 }));
    // Held until the release date: nothing to pick yet.
    expect((await e2e.j.store(dc).startPicking((await group(pair.id)).fulfilmentId)).body).toMatchObject({ code: 'ORDER.INVALID_TRANSITION' });

    // Release day: the DC picks, packs and ships the pair like any delivery; the carrier delivers it.
    await e2e.stack.services.order.restart({ CLOCK_OFFSET_MS: String(4 * DAY), EXPIRY_SWEEP_INTERVAL_MS: '500' });
    try {
      const reserved = await e2e.j.status(pair.id, 'RESERVED');
      await eventually(() =>
        expect(events(pair.id, 'order.delivery-assigned.v1')).toEqual([
          expect.objectContaining({ fulfilments: [expect.objectContaining({ locationId: dc })] }),
        ]),
      );
      const fulfilmentId = reserved.fulfilments[0].fulfilmentId as string;
      expect((await e2e.j.packAndShip(dc, fulfilmentId)).status).toBe(200);
      await eventually(async () => expect(await e2e.j.stock(dc, sku)).toMatchObject({ onHand: 1, reserved: 0, available: 1 }));
      expect((await e2e.j.deliveryOutcome(fulfilmentId, 'DELIVERED')).status).toBe(200);
      await e2e.j.status(pair.id, 'DELIVERED');
      await eventually(() => expect(notices(pair.id).map((n) => n.template)).toEqual(['preorder-confirmed', 'order-shipped', 'order-delivered']));
    } finally {
      await e2e.stack.services.order.restart({ CLOCK_OFFSET_MS: '0' });
    }
  });
});
