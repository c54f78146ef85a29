import {
  CapturedTenderPayload,
  event,
  PaymentCaptureRequestedV1,
  PaymentRefundRequestedV1,
  PaymentRefundRequestedV2,
  PaymentRefundRequestedV2Payload,
  PendingEvent,
} from '@omni/contracts';
import { cancelOpenFulfilments } from './fulfilment';
import { refundedAfter, tenderLedger } from './refund-tenders';
import { anOrder, anOrderLine, aPickupFulfilment, ctxAt, now } from './test/builders';

const orderId = '6f1d8a3e-2b4c-4d5e-8f90-1a2b3c4d5e6f';
const refund = (amount: number, tenders?: CapturedTenderPayload[]): PendingEvent =>
  event(PaymentRefundRequestedV2, {
    orderId,
    fulfilmentId: null,
    refundId: `00000000-0000-4000-8000-${String(amount).padStart(12, '0')}`,
    amount,
    currency: 'EUR',
    reason: 'ORDER.CANCELLED',
    requestedAt: '2026-12-01T10:00:00.000Z',
    ...(tenders && { tenders }),
  });
const credit: CapturedTenderPayload = { tender: 'store-credit', amount: 3000, reference: 'redemption-1' };
const card: CapturedTenderPayload = { tender: 'card', amount: 5000, reference: 'TERM-7-0042' };
const tendersOf = (events: readonly PendingEvent[]) =>
  events.filter((e) => e.def === PaymentRefundRequestedV2).map((e) => (e.payload as PaymentRefundRequestedV2Payload).tenders);

describe('tenderLedger', () => {
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
    const split = tenderLedger(captured, refunded)(amount);
    expect(split).toEqual(expected);
    expect(split!.reduce((sum, t) => sum + t.amount, 0)).toBe(amount);
  });

  it('splits refunds in turn, never taking a tender twice, and leaves the map it was given untouched', () => {
    const refunded = new Map<string, number>();
    const ledger = tenderLedger([credit, card], refunded);
    expect([ledger(2000), ledger(2000)]).toEqual([
      [{ ...credit, amount: 2000 }],
      [
        { ...credit, amount: 1000 },
        { ...card, amount: 1000 },
      ],
    ]);
    expect(refunded.size).toBe(0);
  });

  it('names no tenders for an order the payment system captured itself', () => {
    expect(tenderLedger([], new Map())(100)).toBeUndefined();
  });
});

describe('refundedAfter', () => {
  it("adds a decision's refunds to what the order's tenders gave back; other events and version 1 count nothing", () => {
    const capture = event(PaymentCaptureRequestedV1, { orderId, amount: 100, currency: 'EUR', requestedAt: '2026-12-01T10:00:00.000Z' });
    const v1 = event(PaymentRefundRequestedV1, {
      orderId,
      refundId: '00000000-0000-4000-8000-000000000001',
      amount: 700,
      currency: 'EUR',
      reason: 'ORDER.CANCELLED',
      requestedAt: '2026-12-01T10:00:00.000Z',
    });
    const before = new Map([['redemption-1', 500]]);
    const after = refundedAfter(before, [
      capture,
      v1,
      refund(900, [
        { ...credit, amount: 400 },
        { ...card, amount: 500 },
      ]),
      refund(50),
    ]);
    expect(after).toEqual(
      new Map([
        ['redemption-1', 900],
        ['TERM-7-0042', 500],
      ]),
    );
    expect(before).toEqual(new Map([['redemption-1', 500]]));
  });
});

describe('refunds of a decision about an order paid at placing', () => {
  it("name the tenders the context's ledger gives, two groups' refunds in turn", () => {
    const groups = ['7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', '8b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e'].map((id, i) =>
      aPickupFulfilment({ id, status: 'ALLOCATED', lines: [anOrderLine({ lineId: `L${i}`, quantity: 1, unitPrice: 4000 })] }),
    );
    const order = { ...anOrder(), status: 'ALLOCATED' as const, fulfilments: groups, capturedTenders: [credit, card] };
    const d = cancelOpenFulfilments(order, 'customer', 'changed my mind', ctxAt(now, { refundTenders: tenderLedger(order.capturedTenders, new Map()) }));
    expect(d.ok).toBe(true);
    expect(d.ok && tendersOf(d.events)).toEqual([
      [
        { ...credit, amount: 3000 },
        { ...card, amount: 1000 },
      ],
      [{ ...card, amount: 4000 }],
    ]);
  });
});
