import { Channel, Disposition, RETURNS_EVENTS_TOPIC, ReturnCompletedPayload, ReturnCompletedV1, WireMessage } from '@omni/contracts';
import { eventually, http, mintToken, testEvent } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import { CustomerHarness, uniq } from './customer.harness';

/**
 * Returns KPIs on a seeded history: return.completed events as the returns service publishes them,
 * at two stores, on two days, in two currencies, bought in several channels, brought back at the
 * counter and by mail, refunds to the tender and as store credit, even and uneven exchanges, units
 * sellable, damaged and for the vendor. The
 * figures the customer service answers are compared with those worked out by hand below; a
 * redelivered event changes nothing; filters and a store token's reach are checked.
 */
describe('returns KPIs from the returns events', () => {
  const h = new CustomerHarness();
  const storeA = uniq('RK-A');
  const storeB = uniq('RK-B');

  beforeAll(() => h.start());
  afterAll(() => h.stop());

  function completed(o: {
    orderId?: string;
    storeId: string;
    at: string;
    orderChannel: Channel;
    kind?: 'return' | 'exchange';
    difference: number;
    refundMethod: 'original-tender' | 'store-credit' | null;
    refundAmount: number;
    currency?: string;
    channel?: 'store' | 'mail';
    units?: { quantity: number; disposition: Disposition };
  }): WireMessage {
    const p: ReturnCompletedPayload = {
      returnId: randomUUID(),
      orderId: o.orderId ?? randomUUID(),
      kind: o.kind ?? 'return',
      storeId: o.storeId,
      associateId: 'a-1',
      orderChannel: o.orderChannel,
      orderPlacedAtStoreId: o.orderChannel === 'pos' ? o.storeId : null,
      authorisationId: null,
      policyVersion: 1,
      currency: o.currency ?? 'EUR',
      lines: [
        {
          lineId: randomUUID(),
          sku: 'SKU-1',
          unitPrice: 2500,
          condition: 'new',
          rule: 'within-window',
          ...(o.units ?? { quantity: 1, disposition: 'sellable' }),
        },
      ],
      replacements: o.kind === 'exchange' ? [{ sku: 'SKU-2', quantity: 1, unitPrice: 2500 + o.difference }] : [],
      difference: o.difference,
      refundMethod: o.refundMethod,
      refundAmount: o.refundAmount,
      charged: o.difference > 0 ? { tender: 'card', amount: o.difference, reference: 'pos-1' } : null,
      ...(o.channel ? { channel: o.channel } : {}),
      completedAt: o.at,
    };
    return testEvent(ReturnCompletedV1, p);
  }

  const day1 = '2025-03-10T09:15:00.000Z';
  const day2 = '2025-03-11T16:40:00.000Z';
  const history = [
    completed({ storeId: storeA, at: day1, orderChannel: 'web', difference: -2500, refundMethod: 'original-tender', refundAmount: 2500 }),
    completed({
      storeId: storeA,
      at: day1,
      orderChannel: 'pos',
      difference: -4000,
      refundMethod: 'store-credit',
      refundAmount: 4000,
      units: { quantity: 2, disposition: 'damaged' },
    }),
    completed({ storeId: storeA, at: day1, orderChannel: 'app', kind: 'exchange', difference: 0, refundMethod: null, refundAmount: 0 }),
    completed({ storeId: storeA, at: day1, orderChannel: 'web', kind: 'exchange', difference: 1500, refundMethod: null, refundAmount: 0 }),
    completed({
      storeId: storeA,
      at: day1,
      orderChannel: 'web',
      difference: -1200,
      refundMethod: 'original-tender',
      refundAmount: 1200,
      channel: 'mail',
      units: { quantity: 1, disposition: 'return-to-vendor' },
    }),
    completed({ storeId: storeA, at: day1, orderChannel: 'web', difference: -3000, refundMethod: 'original-tender', refundAmount: 3000, currency: 'USD' }),
    completed({ storeId: storeA, at: day2, orderChannel: 'pos', difference: -999, refundMethod: 'original-tender', refundAmount: 999, channel: 'store' }),
    completed({ storeId: storeB, at: day1, orderChannel: 'app', difference: -500, refundMethod: 'store-credit', refundAmount: 500 }),
  ];
  const window = 'from=2025-03-10T00:00:00Z&to=2025-03-12T00:00:00Z';
  const kpis = async (query: string, token?: string) =>
    http(
      'GET',
      `${h.stack.services.customer.url}/kpis/returns?${window}&${query}`,
      undefined,
      {},
      { token: token ?? (await mintToken({ sub: 'ops', scope: 'kpis:read' })) },
    );
  const row = (bucket: string, storeId: string, currency: string, c: Record<string, number | null>) => ({ bucket, storeId, currency, ...c });

  // Worked out by hand from `history`.
  const storeAByDay = [
    // 5 in EUR on day 1: bought online web, app, web, web (one POS sale); one by mail; two exchanges, one even;
    // 2,500 + 1,200 to the tender, 4,000 as store credit, 1,500 charged for the uneven exchange;
    // units: 3 sellable (one each), 2 damaged (the POS sale's), 1 for the vendor (the one by mail).
    row('2025-03-10T00:00:00Z', storeA, 'EUR', {
      returns: 5,
      boughtOnline: 4,
      byMail: 1,
      exchanges: 2,
      evenExchanges: 1,
      refundedToTender: 3700,
      refundedAsStoreCredit: 4000,
      chargedForExchanges: 1500,
      unitsRestocked: 3,
      unitsDamaged: 2,
      unitsReturnToVendor: 1,
      crossChannelShare: 0.8,
      exchangeShare: 0.4,
      storeCreditShare: 0.5195,
      restockRate: 0.5,
    }),
    row('2025-03-10T00:00:00Z', storeA, 'USD', {
      returns: 1,
      boughtOnline: 1,
      byMail: 0,
      exchanges: 0,
      evenExchanges: 0,
      refundedToTender: 3000,
      refundedAsStoreCredit: 0,
      chargedForExchanges: 0,
      unitsRestocked: 1,
      unitsDamaged: 0,
      unitsReturnToVendor: 0,
      crossChannelShare: 1,
      exchangeShare: 0,
      storeCreditShare: 0,
      restockRate: 1,
    }),
    row('2025-03-11T00:00:00Z', storeA, 'EUR', {
      returns: 1,
      boughtOnline: 0,
      byMail: 0,
      exchanges: 0,
      evenExchanges: 0,
      refundedToTender: 999,
      refundedAsStoreCredit: 0,
      chargedForExchanges: 0,
      unitsRestocked: 1,
      unitsDamaged: 0,
      unitsReturnToVendor: 0,
      crossChannelShare: 0,
      exchangeShare: 0,
      storeCreditShare: 0,
      restockRate: 1,
    }),
  ];

  it('counts returns per day, store and currency as worked out by hand, and a redelivery changes nothing', async () => {
    await h.probe.produce(RETURNS_EVENTS_TOPIC, history);
    await eventually(async () => expect((await kpis(`storeId=${storeA}`)).body.rows).toEqual(storeAByDay));
    await h.probe.produce(RETURNS_EVENTS_TOPIC, [history[0]]);
    // After the redelivery on its partition (the same order, the same key): counted once the redelivery was skipped.
    const marker = completed({
      orderId: history[0].key,
      storeId: storeB,
      at: day2,
      orderChannel: 'web',
      difference: -100,
      refundMethod: 'original-tender',
      refundAmount: 100,
    });
    await h.probe.produce(RETURNS_EVENTS_TOPIC, [marker]);
    await eventually(async () => expect((await kpis(`storeId=${storeB}`)).body.rows).toHaveLength(2));
    expect((await kpis(`storeId=${storeA}`)).body.rows).toEqual(storeAByDay);
  });

  it('filters by the channel the order was placed in, and buckets by the hour', async () => {
    expect((await kpis(`storeId=${storeA}&channel=web`)).body.rows).toEqual([
      row('2025-03-10T00:00:00Z', storeA, 'EUR', {
        returns: 3,
        boughtOnline: 3,
        byMail: 1,
        exchanges: 1,
        evenExchanges: 0,
        refundedToTender: 3700,
        refundedAsStoreCredit: 0,
        chargedForExchanges: 1500,
        unitsRestocked: 2,
        unitsDamaged: 0,
        unitsReturnToVendor: 1,
        crossChannelShare: 1,
        exchangeShare: 0.3333,
        storeCreditShare: 0,
        restockRate: 0.6667,
      }),
      row('2025-03-10T00:00:00Z', storeA, 'USD', {
        returns: 1,
        boughtOnline: 1,
        byMail: 0,
        exchanges: 0,
        evenExchanges: 0,
        refundedToTender: 3000,
        refundedAsStoreCredit: 0,
        chargedForExchanges: 0,
        unitsRestocked: 1,
        unitsDamaged: 0,
        unitsReturnToVendor: 0,
        crossChannelShare: 1,
        exchangeShare: 0,
        storeCreditShare: 0,
        restockRate: 1,
      }),
    ]);
    const hourly = await kpis(`storeId=${storeB}&granularity=hour`);
    expect(hourly.body.rows.map((r: { bucket: string; returns: number }) => [r.bucket, r.returns])).toEqual([
      ['2025-03-10T09:00:00Z', 1],
      ['2025-03-11T16:00:00Z', 1],
    ]);
  });

  it("shows a store token its own store only, and refuses another store's figures", async () => {
    const storeB_ = await mintToken({ sub: `pos:${storeB}:1`, store_id: storeB, channel: 'pos', scope: 'kpis:read' });
    const own = await kpis('', storeB_);
    expect(own.body.rows.map((r: { storeId: string }) => r.storeId)).toEqual([storeB, storeB]);
    const other = await kpis(`storeId=${storeA}`, storeB_);
    expect([other.status, other.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
  });

  it('names the field and rule of a bad window or filter, and answers nothing', async () => {
    const backwards = await http(
      'GET',
      `${h.stack.services.customer.url}/kpis/returns?from=2025-03-12T00:00:00Z&to=2025-03-10T00:00:00Z`,
      undefined,
      {},
      { token: await mintToken({ sub: 'ops', scope: 'kpis:read' }) },
    );
    expect([backwards.status, backwards.body.errors]).toEqual([400, [expect.objectContaining({ field: 'to', rule: 'isAfterFrom' })]]);
    const badChannel = await kpis('channel=fax');
    expect([badChannel.status, badChannel.body.errors?.[0]?.field]).toEqual([400, 'channel']);
  });
});
