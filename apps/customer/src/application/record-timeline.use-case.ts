import { Injectable } from '@nestjs/common';
import { EventEnvelope, OrderPlacedPayload } from '@omni/contracts';
import { InboxProcessor } from '@omni/messaging';
import { DataSource } from 'typeorm';

export interface TimelineEntry {
  eventId: string;
  kind: string;
  orderId: string | null;
  channel: string | null;
  storeId: string | null;
  occurredAt: string;
}

/** Projects order events onto the customer's timeline; a redelivered event adds nothing. */
@Injectable()
export class TimelineUseCase {
  constructor(
    private readonly inbox: InboxProcessor,
    private readonly dataSource: DataSource,
  ) {}

  async onOrderPlaced(e: EventEnvelope<OrderPlacedPayload>): Promise<void> {
    const p = e.data;
    if (!p.customerId) return; // guest orders are matched to a profile by the customer-matching work to come
    await this.inbox.once(e, (m) =>
      m.query(
        `INSERT INTO timeline_entries (event_id, customer_id, kind, order_id, channel, store_id, occurred_at)
         VALUES ($1, $2, 'order.placed', $3, $4, $5, $6)`,
        [e.id, p.customerId, p.orderId, p.channel, p.storeId, p.placedAt],
      ),
    );
  }

  async timelineOf(customerId: string, limit: number): Promise<TimelineEntry[]> {
    const rows: { event_id: string; kind: string; order_id: string | null; channel: string | null; store_id: string | null; occurred_at: Date }[] =
      await this.dataSource.query(
        `SELECT * FROM timeline_entries WHERE customer_id = $1 ORDER BY occurred_at DESC, event_id LIMIT $2`,
        [customerId, limit],
      );
    return rows.map((r) => ({
      eventId: r.event_id,
      kind: r.kind,
      orderId: r.order_id,
      channel: r.channel,
      storeId: r.store_id,
      occurredAt: r.occurred_at.toISOString(),
    }));
  }
}
