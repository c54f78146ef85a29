import { channelCreditKpis } from './channel-credit-kpis';

describe('channel credit KPIs', () => {
  it('add what the store collected and shipped for others into its fulfilment credit, and keep every count', () => {
    const c = {
      bucket: '2026-12-03T00:00:00Z',
      storeId: 'PARIS',
      channel: 'web',
      currency: 'EUR',
      sold: 0,
      soldAmount: 0,
      collected: 2,
      collectedAmount: 3000,
      shipped: 1,
      shippedAmount: 1200,
      exchanged: 1,
      exchangedAmount: 900,
      takenBack: 0,
      takenBackAmount: 0,
    };
    expect(channelCreditKpis(c)).toEqual({ ...c, fulfilledForOthersAmount: 4200 });
  });
});
