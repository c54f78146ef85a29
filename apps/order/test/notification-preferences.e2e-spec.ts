import { CUSTOMER_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC } from '@omni/contracts';
import { eventually, httpAs, Journey, journeyStack, sql, tokens } from '@omni/testing';
import { randomUUID } from 'node:crypto';

/**
 * Journey 4, preferences: notification requests follow the preferred contact channel the customer
 * gave the customer service, for every order of the profile (signed in or guest, and after a
 * merge), across the real order, inventory and customer services on Kafka and PostgreSQL.
 */
describe('notification requests follow the customer preferences, end to end', () => {
  let store: string;

  const e2e = journeyStack(['order', 'inventory', 'customer'], { topics: [NOTIFICATION_REQUESTS_TOPIC, CUSTOMER_EVENTS_TOPIC] });

  beforeAll(async () => {
    store = Journey.id('S');
    await e2e.j.location(store);
    await e2e.j.receive(store, 'MUG', 50);
    await e2e.j.price('MUG', 1500);
  });

  const admin = async () => httpAs(await tokens.admin());
  const customers = async (method: string, path: string, body?: unknown) =>
    (await admin())(method, `${e2e.stack.services.customer.url}/customers${path}`, body, { 'idempotency-key': randomUUID() });
  const contact = (email: string) => ({ email, phone: null, loyaltyId: null, name: null, postcode: null });
  const mug = [{ sku: 'MUG', quantity: 1, unitPrice: 1500 }];

  /** The profile the customer service matched the order to. */
  const profileOf = async (orderId: string): Promise<string> => (await e2e.j.customerLink(orderId)).customerId;
  /** What the order service holds as the order's profile. */
  const orderProfileInOrderService = async (orderId: string) =>
    (await sql<{ customer_id: string }>(e2e.stack.databases.order, 'SELECT customer_id FROM order_customers WHERE order_id = $1', [orderId]))[0]?.customer_id;
  /** The pickup-ready request in both versions, once both are on the topic. */
  const pickupReady = (orderId: string) =>
    eventually(() => {
      const requests = e2e.probe
        .on(NOTIFICATION_REQUESTS_TOPIC, { key: orderId })
        .map((m) => ({ type: m.headers['ce_type'], payload: JSON.parse(m.value ?? '{}') }));
      const v2 = requests.find((r) => r.type === 'notification.requested.v2' && r.payload.template === 'pickup-ready');
      const v1 = requests.find((r) => r.type === 'notification.requested.v1' && r.payload.template === 'pickup-ready');
      expect(v2 && v1).toBeTruthy();
      return { v2: v2!.payload, v1: v1!.payload };
    });
  const collectable = async (orderId: string) => {
    await e2e.j.status(orderId, 'RESERVED');
    await e2e.j.pickAll(store, orderId);
    return pickupReady(orderId);
  };

  it('a signed-in order and a guest order of the same person go to the channel the customer prefers; one with no preference says none', async () => {
    const account = `acct-${randomUUID().slice(0, 8)}`;
    const email = `${account}@example.com`;
    const signedIn = await e2e.j.placeOrder(
      { channel: 'app', storeId: store, customerId: account, contact: contact(email), lines: mug },
      await tokens.customer(account, 'app'),
    );
    const profile = await profileOf(signedIn.id);

    const changed = await customers('PATCH', `/${profile}/preferences`, { preferredContactChannel: 'sms' });
    expect(changed.status).toBe(200);
    await eventually(async () =>
      expect(await sql(e2e.stack.databases.order, 'SELECT preferred_contact_channel FROM customer_preferences WHERE customer_id = $1', [profile])).toEqual([
        { preferred_contact_channel: 'sms' },
      ]),
    );

    const first = await collectable(signedIn.id);
    expect(first.v2).toMatchObject({ orderId: signedIn.id, customerId: account, contactChannel: 'sms' });
    expect(first.v1).not.toHaveProperty('contactChannel');
    expect(first.v1.notificationId).toBe(first.v2.notificationId);

    // The same person checks out as a guest on the web with the same e-mail: matched to the profile by e-mail.
    const guest = await e2e.j.placeOrder({ channel: 'web', storeId: store, customerId: null, contact: contact(email.toUpperCase()), lines: mug });
    expect(await profileOf(guest.id)).toBe(profile);
    await eventually(async () => expect(await orderProfileInOrderService(guest.id)).toBe(profile));
    expect((await collectable(guest.id)).v2).toMatchObject({ customerId: null, contactChannel: 'sms' });

    // Someone who never said how to be reached.
    const stranger = await e2e.j.placeOrder({
      channel: 'web',
      storeId: store,
      customerId: null,
      contact: contact(`${randomUUID().slice(0, 8)}@example.com`),
      lines: mug,
    });
    await profileOf(stranger.id);
    expect((await collectable(stranger.id)).v2).toMatchObject({ contactChannel: null });
  });

  it('after a merge, the orders of the merged profile follow the survivor; after erasure nothing of the customer stays with the order service', async () => {
    const account = `acct-${randomUUID().slice(0, 8)}`;
    const known = await e2e.j.placeOrder(
      { channel: 'app', storeId: store, customerId: account, contact: contact(`${account}@example.com`), lines: mug },
      await tokens.customer(account, 'app'),
    );
    const survivor = await profileOf(known.id);
    expect(
      (
        await customers('PATCH', `/${survivor}/preferences`, {
          preferredContactChannel: 'push',
          marketingConsents: [{ contactChannel: 'email', granted: true }],
        })
      ).status,
    ).toBe(200);

    // Two guest orders under another e-mail make a second profile of the same person.
    const otherEmail = `${randomUUID().slice(0, 8)}@example.org`;
    const before = await e2e.j.placeOrder({ channel: 'web', storeId: store, customerId: null, contact: contact(otherEmail), lines: mug });
    const after = await e2e.j.placeOrder({ channel: 'web', storeId: store, customerId: null, contact: contact(otherEmail), lines: mug });
    const duplicate = await profileOf(before.id);
    expect(await profileOf(after.id)).toBe(duplicate);
    expect(duplicate).not.toBe(survivor);
    await eventually(async () => expect(await orderProfileInOrderService(after.id)).toBe(duplicate));
    expect((await collectable(before.id)).v2).toMatchObject({ contactChannel: null });

    const merged = await customers('POST', '/merges', {
      mergedCustomerId: duplicate,
      survivingCustomerId: survivor,
      reason: 'the customer showed both e-mail addresses at the till',
    });
    expect(merged.status).toBe(201);
    await eventually(async () => expect(await orderProfileInOrderService(after.id)).toBe(survivor));
    expect((await collectable(after.id)).v2).toMatchObject({ contactChannel: 'push' });
    expect(await sql(e2e.stack.databases.order, 'SELECT granted FROM marketing_consents WHERE account_id = $1', [account])).toEqual([{ granted: true }]);

    expect((await customers('POST', `/${survivor}/erasure`)).status).toBe(201);
    await eventually(async () => {
      const left = await sql<{ n: number }>(
        e2e.stack.databases.order,
        `SELECT ((SELECT count(*) FROM customer_preferences WHERE customer_id = ANY($1::uuid[]))
               + (SELECT count(*) FROM order_customers WHERE customer_id = ANY($1::uuid[]))
               + (SELECT count(*) FROM marketing_consents WHERE account_id = $2 OR customer_id = ANY($1::uuid[])))::int AS n`,
        [[survivor, duplicate], account],
      );
      expect(left).toEqual([{ n: 0 }]);
    });
  });

  it('a pickup not collected a day before its deadline gets one reminder, to the preferred channel, across crashes of the order service', async () => {
    const account = `acct-${randomUUID().slice(0, 8)}`;
    const reminded = await e2e.j.placeOrder(
      { channel: 'app', storeId: store, customerId: account, contact: contact(`${account}@example.com`), lines: mug },
      await tokens.customer(account, 'app'),
    );
    const profile = await profileOf(reminded.id);
    expect((await customers('PATCH', `/${profile}/preferences`, { preferredContactChannel: 'push' })).status).toBe(200);
    await eventually(async () =>
      expect(await sql(e2e.stack.databases.order, 'SELECT preferred_contact_channel FROM customer_preferences WHERE customer_id = $1', [profile])).toEqual([
        { preferred_contact_channel: 'push' },
      ]),
    );
    // Another store holds pickups for four days instead of three: its reminder is due a day later.
    const longHold = Journey.id('S');
    await e2e.j.location(longHold, { pickupHoldDays: 4 });
    await e2e.j.receive(longHold, 'MUG', 5);
    const later = await e2e.j.placeOrder({
      channel: 'web',
      storeId: longHold,
      customerId: null,
      contact: contact(`${randomUUID().slice(0, 8)}@example.com`),
      lines: mug,
    });
    await collectable(reminded.id);
    await e2e.j.status(later.id, 'RESERVED');
    await e2e.j.pickAll(longHold, later.id);
    const reminders = (orderId: string) =>
      e2e.probe
        .on(NOTIFICATION_REQUESTS_TOPIC, { key: orderId, type: 'notification.requested.v2' })
        .map((m) => JSON.parse(m.value ?? '{}'))
        .filter((n) => n.template === 'pickup-reminder');
    expect(reminders(reminded.id)).toEqual([]);

    const HOUR = 3600 * 1000;
    try {
      // 2½ days on: the three-day hold is a day from its deadline, the four-day one is not.
      await e2e.stack.services.order.restart({ CLOCK_OFFSET_MS: String(60 * HOUR), EXPIRY_SWEEP_INTERVAL_MS: '300' }, { crash: true });
      const [first] = await eventually(() => {
        const found = reminders(reminded.id);
        expect(found).toHaveLength(1);
        return found;
      });
      expect(first).toMatchObject({ orderId: reminded.id, template: 'pickup-reminder', contactChannel: 'push', pickupCode: null, storeId: store });
      await eventually(() =>
        expect(
          e2e.probe
            .on(NOTIFICATION_REQUESTS_TOPIC, { key: reminded.id, type: 'notification.requested.v1' })
            .map((m) => JSON.parse(m.value ?? '{}'))
            .filter((n) => n.template === 'pickup-reminder'),
        ).toHaveLength(1),
      );
      expect((await e2e.j.get(reminded.id)).status).toBe('READY_FOR_PICKUP');

      // 3⅓ days on, after another crash: the four-day hold is reminded, the three-day one expires, reminded once only.
      await e2e.stack.services.order.restart({ CLOCK_OFFSET_MS: String(80 * HOUR), EXPIRY_SWEEP_INTERVAL_MS: '300' }, { crash: true });
      await eventually(() => expect(reminders(later.id)).toEqual([expect.objectContaining({ contactChannel: null })]));
      await e2e.j.status(reminded.id, 'EXPIRED');
      expect(reminders(reminded.id)).toHaveLength(1);
    } finally {
      await e2e.stack.services.order.restart({ CLOCK_OFFSET_MS: '0' });
    }
  });
});
