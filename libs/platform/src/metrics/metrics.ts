import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Buckets that cover both a placement reserved in milliseconds and an order collected days after it was ready. */
export const JOURNEY_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60, 300, 1800, 3600, 4 * 3600, 86400, 3 * 86400, 7 * 86400];

export type JourneyStep = 'placed_to_reserved' | 'ready_to_collected';
export type ConsumeOutcome = 'applied' | 'duplicate' | 'dead_lettered' | 'retried';
export type KafkaClientKind = 'consumer' | 'producer';

/**
 * One Prometheus registry per process (docs/operations.md#metrics): default Node metrics plus the
 * backbone's own. Code records through these methods; names and labels live here only.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly published: Counter<'topic'>;
  private readonly consumed: Counter<'topic' | 'type' | 'outcome'>;
  private readonly deadLetters: Counter<'topic' | 'reason'>;
  private readonly journey: Histogram<'step'>;
  private readonly gaugeFailures: Counter<'gauge'>;
  private readonly kafkaRequests: Counter<'client' | 'api'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.published = new Counter({
      name: 'outbox_events_published_total',
      help: 'Events the outbox relay published to Kafka',
      labelNames: ['topic'],
      registers: [this.registry],
    });
    this.consumed = new Counter({
      name: 'events_consumed_total',
      help: 'Consumed events by outcome: applied, duplicate (inbox), dead_lettered, retried (one per failed attempt retried)',
      labelNames: ['topic', 'type', 'outcome'],
      registers: [this.registry],
    });
    this.deadLetters = new Counter({
      name: 'dead_letters_total',
      help: 'Messages parked on <topic>.dlq by reason code',
      labelNames: ['topic', 'reason'],
      registers: [this.registry],
    });
    this.gaugeFailures = new Counter({
      name: 'metrics_gauge_failures_total',
      help: 'Scrapes at which a gauge computed from the database could not be read (it is left out of that scrape; a scrape counts those before it)',
      labelNames: ['gauge'],
      registers: [this.registry],
    });
    this.kafkaRequests = new Counter({
      name: 'kafka_requests_total',
      help: 'Requests sent to Kafka brokers by client (consumer, producer) and API (Fetch, Produce, OffsetCommit, Heartbeat, …)',
      labelNames: ['client', 'api'],
      registers: [this.registry],
    });
    this.journey = new Histogram({
      name: 'journey_step_duration_seconds',
      help: 'Journey step latencies: placed_to_reserved (placedAt → RESERVED/AWAITING_TRANSFER), ready_to_collected (readyAt → COLLECTED)',
      labelNames: ['step'],
      buckets: JOURNEY_BUCKETS,
      registers: [this.registry],
    });
  }

  httpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }
  eventsPublished(topic: string, count: number): void {
    this.published.inc({ topic }, count);
  }
  eventConsumed(topic: string, type: string, outcome: ConsumeOutcome): void {
    this.consumed.inc({ topic, type, outcome });
  }
  deadLettered(topic: string, reason: string): void {
    this.deadLetters.inc({ topic, reason });
  }
  kafkaRequest(client: KafkaClientKind, api: string): void {
    this.kafkaRequests.inc({ client, api });
  }
  /** Records a journey step; from and to are the domain's own timestamps, so a retry cannot skew it. */
  journeyStep(step: JourneyStep, from: Date, to: Date): void {
    this.journey.observe({ step }, Math.max(0, (to.getTime() - from.getTime()) / 1000));
  }

  /**
   * A gauge whose value is computed when scraped. When `collect` fails (its database out of reach),
   * the gauge is left out of that scrape and metrics_gauge_failures_total counts it: the counters a
   * scrape carries matter most during an outage, so one gauge never fails the whole scrape.
   */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: L[],
    collect: (set: (labels: Partial<Record<L, string | number>>, value: number) => void) => Promise<void>,
  ): void {
    const failures = this.gaugeFailures;
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        try {
          await collect((labels, value) => this.set(labels as Partial<Record<L, string | number>>, value));
        } catch {
          this.reset();
          failures.inc({ gauge: name });
        }
      },
    });
  }

  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
