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

/** The payment system's reason for a refusal, namespaced (CARD.DECLINED, AUTHORISATION.EXPIRED, REFUND.TENDER_CLOSED…). */
const failureReason = {
  type: 'string',
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Z0-9_]+(\\.[A-Z0-9_]+)*$',
  description: "the payment system's reason, namespaced (CARD.DECLINED, AUTHORISATION.EXPIRED…)",
};

export interface PaymentCaptureFailedPayload {
  orderId: string;
  amount: number;
  currency: string;
  reason: string;
  failedAt: string;
}

export const PaymentCaptureFailedV1 = defineEvent<PaymentCaptureFailedPayload>({
  type: 'payment.capture-failed',
  version: 1,
  topic: PAYMENT_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'The payment system could not capture the amount asked for by payment.capture-requested (a card declined, an authorisation expired). The order service parks the request as FAILED, visible to operators, until one retries it.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'amount', 'currency', 'reason', 'failedAt'],
    properties: { orderId: uuid, amount: money, currency, reason: failureReason, failedAt: dateTime },
  },
});

export interface PaymentRefundFailedPayload {
  orderId: string;
  refundId: string;
  amount: number;
  currency: string;
  reason: string;
  failedAt: string;
}

export const PaymentRefundFailedV1 = defineEvent<PaymentRefundFailedPayload>({
  type: 'payment.refund-failed',
  version: 1,
  topic: PAYMENT_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'The payment system could not refund one payment.refund-requested or return.refund-requested (the tender closed, the original payment not found). The service that asked (order, or returns) parks the request as failed, visible to operators, until one retries it with the same refundId.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'refundId', 'amount', 'currency', 'reason', 'failedAt'],
    properties: { orderId: uuid, refundId: uuid, amount: money, currency, reason: failureReason, failedAt: dateTime },
  },
});
