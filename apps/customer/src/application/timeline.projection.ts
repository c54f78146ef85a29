import { EventEnvelope } from '@omni/contracts';
import { EntityManager } from 'typeorm';
import { TimelineEntry, timelineFactOf, TopicPosition } from '../domain/timeline';

/** The timeline entry of a consumed event, or null when the timeline does not show that event. */
export function timelineEntryOf(e: EventEnvelope, position: TopicPosition): TimelineEntry | null {
  const fact = timelineFactOf(e.type, e.data);
  return fact ? { ...fact, eventId: e.id, position } : null;
}

const COLUMNS = 'event_id, kind, order_id, fulfilment_id, channel, store_id, occurred_at, details, topic, kafka_partition, kafka_offset';

export const entryValues = (t: TimelineEntry) => [
  t.eventId,
  t.kind,
  t.orderId,
  t.fulfilmentId,
  t.channel,
  t.storeId,
  t.occurredAt,
  JSON.stringify(t.details),
  t.position.topic,
  t.position.partition,
  t.position.offset,
];

/**
 * Writes timeline entries. An entry is a pure function of its event, keyed by the event id, so
 * writing it again (a redelivery, a rebuild) gives the same row: that is what makes the
 * projection idempotent and rebuildable.
 */
export const timelineProjection = {
  COLUMNS,

  async record(m: EntityManager, entry: TimelineEntry): Promise<void> {
    await m.query(`INSERT INTO timeline_entries (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (event_id) DO NOTHING`, entryValues(entry));
  },
};
