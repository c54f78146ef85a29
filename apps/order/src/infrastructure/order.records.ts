import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';

@Entity('orders')
export class OrderRecord {
  @PrimaryColumn('uuid') id: string;
  @Column('text') channel: string;
  @Column('text', { name: 'store_id' }) storeId: string;
  @Column('text', { name: 'customer_id', nullable: true }) customerId: string | null;
  @Column('character', { length: 3 }) currency: string;
  @Column('text') status: string;
  @Column('text', { name: 'rejection_reason', nullable: true }) rejectionReason: string | null;
  @Column('timestamptz', { name: 'placed_at' }) placedAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'ready_by', nullable: true }) readyBy: Date | null;
  @Column('integer', { name: 'pickup_hold_days', nullable: true }) pickupHoldDays: number | null;
  @Column('text', { name: 'pickup_code_hash', nullable: true }) pickupCodeHash: string | null;
  @Column('text', { name: 'pickup_code_salt', nullable: true }) pickupCodeSalt: string | null;
  @Column('timestamptz', { name: 'pickup_deadline', nullable: true }) pickupDeadline: Date | null;
  @Column('integer', { name: 'failed_code_attempts' }) failedCodeAttempts: number;
  @Column('timestamptz', { name: 'ready_at', nullable: true }) readyAt: Date | null;
  @Column('timestamptz', { name: 'collected_at', nullable: true }) collectedAt: Date | null;
  @Column('text', { name: 'cancelled_by', nullable: true }) cancelledBy: string | null;
  @Column('text', { name: 'cancellation_reason', nullable: true }) cancellationReason: string | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt: Date | null;
  @Column('timestamptz', { name: 'expired_at', nullable: true }) expiredAt: Date | null;
  @OneToMany(() => OrderLineRecord, (l) => l.order, { cascade: ['insert'] }) lines: OrderLineRecord[];
}

@Entity('order_lines')
export class OrderLineRecord {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('integer') position: number;
  @Column('text') sku: string;
  @Column('integer') quantity: number;
  @Column('integer', { name: 'unit_price' }) unitPrice: number;
  @Column('integer', { name: 'picked_quantity' }) pickedQuantity: number;
  @Column('integer', { name: 'cancelled_quantity' }) cancelledQuantity: number;
  @Column('text', { name: 'source_location_id', nullable: true }) sourceLocationId: string | null;
  @Column('uuid', { name: 'pending_transfer_id', nullable: true }) pendingTransferId: string | null;
  @ManyToOne(() => OrderRecord, (o) => o.lines) @JoinColumn({ name: 'order_id' }) order: OrderRecord;
}

@Entity('payment_requests')
export class PaymentRequestRecord {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('text') kind: string;
  @Column('integer') amount: number;
  @Column('character', { length: 3 }) currency: string;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  @Column('text') status: string;
  @Column('integer', { name: 'done_amount', nullable: true }) doneAmount: number | null;
  @Column('timestamptz', { name: 'done_at', nullable: true }) doneAt: Date | null;
}
