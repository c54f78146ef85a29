import { defineEvent } from '../define-event';
import { ORDER_EVENTS_TOPIC } from '../topics';
import { Channel, channel, dateTime, locationId, quantity, sku, uuid } from './common';

export interface OrderLinePayload {
  lineId: string;
  sku: string;
  quantity: number;
}

export interface OrderPlacedPayload {
  orderId: string;
  channel: Channel;
  storeId: string;
  customerId: string | null;
  lines: OrderLinePayload[];
  placedAt: string;
}

const orderLine = {
  type: 'object',
  additionalProperties: false,
  required: ['lineId', 'sku', 'quantity'],
  properties: { lineId: uuid, sku, quantity },
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
    required: ['orderId', 'channel', 'storeId', 'customerId', 'lines', 'placedAt'],
    properties: {
      orderId: uuid,
      channel,
      storeId: { ...locationId, description: 'store where the order is fulfilled (picked up)' },
      customerId: { type: ['string', 'null'], maxLength: 64, description: 'customer id, null for a guest' },
      lines: { type: 'array', minItems: 1, maxItems: 100, items: orderLine },
      placedAt: dateTime,
    },
  },
});

export interface OrderConfirmedPayload {
  orderId: string;
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
    required: ['orderId', 'confirmedAt'],
    properties: { orderId: uuid, confirmedAt: dateTime },
  },
});

export interface OrderRejectedPayload {
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
      orderId: uuid,
      reason: { type: 'string', description: 'namespaced refusal code, e.g. STOCK.INSUFFICIENT' },
      rejectedAt: dateTime,
    },
  },
});
