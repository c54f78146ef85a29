import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so the same body hashes the same whatever order a client wrote it in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What "the same request" means for a key: the same query and the same body. */
export function requestHash(query: unknown, body: unknown): string {
  return createHash('sha256')
    .update(canonicalJson({ query: query ?? {}, body: body ?? null }))
    .digest('hex');
}

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;
