import {
  NotificationRequestedV1,
  NotificationRequestedV2,
  NotificationRequestedV2Payload,
  OrderCancelledV1,
  OrderCollectedV1,
  OrderConfirmedV1,
  OrderLineCancelledV1,
  OrderReadyForPickupV1,
  OrderShortPickedV1,
  PaymentCaptureRequestedV1,
  PaymentRefundRequestedV2,
  PaymentRefundRequestedV2Payload,
  OrderTransferArrivedV1,
  OrderPartiallyReadyV1,
  OrderPickupUnlockedV1,
  PendingEvent,
  schemaErrors,
} from '@omni/contracts';
import { Fulfilment, PICKUP_STATUSES, PickupStatus, placeOrder } from './order';
import { hashPickupCode, MAX_FAILED_CODE_ATTEMPTS } from './pickup-code';
import { cancelOrder, checkStore, collectOrder, collectWithIdentity, nameKey, confirmReservation, expireOrder, isFinal, NewPickupCode, PICKUP_TRANSITIONS, PICKUP_TRIGGERS, PickupTrigger, recordPicks, registerWrongCode, rejectOrder, remindPickup, resolveShortPick, startPicking, transferArrived, unlockPickup } from './pickup.machine';
import { DecisionContext } from './group-effects';
import { allocatePreorder, queuePreorder, releasePreorder } from './preorder.machine';

const placedAt = new Date('2026-11-23T10:00:00.000Z');
const now = new Date('2026-11-24T10:00:00.000Z');
const afterDeadline = new Date('2026-12-01T10:00:00.000Z');
const ORDER_ID = '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c';
const GROUP_ID = '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const LINE_A = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const LINE_B = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const TRANSFER = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a';
const CODE = 'K7M2Q9XZ';
const SALT = 'pepper';
const newCode: NewPickupCode = { code: 'ABCD2345', salt: 'salt-2', hash: hashPickupCode('ABCD2345', 'salt-2') };

