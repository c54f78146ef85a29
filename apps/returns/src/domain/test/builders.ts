import { builder } from '@omni/testing';
import { CarrierLabel, issueLabel, Parcel } from '../parcel.machine';
import { openReturn, OpenReturnInput, Return } from '../return.machine';

/**
 * Test data builders of the returns domain (docs/testing.md, "Test data builders"): each gives a
 * valid object typed by the domain, made the way the service makes it (openReturn, issueLabel),
 * and lays over it only what a test states. Test code only: no production file imports this folder.
 */

export const ORDER_ID = '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c';
export const LINE_ID = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';

/**
 * A return at the counter of S2 (associate a-1) of one opened JACKET-M (50.00) from web order
 * ORDER_ID of customer c-1, allowed by window-web as sellable, refunded to the original tender.
 */
export const aReturnRequest = builder<OpenReturnInput>(() => ({
  id: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a',
  requestId: 'pos-1',
  order: { orderId: ORDER_ID, channel: 'web', placedAtStoreId: null, customerId: 'c-1', currency: 'EUR' },
  storeId: 'S2',
  associateId: 'a-1',
  authorisationId: null,
  policyVersion: 1,
  lines: [{ lineId: LINE_ID, sku: 'JACKET-M', quantity: 1, unitPrice: 5000, condition: 'opened' }],
  verdicts: [{ lineId: LINE_ID, rule: 'window-web', disposition: 'sellable' }],
  replacements: [],
  refundMethod: 'original-tender',
  charged: null,
  channel: 'store',
  shipTo: null,
  priceOverride: null,
}));

/** The return openReturn makes of `aReturnRequest(over)` at `at`; a refused one throws. */
export function aReturn(over: Partial<OpenReturnInput> = {}, at = new Date('2026-11-23T12:00:00Z')): Return {
  const d = openReturn(aReturnRequest(over), at);
  if (!d.ok) throw new Error(`${d.code}: ${d.detail}`);
  return d.state;
}

/** What an authorisation to return by mail tells the carrier: its id, order, customer and code. */
export const aMailAuthorisation = builder<Parameters<typeof issueLabel>[0]>(() => ({
  authorisationId: '0b7f6a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
  orderId: '6f1c2a56-3b7e-4c1a-9d2f-0a1b2c3d4e5f',
  customerId: 'c-42',
  code: 'AB12CD34',
}));

/** The stand-in carrier's label SIL-0001, tracked as SI0001. */
export const aCarrierLabel = builder<CarrierLabel>(() => ({
  carrier: 'stand-in',
  labelNumber: 'SIL-0001',
  trackingNumber: 'SI0001',
  trackingUrl: 'https://carrier.example/track/SI0001',
}));

/** When builders' parcels are labelled. */
export const LABELLED_AT = new Date('2026-12-01T10:00:00Z');

/**
 * The parcel issueLabel makes for aMailAuthorisation() with aCarrierLabel(), to come back to WH-1,
 * labelled at `labelledAt` (LABEL_ISSUED), with `over` laid over it.
 */
export function aParcel(over: Partial<Parcel> = {}, labelledAt = LABELLED_AT): Parcel {
  const d = issueLabel(aMailAuthorisation(), aCarrierLabel(), 'WH-1', labelledAt);
  if (!d.ok) throw new Error('a label is never refused');
  return { ...d.state, ...over };
}

/** aParcel scanned in at `by` at `at`: RECEIVED there. */
export const aReceivedParcel = (at: Date, by = 'WH-1', labelledAt = LABELLED_AT): Parcel =>
  aParcel({ status: 'RECEIVED', receivedAt: at, receivedBy: by }, labelledAt);
