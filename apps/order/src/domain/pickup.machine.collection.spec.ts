import {
  NotificationRequestedV1,
  NotificationRequestedV2,
  NotificationRequestedV2Payload,
  OrderCancelledV1,
  OrderCollectedV1,
  PaymentCaptureRequestedV1,
  PaymentRefundRequestedV2,
  OrderPickupUnlockedV1,
  schemaErrors,
} from '@omni/contracts';
import { PickupFulfilment } from './order';
import { MAX_FAILED_CODE_ATTEMPTS } from './pickup-code';
import { cancelOrder, expireOrder, remindPickup } from './pickup.machine';
import { collectOrder, collectWithIdentity, nameKey, registerWrongCode, unlockPickup } from './pickup-collection';
import { afterDeadline, aPickupGroup, CODE, ctx, ctxAt, expectValidEvents, GROUP_ID, LINE_A, LINE_B, now, ofType, ORDER_ID } from './test/pickup-fixtures';
import { withLineChanges } from './test/builders';

/**
 * How a pickup ends: collection at the counter (the code, the lock after wrong codes and its
 * supervisor unlock, an identity document instead of the code), expiry after the deadline with
 * the reminder before it, and cancellation. The transition table and the steps before the
 * counter: pickup.machine.spec.ts.
 */

