import { INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, Group, http, Journey, journeyStack } from '@omni/testing';

const DAY = 24 * 3600 * 1000;

interface PreorderView {
  releaseAt: string;
  estimatedAvailableAt: string | null;
  position: number | null;
  lines: { lineId: string; sequence: number | null; position: number | null; estimatedAt: string | null }[];
}

/**
 * Journey 2, preorder with store pickup (and for home delivery), across the real services, Kafka
 * and PostgreSQL: products with a release date and caps, a first-come-first-served queue per SKU
 * and location fed by incoming supply, estimates that move with the supply and the release date,
 * and the release itself.
 */
describe('preorders, end to end', () => {
  const warehouse = Journey.id('WH');

  const e2e = journeyStack(['order', 'inventory'], { topics: [ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC], env: { EXPIRY_SWEEP_INTERVAL_MS: '500' } });

  beforeAll(async () => {
    await e2e.j.location(warehouse, { kind: 'warehouse', transferDays: 2 });
  });

  const events = (orderId: string, type: string) => e2e.probe.on(ORDER_EVENTS_TOPIC, { key: orderId, type }).map((m) => JSON.parse(m.value ?? '{}'));
  const notices = (orderId: string) => e2e.probe.on(NOTIFICATION_REQUESTS_TOPIC, { key: orderId, type: 'notification.requested.v2' }).map((m) => JSON.parse(m.value ?? '{}'));
  const ok = (res: { status: number; body: unknown }, what: string) => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };

  async function product(sku: string, { releaseInDays = 7, capPerStore = 100, capPerCustomer = 2, opensInDays = -1 } = {}): Promise<Date> {
    const releaseAt = new Date(Date.now() + releaseInDays * DAY);
    ok(
      await http('PUT', `${e2e.j.order}/preorder-products/${sku}`, {
        releaseAt: releaseAt.toISOString(),
        opensAt: new Date(Date.now() + opensInDays * DAY).toISOString(),
        closesAt: new Date(releaseAt.getTime() + (opensInDays > 0 ? DAY : 0)).toISOString(),
        capPerStore,
        capPerCustomer,
      }),
      'preorder product',
    );
    return releaseAt;
  }

  const preorderBody = (store: string, sku: string, customerId: string, quantity = 1) => ({
    channel: 'app',
    customerId,
    currency: 'EUR',
    fulfilments: [{ type: 'pickup', storeId: store, preorder: true, lines: [{ sku, quantity, unitPrice: 49900 }] }],
  });
  const preorder = (store: string, sku: string, customerId: string, quantity = 1) => e2e.j.placeOrder(preorderBody(store, sku, customerId, quantity));
  const group = async (orderId: string): Promise<Group & { preorder: PreorderView }> => (await e2e.j.get(orderId)).fulfilments[0];
  const supply = async (sku: string, locationId: string, quantity: number, expectedAt: Date) =>
    ok(await http('POST', `${e2e.j.inventory}/supply`, { sku, locationId, quantity, expectedAt: expectedAt.toISOString(), reference: `PO-${sku}` }), 'announce supply').supplyId as string;
  const receive = async (supplyId: string, quantity: number) => ok(await http('POST', `${e2e.j.inventory}/supply/${supplyId}/receipt`, { quantity }), 'receive supply');
  const queue = async (store: string, sku: string) => (await http('GET', `${e2e.j.inventory}/locations/${store}/preorder-queues/${sku}`)).body.entries as { orderId: string; sequence: number; status: string; allocated: number; position: number | null }[];
  const statuses = async (ids: string[]) => Promise.all(ids.map(async (id) => (await e2e.j.get(id)).status as string));

  it('keeps a strict, gap-free first-come-first-served order under concurrent placement, and serves it in that order', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const sku = Journey.id('CONSOLE');
    await product(sku);
    const placed = await Promise.all(Array.from({ length: 12 }, (_, i) => preorder(store, sku, `fan-${i}`)));
    const ids = placed.map((o) => o.id as string);
    await eventually(async () => expect(await statuses(ids)).toEqual(ids.map(() => 'PREORDERED')));

    const q = await queue(store, sku);
    expect(q.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(q.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const bySequence = q.map((e) => e.orderId);
    // Every customer sees their own place, once inventory's estimates after the last placement have
    // reached the order service (a place first given while others were still being queued moves).
    await eventually(async () => {
      for (const [i, id] of bySequence.entries()) expect((await group(id)).preorder.position).toBe(i + 1);
    });

    // Partial supply: five units for twelve preorders. The first five in line get them; the rest move up.
    await receive(await supply(sku, store, 5, new Date(Date.now() + DAY)), 5);
    await eventually(async () => expect(await statuses(bySequence)).toEqual([...Array(5).fill('ALLOCATED'), ...Array(7).fill('PREORDERED')]));
    await eventually(async () => expect((await Promise.all(bySequence.slice(5).map(group))).map((g) => g.preorder.position)).toEqual([1, 2, 3, 4, 5, 6, 7]));
    expect(await e2e.j.stock(store, sku)).toMatchObject({ onHand: 5, reserved: 5, available: 0 });

    // More supply is planned at the warehouse: the next in line get a date (arrival + transfer days), the others none yet.
    const expected = new Date(Date.now() + 4 * DAY);
    await supply(sku, warehouse, 3, expected);
    await eventually(async () => {
      const waiting = await Promise.all(bySequence.slice(5).map(group));
      expect(waiting.map((g) => (g.preorder.lines[0].estimatedAt ? 'dated' : 'none'))).toEqual(['dated', 'dated', 'dated', 'none', 'none', 'none', 'none']);
    });
  });

  it('a cancellation frees its place: an allocated unit passes to the next in line at the same store', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const sku = Journey.id('HEADSET');
    await product(sku);
    const [first, second, third] = [await preorder(store, sku, 'a'), await preorder(store, sku, 'b'), await preorder(store, sku, 'c')];
    await eventually(async () => expect(await statuses([first.id, second.id, third.id])).toEqual(['PREORDERED', 'PREORDERED', 'PREORDERED']));
    await receive(await supply(sku, store, 1, new Date()), 1);
    await e2e.j.status(first.id, 'ALLOCATED');

    ok(await http('POST', `${e2e.j.order}/orders/${first.id}/cancel`, { reason: 'changed my mind' }), 'cancel');
    await e2e.j.status(first.id, 'CANCELLED');
    await e2e.j.status(second.id, 'ALLOCATED');
    await eventually(async () => expect((await group(third.id)).preorder.position).toBe(1));
    expect(await e2e.j.stock(store, sku)).toMatchObject({ onHand: 1, reserved: 1 });
    expect((await queue(store, sku)).map((e) => e.status)).toEqual(['CANCELLED', 'ALLOCATED', 'WAITING']);
  });

  it('a delayed release or a late shipment moves every affected estimate and tells each customer', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const sku = Journey.id('PHONE');
    const release = await product(sku, { releaseInDays: 5 });
    const supplyId = await supply(sku, store, 2, new Date(Date.now() + 3 * DAY));
    const orders = [await preorder(store, sku, 'p1'), await preorder(store, sku, 'p2')];
    await eventually(async () => expect((await Promise.all(orders.map((o) => group(o.id)))).map((g) => g.preorder.estimatedAvailableAt)).toEqual([release.toISOString(), release.toISOString()]));

    // The shipment is late: it now lands after the release date.
    const late = new Date(Date.now() + 9 * DAY);
    ok(await http('PATCH', `${e2e.j.inventory}/supply/${supplyId}`, { expectedAt: late.toISOString() }), 'redate');
    for (const o of orders) {
      await eventually(async () => expect((await group(o.id)).preorder.estimatedAvailableAt).toBe(late.toISOString()));
      await eventually(() => expect(notices(o.id).map((n) => n.template)).toEqual(['preorder-confirmed', 'preorder-delayed']));
      await eventually(() => expect(events(o.id, 'order.preorder-rescheduled.v1')).toEqual([expect.objectContaining({ cause: 'SUPPLY', estimatedAvailableAt: late.toISOString() })]));
    }

    // The release slips past the shipment: every preorder moves again and is told again.
    const later = await product(sku, { releaseInDays: 12 });
    for (const o of orders) {
      await eventually(async () => expect((await group(o.id)).preorder).toMatchObject({ releaseAt: later.toISOString(), estimatedAvailableAt: later.toISOString() }));
      await eventually(() => expect(notices(o.id).map((n) => n.template)).toEqual(['preorder-confirmed', 'preorder-delayed', 'preorder-delayed']));
      await eventually(() => expect(events(o.id, 'order.preorder-rescheduled.v1').map((e) => e.cause)).toEqual(['SUPPLY', 'RELEASE_DATE']));
    }
  });

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
    await eventually(async () => expect(await entries()).toEqual([['WAITING', 1, 1], ['WAITING', 0, 2], ['WAITING', 0, 3]]));
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
    await eventually(async () => expect(await entries()).toEqual([['ALLOCATED', 2, null], ['ALLOCATED', 1, null], ['WAITING', 1, 1]]));
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
    const transferFrom = async (from: string) => eventually(async () => (await e2e.j.transfersInto(store)).find((t) => t.fromLocationId === from && t.status === 'REQUESTED')!.transferId);
    const arrive = async (transferId: string) => {
      ok(await http('POST', `${e2e.j.inventory}/transfers/${transferId}/ship`, {}), 'ship transfer');
      ok(await http('POST', `${e2e.j.inventory}/transfers/${transferId}/receive`, {}), 'receive transfer');
    };

    // One unit at each warehouse: each sends it to the store for the pair, first in line; the one behind gets nothing.
    await receive(await supply(sku, warehouse, 1, new Date()), 1);
    await eventually(async () => expect(await entries()).toEqual([['WAITING', 1], ['WAITING', 0]]));
    const first = await transferFrom(warehouse);
    await receive(await supply(sku, second, 1, new Date()), 1);
    const last = await transferFrom(second);
    await eventually(async () => expect(await entries()).toEqual([['ALLOCATED', 2], ['WAITING', 0]]));
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
    expect(await group(pair.id)).toMatchObject({ type: 'delivery', storeId: dc, preorder: { releaseAt: release.toISOString(), position: 1, estimatedAvailableAt: release.toISOString() } });
    await eventually(async () => expect((await group(single.id)).preorder).toMatchObject({ position: 2, estimatedAvailableAt: null }));
    expect((await queue(dc, sku)).map((e) => [e.orderId, e.status])).toEqual([
      [pair.id, 'WAITING'],
      [single.id, 'WAITING'],
    ]);

    // The first PO lands: the pair holds it at the DC and keeps its place; the single one behind gets nothing.
    await receive(po, 1);
    await eventually(async () => expect((await queue(dc, sku)).map((e) => [e.status, e.allocated])).toEqual([['WAITING', 1], ['WAITING', 0]]));
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
      await eventually(() => expect(events(pair.id, 'order.delivery-assigned.v1')).toEqual([expect.objectContaining({ fulfilments: [expect.objectContaining({ locationId: dc })] })]));
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

  it('an order service crash in the middle of allocation loses and doubles nothing', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const sku = Journey.id('DRONE');
    await product(sku);
    const placed = await Promise.all(Array.from({ length: 8 }, (_, i) => preorder(store, sku, `d-${i}`)));
    const ids = placed.map((o) => o.id as string);
    await eventually(async () => expect(await statuses(ids)).toEqual(ids.map(() => 'PREORDERED')));

    // The eight allocations are committed in inventory and on their way; the order service dies
    // (SIGKILL) while it applies them, and comes back on the same database.
    await receive(await supply(sku, store, 8, new Date()), 8);
    await e2e.stack.services.order.restart({}, { crash: true });
    await eventually(async () => expect(await statuses(ids)).toEqual(ids.map(() => 'ALLOCATED')));
    for (const id of ids) expect(events(id, 'order.preorder-allocated.v1')).toHaveLength(1);
    expect(await e2e.j.stock(store, sku)).toMatchObject({ onHand: 8, reserved: 8 });
  });

  it('caps and windows are clear refusals that change nothing', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const sku = Journey.id('LIMITED');
    await product(sku, { capPerStore: 2, capPerCustomer: 1 });
    await preorder(store, sku, 'cap-1');
    const twice = await http('POST', `${e2e.j.order}/orders`, preorderBody(store, sku, 'cap-1'));
    expect(twice).toMatchObject({ status: 409, body: { code: 'PREORDER.CUSTOMER_CAP_REACHED' } });
    await preorder(store, sku, 'cap-2');
    const full = await http('POST', `${e2e.j.order}/orders`, preorderBody(store, sku, 'cap-3'));
    expect(full).toMatchObject({ status: 409, body: { code: 'PREORDER.STORE_CAP_REACHED' } });
    // The refused placements took no place in line: the next store's sequence is unaffected and this one has two.
    await eventually(async () => expect((await queue(store, sku)).map((e) => e.sequence)).toEqual([1, 2]));

    const notYet = Journey.id('SOON');
    await product(notYet, { opensInDays: 1 });
    expect(await http('POST', `${e2e.j.order}/orders`, preorderBody(store, notYet, 'x'))).toMatchObject({ status: 422, body: { code: 'PREORDER.WINDOW_CLOSED' } });
    expect(await http('POST', `${e2e.j.order}/orders`, preorderBody(store, Journey.id('PLAIN'), 'x'))).toMatchObject({ status: 422, body: { code: 'PREORDER.NOT_A_PREORDER' } });
    const guest = { ...preorderBody(store, sku, 'x'), customerId: undefined };
    expect(await http('POST', `${e2e.j.order}/orders`, guest)).toMatchObject({ status: 422, body: { code: 'PREORDER.NEEDS_CUSTOMER' } });
  });
});
