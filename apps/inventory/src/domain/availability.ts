import { expectedArrival, Location, readyBy } from './location';
import { Candidate, planSourcing } from './sourcing';

export type PickupMode = 'store' | 'transfer' | 'none';

export interface PickupAnswer {
  readonly mode: PickupMode;
  readonly readyBy: string | null;
  readonly fromLocationId: string | null;
}

/**
 * When `quantity` units of `sku` can be picked up at `store`: from its own shelves after the
 * pick time, else by the sourcing rule's transfer, else not at all. A store that takes no
 * pickups answers none.
 */
export function pickupAnswer(
  store: Location,
  sku: string,
  quantity: number,
  availableAtStore: number,
  candidates: readonly Candidate[],
  now: Date,
): PickupAnswer {
  if (!store.offersPickup) return { mode: 'none', readyBy: null, fromLocationId: null };
  if (availableAtStore >= quantity) return { mode: 'store', readyBy: readyBy(store, now, []).toISOString(), fromLocationId: null };
  const plan = planSourcing(store, candidates, [{ lineId: sku, sku, quantity }]);
  const chosen = plan.assignments[0];
  if (!chosen) return { mode: 'none', readyBy: null, fromLocationId: null };
  const source = candidates.find((c) => c.location.id === chosen.locationId)!.location;
  const arrival = expectedArrival(source, now);
  return { mode: 'transfer', readyBy: readyBy(store, now, [arrival]).toISOString(), fromLocationId: chosen.locationId };
}