describe('pickup machine', () => {
  describe('collection', () => {
    const ready = (changes: Partial<PickupFulfilment> = {}) =>
      aPickupGroup('READY_FOR_PICKUP', { lines: aPickupGroup().lines.map((l) => ({ ...l, pickedQuantity: l.quantity })), ...changes });

    it('the right code: COLLECTED, order.collected and a capture of the collected units', () => {
      const d = collectOrder(ready(), CODE.toLowerCase(), ctx());
      expect(d.ok && d.state.status).toBe('COLLECTED');
      expect(d.ok && ofType(d.events, OrderCollectedV1)).toEqual([
        expect.objectContaining({
          lines: [
            { lineId: LINE_A, sku: 'SKU-A', quantity: 2 },
            { lineId: LINE_B, sku: 'SKU-B', quantity: 1 },
          ],
        }),
      ]);
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
        {
          fulfilmentId: GROUP_ID,
          orderId: ORDER_ID,
          storeId: 'S1',
          supervisorId: 'sup-7',
          reason: 'ID card checked',
          failedCodeAttempts: 5,
          unlockedAt: now.toISOString(),
        },
      ]);
      expect(collectOrder(d.state, CODE, ctx())).toMatchObject({ ok: true, state: { status: 'COLLECTED' } });
    });

    it('refuses to unlock a pickup that is not locked, or not waiting for its customer', () => {
      const almost = registerWrongCode(ready(), now);
      expect(unlockPickup(almost, 'sup-7', 'x', ctx())).toMatchObject({ ok: false, code: 'PICKUP.NOT_LOCKED' });
      expect(unlockPickup(aPickupGroup('RESERVED', { failedCodeAttempts: 5 }), 'sup-7', 'x', ctx())).toMatchObject({
        ok: false,
        code: 'ORDER.INVALID_TRANSITION',
      });
      expect(unlockPickup(ready({ status: 'COLLECTED', failedCodeAttempts: 5 }), 'sup-7', 'x', ctx())).toMatchObject({
        ok: false,
        code: 'ORDER.INVALID_TRANSITION',
      });
    });

    describe('without the code, against an identity document', () => {
      const check = { document: 'national-id' as const, documentNumberEnd: '7A21', nameOnDocument: 'MARTIN Adá', associateId: 'assoc-3' };

      it("hands the order over when the name is the order's, and publishes the document and the associate", () => {
        const d = collectWithIdentity(ready(), 'Ada Martin', check, ctx());
        if (!d.ok) throw new Error(d.code);
        expect(d.state.status).toBe('COLLECTED');
        expectValidEvents(d.events);
        expect(ofType(d.events, OrderCollectedV1)).toEqual([
          expect.objectContaining({ identityCheck: { document: 'national-id', documentNumberEnd: '7A21', associateId: 'assoc-3' } }),
        ]);
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
        expect(collectWithIdentity(aPickupGroup('RESERVED'), 'Ada Martin', check, ctx())).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
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
      const o = withLineChanges(ready(), { [LINE_A]: { pickedQuantity: 1, cancelledQuantity: 1 } });
      const d = collectOrder(o, CODE, ctx());
      expect(d.ok && ofType(d.events, PaymentCaptureRequestedV1)).toEqual([expect.objectContaining({ amount: 1500 })]);
    });
  });

  describe('expiry and cancellation', () => {
    it('refuses to expire before the deadline', () => {
      expect(expireOrder(aPickupGroup('READY_FOR_PICKUP'), ctx())).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
    });

    it('expires after the deadline, refunding what was not cancelled, with a notice', () => {
      const o = withLineChanges(aPickupGroup('READY_FOR_PICKUP'), { [LINE_A]: { cancelledQuantity: 1 } });
      const d = expireOrder(o, ctxAt(afterDeadline));
      expect(d.ok && d.state).toMatchObject({ status: 'EXPIRED', expiredAt: afterDeadline });
      expect(d.ok && ofType(d.events, PaymentRefundRequestedV2)).toEqual([expect.objectContaining({ amount: 1500, reason: 'ORDER.EXPIRED' })]);
      expect(d.ok && ofType<NotificationRequestedV2Payload>(d.events, NotificationRequestedV2).map((n) => n.template)).toEqual(['pickup-expired']);
    });

    describe('pickup reminders', () => {
      const DAY = 24 * 3600 * 1000;
      // Ready on the 24th at 10:00, deadline the 27th at 10:00, reminder due a day before: the 26th at 10:00.
      const ready = () => aPickupGroup('READY_FOR_PICKUP', { readyAt: now });
      const at = (iso: string) => ctxAt(new Date(iso));

      it('reminds once, from a day before the deadline until it passes, without the pickup code', () => {
        expect(remindPickup(ready(), DAY, at('2026-11-26T09:59:59.999Z'))).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
        const d = remindPickup(ready(), DAY, at('2026-11-26T10:00:00.000Z'));
        if (!d.ok) throw new Error(d.code);
        expect(d.state).toMatchObject({ status: 'READY_FOR_PICKUP', remindedAt: new Date('2026-11-26T10:00:00.000Z') });
        const [v2] = ofType<NotificationRequestedV2Payload>(d.events, NotificationRequestedV2);
        expect(v2).toMatchObject({ template: 'pickup-reminder', pickupCode: null, pickupDeadline: '2026-11-27T10:00:00.000Z', storeId: 'S1' });
        expect(ofType(d.events, NotificationRequestedV1)).toEqual([
          expect.objectContaining({ template: 'pickup-reminder', notificationId: v2.notificationId }),
        ]);
        for (const e of d.events) expect(schemaErrors(e.def, e.payload)).toEqual([]);
        expect(remindPickup(d.state, DAY, at('2026-11-26T12:00:00.000Z'))).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
        expect(remindPickup(ready(), DAY, at('2026-11-27T10:00:00.000Z'))).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
      });

      it('does not remind a pickup that became ready after the reminder was due, nor one not ready', () => {
        expect(
          remindPickup(aPickupGroup('READY_FOR_PICKUP', { readyAt: new Date('2026-11-26T10:00:00.000Z') }), DAY, at('2026-11-26T11:00:00.000Z')),
        ).toMatchObject({ ok: false });
        for (const status of ['RESERVED', 'PICKING', 'COLLECTED', 'EXPIRED', 'CANCELLED'] as const) {
          expect(remindPickup(aPickupGroup(status, { readyAt: now }), DAY, at('2026-11-26T11:00:00.000Z'))).toMatchObject({
            ok: false,
            code: 'ORDER.INVALID_TRANSITION',
          });
        }
      });
    });

    it.each(['customer', 'store', 'system'] as const)('cancellation by the %s refunds the remaining amount and tells the customer', (by) => {
      const d = cancelOrder(aPickupGroup('RESERVED'), by, 'why not', ctx());
      expect(d.ok && d.state).toMatchObject({ status: 'CANCELLED', cancelledBy: by, cancellationReason: 'why not' });
      expect(d.ok && ofType(d.events, OrderCancelledV1)).toEqual([expect.objectContaining({ cancelledBy: by, reason: 'why not' })]);
      expect(d.ok && ofType(d.events, PaymentRefundRequestedV2)).toEqual([expect.objectContaining({ amount: 2500, reason: 'ORDER.CANCELLED' })]);
      expect(d.ok && ofType<NotificationRequestedV2Payload>(d.events, NotificationRequestedV2).map((n) => n.template)).toEqual(['order-cancelled']);
    });
  });
});
