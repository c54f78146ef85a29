// The calls a chaos run makes to the services: retried through faults with the same
// Idempotency-Key, and a change whose answer a fault lost followed up as a client would.
import { randomUUID } from 'node:crypto';
import { request } from '../bench/client.mjs';
import { sleep } from './run-context.mjs';

export const safeJson = (t) => {
  try {
    return JSON.parse(t);
  } catch {
    return t;
  }
};

export const answered = (what, res) => `${what} answered ${res.status}${res.body?.code ? ` ${res.body.code}` : ''}`;

/**
 * The calls to `stack`'s services, as `headers` (the admin) unless told otherwise; `stats` counts
 * the calls retried and the answers lost after their change was applied.
 */
export function httpClient({ stack, headers: admin }) {
  const stats = { retries: 0, answersLost: 0 };
  const url = (service, p) => `${stack.url(service)}${p}`;

  /**
   * A call that outlives faults: network errors, 5xx and 429/503 are retried with the same
   * Idempotency-Key (a mutating call is applied once however often it is sent) until `deadline`.
   */
  async function call(method, service, p, body, { key = method === 'GET' ? undefined : randomUUID(), deadline = Date.now() + 60_000, headers = admin } = {}) {
    for (let attempt = 1; ; attempt++) {
      let res;
      try {
        res = await request(method, url(service, p), { body, headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) } });
      } catch (e) {
        res = { status: 0, text: e.message };
      }
      const transient = res.status === 0 || res.status >= 500 || res.status === 429 || (res.status === 409 && /IDEMPOTENCY.IN_PROGRESS/.test(res.text));
      if (!transient || Date.now() > deadline) return { status: res.status, body: res.text ? safeJson(res.text) : null, attempts: attempt };
      stats.retries++;
      await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 5)));
    }
  }

  /**
   * A change the service applied: answered 2xx, or 409 IDEMPOTENCY.ANSWER_LOST — applied, its answer
   * lost when a fault cut the service off after its commit; a client then reads the state (docs/api-edge.md).
   */
  function applied(res) {
    if (res.status === 409 && res.body?.code === 'IDEMPOTENCY.ANSWER_LOST') {
      stats.answersLost++;
      return true;
    }
    return res.status < 300;
  }

  /**
   * Creates something (an order, incoming supply): a creation applied and its answer lost in a fault
   * (409 IDEMPOTENCY.ANSWER_LOST) names what it made (`location`), and is read there, as a client
   * that lost the answer would.
   */
  async function create(as, service, p, body, key, deadline) {
    const made = await as('POST', service, p, body, { key, deadline });
    if (made.status !== 409 || made.body?.code !== 'IDEMPOTENCY.ANSWER_LOST' || !made.body.location) return made;
    stats.answersLost++;
    const read = await as('GET', service, made.body.location, undefined, { deadline });
    return read.status === 200 ? { status: 201, body: read.body } : made;
  }
  const place = (as, body, key, deadline) => create(as, 'order', '/orders', body, key, deadline);

  async function waitStatus(as, orderId, wanted, deadline) {
    for (;;) {
      const r = await as('GET', 'order', `/orders/${orderId}`, undefined, { deadline });
      if (r.status === 200 && wanted.includes(r.body.status)) return r.body;
      if (Date.now() > deadline) return r.status === 200 ? r.body : null;
      await sleep(250);
    }
  }

  return { stats, url, call, applied, create, place, waitStatus };
}
