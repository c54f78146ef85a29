import { defineEvent } from '../define-event';
import { NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC } from '../topics';
import { Channel, channel, currency, dateTime, lineId, locationId, money, nullableDateTime, quantity, sku, uuid } from './common';

/** The fulfilment group an event is about; absent in events written before fulfilment groups, which are about the whole order. */
const fulfilmentRef = { type: 'string', format: 'uuid', description: 'fulfilment group the event is about; absent: the whole order' };
const groupLineIds = { type: 'array', minItems: 1, items: { type: 'string', format: 'uuid' }, description: 'lines of the fulfilment group; absent: every line of the order' };

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
    properties: { fulfilmentId: fulfilmentRef,
      orderId: uuid,
      reason: { type: 'string', description: 'namespaced refusal code, e.g. STOCK.INSUFFICIENT' },
      rejectedAt: dateTime,
    },
  },
});

const storeId = { ...locationId, description: 'pickup store' };
/** Where a group is fulfilled: its pickup store, or the location shipping a delivery (UNASSIGNED before inventory chose one). */
const fulfillingLocation = { ...locationId, description: 'pickup store, or the location shipping a delivery group (UNASSIGNED when a delivery was cancelled before a location was chosen)' };
const lineQuantity = (name: string, description: string) => ({
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['lineId', 'sku', name],
    properties: { lineId, sku, [name]: { ...quantity, description } },
  },
});

export interface LineQuantityPayload {
  lineId: string;
  sku: string;
  quantity: number;
}

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
    properties: { fulfilmentId: fulfilmentRef, orderId: uuid, storeId: fulfillingLocation, lines: lineQuantity('missingQuantity', 'units the store could not find'), shortPickedAt: dateTime },
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
    properties: { fulfilmentId: fulfilmentRef, orderId: uuid, storeId, lines: lineQuantity('quantity', 'units waiting for the customer'), pickupDeadline: dateTime, readyAt: dateTime },
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
    properties: { fulfilmentId: fulfilmentRef, lineIds: groupLineIds,
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

export interface PaymentCaptureRequestedPayload {
  fulfilmentId?: string;
  orderId: string;
  amount: number;
  currency: string;
  requestedAt: string;
}

export const PaymentCaptureRequestedV1 = defineEvent<PaymentCaptureRequestedPayload>({
  type: 'payment.capture-requested',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'Asks the payment system to capture what the customer collected. Answered by payment.captured on payment.events.v1.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'amount', 'currency', 'requestedAt'],
    properties: { fulfilmentId: fulfilmentRef, orderId: uuid, amount: money, currency, requestedAt: dateTime },
  },
});

export const REFUND_REASONS = ['ORDER.CANCELLED', 'ORDER.REJECTED', 'ORDER.EXPIRED', 'LINE.UNAVAILABLE'] as const;

export interface PaymentRefundRequestedPayload {
  orderId: string;
  refundId: string;
  amount: number;
  currency: string;
  reason: (typeof REFUND_REASONS)[number];
  requestedAt: string;
}

export const PaymentRefundRequestedV1 = defineEvent<PaymentRefundRequestedPayload>({
  type: 'payment.refund-requested',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'Asks the payment system to refund (release) an amount of the order. refundId makes a repeated request recognisable.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'refundId', 'amount', 'currency', 'reason', 'requestedAt'],
    properties: { orderId: uuid, refundId: uuid, amount: money, currency, reason: { type: 'string', enum: [...REFUND_REASONS] }, requestedAt: dateTime },
  },
});

export const NOTIFICATION_TEMPLATES = ['pickup-ready', 'pickup-reminder', 'order-cancelled', 'pickup-expired', 'line-cancelled', 'pickup-delayed'] as const;

export interface NotificationRequestedPayload {
  notificationId: string;
  orderId: string;
  customerId: string | null;
  orderChannel: Channel;
  template: (typeof NOTIFICATION_TEMPLATES)[number];
  storeId: string;
  pickupCode: string | null;
  pickupDeadline: string | null;
  readyBy: string | null;
  requestedAt: string;
}

