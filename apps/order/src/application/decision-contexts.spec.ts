import { CapturedTenderPayload, event, PaymentRefundRequestedV2 } from '@omni/contracts';
import { Clock } from '@omni/platform';
import { OutboxWriter } from '@omni/messaging';
import { cancelOpenFulfilments } from '../domain/fulfilment';
import { anOrder, now } from '../domain/test/builders';
import { DecisionContexts } from './decision-contexts';
import { OrderWriter } from './order-writer';
import { CustomerPreferencesRepository } from './ports/customer-preferences.port';
import { OrderRepository } from './ports/order.port';
import { PaymentRequestRepository } from './ports/payment-request.port';

const ids = () => '00000000-0000-4000-8000-000000000001';
/** A web order the payment system captures itself (ids of its own: builders give every order the same). */
const guest = { ...anOrder(), id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a' };
const credit: CapturedTenderPayload = { tender: 'store-credit', amount: 1000, reference: 'C-1' };
const card: CapturedTenderPayload = { tender: 'card', amount: 1500, reference: 'T-1' };
/** Paid at the POS of S9 (25.00): 10.00 of store credit, then 15.00 by card. */
const prepaid = anOrder({ channel: 'pos', placedAtStoreId: 'S9', capturedTenders: [credit, card] });

describe('DecisionContexts made without facts', () => {
  it('note a notice asking for the customer’s channel, and answer none known', () => {
    const contexts = DecisionContexts.unread(now, ids);
    const d = cancelOpenFulfilments(guest, 'customer', 'changed my mind', contexts.for(guest));
    expect(d.ok && d.events.some((e) => e.def.type === 'notification.requested')).toBe(true);
    expect(contexts.askedUnread).toBe(true);
  });

  it('note a refund of an order paid at placing, but not of one the payment system captured', () => {
    const contexts = DecisionContexts.unread(now, ids);
    expect(contexts.for(guest).refundTenders(500)).toBeUndefined();
    expect(contexts.askedUnread).toBe(false);
    contexts.for(prepaid).refundTenders(500);
    expect(contexts.askedUnread).toBe(true);
  });
});

describe('DecisionContexts read', () => {
  const contexts = () =>
    DecisionContexts.read(now, ids, { channels: new Map([[prepaid.id, 'sms']]), refunded: new Map([[prepaid.id, new Map([['C-1', 400]])]]) });

  it("give each order its customer's channel, none known for another", () => {
    const c = contexts();
    expect(c.for(prepaid).contactChannel).toBe('sms');
    expect(c.for(guest).contactChannel).toBeNull();
  });

  it('split refunds over what earlier refunds left of the tenders, and over what a decision taken before in the transaction left', () => {
    const c = contexts();
    expect(c.for(prepaid).refundTenders(500)).toEqual([{ ...credit, amount: 500 }]);
    // Not taken: the next decision starts from what was read again.
    expect(c.for(prepaid).refundTenders(500)).toEqual([{ ...credit, amount: 500 }]);
    c.taken(prepaid, [
      event(PaymentRefundRequestedV2, {
        orderId: prepaid.id,
        fulfilmentId: null,
        refundId: ids(),
        amount: 600,
        currency: 'EUR',
        reason: 'ORDER.CANCELLED',
        requestedAt: now.toISOString(),
        tenders: [{ ...credit, amount: 600 }],
      }),
    ]);
    expect(c.for(prepaid).refundTenders(500)).toEqual([{ ...card, amount: 500 }]);
    expect(c.askedUnread).toBe(false);
  });
});

describe('OrderWriter.decideRun', () => {
  const reads = { channels: 0, refunds: 0 };
  const preferences = {
    preferredChannels: async (_m: unknown, orders: readonly { orderId: string }[]) => {
      reads.channels++;
      return new Map(orders.map((o) => [o.orderId, 'push' as const]));
    },
  } as unknown as CustomerPreferencesRepository;
  const payments = {
    refundedByReference: async () => {
      reads.refunds++;
      return new Map();
    },
  } as unknown as PaymentRequestRepository;
  const clock = { now: () => now } as Clock;
  const writer = new OrderWriter({} as OutboxWriter, clock, {} as OrderRepository, payments, preferences);
  const m = {} as never;
  beforeEach(() => Object.assign(reads, { channels: 0, refunds: 0 }));

  it('reads nothing for a run whose decisions ask for nothing, and decides it once', async () => {
    let passes = 0;
    const out = await writer.decideRun(m, [guest], (contexts) => (passes++, contexts.for(guest).now));
    expect([out, passes, reads]).toEqual([now, 1, { channels: 0, refunds: 0 }]);
  });

  it('reads the facts once and decides the run again when a decision asks, the second pass with them', async () => {
    const seen: (string | null)[] = [];
    await writer.decideRun(m, [guest, prepaid], (contexts) => seen.push(contexts.for(guest).contactChannel));
    expect(seen).toEqual([null, 'push']);
    expect(reads).toEqual({ channels: 1, refunds: 1 });
  });
});
