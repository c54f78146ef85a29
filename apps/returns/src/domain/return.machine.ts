import {
  accept,
  AddressPayload,
  Channel,
  ContactPayload,
  Decision,
  event,
  PendingEvent,
  PriceOverride,
  refuse,
  RefundMethod,
  ReplacementPayload,
  ReturnCompletedPayload,
  ReturnCompletedV1,
  ReturnCondition,
  ReturnedLinePayload,
  ReturnExchangeFailedV1,
  ReturnExchangeRequestedV1,
  ReturnChannel,
  ReturnKind,
  ReturnReplacementShipmentRequestedV1,
  TenderAmountPayload,
} from '@omni/contracts';
import { LineVerdict } from './policy';

/**
 * A return or exchange at a store, or by mail at a returns centre (docs/returns.md). A plain return
 * completes at once; an exchange waits for inventory to hand the replacement over from the store's
 * own stock, or, when the store has none and the POS gave an address, for the order service to
 * place a delivery order shipping it.
 */
export type ReturnStatus = 'NEW' | 'AWAITING_REPLACEMENT' | 'AWAITING_SHIPMENT' | 'COMPLETED' | 'REPLACEMENT_UNAVAILABLE';
export type ReturnTrigger =
  'complete' | 'awaitReplacement' | 'replacementIssued' | 'replacementRefused' | 'shipmentRequested' | 'shipmentPlaced' | 'shipmentRefused';
export const RETURN_TRIGGERS: readonly ReturnTrigger[] = [
  'complete',
  'awaitReplacement',
  'replacementIssued',
  'replacementRefused',
  'shipmentRequested',
  'shipmentPlaced',
  'shipmentRefused',
];

/** The lifecycle as data; anything not listed is refused with RETURN.INVALID_TRANSITION. */
export const RETURN_TRANSITIONS: Readonly<Record<ReturnStatus, Readonly<Partial<Record<ReturnTrigger, ReturnStatus>>>>> = {
  NEW: { complete: 'COMPLETED', awaitReplacement: 'AWAITING_REPLACEMENT' },
  AWAITING_REPLACEMENT: { replacementIssued: 'COMPLETED', replacementRefused: 'REPLACEMENT_UNAVAILABLE', shipmentRequested: 'AWAITING_SHIPMENT' },
  AWAITING_SHIPMENT: { shipmentPlaced: 'COMPLETED', shipmentRefused: 'REPLACEMENT_UNAVAILABLE' },
  COMPLETED: {},
  REPLACEMENT_UNAVAILABLE: {},
};

export function nextStatus(status: ReturnStatus, trigger: ReturnTrigger): ReturnStatus | null {
  return RETURN_TRANSITIONS[status][trigger] ?? null;
}

export interface Return {
  readonly id: string;
  readonly requestId: string;
  readonly orderId: string;
  readonly kind: ReturnKind;
  readonly status: ReturnStatus;
  readonly storeId: string;
  readonly associateId: string | null;
  readonly orderChannel: Channel;
  readonly orderPlacedAtStoreId: string | null;
  readonly customerId: string | null;
  readonly authorisationId: string | null;
  readonly policyVersion: number;
  readonly currency: string;
  readonly lines: readonly ReturnedLinePayload[];
  readonly replacements: readonly ReplacementPayload[];
  readonly difference: number;
  readonly refundMethod: RefundMethod | null;
  readonly refundAmount: number;
  readonly charged: TenderAmountPayload | null;
  readonly failureReason: string | null;
  /** How the units came back: at the store's counter, or by mail at a returns centre. */
  readonly channel: ReturnChannel;
  /** Where to ship the replacements if the store has none (null: the exchange fails then). */
  readonly shipTo: AddressPayload | null;
  /** The delivery order shipping the replacements, once placed. */
  readonly replacementOrderId: string | null;
  /** Replacements a trusted caller priced off the price list (ADR 0019), or null. */
  readonly priceOverride: PriceOverride | null;
  readonly createdAt: Date;
  readonly completedAt: Date | null;
}

export type ReturnRefusal =
  | 'RETURN.INVALID_TRANSITION'
  | 'EXCHANGE.PAYMENT_REQUIRED'
  | 'EXCHANGE.PAYMENT_AMOUNT_MISMATCH'
  | 'EXCHANGE.PAYMENT_NOT_EXPECTED'
  | 'REFUND.METHOD_REQUIRED'
  | 'REFUND.NO_ACCOUNT';

