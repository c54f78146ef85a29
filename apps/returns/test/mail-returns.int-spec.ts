import { PAYMENT_EVENTS_TOPIC, PaymentRefundedV1, RETURNS_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, expectValidAgainstAsyncApi, http, mintToken, Stack, testEvent, tokens } from '@omni/testing';
import { ReturnsDriver, startReturnsStack, stopReturnsStack, uniq } from './returns.harness';

/**
 * A return by mail (journey 3, docs/returns.md "By mail") on real Kafka and PostgreSQL: the
 * customer starts it online and gets the stand-in carrier's label, the carrier reports the parcel
 * on its way, the warehouse scans it in and inspects it, and only then is it refunded — exactly as
 * a return at a store, restocked where it was received.
 */
describe('returns by mail with a carrier label', () => {
  let stack: Stack;
  let d: ReturnsDriver;
  const returnsUrl = () => stack.services.returns.url;

  beforeAll(async () => ({ stack, d } = await startReturnsStack({ CARRIER_TRACKING_URL: 'https://track.example/parcels' })));
  afterAll(() => stopReturnsStack(stack, d));

  it('labels the parcel, tracks it, and refunds it only once it is received and inspected, once under every retry', async () => {
    const sku = uniq('PARKA');
    const o = await d.place({
      lines: [{ sku, quantity: 1, unitPrice: 18900 }],
      delivery: true,
      capturedTenders: [{ tender: 'card', amount: 18900, reference: 'PSP-MAIL-1' }],
    });
    await d.deliver(o);
    const lineId = o.lines[0].lineId;
    const [wh, other] = [await d.location(uniq('WH')), await d.location(uniq('S'))];
    const customer = await mintToken({ sub: `customer:${o.customerId}`, customer_id: o.customerId!, channel: 'web', scope: 'orders:read returns:request' });
    const authorise = (body: Record<string, unknown>) =>
      http('POST', `${returnsUrl()}/return-authorisations`, { orderId: o.orderId, lines: [{ lineId, quantity: 1 }], ...body }, {}, { token: customer });

    // Bad input names the field and the rule, and labels nothing.
    const noReturnTo = await authorise({ method: 'mail' });
    expect([noReturnTo.status, noReturnTo.body.errors]).toEqual([400, [expect.objectContaining({ field: 'returnTo', rule: 'requiredWithMail' })]]);
    const pigeon = await authorise({ method: 'pigeon', returnTo: wh });
    expect([pigeon.status, pigeon.body.errors[0].field]).toEqual([400, 'method']);
    const badLocation = await authorise({ method: 'mail', returnTo: 'WH 1!' });
    expect([badLocation.status, badLocation.body.errors[0].field]).toEqual([400, 'returnTo']);
    const dropOffTo = await authorise({ returnTo: wh });
    expect([dropOffTo.status, dropOffTo.body.errors[0]]).toEqual([400, expect.objectContaining({ field: 'returnTo', rule: 'onlyWithMail' })]);

    // The label comes back with the authorisation.
    const ra = await authorise({ method: 'mail', returnTo: wh });
    expect(ra.status).toBe(201);
    const tracking: string = ra.body.parcel.trackingNumber;
    expect(ra.body).toMatchObject({
      status: 'OPEN',
      method: 'mail',
      parcel: {
        carrier: 'stand-in',
        labelNumber: expect.stringMatching(/^SIL-[0-9A-F]{12}$/),
        trackingNumber: expect.stringMatching(/^SI[0-9A-F]{16}$/),
        trackingUrl: `https://track.example/parcels/${tracking}`,
        returnTo: wh,
        status: 'LABEL_ISSUED',
        receivedBy: null,
      },
    });
    await eventually(() =>
      expect(d.events(o.orderId, 'return.label-issued')).toEqual([
        expect.objectContaining({
          authorisationId: ra.body.id,
          code: ra.body.code,
          carrier: 'stand-in',
          trackingNumber: tracking,
          trackingUrl: ra.body.parcel.trackingUrl,
          returnTo: wh,
        }),
      ]),
    );

    // Not received yet: the warehouse cannot inspect, nothing is refunded or counted as returned.
    const receiver = await tokens.pos(wh, 'receiver-1');
    const inspect = (storeId: string, token: string, requestId = uniq('rc')) =>
      // No channel given: a parcel's units are recorded as come back by mail.
      d.returnAt(
        storeId,
        { requestId, authorisationCode: ra.body.code, lines: [{ lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' },
        { token },
      );
    const tooEarly = await inspect(wh, receiver);
    expect([tooEarly.status, tooEarly.body.code]).toEqual([409, 'RETURN.PARCEL_NOT_RECEIVED']);

    // The carrier reports; bad reports are refused, repeated and late ones change nothing.
    const carrier = await tokens.carrier('stand-in');
    const report = (status: string, at: string, number = tracking, headers: Record<string, string> = {}) =>
      http('POST', `${returnsUrl()}/parcels/${number}/tracking`, { status, at }, headers, { token: carrier });
    const t1 = new Date(Date.now() - 3600_000).toISOString();
    const t2 = new Date(Date.now() - 600_000).toISOString();
    expect((await report('LOST', t1)).body.errors[0]).toMatchObject({ field: 'status' });
    expect((await report('IN_TRANSIT', 'yesterday')).body.errors[0]).toMatchObject({ field: 'at' });
    const unknown = await report('IN_TRANSIT', t1, 'SI0000000000000000');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'PARCEL.NOT_FOUND']);
    expect((await http('POST', `${returnsUrl()}/parcels/${tracking}/tracking`, { status: 'IN_TRANSIT', at: t1 }, {}, { token: customer })).status).toBe(403);
    const inTransit = await report('IN_TRANSIT', t1, tracking, { 'idempotency-key': uniq('carrier') });
    expect([inTransit.status, inTransit.body.parcel.status]).toEqual([200, 'IN_TRANSIT']);
    const delivered = await report('DELIVERED', t2);
    expect(delivered.body.parcel).toMatchObject({
      status: 'DELIVERED',
      history: [{ status: 'LABEL_ISSUED' }, { status: 'IN_TRANSIT', at: t1 }, { status: 'DELIVERED', at: t2 }],
    });
    for (const [status, at] of [
      ['IN_TRANSIT', t1],
      ['DELIVERED', t2],
      ['DELIVERED', t2],
    ])
      expect((await report(status, at)).body.parcel.status).toBe('DELIVERED');
    await eventually(() =>
      expect(d.events(o.orderId, 'return.parcel-tracked').map((e) => [e.status, e.at])).toEqual([
        ['IN_TRANSIT', t1],
        ['DELIVERED', t2],
      ]),
    );

    // Delivered is not received: still no inspection.
    const stillEarly = await inspect(wh, receiver);
    expect([stillEarly.status, stillEarly.body.code]).toEqual([409, 'RETURN.PARCEL_NOT_RECEIVED']);
    expect(d.events(o.orderId, 'return.refund-requested')).toEqual([]);
    expect((await d.order(o.orderId)).body.lines[0]).toMatchObject({ returned: 0 });

    // The warehouse scans it in: once, however often it scans; no other location can.
    const receipt = (storeId: string, token: string) => http('POST', `${returnsUrl()}/stores/${storeId}/parcels/${tracking}/receipt`, undefined, {}, { token });
    const otherPos = await tokens.pos(other);
    expect((await receipt(wh, otherPos)).status).toBe(403);
    const received = await receipt(wh, receiver);
    expect(received.status).toBe(200);
    expect(received.body.parcel).toMatchObject({ status: 'RECEIVED', receivedBy: wh, receivedAt: expect.any(String) });
    expect((await receipt(wh, await tokens.pos(wh, 'receiver-2'))).body.parcel).toMatchObject({
      status: 'RECEIVED',
      receivedAt: received.body.parcel.receivedAt,
    });
    const elsewhere = await receipt(other, otherPos);
    expect([elsewhere.status, elsewhere.body.code]).toEqual([409, 'PARCEL.RECEIVED_ELSEWHERE']);
    expect((await report('DELIVERED', t2)).body.parcel.status).toBe('RECEIVED');
    await eventually(() =>
      expect(d.events(o.orderId, 'return.parcel-received')).toEqual([
        expect.objectContaining({ trackingNumber: tracking, locationId: wh, associateId: 'receiver-1' }),
      ]),
    );

    // Inspected where it was received, it is refunded exactly as at a store; a retry answers the same return.
    const wrongPlace = await inspect(other, otherPos);
    expect([wrongPlace.status, wrongPlace.body.code]).toEqual([409, 'RETURN.PARCEL_RECEIVED_ELSEWHERE']);
    const requestId = uniq('rc');
    const inspected = await inspect(wh, receiver, requestId);
    expect(inspected.status).toBe(201);
    expect(inspected.body).toMatchObject({
      kind: 'return',
      status: 'COMPLETED',
      channel: 'mail',
      storeId: wh,
      associateId: 'receiver-1',
      authorisationId: ra.body.id,
      refundAmount: 18900,
    });
    const again = await inspect(wh, receiver, requestId);
    expect([again.status, again.body.id]).toEqual([200, inspected.body.id]);
    const [refund] = await eventually(() => {
      const r = d.events(o.orderId, 'return.refund-requested');
      expect(r).toEqual([expect.objectContaining({ returnId: inspected.body.id, tenders: [{ tender: 'card', amount: 18900, reference: 'PSP-MAIL-1' }] })]);
      return r;
    });
    await d.probe.produce(PAYMENT_EVENTS_TOPIC, [
      testEvent(PaymentRefundedV1, { orderId: o.orderId, refundId: refund.refundId, amount: 18900, currency: 'EUR', refundedAt: new Date().toISOString() }),
    ]);
    await eventually(async () =>
      expect((await d.getReturn(inspected.body.id)).refunds).toEqual([expect.objectContaining({ amount: 18900, settledAt: expect.any(String) })]),
    );
    // Restocked at the warehouse that received it.
    await eventually(async () => expect(await d.stock(wh, sku)).toMatchObject({ onHand: 1, available: 1 }));
    const used = await http('GET', `${returnsUrl()}/return-authorisations/${ra.body.code}`, undefined, {}, { token: receiver });
    expect(used.body).toMatchObject({ status: 'USED', returnId: inspected.body.id, parcel: { status: 'RECEIVED', receivedBy: wh } });

    // After every retry: one of each fact, each valid against the AsyncAPI document.
    await eventually(() => expect(d.events(o.orderId, 'return.completed')).toHaveLength(1));
    const counts = new Map<string, number>();
    for (const type of ['return.label-issued', 'return.parcel-tracked', 'return.parcel-received', 'return.completed', 'return.refund-requested'])
      counts.set(type, d.events(o.orderId, type).length);
    expect(Object.fromEntries(counts)).toEqual({
      'return.label-issued': 1,
      'return.parcel-tracked': 2,
      'return.parcel-received': 1,
      'return.completed': 1,
      'return.refund-requested': 1,
    });
    expectValidAgainstAsyncApi(d.probe.on(RETURNS_EVENTS_TOPIC, { key: o.orderId }));
  });

  it('keeps a drop-off return as it was: no label, refunded at the store that takes it', async () => {
    const o = await d.place({ lines: [{ sku: uniq('SCARF'), quantity: 1, unitPrice: 2500 }] });
    await d.collect(o);
    const customer = await mintToken({ sub: `customer:${o.customerId}`, customer_id: o.customerId!, channel: 'web', scope: 'orders:read returns:request' });
    const ra = await http(
      'POST',
      `${returnsUrl()}/return-authorisations`,
      { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1 }] },
      {},
      { token: customer },
    );
    expect(ra.body).toMatchObject({ method: 'drop-off', parcel: null });
    const store = uniq('S');
    const dropped = await d.returnAt(
      store,
      { authorisationCode: ra.body.code, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' },
      { token: await tokens.pos(store) },
    );
    expect(dropped.body).toMatchObject({ status: 'COMPLETED', refundAmount: 2500 });
    expect(d.events(o.orderId, 'return.label-issued')).toEqual([]);
  });
});
