import { AsyncLocalStorage } from 'node:async_hooks';

/** The Idempotency-Key a request holds while its handler runs: who, which route, which key. */
export interface IdempotencyKeyRef {
  readonly caller: string;
  readonly method: string;
  readonly route: string;
  readonly key: string;
}

const inFlight = new AsyncLocalStorage<IdempotencyKeyRef>();

/** Runs a request's handler with its key known to what it writes (the outbox marks it committed). */
export function withIdempotencyKey<T>(key: IdempotencyKeyRef, work: () => T): T {
  return inFlight.run(key, work);
}

/** The key of the request being handled, if it came with one. */
export function currentIdempotencyKey(): IdempotencyKeyRef | null {
  return inFlight.getStore() ?? null;
}
