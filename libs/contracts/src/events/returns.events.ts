import { defineEvent } from '../define-event';
import { RETURNS_EVENTS_TOPIC } from '../topics';
import { Channel, channel, currency, dateTime, lineId, locationId, money, quantity, sku, text, uuid } from './common';
import { PriceOverridePayload, priceOverrideSchema, TENDERS } from './fulfilment.events';
import { returnId } from './returns-fields';

export * from './store-credit.events';

/**
 * Returns, exchanges, refunds and store credit (journey 3, ADR 0009). Facts about a return are
 * keyed by its order, so every return of one order stays in order; store-credit facts by account.
 */
export const RETURN_CONDITIONS = ['new', 'opened', 'worn', 'damaged', 'faulty'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];
export const DISPOSITIONS = ['sellable', 'damaged', 'return-to-vendor'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const RETURN_KINDS = ['return', 'exchange'] as const;
export type ReturnKind = (typeof RETURN_KINDS)[number];
export const REFUND_METHODS = ['original-tender', 'store-credit'] as const;
export type RefundMethod = (typeof REFUND_METHODS)[number];
/** How the units came back: over a store's counter, or by mail to a returns centre. */
export const RETURN_CHANNELS = ['store', 'mail'] as const;
export type ReturnChannel = (typeof RETURN_CHANNELS)[number];
export type Tender = (typeof TENDERS)[number];

const ruleId = text(64, 'id of the policy rule that allowed the line');
const tenderItem = {
  type: 'object',
  additionalProperties: false,
  required: ['tender', 'amount', 'reference'],
  properties: {
    tender: { type: 'string', enum: [...TENDERS] },
    amount: money,
    reference: text(64, 'payment reference of the original tender, or the POS reference of a new one'),
  },
};

export interface ReturnedLinePayload {
  lineId: string;
  sku: string;
  quantity: number;
  unitPrice: number;
  condition: ReturnCondition;
  disposition: Disposition;
  /** The policy rule that allowed this line back. */
  rule: string;
}

export interface ReplacementPayload {
  sku: string;
  quantity: number;
  unitPrice: number;
}

export interface TenderAmountPayload {
  tender: Tender;
  amount: number;
  reference: string;
}

const returnedLine = {
  type: 'object',
  additionalProperties: false,
  required: ['lineId', 'sku', 'quantity', 'unitPrice', 'condition', 'disposition', 'rule'],
  properties: {
    lineId,
    sku,
    quantity,
    unitPrice: money,
    condition: { type: 'string', enum: [...RETURN_CONDITIONS], description: 'condition the store found the unit in' },
    disposition: { type: 'string', enum: [...DISPOSITIONS], description: 'sellable back on hand, or kept apart as damaged or for return to vendor' },
    rule: ruleId,
  },
};
const replacement = {
  type: 'object',
  additionalProperties: false,
  required: ['sku', 'quantity', 'unitPrice'],
  properties: { sku, quantity, unitPrice: money },
};

export interface ReturnCompletedPayload {
  returnId: string;
  orderId: string;
  kind: ReturnKind;
  /** The store that received the units and finished the return: credit for the exchange (journey 5). */
  storeId: string;
  associateId: string | null;
  /** Channel the order was placed in, and the store whose POS placed it (if any). */
  orderChannel: Channel;
  orderPlacedAtStoreId: string | null;
  authorisationId: string | null;
  policyVersion: number;
  currency: string;
  lines: ReturnedLinePayload[];
  replacements: ReplacementPayload[];
  /** Value of the replacements less the value returned: > 0 was charged at the POS, < 0 is refunded. */
  difference: number;
  refundMethod: RefundMethod | null;
  refundAmount: number;
  /** The payment taken at the POS for an uneven exchange. */
  charged: TenderAmountPayload | null;
  /** How the units came back (absent in events before it was recorded: store). */
  channel?: ReturnChannel;
  /** The delivery order shipping the replacements when the store had none. */
  replacementOrderId?: string | null;
  /** Replacements a trusted caller (scope prices:override) priced off the price list; absent when every one is at the list's price. */
  priceOverride?: PriceOverridePayload;
  completedAt: string;
}

export const ReturnCompletedV1 = defineEvent<ReturnCompletedPayload>({
  type: 'return.completed',
  version: 1,
  topic: RETURNS_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'Units of an order came back at a store and the return (refund) or exchange is finished: inventory restocks them there by disposition; the refund, if any, follows as return.refund-requested or store-credit.issued.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'returnId',
      'orderId',
      'kind',
      'storeId',
      'associateId',
      'orderChannel',
      'orderPlacedAtStoreId',
      'authorisationId',
      'policyVersion',
      'currency',
      'lines',
      'replacements',
      'difference',
      'refundMethod',
      'refundAmount',
      'charged',
      'completedAt',
    ],
    properties: {
      returnId,
      orderId: uuid,
      kind: { type: 'string', enum: [...RETURN_KINDS] },
      storeId: { ...locationId, description: 'store that received the units and finished the return' },
      associateId: { type: ['string', 'null'], maxLength: 128 },
      orderChannel: { ...channel, description: 'channel the order was placed in' },
      orderPlacedAtStoreId: { ...locationId, type: ['string', 'null'], description: 'store whose POS placed the order, if any' },
      authorisationId: { type: ['string', 'null'], format: 'uuid', description: 'the return authorisation started online, if any' },
      policyVersion: { type: 'integer', minimum: 1, description: 'version of the return policy that decided' },
      currency,
      lines: { type: 'array', minItems: 1, items: returnedLine },
      replacements: { type: 'array', items: replacement, description: 'units handed over in exchange, from the store stock' },
      difference: { type: 'integer', minimum: -100_000_000, maximum: 100_000_000, description: 'replacements less returned value, minor units' },
      refundMethod: { type: ['string', 'null'], enum: [...REFUND_METHODS, null] },
      refundAmount: money,
      charged: { ...tenderItem, type: ['object', 'null'], description: 'payment taken at the POS for an uneven exchange' },
      channel: {
        type: 'string',
        enum: [...RETURN_CHANNELS],
        description: 'how the units came back: at a store, or by mail to a returns centre (storeId is then that location); absent means store',
      },
      replacementOrderId: { type: ['string', 'null'], format: 'uuid', description: 'the delivery order shipping the replacements when the store had none' },
      priceOverride: {
        ...priceOverrideSchema,
        description:
          "absent when every replacement is at the price list's price; else who (scope prices:override) priced them otherwise, and what the list said",
      },
      completedAt: dateTime,
    },
  },
});

