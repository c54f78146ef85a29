import { defineEvent } from '../define-event';
import { CUSTOMER_EVENTS_TOPIC } from '../topics';
import { Channel, channel, dateTime, locationId, uuid } from './common';

/**
 * Facts about customer profiles (docs/customers.md, ADR 0008). Events carry ids, preferences and
 * consents, never an e-mail address, phone number, name or postcode: downstream services hold
 * those from orders and look them up by the ids here.
 */

/** How a profile is reached by the people and systems who contact a customer. */
export const CONTACT_CHANNELS = ['email', 'sms', 'push', 'phone', 'post'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** The matching rule that linked an order to a profile (docs/customers.md, Matching rules). */
export const MATCH_RULES = ['account', 'loyalty-id', 'email', 'phone', 'new-profile', 'erased-profile'] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

/** A customer account in one channel: the `customer_id` of that channel's tokens and orders. */
export interface AccountRefPayload {
  channel: Channel;
  accountId: string;
}

const customerId = { ...uuid, description: 'customer profile id' };
const accountId = { type: 'string', minLength: 1, maxLength: 64, description: "the channel's customer account id (the customerId of its orders)" };
const accounts = {
  type: 'array',
  maxItems: 100,
  description: 'customer accounts of the profile, per channel, so services that know a customer by account id can find it',
  items: { type: 'object', additionalProperties: false, required: ['channel', 'accountId'], properties: { channel, accountId } },
};

export interface CustomerOrderLinkedPayload {
  orderId: string;
  customerId: string;
  matchedBy: MatchRule;
  /** True when the order created the profile. */
  profileCreated: boolean;
  /** Channel the order was placed in. */
  channel: Channel;
  linkedAt: string;
}

export const CustomerOrderLinkedV1 = defineEvent<CustomerOrderLinkedPayload>({
  type: 'customer.order-linked',
  version: 1,
  topic: CUSTOMER_EVENTS_TOPIC,
  key: (p) => p.customerId,
  description:
    'An order (of any channel, a guest checkout included) was matched to a customer profile, or created one. matchedBy names the rule that matched (docs/customers.md).',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'customerId', 'matchedBy', 'profileCreated', 'channel', 'linkedAt'],
    properties: {
      orderId: uuid,
      customerId,
      matchedBy: {
        type: 'string',
        enum: [...MATCH_RULES],
        description: 'account, loyalty-id, email, phone; new-profile when none matched; erased-profile when the order belongs to an erased customer',
      },
      profileCreated: { type: 'boolean', description: 'the order created the profile' },
      channel: { ...channel, description: 'channel the order was placed in' },
      linkedAt: dateTime,
    },
  },
});

export interface CustomerMergedPayload {
  mergeId: string;
  /** The profile that no longer exists on its own: re-key what you hold under it. */
  mergedCustomerId: string;
  /** The profile that now holds both histories. */
  survivingCustomerId: string;
  /** Accounts the surviving profile has after the merge (the merged profile's among them). */
  accounts: AccountRefPayload[];
  /** Who merged: the back-office user or associate (token subject). */
  mergedBy: string;
  mergedAt: string;
}

export const CustomerMergedV1 = defineEvent<CustomerMergedPayload>({
  type: 'customer.merged',
  version: 1,
  topic: CUSTOMER_EVENTS_TOPIC,
  key: (p) => p.mergedCustomerId,
  description:
    "Two profiles of one person were merged: everything held under mergedCustomerId now belongs to survivingCustomerId. Keyed by the merged profile, so it follows that profile's earlier events.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['mergeId', 'mergedCustomerId', 'survivingCustomerId', 'accounts', 'mergedBy', 'mergedAt'],
    properties: {
      mergeId: uuid,
      mergedCustomerId: { ...uuid, description: 'profile merged away' },
      survivingCustomerId: { ...uuid, description: 'profile that holds both histories' },
      accounts,
      mergedBy: { type: 'string', minLength: 1, maxLength: 128, description: 'token subject of whoever merged' },
      mergedAt: dateTime,
    },
  },
});

