import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_CATALOGUE, findEventDefinition } from './catalogue';
import { ceTypeOf, EventDefinition, JsonSchema } from './define-event';
import { at, example, EXAMPLES, later, line, lineId, orderId, otherId } from './event-examples.fixtures';
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
import { allTopics } from './topics';

// The returns, customer, cart and price-list events' examples; the order, fulfilment, preorder,
// inventory and payment events' are in event-examples.fixtures.ts.
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
example(returns.ReturnRefundRequestedV1, {
  refundId: otherId,
  returnId,
  orderId,
  currency: 'EUR',
  tenders: [{ tender: 'card', amount: 1999, reference: orderId }],
  reason: 'RETURN',
  requestedAt: at,
});
example(returns.ReturnAuthorisedV1, {
  authorisationId: otherId,
  orderId,
  customerId: 'c-1',
  code: 'AB12CD34',
  lines: [line],
  expiresAt: later,
  authorisedAt: at,
});
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
example(mailReturn.ReturnParcelTrackedV1, {
  authorisationId: otherId,
  orderId,
  trackingNumber: 'SI0123456789ABCDEF',
  status: 'IN_TRANSIT',
  at,
  recordedAt: at,
});
example(mailReturn.ReturnParcelReceivedV1, {
  authorisationId: otherId,
  orderId,
  trackingNumber: 'SI0123456789ABCDEF',
  locationId: 'WH-1',
  associateId: 'receiver-1',
  receivedAt: later,
});
example(returns.ReturnPolicyPublishedV1, { version: 2, effectiveFrom: later, publishedBy: 'back-office', publishedAt: at }, 'return-policy');
example(
  returns.StoreCreditIssuedV1,
  { accountId: 'c-1', entryId: otherId, amount: 1999, currency: 'EUR', balance: 1999, returnId, orderId, issuedAt: at },
  'c-1',
);
example(
  returns.StoreCreditRedeemedV1,
  { accountId: 'c-1', redemptionId: otherId, amount: 999, currency: 'EUR', balance: 1000, reference: 'cart-42', redeemedAt: at },
  'c-1',
);
example(
  returns.StoreCreditReinstatedV1,
  {
    accountId: 'c-1',
    entryId: otherId,
    amount: 999,
    currency: 'EUR',
    balance: 1999,
    orderId,
    refundId: otherId,
    tenderReference: otherId,
    reason: 'ORDER.CANCELLED',
    reinstatedAt: at,
  },
  'c-1',
);
example(inventoryReturns.ReplacementIssuedV1, { returnId, orderId, locationId: 'S2', lines: [{ sku: 'SKU-2', quantity: 1 }], issuedAt: at });
example(inventoryReturns.ReplacementRefusedV1, {
  returnId,
  orderId,
  locationId: 'S2',
  reason: 'STOCK.INSUFFICIENT',
  shortLines: [{ sku: 'SKU-2', requested: 1, available: 0 }],
  refusedAt: at,
});
example(inventoryReturns.ReturnRestockedV1, {
  returnId,
  orderId,
  locationId: 'S2',
  lines: [{ sku: 'SKU-1', quantity: 1, disposition: 'damaged' }],
  restockedAt: at,
});
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
example(
  shipment.OrderReplacementRefusedV1,
  { returnId, originalOrderId: orderId, reason: 'ORDER.TENDER_MISMATCH', detail: 'captured tenders total 2499, the order 2599', refusedAt: at },
  returnId,
);

const customerId = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a';
const accounts = [{ channel: 'web' as const, accountId: 'c-1' }];
example(customer.CustomerOrderLinkedV1, { orderId, customerId, matchedBy: 'email', profileCreated: false, channel: 'web', linkedAt: at }, customerId);
example(
  customer.CustomerMergedV1,
  { mergeId: otherId, mergedCustomerId: customerId, survivingCustomerId: otherId, accounts, mergedBy: 'back-office', mergedAt: at },
  customerId,
);
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
  {
    cartId: otherId,
    customerId: 'acct-1',
    startedChannel: 'app',
    startedStoreId: null,
    currency: 'EUR',
    lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: 1999 }],
    lastActivityAt: at,
    abandonedAt: later,
  },
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
    const exported: unknown[] = Object.values({
      ...order,
      ...fulfilment,
      ...preorder,
      ...inventory,
      ...payment,
      ...returns,
      ...inventoryReturns,
      ...shipment,
      ...mailReturn,
      ...customer,
      ...cart,
      ...priceList,
    });
    const declared = exported.filter((v): v is EventDefinition => typeof v === 'object' && v !== null && 'schema' in v && 'topic' in v);
    expect(declared.length).toBeGreaterThan(0);
    expect([...EVENT_CATALOGUE].sort(byType)).toEqual(declared.sort(byType));
  });
});
