import { defineEvent } from '../define-event';
import { ORDER_EVENTS_TOPIC } from '../topics';
import { Channel, channel, currency, dateTime, lineId, locationId, money, quantity, sku, uuid } from './common';
import { fulfillingLocation, fulfilmentRef, groupLineIds, LineQuantityPayload, lineQuantity, storeId } from './order-fields';

export interface OrderLinePayload {
  lineId: string;
  sku: string;
  quantity: number;
  /** Price of one unit in minor units of the order's currency. */
  unitPrice: number;
}

export interface OrderPlacedPayload {
  orderId: string;
  channel: Channel;
  storeId: string;
  customerId: string | null;
  currency: string;
  lines: OrderLinePayload[];
  placedAt: string;
}

const orderLine = {
  type: 'object',
  additionalProperties: false,
  required: ['lineId', 'sku', 'quantity', 'unitPrice'],
  properties: { lineId: uuid, sku, quantity, unitPrice: money },
};

export const OrderPlacedV1 = defineEvent<OrderPlacedPayload>({
  type: 'order.placed',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'An order was accepted from a channel and waits for stock to be reserved.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'channel', 'storeId', 'customerId', 'currency', 'lines', 'placedAt'],
    properties: {
      orderId: uuid,
      channel,
      storeId: { ...locationId, description: 'store where the order is fulfilled (picked up)' },
      customerId: { type: ['string', 'null'], maxLength: 64, description: 'customer id, null for a guest' },
      currency,
      lines: { type: 'array', minItems: 1, maxItems: 100, items: orderLine },
      placedAt: dateTime,
    },
  },
});

export interface OrderConfirmedPayload {
  fulfilmentId?: string;
  orderId: string;
  /** Promised pickup time at the store. */
  readyBy: string;
  confirmedAt: string;
}

export const OrderConfirmedV1 = defineEvent<OrderConfirmedPayload>({
  type: 'order.confirmed',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'Stock is reserved for every line; the order will be fulfilled.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'readyBy', 'confirmedAt'],
    properties: { fulfilmentId: fulfilmentRef, orderId: uuid, readyBy: { ...dateTime, description: 'promised pickup time' }, confirmedAt: dateTime },
  },
});

export interface OrderRejectedPayload {
  fulfilmentId?: string;
  orderId: string;
  reason: string;
  rejectedAt: string;
}

export const OrderRejectedV1 = defineEvent<OrderRejectedPayload>({
  type: 'order.rejected',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'The order cannot be fulfilled; nothing is reserved for it.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'reason', 'rejectedAt'],
    properties: {
      fulfilmentId: fulfilmentRef,
      orderId: uuid,
      reason: { type: 'string', description: 'namespaced refusal code, e.g. STOCK.INSUFFICIENT' },
      rejectedAt: dateTime,
    },
  },
});

export type { LineQuantityPayload } from './order-fields';

export interface OrderPickingStartedPayload {
  fulfilmentId?: string;
  orderId: string;
  storeId: string;
  startedAt: string;
}

export const OrderPickingStartedV1 = defineEvent<OrderPickingStartedPayload>({
  type: 'order.picking-started',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'The store started picking the order.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'storeId', 'startedAt'],
    properties: { fulfilmentId: fulfilmentRef, orderId: uuid, storeId: fulfillingLocation, startedAt: dateTime },
  },
});

export interface ShortPickedLinePayload {
  lineId: string;
  sku: string;
  missingQuantity: number;
}

export interface OrderShortPickedPayload {
  fulfilmentId?: string;
  orderId: string;
  storeId: string;
  lines: ShortPickedLinePayload[];
  shortPickedAt: string;
}

export const OrderShortPickedV1 = defineEvent<OrderShortPickedPayload>({
  type: 'order.short-picked',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'The store could not find every reserved unit; inventory corrects its stock and re-sources the missing units.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'storeId', 'lines', 'shortPickedAt'],
    properties: {
      fulfilmentId: fulfilmentRef,
      orderId: uuid,
      storeId: fulfillingLocation,
      lines: lineQuantity('missingQuantity', 'units the store could not find'),
      shortPickedAt: dateTime,
    },
  },
});

export interface OrderReadyForPickupPayload {
  fulfilmentId?: string;
  orderId: string;
  storeId: string;
  lines: LineQuantityPayload[];
  pickupDeadline: string;
  readyAt: string;
}

export const OrderReadyForPickupV1 = defineEvent<OrderReadyForPickupPayload>({
  type: 'order.ready-for-pickup',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'Every remaining line is picked and waits at the store until the pickup deadline. The pickup code is never in this event.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'storeId', 'lines', 'pickupDeadline', 'readyAt'],
    properties: {
      fulfilmentId: fulfilmentRef,
      orderId: uuid,
      storeId,
      lines: lineQuantity('quantity', 'units waiting for the customer'),
      pickupDeadline: dateTime,
      readyAt: dateTime,
    },
  },
});

export interface OrderCollectedPayload {
  fulfilmentId?: string;
  orderId: string;
  storeId: string;
  lines: LineQuantityPayload[];
  collectedAt: string;
  /** How the customer was recognised when not by the pickup code: an identity document an associate checked. */
  identityCheck?: IdentityCheckPayload;
}

