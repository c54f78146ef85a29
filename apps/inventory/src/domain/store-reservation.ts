import { available, StockLevel } from './stock';

/** Where a stock level is found in a working set: one location, one SKU. */
export function stockKey(locationId: string, sku: string): string {
  return `${locationId}\u0000${sku}`;
}

export interface PickupAtStore {
  readonly storeId: string;
  readonly lines: readonly { readonly sku: string; readonly quantity: number }[];
}

/**
 * The common case of a click & collect order, decided without sourcing: every pickup group is
 * reserved at its own store because that store has every unit of its lines now. Answers the
 * stock levels after the reservation (one per location and SKU touched), or null when any line
 * cannot be had at its store — the order then goes to the sourcing rule, which may reserve it
 * elsewhere with a transfer, or refuse it. Never more than available: the same rule as the
 * conditional UPDATE of the one-order path (`available`, safety stock included).
 */
export function reserveAtStores(levels: ReadonlyMap<string, StockLevel>, groups: readonly PickupAtStore[]): StockLevel[] | null {
  const next = new Map<string, StockLevel>();
  for (const g of groups) {
    for (const l of g.lines) {
      const key = stockKey(g.storeId, l.sku);
      const level = next.get(key) ?? levels.get(key);
      if (!level || available(level) < l.quantity) return null;
      next.set(key, { ...level, reserved: level.reserved + l.quantity });
    }
  }
  return [...next.values()];
}
