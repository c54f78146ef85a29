export type LocationKind = 'store' | 'warehouse';

export interface Location {
  readonly id: string;
  readonly name: string;
  readonly kind: LocationKind;
  /** IANA time zone, for opening hours and local pickup deadlines. */
  readonly timeZone: string;
  readonly offersPickup: boolean;
  /** Minutes the store needs to pick an order once the units are there. */
  readonly pickTimeMinutes: number;
  /** Days a ready order waits at the store before it expires. */
  readonly pickupHoldDays: number;
  /** Days a transfer from this location to any store takes. */
  readonly transferDays: number;
  readonly latitude: number | null;
  readonly longitude: number | null;
}

export type PickupRefusal = 'LOCATION.UNKNOWN' | 'LOCATION.NO_PICKUP';

/** Whether an order can be picked up at `store` (null: the id names no location). */
export function pickupRefusal(store: Location | null): PickupRefusal | null {
  if (!store) return 'LOCATION.UNKNOWN';
  if (!store.offersPickup) return 'LOCATION.NO_PICKUP';
  return null;
}

const DAY_MS = 24 * 3600 * 1000;
const MINUTE_MS = 60 * 1000;

/** When a transfer from `source` that starts at `now` reaches the store. */
export function expectedArrival(source: Pick<Location, 'transferDays'>, now: Date): Date {
  return new Date(now.getTime() + source.transferDays * DAY_MS);
}

/** Promised pickup time: once the last transfer has arrived (or now), plus the store's pick time. */
export function readyBy(store: Pick<Location, 'pickTimeMinutes'>, now: Date, arrivals: readonly Date[]): Date {
  const latest = Math.max(now.getTime(), ...arrivals.map((a) => a.getTime()));
  return new Date(latest + store.pickTimeMinutes * MINUTE_MS);
}

/** Great-circle distance in km, or null when either side has no coordinates. */
export function distanceKm(a: Pick<Location, 'latitude' | 'longitude'>, b: Pick<Location, 'latitude' | 'longitude'>): number | null {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return null;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
