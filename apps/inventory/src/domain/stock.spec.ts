import { schemaErrors, StockAdjustedV1 } from '@omni/contracts';
import { adjustStock, available } from './stock';
import { aStockLevel as stock } from './test/builders';

const now = new Date('2026-11-23T10:00:00.000Z');

describe('stock', () => {
  it.each([
    [stock(), 5],
    [stock({ reserved: 8 }), 0],
    [stock({ reserved: 10, safetyStock: 5 }), 0],
    [stock({ safetyStock: 0, reserved: 0 }), 10],
  ])('available of %j is %i', (s, expected) => {
    expect(available(s)).toBe(expected);
  });

  it.each([
    ['receipt', 5, 15, 5],
    ['damage', 4, 6, -4],
    ['count', 7, 7, -3],
  ] as const)('%s of %i leaves %i on hand (delta %i) and emits a valid event', (reason, qty, onHand, delta) => {
    const d = adjustStock(stock(), reason, qty, now);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.state.onHand).toBe(onHand);
    expect(d.state.reserved).toBe(3);
    expect(d.events).toHaveLength(1);
    expect(d.events[0].payload).toMatchObject({ delta, onHand, reason });
    expect(schemaErrors(StockAdjustedV1, d.events[0].payload)).toEqual([]);
  });

  it.each([
    ['damage', 8],
    ['count', 2],
  ] as const)('%s of %i is refused when on hand would drop below reserved', (reason, qty) => {
    expect(adjustStock(stock(), reason, qty, now)).toMatchObject({ ok: false, code: 'STOCK.BELOW_RESERVED' });
  });
});
