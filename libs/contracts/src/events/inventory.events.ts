import { defineEvent } from '../define-event';
import { INVENTORY_EVENTS_TOPIC } from '../topics';
import { dateTime, locationId, quantity, sku, uuid } from './common';
import { resourcedLines } from './inventory-fields';

import { LineQuantity, lineQuantities, ResourcedLinePayload } from './transfer.events';

export * from './transfer.events';

export interface ReservedLinePayload {
  lineId: string;
  sku: string;
  quantity: number;
  /** Where the units are reserved: the pickup store, or the source of a transfer to it. */
  sourceLocationId: string;
  /** The transfer bringing the units to the store; null when they are already there. */
  transferId: string | null;
}

export interface TransferPayload {
  transferId: string;
  fromLocationId: string;
  toLocationId: string;
  expectedArrivalAt: string;
}

export interface InventoryReservedPayload {
  orderId: string;
  /** The pickup group reserved; absent in events written before fulfilment groups (the whole order). */
  fulfilmentId?: string;
  locationId: string;
  lines: ReservedLinePayload[];
  transfers: TransferPayload[];
  /** Earliest time the order can be ready at the store: pick time, plus transfer time if any. */
  readyBy: string;
  /** Days the store holds a ready order before it expires (the store's pickup hold period). */
  pickupHoldDays: number;
  reservedAt: string;
}

const transfer = {
  type: 'object',
  additionalProperties: false,
  required: ['transferId', 'fromLocationId', 'toLocationId', 'expectedArrivalAt'],
  properties: { transferId: uuid, fromLocationId: locationId, toLocationId: locationId, expectedArrivalAt: dateTime },
};

const reservedLine = {
  type: 'object',
  additionalProperties: false,
  required: ['lineId', 'sku', 'quantity', 'sourceLocationId', 'transferId'],
  properties: {
    lineId: uuid,
    sku,
    quantity,
    sourceLocationId: { ...locationId, description: 'location holding the reserved units' },
    transferId: { type: ['string', 'null'], format: 'uuid', description: 'transfer bringing the units to the store, if any' },
  },
};

export const InventoryReservedV1 = defineEvent<InventoryReservedPayload>({
  type: 'inventory.reserved',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'Every line of an order is reserved, at the pickup store or at a source location with a transfer to the store; nobody else can take those units.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'locationId', 'lines', 'transfers', 'readyBy', 'pickupHoldDays', 'reservedAt'],
    properties: {
      fulfilmentId: { type: 'string', format: 'uuid', description: 'pickup group reserved; absent: the whole order' },
      orderId: uuid,
      locationId: { ...locationId, description: 'pickup store' },
      lines: { type: 'array', minItems: 1, items: reservedLine },
      transfers: { type: 'array', items: transfer },
      readyBy: { ...dateTime, description: 'promised pickup time' },
      pickupHoldDays: { type: 'integer', minimum: 1, maximum: 60, description: "the store's pickup hold period in days" },
      reservedAt: dateTime,
    },
  },
});

export interface DeliveryReservedLinePayload {
  lineId: string;
  sku: string;
  quantity: number;
  /** The warehouse or store that holds the units and ships them. */
  sourceLocationId: string;
}

export interface InventoryReservedForDeliveryPayload {
  orderId: string;
  fulfilmentId: string;
  lines: DeliveryReservedLinePayload[];
  reservedAt: string;
}

export const InventoryReservedForDeliveryV1 = defineEvent<InventoryReservedForDeliveryPayload>({
  type: 'inventory.reserved-for-delivery',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'Every line of a delivery group is reserved where it will ship from, a warehouse or a store, by the sourcing rule: one location when one has everything, else lines split across locations.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'fulfilmentId', 'lines', 'reservedAt'],
    properties: {
      orderId: uuid,
      fulfilmentId: { type: 'string', format: 'uuid', description: 'delivery group reserved' },
      lines: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['lineId', 'sku', 'quantity', 'sourceLocationId'],
          properties: { lineId: uuid, sku, quantity, sourceLocationId: { ...locationId, description: 'location that ships the units' } },
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

export const INVENTORY_REJECTION_REASONS = ['STOCK.INSUFFICIENT', 'LOCATION.UNKNOWN', 'LOCATION.NO_PICKUP'] as const;
export type InventoryRejectionReason = (typeof INVENTORY_REJECTION_REASONS)[number];

export interface InventoryRejectedPayload {
  orderId: string;
  locationId: string;
  reason: InventoryRejectionReason;
  shortLines: ShortLinePayload[];
  rejectedAt: string;
}

export const InventoryRejectedV1 = defineEvent<InventoryRejectedPayload>({
  type: 'inventory.rejected',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'The order could not be reserved anywhere (or the store takes no pickups); nothing was reserved for any of its lines.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'locationId', 'reason', 'shortLines', 'rejectedAt'],
    properties: {
      orderId: uuid,
      locationId,
      reason: { type: 'string', enum: [...INVENTORY_REJECTION_REASONS] },
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

export interface ShortPickResolvedPayload {
  orderId: string;
  storeId: string;
  resourced: ResourcedLinePayload[];
  unavailable: LineQuantity[];
  resolvedAt: string;
}

export const ShortPickResolvedV1 = defineEvent<ShortPickResolvedPayload>({
  type: 'inventory.short-pick-resolved',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    "Answer to order.short-picked: the store's stock was corrected, and each missing quantity was either re-sourced from another location (with a transfer) or is unavailable anywhere.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'storeId', 'resourced', 'unavailable', 'resolvedAt'],
    properties: {
      orderId: uuid,
      storeId: locationId,
      resourced: resourcedLines(uuid, dateTime),
      unavailable: { type: 'array', items: lineQuantities.items },
      resolvedAt: dateTime,
    },
  },
});

export interface ReservationReleasedPayload {
  orderId: string;
  reason: 'ORDER.CANCELLED' | 'ORDER.EXPIRED' | 'RESERVATION.EXPIRED';
  lines: (LineQuantity & { locationId: string })[];
  releasedAt: string;
}

export const ReservationReleasedV1 = defineEvent<ReservationReleasedPayload>({
  type: 'inventory.reservation-released',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'Units reserved for an order are available again where they are.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'reason', 'lines', 'releasedAt'],
    properties: {
      orderId: uuid,
      reason: { type: 'string', enum: ['ORDER.CANCELLED', 'ORDER.EXPIRED', 'RESERVATION.EXPIRED'] },
      lines: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['lineId', 'sku', 'quantity', 'locationId'],
          properties: { lineId: uuid, sku, quantity, locationId },
        },
      },
      releasedAt: dateTime,
    },
  },
});

export interface ReservationConsumedPayload {
  orderId: string;
  locationId: string;
  lines: LineQuantity[];
  consumedAt: string;
}

export const ReservationConsumedV1 = defineEvent<ReservationConsumedPayload>({
  type: 'inventory.reservation-consumed',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'The collected units left the store: on hand and reserved both went down.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'locationId', 'lines', 'consumedAt'],
    properties: { orderId: uuid, locationId, lines: lineQuantities, consumedAt: dateTime },
  },
});
