import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, DISPOSITIONS, REFUND_METHODS, RETURN_CHANNELS, RETURN_CONDITIONS, RETURN_KINDS, TENDERS } from '@omni/contracts';
import { ID_PATTERN } from '@omni/platform';

// Response shapes of the returns API, for its OpenAPI document (no runtime role).

const ID = { type: String, pattern: ID_PATTERN } as const;
const TIME = { type: String, format: 'date-time' } as const;
const INT = { type: 'integer' } as const;
const UUID = { type: String, format: 'uuid' } as const;

export class ReturnableLineView {
  @ApiProperty(UUID) lineId: string;
  @ApiProperty(ID) sku: string;
  @ApiProperty({ ...INT, description: 'price of one unit paid, minor units' }) unitPrice: number;
  @ApiProperty({ ...INT, description: 'units bought' }) quantity: number;
  @ApiProperty({ ...INT, description: 'units cancelled before handover' }) cancelled: number;
  @ApiProperty({ ...INT, description: 'units handed over (collected or delivered)' }) received: number;
  @ApiProperty({ ...INT, description: 'units returned, or held by an exchange in progress' }) returned: number;
  @ApiProperty({ ...INT, description: 'units that can still come back: received − returned' }) returnable: number;
  @ApiProperty({ ...TIME, nullable: true, description: 'last handover; the return window runs from here' }) receivedAt: string | null;
  @ApiProperty({ type: String, description: 'category by the policy in force (SKU prefix rules)' }) category: string;
}

export class ReturnableOrderView {
  @ApiProperty(UUID) orderId: string;
  @ApiProperty({ type: String, pattern: '^[0-9A-F]{12}$', description: 'receipt number: the first 12 hex digits of the order id' }) receipt: string;
  @ApiProperty({ enum: CHANNELS, description: 'channel the order was placed in' }) channel: string;
  @ApiProperty({ type: String, nullable: true, description: 'store whose POS placed the order' }) placedAtStoreId: string | null;
  @ApiProperty({ type: String, nullable: true }) customerId: string | null;
  @ApiProperty({ type: String, pattern: '^[A-Z]{3}$' }) currency: string;
  @ApiProperty({ type: Boolean }) cancelled: boolean;
  @ApiProperty(TIME) placedAt: string;
  @ApiProperty({ type: () => ReturnableLineView, isArray: true }) lines: ReturnableLineView[];
}

export class ReturnableOrderListView {
  @ApiProperty({ type: () => ReturnableOrderView, isArray: true, description: 'newest first, at most 50' }) orders: ReturnableOrderView[];
}

export class TenderAmountView {
  @ApiProperty({ enum: TENDERS }) tender: string;
  @ApiProperty({ ...INT, minimum: 0 }) amount: number;
  @ApiProperty({ type: String }) reference: string;
}

export class ReturnedLineView {
  @ApiProperty(UUID) lineId: string;
  @ApiProperty(ID) sku: string;
  @ApiProperty({ ...INT, minimum: 1 }) quantity: number;
  @ApiProperty({ ...INT, minimum: 0 }) unitPrice: number;
  @ApiProperty({ enum: RETURN_CONDITIONS }) condition: string;
  @ApiProperty({ enum: DISPOSITIONS }) disposition: string;
  @ApiProperty({ type: String, description: 'policy rule that allowed the line back' }) rule: string;
}

export class ReplacementView {
  @ApiProperty(ID) sku: string;
  @ApiProperty({ ...INT, minimum: 1 }) quantity: number;
  @ApiProperty({ ...INT, minimum: 0 }) unitPrice: number;
}

export class RefundView {
  @ApiProperty(UUID) id: string;
  @ApiProperty({ enum: TENDERS }) tender: string;
  @ApiProperty({ type: String, description: 'payment reference of the tender, or the store-credit account' }) reference: string;
  @ApiProperty({ ...INT, minimum: 1 }) amount: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'refundId of return.refund-requested; null for store credit' }) refundId:
    string | null;
  @ApiProperty({
    ...TIME,
    nullable: true,
    description: 'when payment.refunded confirmed it (store credit: when it was booked); null while the payment system works on it',
  })
  settledAt: string | null;
  @ApiProperty({
    ...TIME,
    nullable: true,
    description: 'when the payment system refused it (payment.refund-failed); null unless it waits for an operator to send it again',
  })
  failedAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'REFUND.TENDER_CLOSED', description: "the payment system's reason, while failed" }) failureReason:
    string | null;
}

