import { EventEnvelope } from '@omni/contracts';
import { prepared } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { TimelineEntry, timelineFactOf, TopicPosition } from '../domain/timeline';

/** The timeline entry of a consumed event, or null when the timeline does not show that event. */
export function timelineEntryOf(e: EventEnvelope, position: TopicPosition): TimelineEntry | null {
  const fact = timelineFactOf(e.type, e.data);
  return fact ? { ...fact, eventId: e.id, position } : null;
}

const COLUMNS = 'event_id, kind, order_id, fulfilment_id, channel, store_id, occurred_at, details, topic, kafka_partition, kafka_offset';

/** An entry as a row of timeline_entries, columns by their database names. */
export const rowOf = (t: TimelineEntry) => ({
  event_id: t.eventId,
  kind: t.kind,
  order_id: t.orderId,
  fulfilment_id: t.fulfilmentId,
  channel: t.channel,
  store_id: t.storeId,
  occurred_at: t.occurredAt,
  details: t.details,
  topic: t.position.topic,
  kafka_partition: t.position.partition,
  kafka_offset: t.position.offset,
});

/**
 * Writes timeline entries. An entry is a pure function of its event, keyed by the event id, so
 * writing it again (a redelivery, a rebuild) gives the same row: that is what makes the
 * projection idempotent and rebuildable.
 */
export const timelineProjection = {
  COLUMNS,

  /** The entries of a run of events, in one statement. */
  async recordMany(m: EntityManager, entries: readonly TimelineEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await prepared(
      m,
      'timeline-record-many',
      `INSERT INTO timeline_entries (${COLUMNS})
       SELECT ${COLUMNS} FROM jsonb_populate_recordset(NULL::timeline_entries, $1::jsonb)
       ON CONFLICT (event_id) DO NOTHING`,
      [JSON.stringify(entries.map(rowOf))],
    );
  },
};
