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
  /** How the request will answer what it creates, when it can say so before its effects commit (answerWithEffects). */
  answerOf?: { readonly status: number; readonly bodyOf: (created: never) => unknown };
  /** The answer, once what the request creates is decided (settleAnswer): inserted with the untaken key, in its effects' transaction. */
  answer?: { readonly status: number; readonly body: string | null };
  /** Set once a transaction of this request inserted its key with `answer`: no statement of its own keeps it after the commit. */
  answerKept?: boolean;
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

/**
 * Says, before the request's effects are written, how it answers what it creates: `status`, and
 * the body made from the created thing. A route that takes its key with its effects
 * (`@KeyTakenWithEffects`) then keeps that answer in the same transaction (ADR 0016), instead of
 * with a statement and a commit of its own after it. Call it only where nothing after the commit
 * changes the answer; the interceptor checks the body it sends against the one kept all the same,
 * and keeps the one sent when they differ. No-op without a key taken with the effects.
 */
export function answerWithEffects<T>(status: number, bodyOf: (created: T) => unknown): void {
  const key = inFlight.getStore();
  if (key?.untaken) key.answerOf = { status, bodyOf };
}

/** Decides the answer of the request of `key` from what it creates (see answerWithEffects); no-op when it did not say how. */
export function settleAnswer<T>(key: IdempotencyKeyRef | null, created: T): void {
  if (!key?.answerOf) return;
  const body = (key.answerOf.bodyOf as (c: T) => unknown)(created);
  key.answer = { status: key.answerOf.status, body: answerText(body) };
}

/** An answer's body as the key keeps it: JSON, or null for none. */
export const answerText = (body: unknown): string | null => (body === undefined ? null : JSON.stringify(body));

/** The key of the request being handled, if it came with one. */
export function currentIdempotencyKey(): IdempotencyKeyRef | null {
  return inFlight.getStore() ?? null;
}
