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
  @ManyToOne(() => OrderRecord, (o) => o.lines) @JoinColumn({ name: 'order_id' }) order: OrderRecord;
}
