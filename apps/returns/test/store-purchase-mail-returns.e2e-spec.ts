import { NOTIFICATION_REQUESTS_TOPIC, RETURNS_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, http, Journey, journeyStack, mintToken, tokens } from '@omni/testing';
import { uniq } from './returns.harness';

/**
 * Journey 3 across the real order, inventory and returns services: a store purchase comes back by
 * mail to a returns centre, with the customer's own postage or the carrier's label (then refunded
 * only once received and inspected), restocked at the centre and refunded to the till's tender.
 * An exchange whose replacement is shipped, and erasure, are in replacement-shipment-erasure.e2e-spec.ts.
 */
describe('store purchase returned by mail, end to end', () => {
  const returnsUrl = () => e2e.stack.services.returns.url;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const events = (topic: string, key: string, type: string): any[] => e2e.probe.on(topic, { key, type: `${type}.v1` }).map((m) => JSON.parse(m.value!));

  // What these journeys read: the returns service's events, and the notifications (pickup codes among them).
  const e2e = journeyStack(['order', 'inventory', 'returns'], { topics: [NOTIFICATION_REQUESTS_TOPIC, RETURNS_EVENTS_TOPIC] });

  it('takes a store purchase back by mail at a returns centre, restocks it there and refunds the till tender', async () => {
    const [p, rc] = [Journey.id('P'), Journey.id('RC')];
    await e2e.j.location(p);
    await e2e.j.location(rc, { kind: 'warehouse' });
    const sku = uniq('SHIRT');
    await e2e.j.receive(p, sku, 1);
    await e2e.j.price(sku, 3900);
    const customerId = uniq('cust');
    const posP = await tokens.pos(p, 'associate-p');
    const bought = await e2e.j.placeOrder(
      {
        channel: 'pos',
        customerId,
        fulfilments: [{ type: 'pickup', storeId: p, lines: [{ sku, quantity: 1, unitPrice: 3900 }] }],
        capturedTenders: [{ tender: 'card', amount: 3900, reference: 'TERM-1-0001' }],
      },
      posP,
    );
    await e2e.j.status(bought.id, 'RESERVED');
    await e2e.j.pickAll(p, bought.id);
    expect((await e2e.j.store(p).collect(bought.id, await e2e.j.pickupCode(bought.id))).status).toBeLessThan(300);
    const lineId: string = bought.lines[0].lineId;
    await eventually(async () =>
      expect((await http('GET', `${returnsUrl()}/returnable-orders/${bought.id}`)).body).toMatchObject({
        channel: 'pos',
        placedAtStoreId: p,
        lines: [{ received: 1, returnable: 1 }],
      }),
    );

    // The customer starts the return online and posts the parcel to the returns centre.
    const customer = await mintToken({ sub: `customer:${customerId}`, customer_id: customerId, channel: 'web', scope: 'orders:read returns:request' });
    const ra = await http('POST', `${returnsUrl()}/return-authorisations`, { orderId: bought.id, lines: [{ lineId, quantity: 1 }] }, {}, { token: customer });
    expect(ra.status).toBe(201);

    const centre = await tokens.pos(rc, 'receiver-1');
    const withoutCode = await http(
      'POST',
      `${returnsUrl()}/stores/${rc}/returns`,
      { requestId: uniq('rc'), channel: 'mail', orderId: bought.id, lines: [{ lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' },
      {},
      { token: centre },
    );
    expect([withoutCode.status, withoutCode.body.code]).toEqual([422, 'RETURN.MAIL_NEEDS_AUTHORISATION']);
    const badChannel = await http(
      'POST',
      `${returnsUrl()}/stores/${rc}/returns`,
      {
        requestId: uniq('rc'),
        channel: 'drone',
        authorisationCode: ra.body.code,
        lines: [{ lineId, quantity: 1, condition: 'new' }],
        refundMethod: 'original-tender',
      },
      {},
      { token: centre },
    );
    expect([badChannel.status, badChannel.body.errors[0].field]).toEqual([400, 'channel']);
    const received = await http(
      'POST',
      `${returnsUrl()}/stores/${rc}/returns`,
      {
        requestId: uniq('rc'),
        channel: 'mail',
        authorisationCode: ra.body.code,
        lines: [{ lineId, quantity: 1, condition: 'new' }],
        refundMethod: 'original-tender',
      },
      {},
      { token: centre },
    );
    expect(received.status).toBe(201);
    expect(received.body).toMatchObject({
      status: 'COMPLETED',
      channel: 'mail',
      storeId: rc,
      orderChannel: 'pos',
      orderPlacedAtStoreId: p,
      authorisationId: ra.body.id,
      refundAmount: 3900,
    });
    expect(received.body.refunds).toEqual([expect.objectContaining({ tender: 'card', reference: 'TERM-1-0001', amount: 3900 })]);
    await eventually(() =>
      expect(events(RETURNS_EVENTS_TOPIC, bought.id, 'return.completed')).toEqual([
        expect.objectContaining({ channel: 'mail', storeId: rc, orderChannel: 'pos' }),
      ]),
    );
    await eventually(() =>
      expect(events(RETURNS_EVENTS_TOPIC, bought.id, 'return.refund-requested')).toEqual([
        expect.objectContaining({ tenders: [{ tender: 'card', amount: 3900, reference: 'TERM-1-0001' }] }),
      ]),
    );
    // Restocked at the returns centre, not at the store that sold it.
    await eventually(async () => expect(await e2e.j.stock(rc, sku)).toMatchObject({ onHand: 1, available: 1 }));
    expect(await e2e.j.stock(p, sku)).toMatchObject({ onHand: 0 });
  });

  it('sends a store purchase back by mail with the carrier label, and refunds it only once the returns centre has received and inspected it', async () => {
    const [p, rc] = [Journey.id('P'), Journey.id('RC')];
    await e2e.j.location(p);
    await e2e.j.location(rc, { kind: 'warehouse' });
    const sku = uniq('BOOT');
    await e2e.j.receive(p, sku, 1);
    await e2e.j.price(sku, 9900);
    const customerId = uniq('cust');
    const posP = await tokens.pos(p, 'associate-p');
    const bought = await e2e.j.placeOrder(
      {
        channel: 'pos',
        customerId,
        fulfilments: [{ type: 'pickup', storeId: p, lines: [{ sku, quantity: 1, unitPrice: 9900 }] }],
        capturedTenders: [{ tender: 'card', amount: 9900, reference: 'TERM-2-0001' }],
      },
      posP,
    );
    await e2e.j.status(bought.id, 'RESERVED');
    await e2e.j.pickAll(p, bought.id);
    expect((await e2e.j.store(p).collect(bought.id, await e2e.j.pickupCode(bought.id))).status).toBeLessThan(300);
    const lineId: string = bought.lines[0].lineId;
    await eventually(async () =>
      expect((await http('GET', `${returnsUrl()}/returnable-orders/${bought.id}`)).body.lines[0]).toMatchObject({ received: 1, returnable: 1 }),
    );

    // Started online: the stand-in carrier's label comes back at once.
    const customer = await mintToken({ sub: `customer:${customerId}`, customer_id: customerId, channel: 'web', scope: 'orders:read returns:request' });
    const ra = await http(
      'POST',
      `${returnsUrl()}/return-authorisations`,
      { orderId: bought.id, lines: [{ lineId, quantity: 1 }], method: 'mail', returnTo: rc },
      {},
      { token: customer },
    );
    expect(ra.status).toBe(201);
    expect(ra.body.parcel).toMatchObject({ carrier: 'stand-in', returnTo: rc, status: 'LABEL_ISSUED' });
    const tracking: string = ra.body.parcel.trackingNumber;
    const centre = await tokens.pos(rc, 'receiver-1');
    const inspect = () =>
      http(
        'POST',
        `${returnsUrl()}/stores/${rc}/returns`,
        {
          requestId: uniq('rc'),
          channel: 'mail',
          authorisationCode: ra.body.code,
          lines: [{ lineId, quantity: 1, condition: 'new' }],
          refundMethod: 'original-tender',
        },
        {},
        { token: centre },
      );

    // On its way and delivered: still not received, so not refunded.
    const carrier = await tokens.carrier('stand-in');
    for (const status of ['IN_TRANSIT', 'DELIVERED'])
      expect(
        (await http('POST', `${returnsUrl()}/parcels/${tracking}/tracking`, { status, at: new Date().toISOString() }, {}, { token: carrier })).body.parcel
          .status,
      ).toBe(status);
    const early = await inspect();
    expect([early.status, early.body.code]).toEqual([409, 'RETURN.PARCEL_NOT_RECEIVED']);

    // Scanned in, inspected: refunded to the till tender and restocked at the centre.
    expect((await http('POST', `${returnsUrl()}/stores/${rc}/parcels/${tracking}/receipt`, undefined, {}, { token: centre })).body.parcel).toMatchObject({
      status: 'RECEIVED',
      receivedBy: rc,
    });
    const inspected = await inspect();
    expect(inspected.status).toBe(201);
    expect(inspected.body).toMatchObject({ status: 'COMPLETED', channel: 'mail', storeId: rc, authorisationId: ra.body.id, refundAmount: 9900 });
    await eventually(() =>
      expect(events(RETURNS_EVENTS_TOPIC, bought.id, 'return.refund-requested')).toEqual([
        expect.objectContaining({ tenders: [{ tender: 'card', amount: 9900, reference: 'TERM-2-0001' }] }),
      ]),
    );
    await eventually(async () => expect(await e2e.j.stock(rc, sku)).toMatchObject({ onHand: 1, available: 1 }));
    expect(events(RETURNS_EVENTS_TOPIC, bought.id, 'return.parcel-tracked').map((e) => e.status)).toEqual(['IN_TRANSIT', 'DELIVERED']);
    expect(events(RETURNS_EVENTS_TOPIC, bought.id, 'return.parcel-received')).toHaveLength(1);
    // The customer was told when the parcel arrived, then that the return was received and refunded.
    await eventually(() =>
      expect(
        e2e.probe
          .on(NOTIFICATION_REQUESTS_TOPIC, { key: bought.id, type: 'notification.requested.v2' })
          .map((m) => JSON.parse(m.value!))
          .filter((n) => n.template.startsWith('return') || n.template === 'refund-issued')
          .map((n) => [n.template, n.storeId, n.trackingNumber, n.amount ?? null])
          .sort(),
      ).toEqual(
        [
          ['refund-issued', rc, null, 9900],
          ['return-parcel-received', rc, tracking, null],
          ['return-received', rc, null, null],
        ].sort(),
      ),
    );
  });
});
