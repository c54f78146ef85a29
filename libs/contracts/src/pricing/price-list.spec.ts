import { checkPriceEntries, listPrice, PriceEntry, PriceQuery } from './price-list';

const at = (iso: string) => new Date(iso);
const entry = (e: Partial<PriceEntry> & Pick<PriceEntry, 'unitPrice'>): PriceEntry => ({
  currency: 'EUR',
  storeId: null,
  channel: null,
  validFrom: null,
  validUntil: null,
  ...e,
});

describe('listPrice', () => {
  const standing = entry({ unitPrice: 3900 });
  const paris = entry({ unitPrice: 4200, storeId: 'PARIS' });
  const sale = entry({ unitPrice: 2900, validFrom: at('2026-12-01T00:00:00Z'), validUntil: at('2026-12-08T00:00:00Z') });
  const usd = entry({ unitPrice: 4500, currency: 'USD', validFrom: at('2026-01-01T00:00:00Z') });
  const list = [standing, paris, sale, usd];

  it.each([
    ['the general price where the store has none of its own', { currency: 'EUR', storeId: 'LYON', channel: 'web', at: at('2026-11-01T00:00:00Z') }, 3900],
    ['the general price online', { currency: 'EUR', storeId: null, channel: 'web', at: at('2026-11-01T00:00:00Z') }, 3900],
    ["the store's own price at that store", { currency: 'EUR', storeId: 'PARIS', channel: 'web', at: at('2026-11-01T00:00:00Z') }, 4200],
    ["the store's own price even during a general sale", { currency: 'EUR', storeId: 'PARIS', channel: 'web', at: at('2026-12-02T00:00:00Z') }, 4200],
    ['the sale, laid over the standing price, while it lasts', { currency: 'EUR', storeId: 'LYON', channel: 'web', at: at('2026-12-02T00:00:00Z') }, 2900],
    ['the sale from its first instant', { currency: 'EUR', storeId: null, channel: 'web', at: at('2026-12-01T00:00:00Z') }, 2900],
    [
      'the standing price again when the sale ends (its end excluded)',
      { currency: 'EUR', storeId: null, channel: 'web', at: at('2026-12-08T00:00:00Z') },
      3900,
    ],
    ['the price of the currency asked', { currency: 'USD', storeId: null, channel: 'web', at: at('2026-11-01T00:00:00Z') }, 4500],
    ['nothing in a currency the list has no price in', { currency: 'GBP', storeId: null, channel: 'web', at: at('2026-11-01T00:00:00Z') }, null],
    ['nothing before the first price starts', { currency: 'USD', storeId: null, channel: 'web', at: at('2025-06-01T00:00:00Z') }, null],
    ['a price with no start date at any time', { currency: 'EUR', storeId: null, channel: 'web', at: at('1999-06-01T00:00:00Z') }, 3900],
  ] as [string, PriceQuery, number | null][])('%s', (_, query, expected) => {
    expect(listPrice(list, query)).toBe(expected);
  });

  describe('per channel', () => {
    const now = at('2026-11-01T00:00:00Z');
    const app = entry({ unitPrice: 3500, channel: 'app' });
    const parisPos = entry({ unitPrice: 4000, storeId: 'PARIS', channel: 'pos' });
    const appSale = entry({ unitPrice: 2500, channel: 'app', validFrom: at('2026-10-01T00:00:00Z') });
    const channelList = [standing, paris, app, parisPos];

    it.each([
      ["the channel's own price in that channel", { currency: 'EUR', storeId: null, channel: 'app', at: now }, 3500],
      ['the general price in a channel without its own', { currency: 'EUR', storeId: null, channel: 'web', at: now }, 3900],
      ["a store's own price in one channel there, before the store's own", { currency: 'EUR', storeId: 'PARIS', channel: 'pos', at: now }, 4000],
      ["the store's own price in the other channels there, before a channel's own", { currency: 'EUR', storeId: 'PARIS', channel: 'app', at: now }, 4200],
      ["a channel's own price at a store without its own", { currency: 'EUR', storeId: 'LYON', channel: 'app', at: now }, 3500],
    ] as [string, PriceQuery, number][])('%s', (_, query, expected) => {
      expect(listPrice(channelList, query)).toBe(expected);
    });

    it("lays a channel's sale over the channel's standing price, never over another channel's", () => {
      expect(listPrice([...channelList, appSale], { currency: 'EUR', storeId: null, channel: 'app', at: now })).toBe(2500);
      expect(listPrice([...channelList, appSale], { currency: 'EUR', storeId: null, channel: 'web', at: now })).toBe(3900);
    });
  });

  it('answers null for a SKU with no entries', () => {
    expect(listPrice([], { currency: 'EUR', storeId: null, channel: 'web', at: at('2026-11-01T00:00:00Z') })).toBeNull();
  });
});

describe('checkPriceEntries', () => {
  it('accepts a standing price with a sale over it and a store price', () => {
    expect(
      checkPriceEntries([
        entry({ unitPrice: 1 }),
        entry({ unitPrice: 2, validFrom: at('2026-02-01T00:00:00Z'), validUntil: at('2026-03-01T00:00:00Z') }),
        entry({ unitPrice: 3, storeId: 'S' }),
      ]),
    ).toEqual([]);
  });

  it('names an entry that ends before it starts', () => {
    expect(checkPriceEntries([entry({ unitPrice: 1, validFrom: at('2026-01-02T00:00:00Z'), validUntil: at('2026-01-01T00:00:00Z') })])).toEqual([
      expect.objectContaining({ index: 0, field: 'validUntil', rule: 'afterValidFrom' }),
    ]);
  });

  it('accepts an entry with no start that ends: in force until then', () => {
    expect(checkPriceEntries([entry({ unitPrice: 1, validUntil: at('2026-01-01T00:00:00Z') })])).toEqual([]);
  });

  it('accepts a general and a channel price starting together, and names two of one channel', () => {
    expect(checkPriceEntries([entry({ unitPrice: 1 }), entry({ unitPrice: 2, channel: 'app' })])).toEqual([]);
    expect(checkPriceEntries([entry({ unitPrice: 2, channel: 'app' }), entry({ unitPrice: 3, channel: 'app' })])).toEqual([
      expect.objectContaining({ index: 1, field: 'validFrom', rule: 'unique' }),
    ]);
  });

  it('names the second of two entries of one currency and store starting together', () => {
    expect(checkPriceEntries([entry({ unitPrice: 1 }), entry({ unitPrice: 2, currency: 'USD' }), entry({ unitPrice: 3 })])).toEqual([
      expect.objectContaining({ index: 2, field: 'validFrom', rule: 'unique' }),
    ]);
  });
});
