import { defineEvent } from '../define-event';
import { NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC } from '../topics';
import { Channel, channel, currency, dateTime, lineId, locationId, money, nullableDateTime, quantity, sku, uuid, text } from './common';
import { CONTACT_CHANNELS, ContactChannel } from './customer.events';
import { OrderLinePayload, OrderPlacedPayload } from './order.events';
import { PreorderPlacementPayload, preorderPlacementSchema } from './preorder.events';
import { fulfilmentId } from './delivery.events';

export * from './delivery.events';

/**
 * Fulfilment groups (ADR 0007): an order is fulfilled in groups, each collected at a store
 * (pickup) or delivered to an address (delivery) and each with a state of its own.
 */
export const FULFILMENT_TYPES = ['pickup', 'delivery'] as const;
export type FulfilmentType = (typeof FULFILMENT_TYPES)[number];

export interface AddressPayload {
  name: string;
  line1: string;
  line2: string | null;
  postcode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface ContactPayload {
  email: string | null;
  phone: string | null;
  loyaltyId: string | null;
  name: string | null;
  postcode: string | null;
}

export interface FulfilmentPayload {
  fulfilmentId: string;
  type: FulfilmentType;
  /** Pickup store; null for a delivery. */
  storeId: string | null;
  /** Delivery address; null for a pickup. */
  address: AddressPayload | null;
  lineIds: string[];
  /** Present when the group is a preorder (docs/preorders.md). */
  preorder?: PreorderPlacementPayload;
}

export const TENDERS = ['card', 'cash', 'gift-card', 'store-credit'] as const;

export interface CapturedTenderPayload {
  tender: (typeof TENDERS)[number];
  amount: number;
  reference: string;
}

export interface OrderPlacedV2Payload {
  orderId: string;
  /** Channel the order was placed in. */
  channel: Channel;
  /** The store whose POS placed the order (endless aisle), else null. */
  placedAtStoreId: string | null;
  customerId: string | null;
  /** How to reach the customer, as given at checkout (a guest's only identity). */
  contact: ContactPayload | null;
  currency: string;
  lines: OrderLinePayload[];
  fulfilments: FulfilmentPayload[];
  /** Payment already taken, e.g. at the POS; empty when the payment system captures later. */
  capturedTenders: CapturedTenderPayload[];
  placedAt: string;
  /** The cart the order was checked out from, where it began (docs/carts.md); absent for an order placed directly. */
  cart?: OrderCartPayload;
  /** Lines a trusted caller (scope prices:override) sold at another price than the price list's; absent when every line is at the list price. */
  priceOverride?: PriceOverridePayload;
}

export interface PriceOverridePayload {
  /** The principal (token subject) that stated the prices. */
  by: string;
  lines: { sku: string; listPrice: number | null; unitPrice: number }[];
}

export interface OrderCartPayload {
  cartId: string;
  /** Channel (and store, for a POS) where the cart was started; the order's channel is where it finished. */
  startedChannel: Channel;
  startedStoreId: string | null;
  startedAt: string;
}

/** Who (scope prices:override) stated prices other than the price list's, and what the list said. */
export const priceOverrideSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['by', 'lines'],
  description: "absent when every line is at the price list's price; else who (scope prices:override) stated other prices, and what the list said",
  properties: {
    by: { type: 'string', minLength: 1, maxLength: 200, description: 'the principal (token subject) that stated the prices' },
    lines: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['sku', 'listPrice', 'unitPrice'],
        properties: {
          sku,
          listPrice: { ...money, type: ['integer', 'null'], description: 'the list price in force, null when the list had none' },
          unitPrice: money,
        },
      },
    },
  },
};

const nullableText = (max: number, description?: string) => ({
  type: ['string', 'null'],
  minLength: 1,
  maxLength: max,
  ...(description ? { description } : {}),
});

export const addressSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'line1', 'line2', 'postcode', 'city', 'country'],
  properties: {
    name: text(200),
    line1: text(200),
    line2: nullableText(200),
    postcode: text(20),
    city: text(100),
    country: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 country code' },
  },
};

export const contactSchema = {
  type: ['object', 'null'],
  additionalProperties: false,
  required: ['email', 'phone', 'loyaltyId', 'name', 'postcode'],
  properties: {
    email: nullableText(254, 'e-mail address as given'),
    phone: nullableText(32, 'phone number as given'),
    loyaltyId: nullableText(64, 'loyalty card or account number'),
    name: nullableText(200),
    postcode: nullableText(20),
  },
};

