import { event, isEvent } from './decision';
import { NotificationRequestedV2, PaymentRefundRequestedV2 } from './index';

describe('isEvent', () => {
  const refund = event(PaymentRefundRequestedV2, {
    orderId: 'o-1',
    fulfilmentId: 'f-1',
    refundId: 'r-1',
    amount: 1500,
    currency: 'EUR',
    reason: 'ORDER.CANCELLED',
    requestedAt: '2026-11-24T10:00:00.000Z',
  });

  it('tells an event by its definition, so its payload is typed without a cast', () => {
    const events = [refund];
    const amounts = events.flatMap((e) => (isEvent(e, PaymentRefundRequestedV2) ? [e.payload.amount] : []));
    expect(amounts).toEqual([1500]);
  });

  it('is false for an event of another definition', () => {
    expect(isEvent(refund, NotificationRequestedV2)).toBe(false);
  });
});
