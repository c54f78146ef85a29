import {
  EventDefinition,
  NOTIFICATION_REQUESTS_TOPIC,
  ORDER_EVENTS_TOPIC,
  PaymentCaptureFailedV1,
  PaymentCapturedV1,
  PaymentRefundFailedV1,
} from '@omni/contracts';
import { eventually, http, Journey, journeyStack, mintToken, testEvent, tokens } from '@omni/testing';

/**
 * The payment system refuses a capture or a refund (payment.capture-failed, payment.refund-failed):
 * across the real order and inventory services and Kafka, the request is parked as FAILED with
 * the reason — in the order, in the operators' list and in the payment_requests_failed gauge —
 * never retried on its own, and sent again as it was when an operator says so.
 */
describe('payment requests the payment system refuses', () => {
  let operator: string;
  const store = Journey.id('S');

  const e2e = journeyStack(['order', 'inventory'], { topics: [ORDER_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC] });

  beforeAll(async () => {
    await e2e.j.location(store);
    operator = await mintToken({ sub: 'payments-desk-1', scope: 'payments:manage' });
  });

  const events = (orderId: string, type: string) => e2e.probe.on(ORDER_EVENTS_TOPIC, { key: orderId, type }).map((m) => JSON.parse(m.value ?? '{}'));
  const inject = <P>(def: EventDefinition<P>, payload: P) => e2e.probe.produce(def.topic, [testEvent(def, payload)]);
  const requestsOf = async (orderId: string) =>
    (await e2e.j.get(orderId)).payment.requests as { id: string; kind: string; status: string; failureReason: string | null; attempts: number }[];
  const failedList = async () =>
    (await http('GET', `${e2e.j.order}/payment-requests?status=FAILED`, undefined, {}, { token: operator })).body.requests as { id: string; orderId: string }[];
  const gauge = async (kind: string) => {
    const text = String((await http('GET', `${e2e.j.order}/metrics`, undefined, {}, { token: null })).body);
    return Number(new RegExp(`^payment_requests_failed\\{[^}]*kind="${kind}"[^}]*\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  };

  it('a refused capture is parked with its reason, listed and counted, and sent again when an operator retries it', async () => {
    const sku = Journey.id('SCARF');
    await e2e.j.receive(store, sku, 1);
    const placed = await e2e.j.place(store, [{ sku, quantity: 1, unitPrice: 2500 }]);
    await e2e.j.status(placed.id, 'RESERVED');
    await e2e.j.pickAll(store, placed.id);
    expect((await e2e.j.store(store).collect(placed.id, await e2e.j.pickupCode(placed.id))).status).toBe(200);
    await eventually(() => expect(events(placed.id, 'payment.capture-requested.v1')).toHaveLength(1));

    await inject(PaymentCaptureFailedV1, { orderId: placed.id, amount: 2500, currency: 'EUR', reason: 'CARD.DECLINED', failedAt: new Date().toISOString() });
    const [request] = await eventually(async () => {
      const r = await requestsOf(placed.id);
      expect(r).toEqual([expect.objectContaining({ kind: 'capture', status: 'FAILED', failureReason: 'CARD.DECLINED', attempts: 1 })]);
      return r;
    });
    expect((await failedList()).map((f) => f.id)).toContain(request.id);
    expect(await gauge('capture')).toBeGreaterThanOrEqual(1);
    // Parked: the order service asks nothing more of the payment system on its own.
    expect(events(placed.id, 'payment.capture-requested.v1')).toHaveLength(1);

    const retried = await http('POST', `${e2e.j.order}/payment-requests/${request.id}/retry`, undefined, {}, { token: operator });
    expect(retried).toMatchObject({ status: 202, body: { id: request.id, status: 'REQUESTED' } });
    await eventually(() => expect(events(placed.id, 'payment.capture-requested.v1').map((c) => c.amount)).toEqual([2500, 2500]));
    expect(await requestsOf(placed.id)).toEqual([expect.objectContaining({ id: request.id, status: 'REQUESTED', failureReason: null, attempts: 2 })]);
    expect((await failedList()).map((f) => f.id)).not.toContain(request.id);
    // Sent again once: a second retry is refused until the payment system answers.
    const again = await http('POST', `${e2e.j.order}/payment-requests/${request.id}/retry`, undefined, {}, { token: operator });
    expect([again.status, again.body.code]).toEqual([409, 'PAYMENT_REQUEST.NOT_FAILED']);

    await inject(PaymentCapturedV1, { orderId: placed.id, amount: 2500, currency: 'EUR', capturedAt: new Date().toISOString() });
    await eventually(async () => expect(await requestsOf(placed.id)).toEqual([expect.objectContaining({ status: 'DONE', attempts: 2 })]));
  });

  it('a refused refund is parked, and retried under the same refundId', async () => {
    const sku = Journey.id('GLOVES');
    await e2e.j.receive(store, sku, 1);
    const placed = await e2e.j.place(store, [{ sku, quantity: 1, unitPrice: 1800 }]);
    await e2e.j.status(placed.id, 'RESERVED');
    expect((await http('POST', `${e2e.j.order}/orders/${placed.id}/cancel`, { reason: 'CUSTOMER.REQUEST' })).status).toBe(200);
    const [refund] = await eventually(() => {
      const r = events(placed.id, 'payment.refund-requested.v2');
      expect(r).toHaveLength(1);
      return r;
    });

    await inject(PaymentRefundFailedV1, {
      orderId: placed.id,
      refundId: refund.refundId,
      amount: 1800,
      currency: 'EUR',
      reason: 'REFUND.TENDER_CLOSED',
      failedAt: new Date().toISOString(),
    });
    await eventually(async () =>
      expect(await requestsOf(placed.id)).toEqual([
        expect.objectContaining({ id: refund.refundId, kind: 'refund', status: 'FAILED', failureReason: 'REFUND.TENDER_CLOSED' }),
      ]),
    );
    expect(await gauge('refund')).toBeGreaterThanOrEqual(1);

    expect((await http('POST', `${e2e.j.order}/payment-requests/${refund.refundId}/retry`, undefined, {}, { token: operator })).status).toBe(202);
    await eventually(() =>
      expect(events(placed.id, 'payment.refund-requested.v2').map((r) => [r.refundId, r.amount, r.reason])).toEqual([
        [refund.refundId, 1800, 'ORDER.CANCELLED'],
        [refund.refundId, 1800, 'ORDER.CANCELLED'],
      ]),
    );
  });

  it('refuses what makes no sense, naming the field, and only to the payments desk', async () => {
    const wrongStatus = await http('GET', `${e2e.j.order}/payment-requests?status=DONE`, undefined, {}, { token: operator });
    expect([wrongStatus.status, wrongStatus.body.errors?.[0]?.field]).toEqual([400, 'status']);
    const notAnId = await http('POST', `${e2e.j.order}/payment-requests/not-a-uuid/retry`, undefined, {}, { token: operator });
    expect([notAnId.status, notAnId.body.code, notAnId.body.errors]).toEqual([
      400,
      'REQUEST.INVALID',
      [{ field: 'id', rule: 'isUuid', message: 'id must be a UUID' }],
    ]);
    const unknown = await http('POST', `${e2e.j.order}/payment-requests/6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c/retry`, undefined, {}, { token: operator });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'PAYMENT_REQUEST.NOT_FOUND']);
    const pos = await tokens.pos(store);
    expect((await http('GET', `${e2e.j.order}/payment-requests?status=FAILED`, undefined, {}, { token: pos })).status).toBe(403);
  });
});
