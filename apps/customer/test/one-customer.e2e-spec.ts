import { CUSTOMER_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { aMobilePhone, eventually, httpAs, Journey, journeyStack, mintToken, nationalFormOf, tokens } from '@omni/testing';
import { randomUUID } from 'node:crypto';

const uniq = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/**
 * Journey 4 through the real order, inventory and customer services on Kafka and PostgreSQL:
 * the orders are placed through the order service's HTTP API by a web storefront (a guest), the
 * app (signed in) and a store's POS, and the customer service makes one customer of them.
 */
describe('one customer across channels, end to end', () => {
  let paris: string;
  let lyon: string;
  const sku = uniq('SHIRT');

  const e2e = journeyStack(['order', 'inventory', 'customer'], { topics: [ORDER_EVENTS_TOPIC, CUSTOMER_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC] });

  beforeAll(async () => {
    [paris, lyon] = [Journey.id('PARIS'), Journey.id('LYON')];
    await e2e.j.location(paris);
    await e2e.j.location(lyon);
    await e2e.j.receive(paris, sku, 10);
    await e2e.j.receive(lyon, sku, 10);
    await e2e.j.price(sku, 3900);
  });

  const customerUrl = () => `${e2e.stack.services.customer.url}`;
  const admin = async () => httpAs(await tokens.admin());
  const asAdmin = async (method: string, path: string, body?: unknown) =>
    (await admin())(method, `${customerUrl()}${path}`, body, { 'idempotency-key': randomUUID() });
  /** A store's POS that may also look customers up. */
  const posWithLookup = (storeId: string) =>
    mintToken({
      sub: `pos:${storeId}:a-1`,
      channel: 'pos',
      store_id: storeId,
      associate_id: 'a-1',
      scope: 'store:operate orders:place orders:read customers:read',
    });
  const contact = (c: { email?: string; phone?: string; loyaltyId?: string; name?: string; postcode?: string }) => ({
    email: null,
    phone: null,
    loyaltyId: null,
    name: null,
    postcode: null,
    ...c,
  });
  const shirt = (quantity = 1) => [{ sku, quantity, unitPrice: 3900 }];

  const linkOf = (orderId: string) => e2e.j.customerLink(orderId);
  const timelineOf = async (customerId: string) => {
    const res = await asAdmin('GET', `/customers/${customerId}/timeline?limit=100`);
    expect(res.status).toBe(200);
    return res.body.entries as { kind: string; orderId: string; channel: string | null; storeId: string | null; occurredAt: string; eventId: string }[];
  };

  it('a web guest, the app signed in and a POS sale are one profile; its timeline shows each with its channel and store; an associate finds it', async () => {
    const surname = uniq('Martin');
    const email = `${uniq('ada')}@example.com`;
    const account = uniq('c');
    const loyalty = uniq('LOY').toUpperCase();
    const phone = aMobilePhone();
    const national = nationalFormOf(phone);

    // The customer moves from channel to channel over days; each order is matched before the
    // next is placed.
    // 1. A guest on the web storefront, pickup in Paris, with the e-mail in capitals.
    const webShop = await mintToken({ sub: 'web-shop', channel: 'web', scope: 'orders:place' });
    const web = await e2e.j.placeOrder(
      {
        channel: 'web',
        storeId: paris,
        customerId: null,
        contact: contact({ email: email.toUpperCase(), name: `Ada ${surname}`, postcode: '75011' }),
        lines: shirt(),
      },
      webShop,
    );
    const first = await linkOf(web.id);
    // 2. The app, signed in, with the same e-mail and a phone number.
    const app = await e2e.j.placeOrder(
      { channel: 'app', storeId: paris, customerId: account, contact: contact({ email, phone }), lines: shirt() },
      await tokens.customer(account, 'app'),
    );
    const second = await linkOf(app.id);
    // 3. The Lyon store's POS, knowing the customer by the loyalty card and the phone as said at the till.
    const pos = await e2e.j.placeOrder(
      {
        channel: 'pos',
        storeId: lyon,
        contact: contact({ loyaltyId: loyalty.toLowerCase(), phone: national }),
        capturedTenders: [{ tender: 'card', amount: 3900, reference: uniq('TERM') }],
        lines: shirt(),
      },
      await tokens.pos(lyon),
    );
    const third = await linkOf(pos.id);

    const customerId = first.customerId;
    expect([first, second, third].map((l) => [l.customerId, l.matchedBy, l.channel])).toEqual([
      [customerId, 'new-profile', 'web'],
      [customerId, 'email', 'app'],
      [customerId, 'phone', 'pos'],
    ]);
    const profile = await asAdmin('GET', `/customers/${customerId}`);
    expect(profile.body).toMatchObject({ customerId, status: 'ACTIVE', name: `Ada ${surname}`, postcode: '75011' });
    expect(profile.body.identities).toEqual(
      expect.arrayContaining([
        { kind: 'email', channel: null, value: email },
        { kind: 'account', channel: 'app', value: account },
        { kind: 'phone', channel: null, value: phone },
        { kind: 'loyalty-id', channel: null, value: loyalty.replace(/-/g, '') },
      ]),
    );
    expect(profile.body.identities).toHaveLength(4);

    // The web order is collected in Paris.
    await e2e.j.status(web.id, 'RESERVED');
    await e2e.j.pickAll(paris, web.id);
    expect((await e2e.j.store(paris, await tokens.pos(paris)).collect(web.id, await e2e.j.pickupCode(web.id))).status).toBe(200);
    await e2e.j.status(web.id, 'COLLECTED');

    // The timeline: each order where it began, the pickup steps at the Paris POS, newest first.
    const entries = await eventually(async () => {
      const found = await timelineOf(customerId);
      expect(found.find((e) => e.kind === 'order.collected')).toBeDefined();
      return found;
    });
    const placedEntries = entries.filter((e) => e.kind === 'order.placed').map((e) => [e.orderId, e.channel, e.storeId]);
    expect(placedEntries).toEqual([
      [pos.id, 'pos', lyon],
      [app.id, 'app', paris],
      [web.id, 'web', paris],
    ]);
    expect(entries.filter((e) => e.orderId === web.id).map((e) => [e.kind, e.channel, e.storeId])).toEqual(
      expect.arrayContaining([
        ['order.picking-started', 'pos', paris],
        ['order.ready-for-pickup', 'pos', paris],
        ['order.collected', 'pos', paris],
      ]),
    );
    const times = entries.map((e) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // The customer's own app token reads the same profile; another customer's does not.
    expect((await httpAs(await tokens.customer(account, 'app'))('GET', `${customerUrl()}/customers/${customerId}`)).body.customerId).toBe(customerId);
    expect((await httpAs(await tokens.customer(uniq('someone-else'), 'app'))('GET', `${customerUrl()}/customers/${customerId}`)).status).toBe(403);

    // At a third store an associate finds the customer by the phone number, as said at the till.
    const marseille = Journey.id('MARSEILLE');
    const lookup = await httpAs(await posWithLookup(marseille))(
      'POST',
      `${customerUrl()}/customers/lookup`,
      { phone: national },
      { 'idempotency-key': randomUUID() },
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body.matches).toHaveLength(1);
    const [match] = lookup.body.matches;
    expect(match.profile.customerId).toBe(customerId);
    // Still open: the app order and the POS order, both waiting at their stores; the collected one is done.
    expect(match.openOrders.map((o: { orderId: string }) => o.orderId).sort()).toEqual([app.id, pos.id].sort());
    expect(match.pickups.map((p: { orderId: string; storeId: string }) => [p.orderId, p.storeId]).sort()).toEqual(
      [
        [app.id, paris],
        [pos.id, lyon],
      ].sort(),
    );
    expect(match.recentTimeline.map((e: { eventId: string }) => e.eventId)).toEqual((await timelineOf(customerId)).slice(0, 10).map((e) => e.eventId));
  });

  it('two profiles of one person are merged: the survivor shows both histories, and a rebuild of the timeline from the topics gives the same', async () => {
    const name = `Noé ${uniq('Garnier')}`;
    const [home, work] = [`${uniq('noe')}@example.com`, `${uniq('noe')}@example.org`];
    const webShop = await mintToken({ sub: 'web-shop', channel: 'web', scope: 'orders:place' });
    const a = await e2e.j.placeOrder(
      { channel: 'web', storeId: paris, customerId: null, contact: contact({ email: home, name, postcode: '69003' }), lines: shirt() },
      webShop,
    );
    const b = await e2e.j.placeOrder(
      { channel: 'web', storeId: lyon, customerId: null, contact: contact({ email: work, name, postcode: '69 003' }), lines: shirt(2) },
      webShop,
    );
    const [survivor, merged] = [(await linkOf(a.id)).customerId, (await linkOf(b.id)).customerId];
    expect(survivor).not.toBe(merged);

    // The same name at the same postcode: a likely duplicate, never merged on its own.
    const duplicates = await asAdmin('GET', `/customers/${survivor}/duplicates`);
    expect(duplicates.body.candidates).toEqual([expect.objectContaining({ customerId: merged, signals: expect.arrayContaining(['same-name-and-postcode']) })]);

    const merge = await asAdmin('POST', '/customers/merges', {
      mergedCustomerId: merged,
      survivingCustomerId: survivor,
      reason: 'the customer showed both e-mail addresses at the till',
    });
    expect(merge.status).toBe(201);
    await eventually(() =>
      expect(e2e.probe.on(CUSTOMER_EVENTS_TOPIC, { key: merged, type: 'customer.merged.v1' }).map((m) => JSON.parse(m.value ?? '{}'))).toEqual([
        expect.objectContaining({ mergedCustomerId: merged, survivingCustomerId: survivor }),
      ]),
    );

    const both = await eventually(async () => {
      const found = await timelineOf(survivor);
      expect(
        found
          .filter((e) => e.kind === 'order.placed')
          .map((e) => [e.orderId, e.storeId])
          .sort(),
      ).toEqual(
        [
          [a.id, paris],
          [b.id, lyon],
        ].sort(),
      );
      expect(
        found
          .filter((e) => e.kind === 'order.confirmed')
          .map((e) => e.orderId)
          .sort(),
      ).toEqual([a.id, b.id].sort());
      return found;
    });
    // The merged id answers with its survivor.
    expect((await asAdmin('GET', `/customers/${merged}`)).body).toMatchObject({ customerId: survivor, mergedCustomerIds: [merged] });
    expect((await asAdmin('GET', `/customers/${survivor}`)).body.identities.map((i: { value: string }) => i.value).sort()).toEqual([home, work].sort());

    const open = (await asAdmin('GET', `/customers/${survivor}/orders`)).body;
    const rebuilt = await asAdmin('POST', '/admin/timeline/rebuild');
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body.entries).toBeGreaterThanOrEqual(both.length);
    expect(await timelineOf(survivor)).toEqual(both);
    expect((await asAdmin('GET', `/customers/${survivor}/orders`)).body).toEqual(open);
  });
});
