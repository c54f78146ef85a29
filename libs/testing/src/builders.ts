import { AddressPayload, OrderPlacedV2Payload } from '@omni/contracts';

/**
 * Service-neutral pieces of the test data builders (docs/testing.md, "Test data builders").
 * This library may import the contracts only (eslint.config.mjs), never an app, so each service's
 * builders of its domain objects live in that service (`apps/<service>/src/domain/test/builders.ts`);
 * what they share — the pattern, contract payloads, predictable ids, time arithmetic — is here.
 */

/**
 * A builder: `defaults` makes a fresh, valid object; the builder lays what a test states over it.
 * `const aThing = builder<Thing>(() => ({ ... }))`, then `aThing({ status: 'SHIPPED' })`.
 * The defaults keep their key order, so an object printed in a test's title reads the same.
 */
export function builder<T extends object>(defaults: () => T): (overrides?: Partial<T>) => T {
  return (overrides = {}) => ({ ...defaults(), ...overrides });
}

/** A delivery address in Paris (AddressPayload, as in order.placed and return requests). */
export const anAddress = builder<AddressPayload>(() => ({
  name: 'Ada Martin',
  line1: '3 rue Oberkampf',
  line2: null,
  postcode: '75011',
  city: 'Paris',
  country: 'FR',
}));

/** An order.placed v2 payload: a guest app order of nothing yet, placed on 2026-11-23 at 10:00 UTC. */
export const anOrderPlacedV2 = builder<OrderPlacedV2Payload>(() => ({
  orderId: '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c',
  channel: 'app',
  placedAtStoreId: null,
  customerId: null,
  contact: null,
  currency: 'EUR',
  lines: [],
  fulfilments: [],
  capturedTenders: [],
  placedAt: '2026-11-23T10:00:00.000Z',
}));

/**
 * Ids a test can predict, valid UUIDs (v4 layout) as the event schemas want:
 * 00000000-0000-4000-8000-000000000001, then …002, and so on; each call starts its own sequence.
 */
export function sequentialIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** `t` moved by `n` days (negative: earlier). */
export const daysAfter = (t: Date, n: number): Date => new Date(t.getTime() + n * DAY_MS);

/** `t` moved by `h` hours (negative: earlier). */
export const hoursAfter = (t: Date, h: number): Date => new Date(t.getTime() + h * HOUR_MS);
