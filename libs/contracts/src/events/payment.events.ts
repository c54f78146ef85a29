import { defineEvent } from '../define-event';
import { PAYMENT_EVENTS_TOPIC } from '../topics';
import { currency, dateTime, money, uuid } from './common';

/**
 * Results published by the payment system, a downstream system outside this codebase. The order
 * service records them; the journey never fakes a payment.
 */
export interface PaymentCapturedPayload {
  orderId: string;
  amount: number;
  currency: string;
  capturedAt: string;
}

export const PaymentCapturedV1 = defineEvent<PaymentCapturedPayload>({
  type: 'payment.captured',
  version: 1,
  topic: PAYMENT_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'The payment system captured the amount asked for by payment.capture-requested.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'amount', 'currency', 'capturedAt'],
    properties: { orderId: uuid, amount: money, currency, capturedAt: dateTime },
  },
});

export interface PaymentRefundedPayload {
  orderId: string;
  refundId: string;
  amount: number;
  currency: string;
  refundedAt: string;
}

export const PaymentRefundedV1 = defineEvent<PaymentRefundedPayload>({
  type: 'payment.refunded',
  version: 1,
  topic: PAYMENT_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'The payment system refunded (or released) the amount of one payment.refund-requested.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'refundId', 'amount', 'currency', 'refundedAt'],
    properties: { orderId: uuid, refundId: uuid, amount: money, currency, refundedAt: dateTime },
  },
});
