import { PendingEvent, schemaErrors } from '@omni/contracts';
import { anAddress, daysAfter } from '@omni/testing';
import { Fulfilment } from './order';
import {
  asDelivery,
  asPickup,
  ctx,
  ctxAt,
  GROUP_ID as GROUP,
  LINE_A as A,
  LINE_B as B,
  ORDER_ID as ORDER,
  placedGroup,
  TRANSFER,
} from './test/pickup-fixtures';
import { allocatePreorder, availability, awaitsRelease, preorderTransferArrived, queuePreorder, releasePreorder, reschedule } from './preorder.machine';
import { cancelDelivery, deliveryTransferArrived, recordDeliveryPicks, resolveDeliveryShortPick, startPickingDelivery } from './delivery.machine';
import { aPickupCode } from './test/builders';

const release = new Date('2026-12-01T08:00:00.000Z');
const afterRelease = new Date('2026-12-02T08:00:00.000Z');
const code = aPickupCode();
const day = (n: number) => daysAfter(release, n);

const LINES = [
  { sku: 'CONSOLE', quantity: 1, unitPrice: 49900 },
  { sku: 'GAME', quantity: 2, unitPrice: 6900 },
];

/** A preorder of CONSOLE ×1 and GAME ×2 for pickup at S1, released on `release`. */
const aPreorder = (): Fulfilment => placedGroup({ type: 'pickup', storeId: 'S1', lines: LINES, preorder: { releaseAt: release, sequences: [7, 3] } }, 'app');

const types = (events: readonly PendingEvent[]) => events.map((e) => `${e.def.type}.v${e.def.version}`);
const valid = (events: readonly PendingEvent[]) => events.map((e) => schemaErrors(e.def, e.payload)).flat();

function queued(estimates: [Date | null, Date | null] = [day(-2), day(3)]): Fulfilment {
  const d = queuePreorder(
    aPreorder(),
    [
      { lineId: A, position: 7, estimatedAt: estimates[0] },
      { lineId: B, position: 3, estimatedAt: estimates[1] },
    ],
    'S1',
    ctx(),
  );
  if (!d.ok) throw new Error(d.code);
  return d.state;
}