export interface OpenReturnInput {
  readonly id: string;
  readonly requestId: string;
  readonly order: {
    readonly orderId: string;
    readonly channel: Channel;
    readonly placedAtStoreId: string | null;
    readonly customerId: string | null;
    readonly currency: string;
  };
  readonly storeId: string;
  readonly associateId: string | null;
  readonly authorisationId: string | null;
  readonly policyVersion: number;
  readonly lines: readonly {
    readonly lineId: string;
    readonly sku: string;
    readonly quantity: number;
    readonly unitPrice: number;
    readonly condition: ReturnCondition;
  }[];
  /** The policy's verdict per line (rule and disposition), in the order of `lines`. */
  readonly verdicts: readonly LineVerdict[];
  readonly replacements: readonly ReplacementPayload[];
  readonly refundMethod: RefundMethod | null;
  readonly charged: TenderAmountPayload | null;
  readonly channel: ReturnChannel;
  readonly shipTo: AddressPayload | null;
  /** The replacements' prices as checked against the price list (priceReplacements): who priced them off it, or null. */
  readonly priceOverride: PriceOverride | null;
}

const valueOf = (items: readonly { quantity: number; unitPrice: number }[]) => items.reduce((s, i) => s + i.quantity * i.unitPrice, 0);

/**
 * Opens a return the policy allowed. A return refunds what came back; an exchange is even when
 * the replacements are worth what came back, else the customer pays the difference at the POS
 * (`charged`, exactly the difference) or is refunded it.
 */
export function openReturn(input: OpenReturnInput, now: Date): Decision<Return, ReturnRefusal> {
  const kind: ReturnKind = input.replacements.length > 0 ? 'exchange' : 'return';
  const returned = valueOf(input.lines);
  const difference = kind === 'exchange' ? valueOf(input.replacements) - returned : -returned;
  const refundAmount = Math.max(0, -difference);
  // Told apart so that a POS can say "take the payment" or "the amount taken is wrong".
  if (difference > 0 && input.charged === null) {
    return refuse('EXCHANGE.PAYMENT_REQUIRED', `the replacements cost ${difference} more: take exactly that payment at the POS and send it as charged`);
  }
  if (difference > 0 && input.charged !== null && input.charged.amount !== difference) {
    return refuse(
      'EXCHANGE.PAYMENT_AMOUNT_MISMATCH',
      `the replacements cost ${difference} more, but charged.amount is ${input.charged.amount}: send exactly the difference`,
    );
  }
  if (difference <= 0 && input.charged !== null) return refuse('EXCHANGE.PAYMENT_NOT_EXPECTED', 'nothing is owed: charged must be absent');
  if (refundAmount > 0 && input.refundMethod === null) return refuse('REFUND.METHOD_REQUIRED', `${refundAmount} is refunded: refundMethod must say how`);
  if (refundAmount > 0 && input.refundMethod === 'store-credit' && input.order.customerId === null) {
    return refuse('REFUND.NO_ACCOUNT', 'store credit needs a customer: the order was placed as a guest');
  }
  const r: Return = {
    id: input.id,
    requestId: input.requestId,
    orderId: input.order.orderId,
    kind,
    status: 'NEW',
    storeId: input.storeId,
    associateId: input.associateId,
    orderChannel: input.order.channel,
    orderPlacedAtStoreId: input.order.placedAtStoreId,
    customerId: input.order.customerId,
    authorisationId: input.authorisationId,
    policyVersion: input.policyVersion,
    currency: input.order.currency,
    lines: input.lines.map((l, i) => ({ ...l, disposition: input.verdicts[i].disposition ?? 'sellable', rule: input.verdicts[i].rule })),
    replacements: input.replacements,
    difference,
    refundMethod: refundAmount > 0 ? input.refundMethod : null,
    refundAmount,
    charged: input.charged,
    failureReason: null,
    channel: input.channel,
    shipTo: kind === 'exchange' ? input.shipTo : null,
    replacementOrderId: null,
    priceOverride: input.priceOverride,
    createdAt: now,
    completedAt: null,
  };
  if (kind === 'return') return transition(r, 'complete', now);
  return transition(r, 'awaitReplacement', now);
}

export function replacementIssued(r: Return, now: Date): Decision<Return, ReturnRefusal> {
  return transition(r, 'replacementIssued', now);
}

/**
 * The store has none: shipped when the POS gave an address, else the exchange fails. `contact` is
 * the order's (from the read model), so the new order is matched to the same customer.
 */