export class FailedRefundTenderView {
  @ApiProperty({ enum: TENDERS }) tender: string;
  @ApiProperty({ type: String }) reference: string;
  @ApiProperty({ ...INT, minimum: 1 }) amount: number;
}

export class FailedRefundRequestView {
  @ApiProperty({ ...UUID, description: 'refundId of return.refund-requested; sent again under the same id' }) refundId: string;
  @ApiProperty(UUID) returnId: string;
  @ApiProperty({ enum: RETURN_KINDS }) kind: string;
  @ApiProperty(UUID) orderId: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ ...INT, minimum: 1, description: 'minor units, every tender' }) amount: number;
  @ApiProperty({ type: () => FailedRefundTenderView, isArray: true }) tenders: FailedRefundTenderView[];
  @ApiProperty({ example: 'REFUND.TENDER_CLOSED' }) reason: string;
  @ApiProperty(TIME) failedAt: string;
  @ApiProperty({ ...INT, minimum: 1, description: 'times it was sent to the payment system' }) attempts: number;
}

export class FailedRefundRequestsView {
  @ApiProperty({ type: () => FailedRefundRequestView, isArray: true, description: 'the oldest failure first' }) requests: FailedRefundRequestView[];
}

export class ShipToView {
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) line1: string;
  @ApiProperty({ type: String, nullable: true }) line2: string | null;
  @ApiProperty({ type: String }) postcode: string;
  @ApiProperty({ type: String }) city: string;
  @ApiProperty({ type: String, pattern: '^[A-Z]{2}$' }) country: string;
}

export class ReturnView {
  @ApiProperty(UUID) id: string;
  @ApiProperty({ type: String }) requestId: string;
  @ApiProperty(UUID) orderId: string;
  @ApiProperty({ enum: RETURN_KINDS }) kind: string;
  @ApiProperty({ enum: ['AWAITING_REPLACEMENT', 'AWAITING_SHIPMENT', 'COMPLETED', 'REPLACEMENT_UNAVAILABLE'] }) status: string;
  @ApiProperty({ ...ID, description: 'store that received the units and finished the return' }) storeId: string;
  @ApiProperty({ type: String, nullable: true }) associateId: string | null;
  @ApiProperty({ enum: CHANNELS, description: 'channel the order was placed in' }) orderChannel: string;
  @ApiProperty({ type: String, nullable: true }) orderPlacedAtStoreId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorisationId: string | null;
  @ApiProperty({ ...INT, description: 'return policy version that decided' }) policyVersion: number;
  @ApiProperty({ type: String }) currency: string;
  @ApiProperty({ type: () => ReturnedLineView, isArray: true }) lines: ReturnedLineView[];
  @ApiProperty({ type: () => ReplacementView, isArray: true }) replacements: ReplacementView[];
  @ApiProperty({ type: 'integer', description: 'replacements less returned value: > 0 charged at the POS, < 0 refunded' }) difference: number;
  @ApiProperty({ enum: REFUND_METHODS, nullable: true }) refundMethod: string | null;
  @ApiProperty({ ...INT, minimum: 0 }) refundAmount: number;
  @ApiProperty({ type: () => TenderAmountView, nullable: true }) charged: TenderAmountView | null;
  @ApiProperty({ type: () => RefundView, isArray: true, description: 'refunds asked for, per tender' }) refunds: RefundView[];
  @ApiProperty({ type: String, nullable: true }) failureReason: string | null;
  @ApiProperty({ enum: RETURN_CHANNELS, description: 'how the units came back: at a store, or by mail to a returns centre (storeId)' }) channel: string;
  @ApiProperty({
    type: () => ShipToView,
    nullable: true,
    description: 'where the replacements are shipped if the store has none (name and street read "(erased)" after an erasure)',
  })
  shipTo: ShipToView | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the delivery order shipping the replacements' }) replacementOrderId: string | null;
  @ApiProperty(TIME) createdAt: string;
  @ApiProperty({ ...TIME, nullable: true }) completedAt: string | null;
}

