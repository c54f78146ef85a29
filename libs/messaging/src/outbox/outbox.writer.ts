import { envelopeFor, EventDefinition, EventEnvelope, toWireMessage } from '@omni/contracts';
import {
  currentIdempotencyKey,
  failpoint,
  IdempotencyKeyRef,
  keyIdentity,
  prepared,
  RequestKeyTaken,
  requestContext,
  takeKeysWithEffects,
  traceparentOf,
} from '@omni/platform';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { RelaySignal } from './relay-signal';

/** The traceparent of each event's consumer span, by event id, while a batch run is applied. */
export const consumedTraces = new AsyncLocalStorage<ReadonlyMap<string, string>>();

/** Where an event comes from when it is not the current request or event: one of several requests written together. */
export interface OutboxOrigin {
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly traceparent: string | null;
  /** The request's Idempotency-Key, marked committed with the events. */
  readonly idempotencyKey: IdempotencyKeyRef | null;
}

/** The current request's or event's context, kept for an event appended later, outside it. */
export function currentOrigin(): OutboxOrigin {
  return { ...requestContext.currentOrNew(), traceparent: traceparentOf(), idempotencyKey: currentIdempotencyKey() };
}

/**
 * One event to append: with `cause`, the consumed event it answers (its correlation id, it as
 * causation); with `origin`, the request it answers when that is not the current one.
 */
export interface OutboxEntry<P = unknown> {
  readonly def: EventDefinition<P>;
  readonly payload: P;
  readonly cause?: EventEnvelope;
  readonly origin?: OutboxOrigin;
  readonly now?: Date;
}

/** What a transaction's query runner carries for the relay: rows appended, and whether standby relays were notified. */
interface OutboxTransactionData {
  outboxRows?: number;
  outboxNotified?: boolean;
  /** Message keys appended, while someone in this process waits for one (RelaySignal.onCommitted). */
  outboxKeys?: string[];
  /** The request's Idempotency-Key was marked committed in this transaction. */
  keyMarked?: boolean;
}

/**
 * Marks the current request's Idempotency-Key committed in the transaction of `manager`, for a
 * request whose effects write no outbox rows (those mark it themselves): once this transaction
 * commits, the request is never executed again (ADR 0025). Call it where the request writes.
 */
export async function markRequestCommitted(manager: EntityManager): Promise<void> {
  const key = currentIdempotencyKey();
  const runner = manager.queryRunner;
  if (!key || !runner?.isTransactionActive) return;
  const data = runner.data as OutboxTransactionData;
  if (data.keyMarked) return;
  if (key.untaken) {
    if (!(await takeKeysWithEffects(manager, [key]))[0]) throw new RequestKeyTaken();
    data.keyMarked = true;
    return;
  }
  await prepared(
    manager,
    'idempotency-mark-committed',
    `UPDATE idempotency_keys SET committed_at = now(), location = $5 WHERE caller = $1 AND method = $2 AND route = $3 AND key = $4 AND committed_at IS NULL`,
    [key.caller, key.method, key.route, key.key, key.location ?? null],
  );
  data.keyMarked = true;
}

/**
 * Appends events to the outbox inside the caller's transaction, so the state change and the
 * events it causes commit together or not at all. Only the relay talks to Kafka.
 * The envelope takes its correlation and causation ids from the current request or event (or from
 * the entry's `cause`), and its `traceparent` from the current span: the relay's publish span
 * continues that trace. Once the transaction commits, the relay of this process is woken
 * (OutboxCommitSubscriber); when the leading relay is in another replica, the transaction
 * notifies it instead (ADR 0003, docs/adr/0016-throughput.md).
 */
export class OutboxWriter {
  constructor(
    private readonly source: string,
    private readonly signal: RelaySignal = new RelaySignal(),
  ) {}

  /**
   * Takes, in the transaction of `manager`, the Idempotency-Keys of requests whose effects it
   * writes and that did not take them before they ran (`@KeyTakenWithEffects`): per origin, false
   * when another request holds its key and its effects must not be written.
   */
  takeKeys(manager: EntityManager, origins: readonly OutboxOrigin[]): Promise<boolean[]> {
    return takeKeysWithEffects(
      manager,
      origins.map((o) => o.idempotencyKey),
    );
  }

  async append<P>(manager: EntityManager, def: EventDefinition<P>, payload: P, now: Date = new Date()): Promise<string> {
    const [id] = await this.appendMany(manager, [{ def, payload, now }]);
    return id;
  }

