import { Logger } from '@nestjs/common';
import { Producer } from 'kafkajs';
import { Client } from 'pg';
import { Span, SpanKind, trace } from '@opentelemetry/api';
import { byKey, connectionOptions, contextFromTraceparent, failpoint, failSpan, Metrics, traceparentOf, tracer } from '@omni/platform';
import { backoffDelay, pause } from '../retry';
import { RelaySignal } from './relay-signal';

export interface OutboxRow {
  seq: string;
  id: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: string;
}

export interface TopicBatch {
  topic: string;
  messages: { key: string; value: string; headers: Record<string, string> }[];
}

/** Groups rows by topic keeping their outbox order, which keeps every key's events in order. */
export function toTopicBatches(rows: readonly OutboxRow[]): TopicBatch[] {
  const byTopic = new Map<string, TopicBatch>();
  for (const r of rows) {
    let batch = byTopic.get(r.topic);
    if (!batch) byTopic.set(r.topic, (batch = { topic: r.topic, messages: [] }));
    batch.messages.push({ key: r.message_key, value: r.payload, headers: r.headers });
  }
  return [...byTopic.values()];
}

/**
 * Starts a producer span per row, child of the trace context the row was written in (a new trace
 * when it has none), and returns the rows with that span as their `traceparent`: the consumer's
 * span then hangs under the publish, which hangs under the work that wrote the event.
 */
