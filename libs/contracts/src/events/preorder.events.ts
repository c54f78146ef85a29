import { defineEvent } from '../define-event';
import { INVENTORY_EVENTS_TOPIC, ORDER_EVENTS_TOPIC } from '../topics';
import { dateTime, lineId, locationId, nullableDateTime, quantity, sku, uuid } from './common';

/**
 * Preorders (docs/preorders.md): a pickup or delivery group for products not released yet.
 * Inventory keeps one first-come-first-served queue per SKU and location (the pickup store, or the
 * warehouse that will ship a delivery), allocates supply to it in order, and estimates when each
 * preorder will be there; the order service holds the group until the release date, then the
 * click & collect or home delivery lifecycle takes over.
 */
const fulfilmentId = { ...uuid, description: 'the preorder (a pickup or delivery group of the order)' };
const storeId = { ...locationId, description: 'where the preorder waits: its pickup store, or the warehouse that will ship a delivery' };
const position = { type: 'integer', minimum: 1, description: "place in the location's queue for the SKU among preorders still waiting for units" };

/** What a preorder group carries in order.placed v2: the release date and each line's place in line. */
export interface PreorderPlacementPayload {
  releaseAt: string;
  /** Strictly increasing per SKU and pickup store (gap-free), or per SKU for deliveries, in placement order. */
  lines: { lineId: string; sequence: number }[];
}

export const preorderPlacementSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['releaseAt', 'lines'],
  description: 'present when the group is a preorder',
  properties: {
    releaseAt: { ...dateTime, description: 'release date: not collectable before' },
    lines: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['lineId', 'sequence'],
        properties: {
          lineId,
          sequence: { type: 'integer', minimum: 1, description: 'place in line for the SKU at the pickup store (gap-free), or among deliveries of the SKU' },
        },
      },
    },
  },
};

export interface PreorderQueuedLinePayload {
  lineId: string;
  sku: string;
  quantity: number;
  position: number;
  estimatedAt: string | null;
}

export interface InventoryPreorderQueuedPayload {
  orderId: string;
  fulfilmentId: string;
  storeId: string;
  lines: PreorderQueuedLinePayload[];
  queuedAt: string;
}

const queuedLine = {
  type: 'object',
  additionalProperties: false,
  required: ['lineId', 'sku', 'quantity', 'position', 'estimatedAt'],
  properties: {
    lineId,
    sku,
    quantity,
    position,
    estimatedAt: { ...nullableDateTime, description: 'when the units should be where the preorder waits; null while no supply is planned for them' },
  },
};

export const InventoryPreorderQueuedV1 = defineEvent<InventoryPreorderQueuedPayload>({
  type: 'inventory.preorder-queued',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'A preorder joined the first-come-first-served queue for each of its SKUs at its pickup store, or at the warehouse that will ship it, with its place in line and when its units should be there.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'fulfilmentId', 'storeId', 'lines', 'queuedAt'],
    properties: { orderId: uuid, fulfilmentId, storeId, lines: { type: 'array', minItems: 1, items: queuedLine }, queuedAt: dateTime },
  },
});

export interface InventoryPreorderAllocatedPayload {
  orderId: string;
  fulfilmentId: string;
  storeId: string;
  lines: { lineId: string; sku: string; quantity: number; sourceLocationId: string; transferId: string | null }[];
  /** Days the store holds a ready order before it expires. */
  pickupHoldDays: number;
  allocatedAt: string;
}

export const InventoryPreorderAllocatedV1 = defineEvent<InventoryPreorderAllocatedPayload>({
  type: 'inventory.preorder-allocated',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'Received supply went to the preorder in its turn: its units are reserved where it waits (its store, or the warehouse shipping a delivery), or at another warehouse with a transfer there. Nobody behind it in line gets them first.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'fulfilmentId', 'storeId', 'lines', 'pickupHoldDays', 'allocatedAt'],
    properties: {
      orderId: uuid,
      fulfilmentId,
      storeId,
      pickupHoldDays: { type: 'integer', minimum: 1, maximum: 60, description: "the store's pickup hold period in days" },
      lines: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['lineId', 'sku', 'quantity', 'sourceLocationId', 'transferId'],
          properties: {
            lineId,
            sku,
            quantity,
            sourceLocationId: { ...locationId, description: 'where the units are reserved' },
            transferId: { type: ['string', 'null'], format: 'uuid', description: 'transfer bringing them to the store, if any' },
          },
        },
      },
      allocatedAt: dateTime,
    },
  },
});

export interface InventoryPreorderEstimatedPayload {
  orderId: string;
  fulfilmentId: string;
  storeId: string;
  lines: { lineId: string; sku: string; position: number; estimatedAt: string | null }[];
  estimatedAt: string;
}

