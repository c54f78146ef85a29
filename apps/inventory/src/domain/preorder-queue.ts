/**
 * The preorder queue (docs/preorders.md): per SKU and location, preorders wait in placement order
 * for units: at their pickup store, or — preorders for home delivery — at the warehouse that will
 * ship them. Pure functions: which entries a quantity of units serves, and when each waiting
 * entry should get its units given the supply planned.
 */

export type QueueStatus = 'WAITING' | 'ALLOCATED' | 'CANCELLED';

export interface QueueEntry {
  readonly lineId: string;
  readonly orderId: string;
  readonly fulfilmentId: string;
  readonly sku: string;
  /** Where the line waits: its pickup store, or the warehouse that will ship a delivery. */
  readonly storeId: string;
  readonly quantity: number;
  /** Units already held for it at its store: a line is served unit by unit as supply arrives, and is ALLOCATED once it has them all. */
  readonly allocated: number;
  /** Gap-free per SKU and store, given by the order service in placement order. */
  readonly sequence: number;
  readonly placedAt: Date;
  readonly status: QueueStatus;
}

/** Units that will be (or are) somewhere, from a date on: stock on hand now, or supply expected. */
export interface SupplyChunk {
  readonly locationId: string;
  /** A store's units serve only that store's queue; a warehouse's serve its own queue and every other location's, after a transfer. */
  readonly kind: 'store' | 'warehouse';
  readonly quantity: number;
  /** When the units can be at a store: at a store, when they arrive; at a warehouse, arrival plus transfer days. */
  readonly availableAt: Date;
  /** When they are at their own location, for the lines waiting there (a warehouse's deliveries); `availableAt` if not given. */
  readonly arrivesAt?: Date;
}

export interface Estimate {
  readonly position: number;
  readonly estimatedAt: Date | null;
}

/**
 * Placement order across stores. Within a store the sequence rules (it is the commit order; clocks
 * of concurrent placements may disagree with it); across stores, whose turn it is goes to the
 * store whose next entry was placed first (store id breaks ties).
 */
export function inPlacementOrder<E extends QueueEntry>(entries: readonly E[]): E[] {
  const queues = new Map<string, E[]>();
  for (const e of entries) queues.set(e.storeId, [...(queues.get(e.storeId) ?? []), e]);
  for (const q of queues.values()) q.sort((a, b) => a.sequence - b.sequence);
  const out: E[] = [];
  for (;;) {
    let next: E[] | undefined;
    for (const q of queues.values()) {
      if (q.length === 0) continue;
      if (
        !next ||
        q[0].placedAt.getTime() < next[0].placedAt.getTime() ||
        (q[0].placedAt.getTime() === next[0].placedAt.getTime() && q[0].storeId < next[0].storeId)
      )
        next = q;
    }
    if (!next) return out;
    out.push(next.shift()!);
  }
}

/** Units an entry still waits for. */
export const stillNeeded = (e: Pick<QueueEntry, 'quantity' | 'allocated'>) => e.quantity - e.allocated;

/**
 * First come, first served, unit by unit: `available` units arriving at a store go to its waiting
 * entries in sequence order, each taking what it still needs. An entry the units cannot complete
 * takes what there is and keeps its place; nobody behind it gets a unit before it is complete.
 * `units` is what each served entry takes now; `complete` whether it then has them all.
 */
export function fifoUnits<E extends QueueEntry>(waiting: readonly E[], available: number): { entry: E; units: number; complete: boolean }[] {
  const served: { entry: E; units: number; complete: boolean }[] = [];
  let left = available;
  for (const e of [...waiting].sort((a, b) => a.sequence - b.sequence)) {
    if (left <= 0) break;
    const units = Math.min(left, stillNeeded(e));
    served.push({ entry: e, units, complete: units === stillNeeded(e) });
    left -= units;
    if (units < stillNeeded(e)) break;
  }
  return served;
}

/**
 * Place in line and expected date of every waiting entry of one SKU. Positions count per location.
 * Dates: entries take supply in placement order, as allocation gives it, unit by unit, earliest
 * first: their own location's chunks from arrival, a warehouse's elsewhere after its transfer
 * days. The date is that of the chunk that completes them; null when planned supply cannot.
 */
export function estimateQueue(entries: readonly QueueEntry[], chunks: readonly (SupplyChunk & { readonly forStoreId?: string })[]): Map<string, Estimate> {
  const waiting = inPlacementOrder(entries.filter((e) => e.status === 'WAITING'));
  const positions = new Map<string, number>();
  const perStore = new Map<string, number>();
  for (const e of [...waiting].sort((a, b) => a.sequence - b.sequence)) {
    const n = (perStore.get(e.storeId) ?? 0) + 1;
    perStore.set(e.storeId, n);
    positions.set(e.lineId, n);
  }
  const left = chunks.map((c) => ({ ...c, remaining: c.quantity }));
  const out = new Map<string, Estimate>();
  for (const e of waiting) {
    let need = stillNeeded(e);
    let completedAt: Date | null = null;
    // Units at the line's own location serve it from their arrival; a warehouse's elsewhere after the transfer.
    const local = (c: SupplyChunk) => c.locationId === e.storeId;
    const at = (c: SupplyChunk) => (local(c) ? (c.arrivesAt ?? c.availableAt) : c.availableAt);
    const usable = left
      .filter((c) => c.remaining > 0 && (c.kind === 'warehouse' || local(c)))
      .sort((a, b) => at(a).getTime() - at(b).getTime() || a.locationId.localeCompare(b.locationId));
    for (const c of usable) {
      const take = Math.min(need, c.remaining);
      c.remaining -= take;
      need -= take;
      if (need === 0) {
        completedAt = at(c);
        break;
      }
    }
    out.set(e.lineId, { position: positions.get(e.lineId)!, estimatedAt: completedAt });
  }
  return out;
}

/** Units of one SKU a warehouse has or expects: on hand and available now, plus supply still due. */
export interface PlannedUnits {
  readonly warehouseId: string;
  readonly sku: string;
  readonly quantity: number;
}

/**
 * Where a preorder for home delivery waits and ships from: the warehouse with the most of the
 * group's units planned (on hand or expected, each line counting up to what it asks), ties to the
 * first id; with nothing planned anywhere, the first warehouse. Null when there is no warehouse.
 */
export function queueWarehouse(
  warehouseIds: readonly string[],
  lines: readonly { sku: string; quantity: number }[],
  planned: readonly PlannedUnits[],
): string | null {
  let best: { id: string; units: number } | null = null;
  for (const id of [...warehouseIds].sort()) {
    const units = lines.reduce(
      (sum, l) =>
        sum +
        Math.min(
          l.quantity,
          planned.filter((p) => p.warehouseId === id && p.sku === l.sku).reduce((n, p) => n + p.quantity, 0),
        ),
      0,
    );
    if (!best || units > best.units) best = { id, units };
  }
  return best?.id ?? null;
}
