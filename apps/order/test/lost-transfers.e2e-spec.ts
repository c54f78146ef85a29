import { INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, http, Journey, KafkaProbe, Stack, startStack, tokens } from '@omni/testing';

/**
 * A transfer that never arrives, declared lost (POST /transfers/:id/lost), across the real order
 * and inventory services, Kafka and PostgreSQL: its units are written off, and the click & collect
 * order it was bringing units to is served from another location, or gives them up and is refunded.
 */
describe('a transfer that never arrives', () => {
  let stack: Stack;
  let probe: KafkaProbe;
  let j: Journey;

  beforeAll(async () => {
    probe = await new KafkaProbe().watch([ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC]);
    stack = await startStack(['order', 'inventory']);
    j = new Journey(stack, probe);
  });
  afterAll(async () => {
    await stack?.stop();
    await probe?.close();
  });

  const payloads = (topic: string, key: string, type: string) => probe.on(topic, { key, type }).map((m) => JSON.parse(m.value ?? '{}'));
  const transferInto = async (store: string, status: string) =>
    eventually(async () => {
      const [t] = (await j.transfersInto(store)).filter((x) => x.status === status);
      if (!t) throw new Error(`no ${status} transfer into ${store}`);
      return t;
    });
  const declareLost = (transferId: string, body: unknown = { reason: 'carrier reports the parcel lost' }, token?: string) =>
    http('POST', `${j.inventory}/transfers/${transferId}/lost`, body, {}, token === undefined ? {} : { token });

  it('is written off, another warehouse sends the units, and the order is collected', async () => {
    const [store, near, far] = [Journey.id('S'), Journey.id('WH'), Journey.id('WH')];
    await j.location(store);
    await j.location(near, { kind: 'warehouse', transferDays: 1 });
    await j.location(far, { kind: 'warehouse', transferDays: 3 });
    await j.receive(near, 'TENT', 1);
    await j.receive(far, 'TENT', 1);
    const placed = await j.place(store, [{ sku: 'TENT', quantity: 1, unitPrice: 19900 }]);
    await j.status(placed.id, 'AWAITING_TRANSFER');

    const first = await transferInto(store, 'REQUESTED');
    expect((await http('POST', `${j.inventory}/transfers/${first.transferId}/ship`, {})).status).toBe(200);
    const lost = await declareLost(first.transferId);
    expect(lost).toMatchObject({ status: 200, body: { transferId: first.transferId, status: 'LOST' } });

    // The lost unit is at neither end; the other warehouse's unit is reserved and on its way.
    const source = first.fromLocationId;
    const other = source === near ? far : near;
    expect(await j.stock(source, 'TENT')).toMatchObject({ onHand: 0, reserved: 0 });
    expect(await j.stock(other, 'TENT')).toMatchObject({ onHand: 1, reserved: 1 });
    const second = await transferInto(store, 'REQUESTED');
    expect(second.fromLocationId).toBe(other);
    const waiting = await eventually(async () => {
      const o = await j.get(placed.id);
      if (o.lines[0].pendingTransferId !== second.transferId) throw new Error(`line waits for ${o.lines[0].pendingTransferId}`);
      return o;
    });
    expect(waiting.status).toBe('AWAITING_TRANSFER');
    await eventually(() => expect(payloads(ORDER_EVENTS_TOPIC, placed.id, 'order.transfer-lost.v1')).toEqual([expect.objectContaining({ transferId: first.transferId, resourced: [{ lineId: placed.lines[0].lineId, transferId: second.transferId }], cancelled: [], status: 'AWAITING_TRANSFER' })]));
    expect(payloads(INVENTORY_EVENTS_TOPIC, placed.id, 'inventory.transfer-lost.v1')).toEqual([expect.objectContaining({ reason: 'carrier reports the parcel lost', unavailable: [] })]);

    await j.deliverTransfers(store);
    await j.status(placed.id, 'RESERVED');
    await j.pickAll(store, placed.id);
    expect((await j.store(store).collect(placed.id, await j.pickupCode(placed.id))).status).toBeLessThan(300);
    await j.status(placed.id, 'COLLECTED');
    await eventually(async () => expect(await j.stock(store, 'TENT')).toMatchObject({ onHand: 0, reserved: 0 }));
    // Declared lost once: a second declaration changes nothing.
    expect((await declareLost(first.transferId)).body).toMatchObject({ status: 409, code: 'TRANSFER.INVALID_TRANSITION' });
  });

  it('found at the store itself, received there meanwhile: reserved there, no new transfer', async () => {
    const [store, warehouse] = [Journey.id('S'), Journey.id('WH')];
    await j.location(store);
    await j.location(warehouse, { kind: 'warehouse', transferDays: 2 });
    await j.receive(warehouse, 'LAMP', 1);
    const placed = await j.place(store, [{ sku: 'LAMP', quantity: 1 }]);
    await j.status(placed.id, 'AWAITING_TRANSFER');
    const t = await transferInto(store, 'REQUESTED');
    expect((await http('POST', `${j.inventory}/transfers/${t.transferId}/ship`, {})).status).toBe(200);
    await j.receive(store, 'LAMP', 1);
    expect((await declareLost(t.transferId)).status).toBe(200);

    await j.status(placed.id, 'RESERVED');
    expect(await j.stock(store, 'LAMP')).toMatchObject({ onHand: 1, reserved: 1 });
    expect((await j.transfersInto(store)).map((x) => x.status)).toEqual(['LOST']);
    await eventually(() => expect(payloads(ORDER_EVENTS_TOPIC, placed.id, 'order.transfer-lost.v1')).toEqual([expect.objectContaining({ resourced: [{ lineId: placed.lines[0].lineId, transferId: null }], status: 'RESERVED' })]));
  });

  it('with the units nowhere else: the order gives them up, is cancelled and refunded', async () => {
    const [store, warehouse] = [Journey.id('S'), Journey.id('WH')];
    await j.location(store);
    await j.location(warehouse, { kind: 'warehouse', transferDays: 2 });
    await j.receive(warehouse, 'KAYAK', 1);
    const placed = await j.place(store, [{ sku: 'KAYAK', quantity: 1, unitPrice: 49900 }]);
    await j.status(placed.id, 'AWAITING_TRANSFER');
    const t = await transferInto(store, 'REQUESTED');
    expect((await http('POST', `${j.inventory}/transfers/${t.transferId}/ship`, {})).status).toBe(200);
    expect((await declareLost(t.transferId)).status).toBe(200);

    const cancelled = await j.status(placed.id, 'CANCELLED');
    expect(cancelled).toMatchObject({ cancellation: { by: 'system', reason: 'LINE.UNAVAILABLE' } });
    await eventually(() => expect(payloads(ORDER_EVENTS_TOPIC, placed.id, 'payment.refund-requested.v2')).toEqual([expect.objectContaining({ amount: 49900, reason: 'LINE.UNAVAILABLE' })]));
    expect(payloads(ORDER_EVENTS_TOPIC, placed.id, 'order.transfer-lost.v1')).toEqual([expect.objectContaining({ cancelled: [{ lineId: placed.lines[0].lineId, sku: 'KAYAK', quantity: 1 }], status: 'CANCELLED' })]);
    for (const at of [store, warehouse]) expect(await j.stock(at, 'KAYAK')).toMatchObject({ onHand: 0, reserved: 0 });
  });

  it('refuses what is not a lost transfer, and bad input, naming the field and changing nothing', async () => {
    const [store, warehouse] = [Journey.id('S'), Journey.id('WH')];
    await j.location(store);
    await j.location(warehouse, { kind: 'warehouse', transferDays: 2 });
    await j.receive(warehouse, 'OAR', 2);
    const placed = await j.place(store, [{ sku: 'OAR', quantity: 1 }]);
    await j.status(placed.id, 'AWAITING_TRANSFER');
    const t = await transferInto(store, 'REQUESTED');

    // Not shipped yet: it cannot be lost on the road.
    expect(await declareLost(t.transferId)).toMatchObject({ status: 409, body: { code: 'TRANSFER.INVALID_TRANSITION' } });
    expect(await declareLost('0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e')).toMatchObject({ status: 404, body: { code: 'TRANSFER.NOT_FOUND' } });
    const noReason = await declareLost(t.transferId, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    expect((await declareLost(t.transferId, { reason: 'x'.repeat(201) })).status).toBe(400);
    // A store's POS acts only on transfers from or to its own store.
    expect((await declareLost(t.transferId, undefined, await tokens.pos(Journey.id('OTHER')))).status).toBe(403);

    expect((await j.transfersInto(store)).find((x) => x.transferId === t.transferId)?.status).toBe('REQUESTED');
    expect(await j.stock(warehouse, 'OAR')).toMatchObject({ onHand: 2, reserved: 1 });
    expect((await j.get(placed.id)).status).toBe('AWAITING_TRANSFER');
  });
});
