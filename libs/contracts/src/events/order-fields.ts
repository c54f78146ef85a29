import { lineId, locationId, quantity, sku } from './common';

// Schema fragments the order service's events share (order.events.ts, order-requests.events.ts, order-transfer.events.ts).

/** The fulfilment group an event is about; absent in events written before fulfilment groups, which are about the whole order. */
export const fulfilmentRef = { type: 'string', format: 'uuid', description: 'fulfilment group the event is about; absent: the whole order' };
export const groupLineIds = {
  type: 'array',
  minItems: 1,
  items: { type: 'string', format: 'uuid' },
  description: 'lines of the fulfilment group; absent: every line of the order',
};

export const storeId = { ...locationId, description: 'pickup store' };
/** Where a group is fulfilled: its pickup store, or the location shipping a delivery (UNASSIGNED before inventory chose one). */
export const fulfillingLocation = {
  ...locationId,
  description: 'pickup store, or the location shipping a delivery group (UNASSIGNED when a delivery was cancelled before a location was chosen)',
};
export const lineQuantity = (name: string, description: string) => ({
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
