import { envelopeFor, EventDefinition, toWireMessage } from '@omni/contracts';
import { requestContext, traceparentOf } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

/**
 * Appends events to the outbox inside the caller's transaction, so the state change and the
 * events it causes commit together or not at all. Only the relay talks to Kafka.
 * The envelope takes its correlation and causation ids from the current request or event, and
 * its `traceparent` from the current span: the relay's publish span continues that trace.
 */
export class OutboxWriter {
  constructor(private readonly source: string) {}

  async append<P>(manager: EntityManager, def: EventDefinition<P>, payload: P, now: Date = new Date()): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('outbox rows must be written inside the transaction of the state change');
    }
    const ctx = requestContext.currentOrNew();
    const envelope = envelopeFor(def, {
      id: randomUUID(),
      source: this.source,
      time: now,
      correlationId: ctx.correlationId,
      causationId: ctx.causationId,
      traceparent: traceparentOf(),
      payload,
    });
    const wire = toWireMessage(envelope);
    await manager.query(
      `INSERT INTO outbox (id, topic, message_key, event_type, headers, payload) VALUES ($1, $2, $3, $4, $5, $6)`,
      [envelope.id, def.topic, wire.key, envelope.type, JSON.stringify(wire.headers), wire.value],
    );
    return envelope.id;
  }
}
