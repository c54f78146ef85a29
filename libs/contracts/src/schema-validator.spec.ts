import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_CATALOGUE, findEventDefinition } from './catalogue';
import { ceTypeOf, EventDefinition, JsonSchema } from './define-event';
import * as cart from './events/cart.events';
import * as customer from './events/customer.events';
import * as fulfilment from './events/fulfilment.events';
import * as inventory from './events/inventory.events';
import * as preorder from './events/preorder.events';
import * as order from './events/order.events';
import * as payment from './events/payment.events';
import * as returns from './events/returns.events';
import * as inventoryReturns from './events/inventory-returns.events';
import * as shipment from './events/replacement-shipment.events';
import * as mailReturn from './events/mail-return.events';
import * as priceList from './events/price-list.events';
import { schemaErrors } from './schema-validator';
import topicsJson from './topics.json';
import { allTopics, CUSTOMER_EVENTS_TOPIC, deadLetterTopicOf, INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC, PAYMENT_EVENTS_TOPIC } from './topics';

const orderId = '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c';
const lineId = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const otherId = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const at = '2026-11-23T10:00:00.000Z';
const later = '2026-11-30T18:00:00.000Z';
const line = { lineId, sku: 'SKU-1', quantity: 2 };

/** One valid payload per event type, typed by its definition, with the partition key it should give. */
const EXAMPLES = new Map<EventDefinition, { payload: unknown; key: string }>();
function example<P>(def: EventDefinition<P>, payload: P, key = orderId): void {
  EXAMPLES.set(def as EventDefinition, { payload, key });
}

