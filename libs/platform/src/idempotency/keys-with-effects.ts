import { SetMetadata } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { prepared } from '../sql';
import { IdempotencyKeyRef } from './key-in-flight';

export const KEY_TAKEN_WITH_EFFECTS = 'omni:idempotency-key-taken-with-effects';

/**
 * On a route whose every effect commits through the outbox (its transaction appends events): its
 * Idempotency-Key is not taken before the handler runs, with a commit of its own, but inserted in
 * the transaction of the request's effects, already committed (docs/api-edge.md, Idempotency;
 * ADR 0025). A retry of a request that took effect runs the handler, finds the key in that
 * transaction, rolls back and is answered as before: replayed, waited for, refused.
 */
export const KeyTakenWithEffects = (): MethodDecorator => SetMetadata(KEY_TAKEN_WITH_EFFECTS, true);

/** What a transaction's query runner notes: the keys it took, by identity. */
interface KeysTakenData {
  keysTaken?: Set<string>;
}

export const keyIdentity = (k: Pick<IdempotencyKeyRef, 'caller' | 'method' | 'route' | 'key'>): string => JSON.stringify([k.caller, k.method, k.route, k.key]);

/**
 * Takes the untaken keys of requests whose effects the transaction of `m` writes, in one
 * statement: each inserted committed, with its location, and with its answer when the request
 * decided it already (settleAnswer). Answers, per key, whether the
 * transaction holds it: true for a key taken before (by the interceptor, or earlier in this
 * transaction) and for none; false when another request has it — that request's effects must not
 * be written. A key another transaction is inserting waits for that transaction to end.
 */
export async function takeKeysWithEffects(m: EntityManager, keys: readonly (IdempotencyKeyRef | null)[]): Promise<boolean[]> {
  const runner = m.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('an Idempotency-Key is taken in the transaction of its effects');
  const data = runner.data as KeysTakenData;
  const taken = (data.keysTaken ??= new Set<string>());
  const asked = new Map<string, IdempotencyKeyRef>();
  for (const k of keys) if (k?.untaken && !taken.has(keyIdentity(k)) && !asked.has(keyIdentity(k))) asked.set(keyIdentity(k), k);
  const won = new Set<string>();
  if (asked.size > 0) {
    const k = [...asked.values()];
    const { rows } = await prepared<{ caller: string; method: string; route: string; key: string }>(
      m,
      'idempotency-take-with-effects',
      `INSERT INTO idempotency_keys (caller, method, route, key, request_hash, expires_at, committed_at, location, status_code, response_body, completed_at)
       SELECT c.caller, c.method, c.route, c.key, c.hash, now() + make_interval(hours => c.ttl), now(), c.location,
              c.status, c.body, CASE WHEN c.status IS NULL THEN NULL ELSE now() END
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::int[], $9::text[])
         AS c(caller, method, route, key, hash, ttl, location, status, body)
       ON CONFLICT DO NOTHING
       RETURNING caller, method, route, key`,
      [
        k.map((x) => x.caller),
        k.map((x) => x.method),
        k.map((x) => x.route),
        k.map((x) => x.key),
        k.map((x) => x.untaken!.hash),
        k.map((x) => x.untaken!.ttlHours),
        k.map((x) => x.location ?? null),
        k.map((x) => x.answer?.status ?? null),
        k.map((x) => x.answer?.body ?? null),
      ],
    );
    for (const r of rows) won.add(keyIdentity(r));
    for (const [id, ref] of asked) {
      if (!won.has(id)) continue;
      ref.takenByThisRequest = true;
      ref.answerKept = ref.answer !== undefined;
    }
    for (const id of won) taken.add(id);
  }
  // The first of two requests with one key in the same transaction takes it; the second does not.
  const seen = new Set<string>();
  return keys.map((k) => {
    if (!k?.untaken) return true;
    const id = keyIdentity(k);
    if (!taken.has(id)) return false;
    if (!won.has(id)) return true;
    const first = !seen.has(id);
    seen.add(id);
    return first;
  });
}

/** True when the transaction of `m` took this key with its effects. */
export function takenHere(m: EntityManager, key: IdempotencyKeyRef): boolean {
  return (m.queryRunner?.data as KeysTakenData | undefined)?.keysTaken?.has(keyIdentity(key)) ?? false;
}