describe('preorder machine', () => {
  it('a placed preorder carries its release date and places in line in order.placed v2', () => {
    const f = aPreorder();
    expect(f).toMatchObject({ releaseAt: release, status: 'PLACED' });
    expect(f.lines.map((l) => l.preorderSequence)).toEqual([7, 3]);
  });

  it('queued: PREORDERED, available at the later of the release date and the units; order.preordered and a confirmation', () => {
    const d = queuePreorder(
      aPreorder(),
      [
        { lineId: A, position: 7, estimatedAt: day(-2) },
        { lineId: B, position: 3, estimatedAt: day(3) },
      ],
      'S1',
      ctx(),
    );
    expect(d.ok && d.state).toMatchObject({ status: 'PREORDERED', estimatedAvailableAt: day(3) });
    expect(d.ok && types(d.events)).toEqual(['order.preordered.v1', 'notification.requested.v2']);
    expect(d.ok && valid(d.events)).toEqual([]);
  });

  it('never available before the release date, and unknown while a line has no supply planned', () => {
    expect(availability({ releaseAt: release, lines: queued([day(-5), day(-4)]).lines })).toEqual(release);
    expect(availability({ releaseAt: release, lines: queued([day(-5), null]).lines })).toBeNull();
  });

  describe('allocation', () => {
    it('part of the group allocated: still PREORDERED, nothing announced', () => {
      const d = allocatePreorder(queued(), [{ lineId: A, sourceLocationId: 'S1', transferId: null }], 3, code, ctx());
      expect(d.ok && [d.state.status, d.events.length]).toEqual(['PREORDERED', 0]);
    });

    it('every line at the store before the release date: ALLOCATED, held', () => {
      const d = allocatePreorder(
        queued(),
        [
          { lineId: A, sourceLocationId: 'S1', transferId: null },
          { lineId: B, sourceLocationId: 'S1', transferId: null },
        ],
        3,
        code,
        ctx(),
      );
      expect(d.ok && d.state).toMatchObject({ status: 'ALLOCATED', estimatedAvailableAt: release, pickupCode: null });
      expect(d.ok && types(d.events)).toEqual(['order.preorder-allocated.v1']);
    });

    it('allocated after the release date: READY_FOR_PICKUP at once, with a code and deadline', () => {
      const d = allocatePreorder(
        queued(),
        [
          { lineId: A, sourceLocationId: 'S1', transferId: null },
          { lineId: B, sourceLocationId: 'S1', transferId: null },
        ],
        3,
        code,
        ctxAt(afterRelease),
      );
      expect(d.ok && d.state.status).toBe('READY_FOR_PICKUP');
      expect(d.ok && asPickup(d.state).pickupDeadline).toEqual(new Date(afterRelease.getTime() + 3 * 24 * 3600 * 1000));
      expect(d.ok && types(d.events)).toEqual([
        'order.preorder-allocated.v1',
        'order.ready-for-pickup.v1',
        'notification.requested.v2',
        'notification.requested.v1',
      ]);
    });

    it('units from a warehouse: AWAITING_TRANSFER, then ALLOCATED when they arrive (or ready if released)', () => {
      const d = allocatePreorder(
        queued(),
        [
          { lineId: A, sourceLocationId: 'W1', transferId: TRANSFER },
          { lineId: B, sourceLocationId: 'S1', transferId: null },
        ],
        3,
        code,
        ctx(),
      );
      expect(d.ok && d.state.status).toBe('AWAITING_TRANSFER');
      if (!d.ok) return;
      const held = preorderTransferArrived(d.state, TRANSFER, code, ctx());
      expect(held.ok && held.state.status).toBe('ALLOCATED');
      const ready = preorderTransferArrived(d.state, TRANSFER, code, ctxAt(afterRelease));
      expect(ready.ok && ready.state.status).toBe('READY_FOR_PICKUP');
    });
  });

  it('units on their way for a line still in line (part of them, from one of several warehouses) change nothing', () => {
    const waiting = queued();
    expect(preorderTransferArrived(waiting, TRANSFER, code, ctx())).toEqual({ ok: true, state: waiting, events: [] });
  });

  describe('release', () => {
    const allocated = () => {
      const d = allocatePreorder(
        queued(),
        [
          { lineId: A, sourceLocationId: 'S1', transferId: null },
          { lineId: B, sourceLocationId: 'S1', transferId: null },
        ],
        3,
        code,
        ctx(),
      );
      if (!d.ok) throw new Error(d.code);
      return d.state;
    };

    it('is refused before the release date: early units stay held', () => {
      expect(releasePreorder(allocated(), code, ctxAt(day(-1)))).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
    });

    it('on the release date: READY_FOR_PICKUP, every unit picked, a pickup code sent', () => {
      const d = releasePreorder(allocated(), code, ctxAt(release));
      expect(d.ok && d.state.status).toBe('READY_FOR_PICKUP');
      expect(d.ok && d.state.lines.map((l) => l.pickedQuantity)).toEqual([1, 2]);
      expect(d.ok && d.events.some((e) => (e.payload as { pickupCode?: string }).pickupCode === 'ABCD2345')).toBe(true);
    });
  });

  describe('rescheduling', () => {
    it('a later estimate is announced and the customer told', () => {
      const d = reschedule(queued(), { lines: [{ lineId: B, position: 3, estimatedAt: day(9) }] }, ctx());
      expect(d.ok && d.state.estimatedAvailableAt).toEqual(day(9));
      expect(d.ok && types(d.events)).toEqual(['order.preorder-rescheduled.v1', 'notification.requested.v2']);
      expect(d.ok && valid(d.events)).toEqual([]);
    });

    it('moving up the line is announced without bothering the customer', () => {
      const d = reschedule(queued(), { lines: [{ lineId: A, position: 2, estimatedAt: day(-2) }] }, ctx());
      expect(d.ok && types(d.events)).toEqual(['order.preorder-rescheduled.v1']);
    });

    it('a sooner date is good news the customer is told too, with the new date', () => {
      const allocated = allocatePreorder(
        queued(),
        [
          { lineId: A, sourceLocationId: 'S1', transferId: null },
          { lineId: B, sourceLocationId: 'S1', transferId: null },
        ],
        3,
        code,
        ctx(),
      );
      if (!allocated.ok) throw new Error(allocated.code);
      const d = reschedule(allocated.state, { releaseAt: day(-1) }, ctx());
      expect(d.ok && d.state.estimatedAvailableAt).toEqual(day(-1));
      expect(d.ok && d.events.map((e) => (e.payload as { cause?: string; template?: string }).cause ?? (e.payload as { template?: string }).template)).toEqual([
        'RELEASE_DATE',
        'preorder-advanced',
      ]);
      expect(d.ok && d.events.map((e) => (e.payload as { readyBy?: string }).readyBy).filter(Boolean)).toEqual([day(-1).toISOString()]);
      expect(d.ok && valid(d.events)).toEqual([]);
    });

    it('nothing changed: nothing announced', () => {
      const d = reschedule(queued(), { lines: [{ lineId: B, position: 3, estimatedAt: day(3) }] }, ctx());
      expect(d.ok && d.events).toEqual([]);
    });

    it('a delayed release moves the date of an allocated preorder too, and tells the customer', () => {
      const allocated = allocatePreorder(
        queued(),
        [
          { lineId: A, sourceLocationId: 'S1', transferId: null },
          { lineId: B, sourceLocationId: 'S1', transferId: null },
        ],
        3,
        code,
        ctx(),
      );
      if (!allocated.ok) throw new Error(allocated.code);
      const d = reschedule(allocated.state, { releaseAt: day(14) }, ctx());
      expect(d.ok && d.state).toMatchObject({ releaseAt: day(14), estimatedAvailableAt: day(14) });
      expect(d.ok && d.events.map((e) => (e.payload as { cause?: string; template?: string }).cause ?? (e.payload as { template?: string }).template)).toEqual([
        'RELEASE_DATE',
        'preorder-delayed',
      ]);
    });
  });

  describe('for home delivery', () => {
    /** The same preorder, delivered to an address; its lines' sequences come from the SKU's delivery counter. */
    const aDeliveryPreorder = (): Fulfilment =>
      placedGroup({ type: 'delivery', address: anAddress(), lines: LINES, preorder: { releaseAt: release, sequences: [4, 1] } }, 'app');
    const queuedAt = (warehouse: string) => {
      const d = queuePreorder(
        aDeliveryPreorder(),
        [
          { lineId: A, position: 4, estimatedAt: day(-2) },
          { lineId: B, position: 1, estimatedAt: day(1) },
        ],
        warehouse,
        ctx(),
      );
      if (!d.ok) throw new Error(d.code);
      return d.state;
    };
    const atW1 = [
      { lineId: A, sourceLocationId: 'W1', transferId: null },
      { lineId: B, sourceLocationId: 'W1', transferId: null },
    ];

    it('is placed like any preorder, with no store: order.placed v2 says so', () => {
      const f = aDeliveryPreorder();
      expect(f).toMatchObject({ type: 'delivery', storeId: null, releaseAt: release, status: 'PLACED' });
      expect(f.lines.map((l) => l.preorderSequence)).toEqual([4, 1]);
    });

    it('queued at the warehouse that will ship it: PREORDERED there, with a date and a confirmation', () => {
      const d = queuePreorder(
        aDeliveryPreorder(),
        [
          { lineId: A, position: 4, estimatedAt: day(-2) },
          { lineId: B, position: 1, estimatedAt: day(1) },
        ],
        'W1',
        ctx(),
      );
      expect(d.ok && d.state).toMatchObject({ status: 'PREORDERED', storeId: 'W1', estimatedAvailableAt: day(1) });
      expect(d.ok && types(d.events)).toEqual(['order.preordered.v1', 'notification.requested.v2']);
      expect(d.ok && d.events[0].payload).toMatchObject({ storeId: 'W1' });
      expect(d.ok && valid(d.events)).toEqual([]);
    });

    it('a pickup preorder is queued at its own store only', () => {
      expect(queuePreorder(aPreorder(), [{ lineId: A, position: 1, estimatedAt: null }], 'S2', ctx())).toMatchObject({
        ok: false,
        code: 'ORDER.INVALID_TRANSITION',
      });
    });

    it('allocated before the release date: ALLOCATED and held, no pickup code, nothing to pick yet', () => {
      const d = allocatePreorder(queuedAt('W1'), atW1, 1, code, ctx());
      expect(d.ok && d.state).toMatchObject({ type: 'delivery', status: 'ALLOCATED', estimatedAvailableAt: release, readyAt: null });
      // A delivery has no pickup code nor hold: its kind has no such fields (ADR 0031).
      expect(d.ok && d.state).not.toHaveProperty('pickupCode');
      expect(d.ok && d.state).not.toHaveProperty('pickupHoldDays');
      expect(d.ok && types(d.events)).toEqual(['order.preorder-allocated.v1']);
      expect(d.ok && startPickingDelivery(asDelivery(d.state), ctx())).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
    });

    it('released on its date: RESERVED at its warehouse and on its pick list (order.delivery-assigned), then picked, packed and shipped as any delivery', () => {
      const allocated = allocatePreorder(queuedAt('W1'), atW1, 1, code, ctx());
      if (!allocated.ok) throw new Error(allocated.code);
      expect(releasePreorder(allocated.state, code, ctxAt(day(-1)))).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
      const d = releasePreorder(allocated.state, code, ctxAt(release));
      expect(d.ok && d.state).toMatchObject({ type: 'delivery', status: 'RESERVED', storeId: 'W1', readyAt: release });
      expect(d.ok && d.state).not.toHaveProperty('pickupCode');
      expect(d.ok && types(d.events)).toEqual(['order.delivery-assigned.v1']);
      expect(d.ok && d.events[0].payload).toEqual({
        orderId: ORDER,
        fulfilments: [{ fulfilmentId: GROUP, locationId: 'W1', lineIds: [A, B] }],
        assignedAt: release.toISOString(),
      });
      expect(d.ok && valid(d.events)).toEqual([]);
      if (!d.ok) return;
      expect(awaitsRelease(d.state)).toBe(false);
      const picking = startPickingDelivery(asDelivery(d.state), ctxAt(release));
      if (!picking.ok) throw new Error(picking.code);
      const packed = recordDeliveryPicks(
        picking.state,
        [
          { lineId: A, pickedQuantity: 1 },
          { lineId: B, pickedQuantity: 2 },
        ],
        ctxAt(release),
      );
      expect(packed.ok && packed.state.status).toBe('PACKED');
    });

    it('allocated after the release date: RESERVED at once', () => {
      const d = allocatePreorder(queuedAt('W1'), atW1, 1, code, ctxAt(afterRelease));
      expect(d.ok && d.state.status).toBe('RESERVED');
      expect(d.ok && types(d.events)).toEqual(['order.preorder-allocated.v1', 'order.delivery-assigned.v1']);
    });

    it('units from another warehouse travel to its own: AWAITING_TRANSFER, then ALLOCATED on arrival, or RESERVED if released', () => {
      const d = allocatePreorder(queuedAt('W1'), [{ lineId: A, sourceLocationId: 'W2', transferId: TRANSFER }, atW1[1]], 1, code, ctx());
      expect(d.ok && d.state.status).toBe('AWAITING_TRANSFER');
      if (!d.ok) return;
      expect(awaitsRelease(d.state)).toBe(true);
      const held = preorderTransferArrived(d.state, TRANSFER, code, ctx());
      expect(held.ok && held.state).toMatchObject({ status: 'ALLOCATED', storeId: 'W1' });
      expect(held.ok && held.state.lines.map((l) => l.sourceLocationId)).toEqual(['W1', 'W1']);
      const released = preorderTransferArrived(d.state, TRANSFER, code, ctxAt(afterRelease));
      expect(released.ok && released.state.status).toBe('RESERVED');
    });

    it('after its release a short pick is re-sourced as for any delivery: the transfer brings it back to picking, and no new date is announced', () => {
      const allocated = allocatePreorder(queuedAt('W1'), atW1, 1, code, ctxAt(afterRelease));
      if (!allocated.ok) throw new Error(allocated.code);
      const picking = startPickingDelivery(asDelivery(allocated.state), ctxAt(afterRelease));
      if (!picking.ok) throw new Error(picking.code);
      const short = recordDeliveryPicks(picking.state, [{ lineId: B, pickedQuantity: 1 }], ctxAt(afterRelease));
      if (!short.ok) throw new Error(short.code);
      const waiting = resolveDeliveryShortPick(
        short.state,
        { resourced: [{ lineId: B, transferId: TRANSFER, expectedArrivalAt: day(3) }], unavailable: [] },
        ctxAt(afterRelease),
      );
      expect(waiting.ok && waiting.state.status).toBe('AWAITING_TRANSFER');
      if (!waiting.ok) return;
      expect(awaitsRelease(waiting.state)).toBe(false);
      expect(deliveryTransferArrived(waiting.state, TRANSFER, ctxAt(afterRelease))).toMatchObject({ ok: true, state: { status: 'PICKING' } });
      expect(reschedule(waiting.state, { releaseAt: day(5) }, ctxAt(afterRelease))).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
    });

    it('cancelled while in line or held: CANCELLED, its lines named so inventory frees their places and units, refunded', () => {
      for (const f of [queuedAt('W1'), (allocatePreorder(queuedAt('W1'), atW1, 1, code, ctx()) as { state: Fulfilment }).state]) {
        const d = cancelDelivery(asDelivery(f), 'customer', 'changed my mind', ctx());
        expect(d.ok && d.state.status).toBe('CANCELLED');
        expect(d.ok && d.events[0].payload).toMatchObject({ storeId: 'W1', lineIds: [A, B] });
        expect(d.ok && valid(d.events)).toEqual([]);
      }
    });
  });
});
