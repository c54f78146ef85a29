import { allTopics, INVENTORY_EVENTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, expectValidAgainstAsyncApi, Journey, journeyStack } from '@omni/testing';

/**
 * The AsyncAPI document (docs/asyncapi.json) is what outside consumers code against: every event
 * the services really emit during a click & collect journey must match it, on every topic.
 */
describe('events emitted during click & collect match docs/asyncapi.json', () => {
  const e2e = journeyStack(['order', 'inventory'], { topics: allTopics().map((t) => t.name) });

  /** Only this test's messages: other test files share the broker, some of them producing poison on purpose. */
  let ours: (m: { key: string | null }) => boolean = () => false;
  const seen = () => e2e.probe.seen.filter(ours);
  const types = () => new Set(seen().map((m) => m.headers['ce_type']));

  it('ship-to-store, collection and cancellation: every event on every topic is valid against the document', async () => {
    const warehouse = Journey.id('WH');
    const store = Journey.id('S');
    await e2e.j.location(warehouse, { kind: 'warehouse' });
    await e2e.j.location(store);
    const orderIds: string[] = [];
    ours = (m) => m.key !== null && (orderIds.includes(m.key) || m.key.startsWith(`${warehouse}/`) || m.key.startsWith(`${store}/`));
    await e2e.j.receive(warehouse, 'BOOTS-41', 3);
    await e2e.j.receive(store, 'BAG', 2);

    // ship-to-store: reserved at the warehouse, transferred, picked and collected
    const shipped = await e2e.j.place(store, [{ sku: 'BOOTS-41', quantity: 1, unitPrice: 8900 }]);
    orderIds.push(shipped.id);
    await e2e.j.status(shipped.id, 'AWAITING_TRANSFER');
    await e2e.j.deliverTransfers(store);
    await e2e.j.status(shipped.id, 'RESERVED');
    await e2e.j.pickAll(store, shipped.id);
    const collect = await e2e.j.store(store).collect(shipped.id, await e2e.j.pickupCode(shipped.id));
    expect(collect.status).toBeLessThan(300);
    await e2e.j.status(shipped.id, 'COLLECTED');

    // cancelled by the store before pickup
    const cancelled = await e2e.j.place(store, [{ sku: 'BAG', quantity: 1, unitPrice: 4500 }]);
    orderIds.push(cancelled.id);
    await e2e.j.status(cancelled.id, 'RESERVED');
    expect((await e2e.j.store(store).cancel(cancelled.id, 'customer called the store')).status).toBeLessThan(300);
    await e2e.j.status(cancelled.id, 'CANCELLED');

    const expected = [
      'inventory.stock-adjusted.v1',
      'order.placed.v2',
      'inventory.reserved.v1',
      'order.confirmed.v1',
      'inventory.transfer-shipped.v1',
      'inventory.transfer-received.v1',
      'order.transfer-arrived.v1',
      'order.picking-started.v1',
      'order.ready-for-pickup.v1',
      'notification.requested.v2',
      'order.collected.v1',
      'inventory.reservation-consumed.v1',
      'payment.capture-requested.v1',
      'order.cancelled.v1',
      'inventory.reservation-released.v1',
      'payment.refund-requested.v2',
    ];
    await eventually(() => expect([...types()]).toEqual(expect.arrayContaining(expected)));
    await eventually(() => expect(e2e.probe.on(INVENTORY_EVENTS_TOPIC, { key: cancelled.id, type: 'inventory.reservation-released.v1' })).toHaveLength(1));

    const counts = expectValidAgainstAsyncApi(seen());
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(expected));
    expect(e2e.probe.on(ORDER_EVENTS_TOPIC).filter(ours).length).toBeGreaterThanOrEqual(10);
    // nothing of this journey was poison: no consumer parked any of its messages
    expect(seen().filter((m) => m.topic.endsWith('.dlq'))).toEqual([]);
  });
});
