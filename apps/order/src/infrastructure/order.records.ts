import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Address, CapturedTender, Contact } from '../domain/order';

@Entity('orders')
export class OrderRecord {
  @PrimaryColumn('uuid') id: string;
  @Column('text') channel: string;
  @Column('text', { name: 'placed_at_store_id', nullable: true }) placedAtStoreId: string | null;
  @Column('text', { name: 'customer_id', nullable: true }) customerId: string | null;
  @Column('jsonb', { nullable: true }) contact: Contact | null;
  @Column('character', { length: 3 }) currency: string;
  @Column('jsonb', { name: 'captured_tenders' }) capturedTenders: CapturedTender[];
  @Column('text') status: string;
  @Column('timestamptz', { name: 'placed_at' }) placedAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('integer') version: number;
}

@Entity('fulfilment_groups')
export class FulfilmentRecord {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('integer') position: number;
  @Column('text') type: string;
  @Column('text', { name: 'store_id', nullable: true }) storeId: string | null;
  @Column('jsonb', { nullable: true }) address: Address | null;
  @Column('text') status: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('integer') version: number;
  @Column('text', { name: 'rejection_reason', nullable: true }) rejectionReason: string | null;
  @Column('timestamptz', { name: 'ready_by', nullable: true }) readyBy: Date | null;
  @Column('integer', { name: 'pickup_hold_days', nullable: true }) pickupHoldDays: number | null;
  @Column('text', { name: 'pickup_code_hash', nullable: true }) pickupCodeHash: string | null;
  @Column('text', { name: 'pickup_code_salt', nullable: true }) pickupCodeSalt: string | null;
  @Column('timestamptz', { name: 'pickup_deadline', nullable: true }) pickupDeadline: Date | null;
  @Column('integer', { name: 'failed_code_attempts' }) failedCodeAttempts: number;
  @Column('timestamptz', { name: 'ready_at', nullable: true }) readyAt: Date | null;
  @Column('timestamptz', { name: 'reminded_at', nullable: true }) remindedAt: Date | null;
  @Column('timestamptz', { name: 'collected_at', nullable: true }) collectedAt: Date | null;
  @Column('text', { name: 'cancelled_by', nullable: true }) cancelledBy: string | null;
  @Column('text', { name: 'cancellation_reason', nullable: true }) cancellationReason: string | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt: Date | null;
  @Column('timestamptz', { name: 'expired_at', nullable: true }) expiredAt: Date | null;
  @Column('text', { nullable: true }) carrier: string | null;
  @Column('text', { name: 'tracking_number', nullable: true }) trackingNumber: string | null;
  @Column('timestamptz', { name: 'packed_at', nullable: true }) packedAt: Date | null;
  @Column('timestamptz', { name: 'shipped_at', nullable: true }) shippedAt: Date | null;
  @Column('timestamptz', { name: 'delivered_at', nullable: true }) deliveredAt: Date | null;
  @Column('text', { name: 'delivery_failure', nullable: true }) deliveryFailure: string | null;
  @Column('timestamptz', { name: 'release_at', nullable: true }) releaseAt: Date | null;
  @Column('timestamptz', { name: 'estimated_available_at', nullable: true }) estimatedAvailableAt: Date | null;
}

@Entity('order_lines')
export class OrderLineRecord {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('uuid', { name: 'fulfilment_id' }) fulfilmentId: string;
  @Column('integer') position: number;
  @Column('text') sku: string;
  @Column('integer') quantity: number;
  @Column('integer', { name: 'unit_price' }) unitPrice: number;
  @Column('integer', { name: 'picked_quantity' }) pickedQuantity: number;
  @Column('integer', { name: 'cancelled_quantity' }) cancelledQuantity: number;
  @Column('text', { name: 'source_location_id', nullable: true }) sourceLocationId: string | null;
  @Column('uuid', { name: 'pending_transfer_id', nullable: true }) pendingTransferId: string | null;
  @Column('integer', { name: 'preorder_sequence', nullable: true }) preorderSequence: number | null;
  @Column('integer', { name: 'queue_position', nullable: true }) queuePosition: number | null;
  @Column('timestamptz', { name: 'estimated_at', nullable: true }) estimatedAt: Date | null;
}

@Entity('payment_requests')
export class PaymentRequestRecord {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('uuid', { name: 'fulfilment_id', nullable: true }) fulfilmentId: string | null;
  @Column('text') kind: string;
  @Column('integer') amount: number;
  @Column('character', { length: 3 }) currency: string;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  @Column('text') status: string;
  @Column('integer', { name: 'done_amount', nullable: true }) doneAmount: number | null;
  @Column('timestamptz', { name: 'done_at', nullable: true }) doneAt: Date | null;
  /** A refund of an order paid at placing: how it splits over the order's tenders. */
  @Column('jsonb', { nullable: true }) tenders: CapturedTender[] | null;
  /** FAILED: the payment system's reason and when it refused; attempts counts the requests sent. */
  @Column('text', { name: 'failure_reason', nullable: true }) failureReason: string | null;
  @Column('timestamptz', { name: 'failed_at', nullable: true }) failedAt: Date | null;
  @Column('integer', { default: 1 }) attempts: number;
}
