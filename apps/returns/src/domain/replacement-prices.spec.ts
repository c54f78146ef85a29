import { PriceEntry } from '@omni/contracts';
import { priceReplacements } from './replacement-prices';

const entry = (e: Partial<PriceEntry> & Pick<PriceEntry, 'unitPrice'>): PriceEntry => ({
  currency: 'EUR',
  storeId: null,
  channel: null,
  validFrom: null,
  validUntil: null,
  ...e,
});
const at = new Date('2026-12-05T12:00:00Z');
const sale = { currency: 'EUR', storeId: 'LYON', at };
const list = new Map<string, PriceEntry[]>([
  ['SNEAKER-43', [entry({ unitPrice: 8900 }), entry({ unitPrice: 8500, storeId: 'LYON' }), entry({ unitPrice: 7900, channel: 'app' })]],
  [
    'PARKA-L',
    [
      entry({ unitPrice: 19900 }),
      entry({ unitPrice: 14900, channel: 'pos', validFrom: new Date('2026-12-01T00:00:00Z'), validUntil: new Date('2026-12-08T00:00:00Z') }),
    ],
  ],
]);

describe("an exchange's replacements are priced as a sale at the till that takes the return", () => {
  it("accepts the store's own price, and a POS sale laid over the standing price while it lasts", () => {
    expect(
      priceReplacements(
        [
          { sku: 'SNEAKER-43', unitPrice: 8500 },
          { sku: 'PARKA-L', unitPrice: 14900 },
        ],
        list,
        sale,
        null,
      ),
    ).toEqual({ ok: true, override: null });
    expect(priceReplacements([{ sku: 'PARKA-L', unitPrice: 19900 }], list, { ...sale, at: new Date('2026-12-09T00:00:00Z') }, null)).toEqual({
      ok: true,
      override: null,
    });
  });

  it("refuses another store's or another channel's price, naming the list's price", () => {
    expect(priceReplacements([{ sku: 'SNEAKER-43', unitPrice: 7900 }], list, sale, null)).toEqual({
      ok: false,
      code: 'PRICE.MISMATCH',
      detail: 'SNEAKER-43 sells at 8500, not 7900',
    });
    expect(priceReplacements([{ sku: 'SNEAKER-43', unitPrice: 8500 }], list, { ...sale, storeId: 'PARIS' }, null)).toEqual({
      ok: false,
      code: 'PRICE.MISMATCH',
      detail: 'SNEAKER-43 sells at 8900, not 8500',
    });
  });

  it('refuses a SKU the list does not price in the currency', () => {
    expect(priceReplacements([{ sku: 'SCARF', unitPrice: 1 }], list, sale, null)).toMatchObject({ ok: false, code: 'PRICE.NOT_LISTED' });
    expect(priceReplacements([{ sku: 'SNEAKER-43', unitPrice: 8500 }], list, { ...sale, currency: 'USD' }, null)).toMatchObject({
      ok: false,
      code: 'PRICE.NOT_LISTED',
    });
  });

  it("keeps a trusted caller's price, with what the list said", () => {
    expect(
      priceReplacements(
        [
          { sku: 'SNEAKER-43', unitPrice: 5000 },
          { sku: 'SCARF', unitPrice: 1 },
        ],
        list,
        sale,
        'price-match-desk',
      ),
    ).toEqual({
      ok: true,
      override: {
        by: 'price-match-desk',
        lines: [
          { sku: 'SNEAKER-43', listPrice: 8500, unitPrice: 5000 },
          { sku: 'SCARF', listPrice: null, unitPrice: 1 },
        ],
      },
    });
  });
});
