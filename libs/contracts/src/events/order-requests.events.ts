import { defineEvent } from '../define-event';
import { NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC } from '../topics';
import { Channel, channel, currency, dateTime, money, nullableDateTime, uuid } from './common';
import { fulfilmentRef, storeId } from './order-fields';

// What the order service asks of the payment provider and the notification sender (split from order.events.ts).

export interface PaymentCaptureRequestedPayload {
  fulfilmentId?: string;
  orderId: string;
  amount: number;
  currency: string;
  requestedAt: string;
}

export const PaymentCaptureRequestedV1 = defineEvent<PaymentCaptureRequestedPayload>({
  type: 'payment.capture-requested',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'Asks the payment system to capture what the customer collected. Answered by payment.captured on payment.events.v1.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'amount', 'currency', 'requestedAt'],
    properties: { fulfilmentId: fulfilmentRef, orderId: uuid, amount: money, currency, requestedAt: dateTime },
  },
});

export const REFUND_REASONS = ['ORDER.CANCELLED', 'ORDER.REJECTED', 'ORDER.EXPIRED', 'LINE.UNAVAILABLE'] as const;

export interface PaymentRefundRequestedPayload {
  orderId: string;
  refundId: string;
  amount: number;
  currency: string;
  reason: (typeof REFUND_REASONS)[number];
  requestedAt: string;
}

export const PaymentRefundRequestedV1 = defineEvent<PaymentRefundRequestedPayload>({
  type: 'payment.refund-requested',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description: 'Asks the payment system to refund (release) an amount of the order. refundId makes a repeated request recognisable.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'refundId', 'amount', 'currency', 'reason', 'requestedAt'],
    properties: { orderId: uuid, refundId: uuid, amount: money, currency, reason: { type: 'string', enum: [...REFUND_REASONS] }, requestedAt: dateTime },
  },
});

export const NOTIFICATION_TEMPLATES = ['pickup-ready', 'pickup-reminder', 'order-cancelled', 'pickup-expired', 'line-cancelled', 'pickup-delayed'] as const;

export interface NotificationRequestedPayload {
  notificationId: string;
  orderId: string;
  customerId: string | null;
  orderChannel: Channel;
  template: (typeof NOTIFICATION_TEMPLATES)[number];
  storeId: string;
  pickupCode: string | null;
  pickupDeadline: string | null;
  readyBy: string | null;
  requestedAt: string;
}

export const NotificationRequestedV1 = defineEvent<NotificationRequestedPayload>({
  type: 'notification.requested',
  version: 1,
  topic: NOTIFICATION_REQUESTS_TOPIC,
  key: (p) => p.orderId,
  description:
    "Asks the notifier to tell the customer something about the order. It carries the pickup code in clear, so it has a topic of its own that only the notifier may read; sending is the notifier's job.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['notificationId', 'orderId', 'customerId', 'orderChannel', 'template', 'storeId', 'pickupCode', 'pickupDeadline', 'readyBy', 'requestedAt'],
    properties: {
      notificationId: uuid,
      orderId: uuid,
      customerId: { type: ['string', 'null'], maxLength: 64 },
      orderChannel: channel,
      template: { type: 'string', enum: [...NOTIFICATION_TEMPLATES] },
      storeId,
      pickupCode: { type: ['string', 'null'], pattern: '^[0-9A-Z]{6,12}$', description: 'code the customer shows at the POS' },
      pickupDeadline: nullableDateTime,
      readyBy: { ...nullableDateTime, description: 'promised pickup time, for a delay notice' },
      requestedAt: dateTime,
    },
  },
});
