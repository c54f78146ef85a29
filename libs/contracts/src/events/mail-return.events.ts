import { defineEvent } from '../define-event';
import { RETURNS_EVENTS_TOPIC } from '../topics';
import { dateTime, locationId, uuid } from './common';

/**
 * A return by mail (docs/returns.md, "By mail"): the carrier's label for the parcel, what the
 * carrier reports of it, and its receipt at a warehouse or store. Keyed by the order, like every
 * fact about its returns, so the label, the tracking and the return that refunds it stay in order.
 */
export const PARCEL_TRACKING_STATUSES = ['IN_TRANSIT', 'DELIVERED'] as const;
export type ParcelTrackingStatus = (typeof PARCEL_TRACKING_STATUSES)[number];

const authorisationId = { ...uuid, description: 'the return authorisation the parcel carries' };
const trackingNumber = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z-]+$', description: "the carrier's tracking number of the parcel" };

export interface ReturnLabelIssuedPayload {
  authorisationId: string;
  orderId: string;
  customerId: string | null;
  code: string;
  carrier: string;
  labelNumber: string;
  trackingNumber: string;
  trackingUrl: string;
  returnTo: string;
  issuedAt: string;
}

export const ReturnLabelIssuedV1 = defineEvent<ReturnLabelIssuedPayload>({
  type: 'return.label-issued',
  version: 1,
  topic: RETURNS_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'A return started online to be sent by mail got its prepaid carrier label; the parcel is addressed to returnTo.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['authorisationId', 'orderId', 'customerId', 'code', 'carrier', 'labelNumber', 'trackingNumber', 'trackingUrl', 'returnTo', 'issuedAt'],
    properties: {
      authorisationId,
      orderId: uuid,
      customerId: { type: ['string', 'null'], maxLength: 64 },
      code: { type: 'string', pattern: '^[0-9A-Z]{8}$', description: 'the return code, printed on the label' },
      carrier: { type: 'string', minLength: 1, maxLength: 64, description: 'the carrier that issued the label' },
      labelNumber: { type: 'string', minLength: 1, maxLength: 64, description: "the carrier's label number" },
      trackingNumber,
      trackingUrl: { type: 'string', format: 'uri', maxLength: 512, description: 'where the customer follows the parcel' },
      returnTo: { ...locationId, description: 'the warehouse or store the parcel is addressed to' },
      issuedAt: dateTime,
    },
  },
});

export interface ReturnParcelTrackedPayload {
  authorisationId: string;
  orderId: string;
  trackingNumber: string;
  status: ParcelTrackingStatus;
  at: string;
  recordedAt: string;
}

export const ReturnParcelTrackedV1 = defineEvent<ReturnParcelTrackedPayload>({
  type: 'return.parcel-tracked',
  version: 1,
  topic: RETURNS_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'The carrier reported a return parcel further on its way: in transit, or delivered at the address on the label. Once per status; a repeated or late report publishes nothing.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['authorisationId', 'orderId', 'trackingNumber', 'status', 'at', 'recordedAt'],
    properties: {
      authorisationId,
      orderId: uuid,
      trackingNumber,
      status: { type: 'string', enum: [...PARCEL_TRACKING_STATUSES], description: 'what the carrier reported' },
      at: { ...dateTime, description: 'when it happened, as the carrier says' },
      recordedAt: { ...dateTime, description: 'when the returns service recorded it' },
    },
  },
});

export interface ReturnParcelReceivedPayload {
  authorisationId: string;
  orderId: string;
  trackingNumber: string;
  locationId: string;
  associateId: string | null;
  receivedAt: string;
}

export const ReturnParcelReceivedV1 = defineEvent<ReturnParcelReceivedPayload>({
  type: 'return.parcel-received',
  version: 1,
  topic: RETURNS_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'A warehouse or store scanned a return parcel in. Its units can now be inspected there (POST /stores/{storeId}/returns with channel mail), which refunds them; never before.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['authorisationId', 'orderId', 'trackingNumber', 'locationId', 'associateId', 'receivedAt'],
    properties: {
      authorisationId,
      orderId: uuid,
      trackingNumber,
      locationId: { ...locationId, description: 'the warehouse or store that received the parcel' },
      associateId: { type: ['string', 'null'], maxLength: 64, description: 'who scanned it in, when a person did' },
      receivedAt: dateTime,
    },
  },
});
