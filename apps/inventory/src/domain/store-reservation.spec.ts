import { StockLevel } from './stock';
import { reserveAtStores, stockKey } from './store-reservation';

const level = (locationId: string, sku: string, onHand: number, reserved = 0, safetyStock = 0): StockLevel => ({
  locationId,
  sku,
  onHand,
  reserved,
  safetyStock,
});
const ledger = (...levels: StockLevel[]) => new Map(levels.map((l) => [stockKey(l.locationId, l.sku), l]));

describe('reserveAtStores', () => {
  it.each([
    ['exactly what is available', [level('PARIS', 'A', 3, 1)], [{ sku: 'A', quantity: 2 }], [level('PARIS', 'A', 3, 3)]],
    ['less than available', [level('PARIS', 'A', 10)], [{ sku: 'A', quantity: 1 }], [level('PARIS', 'A', 10, 1)]],
    [
      'two SKUs',
      [level('PARIS', 'A', 1), level('PARIS', 'B', 5, 4)],
      [
        { sku: 'A', quantity: 1 },
        { sku: 'B', quantity: 1 },
      ],
      [level('PARIS', 'A', 1, 1), level('PARIS', 'B', 5, 5)],
    ],
    [
      'the same SKU on two lines, adding up',
      [level('PARIS', 'A', 3)],
      [
        { sku: 'A', quantity: 1 },
        { sku: 'A', quantity: 2 },
      ],
      [level('PARIS', 'A', 3, 3)],
    ],
  ])('reserves %s', (_, levels, lines, expected) => {
    expect(reserveAtStores(ledger(...levels), [{ storeId: 'PARIS', lines }])).toEqual(expected);
  });

  it.each([
    ['more than on hand', [level('PARIS', 'A', 1)], [{ sku: 'A', quantity: 2 }]],
    ['units that are reserved', [level('PARIS', 'A', 3, 2)], [{ sku: 'A', quantity: 2 }]],
    ['the safety stock', [level('PARIS', 'A', 3, 0, 2)], [{ sku: 'A', quantity: 2 }]],
    ['a SKU the store never had', [level('PARIS', 'A', 3)], [{ sku: 'B', quantity: 1 }]],
    [
      'two lines of one SKU that only add up to too many',
      [level('PARIS', 'A', 2)],
      [
        { sku: 'A', quantity: 1 },
        { sku: 'A', quantity: 2 },
      ],
    ],
    [
      'one line short among several',
      [level('PARIS', 'A', 5), level('PARIS', 'B', 0)],
      [
        { sku: 'A', quantity: 1 },
        { sku: 'B', quantity: 1 },
      ],
    ],
  ])('leaves the order to sourcing when it asks for %s', (_, levels, lines) => {
    expect(reserveAtStores(ledger(...levels), [{ storeId: 'PARIS', lines }])).toBeNull();
  });

  it("reserves each group at its own store, never another store's units", () => {
    const levels = ledger(level('PARIS', 'A', 1), level('LYON', 'A', 1));
    expect(
      reserveAtStores(levels, [
        { storeId: 'PARIS', lines: [{ sku: 'A', quantity: 1 }] },
        { storeId: 'LYON', lines: [{ sku: 'A', quantity: 1 }] },
      ]),
    ).toEqual([level('PARIS', 'A', 1, 1), level('LYON', 'A', 1, 1)]);
    expect(reserveAtStores(levels, [{ storeId: 'PARIS', lines: [{ sku: 'A', quantity: 2 }] }])).toBeNull();
  });

  it('changes nothing it is given (the caller applies the result)', () => {
    const levels = ledger(level('PARIS', 'A', 3));
    reserveAtStores(levels, [{ storeId: 'PARIS', lines: [{ sku: 'A', quantity: 1 }] }]);
    expect(levels.get(stockKey('PARIS', 'A'))).toEqual(level('PARIS', 'A', 3));
  });
});
