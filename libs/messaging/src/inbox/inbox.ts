import { EventEnvelope } from '@omni/contracts';
import { context } from '@opentelemetry/api';
import { contextFromTraceparent, hasActiveSpan, prepared, requestContext } from '@omni/platform';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { markDuplicate } from '../metrics/messaging-metrics';

/** The transaction that events consumed together share (ADR 0012); `InboxProcessor.once` joins it. */
const sharedTransaction = new AsyncLocalStorage<EntityManager>();

/**
 * Runs `work` in one database transaction: every `InboxProcessor.once` inside joins it instead of
 * opening its own, so the events' effects and inbox rows commit together or not at all.
 */
export function inOneTransaction(dataSource: DataSource, work: () => Promise<void>): Promise<void> {
  return inOptimisticTransaction(dataSource, (manager) => sharedTransaction.run(manager, work));
}

/**
 * A transaction for work on many events at once. It is optimistic: rather than wait on a row
 * another run or a request holds (two runs taking the same stock rows in another order deadlock,
 * and PostgreSQL only notices after deadlock_timeout, a second by default), it gives up quickly;
 * its events are then applied one transaction each, which wait as long as they need.
 */
export function inOptimisticTransaction(dataSource: DataSource, work: (manager: EntityManager) => Promise<void>): Promise<void> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SET LOCAL lock_timeout = '${SHARED_RUN_LOCK_TIMEOUT_MS}ms'`);
    await work(manager);
  });
}

const SHARED_RUN_LOCK_TIMEOUT_MS = 100;

/** Records that `consumer` applied event `eventId`; false when it already had (a redelivery). */
export async function claimInbox(manager: EntityManager, consumer: string, envelope: EventEnvelope): Promise<boolean> {
  return (await claimInboxMany(manager, consumer, [envelope])).size === 1;
}

/**
 * Records that `consumer` applied each of `events`, in one statement; answers the ids it had not
 * applied before (the rest are redeliveries, to be left out).
 */
export async function claimInboxMany(manager: EntityManager, consumer: string, events: readonly EventEnvelope[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const { rows } = await prepared<{ event_id: string }>(
    manager,
    'inbox-claim-many',
    `INSERT INTO inbox (consumer, event_id, event_type)
     SELECT $1, e.id, e.type FROM unnest($2::uuid[], $3::text[]) AS e(id, type)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, events.map((e) => e.id), events.map((e) => e.type)],
  );
  return new Set(rows.map((r) => r.event_id));
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
    const apply = async (manager: EntityManager): Promise<InboxOutcome<T>> => {
      if (!(await claimInbox(manager, this.consumer, envelope))) {
        markDuplicate();
        return { applied: false };
      }
      return { applied: true, result: await work(manager) };
    };
    const shared = sharedTransaction.getStore();
    return context.with(trace, () => requestContext.run(ctx, () => (shared ? apply(shared) : this.dataSource.transaction(apply))));
  }
}
