import { EventPattern } from '@nestjs/microservices';
import { ceTypeOf, EventDefinition, EventEnvelope } from '@omni/contracts';
import { context } from '@opentelemetry/api';
import { contextFromTraceparent, requestContext } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { consumedTraces } from '../outbox/outbox.writer';

const PREFIX = 'batch:';

/** The pattern a batch handler of CloudEvents type `type` is registered under. */
export function batchPatternOf(type: string): string {
  return `${PREFIX}${type}`;
}

/**
 * Consecutive events of one partition that one batch handler takes, applied in one database
 * transaction (docs/adr/0016-throughput.md). The consumer has already recorded them in the inbox
 * in that transaction and left out the ones applied before (redeliveries): the handler applies
 * every event it is given, in order, and writes its outbox rows in `manager`'s transaction.
 */
export interface EventRun {
  readonly events: readonly EventEnvelope[];
  /** The Kafka offset of each event, in the same order. */
  readonly offsets: readonly string[];
  readonly manager: EntityManager;
  readonly topic: string;
  readonly partition: number;
  /**
   * Runs `work` once the run's transaction has committed (never for a run rolled back): metrics,
   * logs. It runs in the async context it was registered in: registered inside `asConsumed(e, …)`,
   * its log lines name that event's trace.
   */
  readonly afterCommit: (work: () => void) => void;
}

/**
 * Marks a method `(run: EventRun) => Promise<void>` as the batch handler of these event types:
 * runs of them are applied together, load → decide → save, with set-based SQL, instead of one
 * transaction per event. Events of the types are applied in the order they were published.
 */
export function EventBatch(...defs: Pick<EventDefinition, 'type' | 'version'>[]): MethodDecorator {
  // Nest registers one handler per pattern; the mark tells the consumer they are one method, so
  // a run may mix the types.
  return EventPattern(
    defs.map((d) => batchPatternOf(ceTypeOf(d))),
    { [BATCH_HANDLER]: Symbol(defs.map(ceTypeOf).join(',')) },
  );
}

const BATCH_HANDLER = 'omniBatchHandler';

/** Which batch-handling method a registered handler belongs to (the same for each of its types). */
export function batchHandlerOf(handler: { extras?: Record<string, unknown> } | null | undefined): symbol | null {
  return (handler?.extras?.[BATCH_HANDLER] as symbol | undefined) ?? null;
}

/**
 * Runs code written for one consumed event (it appends outbox rows with the current request
 * context) inside a batch run, as if that event had been consumed alone: its correlation id, it
 * as the cause, and its trace.
 */
export function asConsumed<T>(e: EventEnvelope, work: () => Promise<T>): Promise<T> {
  const traceparent = consumedTraces.getStore()?.get(e.id) ?? e.traceparent;
  return context.with(contextFromTraceparent(traceparent), () => requestContext.run({ correlationId: e.correlationId, causationId: e.id }, work));
}
