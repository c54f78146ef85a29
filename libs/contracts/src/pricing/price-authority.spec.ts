import fc from 'fast-check';
import { checkPrices } from './price-authority';

const line = (sku: string, unitPrice: number, quantity = 1) => ({ sku, quantity, unitPrice });
const listed = new Map([
  ['SNEAKER-42', 8900],
  ['PARKA-L', 19900],
]);

describe('price authority: the price list prices every placement', () => {
  it('accepts lines at the list price, with nothing to audit', () => {
    expect(checkPrices([line('SNEAKER-42', 8900, 2), line('PARKA-L', 19900)], listed, null)).toEqual({ ok: true, override: null });
  });

  it('refuses a stated price the list disagrees with, naming each line and the list price', () => {
    expect(checkPrices([line('SNEAKER-42', 1), line('PARKA-L', 19900), line('PARKA-L', 100)], listed, null)).toEqual({
      ok: false,
      code: 'PRICE.MISMATCH',
      detail: 'SNEAKER-42 sells at 8900, not 1; PARKA-L sells at 19900, not 100',
    });
  });

  it('refuses a SKU the list does not price: a caller cannot make its price up', () => {
    expect(checkPrices([line('SNEAKER-42', 8900), line('UNLISTED', 1)], listed, null)).toMatchObject({
      ok: false,
      code: 'PRICE.NOT_LISTED',
      detail: expect.stringContaining('UNLISTED'),
    });
  });

  it('takes any stated price from a trusted caller and records who, and what the list said', () => {
    expect(checkPrices([line('SNEAKER-42', 7000), line('SNEAKER-42', 7000, 3), line('PARKA-L', 19900), line('UNLISTED', 500)], listed, 'back-office')).toEqual({
      ok: true,
      override: {
        by: 'back-office',
        lines: [
          { sku: 'SNEAKER-42', listPrice: 8900, unitPrice: 7000 },
          { sku: 'UNLISTED', listPrice: null, unitPrice: 500 },
        ],
      },
    });
  });

  it('never lets an untrusted caller buy at a price other than the list price', () => {
    const anyLine = fc.record({
      sku: fc.constantFrom('SNEAKER-42', 'PARKA-L', 'UNLISTED'),
      quantity: fc.integer({ min: 1, max: 5 }),
      unitPrice: fc.integer({ min: 0, max: 30_000 }),
    });
    fc.assert(
      fc.property(fc.array(anyLine, { minLength: 1, maxLength: 6 }), (lines) => {
        const r = checkPrices(lines, listed, null);
        expect(r.ok).toBe(lines.every((l) => listed.get(l.sku) === l.unitPrice));
      }),
    );
  });
});
