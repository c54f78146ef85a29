import { accept, Decision, event, StockAdjustedV1 } from '@omni/contracts';
import { refuse } from '@omni/contracts';

export interface StockLevel {
  readonly locationId: string;
  readonly sku: string;
  readonly onHand: number;
  readonly reserved: number;
  readonly safetyStock: number;
}

/** What can still be promised: on hand less what is reserved and the safety stock, never below zero. */
export function available(s: StockLevel): number {
  return Math.max(0, s.onHand - s.reserved - s.safetyStock);
}

export type AdjustmentReason = 'receipt' | 'count' | 'damage';
export type StockRefusal = 'STOCK.BELOW_RESERVED';

/**
 * A receipt adds units, damage removes them, a count states how many are on hand. On hand may
 * never fall below what is reserved: those units are promised to customers.
 */
export function adjustStock(s: StockLevel, reason: AdjustmentReason, quantity: number, now: Date): Decision<StockLevel, StockRefusal> {
  const onHand = reason === 'receipt' ? s.onHand + quantity : reason === 'damage' ? s.onHand - quantity : quantity;
  if (onHand < s.reserved) {
    return refuse('STOCK.BELOW_RESERVED', `on hand would be ${onHand}, below the ${s.reserved} units reserved`);
  }
  const next = { ...s, onHand };
  return accept(next, [
    event(StockAdjustedV1, {
      locationId: s.locationId,
      sku: s.sku,
      delta: onHand - s.onHand,
      onHand,
      reason,
      adjustedAt: now.toISOString(),
    }),
  ]);
}

export function emptyStock(locationId: string, sku: string): StockLevel {
  return { locationId, sku, onHand: 0, reserved: 0, safetyStock: 0 };
}
