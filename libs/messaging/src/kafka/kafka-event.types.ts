import type { EntityManager } from 'typeorm';

export interface KafkaEventServerOptions {
  groupId: string;
  topics: string[];
  maxAttempts: number;
  retryBaseMs: number;
  partitionsConsumedConcurrently: number;
  sessionTimeoutMs: number;
  /** Events of one partition applied in one transaction when they arrive together (ADR 0012); 1: one each. */
  batchSize: number;
  /** How long a fetch may wait for `minBytes` of events (kafkajs `maxWaitTimeInMs`, `minBytes`); absent: answered at once. */
  fetch?: { maxWaitMs: number; minBytes: number };
  /** Applied events' offsets are committed at most once per this many ms (after a batch, or by a timer), and when the consumer stops; 0 or absent: after every batch. */
  commitIntervalMs?: number;
}

/** What readiness reports of the consumer: `joined` when it consumes; otherwise why not. */
export interface ConsumerStatus {
  state: 'starting' | 'joining' | 'joined' | 'restarting' | 'stopped';
  /** Epoch ms of the last change of state. */
  since: number;
  reason?: string;
}

/** Runs work in one database transaction that the handlers' inbox calls join (`inOneTransaction`). */
export type SharedTransaction = (work: () => Promise<void>) => Promise<void>;

/** The database transactions the consumer runs events in. */
export interface ConsumerTransactions {
  /** Per-event handlers of a run share it through their inbox calls (ADR 0012). */
  shared: SharedTransaction;
  /** A batch run: its inbox rows and its handler's work, giving up at a short lock timeout (docs/adr/0016-throughput.md). */
  optimistic: (work: (manager: EntityManager) => Promise<void>) => Promise<void>;
  /** One event of a batch handler's types on its own: waits for the locks it needs. */
  run: (work: (manager: EntityManager) => Promise<void>) => Promise<void>;
}

/** What a handler receives beside the envelope. */
export interface EventContext {
  topic: string;
  partition: number;
  offset: string;
  attempt: number;
}
