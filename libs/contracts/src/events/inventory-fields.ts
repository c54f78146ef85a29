import { JsonSchema } from '../define-event';
import { locationId, quantity, sku, uuid } from './common';

// Schema fragments the inventory service's events share (inventory.events.ts, transfer.events.ts).

/**
 * Lines re-sourced for an order: each found again at `fromLocationId`, coming with the transfer
 * `transferId`, expected at `expectedArrivalAt`. The two differ by event (a transfer-lost line
 * may have no new transfer), so the caller gives their schemas.
 */
export const resourcedLines = (transferId: JsonSchema, expectedArrivalAt: JsonSchema) => ({
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['lineId', 'sku', 'quantity', 'fromLocationId', 'transferId', 'expectedArrivalAt'],
    properties: { lineId: uuid, sku, quantity, fromLocationId: locationId, transferId, expectedArrivalAt },
  },
});
