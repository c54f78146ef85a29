import { EventEnvelope } from '@omni/contracts';
import { context } from '@opentelemetry/api';
import { contextFromTraceparent, hasActiveSpan, requestContext } from '@omni/platform';
import { DataSource, EntityManager } from 'typeorm';
import { markDuplicate } from '../metrics/messaging-metrics';

/** Records that `consumer` applied event `eventId`; false when it already had (a redelivery). */
export async function claimInbox(manager: EntityManager, consumer: string, envelope: EventEnvelope): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO inbox (consumer, event_id, event_type) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, envelope.id, envelope.type],
  );
  return rows.length === 1;
}

export type InboxOutcome<T> = { applied: true; result: T } | { applied: false };

/**
 * Applies a consumed event exactly once in effect: the inbox row and the effect (with any outbox
 * rows it writes) commit in one transaction. The work runs in the event's context, so events it
 * publishes carry the same correlation id and the consumed event as their cause, and continue its
 * trace: under the consumer's span, or (called outside the consumer) the event's own trace context.
 */
export class InboxProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consumer: string,
  ) {}

  once<T>(envelope: EventEnvelope, work: (manager: EntityManager) => Promise<T>): Promise<InboxOutcome<T>> {
    const ctx = { correlationId: envelope.correlationId, causationId: envelope.id };
    const trace = hasActiveSpan() ? context.active() : contextFromTraceparent(envelope.traceparent);
    return context.with(trace, () => requestContext.run(ctx, () =>
      this.dataSource.transaction(async (manager): Promise<InboxOutcome<T>> => {
        if (!(await claimInbox(manager, this.consumer, envelope))) {
          markDuplicate();
          return { applied: false };
        }
        return { applied: true, result: await work(manager) };
      }),
    ));
  }
}