export const IDENTITY_DOCUMENTS = ['passport', 'national-id', 'driving-licence'] as const;
export type IdentityDocument = (typeof IDENTITY_DOCUMENTS)[number];

export interface IdentityCheckPayload {
  document: IdentityDocument;
  /** The last four characters of the document's number, as the associate read them. */
  documentNumberEnd: string;
  /** The associate who checked it (the POS token's associate_id). */
  associateId: string;
}

export const OrderCollectedV1 = defineEvent<OrderCollectedPayload>({
  type: 'order.collected',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'The customer collected the order at the store; the reserved units leave the store.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'storeId', 'lines', 'collectedAt'],
    properties: {
      fulfilmentId: fulfilmentRef,
      orderId: uuid,
      storeId: { ...locationId, description: 'store that handed the goods over' },
      lines: lineQuantity('quantity', 'units handed over'),
      collectedAt: dateTime,
      identityCheck: {
        type: 'object',
        additionalProperties: false,
        required: ['document', 'documentNumberEnd', 'associateId'],
        description: 'absent when the customer gave the pickup code; else the identity document an associate checked instead',
        properties: {
          document: { type: 'string', enum: [...IDENTITY_DOCUMENTS] },
          documentNumberEnd: { type: 'string', pattern: '^[A-Z0-9]{4}$', description: 'last four characters of the document number' },
          associateId: { type: 'string', minLength: 1, maxLength: 200, description: 'the associate who checked the document' },
        },
      },
    },
  },
});

export const CANCELLED_BY = ['customer', 'store', 'system'] as const;
export type CancelledBy = (typeof CANCELLED_BY)[number];

export interface OrderCancelledPayload {
  fulfilmentId?: string;
  lineIds?: string[];
  orderId: string;
  storeId: string;
  cancelledBy: CancelledBy;
  reason: string;
  cancelledAt: string;
}

export const OrderCancelledV1 = defineEvent<OrderCancelledPayload>({
  type: 'order.cancelled',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'The order was cancelled before collection; inventory releases everything reserved for it.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'storeId', 'cancelledBy', 'reason', 'cancelledAt'],
    properties: {
      fulfilmentId: fulfilmentRef,
      lineIds: groupLineIds,
      orderId: uuid,
      storeId: fulfillingLocation,
      cancelledBy: { type: 'string', enum: [...CANCELLED_BY] },
      reason: { type: 'string', maxLength: 200, description: 'namespaced code or a short free text from the canceller' },
      cancelledAt: dateTime,
    },
  },
});

export interface OrderExpiredPayload {
  fulfilmentId?: string;
  lineIds?: string[];
  orderId: string;
  storeId: string;
  pickupDeadline: string;
  expiredAt: string;
}

export const OrderExpiredV1 = defineEvent<OrderExpiredPayload>({
  type: 'order.expired',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'The pickup deadline passed without collection; inventory releases the units at the store.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'storeId', 'pickupDeadline', 'expiredAt'],
    properties: { fulfilmentId: fulfilmentRef, lineIds: groupLineIds, orderId: uuid, storeId, pickupDeadline: dateTime, expiredAt: dateTime },
  },
});

export interface OrderPickupUnlockedPayload {
  fulfilmentId: string;
  orderId: string;
  storeId: string;
  supervisorId: string;
  reason: string;
  failedCodeAttempts: number;
  unlockedAt: string;
}

export const OrderPickupUnlockedV1 = defineEvent<OrderPickupUnlockedPayload>({
  type: 'order.pickup-unlocked',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'A store supervisor lifted the lock of a pickup that too many wrong codes had locked, after checking the customer at the counter (docs/click-and-collect.md, Locked pickups). The audit record of who lifted it and why; the customer still has to give the right code to collect.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['fulfilmentId', 'orderId', 'storeId', 'supervisorId', 'reason', 'failedCodeAttempts', 'unlockedAt'],
    properties: {
      fulfilmentId: { type: 'string', format: 'uuid', description: 'the pickup group that was locked' },
      orderId: uuid,
      storeId: { ...locationId, description: 'store whose supervisor lifted the lock' },
      supervisorId: { type: 'string', minLength: 1, maxLength: 128, description: "the supervisor: the token's associate_id, else its sub" },
      reason: { type: 'string', minLength: 1, maxLength: 200, description: 'what the supervisor checked, e.g. "ID card checked at the counter"' },
      failedCodeAttempts: { type: 'integer', minimum: 1, description: 'wrong codes counted before the lock was lifted (the count starts again at 0)' },
      unlockedAt: dateTime,
    },
  },
});

export interface OrderLineCancelledPayload {
  fulfilmentId?: string;
  orderId: string;
  lineId: string;
  sku: string;
  quantity: number;
  reason: string;
  cancelledAt: string;
}

export const OrderLineCancelledV1 = defineEvent<OrderLineCancelledPayload>({
  type: 'order.line-cancelled',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'Units of one line cannot be supplied from anywhere; they are cancelled and refunded.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'lineId', 'sku', 'quantity', 'reason', 'cancelledAt'],
    properties: { fulfilmentId: fulfilmentRef, orderId: uuid, lineId, sku, quantity, reason: { type: 'string', maxLength: 200 }, cancelledAt: dateTime },
  },
});

export * from './order-requests.events';
export * from './order-transfer.events';
