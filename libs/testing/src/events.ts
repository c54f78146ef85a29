import { envelopeFor, EventDefinition, toWireMessage, WireMessage } from '@omni/contracts';
import { randomUUID } from 'node:crypto';

/** A valid event as another service would publish it: a fresh id and correlation id, source /test. */
export function testEvent<P>(def: EventDefinition<P>, payload: P): WireMessage {
  return toWireMessage(envelopeFor(def, { id: randomUUID(), source: '/test', time: new Date(), correlationId: randomUUID(), payload }));
}