  /** Appends every entry in one statement; returns the event ids, in order. */
  async appendMany(manager: EntityManager, entries: readonly OutboxEntry[]): Promise<string[]> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('outbox rows must be written inside the transaction of the state change');
    if (entries.length === 0) return [];
    const columns = { id: [] as string[], topic: [] as string[], key: [] as string[], type: [] as string[], headers: [] as string[], payload: [] as string[] };
    const keys = new Map<string, IdempotencyKeyRef>();
    for (const e of entries) {
      const ctx = e.cause ? { correlationId: e.cause.correlationId, causationId: e.cause.id } : (e.origin ?? requestContext.currentOrNew());
      const key = e.cause ? null : e.origin ? e.origin.idempotencyKey : currentIdempotencyKey();
      if (key) keys.set(keyIdentity(key), key);
      const envelope = envelopeFor(e.def, {
        id: randomUUID(),
        source: this.source,
        time: e.now ?? new Date(),
        correlationId: ctx.correlationId,
        causationId: ctx.causationId,
        // An event consumed in a batch run continues its own trace (its consumer span), not the run's.
        traceparent: e.cause
          ? (consumedTraces.getStore()?.get(e.cause.id) ?? traceparentOf() ?? e.cause.traceparent)
          : e.origin
            ? e.origin.traceparent
            : traceparentOf(),
        payload: e.payload,
      });
      const wire = toWireMessage(envelope);
      columns.id.push(envelope.id);
      columns.topic.push(e.def.topic);
      columns.key.push(wire.key);
      columns.type.push(envelope.type);
      columns.headers.push(JSON.stringify(wire.headers));
      columns.payload.push(wire.value);
    }
    const rows = [columns.id, columns.topic, columns.key, columns.type, columns.headers, columns.payload];
    // Keys not taken yet are inserted committed now (the request's effects are these rows); the
    // others were taken before their request ran and are marked committed with the rows.
    const untaken = [...keys.values()].filter((k) => k.untaken);
    if (untaken.length > 0) {
      if ((await takeKeysWithEffects(manager, untaken)).includes(false)) throw new RequestKeyTaken();
      for (const k of untaken) keys.delete(keyIdentity(k));
    }
    if (keys.size === 0) {
      await prepared(
        manager,
        'outbox-append',
        `INSERT INTO outbox (id, topic, message_key, event_type, headers, payload)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[])`,
        rows,
      );
    } else {
      // The requests' Idempotency-Keys are marked committed with their events, in the same
      // statement: a request that dies after this commit is never executed again. Each key is
      // probed and locked, then updated by its ctid (byKey in @omni/platform), so the generic plan
      // does not scan the table of keys.
      const k = [...keys.values()];
      await prepared(
        manager,
        'outbox-append-keyed',
        `WITH committed AS (
           UPDATE idempotency_keys i SET committed_at = now(), location = c.location
           FROM unnest($7::text[], $8::text[], $9::text[], $10::text[], $11::text[]) AS c(caller, method, route, key, location)
           CROSS JOIN LATERAL (
             SELECT ctid AS tid FROM idempotency_keys k
             WHERE k.caller = c.caller AND k.method = c.method AND k.route = c.route AND k.key = c.key AND k.committed_at IS NULL FOR UPDATE
           ) AS x
           WHERE i.ctid = x.tid
         )
         INSERT INTO outbox (id, topic, message_key, event_type, headers, payload)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[])`,
        [...rows, k.map((x) => x.caller), k.map((x) => x.method), k.map((x) => x.route), k.map((x) => x.key), k.map((x) => x.location ?? null)],
      );
    }
    failpoint('outbox.before-commit');
    const data = runner.data as OutboxTransactionData;
    data.outboxRows = (data.outboxRows ?? 0) + entries.length;
    if (keys.size > 0 || untaken.length > 0) data.keyMarked = true;
    if (this.signal.awaited) (data.outboxKeys ??= []).push(...columns.key);
    // The relay of this process is woken after the commit; a leader elsewhere needs the database to tell it.
    if (!this.signal.leaderHere && !data.outboxNotified) {
      data.outboxNotified = true;
      await prepared(manager, 'outbox-notify', `SELECT pg_notify('outbox', '')`, []);
    }
    return columns.id;
  }
}