const orderLine = {
  type: 'object',
  additionalProperties: false,
  required: ['lineId', 'sku', 'quantity', 'unitPrice'],
  properties: { lineId: uuid, sku, quantity, unitPrice: money },
};

export const OrderPlacedV2 = defineEvent<OrderPlacedV2Payload>({
  type: 'order.placed',
  version: 2,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'An order was accepted from a channel and waits for stock to be reserved. Version 2 splits the order into fulfilment groups (pickup at a store or delivery to an address), says which POS placed it, and carries the contact given at checkout and any payment already captured.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'channel', 'placedAtStoreId', 'customerId', 'contact', 'currency', 'lines', 'fulfilments', 'capturedTenders', 'placedAt'],
    properties: {
      orderId: uuid,
      channel,
      placedAtStoreId: { ...locationId, type: ['string', 'null'], description: 'store whose POS placed the order, for channel credit' },
      customerId: { type: ['string', 'null'], maxLength: 64, description: 'customer id, null for a guest' },
      contact: contactSchema,
      currency,
      lines: { type: 'array', minItems: 1, maxItems: 100, items: orderLine },
      fulfilments: {
        type: 'array',
        minItems: 1,
        maxItems: 10,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['fulfilmentId', 'type', 'storeId', 'address', 'lineIds'],
          properties: {
            fulfilmentId: uuid,
            type: { type: 'string', enum: [...FULFILMENT_TYPES] },
            storeId: { ...locationId, type: ['string', 'null'], description: 'pickup store; null for a delivery' },
            address: { ...addressSchema, type: ['object', 'null'], description: 'delivery address; null for a pickup' },
            lineIds: { type: 'array', minItems: 1, items: lineId },
            preorder: preorderPlacementSchema,
          },
        },
      },
      capturedTenders: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['tender', 'amount', 'reference'],
          properties: { tender: { type: 'string', enum: [...TENDERS] }, amount: money, reference: text(64, 'the POS or payment terminal reference') },
        },
      },
      placedAt: dateTime,
      cart: {
        type: 'object',
        additionalProperties: false,
        required: ['cartId', 'startedChannel', 'startedStoreId', 'startedAt'],
        description: 'the cart the order was checked out from (absent when placed directly): where it began; channel and placedAtStoreId say where it finished',
        properties: {
          cartId: uuid,
          startedChannel: { ...channel, description: 'channel the cart was started in' },
          startedStoreId: { ...locationId, type: ['string', 'null'], description: 'store the cart was started in (POS), else null' },
          startedAt: dateTime,
        },
      },
      priceOverride: priceOverrideSchema,
    },
  },
});

/** A version 1 event read as version 2: one pickup group, whose id is the order's. */
export function orderPlacedAsV2(p: OrderPlacedPayload): OrderPlacedV2Payload {
  return {
    orderId: p.orderId,
    channel: p.channel,
    placedAtStoreId: null,
    customerId: p.customerId,
    contact: null,
    currency: p.currency,
    lines: p.lines,
    fulfilments: [{ fulfilmentId: p.orderId, type: 'pickup', storeId: p.storeId, address: null, lineIds: p.lines.map((l) => l.lineId) }],
    capturedTenders: [],
    placedAt: p.placedAt,
  };
}

/** Refund and notification reasons are namespaced codes; new ones do not need a new version. */
const code = { type: 'string', pattern: '^[A-Z]+(\\.[A-Z_]+)+$', maxLength: 64 };

export interface PaymentRefundRequestedV2Payload {
  orderId: string;
  fulfilmentId: string | null;
  refundId: string;
  amount: number;
  currency: string;
  /** e.g. ORDER.CANCELLED, ORDER.REJECTED, ORDER.EXPIRED, LINE.UNAVAILABLE, DELIVERY.REFUSED, DELIVERY.LOST */
  reason: string;
  requestedAt: string;
  /**
   * How the amount splits over the tenders the order was paid with when it was placed (at a POS,
   * with store credit); absent when the payment system captured the payment itself. A
   * `store-credit` part goes back to the customer's balance (the returns service), not to the
   * payment system.
   */
  tenders?: CapturedTenderPayload[];
}

