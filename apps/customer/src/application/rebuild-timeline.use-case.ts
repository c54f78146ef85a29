import { Inject, Injectable, Logger } from '@nestjs/common';
import { decodeWireMessage, ORDER_EVENTS_TOPIC, RETURNS_EVENTS_TOPIC } from '@omni/contracts';
import { KAFKA } from '@omni/messaging';
import { Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TimelineEntry } from '../domain/timeline';
import { rowOf, timelineEntryOf, timelineProjection } from './timeline.projection';

/** The topics the timeline is built from: orders, and returns with store credit. */
export const TIMELINE_TOPICS: readonly string[] = [ORDER_EVENTS_TOPIC, RETURNS_EVENTS_TOPIC];

export interface RebuildReport {
  rebuildId: string;
  /** Messages re-read from the topics, up to the end offsets seen when the rebuild began. */
  messagesRead: number;
  /** Timeline entries written from them (events the timeline shows, valid ones). */
  entries: number;
  /** Per topic and partition: the end offset the rebuild read up to (exclusive). */
  upTo: { topic: string; partition: number; offset: string }[];
}

export class RebuildRunningError extends Error {
  constructor() {
    super('a timeline rebuild is already running in this instance');
  }
}

/**
 * Rebuilds the timeline from the topics, from the beginning (docs/operations/dead-letters-and-rebuilds.md): a consumer of
 * its own (a throw-away group) reads every partition up to the end offsets seen at the start into
 * a side table; then, in one transaction, the live entries from those offsets are replaced by the
 * re-read ones. Entries the live consumer wrote past those offsets are left alone, so the service
 * keeps serving and consuming during a rebuild. Because an entry is a pure function of its event,
 * the rebuilt timeline equals the one built live.
 */
@Injectable()
export class RebuildTimelineUseCase {
  private readonly logger = new Logger('TimelineRebuild');
  private running = false;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
  ) {}

  async rebuild(timeoutMs = 10 * 60_000): Promise<RebuildReport> {
    if (this.running) throw new RebuildRunningError();
    this.running = true;
    try {
      return await this.run(timeoutMs);
    } finally {
      this.running = false;
    }
  }

  private async run(timeoutMs: number): Promise<RebuildReport> {
    const rebuildId = randomUUID();
    const admin = this.kafka.admin();
    await admin.connect();
    const upTo: RebuildReport['upTo'] = [];
    const remaining = new Map<string, bigint>(); // topic/partition → last offset to read
    try {
      for (const topic of TIMELINE_TOPICS) {
        for (const p of await admin.fetchTopicOffsets(topic)) {
          upTo.push({ topic, partition: p.partition, offset: p.high });
          if (BigInt(p.high) > BigInt(p.low)) remaining.set(`${topic}/${p.partition}`, BigInt(p.high) - 1n);
        }
      }
    } finally {
      await admin.disconnect();
    }
    this.logger.log({ rebuildId, upTo }, 'timeline rebuild started');

    let messagesRead = 0;
    let entries = 0;
    if (remaining.size > 0) {
      const groupId = `customer-timeline-rebuild-${rebuildId}`;
      const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false });
      let finish!: () => void;
      let fail!: (e: Error) => void;
      const done = new Promise<void>((resolve, reject) => ((finish = resolve), (fail = reject)));
      const timer = setTimeout(() => fail(new Error(`timeline rebuild did not reach the end offsets within ${timeoutMs} ms`)), timeoutMs);
      try {
        await consumer.connect();
        await consumer.subscribe({ topics: [...TIMELINE_TOPICS], fromBeginning: true });
        await consumer.run({
          eachBatch: async ({ batch }) => {
            const key = `${batch.topic}/${batch.partition}`;
            const last = remaining.get(key);
            if (last === undefined) return;
            const read: TimelineEntry[] = [];
            let lastSeen = -1n;
            for (const message of batch.messages) {
              lastSeen = BigInt(message.offset);
              if (lastSeen > last) break;
              messagesRead++;
              const decoded = decodeWireMessage(message);
              // What the live consumer dead-letters, the rebuild leaves out too.
              const entry = decoded.ok ? timelineEntryOf(decoded.envelope, { topic: batch.topic, partition: batch.partition, offset: message.offset }) : null;
              if (entry) read.push(entry);
            }
            if (lastSeen >= last) remaining.delete(key);
            await this.stage(rebuildId, read);
            entries += read.length;
            if (remaining.size === 0) finish();
          },
        });
        await done;
      } finally {
        clearTimeout(timer);
        await consumer.disconnect().catch(() => undefined);
        await this.deleteGroup(groupId);
      }
    }

    await this.dataSource.transaction(async (m) => {
      for (const p of upTo) {
        await m.query(`DELETE FROM timeline_entries WHERE topic = $1 AND kafka_partition = $2 AND kafka_offset < $3`, [p.topic, p.partition, p.offset]);
      }
      const cols = timelineProjection.COLUMNS;
      await m.query(
        `INSERT INTO timeline_entries (${cols}) SELECT ${cols} FROM timeline_rebuild WHERE rebuild_id = $1
         ON CONFLICT (event_id) DO UPDATE SET kind = EXCLUDED.kind, order_id = EXCLUDED.order_id, fulfilment_id = EXCLUDED.fulfilment_id, channel = EXCLUDED.channel,
           store_id = EXCLUDED.store_id, occurred_at = EXCLUDED.occurred_at, details = EXCLUDED.details, topic = EXCLUDED.topic,
           kafka_partition = EXCLUDED.kafka_partition, kafka_offset = EXCLUDED.kafka_offset`,
        [rebuildId],
      );
      await m.query(`DELETE FROM timeline_rebuild WHERE rebuild_id = $1`, [rebuildId]);
    });
    this.logger.log({ rebuildId, messagesRead, entries }, 'timeline rebuilt');
    return { rebuildId, messagesRead, entries, upTo };
  }

  private async stage(rebuildId: string, read: TimelineEntry[]): Promise<void> {
    if (read.length === 0) return;
    const rows = read.map((t) => ({ rebuild_id: rebuildId, ...rowOf(t) }));
    await this.dataSource.query(
      `INSERT INTO timeline_rebuild (rebuild_id, ${timelineProjection.COLUMNS})
       SELECT rebuild_id, ${timelineProjection.COLUMNS} FROM jsonb_populate_recordset(NULL::timeline_rebuild, $1::jsonb)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }

  private async deleteGroup(groupId: string): Promise<void> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups([groupId]);
    } catch (e) {
      this.logger.warn({ groupId, err: (e as Error).message }, 'rebuild consumer group not deleted');
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
