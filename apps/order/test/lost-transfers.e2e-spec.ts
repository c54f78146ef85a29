import { INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, http, Journey, journeyStack, tokens } from '@omni/testing';

/**
 * A transfer that never arrives, declared lost (POST /transfers/:id/lost), across the real order
 * and inventory services, Kafka and PostgreSQL: its units are written off, and the click & collect
 * order it was bringing units to is served from another location, or gives them up and is refunded.
 */
describe('a transfer that never arrives', () => {
  const e2e = journeyStack(['order', 'inventory'], { topics: [ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC] });

  const payloads = (topic: string, key: string, type: string) => e2e.probe.on(topic, { key, type }).map((m) => JSON.parse(m.value ?? '{}'));
  const transferInto = async (store: string, status: string) =>
    eventually(async () => {
      const [t] = (await e2e.j.transfersInto(store)).filter((x) => x.status === status);
      if (!t) throw new Error(`no ${status} transfer into ${store}`);
      return t;
    });
  const declareLost = (transferId: string, body: unknown = { reason: 'carrier reports the parcel lost' }, token?: string) =>
    http('POST', `${e2e.j.inventory}/transfers/${transferId}/lost`, body, {}, token === undefined ? {} : { token });

  it('is written off, another warehouse sends the units, and the order is collected', async () => {
    const [store, near, far] = [Journey.id('S'), Journey.id('WH'), Journey.id('WH')];
    await e2e.j.location(store);
    await e2e.j.location(near, { kind: 'warehouse', transferDays: 1 });
    await e2e.j.location(far, { kind: 'warehouse', transferDays: 3 });
    await e2e.j.receive(near, 'TENT', 1);
    await e2e.j.receive(far, 'TENT', 1);
    const placed = await e2e.j.place(store, [{ sku: 'TENT', quantity: 1, unitPrice: 19900 }]);
    await e2e.j.status(placed.id, 'AWAITING_TRANSFER');

    const first = await transferInto(store, 'REQUESTED');
    expect((await http('POST', `${e2e.j.inventory}/transfers/${first.transferId}/ship`, {})).status).toBe(200);
    const lost = await declareLost(first.transferId);
    expect(lost).toMatchObject({ status: 200, body: { transferId: first.transferId, status: 'LOST' } });

    // The lost unit is at neither end; the other warehouse's unit is reserved and on its way.
    const source = first.fromLocationId;
    const other = source === near ? far : near;
    expect(await e2e.j.stock(source, 'TENT')).toMatchObject({ onHand: 0, reserved: 0 });
    expect(await e2e.j.stock(other, 'TENT')).toMatchObject({ onHand: 1, reserved: 1 });
    const second = await transferInto(store, 'REQUESTED');
    expect(second.fromLocationId).toBe(other);
    const waiting = await eventually(async () => {
      const o = await e2e.j.get(placed.id);
      if (o.lines[0].pendingTransferId !== second.transferId) throw new Error(`line waits for ${o.lines[0].pendingTransferId}`);
      return o;
    });
    expect(waiting.status).toBe('AWAITING_TRANSFER');
    await eventually(() =>
      expect(payloads(ORDER_EVENTS_TOPIC, placed.id, 'order.transfer-lost.v1')).toEqual([
        expect.objectContaining({
          transferId: first.transferId,
          resourced: [{ lineId: placed.lines[0].lineId, transferId: second.transferId }],
          cancelled: [],
          status: 'AWAITING_TRANSFER',
        }),
      ]),
    );
    expect(payloads(INVENTORY_EVENTS_TOPIC, placed.id, 'inventory.transfer-lost.v1')).toEqual([
      expect.objectContaining({ reason: 'carrier reports the parcel lost', unavailable: [] }),
    ]);

    await e2e.j.deliverTransfers(store);
    await e2e.j.status(placed.id, 'RESERVED');
    await e2e.j.pickAll(store, placed.id);
    expect((await e2e.j.store(store).collect(placed.id, await e2e.j.pickupCode(placed.id))).status).toBeLessThan(300);
    await e2e.j.status(placed.id, 'COLLECTED');
    await eventually(async () => expect(await e2e.j.stock(store, 'TENT')).toMatchObject({ onHand: 0, reserved: 0 }));
    // Declared lost once: a second declaration changes nothing.
    expect((await declareLost(first.transferId)).body).toMatchObject({ status: 409, code: 'TRANSFER.INVALID_TRANSITION' });
  });

  it('found at the store itself, received there meanwhile: reserved there, no new transfer', async () => {
    const [store, warehouse] = [Journey.id('S'), Journey.id('WH')];
    await e2e.j.location(store);
    await e2e.j.location(warehouse, { kind: 'warehouse', transferDays: 2 });
    await e2e.j.receive(warehouse, 'LAMP', 1);
    const placed = await e2e.j.place(store, [{ sku: 'LAMP', quantity: 1 }]);
    await e2e.j.status(placed.id, 'AWAITING_TRANSFER');
    const t = await transferInto(store, 'REQUESTED');
    expect((await http('POST', `${e2e.j.inventory}/transfers/${t.transferId}/ship`, {})).status).toBe(200);
    await e2e.j.receive(store, 'LAMP', 1);
    expect((await declareLost(t.transferId)).status).toBe(200);

    await e2e.j.status(placed.id, 'RESERVED');
    expect(await e2e.j.stock(store, 'LAMP')).toMatchObject({ onHand: 1, reserved: 1 });
    expect((await e2e.j.transfersInto(store)).map((x) => x.status)).toEqual(['LOST']);
    await eventually(() =>
      expect(payloads(ORDER_EVENTS_TOPIC, placed.id, 'order.transfer-lost.v1')).toEqual([
        expect.objectContaining({ resourced: [{ lineId: placed.lines[0].lineId, transferId: null }], status: 'RESERVED' }),
      ]),
    );
  });

  it('with the units nowhere else: the order gives them up, is cancelled and refunded', async () => {
    const [store, warehouse] = [Journey.id('S'), Journey.id('WH')];
    await e2e.j.location(store);
    await e2e.j.location(warehouse, { kind: 'warehouse', transferDays: 2 });
    await e2e.j.receive(warehouse, 'KAYAK', 1);
    const placed = await e2e.j.place(store, [{ sku: 'KAYAK', quantity: 1, unitPrice: 49900 }]);
    await e2e.j.status(placed.id, 'AWAITING_TRANSFER');
    const t = await transferInto(store, 'REQUESTED');
    expect((await http('POST', `${e2e.j.inventory}/transfers/${t.transferId}/ship`, {})).status).toBe(200);
    expect((await declareLost(t.transferId)).status).toBe(200);

    const cancelled = await e2e.j.status(placed.id, 'CANCELLED');
    expect(cancelled).toMatchObject({ cancellation: { by: 'system', reason: 'LINE.UNAVAILABLE' } });
    await eventually(() =>
      expect(payloads(ORDER_EVENTS_TOPIC, placed.id, 'payment.refund-requested.v2')).toEqual([
        expect.objectContaining({ amount: 49900, reason: 'LINE.UNAVAILABLE' }),
      ]),
    );
    expect(payloads(ORDER_EVENTS_TOPIC, placed.id, 'order.transfer-lost.v1')).toEqual([
      expect.objectContaining({ cancelled: [{ lineId: placed.lines[0].lineId, sku: 'KAYAK', quantity: 1 }], status: 'CANCELLED' }),
    ]);
    for (const at of [store, warehouse]) expect(await e2e.j.stock(at, 'KAYAK')).toMatchObject({ onHand: 0, reserved: 0 });
  });

  it('refuses what is not a lost transfer, and bad input, naming the field and changing nothing', async () => {
    const [store, warehouse] = [Journey.id('S'), Journey.id('WH')];
    await e2e.j.location(store);
    await e2e.j.location(warehouse, { kind: 'warehouse', transferDays: 2 });
    await e2e.j.receive(warehouse, 'OAR', 2);
    const placed = await e2e.j.place(store, [{ sku: 'OAR', quantity: 1 }]);
    await e2e.j.status(placed.id, 'AWAITING_TRANSFER');
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

    expect((await e2e.j.transfersInto(store)).find((x) => x.transferId === t.transferId)?.status).toBe('REQUESTED');
    expect(await e2e.j.stock(warehouse, 'OAR')).toMatchObject({ onHand: 2, reserved: 1 });
    expect((await e2e.j.get(placed.id)).status).toBe('AWAITING_TRANSFER');
  });
});
