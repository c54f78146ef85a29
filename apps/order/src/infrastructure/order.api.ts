import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, FULFILMENT_TYPES, TENDERS } from '@omni/contracts';
import { FULFILMENT_STATUSES, ORDER_STATUSES } from '../domain/order-status';
import { ID_PATTERN } from '@omni/platform';

// Response shapes of the order API, for its OpenAPI document: they describe what order.view.ts
// and the pick list return (no runtime role).

const ID = { type: String, example: 'PARIS-01', pattern: ID_PATTERN } as const;
const TIME = { type: String, format: 'date-time' } as const;

export class OrderLineView {
  @ApiProperty({ format: 'uuid', description: 'line id, used by picks' }) lineId: string;
  @ApiProperty({ ...ID, example: 'SKU-1' }) sku: string;
  @ApiProperty({ type: 'integer', minimum: 1, example: 2, description: 'units ordered' }) quantity: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 8900, description: 'price of one unit in minor units of the currency' }) unitPrice: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'units picked so far' }) pickedQuantity: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'units cancelled (short pick not re-sourced)' }) cancelledQuantity: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'quantity − cancelledQuantity' }) remainingQuantity: number;
  @ApiProperty({ type: String, nullable: true, description: 'location the units are reserved at' }) sourceLocationId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'transfer bringing the units to the store, while pending' }) pendingTransferId:
    string | null;
}

export class CancellationView {
  @ApiProperty({ enum: ['customer', 'store', 'system'], description: 'who cancelled' }) by: string;
  @ApiProperty({ type: String, nullable: true, example: 'CUSTOMER.REQUEST' }) reason: string | null;
  @ApiProperty({ ...TIME, nullable: true }) at: string | null;
}

export class PaymentRequestView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['capture', 'refund'] }) kind: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'minor units' }) amount: number;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({
    enum: ['REQUESTED', 'DONE', 'FAILED'],
    description: 'FAILED: the payment system refused it; parked until an operator retries it (POST /payment-requests/:id/retry)',
  })
  status: string;
  @ApiProperty(TIME) requestedAt: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'amount the payment system reported done' }) doneAmount: number | null;
  @ApiProperty({ ...TIME, nullable: true }) doneAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'CARD.DECLINED', description: "FAILED: the payment system's reason" }) failureReason: string | null;
  @ApiProperty({ ...TIME, nullable: true }) failedAt: string | null;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'requests sent to the payment system: 1, plus one per retry' }) attempts: number;
}

export class FailedPaymentRequestView extends PaymentRequestView {
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) fulfilmentId: string | null;
  @ApiProperty({ example: 'EUR' }) currency: string;
}

export class FailedPaymentRequestsView {
  @ApiProperty({ type: () => FailedPaymentRequestView, isArray: true, description: 'the oldest failure first' }) requests: FailedPaymentRequestView[];
}

export class AddressView {
  @ApiProperty({ example: 'Ada Martin' }) name: string;
  @ApiProperty({ example: '3 rue Oberkampf' }) line1: string;
  @ApiProperty({ type: String, nullable: true }) line2: string | null;
  @ApiProperty({ example: '75011' }) postcode: string;
  @ApiProperty({ example: 'Paris' }) city: string;
  @ApiProperty({ example: 'FR', description: 'ISO 3166-1 alpha-2' }) country: string;
}

export class ContactView {
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) loyaltyId: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) postcode: string | null;
}

export class TenderView {
  @ApiProperty({ enum: TENDERS }) tender: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'minor units' }) amount: number;
  @ApiProperty({ example: 'POS-PARIS-0042' }) reference: string;
}

export class ShipmentView {
  @ApiProperty({ type: String, nullable: true, example: 'Colissimo' }) carrier: string | null;
  @ApiProperty({ type: String, nullable: true }) trackingNumber: string | null;
  @ApiProperty({ ...TIME, nullable: true }) packedAt: string | null;
  @ApiProperty({ ...TIME, nullable: true }) shippedAt: string | null;
  @ApiProperty({ ...TIME, nullable: true }) deliveredAt: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['DELIVERY.REFUSED', 'DELIVERY.LOST'] }) failure: string | null;
}

export class PreorderLineView {
  @ApiProperty({ format: 'uuid' }) lineId: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'place in line for the SKU at the store, in placement order' }) sequence: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'place among those still waiting; null once units are allocated' }) position: number | null;
  @ApiProperty({ ...TIME, nullable: true, description: 'when the units should be at the store' }) estimatedAt: string | null;
}

export class PreorderView {
  @ApiProperty({ ...TIME, description: 'not collectable before' }) releaseAt: string;
  @ApiProperty({ ...TIME, nullable: true, description: 'the later of the release date and the expected arrival; null while no supply is planned' })
  estimatedAvailableAt: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'place in line (the furthest of its lines); null once allocated' }) position: number | null;
  @ApiProperty({ type: () => PreorderLineView, isArray: true }) lines: PreorderLineView[];
}

