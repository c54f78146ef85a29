import { eventually, http, Journey } from '@omni/testing';
import { DAY, preorderJourneys } from './preorders.harness';

/**
 * Journey 2, preorders, across the real order and inventory services, Kafka and PostgreSQL: the
 * first-come-first-served queue per SKU and location fed by incoming supply — its order under
 * concurrent placement, the place a cancellation frees, estimates that move with the supply and
 * the release date, an order service crash during allocation — and the caps and windows that
 * refuse a preorder. Units travelling to where they are collected or shipped, and the release
 * itself, are in preorders-release.e2e-spec.ts.
 */
describe('preorders: the queue, estimates and caps, end to end', () => {
  const { e2e, warehouse, events, notices, ok, product, preorderBody, preorder, group, supply, receive, queue, statuses } = preorderJourneys();

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
    await eventually(async () =>
      expect((await Promise.all(orders.map((o) => group(o.id)))).map((g) => g.preorder.estimatedAvailableAt)).toEqual([
        release.toISOString(),
        release.toISOString(),
      ]),
    );

    // The shipment is late: it now lands after the release date.
    const late = new Date(Date.now() + 9 * DAY);
    ok(await http('PATCH', `${e2e.j.inventory}/supply/${supplyId}`, { expectedAt: late.toISOString() }), 'redate');
    for (const o of orders) {
      await eventually(async () => expect((await group(o.id)).preorder.estimatedAvailableAt).toBe(late.toISOString()));
      await eventually(() => expect(notices(o.id).map((n) => n.template)).toEqual(['preorder-confirmed', 'preorder-delayed']));
      await eventually(() =>
        expect(events(o.id, 'order.preorder-rescheduled.v1')).toEqual([expect.objectContaining({ cause: 'SUPPLY', estimatedAvailableAt: late.toISOString() })]),
      );
    }

    // The release slips past the shipment: every preorder moves again and is told again.
    const later = await product(sku, { releaseInDays: 12 });
    for (const o of orders) {
      await eventually(async () =>
        expect((await group(o.id)).preorder).toMatchObject({ releaseAt: later.toISOString(), estimatedAvailableAt: later.toISOString() }),
      );
      await eventually(() => expect(notices(o.id).map((n) => n.template)).toEqual(['preorder-confirmed', 'preorder-delayed', 'preorder-delayed']));
      await eventually(() => expect(events(o.id, 'order.preorder-rescheduled.v1').map((e) => e.cause)).toEqual(['SUPPLY', 'RELEASE_DATE']));
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
    expect(await http('POST', `${e2e.j.order}/orders`, preorderBody(store, notYet, 'x'))).toMatchObject({
      status: 422,
      body: { code: 'PREORDER.WINDOW_CLOSED' },
    });
    expect(await http('POST', `${e2e.j.order}/orders`, preorderBody(store, Journey.id('PLAIN'), 'x'))).toMatchObject({
      status: 422,
      body: { code: 'PREORDER.NOT_A_PREORDER' },
    });
    const guest = { ...preorderBody(store, sku, 'x'), customerId: undefined };
    expect(await http('POST', `${e2e.j.order}/orders`, guest)).toMatchObject({ status: 422, body: { code: 'PREORDER.NEEDS_CUSTOMER' } });
  });
});