example(order.OrderPlacedV1, { orderId, channel: 'web', storeId: 'S1', customerId: 'c-1', currency: 'EUR', lines: [{ ...line, unitPrice: 1999 }], placedAt: at });
example(order.OrderConfirmedV1, { orderId, readyBy: later, confirmedAt: at });
example(order.OrderRejectedV1, { orderId, reason: 'STOCK.INSUFFICIENT', rejectedAt: at });
example(order.OrderPickingStartedV1, { orderId, storeId: 'S1', startedAt: at });
example(order.OrderShortPickedV1, { orderId, storeId: 'S1', lines: [{ lineId, sku: 'SKU-1', missingQuantity: 1 }], shortPickedAt: at });
example(order.OrderReadyForPickupV1, { orderId, storeId: 'S1', lines: [line], pickupDeadline: later, readyAt: at });
example(order.OrderCollectedV1, { orderId, storeId: 'S1', lines: [line], collectedAt: at });
example(order.OrderCancelledV1, { orderId, storeId: 'S1', cancelledBy: 'customer', reason: 'changed my mind', cancelledAt: at });
example(order.OrderExpiredV1, { orderId, storeId: 'S1', pickupDeadline: at, expiredAt: later });
example(order.OrderPickupUnlockedV1, { fulfilmentId: otherId, orderId, storeId: 'S1', supervisorId: 'sup-7', reason: 'ID card checked', failedCodeAttempts: 5, unlockedAt: at });
example(order.OrderLineCancelledV1, { orderId, ...line, reason: 'LINE.UNAVAILABLE', cancelledAt: at });
example(order.OrderTransferLostV1, { fulfilmentId: otherId, orderId, storeId: 'S1', transferId: otherId, resourced: [{ lineId, transferId: null }], cancelled: [], status: 'RESERVED', lostAt: at });
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
example(fulfilment.OrderShippedV1, { orderId, fulfilmentId: otherId, locationId: 'W1', carrier: 'Colissimo', trackingNumber: '6A12345678901', lines: [line], shippedAt: at });
example(fulfilment.OrderDeliveredV1, { orderId, fulfilmentId: otherId, deliveredAt: later });
example(fulfilment.OrderDeliveryFailedV1, { orderId, fulfilmentId: otherId, reason: 'DELIVERY.REFUSED', failedAt: later });
example(fulfilment.PaymentRefundRequestedV2, { orderId, fulfilmentId: otherId, refundId: otherId, amount: 1999, currency: 'EUR', reason: 'DELIVERY.REFUSED', requestedAt: at });
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
example(preorder.InventoryPreorderQueuedV1, { orderId, fulfilmentId: otherId, storeId: 'S1', lines: [{ ...line, position: 3, estimatedAt: later }], queuedAt: at });
example(preorder.InventoryPreorderAllocatedV1, { orderId, fulfilmentId: otherId, storeId: 'S1', lines: [{ ...line, sourceLocationId: 'W1', transferId: otherId }], pickupHoldDays: 5, allocatedAt: at });
example(preorder.InventoryPreorderEstimatedV1, { orderId, fulfilmentId: otherId, storeId: 'S1', lines: [{ lineId, sku: 'SKU-1', position: 2, estimatedAt: null }], estimatedAt: at });
example(preorder.SupplyChangedV1, { supplyId: otherId, sku: 'SKU-1', locationId: 'W1', quantity: 40, expectedAt: later, reference: 'PO-1001', status: 'EXPECTED', receivedQuantity: 0, at }, 'W1/SKU-1');
example(preorder.OrderPreorderedV1, { orderId, fulfilmentId: otherId, storeId: 'S1', releaseAt: later, lines: [{ ...line, position: 1 }], estimatedAvailableAt: later, preorderedAt: at });
example(preorder.OrderPreorderAllocatedV1, { orderId, fulfilmentId: otherId, storeId: 'S1', status: 'ALLOCATED', releaseAt: later, allocatedAt: at });
example(preorder.OrderPreorderRescheduledV1, { orderId, fulfilmentId: otherId, position: 2, releaseAt: later, previousEstimate: at, estimatedAvailableAt: later, cause: 'SUPPLY', at });
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
example(inventory.InventoryRejectedV1, { orderId, locationId: 'S1', reason: 'STOCK.INSUFFICIENT', shortLines: [{ sku: 'SKU-1', requested: 2, available: 0 }], rejectedAt: at });
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
const returnId = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a';
example(returns.ReturnCompletedV1, {
  returnId,
  orderId,
  kind: 'exchange',
  storeId: 'S2',
  associateId: 'a-7',
  orderChannel: 'web',
  orderPlacedAtStoreId: null,
  authorisationId: null,
  policyVersion: 1,
  currency: 'EUR',
  lines: [{ lineId, sku: 'SKU-1', quantity: 1, unitPrice: 1999, condition: 'opened', disposition: 'sellable', rule: 'window-default' }],
  replacements: [{ sku: 'SKU-2', quantity: 1, unitPrice: 2499 }],
  difference: 500,
  refundMethod: null,
  refundAmount: 0,
  charged: { tender: 'card', amount: 500, reference: 'POS-S2-0001' },
  channel: 'store',
  replacementOrderId: null,
  completedAt: at,
});
example(returns.ReturnExchangeRequestedV1, { returnId, orderId, storeId: 'S2', replacements: [{ sku: 'SKU-2', quantity: 1 }], requestedAt: at });
example(returns.ReturnExchangeFailedV1, { returnId, orderId, storeId: 'S2', reason: 'STOCK.INSUFFICIENT', failedAt: at });
example(returns.ReturnRefundRequestedV1, { refundId: otherId, returnId, orderId, currency: 'EUR', tenders: [{ tender: 'card', amount: 1999, reference: orderId }], reason: 'RETURN', requestedAt: at });
example(returns.ReturnAuthorisedV1, { authorisationId: otherId, orderId, customerId: 'c-1', code: 'AB12CD34', lines: [line], expiresAt: later, authorisedAt: at });
example(mailReturn.ReturnLabelIssuedV1, {
  authorisationId: otherId,
  orderId,
  customerId: null,
  code: 'AB12CD34',
  carrier: 'stand-in',
  labelNumber: 'SIL-0123456789AB',
  trackingNumber: 'SI0123456789ABCDEF',
  trackingUrl: 'https://carrier.example/track/SI0123456789ABCDEF',
  returnTo: 'WH-1',
  issuedAt: at,
});
example(mailReturn.ReturnParcelTrackedV1, { authorisationId: otherId, orderId, trackingNumber: 'SI0123456789ABCDEF', status: 'IN_TRANSIT', at, recordedAt: at });
example(mailReturn.ReturnParcelReceivedV1, { authorisationId: otherId, orderId, trackingNumber: 'SI0123456789ABCDEF', locationId: 'WH-1', associateId: 'receiver-1', receivedAt: later });
example(returns.ReturnPolicyPublishedV1, { version: 2, effectiveFrom: later, publishedBy: 'back-office', publishedAt: at }, 'return-policy');
example(returns.StoreCreditIssuedV1, { accountId: 'c-1', entryId: otherId, amount: 1999, currency: 'EUR', balance: 1999, returnId, orderId, issuedAt: at }, 'c-1');
example(returns.StoreCreditRedeemedV1, { accountId: 'c-1', redemptionId: otherId, amount: 999, currency: 'EUR', balance: 1000, reference: 'cart-42', redeemedAt: at }, 'c-1');
example(returns.StoreCreditReinstatedV1, { accountId: 'c-1', entryId: otherId, amount: 999, currency: 'EUR', balance: 1999, orderId, refundId: otherId, tenderReference: otherId, reason: 'ORDER.CANCELLED', reinstatedAt: at }, 'c-1');
example(inventoryReturns.ReplacementIssuedV1, { returnId, orderId, locationId: 'S2', lines: [{ sku: 'SKU-2', quantity: 1 }], issuedAt: at });
example(inventoryReturns.ReplacementRefusedV1, { returnId, orderId, locationId: 'S2', reason: 'STOCK.INSUFFICIENT', shortLines: [{ sku: 'SKU-2', requested: 1, available: 0 }], refusedAt: at });
example(inventoryReturns.ReturnRestockedV1, { returnId, orderId, locationId: 'S2', lines: [{ sku: 'SKU-1', quantity: 1, disposition: 'damaged' }], restockedAt: at });
example(shipment.ReturnReplacementShipmentRequestedV1, {
  returnId,
  orderId,
  storeId: 'S2',
  customerId: 'c-1',
  contact: { email: 'ada@example.com', phone: '+33612345678', loyaltyId: null, name: 'Ada Martin', postcode: '75011' },
  currency: 'EUR',
  address: { name: 'Ada Martin', line1: '3 rue Oberkampf', line2: null, postcode: '75011', city: 'Paris', country: 'FR' },
  replacements: [{ sku: 'SKU-2', quantity: 1, unitPrice: 2499 }],
  settledAmount: 2499,
  requestedAt: at,
});
example(shipment.OrderReplacementPlacedV1, { orderId: otherId, returnId, originalOrderId: orderId, placedAt: at }, otherId);
example(shipment.OrderReplacementRefusedV1, { returnId, originalOrderId: orderId, reason: 'ORDER.TENDER_MISMATCH', detail: 'captured tenders total 2499, the order 2599', refusedAt: at }, returnId);