export interface ConsentSourcePayload {
  /** Channel the consent was given or withdrawn in; null from a back-office system. */
  channel: Channel | null;
  storeId: string | null;
  /** Associate, customer account or back-office user that recorded it. */
  recordedBy: string;
}

export interface MarketingConsentPayload {
  contactChannel: ContactChannel;
  granted: boolean;
  recordedAt: string;
  source: ConsentSourcePayload;
}

export interface CustomerPreferencesChangedPayload {
  customerId: string;
  accounts: AccountRefPayload[];
  homeStoreId: string | null;
  preferredContactChannel: ContactChannel | null;
  /** Marketing consent as it now stands, one entry per contact channel ever recorded; absent: never asked (no consent). */
  marketingConsents: MarketingConsentPayload[];
  changedAt: string;
}

export const CustomerPreferencesChangedV1 = defineEvent<CustomerPreferencesChangedPayload>({
  type: 'customer.preferences-changed',
  version: 1,
  topic: CUSTOMER_EVENTS_TOPIC,
  key: (p) => p.customerId,
  description:
    "The customer's preferences or marketing consents changed (or a merge changed them). It carries the whole current state, so a consumer keeps the latest per customer: marketing may only use a contact channel whose consent is granted; notifications go to the preferred contact channel.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['customerId', 'accounts', 'homeStoreId', 'preferredContactChannel', 'marketingConsents', 'changedAt'],
    properties: {
      customerId,
      accounts,
      homeStoreId: { ...locationId, type: ['string', 'null'], description: "the customer's home store" },
      preferredContactChannel: { type: ['string', 'null'], enum: [...CONTACT_CHANNELS, null], description: 'how the customer prefers to be contacted' },
      marketingConsents: {
        type: 'array',
        maxItems: CONTACT_CHANNELS.length,
        description: 'marketing consent per contact channel; a channel not listed has no consent',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['contactChannel', 'granted', 'recordedAt', 'source'],
          properties: {
            contactChannel: { type: 'string', enum: [...CONTACT_CHANNELS] },
            granted: { type: 'boolean' },
            recordedAt: dateTime,
            source: {
              type: 'object',
              additionalProperties: false,
              required: ['channel', 'storeId', 'recordedBy'],
              properties: {
                channel: {
                  ...channel,
                  type: ['string', 'null'],
                  enum: [...(channel.enum as string[]), null],
                  description: 'channel it was recorded in; null from a back-office system',
                },
                storeId: { ...locationId, type: ['string', 'null'], description: 'store where it was recorded' },
                recordedBy: { type: 'string', minLength: 1, maxLength: 128, description: 'associate, customer account or back-office user that recorded it' },
              },
            },
          },
        },
      },
      changedAt: dateTime,
    },
  },
});

export interface CustomerErasedPayload {
  customerId: string;
  /** Profiles merged into this one earlier: erased with it. */
  formerCustomerIds: string[];
  accounts: AccountRefPayload[];
  /** Orders of the customer: anonymise their contact and addresses, keep their financial records. */
  orderIds: string[];
  erasedAt: string;
}

export const CustomerErasedV1 = defineEvent<CustomerErasedPayload>({
  type: 'customer.erased',
  version: 1,
  topic: CUSTOMER_EVENTS_TOPIC,
  key: (p) => p.customerId,
  description:
    'The customer exercised the right to be forgotten: their personal data is gone from the customer service. Every service anonymises what it holds about these accounts and orders (names, contact, addresses) and keeps financial records (amounts, tenders, refunds) under the ids.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['customerId', 'formerCustomerIds', 'accounts', 'orderIds', 'erasedAt'],
    properties: {
      customerId,
      formerCustomerIds: { type: 'array', maxItems: 1000, items: uuid, description: 'profiles merged into this one, erased with it' },
      accounts,
      orderIds: { type: 'array', maxItems: 100000, items: uuid, description: 'orders of the customer, to anonymise' },
      erasedAt: dateTime,
    },
  },
});
