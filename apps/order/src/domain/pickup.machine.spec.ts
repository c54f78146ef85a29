import {
  NotificationRequestedV1,
  NotificationRequestedV2,
  NotificationRequestedV2Payload,
  OrderCancelledV1,
  OrderConfirmedV1,
  OrderLineCancelledV1,
  OrderReadyForPickupV1,
  OrderShortPickedV1,
  PaymentRefundRequestedV2,
  PaymentRefundRequestedV2Payload,
  OrderTransferArrivedV1,
  OrderPartiallyReadyV1,
} from '@omni/contracts';
import { PickupFulfilment } from './order';
import { PICKUP_STATUSES, PickupStatus } from './order-status';
import {
  cancelOrder,
  checkStore,
  confirmReservation,
  expireOrder,
  isFinal,
  PICKUP_TRANSITIONS,
  PICKUP_TRIGGERS,
  PickupTrigger,
  recordPicks,
  rejectOrder,
  resolveShortPick,
  startPicking,
  transferArrived,
} from './pickup.machine';
import { collectOrder } from './pickup-collection';
import { allocatePreorder, queuePreorder, releasePreorder } from './preorder.machine';
import {
  afterDeadline,
  aPickupGroup,
  CODE,
  ctx,
  ctxAt,
  expectValidEvents,
  LINE_A,
  LINE_B,
  newCode,
  now,
  ofType,
  reservation,
  TRANSFER,
  withPending,
} from './test/pickup-fixtures';

/**
 * The pickup machine up to the counter: every (state, trigger) pair of the transition table,
 * then reservation, transfers, picking and short-pick resolution, and the store check.
 * Collection, expiry, reminders and cancellation: pickup.machine.collection.spec.ts.
 */

/** One way to fire each trigger, with inputs that succeed whenever the table allows the trigger. */
const RELEASE = new Date('2026-11-30T00:00:00.000Z');
const asPreorder = (o: PickupFulfilment): PickupFulfilment => ({ ...o, releaseAt: RELEASE, lines: o.lines.map((l) => ({ ...l, sourceLocationId: null })) });
const FIRE: Record<PickupTrigger, (o: PickupFulfilment) => ReturnType<typeof releasePreorder>> = {
  preorder: (o) =>
    queuePreorder(
      asPreorder(o),
      [
        { lineId: LINE_A, position: 1, estimatedAt: null },
        { lineId: LINE_B, position: 2, estimatedAt: null },
      ],
      o.storeId!,
      ctx(),
    ),
  allocate: (o) =>
    allocatePreorder(
      asPreorder(o),
      [
        { lineId: LINE_A, sourceLocationId: 'S1', transferId: null },
        { lineId: LINE_B, sourceLocationId: 'S1', transferId: null },
      ],
      3,
      newCode,
      ctx(),
    ),
  release: (o) => releasePreorder({ ...o, releaseAt: RELEASE }, newCode, ctxAt(afterDeadline)),
  reserve: (o) => confirmReservation(o, reservation(null), now),
  awaitTransfer: (o) => confirmReservation(o, reservation(TRANSFER), now),
  reject: (o) => rejectOrder(o, 'STOCK.INSUFFICIENT', ctx()),
  cancel: (o) => cancelOrder(o, 'customer', 'changed my mind', ctx()),
  transfersArrived: (o) => transferArrived(withPending(o), TRANSFER, now),
  startPicking: (o) => startPicking(o, now),
  pickedAll: (o) =>
    recordPicks(
      o,
      [
        { lineId: LINE_A, pickedQuantity: 2 },
        { lineId: LINE_B, pickedQuantity: 1 },
      ],
      newCode,
      ctx(),
    ),
  shortPick: (o) => recordPicks(o, [{ lineId: LINE_A, pickedQuantity: 1 }], newCode, ctx()),
  resolved: (o) => resolveShortPick(o, { resourced: [], unavailable: [{ lineId: LINE_A, quantity: 1 }] }, newCode, ctx()),
  collect: (o) => collectOrder(o, CODE, ctx()),
  expire: (o) => expireOrder(o, ctxAt(afterDeadline)),
};

