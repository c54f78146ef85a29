// The benchmark's load generator: a keep-alive node:http client (fetch costs ~250 µs of CPU per
// request, node:http ~50 µs) and an open-loop driver. Open loop: request i is due at t0 + i/rate
// whatever happened to the earlier ones, and its latency is measured from that due time, so a
// stalled server shows as latency instead of silently lowering the offered rate (no coordinated
// omission).
import http from 'node:http';

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 512, maxFreeSockets: 512, scheduling: 'fifo' });

/**
 * One request; resolves with the status and the raw body text (parse only when needed). `agent:
 * false` sends it on a connection of its own; with `timeoutMs`, no answer by then rejects (code TIMEOUT).
 */
export function request(method, url, { body, headers = {}, agent = keepAlive, timeoutMs } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: payload === undefined ? headers : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString(), headers: res.headers }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (timeoutMs) req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error(`no answer in ${timeoutMs} ms`), { code: 'TIMEOUT' })));
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/**
 * Sends `rate` requests a second for `seconds`, each at its due time, and waits for all answers.
 * `send(i)` returns a promise of any result object; each result gets `due` and `answered` (ms,
 * performance.now()) and `error` when the request failed.
 */
export async function openLoop({ rate, seconds, send }) {
  const total = Math.max(1, Math.round(rate * seconds));
  const t0 = performance.now() + 20;
  const dueOf = (i) => t0 + (i * 1000) / rate;
  const results = new Array(total);
  const pending = [];
  let i = 0;
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (i < total && dueOf(i) <= now) {
        const index = i++;
        const due = dueOf(index);
        pending.push(
          send(index).then(
            (r) => (results[index] = { ...r, due, answered: performance.now() }),
            (e) => (results[index] = { error: e.message, due, answered: performance.now() }),
          ),
        );
      }
      if (i < total) setTimeout(tick, Math.max(0, dueOf(i) - performance.now()));
      else resolve();
    };
    tick();
  });
  const lastDue = dueOf(total - 1);
  await Promise.all(pending);
  return { results, startedAt: t0, lastDue };
}

/** `concurrency` callers each sending as soon as its previous answer came, for `seconds`. */
export async function closedLoop({ concurrency, seconds, send }) {
  const results = [];
  const end = performance.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const due = performance.now();
        const index = n++;
        try {
          results.push({ ...(await send(index)), due, answered: performance.now() });
        } catch (e) {
          results.push({ error: e.message, due, answered: performance.now() });
        }
      }
    }),
  );
  return results;
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** p50/p90/p99/max of a list of milliseconds. */
export function latency(ms) {
  const s = Float64Array.from(ms).sort();
  return { n: s.length, p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: s.length ? s[s.length - 1] : NaN };
}
