import { CUSTOMER_EVENTS_TOPIC, OrderPlacedV2, OrderPlacedV2Payload } from '@omni/contracts';
import { eventually, expectValidAgainstAsyncApi, http, sql, testEvent } from '@omni/testing';
import { CustomerHarness, placedV2, uniq } from './customer.harness';

/** The right to be forgotten (docs/customers.md, Erasure). */
describe('customer erasure', () => {
  const h = new CustomerHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('anonymises the profile and the profiles merged into it, tells the others, and is not undone by old orders coming back', async () => {
    const email = `${uniq('eve')}@example.com`;
    const account = uniq('c');
    const phone = '+33655443322';
    const first = placedV2({
      channel: 'web',
      customerId: account,
      contact: { email, name: 'Eve Laurent', postcode: '31000' },
      placedAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    const customerId = await h.place(first);
    const other = placedV2({ channel: 'pos', contact: { phone, name: 'Eve Laurent', postcode: '31000' } });
    const merged = await h.place(other);
    expect(
      (await h.post('/customers/merges', { mergedCustomerId: merged, survivingCustomerId: customerId, reason: 'Eve confirmed her phone 06 55 44 33 22' }))
        .status,
    ).toBe(201);
    const key = uniq('idem');
    const body = { homeStoreId: 'TOULOUSE', marketingConsents: [{ contactChannel: 'email', granted: true }] };
    expect((await http('PATCH', `${h.url}/customers/${customerId}/preferences`, body, { 'idempotency-key': key })).body.identities).toContainEqual({
      kind: 'email',
      channel: null,
      value: email,
    });
    const kept = () => sql(h.db, 'SELECT route FROM idempotency_keys WHERE key = $1', [key]);
    expect(await kept()).toHaveLength(1);

    const erased = await h.post(`/customers/${customerId}/erasure`);
    expect(erased.status).toBe(201);
    expect(erased.body).toMatchObject({
      customerId,
      formerCustomerIds: [merged],
      orderIds: [first.orderId, other.orderId].sort(),
      requestedBy: 'test-back-office',
    });
    const again = await h.post(`/customers/${customerId}/erasure`);
    expect([again.status, again.body.erasedAt]).toEqual([200, erased.body.erasedAt]);
    expect((await h.post(`/customers/${merged}/erasure`)).body.code).toBe('CUSTOMER.MERGED');

    const announced = await eventually(() => {
      const e = h.published(customerId, 'customer.erased');
      expect(e).toHaveLength(1);
      return e[0];
    });
    expect(announced).toEqual({
      customerId,
      formerCustomerIds: [merged],
      accounts: [{ channel: 'web', accountId: account }],
      orderIds: [first.orderId, other.orderId].sort(),
      erasedAt: erased.body.erasedAt,
    });

    const profile = (await h.get(`/customers/${customerId}`)).body;
    expect(profile).toMatchObject({
      status: 'ERASED',
      name: null,
      postcode: null,
      identities: [],
      homeStoreId: null,
      marketingConsents: [],
      erasedAt: erased.body.erasedAt,
    });
    const personal = await sql(h.db, 'SELECT name, name_key, postcode, home_store_id, consents FROM customer_profiles WHERE id = ANY($1::uuid[])', [
      [customerId, merged],
    ]);
    expect(personal).toEqual([0, 1].map(() => ({ name: null, name_key: null, postcode: null, home_store_id: null, consents: [] })));
    expect(await sql(h.db, 'SELECT * FROM customer_identities WHERE profile_id = ANY($1::uuid[])', [[customerId, merged]])).toEqual([]);
    expect(await sql(h.db, 'SELECT * FROM consent_records WHERE profile_id = $1', [customerId])).toEqual([]);
    expect(await kept()).toEqual([]);
    expect(await sql(h.db, 'SELECT reason FROM customer_merges WHERE source_profile_id = $1', [merged])).toEqual([{ reason: '(erased)' }]);
    // What is kept: the order links and the timeline (ids, channels, stores, times), under the erased id.
    expect((await h.get(`/customers/${customerId}/timeline`)).body.entries).toHaveLength(2);
    const dump = JSON.stringify(await sql(h.db, 'SELECT * FROM erasure_tombstones WHERE profile_id = $1', [customerId]));
    expect(dump).not.toContain(email);
    expect(dump).not.toContain(phone);

    const lookup = await h.post('/customers/lookup', { email });
    expect(lookup.body.matches).toEqual([]);
    expect((await h.patch(`/customers/${customerId}/preferences`, { homeStoreId: 'PARIS' })).body.code).toBe('CUSTOMER.ERASED');

    // The very same message redelivered: the inbox drops it.
    await h.send(first.message);
    // The same order under another event id (a replay after the inbox was purged): the link is the tombstone.
    const replay = testEvent(OrderPlacedV2, JSON.parse(first.message.value!) as OrderPlacedV2Payload);
    await h.send(replay);
    // An order placed before the erasure that never reached us: its identities' hashes give it to the erased profile.
    const late = placedV2({
      channel: 'web',
      contact: { email: email.toUpperCase(), name: 'Eve Laurent' },
      placedAt: new Date(Date.now() - 1800_000).toISOString(),
    });
    expect(await h.place(late)).toBe(customerId);
    await eventually(async () =>
      expect(await sql(h.db, 'SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [replay.headers['ce_id']])).toEqual([{ n: 1 }]),
    );
    expect(await sql(h.db, `SELECT count(*)::int AS n FROM customer_identities WHERE value = $1`, [email])).toEqual([{ n: 0 }]);
    expect((await h.get(`/customers/${customerId}/timeline`)).body.entries.filter((e: { orderId: string }) => e.orderId === first.orderId)).toHaveLength(1);
    expect(await sql(h.db, `SELECT name FROM customer_profiles WHERE id = $1`, [customerId])).toEqual([{ name: null }]);
    await eventually(() =>
      expect(h.published(customerId, 'customer.order-linked').map((e) => [e.orderId, e.matchedBy])).toContainEqual([late.orderId, 'erased-profile']),
    );

    // The person comes back after the erasure: a new customer, nothing of the old one.
    const back = placedV2({ channel: 'web', contact: { email } });
    const newId = await h.place(back);
    expect(newId).not.toBe(customerId);
    expect((await h.get(`/customers/${newId}/timeline`)).body.entries.map((e: { orderId: string }) => e.orderId)).toEqual([back.orderId]);

    // What outside consumers read is what docs/asyncapi.json promises, envelope and payload.
    const counts = expectValidAgainstAsyncApi(h.probe.on(CUSTOMER_EVENTS_TOPIC));
    expect(Object.keys(counts).sort()).toEqual(['customer.erased.v1', 'customer.merged.v1', 'customer.order-linked.v1', 'customer.preferences-changed.v1']);
  });
});
