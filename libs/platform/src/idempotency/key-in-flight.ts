import { AsyncLocalStorage } from 'node:async_hooks';

/** The Idempotency-Key a request holds while its handler runs: who, which route, which key. */
export interface IdempotencyKeyRef {
  readonly caller: string;
  readonly method: string;
  readonly route: string;
  readonly key: string;
  /** The path of what the request creates, once it is known (noteCreated): kept with the key when it commits. */
  location?: string;
  /**
   * Set while the key is not taken yet (a route that takes it with its effects, `@KeyTakenWithEffects`):
   * the transaction of the request's effects inserts it, committed (`takeKeysWithEffects`).
   */
  readonly untaken?: { readonly hash: string; readonly ttlHours: number };
  /** Set once a transaction of this request inserted its untaken key: a row of that key may be its own. */
  takenByThisRequest?: boolean;
}

/**
 * Thrown by the transaction of a request's effects when another request holds its key (or has
 * answered it): the transaction rolls back, and the interceptor answers as for a key found taken.
 */
export class RequestKeyTaken extends Error {
  constructor() {
    super('another request took this Idempotency-Key');
  }
}

const inFlight = new AsyncLocalStorage<IdempotencyKeyRef>();

/** Runs a request's handler with its key known to what it writes (the outbox marks it committed). */
export function withIdempotencyKey<T>(key: IdempotencyKeyRef, work: () => T): T {
  return inFlight.run(key, work);
}

/**
 * Notes the path of the resource the current request creates (e.g. `/orders/<id>`), before the
 * transaction that writes it: the key is marked committed with it, and a retry whose answer was
 * lost (409 IDEMPOTENCY.ANSWER_LOST) is told where to read the outcome. No-op without a key.
 */
export function noteCreated(location: string): void {
  const key = inFlight.getStore();
  if (key) key.location = location;
}

/** The key of the request being handled, if it came with one. */
export function currentIdempotencyKey(): IdempotencyKeyRef | null {
  return inFlight.getStore() ?? null;
}