function ctxAt(at: Date): DecisionContext {
  let n = 0;
  return { now: at, newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` };
}
const ctx = () => ctxAt(now);

/** A valid order in any state; a test states only what it is about. */
function anOrder(status: PickupStatus = 'PLACED', changes: Partial<Fulfilment> = {}): Fulfilment {
  const d = placeOrder(
    {
      channel: 'web',
      placedAtStoreId: null,
      customerId: 'c-1',
      contact: null,
      currency: 'EUR',
      fulfilments: [{ type: 'pickup', storeId: 'S1', lines: [{ sku: 'SKU-A', quantity: 2, unitPrice: 1000 }, { sku: 'SKU-B', quantity: 1, unitPrice: 500 }] }],
      capturedTenders: [],
    },
    { orderId: ORDER_ID, fulfilments: [{ fulfilmentId: GROUP_ID, lineIds: [LINE_A, LINE_B] }] },
    placedAt,
  );
  if (!d.ok) throw new Error('unreachable');
  const group = d.state.fulfilments[0];
  return {
    ...group,
    status,
    readyBy: new Date('2026-11-24T12:00:00.000Z'),
    pickupHoldDays: 3,
    pickupCode: { hash: hashPickupCode(CODE, SALT), salt: SALT },
    pickupDeadline: new Date('2026-11-27T10:00:00.000Z'),
    lines: group.lines.map((l) => ({ ...l, sourceLocationId: 'S1', pickedQuantity: l.lineId === LINE_A ? 1 : 1, pendingTransferId: null })),
    ...changes,
  };
}

const withPending = (o: Fulfilment): Fulfilment => ({ ...o, lines: o.lines.map((l) => (l.lineId === LINE_A ? { ...l, pendingTransferId: TRANSFER } : l)) });
const reservation = (transferId: string | null) => ({
  lines: [
    { lineId: LINE_A, sourceLocationId: transferId ? 'W1' : 'S1', transferId },
    { lineId: LINE_B, sourceLocationId: 'S1', transferId: null },
  ],
  readyBy: new Date('2026-11-26T12:00:00.000Z'),
  pickupHoldDays: 3,
});

/** One way to fire each trigger, with inputs that succeed whenever the table allows the trigger. */
const RELEASE = new Date('2026-11-30T00:00:00.000Z');
const asPreorder = (o: Fulfilment): Fulfilment => ({ ...o, releaseAt: RELEASE, lines: o.lines.map((l) => ({ ...l, sourceLocationId: null })) });
const FIRE: Record<PickupTrigger, (o: Fulfilment) => ReturnType<typeof startPicking>> = {
  preorder: (o) => queuePreorder(asPreorder(o), [{ lineId: LINE_A, position: 1, estimatedAt: null }, { lineId: LINE_B, position: 2, estimatedAt: null }], o.storeId!, ctx()),
  allocate: (o) => allocatePreorder(asPreorder(o), [{ lineId: LINE_A, sourceLocationId: 'S1', transferId: null }, { lineId: LINE_B, sourceLocationId: 'S1', transferId: null }], 3, newCode, ctx()),
  release: (o) => releasePreorder({ ...o, releaseAt: RELEASE }, newCode, ctxAt(afterDeadline)),
  reserve: (o) => confirmReservation(o, reservation(null), now),
  awaitTransfer: (o) => confirmReservation(o, reservation(TRANSFER), now),
  reject: (o) => rejectOrder(o, 'STOCK.INSUFFICIENT', ctx()),
  cancel: (o) => cancelOrder(o, 'customer', 'changed my mind', ctx()),
  transfersArrived: (o) => transferArrived(withPending(o), TRANSFER, now),
  startPicking: (o) => startPicking(o, now),
  pickedAll: (o) => recordPicks(o, [{ lineId: LINE_A, pickedQuantity: 2 }, { lineId: LINE_B, pickedQuantity: 1 }], newCode, ctx()),
  shortPick: (o) => recordPicks(o, [{ lineId: LINE_A, pickedQuantity: 1 }], newCode, ctx()),
  resolved: (o) => resolveShortPick(o, { resourced: [], unavailable: [{ lineId: LINE_A, quantity: 1 }] }, newCode, ctx()),
  collect: (o) => collectOrder(o, CODE, ctx()),
  expire: (o) => expireOrder(o, ctxAt(afterDeadline)),
};

function expectValidEvents(events: readonly PendingEvent[]) {
  for (const e of events) expect({ type: e.def.type, errors: schemaErrors(e.def, e.payload) }).toEqual({ type: e.def.type, errors: [] });
}

const ofType = <P>(events: readonly PendingEvent[], def: { type: string; version: number }) => events.filter((e) => e.def.type === def.type && e.def.version === def.version).map((e) => e.payload as P);

describe('pickup machine', () => {
  const pairs = PICKUP_STATUSES.flatMap((s) => PICKUP_TRIGGERS.map((t) => [s, t, PICKUP_TRANSITIONS[s][t] ?? null] as const));

  it.each(pairs)('from %s, %s leads to one of %j', (from, trigger, targets) => {
    const d = FIRE[trigger](anOrder(from));
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
      const d = confirmReservation(anOrder('PLACED', { readyBy: null, pickupHoldDays: null }), reservation(null), now);
      expect(d.ok && d.state).toMatchObject({ status: 'RESERVED', readyBy: new Date('2026-11-26T12:00:00.000Z'), pickupHoldDays: 3 });
      expect(d.ok && d.events.map((e) => e.def)).toEqual([OrderConfirmedV1]);
      expect(d.ok && d.events[0].payload).toMatchObject({ readyBy: '2026-11-26T12:00:00.000Z' });
    });

    it('reserved with a transfer: AWAITING_TRANSFER, the line remembers its source and transfer', () => {
      const d = confirmReservation(anOrder('PLACED'), reservation(TRANSFER), now);
      expect(d.ok && d.state.status).toBe('AWAITING_TRANSFER');
      expect(d.ok && d.state.lines[0]).toMatchObject({ sourceLocationId: 'W1', pendingTransferId: TRANSFER });
    });

    it('rejected: REJECTED and the full amount refunded', () => {
      const d = rejectOrder(anOrder('PLACED'), 'STOCK.INSUFFICIENT', ctx());
      expect(d.ok && d.state).toMatchObject({ status: 'REJECTED', rejectionReason: 'STOCK.INSUFFICIENT' });
      expect(d.ok && ofType<PaymentRefundRequestedV2Payload>(d.events, PaymentRefundRequestedV2)).toEqual([expect.objectContaining({ amount: 2500, reason: 'ORDER.REJECTED' })]);
    });
  });

  describe('transfers', () => {
    const second = '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b';
    const twoTransfers = (status: PickupStatus) => ({
      ...anOrder(status),
      lines: anOrder(status).lines.map((l) => ({ ...l, pendingTransferId: l.lineId === LINE_A ? TRANSFER : second })),
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
      const d = transferArrived(withPending(anOrder('PARTIALLY_READY')), TRANSFER, now);
      expect(d.ok && d.state.status).toBe('PICKING');
      expect(d.ok && ofType(d.events, OrderTransferArrivedV1)).toEqual([expect.objectContaining({ status: 'PICKING' })]);
    });

    it('refuses a transfer the order is not waiting for', () => {
      expect(transferArrived(withPending(anOrder('AWAITING_TRANSFER')), second, now)).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
    });
  });

  describe('picking', () => {
    const picking = () => anOrder('PICKING', { pickupCode: null, pickupDeadline: null, lines: anOrder().lines.map((l) => ({ ...l, pickedQuantity: 0 })) });

    it('stays PICKING while lines are still to pick', () => {
      const d = recordPicks(picking(), [{ lineId: LINE_A, pickedQuantity: 2 }], newCode, ctx());
      expect(d.ok && d.state.status).toBe('PICKING');
      expect(d.ok && d.events).toEqual([]);
      expect(d.ok && d.state.lines.map((l) => l.pickedQuantity)).toEqual([2, 0]);
    });

    it('all picked: READY_FOR_PICKUP with a deadline of now + hold days, the code only in the notification, only its hash on the order', () => {
      const d = recordPicks(picking(), [{ lineId: LINE_A, pickedQuantity: 2 }, { lineId: LINE_B, pickedQuantity: 1 }], newCode, ctx());
      expect(d.ok).toBe(true);
      if (!d.ok) return;
      expect(d.state).toMatchObject({ status: 'READY_FOR_PICKUP', pickupDeadline: new Date('2026-11-27T10:00:00.000Z'), pickupCode: { hash: newCode.hash, salt: newCode.salt }, failedCodeAttempts: 0 });
      expect(d.events.map((e) => e.def)).toEqual([OrderReadyForPickupV1, NotificationRequestedV2, NotificationRequestedV1]);
      expect(JSON.stringify(d.events[0].payload)).not.toContain(newCode.code);
      expect(ofType<NotificationRequestedV2Payload>(d.events, NotificationRequestedV2)[0]).toMatchObject({ template: 'pickup-ready', pickupCode: newCode.code, pickupDeadline: '2026-11-27T10:00:00.000Z' });
      expectValidEvents(d.events);
    });

    it('fewer units than owed is a short pick: RESOURCING and order.short-picked with the missing units', () => {
      const d = recordPicks(picking(), [{ lineId: LINE_A, pickedQuantity: 0 }, { lineId: LINE_B, pickedQuantity: 1 }], newCode, ctx());
      expect(d.ok && d.state.status).toBe('RESOURCING');
      expect(d.ok && ofType(d.events, OrderShortPickedV1)).toEqual([expect.objectContaining({ lines: [{ lineId: LINE_A, sku: 'SKU-A', missingQuantity: 2 }] })]);
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
    const resourcing = () => anOrder('RESOURCING', { pickupCode: null, pickupDeadline: null });

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
      const d = resolveShortPick(resourcing(), { resourced: [{ lineId: LINE_A, transferId: TRANSFER, expectedArrivalAt: new Date('2026-11-28T09:00:00.000Z') }], unavailable: [] }, newCode, ctx());
      expect(d.ok && d.state).toMatchObject({ status: 'PARTIALLY_READY', readyBy: new Date('2026-11-28T09:00:00.000Z') });
      expect(d.ok && d.state.lines[0].pendingTransferId).toBe(TRANSFER);
      expect(d.ok && ofType<NotificationRequestedV2Payload>(d.events, NotificationRequestedV2).map((n) => n.template)).toEqual(['pickup-delayed']);
      expect(d.ok && ofType(d.events, OrderPartiallyReadyV1)).toEqual([expect.objectContaining({ waitingLines: [expect.objectContaining({ lineId: LINE_A, transferId: TRANSFER })] })]);
    });

    it('nothing left to hand over: CANCELLED by the system, every unit refunded once', () => {
      const o = { ...resourcing(), lines: resourcing().lines.map((l) => ({ ...l, pickedQuantity: 0 })) };
      const d = resolveShortPick(o, { resourced: [], unavailable: [{ lineId: LINE_A, quantity: 2 }, { lineId: LINE_B, quantity: 1 }] }, newCode, ctx());
      expect(d.ok && d.state).toMatchObject({ status: 'CANCELLED', cancelledBy: 'system' });
      expect(d.ok && ofType<PaymentRefundRequestedV2Payload>(d.events, PaymentRefundRequestedV2).map((r) => r.amount)).toEqual([2500]);
      expect(d.ok && ofType(d.events, OrderCancelledV1)).toHaveLength(1);
      if (d.ok) expectValidEvents(d.events);
    });
  });

  describe('collection', () => {
    const ready = (changes: Partial<Fulfilment> = {}) => anOrder('READY_FOR_PICKUP', { lines: anOrder().lines.map((l) => ({ ...l, pickedQuantity: l.quantity })), ...changes });

    it('the right code: COLLECTED, order.collected and a capture of the collected units', () => {
      const d = collectOrder(ready(), CODE.toLowerCase(), ctx());
      expect(d.ok && d.state.status).toBe('COLLECTED');
      expect(d.ok && ofType(d.events, OrderCollectedV1)).toEqual([expect.objectContaining({ lines: [{ lineId: LINE_A, sku: 'SKU-A', quantity: 2 }, { lineId: LINE_B, sku: 'SKU-B', quantity: 1 }] })]);
      expect(d.ok && ofType(d.events, PaymentCaptureRequestedV1)).toEqual([expect.objectContaining({ amount: 2500, currency: 'EUR' })]);
    });

    it('a wrong code is refused and counted; after the limit even the right code is locked out', () => {
      expect(collectOrder(ready(), 'WRONG123', ctx())).toMatchObject({ ok: false, code: 'PICKUP.CODE_INVALID' });
      let o = ready();
      for (let i = 0; i < MAX_FAILED_CODE_ATTEMPTS; i++) o = registerWrongCode(o, now);
      expect(o.failedCodeAttempts).toBe(5);
      expect(collectOrder(o, CODE, ctx())).toMatchObject({ ok: false, code: 'PICKUP.LOCKED' });
    });

    it('a supervisor lifts the lock: the count starts again, the right code collects, the event records who and why', () => {
      let o = ready();
      for (let i = 0; i < MAX_FAILED_CODE_ATTEMPTS; i++) o = registerWrongCode(o, now);
      const d = unlockPickup(o, 'sup-7', 'ID card checked', ctx());
      if (!d.ok) throw new Error(d.code);
      expect(d.state).toMatchObject({ status: 'READY_FOR_PICKUP', failedCodeAttempts: 0 });
      expectValidEvents(d.events);
      expect(ofType(d.events, OrderPickupUnlockedV1)).toEqual([
        { fulfilmentId: GROUP_ID, orderId: ORDER_ID, storeId: 'S1', supervisorId: 'sup-7', reason: 'ID card checked', failedCodeAttempts: 5, unlockedAt: now.toISOString() },
      ]);
      expect(collectOrder(d.state, CODE, ctx())).toMatchObject({ ok: true, state: { status: 'COLLECTED' } });
    });

    it('refuses to unlock a pickup that is not locked, or not waiting for its customer', () => {
      const almost = registerWrongCode(ready(), now);
      expect(unlockPickup(almost, 'sup-7', 'x', ctx())).toMatchObject({ ok: false, code: 'PICKUP.NOT_LOCKED' });
      expect(unlockPickup(anOrder('RESERVED', { failedCodeAttempts: 5 }), 'sup-7', 'x', ctx())).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
      expect(unlockPickup(ready({ status: 'COLLECTED', failedCodeAttempts: 5 }), 'sup-7', 'x', ctx())).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
    });

    describe('without the code, against an identity document', () => {
      const check = { document: 'national-id' as const, documentNumberEnd: '7A21', nameOnDocument: 'MARTIN Adá', associateId: 'assoc-3' };

      it('hands the order over when the name is the order\'s, and publishes the document and the associate', () => {
        const d = collectWithIdentity(ready(), 'Ada Martin', check, ctx());
        if (!d.ok) throw new Error(d.code);
        expect(d.state.status).toBe('COLLECTED');
        expectValidEvents(d.events);
        expect(ofType(d.events, OrderCollectedV1)).toEqual([expect.objectContaining({ identityCheck: { document: 'national-id', documentNumberEnd: '7A21', associateId: 'assoc-3' } })]);
        expect(ofType(d.events, PaymentCaptureRequestedV1)).toEqual([expect.objectContaining({ amount: 2500 })]);
      });

      it('works on a pickup locked by wrong codes: the document is another proof', () => {
        let o = ready();
        for (let i = 0; i < MAX_FAILED_CODE_ATTEMPTS; i++) o = registerWrongCode(o, now);
        expect(collectWithIdentity(o, 'Ada Martin', check, ctx())).toMatchObject({ ok: true, state: { status: 'COLLECTED' } });
      });

      it('refuses another name, an order without a contact name, and an order not ready', () => {
        expect(collectWithIdentity(ready(), 'Ada Lovelace', check, ctx())).toMatchObject({ ok: false, code: 'PICKUP.IDENTITY_MISMATCH' });
        expect(collectWithIdentity(ready(), null, check, ctx())).toMatchObject({ ok: false, code: 'PICKUP.IDENTITY_UNVERIFIABLE' });
        expect(collectWithIdentity(ready(), ' - ', check, ctx())).toMatchObject({ ok: false, code: 'PICKUP.IDENTITY_UNVERIFIABLE' });
        expect(collectWithIdentity(anOrder('RESERVED'), 'Ada Martin', check, ctx())).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
      });

      it.each([
        ['Ada Martin', 'ADA MARTIN'],
        ['Adà  Martin-Dupont', 'martin dupont ada'],
        ['Zoë Ñúñez', 'Zoe Nunez'],
      ])('%s and %s are one name on a document', (a, b) => {
        expect(nameKey(a)).toBe(nameKey(b));
      });

      it('tells different names apart', () => {
        expect(nameKey('Ada Martin')).not.toBe(nameKey('Ada Martins'));
        expect(nameKey('Ada Martin')).not.toBe(nameKey('Ada'));
      });
    });

    it('captures only what was handed over when a line was cut', () => {
      const o = ready({ lines: ready().lines.map((l) => (l.lineId === LINE_A ? { ...l, pickedQuantity: 1, cancelledQuantity: 1 } : l)) });
      const d = collectOrder(o, CODE, ctx());
      expect(d.ok && ofType(d.events, PaymentCaptureRequestedV1)).toEqual([expect.objectContaining({ amount: 1500 })]);
    });
  });

  describe('expiry and cancellation', () => {
    it('refuses to expire before the deadline', () => {
      expect(expireOrder(anOrder('READY_FOR_PICKUP'), ctx())).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
    });

    it('expires after the deadline, refunding what was not cancelled, with a notice', () => {
      const o = anOrder('READY_FOR_PICKUP', { lines: anOrder().lines.map((l) => (l.lineId === LINE_A ? { ...l, cancelledQuantity: 1 } : l)) });
      const d = expireOrder(o, ctxAt(afterDeadline));
      expect(d.ok && d.state).toMatchObject({ status: 'EXPIRED', expiredAt: afterDeadline });
      expect(d.ok && ofType(d.events, PaymentRefundRequestedV2)).toEqual([expect.objectContaining({ amount: 1500, reason: 'ORDER.EXPIRED' })]);
      expect(d.ok && ofType<NotificationRequestedV2Payload>(d.events, NotificationRequestedV2).map((n) => n.template)).toEqual(['pickup-expired']);
    });

    describe('pickup reminders', () => {
      const DAY = 24 * 3600 * 1000;
      // Ready on the 24th at 10:00, deadline the 27th at 10:00, reminder due a day before: the 26th at 10:00.
      const ready = () => anOrder('READY_FOR_PICKUP', { readyAt: now });
      const at = (iso: string) => ctxAt(new Date(iso));

      it('reminds once, from a day before the deadline until it passes, without the pickup code', () => {
        expect(remindPickup(ready(), DAY, at('2026-11-26T09:59:59.999Z'))).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
        const d = remindPickup(ready(), DAY, at('2026-11-26T10:00:00.000Z'));
        if (!d.ok) throw new Error(d.code);
        expect(d.state).toMatchObject({ status: 'READY_FOR_PICKUP', remindedAt: new Date('2026-11-26T10:00:00.000Z') });
        const [v2] = ofType<NotificationRequestedV2Payload>(d.events, NotificationRequestedV2);
        expect(v2).toMatchObject({ template: 'pickup-reminder', pickupCode: null, pickupDeadline: '2026-11-27T10:00:00.000Z', storeId: 'S1' });
        expect(ofType(d.events, NotificationRequestedV1)).toEqual([expect.objectContaining({ template: 'pickup-reminder', notificationId: v2.notificationId })]);
        for (const e of d.events) expect(schemaErrors(e.def, e.payload)).toEqual([]);
        expect(remindPickup(d.state, DAY, at('2026-11-26T12:00:00.000Z'))).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
        expect(remindPickup(ready(), DAY, at('2026-11-27T10:00:00.000Z'))).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
      });

      it('does not remind a pickup that became ready after the reminder was due, nor one not ready', () => {
        expect(remindPickup(anOrder('READY_FOR_PICKUP', { readyAt: new Date('2026-11-26T10:00:00.000Z') }), DAY, at('2026-11-26T11:00:00.000Z'))).toMatchObject({ ok: false });
        for (const status of ['RESERVED', 'PICKING', 'COLLECTED', 'EXPIRED', 'CANCELLED'] as const) {
          expect(remindPickup(anOrder(status, { readyAt: now }), DAY, at('2026-11-26T11:00:00.000Z'))).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
        }
      });
    });

    it.each(['customer', 'store', 'system'] as const)('cancellation by the %s refunds the remaining amount and tells the customer', (by) => {
      const d = cancelOrder(anOrder('RESERVED'), by, 'why not', ctx());
      expect(d.ok && d.state).toMatchObject({ status: 'CANCELLED', cancelledBy: by, cancellationReason: 'why not' });
      expect(d.ok && ofType(d.events, OrderCancelledV1)).toEqual([expect.objectContaining({ cancelledBy: by, reason: 'why not' })]);
      expect(d.ok && ofType(d.events, PaymentRefundRequestedV2)).toEqual([expect.objectContaining({ amount: 2500, reason: 'ORDER.CANCELLED' })]);
      expect(d.ok && ofType<NotificationRequestedV2Payload>(d.events, NotificationRequestedV2).map((n) => n.template)).toEqual(['order-cancelled']);
    });
  });

  it('a store acts only on its own orders', () => {
    expect(checkStore(anOrder(), 'S2')).toMatchObject({ ok: false, code: 'ORDER.WRONG_STORE' });
    expect(checkStore(anOrder(), 'S1').ok).toBe(true);
  });
});