export function startPublishSpans(rows: readonly OutboxRow[]): { rows: OutboxRow[]; spans: Span[] } {
  const spans = rows.map((r) =>
    tracer().startSpan(
      `send ${r.topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'send',
          'messaging.destination.name': r.topic,
          'messaging.kafka.message.key': r.message_key,
          'messaging.message.id': r.id,
          'cloudevents.event_type': r.headers.ce_type ?? '',
        },
      },
      contextFromTraceparent(r.headers.traceparent),
    ),
  );
  const traced = rows.map((r, i) => {
    const traceparent = traceparentOf(trace.setSpan(contextFromTraceparent(null), spans[i]));
    return traceparent ? { ...r, headers: { ...r.headers, traceparent } } : r;
  });
  return { rows: traced, spans };
}

export interface OutboxRelayOptions {
  databaseUrl: string;
  pollIntervalMs: number;
  batchSize: number;
  /** The least time between two drains: commits that land meanwhile are published together. Absent or 0: none. */
  lingerMs?: number;
  /** Rows an earlier version marked sent instead of deleting are deleted once this old. */
  retentionMs?: number;
  /**
   * Rows deleted after which the relay vacuums the outbox itself (`VACUUM (SKIP_LOCKED, TRUNCATE false) outbox`),
   * at most once a second; 0: never, autovacuum alone. See `vacuumIfDue`.
   */
  vacuumAfterRows?: number;
  /** Called after a batch reached Kafka and before it is deleted (tests inject a crash here). */
  onPublished?: (rows: readonly OutboxRow[]) => void | Promise<void>;
}

export type RelayRole = 'stopped' | 'connecting' | 'standby' | 'leader';

/**
 * Publishes outbox rows to Kafka in `seq` order and deletes them once Kafka has them.
 *
 * One relay per service database is the leader (a session-level advisory lock), so replicas never
 * publish one key's events out of order. Writers of its own process wake it when they commit;
 * writers in other replicas NOTIFY it; it also polls as a fallback. A crash between publish and delete republishes the batch: delivery is at least
 * once, and consumers' inboxes make the repeat a no-op (ADR 0003).
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly stopSignal = new AbortController();
  private loop?: Promise<void>;
  private wake: (() => void) | null = null;
  private workPending = true;
  private lastCleanup = 0;
  private lastDrainAt = 0;
  private deletedSinceVacuum = 0;
  private lastVacuumAt = 0;
  role: RelayRole = 'stopped';

  constructor(
    private readonly producer: Producer,
    private readonly options: OutboxRelayOptions,
    private readonly metrics?: Metrics,
    private readonly signal: RelaySignal = new RelaySignal(),
  ) {
    signal.onWake(() => this.wakeUp());
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** A writer of this process committed outbox rows: publish them now rather than at the next poll. */
  wakeUp(): void {
    this.workPending = true;
    this.wake?.();
  }

  private setRole(role: RelayRole): void {
    this.role = role;
    this.signal.leaderHere = role === 'leader';
  }

  /** Stops after publishing what is already committed (best effort), then releases leadership. */
  async stop(): Promise<void> {
    this.stopSignal.abort();
    this.wake?.();
    await this.loop;
    this.setRole('stopped');
  }

  private get stopping(): boolean {
    return this.stopSignal.signal.aborted;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      const client = new Client({ connectionString: this.options.databaseUrl, application_name: 'outbox-relay', options: connectionOptions() });
      let alive = true;
      client.on('error', () => (alive = false));
      client.on('end', () => (alive = false));
      client.on('notification', () => this.wakeUp());
      try {
        this.setRole('connecting');
        await client.connect();
        // This connection only reads unsent rows and deletes them once sent. Losing a delete in a crash only
        // publishes those rows again, which consumers' inboxes skip: its commits need not wait for
        // the WAL flush. The services' business writes keep synchronous_commit on.
        await client.query('SET synchronous_commit = off');
        await this.becomeLeader(client);
        if (this.stopping) break;
        // Writers in other replicas notify the leader; writers in this process wake it directly.
        await client.query('LISTEN outbox');
        await this.producer.connect();
        this.setRole('leader');
        this.logger.log({ event: 'relay.leader' }, 'outbox relay is leader');
        failures = 0;
        while (!this.stopping && alive) {
          try {
            const published = await this.drainOnce(client);
            failures = 0;
            // A full batch: more is waiting, drain again at once. Else wait for a commit, and linger under load.
            if (published < this.options.batchSize) {
              await this.waitForWork();
              await this.linger();
            }
          } catch (e) {
            failures++;
            this.logger.warn({ err: (e as Error).message, failures }, 'outbox publish failed, retrying');
            await pause(backoffDelay(failures, 200, 5000), this.stopSignal.signal);
          }
        }
        if (this.stopping && alive) await this.drainOnce(client).catch(() => undefined);
      } catch (e) {
        failures++;
        this.logger.warn({ err: (e as Error).message, failures }, 'outbox relay connection failed, retrying');
        await pause(backoffDelay(failures, 200, 5000), this.stopSignal.signal);
      } finally {
        if (this.role === 'leader') this.setRole('connecting');
        await client.end().catch(() => undefined);
      }
    }
  }

  private async becomeLeader(client: Client): Promise<void> {
    while (!this.stopping) {
      const { rows } = await client.query(`SELECT pg_try_advisory_lock(hashtext('outbox-relay')) AS locked`);
      if (rows[0].locked) return;
      this.setRole('standby');
      await pause(Math.max(this.options.pollIntervalMs, 1000), this.stopSignal.signal);
    }
  }

  private waitForWork(): Promise<void> {
    if (this.workPending || this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, this.options.pollIntervalMs);
      this.wake = done;
    });
  }

  /** Under load, waits until `lingerMs` after the last drain began; a first drain after a quiet spell goes at once. */
  private async linger(): Promise<void> {
    const wait = this.lastDrainAt + (this.options.lingerMs ?? 0) - Date.now();
    if (wait > 0 && !this.stopping) await pause(wait, this.stopSignal.signal);
    this.lastDrainAt = Date.now();
  }

  /** Publishes one batch; returns how many rows it published. */
  async drainOnce(client: Client): Promise<number> {
    this.workPending = false;
    const { rows } = await client.query<OutboxRow>({
      name: 'relay-unsent',
      text: `SELECT seq, id, topic, message_key, headers, payload FROM outbox
        WHERE sent_at IS NULL ORDER BY seq LIMIT $1`,
      values: [this.options.batchSize],
    });
    if (rows.length > 0) {
      const traced = startPublishSpans(rows);
      try {
        await this.producer.sendBatch({ topicMessages: toTopicBatches(traced.rows), acks: -1 });
      } catch (e) {
        for (const span of traced.spans) failSpan(span, e);
        throw e;
      } finally {
        for (const span of traced.spans) span.end();
      }
      await this.options.onPublished?.(rows);
      failpoint('relay.after-publish');
      await this.deleteSent(client, rows);
      for (const b of toTopicBatches(rows)) this.metrics?.eventsPublished(b.topic, b.messages.length);
      this.logger.debug({ event: 'relay.published', count: rows.length }, 'outbox rows published');
      await this.vacuumIfDue(client, rows.length);
      if (rows.length === this.options.batchSize) this.workPending = true;
    }
    await this.cleanup(client);
    return rows.length;
  }

  /**
   * A published row is deleted, not marked: marking it wrote a new version of the whole row (its
   * payload again into the WAL) and kept a day of events that Kafka keeps anyway, a table growing
   * by every event placed. Rows carrying secrets (pickup codes) leave the database as soon as Kafka has them, as before.
   */
  private async deleteSent(client: Client, rows: readonly OutboxRow[]): Promise<void> {
    // Probed per seq (byKey): a generic plan made while the outbox was small must not scan a backlog.
    // Only the leader deletes and no one updates a row, so no lock is needed to keep its ctid.
    await client.query({
      name: 'relay-delete-sent',
      text: `DELETE FROM outbox o USING ${byKey('outbox', 'ctid AS tid', 'seq', 'x', { type: 'bigint' })} WHERE o.ctid = x.tid`,
      values: [rows.map((r) => r.seq)],
    });
  }

  /**
   * The outbox is a queue: every row is deleted within milliseconds of its insert, and the relay's
   * `ORDER BY seq` read walks the index entries of every deleted row (and, as a bitmap scan, their
   * heap pages) until a vacuum removes them. Autovacuum visits a database at most once a minute
   * (autovacuum_naptime), a minute of deleted events, so the relay vacuums the table itself once it has
   * deleted `vacuumAfterRows` rows. SKIP_LOCKED: while autovacuum is at it, the relay does not wait.
   * TRUNCATE false: giving empty pages back would take an exclusive lock that stops the writers'
   * inserts. Not the table's owner: PostgreSQL warns and skips it.
   */
  private async vacuumIfDue(client: Client, deleted: number): Promise<void> {
    const after = this.options.vacuumAfterRows ?? 0;
    this.deletedSinceVacuum += deleted;
    if (after <= 0 || this.deletedSinceVacuum < after || Date.now() - this.lastVacuumAt < 1000) return;
    this.deletedSinceVacuum = 0;
    this.lastVacuumAt = Date.now();
    // The batch is published and deleted: a vacuum that fails (a statement_timeout, a connection
    // lost) is tried again once as many rows more are deleted, and a lost connection fails the next drain.
    await client.query('VACUUM (SKIP_LOCKED, TRUNCATE false) outbox').catch((e: Error) => {
      this.logger.warn({ event: 'relay.vacuum-failed', err: e.message }, 'outbox vacuum failed');
    });
  }

  private async cleanup(client: Client): Promise<void> {
    const retentionMs = this.options.retentionMs ?? 24 * 3600 * 1000;
    if (Date.now() - this.lastCleanup < 60_000) return;
    this.lastCleanup = Date.now();
    await client.query(`DELETE FROM outbox WHERE sent_at < now() - make_interval(secs => $1)`, [retentionMs / 1000]);
  }
}