export interface ReturnExchangeRequestedPayload {
  returnId: string;
  orderId: string;
  storeId: string;
  replacements: { sku: string; quantity: number }[];
  requestedAt: string;
}

export const ReturnExchangeRequestedV1 = defineEvent<ReturnExchangeRequestedPayload>({
  type: 'return.exchange-requested',
  version: 1,
  topic: RETURNS_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    "Asks inventory to take the replacement units of an exchange from the store's own stock at once (all or none). Answered by inventory.replacement-issued or inventory.replacement-refused.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['returnId', 'orderId', 'storeId', 'replacements', 'requestedAt'],
    properties: {
      returnId,
      orderId: uuid,
      storeId: { ...locationId, description: 'the store handing the replacement over' },
      replacements: {
        type: 'array',
        minItems: 1,
        items: { type: 'object', additionalProperties: false, required: ['sku', 'quantity'], properties: { sku, quantity } },
      },
      requestedAt: dateTime,
    },
  },
});

export interface ReturnExchangeFailedPayload {
  returnId: string;
  orderId: string;
  storeId: string;
  reason: string;
  failedAt: string;
}

export const ReturnExchangeFailedV1 = defineEvent<ReturnExchangeFailedPayload>({
  type: 'return.exchange-failed',
  version: 1,
  topic: RETURNS_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'The store had no replacement units: the exchange is abandoned, nothing was returned or refunded and the units stay returnable.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['returnId', 'orderId', 'storeId', 'reason', 'failedAt'],
    properties: { returnId, orderId: uuid, storeId: locationId, reason: text(64, 'e.g. STOCK.INSUFFICIENT'), failedAt: dateTime },
  },
});

export interface ReturnRefundRequestedPayload {
  refundId: string;
  returnId: string;
  orderId: string;
  currency: string;
  /** Amount per original tender; the sum is the refund. */
  tenders: TenderAmountPayload[];
  reason: 'RETURN' | 'EXCHANGE.DIFFERENCE';
  requestedAt: string;
}

export const ReturnRefundRequestedV1 = defineEvent<ReturnRefundRequestedPayload>({
  type: 'return.refund-requested',
  version: 1,
  topic: RETURNS_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'Asks the payment system to refund a return to the tenders the order was paid with, an amount per tender. refundId makes a repeated request recognisable; one return asks once.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['refundId', 'returnId', 'orderId', 'currency', 'tenders', 'reason', 'requestedAt'],
    properties: {
      refundId: uuid,
      returnId,
      orderId: uuid,
      currency,
      tenders: { type: 'array', minItems: 1, items: tenderItem },
      reason: { type: 'string', enum: ['RETURN', 'EXCHANGE.DIFFERENCE'] },
      requestedAt: dateTime,
    },
  },
});

export interface ReturnAuthorisedPayload {
  authorisationId: string;
  orderId: string;
  customerId: string | null;
  /** The code (or QR content) the customer shows at any store. */
  code: string;
  lines: { lineId: string; sku: string; quantity: number }[];
  expiresAt: string;
  authorisedAt: string;
}

export const ReturnAuthorisedV1 = defineEvent<ReturnAuthorisedPayload>({
  type: 'return.authorised',
  version: 1,
  topic: RETURNS_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'The customer started a return online: the policy allowed the lines, and a code lets any store take them back until expiresAt.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['authorisationId', 'orderId', 'customerId', 'code', 'lines', 'expiresAt', 'authorisedAt'],
    properties: {
      authorisationId: uuid,
      orderId: uuid,
      customerId: { type: ['string', 'null'], maxLength: 64 },
      code: { type: 'string', pattern: '^[0-9A-Z]{8}$', description: 'return code shown at the store' },
      lines: {
        type: 'array',
        minItems: 1,
        items: { type: 'object', additionalProperties: false, required: ['lineId', 'sku', 'quantity'], properties: { lineId, sku, quantity } },
      },
      expiresAt: dateTime,
      authorisedAt: dateTime,
    },
  },
});

export interface ReturnPolicyPublishedPayload {
  version: number;
  effectiveFrom: string;
  publishedBy: string;
  publishedAt: string;
}

export const ReturnPolicyPublishedV1 = defineEvent<ReturnPolicyPublishedPayload>({
  type: 'return-policy.published',
  version: 1,
  topic: RETURNS_EVENTS_TOPIC,
  key: () => 'return-policy',
  description:
    'A new version of the return policy was published; it decides returns from effectiveFrom until a later version takes effect. The document itself is served by GET /return-policies.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['version', 'effectiveFrom', 'publishedBy', 'publishedAt'],
    properties: {
      version: { type: 'integer', minimum: 1 },
      effectiveFrom: dateTime,
      publishedBy: text(128, 'the caller (token subject) that published it'),
      publishedAt: dateTime,
    },
  },
});