const customerId = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a';
const accounts = [{ channel: 'web' as const, accountId: 'c-1' }];
example(customer.CustomerOrderLinkedV1, { orderId, customerId, matchedBy: 'email', profileCreated: false, channel: 'web', linkedAt: at }, customerId);
example(customer.CustomerMergedV1, { mergeId: otherId, mergedCustomerId: customerId, survivingCustomerId: otherId, accounts, mergedBy: 'back-office', mergedAt: at }, customerId);
example(
  customer.CustomerPreferencesChangedV1,
  {
    customerId,
    accounts,
    homeStoreId: 'S1',
    preferredContactChannel: 'sms',
    marketingConsents: [{ contactChannel: 'email', granted: true, recordedAt: at, source: { channel: 'pos', storeId: 'S1', recordedBy: 'a-7' } }],
    changedAt: at,
  },
  customerId,
);
example(
  cart.CartAbandonedV1,
  { cartId: otherId, customerId: 'acct-1', startedChannel: 'app', startedStoreId: null, currency: 'EUR', lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: 1999 }], lastActivityAt: at, abandonedAt: later },
  otherId,
);
example(
  priceList.PriceListChangedV1,
  {
    sku: 'SNEAKER-43',
    prices: [
      { currency: 'EUR', unitPrice: 8900, storeId: null, channel: null, validFrom: null, validUntil: null },
      { currency: 'EUR', unitPrice: 6900, storeId: 'S1', channel: 'pos', validFrom: at, validUntil: later },
    ],
    changedAt: at,
  },
  'SNEAKER-43',
);
example(customer.CustomerErasedV1, { customerId, formerCustomerIds: [otherId], accounts, orderIds: [orderId], erasedAt: later }, customerId);

const catalogue = EVENT_CATALOGUE.map((def) => [ceTypeOf(def), def] as const);

const byType = (a: EventDefinition, b: EventDefinition) => ceTypeOf(a).localeCompare(ceTypeOf(b));

/** Every object schema inside `schema`, with its JSON pointer. */
function objectSchemas(schema: JsonSchema, path = '#'): [string, JsonSchema][] {
  const found: [string, JsonSchema][] = schema.type === 'object' ? [[path, schema]] : [];
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, sub] of Object.entries(props)) found.push(...objectSchemas(sub, `${path}/properties/${name}`));
  if (schema.items) found.push(...objectSchemas(schema.items as JsonSchema, `${path}/items`));
  return found;
}