describe('pickup machine', () => {
  const pairs = PICKUP_STATUSES.flatMap((s) => PICKUP_TRIGGERS.map((t) => [s, t, PICKUP_TRANSITIONS[s][t] ?? null] as const));

  it.each(pairs)('from %s, %s leads to one of %j', (from, trigger, targets) => {
    const d = FIRE[trigger](aPickupGroup(from));
    if (targets === null) {
      expect(d).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
      return;
    }
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(targets).toContain(d.state.status);
    expect(d.state.updatedAt).toEqual(trigger === 'expire' || trigger === 'release' ? afterDeadline : now);
    expectValidEvents(d.events);
  });

  it('holds every state, and final states allow nothing', () => {
    expect(Object.keys(PICKUP_TRANSITIONS).sort()).toEqual([...PICKUP_STATUSES].sort());
    expect(PICKUP_STATUSES.filter(isFinal).sort()).toEqual(['CANCELLED', 'COLLECTED', 'EXPIRED', 'REJECTED']);
  });

  describe('reservation', () => {
    it('reserved at the store: RESERVED with the promised time and hold days, order.confirmed', () => {
      const d = confirmReservation(aPickupGroup('PLACED', { readyBy: null, pickupHoldDays: null }), reservation(null), now);
      expect(d.ok && d.state).toMatchObject({ status: 'RESERVED', readyBy: new Date('2026-11-26T12:00:00.000Z'), pickupHoldDays: 3 });
      expect(d.ok && d.events.map((e) => e.def)).toEqual([OrderConfirmedV1]);
      expect(d.ok && d.events[0].payload).toMatchObject({ readyBy: '2026-11-26T12:00:00.000Z' });
    });

    it('reserved with a transfer: AWAITING_TRANSFER, the line remembers its source and transfer', () => {
      const d = confirmReservation(aPickupGroup('PLACED'), reservation(TRANSFER), now);
      expect(d.ok && d.state.status).toBe('AWAITING_TRANSFER');
      expect(d.ok && d.state.lines[0]).toMatchObject({ sourceLocationId: 'W1', pendingTransferId: TRANSFER });
    });

    it('rejected: REJECTED and the full amount refunded', () => {
      const d = rejectOrder(aPickupGroup('PLACED'), 'STOCK.INSUFFICIENT', ctx());
      expect(d.ok && d.state).toMatchObject({ status: 'REJECTED', rejectionReason: 'STOCK.INSUFFICIENT' });
      expect(d.ok && ofType<PaymentRefundRequestedV2Payload>(d.events, PaymentRefundRequestedV2)).toEqual([
        expect.objectContaining({ amount: 2500, reason: 'ORDER.REJECTED' }),
      ]);
    });
  });

  describe('transfers', () => {
    const second = '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b';
    const twoTransfers = (status: PickupStatus) => ({
      ...aPickupGroup(status),
      lines: aPickupGroup(status).lines.map((l) => ({ ...l, pendingTransferId: l.lineId === LINE_A ? TRANSFER : second })),
    });

    it('waits for every transfer before the order moves on', () => {
      const first = transferArrived(twoTransfers('AWAITING_TRANSFER'), TRANSFER, now);
      expect(first.ok && first.state.status).toBe('AWAITING_TRANSFER');
      if (!first.ok) return;
      expect(first.state.lines[0]).toMatchObject({ pendingTransferId: null, sourceLocationId: 'S1' });
      expect(ofType(first.events, OrderTransferArrivedV1)).toEqual([expect.objectContaining({ transferId: TRANSFER, status: 'AWAITING_TRANSFER' })]);
      const last = transferArrived(first.state, second, now);
      expect(last.ok && last.state.status).toBe('RESERVED');
      expect(last.ok && ofType(last.events, OrderTransferArrivedV1)).toEqual([expect.objectContaining({ transferId: second, status: 'RESERVED' })]);
    });

    it('PARTIALLY_READY goes back to PICKING when the re-sourced units arrive', () => {
      const d = transferArrived(withPending(aPickupGroup('PARTIALLY_READY')), TRANSFER, now);
      expect(d.ok && d.state.status).toBe('PICKING');
      expect(d.ok && ofType(d.events, OrderTransferArrivedV1)).toEqual([expect.objectContaining({ status: 'PICKING' })]);
    });

    it('refuses a transfer the order is not waiting for', () => {
      expect(transferArrived(withPending(aPickupGroup('AWAITING_TRANSFER')), second, now)).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
    });
  });

  describe('picking', () => {
    const picking = () =>
      aPickupGroup('PICKING', { pickupCode: null, pickupDeadline: null, lines: aPickupGroup().lines.map((l) => ({ ...l, pickedQuantity: 0 })) });

    it('stays PICKING while lines are still to pick', () => {
      const d = recordPicks(picking(), [{ lineId: LINE_A, pickedQuantity: 2 }], newCode, ctx());
      expect(d.ok && d.state.status).toBe('PICKING');
      expect(d.ok && d.events).toEqual([]);
      expect(d.ok && d.state.lines.map((l) => l.pickedQuantity)).toEqual([2, 0]);
    });

    it('all picked: READY_FOR_PICKUP with a deadline of now + hold days, the code only in the notification, only its hash on the order', () => {
      const d = recordPicks(
        picking(),
        [
          { lineId: LINE_A, pickedQuantity: 2 },
          { lineId: LINE_B, pickedQuantity: 1 },
        ],
        newCode,
        ctx(),
      );
      expect(d.ok).toBe(true);
      if (!d.ok) return;
      expect(d.state).toMatchObject({
        status: 'READY_FOR_PICKUP',
        pickupDeadline: new Date('2026-11-27T10:00:00.000Z'),
        pickupCode: { hash: newCode.hash, salt: newCode.salt },
        failedCodeAttempts: 0,
      });
      expect(d.events.map((e) => e.def)).toEqual([OrderReadyForPickupV1, NotificationRequestedV2, NotificationRequestedV1]);
      expect(JSON.stringify(d.events[0].payload)).not.toContain(newCode.code);
      expect(ofType<NotificationRequestedV2Payload>(d.events, NotificationRequestedV2)[0]).toMatchObject({
        template: 'pickup-ready',
        pickupCode: newCode.code,
        pickupDeadline: '2026-11-27T10:00:00.000Z',
      });
      expectValidEvents(d.events);
    });

    it('fewer units than owed is a short pick: RESOURCING and order.short-picked with the missing units', () => {
      const d = recordPicks(
        picking(),
        [
          { lineId: LINE_A, pickedQuantity: 0 },
          { lineId: LINE_B, pickedQuantity: 1 },
        ],
        newCode,
        ctx(),
      );
      expect(d.ok && d.state.status).toBe('RESOURCING');
      expect(d.ok && ofType(d.events, OrderShortPickedV1)).toEqual([
        expect.objectContaining({ lines: [{ lineId: LINE_A, sku: 'SKU-A', missingQuantity: 2 }] }),
      ]);
    });

    it.each([
      [[{ lineId: '9d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a', pickedQuantity: 1 }], 'PICK.UNKNOWN_LINE'],
      [[{ lineId: LINE_A, pickedQuantity: 3 }], 'PICK.QUANTITY_EXCEEDED'],
    ])('refuses picks %j with %s', (picks, code) => {
      expect(recordPicks(picking(), picks, newCode, ctx())).toMatchObject({ ok: false, code });
    });
  });

  describe('short pick resolution', () => {
    // LINE_A: 2 owed, 1 picked, 1 missing.
    const resourcing = () => aPickupGroup('RESOURCING', { pickupCode: null, pickupDeadline: null });

    it('unavailable units are cancelled and refunded; what remains is ready', () => {
      const d = resolveShortPick(resourcing(), { resourced: [], unavailable: [{ lineId: LINE_A, quantity: 1 }] }, newCode, ctx());
      expect(d.ok).toBe(true);
      if (!d.ok) return;
      expect(d.state.status).toBe('READY_FOR_PICKUP');
      expect(d.state.lines[0]).toMatchObject({ cancelledQuantity: 1, pickedQuantity: 1 });
      expect(ofType(d.events, OrderLineCancelledV1)).toEqual([expect.objectContaining({ lineId: LINE_A, quantity: 1, reason: 'LINE.UNAVAILABLE' })]);
      expect(ofType(d.events, PaymentRefundRequestedV2)).toEqual([expect.objectContaining({ amount: 1000, reason: 'LINE.UNAVAILABLE' })]);
      expect(ofType<NotificationRequestedV2Payload>(d.events, NotificationRequestedV2).map((n) => n.template)).toEqual(['line-cancelled', 'pickup-ready']);
      expectValidEvents(d.events);
    });

    it('re-sourced units make the order PARTIALLY_READY with a delay notice', () => {
      const d = resolveShortPick(
        resourcing(),
        { resourced: [{ lineId: LINE_A, transferId: TRANSFER, expectedArrivalAt: new Date('2026-11-28T09:00:00.000Z') }], unavailable: [] },
        newCode,
        ctx(),
      );
      expect(d.ok && d.state).toMatchObject({ status: 'PARTIALLY_READY', readyBy: new Date('2026-11-28T09:00:00.000Z') });
      expect(d.ok && d.state.lines[0].pendingTransferId).toBe(TRANSFER);
      expect(d.ok && ofType<NotificationRequestedV2Payload>(d.events, NotificationRequestedV2).map((n) => n.template)).toEqual(['pickup-delayed']);
      expect(d.ok && ofType(d.events, OrderPartiallyReadyV1)).toEqual([
        expect.objectContaining({ waitingLines: [expect.objectContaining({ lineId: LINE_A, transferId: TRANSFER })] }),
      ]);
    });

    it('nothing left to hand over: CANCELLED by the system, every unit refunded once', () => {
      const o = { ...resourcing(), lines: resourcing().lines.map((l) => ({ ...l, pickedQuantity: 0 })) };
      const d = resolveShortPick(
        o,
        {
          resourced: [],
          unavailable: [
            { lineId: LINE_A, quantity: 2 },
            { lineId: LINE_B, quantity: 1 },
          ],
        },
        newCode,
        ctx(),
      );
      expect(d.ok && d.state).toMatchObject({ status: 'CANCELLED', cancelledBy: 'system' });
      expect(d.ok && ofType<PaymentRefundRequestedV2Payload>(d.events, PaymentRefundRequestedV2).map((r) => r.amount)).toEqual([2500]);
      expect(d.ok && ofType(d.events, OrderCancelledV1)).toHaveLength(1);
      if (d.ok) expectValidEvents(d.events);
    });
  });

  it('a store acts only on its own orders', () => {
    expect(checkStore(aPickupGroup(), 'S2')).toMatchObject({ ok: false, code: 'ORDER.WRONG_STORE' });
    expect(checkStore(aPickupGroup(), 'S1').ok).toBe(true);
  });
});