export function replacementRefused(
  r: Return,
  reason: string,
  now: Date,
  contact: Pick<ContactPayload, 'email' | 'phone' | 'loyaltyId'> | null = null,
): Decision<Return, ReturnRefusal> {
  if (r.shipTo !== null) {
    const to = nextStatus(r.status, 'shipmentRequested');
    if (to === null) return refuse('RETURN.INVALID_TRANSITION', `a ${r.status} return cannot shipmentRequested`);
    const next: Return = { ...r, status: to };
    return accept(next, [shipmentRequest(next, contact, now)]);
  }
  return transition({ ...r, failureReason: reason }, 'replacementRefused', now);
}

/** The order service placed the delivery order shipping the replacements: the exchange is done. */
export function shipmentPlaced(r: Return, replacementOrderId: string, now: Date): Decision<Return, ReturnRefusal> {
  return transition({ ...r, replacementOrderId }, 'shipmentPlaced', now);
}

/** The order service could not place that delivery order: the exchange fails as if the store had none and no address was given. */
export function shipmentRefused(r: Return, reason: string, now: Date): Decision<Return, ReturnRefusal> {
  return transition({ ...r, failureReason: reason }, 'shipmentRefused', now);
}

function transition(r: Return, trigger: ReturnTrigger, now: Date): Decision<Return, ReturnRefusal> {
  const to = nextStatus(r.status, trigger);
  if (to === null) return refuse('RETURN.INVALID_TRANSITION', `a ${r.status} return cannot ${trigger}`);
  const next: Return = { ...r, status: to, completedAt: to === 'COMPLETED' ? now : r.completedAt };
  return accept(next, eventsOf(next, now));
}

function eventsOf(r: Return, now: Date): PendingEvent[] {
  switch (r.status) {
    case 'COMPLETED':
      return [event(ReturnCompletedV1, completedPayload(r, now))];
    case 'AWAITING_REPLACEMENT':
      return [
        event(ReturnExchangeRequestedV1, {
          returnId: r.id,
          orderId: r.orderId,
          storeId: r.storeId,
          replacements: r.replacements.map(({ sku, quantity }) => ({ sku, quantity })),
          requestedAt: now.toISOString(),
        }),
      ];
    case 'AWAITING_SHIPMENT':
      return [shipmentRequest(r, null, now)];
    case 'REPLACEMENT_UNAVAILABLE':
      return [
        event(ReturnExchangeFailedV1, {
          returnId: r.id,
          orderId: r.orderId,
          storeId: r.storeId,
          reason: r.failureReason ?? 'STOCK.INSUFFICIENT',
          failedAt: now.toISOString(),
        }),
      ];
    case 'NEW':
      return [];
  }
}

function shipmentRequest(r: Return, contact: Pick<ContactPayload, 'email' | 'phone' | 'loyaltyId'> | null, now: Date): PendingEvent {
  const address = r.shipTo!;
  return event(ReturnReplacementShipmentRequestedV1, {
    returnId: r.id,
    orderId: r.orderId,
    storeId: r.storeId,
    customerId: r.customerId,
    contact: {
      email: contact?.email ?? null,
      phone: contact?.phone ?? null,
      loyaltyId: contact?.loyaltyId ?? null,
      name: address.name,
      postcode: address.postcode,
    },
    currency: r.currency,
    address,
    replacements: [...r.replacements],
    settledAmount: valueOf(r.replacements),
    requestedAt: now.toISOString(),
  });
}

function completedPayload(r: Return, now: Date): ReturnCompletedPayload {
  return {
    returnId: r.id,
    orderId: r.orderId,
    kind: r.kind,
    storeId: r.storeId,
    associateId: r.associateId,
    orderChannel: r.orderChannel,
    orderPlacedAtStoreId: r.orderPlacedAtStoreId,
    authorisationId: r.authorisationId,
    policyVersion: r.policyVersion,
    currency: r.currency,
    lines: [...r.lines],
    replacements: [...r.replacements],
    difference: r.difference,
    refundMethod: r.refundMethod,
    refundAmount: r.refundAmount,
    charged: r.charged,
    channel: r.channel,
    replacementOrderId: r.replacementOrderId,
    ...(r.priceOverride ? { priceOverride: { by: r.priceOverride.by, lines: [...r.priceOverride.lines] } } : {}),
    completedAt: now.toISOString(),
  };
}

/** Units a return holds against its order's lines: all but those of an exchange that failed. */
export function holdsUnits(r: Pick<Return, 'status'>): boolean {
  return r.status !== 'REPLACEMENT_UNAVAILABLE';
}
