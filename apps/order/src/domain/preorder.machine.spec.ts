import { PendingEvent, schemaErrors } from '@omni/contracts';
import { Fulfilment, placeOrder } from './order';
import { hashPickupCode } from './pickup-code';
import { NewPickupCode } from './pickup.machine';
import { DecisionContext } from './group-effects';
import { allocatePreorder, availability, preorderTransferArrived, queuePreorder, releasePreorder, reschedule } from './preorder.machine';

const placedAt = new Date('2026-11-23T10:00:00.000Z');
const now = new Date('2026-11-24T10:00:00.000Z');
const release = new Date('2026-12-01T08:00:00.000Z');
const afterRelease = new Date('2026-12-02T08:00:00.000Z');
const ORDER = '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c';
const GROUP = '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const A = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const B = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const TRANSFER = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a';
const code: NewPickupCode = { code: 'ABCD2345', salt: 'salt', hash: hashPickupCode('ABCD2345', 'salt') };
const day = (n: number) => new Date(release.getTime() + n * 24 * 3600 * 1000);

function ctxAt(at: Date): DecisionContext {
  let n = 0;
  return { now: at, newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` };
}
const ctx = () => ctxAt(now);

/** A preorder of CONSOLE ×1 and GAME ×2 for pickup at S1, released on `release`. */
function aPreorder(): Fulfilment {
  const d = placeOrder(
    {
      channel: 'app',
      placedAtStoreId: null,
      customerId: 'c-1',
      contact: null,
      currency: 'EUR',
      fulfilments: [{ type: 'pickup', storeId: 'S1', lines: [{ sku: 'CONSOLE', quantity: 1, unitPrice: 49900 }, { sku: 'GAME', quantity: 2, unitPrice: 6900 }], preorder: { releaseAt: release, sequences: [7, 3] } }],
      capturedTenders: [],
    },
    { orderId: ORDER, fulfilments: [{ fulfilmentId: GROUP, lineIds: [A, B] }] },
    placedAt,
  );
  if (!d.ok) throw new Error('unreachable');
  return d.state.fulfilments[0];
}

const types = (events: readonly PendingEvent[]) => events.map((e) => `${e.def.type}.v${e.def.version}`);
const valid = (events: readonly PendingEvent[]) => events.map((e) => schemaErrors(e.def, e.payload)).flat();

function queued(estimates: [Date | null, Date | null] = [day(-2), day(3)]): Fulfilment {
  const d = queuePreorder(aPreorder(), [{ lineId: A, position: 7, estimatedAt: estimates[0] }, { lineId: B, position: 3, estimatedAt: estimates[1] }], ctx());
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
    const d = queuePreorder(aPreorder(), [{ lineId: A, position: 7, estimatedAt: day(-2) }, { lineId: B, position: 3, estimatedAt: day(3) }], ctx());
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
      const d = allocatePreorder(queued(), [{ lineId: A, sourceLocationId: 'S1', transferId: null }, { lineId: B, sourceLocationId: 'S1', transferId: null }], 3, code, ctx());
      expect(d.ok && d.state).toMatchObject({ status: 'ALLOCATED', estimatedAvailableAt: release, pickupCode: null });
      expect(d.ok && types(d.events)).toEqual(['order.preorder-allocated.v1']);
    });

    it('allocated after the release date: READY_FOR_PICKUP at once, with a code and deadline', () => {
      const d = allocatePreorder(queued(), [{ lineId: A, sourceLocationId: 'S1', transferId: null }, { lineId: B, sourceLocationId: 'S1', transferId: null }], 3, code, ctxAt(afterRelease));
      expect(d.ok && d.state.status).toBe('READY_FOR_PICKUP');
      expect(d.ok && d.state.pickupDeadline).toEqual(new Date(afterRelease.getTime() + 3 * 24 * 3600 * 1000));
      expect(d.ok && types(d.events)).toEqual(['order.preorder-allocated.v1', 'order.ready-for-pickup.v1', 'notification.requested.v2', 'notification.requested.v1']);
    });

    it('units from a warehouse: AWAITING_TRANSFER, then ALLOCATED when they arrive (or ready if released)', () => {
      const d = allocatePreorder(queued(), [{ lineId: A, sourceLocationId: 'W1', transferId: TRANSFER }, { lineId: B, sourceLocationId: 'S1', transferId: null }], 3, code, ctx());
      expect(d.ok && d.state.status).toBe('AWAITING_TRANSFER');
      if (!d.ok) return;
      const held = preorderTransferArrived(d.state, TRANSFER, code, ctx());
      expect(held.ok && held.state.status).toBe('ALLOCATED');
      const ready = preorderTransferArrived(d.state, TRANSFER, code, ctxAt(afterRelease));
      expect(ready.ok && ready.state.status).toBe('READY_FOR_PICKUP');
    });
  });

  describe('release', () => {
    const allocated = () => {
      const d = allocatePreorder(queued(), [{ lineId: A, sourceLocationId: 'S1', transferId: null }, { lineId: B, sourceLocationId: 'S1', transferId: null }], 3, code, ctx());
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
      const allocated = allocatePreorder(queued(), [{ lineId: A, sourceLocationId: 'S1', transferId: null }, { lineId: B, sourceLocationId: 'S1', transferId: null }], 3, code, ctx());
      if (!allocated.ok) throw new Error(allocated.code);
      const d = reschedule(allocated.state, { releaseAt: day(-1) }, ctx());
      expect(d.ok && d.state.estimatedAvailableAt).toEqual(day(-1));
      expect(d.ok && d.events.map((e) => (e.payload as { cause?: string; template?: string }).cause ?? (e.payload as { template?: string }).template)).toEqual(['RELEASE_DATE', 'preorder-advanced']);
      expect(d.ok && d.events.map((e) => (e.payload as { readyBy?: string }).readyBy).filter(Boolean)).toEqual([day(-1).toISOString()]);
      expect(d.ok && valid(d.events)).toEqual([]);
    });

    it('nothing changed: nothing announced', () => {
      const d = reschedule(queued(), { lines: [{ lineId: B, position: 3, estimatedAt: day(3) }] }, ctx());
      expect(d.ok && d.events).toEqual([]);
    });

    it('a delayed release moves the date of an allocated preorder too, and tells the customer', () => {
      const allocated = allocatePreorder(queued(), [{ lineId: A, sourceLocationId: 'S1', transferId: null }, { lineId: B, sourceLocationId: 'S1', transferId: null }], 3, code, ctx());
      if (!allocated.ok) throw new Error(allocated.code);
      const d = reschedule(allocated.state, { releaseAt: day(14) }, ctx());
      expect(d.ok && d.state).toMatchObject({ releaseAt: day(14), estimatedAvailableAt: day(14) });
      expect(d.ok && d.events.map((e) => (e.payload as { cause?: string; template?: string }).cause ?? (e.payload as { template?: string }).template)).toEqual(['RELEASE_DATE', 'preorder-delayed']);
    });
  });
});