export const NotificationRequestedV1 = defineEvent<NotificationRequestedPayload>({
  type: 'notification.requested',
  version: 1,
  topic: NOTIFICATION_REQUESTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'Asks the notifier to tell the customer something about the order. It carries the pickup code in clear, so it has a topic of its own that only the notifier may read; sending is the notifier\'s job.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['notificationId', 'orderId', 'customerId', 'orderChannel', 'template', 'storeId', 'pickupCode', 'pickupDeadline', 'readyBy', 'requestedAt'],
    properties: {
      notificationId: uuid,
      orderId: uuid,
      customerId: { type: ['string', 'null'], maxLength: 64 },
      orderChannel: channel,
      template: { type: 'string', enum: [...NOTIFICATION_TEMPLATES] },
      storeId,
      pickupCode: { type: ['string', 'null'], pattern: '^[0-9A-Z]{6,12}$', description: 'code the customer shows at the POS' },
      pickupDeadline: nullableDateTime,
      readyBy: { ...nullableDateTime, description: 'promised pickup time, for a delay notice' },
      requestedAt: dateTime,
    },
  },
});

export interface OrderTransferArrivedPayload {
  fulfilmentId?: string;
  orderId: string;
  storeId: string;
  transferId: string;
  /** The order's status after the arrival: still waiting for other transfers, or ready to pick. */
  status: string;
  arrivedAt: string;
}

export const OrderTransferArrivedV1 = defineEvent<OrderTransferArrivedPayload>({
  type: 'order.transfer-arrived',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'Units of the order arrived at the pickup store by transfer; once none is pending the store can pick them.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'storeId', 'transferId', 'status', 'arrivedAt'],
    properties: { fulfilmentId: fulfilmentRef,
      orderId: uuid,
      storeId,
      transferId: uuid,
      status: { type: 'string', enum: ['AWAITING_TRANSFER', 'PARTIALLY_READY', 'RESERVED', 'PICKING'], description: 'order status after the arrival' },
      arrivedAt: dateTime,
    },
  },
});

export interface OrderTransferLostPayload {
  fulfilmentId: string;
  orderId: string;
  storeId: string;
  transferId: string;
  /** Lines whose units were found again: a new transfer, or null when the store had them. */
  resourced: { lineId: string; transferId: string | null }[];
  /** Units given up (each also an order.line-cancelled, refunded). */
  cancelled: LineQuantityPayload[];
  /** The group's status afterwards. */
  status: string;
  lostAt: string;
}

export const OrderTransferLostV1 = defineEvent<OrderTransferLostPayload>({
  type: 'order.transfer-lost',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'A transfer bringing units of the group never arrived: its lines wait for the units found again, or give up the units no location has.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['fulfilmentId', 'orderId', 'storeId', 'transferId', 'resourced', 'cancelled', 'status', 'lostAt'],
    properties: {
      fulfilmentId: uuid,
      orderId: uuid,
      storeId: locationId,
      transferId: uuid,
      resourced: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['lineId', 'transferId'],
          properties: { lineId, transferId: { type: ['string', 'null'], format: 'uuid' } },
        },
      },
      cancelled: {
        type: 'array',
        items: { type: 'object', additionalProperties: false, required: ['lineId', 'sku', 'quantity'], properties: { lineId, sku, quantity } },
      },
      status: { type: 'string', minLength: 1, maxLength: 32, description: 'the group status afterwards' },
      lostAt: dateTime,
    },
  },
});

export interface OrderPartiallyReadyPayload {
  fulfilmentId?: string;
  orderId: string;
  storeId: string;
  /** Lines whose units are on their way to the store. */
  waitingLines: { lineId: string; sku: string; transferId: string }[];
  readyBy: string;
  at: string;
}

export const OrderPartiallyReadyV1 = defineEvent<OrderPartiallyReadyPayload>({
  type: 'order.partially-ready',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'After a short pick, part of the order is picked and the rest was re-sourced; it waits for the transfers.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'storeId', 'waitingLines', 'readyBy', 'at'],
    properties: { fulfilmentId: fulfilmentRef,
      orderId: uuid,
      storeId,
      waitingLines: {
        type: 'array',
        minItems: 1,
        items: { type: 'object', additionalProperties: false, required: ['lineId', 'sku', 'transferId'], properties: { lineId, sku, transferId: uuid } },
      },
      readyBy: { ...dateTime, description: 'new promised pickup time' },
      at: dateTime,
    },
  },
});
