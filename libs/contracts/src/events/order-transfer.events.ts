import { defineEvent } from '../define-event';
import { ORDER_EVENTS_TOPIC } from '../topics';
import { dateTime, lineId, locationId, quantity, sku, uuid } from './common';
import { fulfilmentRef, LineQuantityPayload, storeId } from './order-fields';

// A pickup's units travelling to its store: arrived, lost, partly ready (split from order.events.ts).

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
    properties: {
      fulfilmentId: fulfilmentRef,
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
    properties: {
      fulfilmentId: fulfilmentRef,
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