describe('the event catalogue', () => {
  it.each(catalogue)('a valid %s payload has no schema errors, and is keyed by its aggregate id', (_, def) => {
    const ex = EXAMPLES.get(def);
    if (!ex) throw new Error('add an example payload for this event to EXAMPLES');
    expect(schemaErrors(def, ex.payload)).toEqual([]);
    expect(def.key(ex.payload)).toBe(ex.key);
  });

  it.each(catalogue)('%s compiles in strict mode and refuses unknown fields at every level', (_, def) => {
    const strict = new Ajv({ allErrors: true, strict: true });
    addFormats(strict);
    expect(() => strict.compile(def.schema)).not.toThrow();
    expect(def.schema.type).toBe('object');
    expect(def.schema.additionalProperties).toBe(false);
    for (const [path, s] of objectSchemas(def.schema)) expect([path, s.additionalProperties]).toEqual([path, false]);
  });

  it.each(catalogue)('%s is published on a topic that exists', (_, def) => {
    expect(allTopics().map((t) => t.name)).toContain(def.topic);
  });

  it('has a unique CloudEvents type per definition, each found by findEventDefinition', () => {
    const types = EVENT_CATALOGUE.map(ceTypeOf);
    expect(new Set(types).size).toBe(types.length);
    for (const def of EVENT_CATALOGUE) expect(findEventDefinition(ceTypeOf(def))).toBe(def);
    expect(findEventDefinition('order.placed.v99')).toBeUndefined();
  });

  it('lists every event declared in the contracts', () => {
    const exported: unknown[] = Object.values({ ...order, ...fulfilment, ...preorder, ...inventory, ...payment, ...returns, ...inventoryReturns, ...shipment, ...mailReturn, ...customer, ...cart, ...priceList });
    const declared = exported.filter((v): v is EventDefinition => typeof v === 'object' && v !== null && 'schema' in v && 'topic' in v);
    expect(declared.length).toBeGreaterThan(0);
    expect([...EVENT_CATALOGUE].sort(byType)).toEqual(declared.sort(byType));
  });
});

describe('schemaErrors', () => {
  const placed = EXAMPLES.get(order.OrderPlacedV1 as EventDefinition)!.payload as Record<string, unknown>;
  const aLine = { lineId, sku: 'A', quantity: 1, unitPrice: 100 };
  const without = (field: string) => Object.fromEntries(Object.entries(placed).filter(([k]) => k !== field));

  it.each([
    ['an unknown top-level field', { ...placed, price: 1 }, ["(root): unknown field 'price'"]],
    ['an unknown field inside a line', { ...placed, lines: [{ ...aLine, note: 'x' }] }, ["/lines/0: unknown field 'note'"]],
    ['a missing required field', without('storeId'), ["(root): missing required field 'storeId'"]],
    ['a missing required field inside a line', { ...placed, lines: [{ lineId, sku: 'A', unitPrice: 100 }] }, ["/lines/0: missing required field 'quantity'"]],
    ['a required field that is undefined', { ...placed, customerId: undefined }, ["(root): missing required field 'customerId'"]],
    ['a malformed uuid', { ...placed, orderId: 'abc' }, ['/orderId: must match format "uuid"']],
    ['a value out of range', { ...placed, lines: [{ ...aLine, quantity: 10001 }] }, ['/lines/0/quantity: must be <= 10000']],
    ['a value not in the enum', { ...placed, channel: 'fax' }, ['/channel: must be equal to one of the allowed values']],
    ['a wrong type', { ...placed, customerId: 7 }, ['/customerId: must be string,null']],
    ['a malformed currency', { ...placed, currency: 'eur' }, ['/currency: must match pattern "^[A-Z]{3}$"']],
    ['a negative price', { ...placed, lines: [{ ...aLine, unitPrice: -1 }] }, ['/lines/0/unitPrice: must be >= 0']],
    ['null instead of an object', null, ['(root): must be object']],
  ])('describes %s with the field path and the rule', (_, payload, expected) => {
    expect(schemaErrors(order.OrderPlacedV1, payload)).toEqual(expected);
  });

  it('accepts a guest order (customerId null)', () => {
    expect(schemaErrors(order.OrderPlacedV1, { ...placed, customerId: null })).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(schemaErrors(order.OrderConfirmedV1, { extra: 1, readyBy: later, confirmedAt: 'now' }).sort()).toEqual(
      ["(root): missing required field 'orderId'", "(root): unknown field 'extra'", '/confirmedAt: must match format "date-time"'].sort(),
    );
  });
});

describe('allTopics', () => {
  it('lists every topic of topics.json followed by its .dlq twin, with the catalogue partition count', () => {
    expect(allTopics()).toEqual(
      topicsJson.topics.flatMap((t) => [
        { name: t.name, partitions: topicsJson.partitions },
        { name: `${t.name}.dlq`, partitions: topicsJson.partitions },
      ]),
    );
  });

  it('includes the topics the code names', () => {
    const names = allTopics().map((t) => t.name);
    for (const topic of [ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, PAYMENT_EVENTS_TOPIC, CUSTOMER_EVENTS_TOPIC]) {
      expect(names).toContain(topic);
      expect(names).toContain(`${topic}.dlq`);
    }
  });

  it('uses the partition count it is given', () => {
    expect(new Set(allTopics(1).map((t) => t.partitions))).toEqual(new Set([1]));
  });

  it('gives every event topic a dead-letter twin, and names no topic twice', () => {
    const names = allTopics().map((t) => t.name);
    for (const def of EVENT_CATALOGUE) expect(names).toContain(deadLetterTopicOf(def.topic));
    expect(new Set(names).size).toBe(names.length);
  });
});