export class AuthorisationLineView {
  @ApiProperty(UUID) lineId: string;
  @ApiProperty(ID) sku: string;
  @ApiProperty({ ...INT, minimum: 1 }) quantity: number;
}

export class ParcelStepView {
  @ApiProperty({ enum: ['LABEL_ISSUED', 'IN_TRANSIT', 'DELIVERED', 'RECEIVED'] }) status: string;
  @ApiProperty({ ...TIME, description: "when it happened (the carrier's time for IN_TRANSIT and DELIVERED)" }) at: string;
}

export class ParcelView {
  @ApiProperty({ type: String, description: 'the carrier that labelled the parcel (stand-in in the demo and tests)' }) carrier: string;
  @ApiProperty({ type: String, description: "the carrier's label number" }) labelNumber: string;
  @ApiProperty({ type: String, pattern: '^[0-9A-Za-z-]+$', description: 'the tracking number; the carrier reports under it, the receiving location scans it' })
  trackingNumber: string;
  @ApiProperty({ type: String, format: 'uri', description: 'where the customer follows the parcel' }) trackingUrl: string;
  @ApiProperty({ ...ID, description: 'the warehouse or store on the label' }) returnTo: string;
  @ApiProperty({ enum: ['LABEL_ISSUED', 'IN_TRANSIT', 'DELIVERED', 'RECEIVED'], description: 'its units are inspected and refunded only once RECEIVED' })
  status: string;
  @ApiProperty({ type: () => ParcelStepView, isArray: true, description: 'each status reached, oldest first' }) history: ParcelStepView[];
  @ApiProperty({ ...TIME, nullable: true }) receivedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the warehouse or store that scanned it in' }) receivedBy: string | null;
}

export class AuthorisationView {
  @ApiProperty(UUID) id: string;
  @ApiProperty({ type: String, pattern: '^[0-9A-Z]{8}$', description: 'the code (or QR content) shown at the store' }) code: string;
  @ApiProperty(UUID) orderId: string;
  @ApiProperty({ enum: ['OPEN', 'USED'] }) status: string;
  @ApiProperty({ type: () => AuthorisationLineView, isArray: true }) lines: AuthorisationLineView[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) returnId: string | null;
  @ApiProperty(TIME) expiresAt: string;
  @ApiProperty({ enum: ['drop-off', 'mail'], description: 'dropped at any store, or sent by mail with the carrier label below' }) method: string;
  @ApiProperty({ type: () => ParcelView, nullable: true, description: 'the parcel of a return by mail: its label, tracking and receipt' })
  parcel: ParcelView | null;
}

export class PolicyView {
  @ApiProperty({ ...INT, minimum: 1 }) version: number;
  @ApiProperty(TIME) effectiveFrom: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the policy document (docs/returns.md)' }) document: Record<string, unknown>;
  @ApiProperty(TIME) publishedAt: string;
  @ApiProperty({ type: String }) publishedBy: string;
}

export class PolicyListView {
  @ApiProperty({ type: () => PolicyView, isArray: true }) policies: PolicyView[];
}

export class BalanceView {
  @ApiProperty({ type: String, pattern: '^[A-Z]{3}$' }) currency: string;
  @ApiProperty({ ...INT, minimum: 0 }) balance: number;
}

export class StoreCreditView {
  @ApiProperty({ type: String, description: 'the customer id' }) accountId: string;
  @ApiProperty({ type: () => BalanceView, isArray: true }) balances: BalanceView[];
}

export class RedemptionView {
  @ApiProperty({ ...UUID, description: 'the reference an order carries for its captured store-credit tender' }) redemptionId: string;
  @ApiProperty({ ...INT, minimum: 1 }) amount: number;
  @ApiProperty({ type: String }) currency: string;
  @ApiProperty({ ...INT, minimum: 0, description: 'balance left' }) balance: number;
}
