export type ReservationStatus = 'ACTIVE' | 'IN_TRANSIT' | 'RELEASED' | 'CONSUMED';
export type ReservationAction = 'release' | 'consume' | 'confirm' | 'shrink' | 'ship';

/** Units of an order line held at a location; with a transfer when they travel to the pickup store. */
export interface Reservation {
  readonly id: string;
  readonly orderId: string;
  readonly lineId: string;
  readonly locationId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly status: ReservationStatus;
  readonly transferId: string | null;
  readonly expiresAt: Date | null;
}

/**
 * A reservation's lifecycle. An active one is released (cancelled, expired, or written off by a
 * short pick), consumed (collected, or moved on by a transfer), confirmed (it stops expiring) or
 * shrunk (a short pick found fewer units), or shipped: its units left the source on a transfer and
 * are counted nowhere until the store receives them (consumed there, and reserved anew) — or, when
 * the order was released meanwhile, arrive unreserved. Released and consumed ones are history.
 */
export const RESERVATION_TRANSITIONS: Readonly<Record<ReservationStatus, Partial<Record<ReservationAction, ReservationStatus>>>> = {
  ACTIVE: { release: 'RELEASED', consume: 'CONSUMED', confirm: 'ACTIVE', shrink: 'ACTIVE', ship: 'IN_TRANSIT' },
  IN_TRANSIT: { release: 'RELEASED', consume: 'CONSUMED', confirm: 'IN_TRANSIT' },
  RELEASED: {},
  CONSUMED: {},
};

export function nextReservationStatus(from: ReservationStatus, action: ReservationAction): ReservationStatus | null {
  return RESERVATION_TRANSITIONS[from][action] ?? null;
}

/** An unconfirmed reservation holds until `now + ttl`; after that the sweeper may release it. */
export function expiresAt(now: Date, ttlMinutes: number): Date {
  return new Date(now.getTime() + ttlMinutes * 60_000);
}

export function isExpired(expires: Date | null, now: Date): boolean {
  return expires !== null && expires.getTime() <= now.getTime();
}

/**
 * A short pick of `missing` units shrinks the store reservation of a line; when nothing is left
 * it is released rather than kept at zero units.
 */
export function shrinkBy(quantity: number, missing: number): { quantity: number; status: ReservationStatus } {
  const left = Math.max(0, quantity - missing);
  return left === 0 ? { quantity, status: 'RELEASED' } : { quantity: left, status: 'ACTIVE' };
}
