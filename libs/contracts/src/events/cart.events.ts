import { defineEvent } from '../define-event';
import { ORDER_EVENTS_TOPIC } from '../topics';
import { Channel, channel, currency, dateTime, locationId, money, quantity, sku, uuid } from './common';
import { CONTACT_CHANNELS, ContactChannel } from './customer.events';

/** Facts about carts kept by the order service (docs/carts.md). */

export interface CartAbandonedLinePayload {
  sku: string;
  quantity: number;
  unitPrice: number;
}

export interface CartAbandonedPayload {
  cartId: string;
  /** The customer account id owning the cart (a guest's cart never raises this event). */
  customerId: string;
  startedChannel: Channel;
  startedStoreId: string | null;
  currency: string;
  lines: CartAbandonedLinePayload[];
  /** The contact channels whose marketing consent is granted: the only ones marketing may use. Absent when the order service recorded the consent before it kept channels. */
  marketingContactChannels?: ContactChannel[];
  lastActivityAt: string;
  abandonedAt: string;
}

export const CartAbandonedV1 = defineEvent<CartAbandonedPayload>({
  type: 'cart.abandoned',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.cartId,
  description:
    "A signed-in customer's cart was left untouched for the configured time (CART_ABANDON_AFTER_MINUTES) and is now ABANDONED. Raised only when the customer has granted marketing consent on at least one contact channel (as last told by customer.preferences-changed); a guest's cart or one without consent is abandoned silently. For marketing consumers.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['cartId', 'customerId', 'startedChannel', 'startedStoreId', 'currency', 'lines', 'lastActivityAt', 'abandonedAt'],
    properties: {
      cartId: uuid,
      customerId: { type: 'string', minLength: 1, maxLength: 64, description: 'customer account id owning the cart' },
      startedChannel: { ...channel, description: 'channel the cart was started in' },
      startedStoreId: { ...locationId, type: ['string', 'null'], description: 'store the cart was started in (POS), else null' },
      currency,
      lines: {
        type: 'array',
        minItems: 1,
        maxItems: 100,
        items: { type: 'object', additionalProperties: false, required: ['sku', 'quantity', 'unitPrice'], properties: { sku, quantity, unitPrice: money } },
      },
      marketingContactChannels: {
        type: 'array',
        minItems: 1,
        maxItems: CONTACT_CHANNELS.length,
        uniqueItems: true,
        items: { type: 'string', enum: [...CONTACT_CHANNELS] },
        description: 'contact channels whose marketing consent is granted; marketing may use these only',
      },
      lastActivityAt: { ...dateTime, description: 'last change to the cart' },
      abandonedAt: dateTime,
    },
  },
});
