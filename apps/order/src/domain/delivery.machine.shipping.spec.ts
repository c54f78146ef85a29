import { NotificationRequestedV2Payload, OrderCancelledPayload, OrderShippedPayload, PaymentRefundRequestedV2Payload } from '@omni/contracts';
import { cancelDelivery, failDelivery, shipDelivery } from './delivery.machine';
import { cancelOpenFulfilments } from './fulfilment';
import { withFulfilment, withStatus } from './order';
import { asPickup, ctx, GROUP_ID as GROUP, LINE_A as A, LINE_B as B, now, ORDER_ID as ORDER } from './test/builders';
import { aDelivery, aMixedOrder, ofType } from './test/delivery-fixtures';

/**
 * How a delivery ends: shipping (carrier, tracking, the capture), a failed or lost parcel, the
 * refunds and notifications going out in both versions (ADR 0005), and cancellation. The
 * transition table and the steps before shipping: delivery.machine.spec.ts.
 */

describe('delivery machine', () => {
  describe('shipping', () => {
    it('records carrier and tracking, requests the capture of the group and tells the customer', () => {
      const d = shipDelivery(aDelivery('PACKED'), 'Colissimo', 'TRK1', ctx());
      expect(d.ok).toBe(true);
      if (!d.ok) return;
      expect(d.state).toMatchObject({ status: 'SHIPPED', carrier: 'Colissimo', trackingNumber: 'TRK1', shippedAt: now });
      expect(ofType<OrderShippedPayload>(d.events, 'order.shipped.v1')[0]).toMatchObject({
        fulfilmentId: GROUP,
        locationId: 'W1',
        lines: [
          { lineId: A, sku: 'SKU-A', quantity: 2 },
          { lineId: B, sku: 'SKU-B', quantity: 1 },
        ],
      });
      expect(ofType(d.events, 'payment.capture-requested.v1')).toEqual([expect.objectContaining({ orderId: ORDER, fulfilmentId: GROUP, amount: 2500 })]);
      expect(ofType<NotificationRequestedV2Payload>(d.events, 'notification.requested.v2')).toEqual([
        expect.objectContaining({ template: 'order-shipped', carrier: 'Colissimo', trackingNumber: 'TRK1' }),
      ]);
    });

    it('captures nothing when the order was paid at the POS', () => {
      const d = shipDelivery(aDelivery('PACKED', true), 'Colissimo', 'TRK1', ctx());
      expect(d.ok && ofType(d.events, 'payment.capture-requested.v1')).toEqual([]);
    });
  });

  describe('after shipping', () => {
    it('a refused or lost parcel is recorded and refunded', () => {
      const d = failDelivery(aDelivery('SHIPPED'), 'DELIVERY.LOST', ctx());
      expect(d.ok && d.state).toMatchObject({ status: 'DELIVERY_FAILED', deliveryFailure: 'DELIVERY.LOST' });
      expect(d.ok && ofType<PaymentRefundRequestedV2Payload>(d.events, 'payment.refund-requested.v2')).toEqual([
        expect.objectContaining({ amount: 2500, reason: 'DELIVERY.LOST', fulfilmentId: GROUP }),
      ]);
      expect(d.ok && ofType<NotificationRequestedV2Payload>(d.events, 'notification.requested.v2').map((n) => n.template)).toEqual(['delivery-failed']);
    });

    it('a shipped parcel can no longer be cancelled', () => {
      expect(cancelDelivery(aDelivery('SHIPPED'), 'customer', 'too late', ctx())).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
    });
  });

  describe('both versions while consumers move (ADR 0005)', () => {
    it('a refund version 1 can say goes out in both versions with one refundId; a notification too', () => {
      const d = cancelDelivery(aDelivery('RESERVED'), 'customer', 'changed my mind', ctx());
      const v1 = ofType<{ refundId: string }>(d.ok ? d.events : [], 'payment.refund-requested.v1');
      const v2 = ofType<{ refundId: string }>(d.ok ? d.events : [], 'payment.refund-requested.v2');
      expect(v1.map((r) => r.refundId)).toEqual(v2.map((r) => r.refundId));
      expect(v1).toHaveLength(1);
      const n1 = ofType<{ notificationId: string }>(d.ok ? d.events : [], 'notification.requested.v1');
      expect(n1.map((n) => n.notificationId)).toEqual(
        ofType<{ notificationId: string }>(d.ok ? d.events : [], 'notification.requested.v2').map((n) => n.notificationId),
      );
    });

    it('what version 1 cannot say goes out in version 2 only: a failed delivery, a template it lacks, no location yet', () => {
      const failed = failDelivery(aDelivery('SHIPPED'), 'DELIVERY.REFUSED', ctx());
      expect(ofType(failed.ok ? failed.events : [], 'payment.refund-requested.v1')).toEqual([]);
      expect(ofType(failed.ok ? failed.events : [], 'notification.requested.v1')).toEqual([]);
      const early = cancelDelivery(aDelivery('PLACED'), 'customer', 'changed my mind', ctx());
      expect(ofType(early.ok ? early.events : [], 'notification.requested.v1')).toEqual([]);
      expect(ofType(early.ok ? early.events : [], 'notification.requested.v2')).toEqual([
        expect.objectContaining({ storeId: null, template: 'order-cancelled' }),
      ]);
    });
  });

  describe('cancellation', () => {
    it('before a location was chosen names no location, releases the group and refunds it', () => {
      const d = cancelDelivery(aDelivery('PLACED'), 'customer', 'changed my mind', ctx());
      expect(d.ok && ofType<OrderCancelledPayload>(d.events, 'order.cancelled.v1')).toEqual([
        expect.objectContaining({ fulfilmentId: GROUP, storeId: 'UNASSIGNED', lineIds: [A, B] }),
      ]);
      expect(d.ok && ofType<PaymentRefundRequestedV2Payload>(d.events, 'payment.refund-requested.v2').map((r) => r.amount)).toEqual([2500]);
    });

    it("a customer's cancel cancels what can still be cancelled and leaves a shipped group alone", () => {
      const o = aMixedOrder();
      const shipped = withFulfilment(o, aDelivery('SHIPPED'), now);
      const d = cancelOpenFulfilments(shipped, 'customer', 'CUSTOMER.REQUEST', ctx());
      expect(d.ok && d.state.fulfilments.map((f) => [f.type, f.status])).toEqual([
        ['delivery', 'SHIPPED'],
        ['pickup', 'CANCELLED'],
      ]);
      expect(d.ok && d.state.status).toBe('IN_PROGRESS');
    });

    it('refuses when nothing can be cancelled any more', () => {
      const o = withFulfilment(
        withFulfilment(aMixedOrder(), aDelivery('DELIVERED'), now),
        withStatus(asPickup(aMixedOrder().fulfilments[1]), 'COLLECTED'),
        now,
      );
      expect(o.status).toBe('COMPLETED');
      expect(cancelOpenFulfilments(o, 'customer', 'late', ctx())).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
    });
  });
});
