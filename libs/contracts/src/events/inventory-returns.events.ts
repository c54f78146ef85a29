import { defineEvent } from '../define-event';
import { INVENTORY_EVENTS_TOPIC } from '../topics';
import { dateTime, locationId, quantity, sku, uuid } from './common';
import { Disposition, DISPOSITIONS } from './returns.events';

/** Inventory's side of returns and exchanges: replacements taken from a store's shelves, returned units restocked. */
const returnId = { ...uuid, description: 'the return (or exchange)' };
const skuQuantities = {
  type: 'array',
  minItems: 1,
  items: { type: 'object', additionalProperties: false, required: ['sku', 'quantity'], properties: { sku, quantity } },
};

export interface ReplacementIssuedPayload {
  returnId: string;
  orderId: string;
  locationId: string;
  lines: { sku: string; quantity: number }[];
  issuedAt: string;
}

export const ReplacementIssuedV1 = defineEvent<ReplacementIssuedPayload>({
  type: 'inventory.replacement-issued',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    "Answer to return.exchange-requested: the replacement units were taken from the store's available stock and handed over (on hand went down at once).",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['returnId', 'orderId', 'locationId', 'lines', 'issuedAt'],
    properties: { returnId, orderId: uuid, locationId, lines: skuQuantities, issuedAt: dateTime },
  },
});

export interface ReplacementRefusedPayload {
  returnId: string;
  orderId: string;
  locationId: string;
  reason: 'STOCK.INSUFFICIENT' | 'LOCATION.UNKNOWN';
  shortLines: { sku: string; requested: number; available: number }[];
  refusedAt: string;
}

export const ReplacementRefusedV1 = defineEvent<ReplacementRefusedPayload>({
  type: 'inventory.replacement-refused',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'Answer to return.exchange-requested: the store lacks a replacement unit (or is unknown); nothing was taken.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['returnId', 'orderId', 'locationId', 'reason', 'shortLines', 'refusedAt'],
    properties: {
      returnId,
      orderId: uuid,
      locationId,
      reason: { type: 'string', enum: ['STOCK.INSUFFICIENT', 'LOCATION.UNKNOWN'] },
      shortLines: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['sku', 'requested', 'available'],
          properties: { sku, requested: quantity, available: { type: 'integer', minimum: 0 } },
        },
      },
      refusedAt: dateTime,
    },
  },
});

export interface ReturnRestockedPayload {
  returnId: string;
  orderId: string;
  locationId: string;
  lines: { sku: string; quantity: number; disposition: Disposition }[];
  restockedAt: string;
}

export const ReturnRestockedV1 = defineEvent<ReturnRestockedPayload>({
  type: 'inventory.return-restocked',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'Returned units are in the stock of the store that received them: sellable ones on hand (available again), damaged ones and those for return to vendor in non-sellable buckets.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['returnId', 'orderId', 'locationId', 'lines', 'restockedAt'],
    properties: {
      returnId,
      orderId: uuid,
      locationId: { ...locationId, description: 'the receiving store' },
      lines: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['sku', 'quantity', 'disposition'],
          properties: { sku, quantity, disposition: { type: 'string', enum: [...DISPOSITIONS] } },
        },
      },
      restockedAt: dateTime,
    },
  },
});
