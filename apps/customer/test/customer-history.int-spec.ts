import {
  OrderCollectedV1,
  OrderConfirmedV1,
  OrderDeliveredV1,
  OrderDeliveryAssignedV1,
  OrderPackedV1,
  OrderPickingStartedV1,
  OrderReadyForPickupV1,
  OrderShippedV1,
} from '@omni/contracts';
import { eventually, sql } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import { CustomerHarness, event, PlacedOrder, placedV2, POS_SCOPES, uniq } from './customer.harness';

const iso = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

/** Journey 4: merged histories, the timeline across channels and stores, its rebuild, and the POS lookup. */
describe('customer history', () => {
  const h = new CustomerHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  /** A click & collect at `store`: placed, confirmed, picking, ready, collected at the store's POS. */
  async function clickAndCollect(o: PlacedOrder, store: string, collect = true): Promise<void> {
    const base = { orderId: o.orderId, fulfilmentId: o.fulfilmentId };
    const line = { lineId: o.lineId, sku: 'SKU-1', quantity: 1 };
    await h.send(
      event(OrderConfirmedV1, { ...base, readyBy: iso(50), confirmedAt: iso(55) }),
      event(OrderPickingStartedV1, { ...base, storeId: store, startedAt: iso(50) }),
      event(OrderReadyForPickupV1, { ...base, storeId: store, lines: [line], pickupDeadline: iso(-3 * 24 * 60), readyAt: iso(45) }),
      ...(collect ? [event(OrderCollectedV1, { ...base, storeId: store, lines: [line], collectedAt: iso(40) })] : []),
    );
    await eventually(async () => expect(await h.entriesOf(o.orderId)).toHaveLength(collect ? 5 : 4));
  }

  it('merges two profiles: the survivor keeps every identity and both histories, audited, announced once', async () => {
    const name = `Léa ${uniq('Petit')}`;
    const webOrder = placedV2({ channel: 'web', contact: { email: `${uniq('lea')}@example.com`, name, postcode: '33000' }, placedAt: iso(60) });
    const posOrder = placedV2({
      channel: 'pos',
      placedAtStoreId: 'BORDEAUX',
      storeId: 'BORDEAUX',
      contact: { loyaltyId: uniq('L'), name: name.toUpperCase(), postcode: '33 000' },
      placedAt: iso(30),
    });
    const a = await h.place(webOrder);
    const b = await h.place(posOrder);
    expect(a).not.toBe(b);
    await clickAndCollect(webOrder, 'PARIS');

    const dups = await h.get(`/customers/${b}/duplicates`);
    expect(dups.body.candidates).toEqual([{ customerId: a, score: 0.6, signals: ['same-name-and-postcode'] }]);

    const merged = await h.post('/customers/merges', { mergedCustomerId: b, survivingCustomerId: a, reason: 'same person, confirmed at the till' });
    expect(merged.status).toBe(201);
    expect(merged.body).toMatchObject({
      mergedCustomerId: b,
      survivingCustomerId: a,
      mergedBy: 'test-back-office',
      reason: 'same person, confirmed at the till',
    });
    const again = await h.post('/customers/merges', { mergedCustomerId: b, survivingCustomerId: a, reason: 'clicked twice' });
    expect([again.status, again.body.mergeId]).toEqual([200, merged.body.mergeId]);
    const reverse = await h.post('/customers/merges', { mergedCustomerId: a, survivingCustomerId: b, reason: 'the other way' });
    expect([reverse.status, reverse.body.code]).toEqual([409, 'CUSTOMER.MERGED']);

    const events = await eventually(() => {
      const e = h.published(b, 'customer.merged');
      expect(e).toHaveLength(1);
      return e;
    });
    expect(events[0]).toMatchObject({ mergeId: merged.body.mergeId, mergedCustomerId: b, survivingCustomerId: a });
    await eventually(() => expect(h.published(a, 'customer.preferences-changed')).toHaveLength(1));

    const survivor = (await h.get(`/customers/${b}`)).body; // a merged id answers with the survivor
    expect(survivor).toMatchObject({ customerId: a, mergedCustomerIds: [b] });
    expect(survivor.identities.map((i: { kind: string }) => i.kind).sort()).toEqual(['email', 'loyalty-id']);

    const timeline = (await h.get(`/customers/${a}/timeline`)).body.entries;
    expect(timeline.map((e: { kind: string; channel: string; storeId: string | null }) => [e.kind, e.channel, e.storeId])).toEqual([
      ['order.placed', 'pos', 'BORDEAUX'],
      ['order.collected', 'pos', 'PARIS'],
      ['order.ready-for-pickup', 'pos', 'PARIS'],
      ['order.picking-started', 'pos', 'PARIS'],
      ['order.confirmed', 'web', null],
      ['order.placed', 'web', 'PARIS'],
    ]);
    expect(await sql(h.db, 'SELECT merged_by, reason FROM customer_merges WHERE source_profile_id = $1', [b])).toEqual([
      { merged_by: 'test-back-office', reason: 'same person, confirmed at the till' },
    ]);
    // An order of the merged profile's identities now goes to the survivor.
    expect(
      await h.place(placedV2({ channel: 'pos', contact: { loyaltyId: survivor.identities.find((i: { kind: string }) => i.kind === 'loyalty-id').value } })),
    ).toBe(a);
  });

  it('serialises concurrent merges: the same merge twice is done once, crossing merges leave one winner', async () => {
    const ids = await Promise.all([1, 2, 3].map(() => h.place(placedV2({ channel: 'web', contact: { email: `${uniq('m')}@example.com` } }))));
    const [x, y, z] = ids;
    const same = await Promise.all([1, 2, 3].map(() => h.post('/customers/merges', { mergedCustomerId: x, survivingCustomerId: y, reason: 'duplicate' })));
    expect(same.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(same.map((r) => r.body.mergeId)).size).toBe(1);
    const crossing = await Promise.all([
      h.post('/customers/merges', { mergedCustomerId: y, survivingCustomerId: z, reason: 'one way' }),
      h.post('/customers/merges', { mergedCustomerId: z, survivingCustomerId: y, reason: 'other way' }),
    ]);
    expect(crossing.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await sql(h.db, `SELECT count(*)::int AS n FROM customer_profiles WHERE id = ANY($1::uuid[]) AND status = 'ACTIVE'`, [ids])).toEqual([{ n: 1 }]);
    await eventually(() => expect(h.published(x, 'customer.merged')).toHaveLength(1));
  });

  it('pages the timeline with a cursor, newest first, with delivery steps and where they happened', async () => {
    const o = placedV2({ channel: 'app', contact: { email: `${uniq('page')}@example.com` }, placedAt: iso(100) });
    const customerId = await h.place(o);
    const delivery = { orderId: o.orderId, fulfilmentId: o.fulfilmentId };
    await h.send(
      event(OrderDeliveryAssignedV1, {
        orderId: o.orderId,
        fulfilments: [{ fulfilmentId: o.fulfilmentId, locationId: 'WH-1', lineIds: [o.lineId] }],
        assignedAt: iso(90),
      }),
      event(OrderPackedV1, { ...delivery, locationId: 'WH-1', packedAt: iso(80) }),
      event(OrderShippedV1, {
        ...delivery,
        locationId: 'WH-1',
        carrier: 'Colissimo',
        trackingNumber: 'TRACK1',
        lines: [{ lineId: o.lineId, sku: 'SKU-1', quantity: 1 }],
        shippedAt: iso(70),
      }),
      event(OrderDeliveredV1, { ...delivery, deliveredAt: iso(60) }),
    );
    await eventually(async () => expect(await h.entriesOf(o.orderId)).toHaveLength(5));
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const res = await h.get(`/customers/${customerId}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      pages.push(res.body.entries.map((e: { kind: string; channel: string; storeId: string | null }) => `${e.kind} ${e.channel} ${e.storeId}`));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(pages).toEqual([
      ['order.delivered app null', 'order.shipped app WH-1'],
      ['order.packed app WH-1', 'order.delivery-assigned app null'],
      ['order.placed app PARIS'],
    ]);
  });

  it('rebuilds the timeline from the topics and gets the same result, restoring lost entries', async () => {
    const email = `${uniq('rebuild')}@example.com`;
    const first = placedV2({ channel: 'web', contact: { email }, placedAt: iso(200) });
    const second = placedV2({ channel: 'pos', placedAtStoreId: 'NANTES', storeId: 'NANTES', contact: { email }, placedAt: iso(120) });
    const customerId = await h.place(first);
    expect(await h.place(second)).toBe(customerId);
    await clickAndCollect(first, 'PARIS');
    await clickAndCollect(second, 'NANTES', false);

    const orders = [first.orderId, second.orderId];
    const rowsOf = () => sql(h.db, 'SELECT * FROM timeline_entries WHERE order_id = ANY($1::uuid[]) ORDER BY event_id', [orders]);
    const built = await rowsOf();
    const timeline = (await h.get(`/customers/${customerId}/timeline`)).body;
    const open = (await h.get(`/customers/${customerId}/orders`)).body;
    expect(built).toHaveLength(9);

    await sql(h.db, 'DELETE FROM timeline_entries WHERE order_id = $1', [first.orderId]);
    await sql(h.db, `UPDATE timeline_entries SET store_id = 'WRONG' WHERE order_id = $1`, [second.orderId]);
    const rebuilt = await h.post('/admin/timeline/rebuild');
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body.entries).toBeGreaterThanOrEqual(9);

    expect(await rowsOf()).toEqual(built);
    expect((await h.get(`/customers/${customerId}/timeline`)).body).toEqual(timeline);
    expect((await h.get(`/customers/${customerId}/orders`)).body).toEqual(open);
    expect(await sql(h.db, 'SELECT count(*)::int AS n FROM timeline_rebuild')).toEqual([{ n: 0 }]);
  });

  it('finds a customer at the POS by e-mail, phone, loyalty id, or name and postcode, with open orders, pickups and recent timeline', async () => {
    const name = `Noé ${uniq('Garnier')}`;
    const email = `${uniq('noe')}@example.com`;
    const loyalty = uniq('NOE');
    const phone = '+33611223344';
    const o = placedV2({ channel: 'web', storeId: 'LILLE', contact: { email, phone, loyaltyId: loyalty, name, postcode: '59000' }, placedAt: iso(59) });
    const customerId = await h.place(o);
    await clickAndCollect(o, 'LILLE', false);
    const done = placedV2({ channel: 'web', contact: { email }, placedAt: iso(58) });
    await h.place(done);
    await clickAndCollect(done, 'LILLE');

    const pos = await h.as({ sub: 'pos-lille-1', channel: 'pos', store_id: 'LILLE', associate_id: 'a-9', scope: POS_SCOPES });
    for (const key of [
      { email: email.toUpperCase() },
      { phone: '06 11 22 33 44' },
      { loyaltyId: loyalty.toLowerCase() },
      { name: name.toLowerCase(), postcode: '59 000' },
    ]) {
      const res = await pos('POST', '/customers/lookup', key);
      expect([key, res.status, res.body.matches.length]).toEqual([key, 200, 1]);
      const match = res.body.matches[0];
      expect(match.profile.customerId).toBe(customerId);
      expect(match.openOrders.map((x: { orderId: string }) => x.orderId)).toEqual([o.orderId]);
      expect(match.pickups).toEqual([
        {
          orderId: o.orderId,
          fulfilmentId: o.fulfilmentId,
          type: 'pickup',
          storeId: 'LILLE',
          status: 'READY_FOR_PICKUP',
          readyBy: expect.any(String),
          pickupDeadline: expect.any(String),
        },
      ]);
      expect(match.recentTimeline).toHaveLength(9);
      expect(match.recentTimeline[0].kind).toBe('order.collected');
    }
    const none = await pos('POST', '/customers/lookup', { email: `${uniq('nobody')}@example.com` });
    expect([none.status, none.body.matches]).toEqual([200, []]);
    const web = await h.as({ sub: 'shop', channel: 'web', scope: 'orders:place' });
    expect((await web('POST', '/customers/lookup', { email })).status).toBe(403);
  });

  it('records preferences and consents with their source, and announces the whole state', async () => {
    const account = uniq('c');
    const customerId = await h.place(placedV2({ channel: 'app', customerId: account, contact: { email: `${uniq('pref')}@example.com` } }));
    const pos = await h.as({ sub: 'pos-paris-2', channel: 'pos', store_id: 'PARIS', associate_id: 'a-7', scope: POS_SCOPES });
    const atTill = await pos('PATCH', `/customers/${customerId}/preferences`, {
      homeStoreId: 'PARIS',
      marketingConsents: [{ contactChannel: 'email', granted: true }],
    });
    expect(atTill.status).toBe(200);
    const me = await h.as({ sub: account, channel: 'app', customer_id: account, scope: 'orders:read' });
    const inApp = await me('PATCH', `/customers/${customerId}/preferences`, {
      preferredContactChannel: 'push',
      marketingConsents: [{ contactChannel: 'sms', granted: false }],
    });
    expect(inApp.status).toBe(200);
    expect(inApp.body).toMatchObject({
      homeStoreId: 'PARIS',
      preferredContactChannel: 'push',
      marketingConsents: [
        { contactChannel: 'email', granted: true, source: { channel: 'pos', storeId: 'PARIS', recordedBy: 'a-7' } },
        { contactChannel: 'sms', granted: false, source: { channel: 'app', storeId: null, recordedBy: account } },
      ],
    });
    const changed = await eventually(() => {
      const e = h.published(customerId, 'customer.preferences-changed');
      expect(e).toHaveLength(2);
      return e;
    });
    expect(changed[1]).toMatchObject({ customerId, accounts: [{ channel: 'app', accountId: account }], homeStoreId: 'PARIS', preferredContactChannel: 'push' });
    expect(changed[1].marketingConsents.map((c: { contactChannel: string; granted: boolean }) => [c.contactChannel, c.granted])).toEqual([
      ['email', true],
      ['sms', false],
    ]);
    expect(
      await sql(h.db, 'SELECT contact_channel, granted, source_channel, source_store_id, recorded_by FROM consent_records WHERE profile_id = $1 ORDER BY id', [
        customerId,
      ]),
    ).toEqual([
      { contact_channel: 'email', granted: true, source_channel: 'pos', source_store_id: 'PARIS', recorded_by: 'a-7' },
      { contact_channel: 'sms', granted: false, source_channel: 'app', source_store_id: null, recorded_by: account },
    ]);
    const stranger = await h.as({ sub: 'c-x', channel: 'app', customer_id: uniq('c'), scope: 'orders:read' });
    expect((await stranger('PATCH', `/customers/${customerId}/preferences`, { homeStoreId: 'LYON' })).status).toBe(403);
    expect((await h.patch(`/customers/${randomUUID()}/preferences`, { homeStoreId: 'LYON' })).status).toBe(404);
  });
});
