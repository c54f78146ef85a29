import { cartKpis } from './cart-kpis';

describe('cart KPIs', () => {
  const counts = { bucket: '2026-12-03T00:00:00Z', startedChannel: 'app', lastChannel: 'pos', started: 8, checkedOut: 6, abandoned: 1, merged: 0, open: 1 };

  it('converts and abandons over the carts started, and says a cart handed from the app to a store moved across channels', () => {
    expect(cartKpis(counts)).toEqual({ ...counts, crossChannel: true, handedToStore: true, conversionRate: 0.75, abandonmentRate: 0.125 });
  });

  it('tells a cart continued online from one handed to a store, and one that never moved from both', () => {
    expect(cartKpis({ ...counts, lastChannel: 'web' })).toMatchObject({ crossChannel: true, handedToStore: false });
    expect(cartKpis({ ...counts, startedChannel: 'pos' })).toMatchObject({ crossChannel: false, handedToStore: false });
    expect(cartKpis({ ...counts, startedChannel: 'web', lastChannel: 'web' })).toMatchObject({ crossChannel: false, handedToStore: false });
  });

  it('has no rate where no cart was started (not a zero)', () => {
    expect(cartKpis({ ...counts, started: 0, checkedOut: 0, abandoned: 0, open: 0 })).toMatchObject({ conversionRate: null, abandonmentRate: null });
  });
});
