import { EventDefinition } from './define-event';

/** An event a decision produced, ready for the outbox. */
export interface PendingEvent<P = unknown> {
  readonly def: EventDefinition<P>;
  readonly payload: P;
}

export function event<P>(def: EventDefinition<P>, payload: P): PendingEvent<P> {
  return { def, payload };
}

/** Whether `e` is an event of `def`; if so, its payload is typed as that definition's, with no cast. */
export function isEvent<P>(e: PendingEvent, def: EventDefinition<P>): e is PendingEvent<P> {
  return e.def === def;
}

/** What a domain decision returns: the new state and the events it caused, or a named refusal. */
export type Decision<S, Code extends string = string> =
  { readonly ok: true; readonly state: S; readonly events: readonly PendingEvent[] } | { readonly ok: false; readonly code: Code; readonly detail?: string };

export function accept<S>(state: S, events: readonly PendingEvent[] = []): Decision<S, never> {
  return { ok: true, state, events };
}

export function refuse<Code extends string>(code: Code, detail?: string): Decision<never, Code> {
  return { ok: false, code, detail };
}
