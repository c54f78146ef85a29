import {
  CapturedTenderPayload,
  event,
  PaymentCaptureRequestedV1,
  PaymentRefundRequestedV1,
  PaymentRefundRequestedV2,
  PaymentRefundRequestedV2Payload,
  PendingEvent,
} from '@omni/contracts';
import { splitRefundsOverTenders } from './refund-tenders';

const orderId = '6f1d8a3e-2b4c-4d5e-8f90-1a2b3c4d5e6f';
const refund = (amount: number, refundId = `00000000-0000-4000-8000-${String(amount).padStart(12, '0')}`): PendingEvent =>
  event(PaymentRefundRequestedV2, {
    orderId,
    fulfilmentId: null,
    refundId,
    amount,
    currency: 'EUR',
    reason: 'ORDER.CANCELLED',
    requestedAt: '2026-12-01T10:00:00.000Z',
  });
const credit: CapturedTenderPayload = { tender: 'store-credit', amount: 3000, reference: 'redemption-1' };
const card: CapturedTenderPayload = { tender: 'card', amount: 5000, reference: 'TERM-7-0042' };
const tendersOf = (events: readonly PendingEvent[]) =>
  events.filter((e) => e.def === PaymentRefundRequestedV2).map((e) => (e.payload as PaymentRefundRequestedV2Payload).tenders);

describe('splitRefundsOverTenders', () => {
  it.each([
    ['within the first tender', [credit, card], new Map(), 2000, [{ ...credit, amount: 2000 }]],
    ['across tenders, in capture order', [credit, card], new Map(), 4500, [credit, { ...card, amount: 1500 }]],
    [
      'after an earlier refund took part of the first tender',
      [credit, card],
      new Map([['redemption-1', 2500]]),
      1000,
      [
        { ...credit, amount: 500 },
        { ...card, amount: 500 },
      ],
    ],
    ['the whole order', [credit, card], new Map(), 8000, [credit, card]],
    [
      'more than the tenders still hold: the last one takes the rest',
      [credit, card],
      new Map([['TERM-7-0042', 5000]]),
      3500,
      [credit, { ...card, amount: 500 }],
    ],
  ] as [string, CapturedTenderPayload[], Map<string, number>, number, CapturedTenderPayload[]][])('%s', (_, captured, refunded, amount, expected) => {
    const [split] = tendersOf(splitRefundsOverTenders([refund(amount)], captured, refunded));
    expect(split).toEqual(expected);
    expect(split!.reduce((sum, t) => sum + t.amount, 0)).toBe(amount);
  });

  it('splits two refunds of one decision in turn, never taking a tender twice', () => {
    const events = splitRefundsOverTenders([refund(2000), refund(2000)], [credit, card], new Map());
    expect(tendersOf(events)).toEqual([
      [{ ...credit, amount: 2000 }],
      [
        { ...credit, amount: 1000 },
        { ...card, amount: 1000 },
      ],
    ]);
  });

  it('leaves an order the payment system captured itself, and every other event, as they are', () => {
    const capture = event(PaymentCaptureRequestedV1, { orderId, amount: 100, currency: 'EUR', requestedAt: '2026-12-01T10:00:00.000Z' });
    const v1 = event(PaymentRefundRequestedV1, {
      orderId,
      refundId: '00000000-0000-4000-8000-000000000001',
      amount: 100,
      currency: 'EUR',
      reason: 'ORDER.CANCELLED',
      requestedAt: '2026-12-01T10:00:00.000Z',
    });
    const v2 = refund(100);
    expect(splitRefundsOverTenders([capture, v1, v2], [], new Map())).toEqual([capture, v1, v2]);
    const [c, one, two] = splitRefundsOverTenders([capture, v1, v2], [card], new Map());
    expect([c, one]).toEqual([capture, v1]);
    expect((two.payload as PaymentRefundRequestedV2Payload).tenders).toEqual([{ ...card, amount: 100 }]);
  });
});
