import { LoggerService } from '@nestjs/common';
import { EventEnvelope } from '@omni/contracts';
import { failSpan, Metrics } from '@omni/platform';
import { Span } from '@opentelemetry/api';
import { Producer } from 'kafkajs';
import { backoffDelay, pause } from '../retry';
import { deadLetterFor } from './dead-letter';
import { isDatabaseUnavailable, PermanentEventError } from './errors';
import { KafkaEventServerOptions } from './kafka-event.types';

/** The longest wait between tries of an event while the database is out of reach: short, so the lag drains soon after it is back. */
const OUTAGE_RETRY_MAX_MS = 2000;

/**
 * How the consumer gives an event that failed more tries, and where it parks one that will not
 * apply (ADR 0002, 0006): `EventApplier` applies events through it, one at a time.
 */
export class EventRetrier {
  constructor(
    private readonly options: KafkaEventServerOptions,
    private readonly deadLetterProducer: Producer,
    /** Aborted when the service stops: an event failing then is left uncommitted for the next owner. */
    private readonly stopSignal: AbortSignal,
    private readonly logger: LoggerService,
    private readonly metrics?: Metrics,
  ) {}

  /**
   * Applies one event with retries and backoff; after the last attempt (or a permanent error),
   * dead-letters it. Failures because the database is out of reach (restarting, recovering) do
   * not count as attempts: the event is not at fault, so it waits with the partition, retried
   * every few seconds, until the database is back or the consumer stops.
   */
  async withRetries(
    span: Span,
    raw: Parameters<typeof deadLetterFor>[0],
    envelope: EventEnvelope,
    heartbeat: () => Promise<void>,
    apply: (attempt: number) => Promise<'applied' | 'duplicate'>,
  ): Promise<void> {
    const { topic } = raw;
    let outages = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await apply(attempt);
        this.metrics?.eventConsumed(topic, envelope.type, outcome);
        span.setAttributes({ 'omni.consume.outcome': outcome, 'omni.consume.attempts': attempt });
        return;
      } catch (e) {
        const err = e as Error;
        const permanent = err instanceof PermanentEventError;
        const outage = !permanent && isDatabaseUnavailable(err);
        if (outage) outages++;
        const ctx = { eventId: envelope.id, eventType: envelope.type, correlationId: envelope.correlationId, attempt };
        if (permanent || (!outage && attempt - outages >= this.options.maxAttempts) || this.stopSignal.aborted) {
          if (this.stopSignal.aborted && !permanent) throw err; // leave it uncommitted for the next owner
          const code = permanent ? (err as PermanentEventError).code : 'HANDLER.FAILED';
          this.metrics?.eventConsumed(topic, envelope.type, 'dead_lettered');
          failSpan(span, err);
          span.setAttributes({ 'omni.consume.outcome': 'dead_lettered', 'omni.consume.attempts': attempt, 'omni.dead_letter.reason': code });
          return await this.deadLetter(raw, { code, detail: err.message }, attempt, ctx);
        }
        this.metrics?.eventConsumed(topic, envelope.type, 'retried');
        span.addEvent('retry', { attempt, 'exception.message': err.message });
        this.logger.warn?.({ ...ctx, err: err.message }, 'event handler failed, retrying');
        await heartbeat();
        await pause(
          outage ? backoffDelay(outages, this.options.retryBaseMs, OUTAGE_RETRY_MAX_MS) : backoffDelay(attempt - outages, this.options.retryBaseMs, 30_000),
          this.stopSignal,
        );
      }
    }
  }

  /** Parks the message on its dead-letter topic (dead-letter.ts) with the reason, so it never blocks its partition. */
  async deadLetter(
    raw: Parameters<typeof deadLetterFor>[0],
    reason: { code: string; detail: string },
    attempts: number,
    ctx: Record<string, unknown> = {},
  ): Promise<void> {
    const dl = deadLetterFor(raw, reason, this.options.groupId, attempts);
    await this.deadLetterProducer.connect(); // shared with the relay, which may be on standby
    await this.deadLetterProducer.send({ topic: dl.topic, messages: dl.messages, acks: -1 });
    this.metrics?.deadLettered(raw.topic, reason.code);
    this.logger.warn?.(
      { ...ctx, topic: raw.topic, partition: raw.partition, offset: raw.offset, reason: reason.code, detail: reason.detail },
      'event dead-lettered',
    );
  }
}
