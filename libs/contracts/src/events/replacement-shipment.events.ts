import { defineEvent } from '../define-event';
import { ORDER_EVENTS_TOPIC, RETURNS_EVENTS_TOPIC } from '../topics';
import { currency, dateTime, locationId, money, quantity, sku, uuid } from './common';
import { AddressPayload, addressSchema, ContactPayload, contactSchema } from './fulfilment.events';

/**
 * An exchange whose store has no replacement unit: the returns service asks the order service to
 * ship it to the customer (docs/returns.md), and the order service answers with the order it placed.
 */
export interface ReturnReplacementShipmentRequestedPayload {
  returnId: string;
  /** The order the units came back from. */
  orderId: string;
  /** The store that took the units back; the new order is placed at its POS (channel credit). */
  storeId: string;
  customerId: string | null;
  /** The original order's contact (and the addressee's name and postcode): the new order belongs to the same customer profile. */
  contact: ContactPayload | null;
  currency: string;
  address: AddressPayload;
  replacements: { sku: string; quantity: number; unitPrice: number }[];
  /** Value of the replacements, already settled by the return (and any difference charged at the POS). */
  settledAmount: number;
  requestedAt: string;
}

export const ReturnReplacementShipmentRequestedV1 = defineEvent<ReturnReplacementShipmentRequestedPayload>({
  type: 'return.replacement-shipment-requested',
  version: 1,
  topic: RETURNS_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    "The receiving store had no replacement unit for an exchange: asks the order service to ship the replacements to the customer's address as a new, already paid delivery order placed at that store's POS. Answered by order.replacement-placed.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['returnId', 'orderId', 'storeId', 'customerId', 'contact', 'currency', 'address', 'replacements', 'settledAmount', 'requestedAt'],
    properties: {
      returnId: { ...uuid, description: 'the exchange' },
      orderId: { ...uuid, description: 'the order the units came back from' },
      storeId: { ...locationId, description: 'the store that took the units back' },
      customerId: { type: ['string', 'null'], maxLength: 64 },
      contact: {
        ...contactSchema,
        description: "the original order's contact, with the addressee's name and postcode: the new order is matched to the same customer",
      },
      currency,
      address: addressSchema,
      replacements: {
        type: 'array',
        minItems: 1,
        items: { type: 'object', additionalProperties: false, required: ['sku', 'quantity', 'unitPrice'], properties: { sku, quantity, unitPrice: money } },
      },
      settledAmount: { ...money, description: 'value of the replacements, settled by the return: the new order is paid with it' },
      requestedAt: dateTime,
    },
  },
});

export interface OrderReplacementPlacedPayload {
  /** The new delivery order shipping the replacements. */
  orderId: string;
  returnId: string;
  /** The order the units came back from. */
  originalOrderId: string;
  placedAt: string;
}

export const OrderReplacementPlacedV1 = defineEvent<OrderReplacementPlacedPayload>({
  type: 'order.replacement-placed',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.orderId,
  description:
    "The order service placed the delivery order shipping an exchange's replacements (after its order.placed): the returns service records it on the exchange, which completes.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'returnId', 'originalOrderId', 'placedAt'],
    properties: {
      orderId: { ...uuid, description: 'the new delivery order' },
      returnId: { ...uuid, description: 'the exchange it ships' },
      originalOrderId: { ...uuid, description: 'the order the units came back from' },
      placedAt: dateTime,
    },
  },
});

export interface OrderReplacementRefusedPayload {
  returnId: string;
  /** The order the units came back from. */
  originalOrderId: string;
  /** The order service's refusal code, e.g. ORDER.TENDER_MISMATCH. */
  reason: string;
  detail: string;
  refusedAt: string;
}

export const OrderReplacementRefusedV1 = defineEvent<OrderReplacementRefusedPayload>({
  type: 'order.replacement-refused',
  version: 1,
  topic: ORDER_EVENTS_TOPIC,
  key: (p) => p.returnId,
  description:
    "The order service could not place the delivery order shipping an exchange's replacements (return.replacement-shipment-requested): the returns service fails the exchange as when the store has none and no address was given (return.exchange-failed; the units are returnable again).",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['returnId', 'originalOrderId', 'reason', 'detail', 'refusedAt'],
    properties: {
      returnId: { ...uuid, description: 'the exchange whose replacements could not be shipped' },
      originalOrderId: { ...uuid, description: 'the order the units came back from' },
      reason: { type: 'string', pattern: '^[A-Z]+(\\.[A-Z_]+)+$', maxLength: 64, description: "the order service's refusal code" },
      detail: { type: 'string', maxLength: 500, description: 'what was wrong, for people' },
      refusedAt: dateTime,
    },
  },
});
