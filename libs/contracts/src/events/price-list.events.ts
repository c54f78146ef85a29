import { defineEvent } from '../define-event';
import { ORDER_EVENTS_TOPIC } from '../topics';
import { Channel, CHANNELS, currency, dateTime, money, nullableDateTime, sku } from './common';

/** The price list the order service keeps (docs/carts.md, ADR 0019), as other services learn it. */

export interface PriceListEntryPayload {
  currency: string;
  /** Price of one unit, minor units. */
  unitPrice: number;
  /** A store's own price; null: the price everywhere the store has none of its own. */
  storeId: string | null;
  /** A channel's own price; null: in every channel. */
  channel: Channel | null;
  /** null: in force from the start. */
  validFrom: string | null;
  /** Excluded; null: until replaced. */
  validUntil: string | null;
}

export interface PriceListChangedPayload {
  sku: string;
  /** Every price of the SKU from now on (none: the SKU left the list). */
  prices: PriceListEntryPayload[];
  changedAt: string;
}

export const PriceListChangedV1 = defineEvent<PriceListChangedPayload>({
  type: 'price-list.changed',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.sku,
  description:
    "A SKU's prices were replaced (PUT /price-list/{sku}): the event carries all of them, so the last one of a SKU is its whole list. Read them as the order service does (`listPrice` in @omni/contracts): the most specific price in force for the currency, store and channel — the store's own in that channel, the store's own, the channel's own, else the general one; among prices of one scope in force, the one that started last. The returns service prices an exchange's replacements from them.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['sku', 'prices', 'changedAt'],
    properties: {
      sku,
      prices: {
        type: 'array',
        maxItems: 200,
        description: 'every price of the SKU from now on; empty when it left the list',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['currency', 'unitPrice', 'storeId', 'channel', 'validFrom', 'validUntil'],
          properties: {
            currency,
            unitPrice: { ...money, description: 'price of one unit, minor units' },
            storeId: {
              type: ['string', 'null'],
              minLength: 1,
              maxLength: 64,
              description: "a store's own price; null: everywhere the store has none of its own",
            },
            channel: { type: ['string', 'null'], enum: [...CHANNELS, null], description: "a channel's own price; null: in every channel" },
            validFrom: { ...nullableDateTime, description: 'in force from; null: from the start' },
            validUntil: { ...nullableDateTime, description: 'in force until (excluded); null: until replaced' },
          },
        },
      },
      changedAt: dateTime,
    },
  },
});
