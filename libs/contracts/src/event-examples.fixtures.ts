import { EventDefinition } from './define-event';
import * as fulfilment from './events/fulfilment.events';
import * as inventory from './events/inventory.events';
import * as preorder from './events/preorder.events';
import * as order from './events/order.events';
import * as payment from './events/payment.events';

// Valid payloads of the contracts' events, shared by the specs of the event catalogue
// (event-catalogue.spec.ts, which adds the returns, customer, cart and price-list events') and of
// schemaErrors (schema-validator.spec.ts).

export const orderId = '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c';
export const lineId = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
export const otherId = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
export const at = '2026-11-23T10:00:00.000Z';
export const later = '2026-11-30T18:00:00.000Z';
export const line = { lineId, sku: 'SKU-1', quantity: 2 };

/** One valid payload per event type, typed by its definition, with the partition key it should give. */
export const EXAMPLES = new Map<EventDefinition, { payload: unknown; key: string }>();
export function example<P>(def: EventDefinition<P>, payload: P, key = orderId): void {
  EXAMPLES.set(def as EventDefinition, { payload, key });
}

example(order.OrderPlacedV1, {
  orderId,
  channel: 'web',
  storeId: 'S1',
  customerId: 'c-1',
  currency: 'EUR',
  lines: [{ ...line, unitPrice: 1999 }],
  placedAt: at,
});
example(order.OrderConfirmedV1, { orderId, readyBy: later, confirmedAt: at });
example(order.OrderRejectedV1, { orderId, reason: 'STOCK.INSUFFICIENT', rejectedAt: at });
example(order.OrderPickingStartedV1, { orderId, storeId: 'S1', startedAt: at });
example(order.OrderShortPickedV1, { orderId, storeId: 'S1', lines: [{ lineId, sku: 'SKU-1', missingQuantity: 1 }], shortPickedAt: at });
example(order.OrderReadyForPickupV1, { orderId, storeId: 'S1', lines: [line], pickupDeadline: later, readyAt: at });
example(order.OrderCollectedV1, { orderId, storeId: 'S1', lines: [line], collectedAt: at });
example(order.OrderCancelledV1, { orderId, storeId: 'S1', cancelledBy: 'customer', reason: 'changed my mind', cancelledAt: at });
example(order.OrderExpiredV1, { orderId, storeId: 'S1', pickupDeadline: at, expiredAt: later });
example(order.OrderPickupUnlockedV1, {
  fulfilmentId: otherId,
  orderId,
  storeId: 'S1',
  supervisorId: 'sup-7',
  reason: 'ID card checked',
  failedCodeAttempts: 5,
  unlockedAt: at,
});
example(order.OrderLineCancelledV1, { orderId, ...line, reason: 'LINE.UNAVAILABLE', cancelledAt: at });
example(order.OrderTransferLostV1, {
  fulfilmentId: otherId,
  orderId,
  storeId: 'S1',
  transferId: otherId,
  resourced: [{ lineId, transferId: null }],
  cancelled: [],
  status: 'RESERVED',
  lostAt: at,
});
example(order.OrderTransferArrivedV1, { orderId, storeId: 'S1', transferId: otherId, status: 'RESERVED', arrivedAt: at });
example(order.OrderPartiallyReadyV1, { orderId, storeId: 'S1', waitingLines: [{ lineId, sku: 'SKU-1', transferId: otherId }], readyBy: later, at });
example(order.PaymentCaptureRequestedV1, { orderId, amount: 3998, currency: 'EUR', requestedAt: at });
example(order.PaymentRefundRequestedV1, { orderId, refundId: otherId, amount: 1999, currency: 'EUR', reason: 'LINE.UNAVAILABLE', requestedAt: at });
example(order.NotificationRequestedV1, {
  notificationId: otherId,
  orderId,
  customerId: null,
  orderChannel: 'app',
  template: 'pickup-ready',
  storeId: 'S1',
  pickupCode: 'AB12CD',
  pickupDeadline: later,
  readyBy: null,
  requestedAt: at,
});
const address = { name: 'Ada Martin', line1: '3 rue Oberkampf', line2: null, postcode: '75011', city: 'Paris', country: 'FR' };
example(fulfilment.OrderPlacedV2, {
  orderId,
  channel: 'pos',
  placedAtStoreId: 'S1',
  customerId: null,
  contact: { email: 'ada@example.com', phone: '+33612345678', loyaltyId: null, name: 'Ada Martin', postcode: '75011' },
  currency: 'EUR',
  lines: [{ ...line, unitPrice: 1999 }],
  fulfilments: [{ fulfilmentId: otherId, type: 'delivery', storeId: null, address, lineIds: [lineId] }],
  capturedTenders: [{ tender: 'card', amount: 3998, reference: 'POS-S1-0042' }],
  placedAt: at,
  cart: { cartId: otherId, startedChannel: 'app', startedStoreId: null, startedAt: at },
});
example(fulfilment.OrderDeliveryAssignedV1, { orderId, fulfilments: [{ fulfilmentId: otherId, locationId: 'W1', lineIds: [lineId] }], assignedAt: at });
example(fulfilment.OrderPackedV1, { orderId, fulfilmentId: otherId, locationId: 'W1', packedAt: at });
example(fulfilment.OrderShippedV1, {
  orderId,
  fulfilmentId: otherId,
  locationId: 'W1',
  carrier: 'Colissimo',
  trackingNumber: '6A12345678901',
  lines: [line],
  shippedAt: at,
});
example(fulfilment.OrderDeliveredV1, { orderId, fulfilmentId: otherId, deliveredAt: later });
example(fulfilment.OrderDeliveryFailedV1, { orderId, fulfilmentId: otherId, reason: 'DELIVERY.REFUSED', failedAt: later });
example(fulfilment.PaymentRefundRequestedV2, {
  orderId,
  fulfilmentId: otherId,
  refundId: otherId,
  amount: 1999,
  currency: 'EUR',
  reason: 'DELIVERY.REFUSED',
  requestedAt: at,
});
example(fulfilment.NotificationRequestedV2, {
  notificationId: otherId,
  orderId,
  fulfilmentId: otherId,
  customerId: 'c-1',
  orderChannel: 'web',
  template: 'order-shipped',
  storeId: 'W1',
  pickupCode: null,
  pickupDeadline: null,
  readyBy: null,
  carrier: 'Colissimo',
  trackingNumber: '6A12345678901',
  requestedAt: at,
});
example(preorder.InventoryPreorderQueuedV1, {
  orderId,
  fulfilmentId: otherId,
  storeId: 'S1',
  lines: [{ ...line, position: 3, estimatedAt: later }],
  queuedAt: at,
});
example(preorder.InventoryPreorderAllocatedV1, {
  orderId,
  fulfilmentId: otherId,
  storeId: 'S1',
  lines: [{ ...line, sourceLocationId: 'W1', transferId: otherId }],
  pickupHoldDays: 5,
  allocatedAt: at,
});
example(preorder.InventoryPreorderEstimatedV1, {
  orderId,
  fulfilmentId: otherId,
  storeId: 'S1',
  lines: [{ lineId, sku: 'SKU-1', position: 2, estimatedAt: null }],
  estimatedAt: at,
});
example(
  preorder.SupplyChangedV1,
  { supplyId: otherId, sku: 'SKU-1', locationId: 'W1', quantity: 40, expectedAt: later, reference: 'PO-1001', status: 'EXPECTED', receivedQuantity: 0, at },
  'W1/SKU-1',
);
example(preorder.OrderPreorderedV1, {
  orderId,
  fulfilmentId: otherId,
  storeId: 'S1',
  releaseAt: later,
  lines: [{ ...line, position: 1 }],
  estimatedAvailableAt: later,
  preorderedAt: at,
});
example(preorder.OrderPreorderAllocatedV1, { orderId, fulfilmentId: otherId, storeId: 'S1', status: 'ALLOCATED', releaseAt: later, allocatedAt: at });
example(preorder.OrderPreorderRescheduledV1, {
  orderId,
  fulfilmentId: otherId,
  position: 2,
  releaseAt: later,
  previousEstimate: at,
  estimatedAvailableAt: later,
  cause: 'SUPPLY',
  at,
});
example(inventory.InventoryReservedForDeliveryV1, { orderId, fulfilmentId: otherId, lines: [{ ...line, sourceLocationId: 'W1' }], reservedAt: at });
example(inventory.InventoryReservedV1, {
  orderId,
  locationId: 'S1',
  lines: [{ ...line, sourceLocationId: 'W1', transferId: otherId }],
  transfers: [{ transferId: otherId, fromLocationId: 'W1', toLocationId: 'S1', expectedArrivalAt: later }],
  readyBy: later,
  pickupHoldDays: 7,
  reservedAt: at,
});
example(inventory.InventoryRejectedV1, {
  orderId,
  locationId: 'S1',
  reason: 'STOCK.INSUFFICIENT',
  shortLines: [{ sku: 'SKU-1', requested: 2, available: 0 }],
  rejectedAt: at,
});
example(inventory.StockAdjustedV1, { locationId: 'S1', sku: 'SKU-1', delta: -4, onHand: 6, reason: 'damage', adjustedAt: at }, 'S1/SKU-1');
example(inventory.TransferShippedV1, { transferId: otherId, orderId, fromLocationId: 'W1', toLocationId: 'S1', expectedArrivalAt: later, shippedAt: at });
example(inventory.TransferReceivedV1, { transferId: otherId, orderId, fromLocationId: 'W1', toLocationId: 'S1', lines: [line], receivedAt: later });
example(inventory.TransferLostV1, {
  transferId: otherId,
  orderId,
  fromLocationId: 'W1',
  toLocationId: 'S1',
  lines: [line],
  reason: 'carrier lost the pallet',
  resourced: [{ ...line, quantity: 1, fromLocationId: 'W2', transferId: '2d3e4f5a-6b7c-4d8e-9fa0-b1c2d3e4f5a6', expectedArrivalAt: later }],
  unavailable: [{ ...line, quantity: 1 }],
  lostAt: at,
});
example(inventory.ShortPickResolvedV1, {
  orderId,
  storeId: 'S1',
  resourced: [{ ...line, quantity: 1, fromLocationId: 'W1', transferId: otherId, expectedArrivalAt: later }],
  unavailable: [],
  resolvedAt: at,
});
example(inventory.ReservationReleasedV1, { orderId, reason: 'ORDER.EXPIRED', lines: [{ ...line, locationId: 'S1' }], releasedAt: at });
example(inventory.ReservationConsumedV1, { orderId, locationId: 'S1', lines: [line], consumedAt: at });
example(payment.PaymentCapturedV1, { orderId, amount: 3998, currency: 'EUR', capturedAt: at });
example(payment.PaymentRefundedV1, { orderId, refundId: otherId, amount: 1999, currency: 'EUR', refundedAt: at });
example(payment.PaymentCaptureFailedV1, { orderId, amount: 3998, currency: 'EUR', reason: 'CARD.DECLINED', failedAt: at });
example(payment.PaymentRefundFailedV1, { orderId, refundId: otherId, amount: 1999, currency: 'EUR', reason: 'REFUND.TENDER_CLOSED', failedAt: at });
