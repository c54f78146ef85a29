import { builder } from '@omni/testing';
import { Location } from '../location';
import { Candidate } from '../sourcing';
import { StockLevel } from '../stock';

/**
 * Test data builders of the inventory domain (docs/testing.md, "Test data builders"): each gives a
 * valid object typed by the domain and lays over it only what a test states. Test code only: no
 * production file imports this folder.
 */

/** A stock row of SKU-1 at S1: 10 on hand, 3 reserved, a safety stock of 2 (5 to promise). */
export const aStockLevel = builder<StockLevel>(() => ({ locationId: 'S1', sku: 'SKU-1', onHand: 10, reserved: 3, safetyStock: 2 }));

/** Store S1 in Amsterdam's time zone, offering pickup: 30 minutes to pick, 3 days' hold, 1 day by transfer, no coordinates. */
export const aStore = builder<Location>(() => ({
  id: 'S1',
  name: 'S',
  kind: 'store',
  timeZone: 'Europe/Amsterdam',
  offersPickup: true,
  pickTimeMinutes: 30,
  pickupHoldDays: 3,
  transferDays: 1,
  latitude: null,
  longitude: null,
}));

/** A location sourcing could send units from (warehouse W1, one day away, no coordinates by default), with `available` units per SKU. */
export const aCandidate = (location: Partial<Candidate['location']>, available: Candidate['available'] = {}): Candidate => ({
  location: { id: 'W1', kind: 'warehouse', transferDays: 1, latitude: null, longitude: null, ...location },
  available,
});
