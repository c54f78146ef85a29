import { builder } from '@omni/testing';
import { PickupCounts } from '../kpis';
import { newProfile, Profile } from '../profile';

/**
 * Test data builders of the customer domain (docs/testing.md, "Test data builders"): each gives a
 * valid object typed by the domain, made the way the service makes it (newProfile), and lays over
 * it only what a test states. Test code only: no production file imports this folder. An
 * order.placed payload to match or project is libs/testing's `anOrderPlacedV2`.
 */

/** Customer A as newProfile makes it on 2026-11-01: ACTIVE, no name, postcode, home store, preferred channel or consent. */
export const aCustomer = builder<Profile>(() => newProfile('A', { name: null, postcode: null }, new Date('2026-11-01T00:00:00Z')));

/** A day of click & collect at PARIS for web orders: 10 pickups, 8 made ready, 6 collected, 1 expired, 2 cancelled first, 1 short-picked, 3 shipped to the store. */
export const aPickupCounts = builder<PickupCounts>(() => ({
  bucket: '2026-12-03T00:00:00Z',
  storeId: 'PARIS',
  channel: 'web',
  orders: 10,
  pickups: 10,
  ready: 8,
  collected: 6,
  expired: 1,
  cancelledBeforePickup: 2,
  shortPicked: 1,
  shipToStore: 3,
  placedToReadyP50s: 3600.04,
  placedToReadyP90s: 7200,
  readyToCollectedP50s: 86_400,
  readyToCollectedP90s: null,
}));