export class FulfilmentView {
  @ApiProperty({ format: 'uuid', description: 'fulfilment group id, used by the location and carrier endpoints' }) fulfilmentId: string;
  @ApiProperty({ enum: FULFILMENT_TYPES }) type: string;
  @ApiProperty({ enum: FULFILMENT_STATUSES, example: 'RESERVED' }) status: string;
  @ApiProperty({ type: String, nullable: true, description: 'pickup store, or the location shipping a delivery (null until chosen)' }) storeId: string | null;
  @ApiProperty({ type: () => AddressView, nullable: true, description: 'delivery address' }) address: AddressView | null;
  @ApiProperty({ type: () => OrderLineView, isArray: true }) lines: OrderLineView[];
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiProperty({ ...TIME, nullable: true, description: 'promised pickup time' }) readyBy: string | null;
  @ApiProperty({ ...TIME, nullable: true }) pickupDeadline: string | null;
  @ApiProperty({ type: Boolean }) pickupLocked: boolean;
  @ApiProperty({ type: () => CancellationView, nullable: true }) cancellation: CancellationView | null;
  @ApiProperty({ ...TIME, nullable: true }) collectedAt: string | null;
  @ApiProperty({ ...TIME, nullable: true }) expiredAt: string | null;
  @ApiProperty({ type: () => PreorderView, nullable: true, description: 'preorders only' }) preorder: PreorderView | null;
  @ApiProperty({ type: () => ShipmentView, nullable: true, description: 'deliveries only' }) shipment: ShipmentView | null;
  @ApiProperty(TIME) updatedAt: string;
}

export class PaymentView {
  @ApiProperty({ type: 'integer', description: 'minor units paid when the order was placed (e.g. at a POS)' }) capturedAtPlacement: number;
  @ApiProperty({ type: () => TenderView, isArray: true }) tenders: TenderView[];
  @ApiProperty({ type: 'integer', description: 'minor units requested for capture' }) captureRequested: number;
  @ApiProperty({ type: 'integer', description: 'minor units captured' }) captured: number;
  @ApiProperty({ type: 'integer', description: 'minor units requested for refund' }) refundRequested: number;
  @ApiProperty({ type: 'integer', description: 'minor units refunded' }) refunded: number;
  @ApiProperty({ type: () => PaymentRequestView, isArray: true }) requests: PaymentRequestView[];
}

export class OrderCartView {
  @ApiProperty({ format: 'uuid' }) cartId: string;
  @ApiProperty({ enum: CHANNELS, description: 'channel the cart was started in' }) startedChannel: string;
  @ApiProperty({ type: String, nullable: true, description: 'store the cart was started in (POS)' }) startedStoreId: string | null;
  @ApiProperty(TIME) startedAt: string;
  @ApiProperty({ enum: CHANNELS, description: 'channel the cart was checked out in (the order channel)' }) finishedChannel: string;
  @ApiProperty({ type: String, nullable: true, description: 'store the cart was checked out at (POS)' }) finishedStoreId: string | null;
}

/** An order as GET /orders/:id shows it: never the pickup code nor its hash. */
export class OrderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ORDER_STATUSES, example: 'RESERVED' }) status: string;
  @ApiProperty({ enum: CHANNELS }) channel: string;
  @ApiProperty({ type: String, nullable: true, description: 'store whose POS placed the order' }) placedAtStoreId: string | null;
  @ApiProperty({ ...ID, nullable: true, description: 'the pickup store, when the order has exactly one pickup group' }) storeId: string | null;
  @ApiProperty({ type: String, nullable: true }) customerId: string | null;
  @ApiProperty({ type: () => ContactView, nullable: true }) contact: ContactView | null;
  @ApiProperty({ type: String, example: 'EUR', description: 'ISO 4217' }) currency: string;
  @ApiProperty({ type: () => OrderLineView, isArray: true, description: 'every line of every group' }) lines: OrderLineView[];
  @ApiProperty({ type: () => FulfilmentView, isArray: true }) fulfilments: FulfilmentView[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'STOCK.INSUFFICIENT',
    description: 'this and the pickup fields below: those of the only group, null with several',
  })
  rejectionReason: string | null;
  @ApiProperty({ ...TIME, nullable: true, description: 'promised pickup time' }) readyBy: string | null;
  @ApiProperty({ ...TIME, nullable: true, description: 'the order expires if not collected by then' }) pickupDeadline: string | null;
  @ApiProperty({ type: Boolean, description: 'too many wrong pickup codes' }) pickupLocked: boolean;
  @ApiProperty({ type: () => CancellationView, nullable: true }) cancellation: CancellationView | null;
  @ApiProperty({ ...TIME, nullable: true }) collectedAt: string | null;
  @ApiProperty({ ...TIME, nullable: true }) expiredAt: string | null;
  @ApiProperty({ type: () => PaymentView }) payment: PaymentView;
  @ApiProperty({
    type: () => OrderCartView,
    nullable: true,
    required: false,
    description: 'the cart the order was checked out from: where it began and finished (docs/carts.md); null when placed directly',
  })
  cart?: OrderCartView | null;
  @ApiProperty(TIME) placedAt: string;
  @ApiProperty(TIME) updatedAt: string;
}

export class PickListLineView {
  @ApiProperty({ format: 'uuid' }) lineId: string;
  @ApiProperty({ ...ID, example: 'SKU-1' }) sku: string;
  @ApiProperty({ type: 'integer', description: 'units the line still owes' }) quantity: number;
  @ApiProperty({ type: 'integer', description: 'units picked so far' }) pickedQuantity: number;
}

export class PickListOrderView {
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ format: 'uuid' }) fulfilmentId: string;
  @ApiProperty({ enum: FULFILMENT_TYPES, description: 'pickup: the customer collects here; delivery: pack and ship it' }) type: string;
  @ApiProperty({ enum: FULFILMENT_STATUSES }) status: string;
  @ApiProperty({ ...TIME, nullable: true }) readyBy: string | null;
  @ApiProperty({ type: () => PickListLineView, isArray: true }) lines: PickListLineView[];
}

export class PickListView {
  @ApiProperty(ID) storeId: string;
  @ApiProperty({ type: () => PickListOrderView, isArray: true }) orders: PickListOrderView[];
}
