import { AsyncLocalStorage } from 'node:async_hooks';
import { Metrics } from '@omni/platform';
import { DataSource } from 'typeorm';
import { ConsumerLagReader } from './consumer-lag';

/** Set by the inbox when an event was already applied, read by the consumer to count it as a duplicate. */
export const consumeScope = new AsyncLocalStorage<{ duplicate: boolean }>();

export function markDuplicate(): void {
  const s = consumeScope.getStore();
  if (s) s.duplicate = true;
}

/** Gauges computed on scrape from this service's own database and Kafka group; neither fails a scrape. */
export function registerMessagingGauges(metrics: Metrics, dataSource: DataSource, lag: ConsumerLagReader): void {
  // One query per scrape for both outbox gauges (prom-client collects gauges concurrently).
  let pending: { at: number; p: Promise<{ n: number; age: number } | null> } | null = null;
  const backlog = () => {
    if (!pending || Date.now() - pending.at > 1000) {
      // Served by the partial index outbox_unsent: cheap however long the sent history is.
      const p = dataSource
        .query(`SELECT count(*)::int AS n, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age FROM outbox WHERE sent_at IS NULL`)
        .then((rows: { n: number; age: number }[]) => ({ n: Number(rows[0].n), age: Number(rows[0].age) }))
        .catch(() => null);
      pending = { at: Date.now(), p };
    }
    return pending.p;
  };
  metrics.gauge('outbox_backlog', 'Outbox rows not yet published', [], async (set) => {
    const b = await backlog();
    if (b) set({}, b.n);
  });
  metrics.gauge('outbox_oldest_unsent_age_seconds', 'Age of the oldest unpublished outbox row (0 when none)', [], async (set) => {
    const b = await backlog();
    if (b) set({}, b.age);
  });
  metrics.gauge(
    'kafka_consumer_lag',
    "Messages behind the log end, per topic and partition, for this service's consumer group",
    ['topic', 'partition'],
    async (set) => {
      for (const l of await lag.read()) set({ topic: l.topic, partition: l.partition }, l.lag);
    },
  );
}
