import { accept, Decision, event, ParcelTrackingStatus, refuse, ReturnLabelIssuedV1, ReturnParcelReceivedV1, ReturnParcelTrackedV1 } from '@omni/contracts';

/** How an authorised return comes back: dropped at any store, or sent by mail with the carrier's label. */
export const RETURN_METHODS = ['drop-off', 'mail'] as const;
export type ReturnMethod = (typeof RETURN_METHODS)[number];

/**
 * The parcel of a return sent by mail (docs/returns.md, "By mail"): labelled by the carrier,
 * tracked on its way, received at a warehouse or store. Its units are inspected, and refunded,
 * only once it is RECEIVED there.
 */
export type ParcelStatus = 'LABEL_ISSUED' | 'IN_TRANSIT' | 'DELIVERED' | 'RECEIVED';
export type ParcelTrigger = 'inTransit' | 'delivered' | 'received';
export const PARCEL_TRIGGERS: readonly ParcelTrigger[] = ['inTransit', 'delivered', 'received'];
export const PARCEL_STATUSES: readonly ParcelStatus[] = ['LABEL_ISSUED', 'IN_TRANSIT', 'DELIVERED', 'RECEIVED'];

/**
 * The lifecycle as data. A parcel may skip a step (a carrier that never scans it in transit, a
 * warehouse that scans it in before the carrier reports the delivery); it never goes back.
 */
export const PARCEL_TRANSITIONS: Readonly<Record<ParcelStatus, Readonly<Partial<Record<ParcelTrigger, ParcelStatus>>>>> = {
  LABEL_ISSUED: { inTransit: 'IN_TRANSIT', delivered: 'DELIVERED', received: 'RECEIVED' },
  IN_TRANSIT: { delivered: 'DELIVERED', received: 'RECEIVED' },
  DELIVERED: { received: 'RECEIVED' },
  RECEIVED: {},
};

export interface CarrierLabel {
  readonly carrier: string;
  readonly labelNumber: string;
  readonly trackingNumber: string;
  readonly trackingUrl: string;
}

export interface Parcel extends CarrierLabel {
  readonly authorisationId: string;
  readonly orderId: string;
  /** The warehouse or store on the label. */
  readonly returnTo: string;
  readonly status: ParcelStatus;
  /** Each status reached, with when it happened (the carrier's time for tracking, ours for the rest). */
  readonly history: readonly { readonly status: ParcelStatus; readonly at: Date }[];
  /** Where and by whom it was scanned in, once RECEIVED. */
  readonly receivedAt: Date | null;
  readonly receivedBy: string | null;
  readonly receivedByAssociate: string | null;
}

export type ParcelRefusal = 'PARCEL.RECEIVED_ELSEWHERE';
export type InspectionRefusal = 'RETURN.PARCEL_NOT_RECEIVED' | 'RETURN.PARCEL_RECEIVED_ELSEWHERE';

const RANK: Readonly<Record<ParcelStatus, number>> = { LABEL_ISSUED: 0, IN_TRANSIT: 1, DELIVERED: 2, RECEIVED: 3 };
const TRIGGER_OF: Readonly<Record<ParcelTrackingStatus, ParcelTrigger>> = { IN_TRANSIT: 'inTransit', DELIVERED: 'delivered' };

export function nextParcelStatus(status: ParcelStatus, trigger: ParcelTrigger): ParcelStatus | null {
  return PARCEL_TRANSITIONS[status][trigger] ?? null;
}

/** The carrier's label for an authorisation to be sent by mail → return.label-issued. */
export function issueLabel(
  a: { readonly authorisationId: string; readonly orderId: string; readonly customerId: string | null; readonly code: string },
  label: CarrierLabel,
  returnTo: string,
  now: Date,
): Decision<Parcel, never> {
  const parcel: Parcel = {
    ...label,
    authorisationId: a.authorisationId,
    orderId: a.orderId,
    returnTo,
    status: 'LABEL_ISSUED',
    history: [{ status: 'LABEL_ISSUED', at: now }],
    receivedAt: null,
    receivedBy: null,
    receivedByAssociate: null,
  };
  return accept(parcel, [
    event(ReturnLabelIssuedV1, {
      authorisationId: a.authorisationId,
      orderId: a.orderId,
      customerId: a.customerId,
      code: a.code,
      carrier: label.carrier,
      labelNumber: label.labelNumber,
      trackingNumber: label.trackingNumber,
      trackingUrl: label.trackingUrl,
      returnTo,
      issuedAt: now.toISOString(),
    }),
  ]);
}

/**
 * What the carrier reports. Carriers repeat and reorder their reports: one the parcel has already
 * reached or passed changes nothing and publishes nothing.
 */
export function track(p: Parcel, status: ParcelTrackingStatus, at: Date, now: Date): Decision<Parcel, never> {
  const to = nextParcelStatus(p.status, TRIGGER_OF[status]);
  if (to === null || RANK[to] <= RANK[p.status]) return accept(p, []);
  const next: Parcel = { ...p, status: to, history: [...p.history, { status: to, at }] };
  return accept(next, [
    event(ReturnParcelTrackedV1, {
      authorisationId: p.authorisationId,
      orderId: p.orderId,
      trackingNumber: p.trackingNumber,
      status,
      at: at.toISOString(),
      recordedAt: now.toISOString(),
    }),
  ]);
}

/**
 * A warehouse or store scans the parcel in. Scanning it again there changes nothing; another
 * location cannot receive a parcel one has already received.
 */
export function receive(p: Parcel, locationId: string, associateId: string | null, now: Date): Decision<Parcel, ParcelRefusal> {
  if (p.status === 'RECEIVED') {
    return p.receivedBy === locationId ? accept(p, []) : refuse('PARCEL.RECEIVED_ELSEWHERE', `parcel ${p.trackingNumber} was received at ${p.receivedBy}`);
  }
  const to = nextParcelStatus(p.status, 'received')!;
  const next: Parcel = {
    ...p,
    status: to,
    history: [...p.history, { status: to, at: now }],
    receivedAt: now,
    receivedBy: locationId,
    receivedByAssociate: associateId,
  };
  return accept(next, [
    event(ReturnParcelReceivedV1, {
      authorisationId: p.authorisationId,
      orderId: p.orderId,
      trackingNumber: p.trackingNumber,
      locationId,
      associateId,
      receivedAt: now.toISOString(),
    }),
  ]);
}

/**
 * The refund follows receipt and inspection: the units of a parcel are inspected (and refunded)
 * only where it was received, and never before.
 */
export function inspectionRefusal(p: Parcel, storeId: string): { code: InspectionRefusal; detail: string } | null {
  if (p.status !== 'RECEIVED')
    return {
      code: 'RETURN.PARCEL_NOT_RECEIVED',
      detail: `parcel ${p.trackingNumber} is ${p.status}: scan it in (POST /stores/${storeId}/parcels/${p.trackingNumber}/receipt) before inspecting it`,
    };
  if (p.receivedBy !== storeId)
    return { code: 'RETURN.PARCEL_RECEIVED_ELSEWHERE', detail: `parcel ${p.trackingNumber} was received at ${p.receivedBy}: its units are inspected there` };
  return null;
}