export const InventoryPreorderEstimatedV1 = defineEvent<InventoryPreorderEstimatedPayload>({
  type: 'inventory.preorder-estimated',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: "A waiting preorder's place in line or expected arrival changed: supply was planned, delayed or received, or someone ahead cancelled.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'fulfilmentId', 'storeId', 'lines', 'estimatedAt'],
    properties: {
      orderId: uuid,
      fulfilmentId,
      storeId,
      lines: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['lineId', 'sku', 'position', 'estimatedAt'],
          properties: { lineId, sku, position, estimatedAt: nullableDateTime },
        },
      },
      estimatedAt: { ...dateTime, description: 'when this estimate was made' },
    },
  },
});

export interface SupplyPayload {
  supplyId: string;
  sku: string;
  locationId: string;
  quantity: number;
  expectedAt: string;
  reference: string;
  status: 'EXPECTED' | 'RECEIVED' | 'CANCELLED';
  receivedQuantity: number;
  at: string;
}

export const SupplyChangedV1 = defineEvent<SupplyPayload>({
  type: 'inventory.supply-changed',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => `${p.locationId}/${p.sku}`,
  description: 'Incoming supply (a purchase order line or inbound shipment) was announced, re-dated, received or cancelled.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['supplyId', 'sku', 'locationId', 'quantity', 'expectedAt', 'reference', 'status', 'receivedQuantity', 'at'],
    properties: {
      supplyId: uuid,
      sku,
      locationId: { ...locationId, description: 'destination: a warehouse or a store' },
      quantity,
      expectedAt: dateTime,
      reference: { type: 'string', minLength: 1, maxLength: 64, description: 'purchase order or shipment reference' },
      status: { type: 'string', enum: ['EXPECTED', 'RECEIVED', 'CANCELLED'] },
      receivedQuantity: { type: 'integer', minimum: 0 },
      at: dateTime,
    },
  },
});

export interface OrderPreorderedPayload {
  orderId: string;
  fulfilmentId: string;
  storeId: string;
  releaseAt: string;
  lines: { lineId: string; sku: string; quantity: number; position: number }[];
  estimatedAvailableAt: string | null;
  preorderedAt: string;
}

export const OrderPreorderedV1 = defineEvent<OrderPreorderedPayload>({
  type: 'order.preordered',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'A preorder is in line at its store: its place and when it should be collectable (never before the release date).',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'fulfilmentId', 'storeId', 'releaseAt', 'lines', 'estimatedAvailableAt', 'preorderedAt'],
    properties: {
      orderId: uuid,
      fulfilmentId,
      storeId,
      releaseAt: dateTime,
      lines: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['lineId', 'sku', 'quantity', 'position'],
          properties: { lineId, sku, quantity, position },
        },
      },
      estimatedAvailableAt: {
        ...nullableDateTime,
        description: 'the later of the release date and the units’ expected arrival; null while no supply is planned',
      },
      preorderedAt: dateTime,
    },
  },
});

export interface OrderPreorderAllocatedPayload {
  orderId: string;
  fulfilmentId: string;
  storeId: string;
  /** ALLOCATED (units at the store) or AWAITING_TRANSFER (on their way from a warehouse). */
  status: 'ALLOCATED' | 'AWAITING_TRANSFER';
  releaseAt: string;
  allocatedAt: string;
}

export const OrderPreorderAllocatedV1 = defineEvent<OrderPreorderAllocatedPayload>({
  type: 'order.preorder-allocated',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'Units were allocated to the preorder in its turn; on the release date (or when they arrive, if later) it becomes ready for pickup, or a delivery is reserved for picking at its warehouse.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'fulfilmentId', 'storeId', 'status', 'releaseAt', 'allocatedAt'],
    properties: {
      orderId: uuid,
      fulfilmentId,
      storeId,
      status: { type: 'string', enum: ['ALLOCATED', 'AWAITING_TRANSFER'] },
      releaseAt: dateTime,
      allocatedAt: dateTime,
    },
  },
});

export interface OrderPreorderRescheduledPayload {
  orderId: string;
  fulfilmentId: string;
  position: number | null;
  releaseAt: string;
  previousEstimate: string | null;
  estimatedAvailableAt: string | null;
  /** SUPPLY (planned, delayed or received supply; a cancellation ahead) or RELEASE_DATE (the product's release moved). */
  cause: 'SUPPLY' | 'RELEASE_DATE';
  at: string;
}

export const OrderPreorderRescheduledV1 = defineEvent<OrderPreorderRescheduledPayload>({
  type: 'order.preorder-rescheduled',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: "A preorder's place in line or expected availability changed; a later date also asks the notifier to tell the customer.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'fulfilmentId', 'position', 'releaseAt', 'previousEstimate', 'estimatedAvailableAt', 'cause', 'at'],
    properties: {
      orderId: uuid,
      fulfilmentId,
      position: { ...position, type: ['integer', 'null'], description: 'place in line; null once units are allocated' },
      releaseAt: dateTime,
      previousEstimate: nullableDateTime,
      estimatedAvailableAt: nullableDateTime,
      cause: { type: 'string', enum: ['SUPPLY', 'RELEASE_DATE'] },
      at: dateTime,
    },
  },
});
