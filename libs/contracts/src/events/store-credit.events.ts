import { defineEvent } from '../define-event';
import { RETURNS_EVENTS_TOPIC } from '../topics';
import { currency, dateTime, money, text, uuid } from './common';
import { returnId } from './returns-fields';

// A customer's store-credit balance: credited by a return, spent at a checkout, given back when an
// order it paid for is refunded; keyed by account (split from returns.events.ts).

const accountId = text(64, 'store-credit account: the customer id');

export interface StoreCreditIssuedPayload {
  accountId: string;
  entryId: string;
  amount: number;
  currency: string;
  balance: number;
  returnId: string;
  orderId: string;
  issuedAt: string;
  /**
   * When the credit pays back a store-credit tender of the order (a return refunded to the
   * original tenders), that tender's reference; absent when store credit was the refund method.
   */
  tenderReference?: string;
}

export const StoreCreditIssuedV1 = defineEvent<StoreCreditIssuedPayload>({
  type: 'store-credit.issued',
  version: 1,
  topic: RETURNS_EVENTS_TOPIC,
  key: (p) => p.accountId,
  description: "A return (or the refunded difference of an exchange) was credited to the customer's store-credit balance, spendable in any channel.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['accountId', 'entryId', 'amount', 'currency', 'balance', 'returnId', 'orderId', 'issuedAt'],
    properties: {
      accountId,
      entryId: uuid,
      amount: money,
      currency,
      balance: money,
      returnId,
      orderId: uuid,
      issuedAt: dateTime,
      tenderReference: text(
        64,
        'the store-credit tender of the order this credit pays back (a return refunded to the original tenders); absent when store credit was the refund method',
      ),
    },
  },
});

export interface StoreCreditRedeemedPayload {
  accountId: string;
  redemptionId: string;
  amount: number;
  currency: string;
  balance: number;
  /** The caller's reference, e.g. a cart or checkout id. */
  reference: string;
  redeemedAt: string;
}

export const StoreCreditRedeemedV1 = defineEvent<StoreCreditRedeemedPayload>({
  type: 'store-credit.redeemed',
  version: 1,
  topic: RETURNS_EVENTS_TOPIC,
  key: (p) => p.accountId,
  description: 'Store credit was spent at a checkout of any channel; the order carries redemptionId as the reference of its captured store-credit tender.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['accountId', 'redemptionId', 'amount', 'currency', 'balance', 'reference', 'redeemedAt'],
    properties: { accountId, redemptionId: uuid, amount: { ...money, minimum: 1 }, currency, balance: money, reference: text(64), redeemedAt: dateTime },
  },
});

export interface StoreCreditReinstatedPayload {
  accountId: string;
  entryId: string;
  amount: number;
  currency: string;
  balance: number;
  /** The order refunded, and the order service's refund request (payment.refund-requested v2). */
  orderId: string;
  refundId: string;
  /** The reference of the store-credit tender the order was paid with. */
  tenderReference: string;
  /** The refund's reason code, e.g. ORDER.CANCELLED, DELIVERY.REFUSED. */
  reason: string;
  reinstatedAt: string;
}

export const StoreCreditReinstatedV1 = defineEvent<StoreCreditReinstatedPayload>({
  type: 'store-credit.reinstated',
  version: 1,
  topic: RETURNS_EVENTS_TOPIC,
  key: (p) => p.accountId,
  description:
    "Store credit that paid for an order is back on the customer's balance: the order service asked to refund part of the order (payment.refund-requested v2) and that part had been paid with store credit. Once per refund request and tender.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['accountId', 'entryId', 'amount', 'currency', 'balance', 'orderId', 'refundId', 'tenderReference', 'reason', 'reinstatedAt'],
    properties: {
      accountId,
      entryId: uuid,
      amount: { ...money, minimum: 1 },
      currency,
      balance: money,
      orderId: uuid,
      refundId: { ...uuid, description: 'refundId of the payment.refund-requested it answers' },
      tenderReference: text(64, 'reference of the store-credit tender: a redemption id, or the return whose value paid a replacement'),
      reason: { type: 'string', pattern: '^[A-Z]+(\\.[A-Z_]+)+$', maxLength: 64, description: 'reason code of the refund request' },
      reinstatedAt: dateTime,
    },
  },
});