export const PaymentRefundRequestedV2 = defineEvent<PaymentRefundRequestedV2Payload>({
  type: 'payment.refund-requested',
  version: 2,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'Asks the payment system to refund (release) an amount of the order. refundId makes a repeated request recognisable. Version 2 names the fulfilment group and takes any namespaced reason code (a failed delivery among them).',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'fulfilmentId', 'refundId', 'amount', 'currency', 'reason', 'requestedAt'],
    properties: {
      orderId: uuid,
      fulfilmentId: { ...fulfilmentId, type: ['string', 'null'] },
      refundId: uuid,
      amount: money,
      currency,
      reason: { ...code, description: 'ORDER.CANCELLED, ORDER.REJECTED, ORDER.EXPIRED, LINE.UNAVAILABLE, DELIVERY.REFUSED or DELIVERY.LOST' },
      requestedAt: dateTime,
      tenders: {
        type: 'array',
        minItems: 1,
        description:
          "How amount splits over the tenders captured when the order was placed, in the order they were captured, each up to what it paid less what earlier refunds of the order took from it; absent when the payment system captured the payment itself. A store-credit part is credited back to the customer by the returns service (store-credit.reinstated) and is not the payment system's to refund.",
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['tender', 'amount', 'reference'],
          properties: {
            tender: { type: 'string', enum: [...TENDERS] },
            amount: money,
            reference: { type: 'string', minLength: 1, maxLength: 64, description: 'the reference the tender was captured with' },
          },
        },
      },
    },
  },
});

export interface NotificationRequestedV2Payload {
  notificationId: string;
  orderId: string;
  fulfilmentId: string | null;
  customerId: string | null;
  orderChannel: Channel;
  /** The moment it tells of (docs/notifications.md lists them): pickup-ready, refund-issued, … */
  template: string;
  /** The pickup store, or the location that ships a delivery; null before one is chosen. */
  storeId: string | null;
  pickupCode: string | null;
  pickupDeadline: string | null;
  readyBy: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  /**
   * The customer's preferred contact channel, as the customer service last reported it for the
   * order's customer profile (docs/customers.md, Preferences); null when none is known, and then
   * the notifier uses its default. Absent from requests made before the order service knew it.
   */
  contactChannel?: ContactChannel | null;
  /** The return a return notice is about (return-received, exchange-completed, refund-issued, store-credit-issued). */
  returnId?: string;
  /** What a refund or store-credit notice gives back, in minor units of `currency`. */
  amount?: number;
  currency?: string;
  requestedAt: string;
}

export const NotificationRequestedV2 = defineEvent<NotificationRequestedV2Payload>({
  type: 'notification.requested',
  version: 2,
  topic: NOTIFICATION_REQUESTS_TOPIC,
  key: (p) => p.orderId,
  description:
    'Asks the notifier to tell the customer something about the order. It carries the pickup code in clear, so it has a topic of its own that only the notifier may read. Version 2 names the fulfilment group, adds carrier and tracking number for deliveries, and takes any template name.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'notificationId',
      'orderId',
      'fulfilmentId',
      'customerId',
      'orderChannel',
      'template',
      'storeId',
      'pickupCode',
      'pickupDeadline',
      'readyBy',
      'carrier',
      'trackingNumber',
      'requestedAt',
    ],
    properties: {
      notificationId: uuid,
      orderId: uuid,
      fulfilmentId: { ...fulfilmentId, type: ['string', 'null'] },
      customerId: { type: ['string', 'null'], maxLength: 64 },
      orderChannel: channel,
      template: {
        type: 'string',
        pattern: '^[a-z]+(-[a-z]+)*$',
        maxLength: 64,
        description:
          'the moment it tells of: pickup-ready, pickup-reminder, pickup-expired, pickup-delayed, order-cancelled, line-cancelled, preorder-confirmed, preorder-delayed, order-shipped, order-delivered, delivery-failed, delivery-delayed, return-parcel-received, return-received, exchange-completed, refund-issued or store-credit-issued (docs/notifications.md); new ones may be added',
      },
      storeId: { ...locationId, type: ['string', 'null'] },
      pickupCode: { type: ['string', 'null'], pattern: '^[0-9A-Z]{6,12}$', description: 'code the customer shows at the POS' },
      pickupDeadline: nullableDateTime,
      readyBy: { ...nullableDateTime, description: 'promised pickup time, for a delay notice' },
      carrier: { type: ['string', 'null'], maxLength: 64 },
      trackingNumber: { type: ['string', 'null'], maxLength: 64 },
      contactChannel: {
        type: ['string', 'null'],
        enum: [...CONTACT_CHANNELS, null],
        description:
          "the customer's preferred contact channel (customer.preferences-changed) for the order's profile; null: none known, the notifier's default applies",
      },
      returnId: { ...uuid, description: 'the return a return notice is about' },
      amount: { ...money, description: 'what a refund or store-credit notice gives back, minor units' },
      currency,
      requestedAt: dateTime,
    },
  },
});
