import { defineEvent } from '../define-event';
import { INVENTORY_EVENTS_TOPIC } from '../topics';
import { dateTime, locationId, quantity, sku, uuid } from './common';
import { resourcedLines } from './inventory-fields';

// Stock travelling between locations: shipped, received, lost (split from inventory.events.ts).

export const lineQuantities = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['lineId', 'sku', 'quantity'],
    properties: { lineId: uuid, sku, quantity },
  },
};

export interface LineQuantity {
  lineId: string;
  sku: string;
  quantity: number;
}

export interface TransferShippedPayload {
  transferId: string;
  orderId: string;
  fromLocationId: string;
  toLocationId: string;
  expectedArrivalAt: string;
  shippedAt: string;
}

export const TransferShippedV1 = defineEvent<TransferShippedPayload>({
  type: 'inventory.transfer-shipped',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'The source location shipped a transfer to the pickup store.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['transferId', 'orderId', 'fromLocationId', 'toLocationId', 'expectedArrivalAt', 'shippedAt'],
    properties: { transferId: uuid, orderId: uuid, fromLocationId: locationId, toLocationId: locationId, expectedArrivalAt: dateTime, shippedAt: dateTime },
  },
});

export interface TransferReceivedPayload {
  transferId: string;
  orderId: string;
  fromLocationId: string;
  toLocationId: string;
  lines: LineQuantity[];
  receivedAt: string;
}

export const TransferReceivedV1 = defineEvent<TransferReceivedPayload>({
  type: 'inventory.transfer-received',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'The pickup store received a transfer: the units are on hand there and reserved for the order.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['transferId', 'orderId', 'fromLocationId', 'toLocationId', 'lines', 'receivedAt'],
    properties: { transferId: uuid, orderId: uuid, fromLocationId: locationId, toLocationId: locationId, lines: lineQuantities, receivedAt: dateTime },
  },
});

export interface TransferLostPayload {
  transferId: string;
  orderId: string;
  fromLocationId: string;
  toLocationId: string;
  /** What the transfer carried: written off, it is at neither end. */
  lines: LineQuantity[];
  reason: string;
  /** Units found again for the order: at the destination itself (transferId null) or at another location, with a new transfer. */
  resourced: (Omit<ResourcedLinePayload, 'transferId' | 'expectedArrivalAt'> & { transferId: string | null; expectedArrivalAt: string | null })[];
  /** Units no location has: the order gives them up. */
  unavailable: LineQuantity[];
  lostAt: string;
}

export const TransferLostV1 = defineEvent<TransferLostPayload>({
  type: 'inventory.transfer-lost',
  version: 1,
  topic: INVENTORY_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'A shipped transfer was declared lost: its units are written off, and each of its lines was re-sourced for the order (at the destination, or elsewhere with a new transfer) or is unavailable anywhere. Empty resourced and unavailable lists: the order had let the units go already.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['transferId', 'orderId', 'fromLocationId', 'toLocationId', 'lines', 'reason', 'resourced', 'unavailable', 'lostAt'],
    properties: {
      transferId: uuid,
      orderId: uuid,
      fromLocationId: locationId,
      toLocationId: locationId,
      lines: lineQuantities,
      reason: { type: 'string', minLength: 1, maxLength: 200, description: 'why it was declared lost, as the operator said' },
      resourced: resourcedLines(
        { type: ['string', 'null'], format: 'uuid', description: 'the new transfer; null when the destination had the units itself' },
        { type: ['string', 'null'], format: 'date-time', description: "the new transfer's expected arrival" },
      ),
      unavailable: { type: 'array', items: lineQuantities.items },
      lostAt: dateTime,
    },
  },
});

export interface ResourcedLinePayload {
  lineId: string;
  sku: string;
  quantity: number;
  fromLocationId: string;
  transferId: string;
  expectedArrivalAt: string;
}
