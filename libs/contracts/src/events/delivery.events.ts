import { defineEvent } from '../define-event';
import { ORDER_EVENTS_TOPIC } from '../topics';
import { dateTime, lineId, locationId, quantity, sku, text, uuid } from './common';

// A delivery group's life after placement: assigned to locations, packed, shipped, delivered or
// failed (split from fulfilment.events.ts).

export const fulfilmentId = { ...uuid, description: 'fulfilment group of the order' };
const lineQuantities = {
  type: 'array',
  minItems: 1,
  items: { type: 'object', additionalProperties: false, required: ['lineId', 'sku', 'quantity'], properties: { lineId, sku, quantity } },
};

export interface DeliveryAssignmentPayload {
  orderId: string;
  /** Delivery groups as shipped: one per location, a split adding groups to the one placed. */
  fulfilments: { fulfilmentId: string; locationId: string; lineIds: string[] }[];
  assignedAt: string;
}

export const OrderDeliveryAssignedV1 = defineEvent<DeliveryAssignmentPayload>({
  type: 'order.delivery-assigned',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'The delivery lines of an order are reserved and each delivery group knows the warehouse or store that ships it. When no single location had everything the group was split: each location ships its own group.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'fulfilments', 'assignedAt'],
    properties: {
      orderId: uuid,
      fulfilments: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['fulfilmentId', 'locationId', 'lineIds'],
          properties: {
            fulfilmentId,
            locationId: { ...locationId, description: 'warehouse or store that ships the group' },
            lineIds: { type: 'array', minItems: 1, items: lineId },
          },
        },
      },
      assignedAt: dateTime,
    },
  },
});

export interface OrderPackedPayload {
  orderId: string;
  fulfilmentId: string;
  locationId: string;
  packedAt: string;
}

export const OrderPackedV1 = defineEvent<OrderPackedPayload>({
  type: 'order.packed',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'A delivery group is picked and packed at its location and waits for the carrier.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'fulfilmentId', 'locationId', 'packedAt'],
    properties: { orderId: uuid, fulfilmentId, locationId, packedAt: dateTime },
  },
});

export interface OrderShippedPayload {
  orderId: string;
  fulfilmentId: string;
  locationId: string;
  carrier: string;
  trackingNumber: string;
  lines: { lineId: string; sku: string; quantity: number }[];
  shippedAt: string;
}

export const OrderShippedV1 = defineEvent<OrderShippedPayload>({
  type: 'order.shipped',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'A delivery group left its location with a carrier; inventory consumes its reserved units there.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'fulfilmentId', 'locationId', 'carrier', 'trackingNumber', 'lines', 'shippedAt'],
    properties: {
      orderId: uuid,
      fulfilmentId,
      locationId: { ...locationId, description: 'warehouse or store that shipped' },
      carrier: text(64),
      trackingNumber: text(64),
      lines: lineQuantities,
      shippedAt: dateTime,
    },
  },
});

export interface OrderDeliveredPayload {
  orderId: string;
  fulfilmentId: string;
  deliveredAt: string;
}

export const OrderDeliveredV1 = defineEvent<OrderDeliveredPayload>({
  type: 'order.delivered',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'The carrier delivered a delivery group to the customer.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'fulfilmentId', 'deliveredAt'],
    properties: { orderId: uuid, fulfilmentId, deliveredAt: dateTime },
  },
});

export const DELIVERY_FAILURES = ['DELIVERY.REFUSED', 'DELIVERY.LOST'] as const;
export type DeliveryFailure = (typeof DELIVERY_FAILURES)[number];

export interface OrderDeliveryFailedPayload {
  orderId: string;
  fulfilmentId: string;
  reason: DeliveryFailure;
  failedAt: string;
}

export const OrderDeliveryFailedV1 = defineEvent<OrderDeliveryFailedPayload>({
  type: 'order.delivery-failed',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'The carrier reported a delivery group refused by the customer or lost; its amount is refunded.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'fulfilmentId', 'reason', 'failedAt'],
    properties: { orderId: uuid, fulfilmentId, reason: { type: 'string', enum: [...DELIVERY_FAILURES] }, failedAt: dateTime },
  },
});
