import { defineEvent } from '../define-event';
import { INVENTORY_EVENTS_TOPIC } from '../topics';
import { dateTime, locationId, quantity, sku, uuid } from './common';

export interface ReservedLinePayload {
  lineId: string;
  sku: string;
  quantity: number;
}

export interface InventoryReservedPayload {
  orderId: string;
  locationId: string;
  lines: ReservedLinePayload[];
  reservedAt: string;
}

export const InventoryReservedV1 = defineEvent<InventoryReservedPayload>({
  type: 'inventory.reserved',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'Every line of an order is reserved at one location; nobody else can take those units.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'locationId', 'lines', 'reservedAt'],
    properties: {
      orderId: uuid,
      locationId,
      lines: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['lineId', 'sku', 'quantity'],
          properties: { lineId: uuid, sku, quantity },
        },
      },
      reservedAt: dateTime,
    },
  },
});

export interface ShortLinePayload {
  sku: string;
  requested: number;
  available: number;
}

export interface InventoryRejectedPayload {
  orderId: string;
  locationId: string;
  reason: 'STOCK.INSUFFICIENT';
  shortLines: ShortLinePayload[];
  rejectedAt: string;
}

export const InventoryRejectedV1 = defineEvent<InventoryRejectedPayload>({
  type: 'inventory.rejected',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'The order could not be reserved; nothing was reserved for any of its lines.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'locationId', 'reason', 'shortLines', 'rejectedAt'],
    properties: {
      orderId: uuid,
      locationId,
      reason: { type: 'string', enum: ['STOCK.INSUFFICIENT'] },
      shortLines: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['sku', 'requested', 'available'],
          properties: { sku, requested: quantity, available: { type: 'integer', minimum: 0 } },
        },
      },
      rejectedAt: dateTime,
    },
  },
});

export interface StockAdjustedPayload {
  locationId: string;
  sku: string;
  delta: number;
  onHand: number;
  reason: 'receipt' | 'count' | 'damage';
  adjustedAt: string;
}

export const StockAdjustedV1 = defineEvent<StockAdjustedPayload>({
  type: 'inventory.stock-adjusted',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => `${p.locationId}/${p.sku}`,
  description: 'On-hand stock of a SKU at a location changed by a receipt, a count or damage.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['locationId', 'sku', 'delta', 'onHand', 'reason', 'adjustedAt'],
    properties: {
      locationId,
      sku,
      delta: { type: 'integer', description: 'change of on-hand units, negative for damage' },
      onHand: { type: 'integer', minimum: 0, description: 'on-hand units after the change' },
      reason: { type: 'string', enum: ['receipt', 'count', 'damage'] },
      adjustedAt: dateTime,
    },
  },
});
