import { deadLetterTopicOf, ORDER_EVENTS_TOPIC, OrderConfirmedV1 } from '@omni/contracts';
import { aMobilePhone, eventually, nationalFormOf, sql } from '@omni/testing';
import { CustomerHarness, event, placedV1, placedV2, POS_SCOPES, uniq } from './customer.harness';

/** Journey 4: the same person ordering on several channels ends as one profile (docs/customers.md, Matching rules). */
describe('customer profiles matched from orders', () => {
  const h = new CustomerHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('matches a web guest (e-mail), the app signed in (account + same e-mail) and a POS sale (loyalty id + phone) to one profile', async () => {
    const email = `${uniq('ada')}@Example.com`;
    // A name of its own: the topics hold other files' orders, and this service reads them too.
    const surname = uniq('Martin');
    const name = `Ada ${surname}`;
    const account = uniq('c');
    const loyalty = uniq('LOY').toUpperCase();
    const phone = aMobilePhone();
    const national = nationalFormOf(phone);

    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    const web = placedV2({ channel: 'web', contact: { email: `  ${email.toUpperCase()} `, name, postcode: '75011' }, placedAt: minutesAgo(30) });
    const customerId = await h.place(web);
    const app = placedV2({ channel: 'app', customerId: account, contact: { email, phone }, placedAt: minutesAgo(20) });
    const pos = placedV2({
      channel: 'pos',
      placedAtStoreId: 'LYON',
      storeId: 'LYON',
      contact: { loyaltyId: loyalty, phone: national },
      placedAt: minutesAgo(10),
    });
    expect(await h.place(app)).toBe(customerId);
    expect(await h.place(pos)).toBe(customerId);

    const linked = await eventually(() => {
      const events = h.published(customerId, 'customer.order-linked');
      expect(events).toHaveLength(3);
      return events;
    });
    expect(linked.map((e) => [e.orderId, e.matchedBy, e.profileCreated, e.channel])).toEqual([
      [web.orderId, 'new-profile', true, 'web'],
      [app.orderId, 'email', false, 'app'],
      [pos.orderId, 'phone', false, 'pos'],
    ]);

    const profile = await h.get(`/customers/${customerId}`);
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ customerId, status: 'ACTIVE', name, postcode: '75011' });
    expect(profile.body.identities).toEqual(
      expect.arrayContaining([
        { kind: 'email', channel: null, value: email.toLowerCase() },
        { kind: 'account', channel: 'app', value: account },
        { kind: 'phone', channel: null, value: phone },
        { kind: 'loyalty-id', channel: null, value: loyalty.replace(/-/g, '') },
      ]),
    );
    expect(profile.body.identities).toHaveLength(4);

    const timeline = await h.get(`/customers/${customerId}/timeline`);
    expect(timeline.body.entries.map((e: { orderId: string; channel: string; storeId: string }) => [e.orderId, e.channel, e.storeId])).toEqual([
      [pos.orderId, 'pos', 'LYON'],
      [app.orderId, 'app', 'PARIS'],
      [web.orderId, 'web', 'PARIS'],
    ]);
    expect(
      await sql(h.db, 'SELECT count(*)::int AS n FROM customer_profiles WHERE id = $1 OR name_key = $2', [
        customerId,
        name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, ' ')
          .trim(),
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it('reads order.placed v1 as v2: a signed-in order is matched by its channel account, a guest v1 order is linked to nobody', async () => {
    const account = uniq('c');
    const first = placedV1({ channel: 'web', customerId: account });
    const customerId = await h.place(first);
    expect(await h.place(placedV1({ channel: 'web', customerId: account }))).toBe(customerId);
    // The same account id in another channel is another account (accounts are per channel).
    const appProfile = await h.place(placedV1({ channel: 'app', customerId: account }));
    expect(appProfile).not.toBe(customerId);
    expect((await h.get(`/customers/${appProfile}/duplicates`)).body.candidates).toEqual([{ customerId, score: 0.85, signals: ['same-account-id'] }]);

    const guest = placedV1({ channel: 'web', customerId: null });
    await h.send(guest.message);
    await eventually(async () => expect(await h.entriesOf(guest.orderId)).toHaveLength(1));
    expect(await sql(h.db, 'SELECT * FROM order_links WHERE order_id = $1', [guest.orderId])).toEqual([]);
  });

  it('applies a redelivered order.placed once: one profile, one link, one timeline entry, one event', async () => {
    const o = placedV2({ channel: 'web', contact: { email: `${uniq('dup')}@example.com` } });
    await h.send(o.message, o.message);
    await h.send(o.message);
    // Same key, same partition, behind the redeliveries: once it is on the timeline they were all consumed.
    const now = new Date().toISOString();
    await h.send(event(OrderConfirmedV1, { orderId: o.orderId, readyBy: now, confirmedAt: now }));
    const customerId = await h.linkOf(o.orderId);
    await eventually(async () => expect((await h.entriesOf(o.orderId)).map((e) => e.kind)).toEqual(['order.placed', 'order.confirmed']));
    expect(await sql(h.db, 'SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [o.message.headers['ce_id']])).toEqual([{ n: 1 }]);
    await eventually(() => expect(h.published(customerId, 'customer.order-linked')).toHaveLength(1));
  });

  it('matches the orders of one run against each other: the profile one creates, the identities one adds and the facts one completes', async () => {
    const email = `${uniq('run')}@example.com`;
    const phone = aMobilePhone();
    const loyalty = uniq('LOY').toUpperCase();
    const web = placedV2({ channel: 'web', contact: { email, name: `Lou ${uniq('Petit')}` } });
    const app = placedV2({ channel: 'app', customerId: uniq('c'), contact: { email, phone } });
    const pos = placedV2({
      channel: 'pos',
      placedAtStoreId: 'LYON',
      storeId: 'LYON',
      contact: { loyaltyId: loyalty, phone: nationalFormOf(phone), postcode: '69002' },
    });
    // One key: one partition, in this order, fetched together (one run, however the consumer cuts its batches).
    await h.send(...[web, app, pos].map((o) => ({ ...o.message, key: web.orderId })));

    const customerId = await h.linkOf(web.orderId);
    expect([await h.linkOf(app.orderId), await h.linkOf(pos.orderId)]).toEqual([customerId, customerId]);
    const linked = await eventually(() => {
      const events = h.published(customerId, 'customer.order-linked');
      expect(events).toHaveLength(3);
      return events;
    });
    expect(linked.map((e) => [e.orderId, e.matchedBy, e.profileCreated])).toEqual([
      [web.orderId, 'new-profile', true],
      [app.orderId, 'email', false],
      [pos.orderId, 'phone', false],
    ]);
    const profile = (await h.get(`/customers/${customerId}`)).body;
    expect({ postcode: profile.postcode, identities: profile.identities.map((i: { kind: string }) => i.kind).sort() }).toEqual({
      postcode: '69002',
      identities: ['account', 'email', 'loyalty-id', 'phone'],
    });
  });

  it('creates one profile when two orders with a new e-mail race on different partitions', async () => {
    const email = `${uniq('race')}@example.com`;
    const orders = Array.from({ length: 6 }, () => placedV2({ channel: 'web', contact: { email } }));
    await h.send(...orders.map((o) => o.message));
    const ids = await Promise.all(orders.map((o) => h.linkOf(o.orderId)));
    expect(new Set(ids).size).toBe(1);
    expect(await sql(h.db, `SELECT count(*)::int AS n FROM customer_identities WHERE kind = 'email' AND value = $1`, [email])).toEqual([{ n: 1 }]);
  });

  it('keeps an identity with its profile when an order names two profiles, and reports them as likely duplicates', async () => {
    const a = await h.place(placedV2({ channel: 'web', contact: { email: `${uniq('a')}@example.com`, name: 'Zoé Roux', postcode: '69001' } }));
    const phone = '+33698765432';
    const bEmail = `${uniq('b')}@example.com`;
    const b = await h.place(placedV2({ channel: 'app', contact: { email: bEmail, phone } }));
    const aEmail = (await h.get(`/customers/${a}`)).body.identities[0].value;
    const both = placedV2({ channel: 'pos', contact: { email: aEmail, phone } });
    expect(await h.place(both)).toBe(a);
    expect((await h.get(`/customers/${b}`)).body.identities.map((i: { value: string }) => i.value).sort()).toEqual([bEmail, phone].sort());
    const dups = await h.get(`/customers/${a}/duplicates`);
    expect(dups.status).toBe(200);
    expect(dups.body.candidates).toEqual([{ customerId: b, score: 0.9, signals: ['same-order'] }]);
  });

  it('flags two spellings of one mailbox as likely duplicates, and does not merge them', async () => {
    const local = uniq('mailbox');
    const plain = await h.place(placedV2({ channel: 'web', contact: { email: `${local}@example.com` } }));
    const tagged = await h.place(placedV2({ channel: 'app', contact: { email: `${local}+shop@example.com` } }));
    expect(tagged).not.toBe(plain);
    expect((await h.get(`/customers/${tagged}/duplicates`)).body.candidates).toEqual([{ customerId: plain, score: 0.8, signals: ['same-mailbox'] }]);
  });

  it('sends a malformed order.placed to the dead-letter topic and links nothing', async () => {
    const o = placedV2({ channel: 'web', contact: { email: `${uniq('bad')}@example.com` } });
    const bad = { ...o.message, value: JSON.stringify({ ...JSON.parse(o.message.value!), contact: { email: 42 } }) };
    const good = placedV2({ channel: 'web', contact: { email: `${uniq('good')}@example.com` } });
    await h.send(bad, { ...good.message, key: bad.key });
    await h.linkOf(good.orderId);
    await eventually(() => {
      const parked = h.probe.on(deadLetterTopicOf(ORDER_EVENTS_TOPIC), { key: bad.key }).filter((m) => m.headers['dlq-consumer'] === 'customer');
      expect(parked.map((m) => m.headers['dlq-reason-code'])).toEqual(['ENVELOPE.SCHEMA_INVALID']);
    });
    expect(await sql(h.db, 'SELECT * FROM order_links WHERE order_id = $1', [o.orderId])).toEqual([]);
    expect(await h.entriesOf(o.orderId)).toEqual([]);
  });

  it('refuses bad requests with a problem naming the field, and changes nothing', async () => {
    const customerId = await h.place(placedV2({ channel: 'web', contact: { email: `${uniq('req')}@example.com` } }));
    const before = await sql(h.db, 'SELECT * FROM customer_profiles WHERE id = $1', [customerId]);
    const cases: [string, string, unknown, number, string][] = [
      ['GET', '/customers/not-a-uuid', undefined, 400, 'customerId'],
      ['GET', `/customers/${customerId}/timeline?limit=0`, undefined, 400, 'limit'],
      ['GET', '/customers/a%20b/timeline', undefined, 400, 'customerId'],
      ['GET', `/customers/${customerId}/timeline?cursor=abc`, undefined, 400, 'cursor'],
      ['PATCH', `/customers/${customerId}/preferences`, {}, 400, 'homeStoreId'],
      ['PATCH', `/customers/${customerId}/preferences`, { preferredContactChannel: 'pigeon' }, 400, 'preferredContactChannel'],
      [
        'PATCH',
        `/customers/${customerId}/preferences`,
        { marketingConsents: [{ contactChannel: 'email', granted: 'yes' }] },
        400,
        'marketingConsents.0.granted',
      ],
      ['PATCH', `/customers/${customerId}/preferences`, { homeStoreId: 'PARIS', nickname: 'x' }, 400, 'nickname'],
      ['POST', '/customers/lookup', {}, 400, 'email'],
      ['POST', '/customers/lookup', { email: 'a@example.com', phone: '0612345678' }, 400, 'phone'],
      ['POST', '/customers/lookup', { name: 'Ada Martin' }, 400, 'name'],
      ['POST', '/customers/lookup', { phone: '12345' }, 400, 'phone'],
      ['POST', '/customers/merges', { mergedCustomerId: customerId, survivingCustomerId: 'x', reason: 'same' }, 400, 'survivingCustomerId'],
      ['POST', '/customers/merges', { mergedCustomerId: customerId, survivingCustomerId: customerId, reason: 'same person' }, 422, ''],
    ];
    for (const [method, path, body, status, field] of cases) {
      const res = await (method === 'GET' ? h.get(path) : method === 'PATCH' ? h.patch(path, body) : h.post(path, body));
      expect([method, path, res.status, res.headers.get('content-type')]).toEqual([method, path, status, expect.stringContaining('application/problem+json')]);
      if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await sql(h.db, 'SELECT * FROM customer_profiles WHERE id = $1', [customerId])).toEqual(before);
    expect(await sql(h.db, 'SELECT count(*)::int AS n FROM customer_merges WHERE source_profile_id = $1', [customerId])).toEqual([{ n: 0 }]);
  });

  it("lets a customer's own token read its profile and timeline, never another's", async () => {
    const account = uniq('c');
    const mine = await h.place(placedV2({ channel: 'app', customerId: account, contact: { email: `${uniq('own')}@example.com` } }));
    const other = await h.place(placedV2({ channel: 'app', contact: { email: `${uniq('other')}@example.com` } }));
    const me = await h.as({ sub: account, channel: 'app', customer_id: account, scope: 'orders:read' });
    expect((await me('GET', `/customers/${mine}/timeline`)).status).toBe(200);
    // Addressed by its own account id, as before profiles existed; an unknown account has an empty timeline.
    expect((await me('GET', `/customers/${account}/timeline`)).body).toMatchObject({ customerId: mine, entries: [{ kind: 'order.placed' }] });
    expect((await h.get(`/customers/${account}/timeline`)).body.customerId).toBe(mine);
    expect((await h.get(`/customers/${uniq('nobody')}/timeline`)).body).toMatchObject({ entries: [], nextCursor: null });
    expect((await me('GET', `/customers/${uniq('c')}/timeline`)).status).toBe(403);
    expect((await me('GET', `/customers/${other}`)).status).toBe(403);
    expect((await me('GET', `/customers/${other}/timeline`)).body.code).toBe('AUTH.FORBIDDEN');
    const pos = await h.as({ sub: 'pos-1', channel: 'pos', store_id: 'PARIS', associate_id: 'a-1', scope: POS_SCOPES });
    expect((await pos('GET', `/customers/${other}`)).status).toBe(200);
    expect((await pos('POST', '/customers/merges', { mergedCustomerId: other, survivingCustomerId: mine, reason: 'not allowed' })).status).toBe(403);
    const noScope = await h.as({ sub: 'analytics', scope: 'orders:read' });
    expect((await noScope('GET', `/customers/${other}`)).status).toBe(403);
  });
});
