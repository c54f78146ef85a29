// Quiescence after a chaos run's load: waits until every service is ready, every outbox is empty,
// every consumer has caught up and every payment request is settled — or says what was left.
import { request } from '../bench/client.mjs';
import { SERVICE_NAMES } from './plan.mjs';
import { sleep } from './run-context.mjs';

/** Waits until every service answers ready; whether they all did by `deadline`. */
export async function allReady({ url }, deadline) {
  for (;;) {
    const states = await Promise.all(
      SERVICE_NAMES.map((s) =>
        request('GET', url(s, '/health/ready')).then(
          (r) => r.status,
          () => 0,
        ),
      ),
    );
    if (states.every((s) => s === 200)) return true;
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
}

/**
 * Waits until no payment request is left FAILED or unanswered: every order's captures and refunds
 * DONE, every return's refunds settled. Resolves with what was still open at the deadline.
 */
export async function waitPaymentsSettled({ call }, done, deadline) {
  for (;;) {
    const problems = [];
    for (const j of done) {
      for (const id of j.orderIds) {
        const o = (await call('GET', 'order', `/orders/${id}`)).body;
        for (const r of o?.payment?.requests ?? [])
          if (r.status !== 'DONE') problems.push(`order ${id}: ${r.kind} ${r.id} ${r.status}${r.reason ? ` (${r.reason})` : ''}`);
        if (o?.payment && (o.payment.captured !== o.payment.captureRequested || o.payment.refunded !== o.payment.refundRequested)) {
          problems.push(
            `order ${id}: captured ${o.payment.captured} of ${o.payment.captureRequested}, refunded ${o.payment.refunded} of ${o.payment.refundRequested}`,
          );
        }
      }
      if (j.returnId) {
        const r = (await call('GET', 'returns', `/returns/${j.returnId}`)).body;
        for (const f of r?.refunds ?? [])
          if (!f.settledAt)
            problems.push(`return ${j.returnId}: refund ${f.refundId} to ${f.tender} ${f.failedAt ? `failed (${f.failureReason})` : 'unanswered'}`);
      }
    }
    if (problems.length === 0 || Date.now() > deadline) return { problems };
    await sleep(1000);
  }
}

/**
 * Reads every service's /metrics with `read` (a number, null when unreadable) every `pollMs` until
 * each reads 0; at the deadline, says what each read last.
 */
async function waitAllZero({ url }, deadline, pollMs, read) {
  for (;;) {
    const seen = {};
    for (const s of SERVICE_NAMES) {
      const r = await request('GET', url(s, '/metrics')).catch(() => ({ status: 0, text: '' }));
      seen[s] = read(r);
    }
    if (Object.values(seen).every((n) => n === 0)) return { ok: true, detail: '' };
    if (Date.now() > deadline) return { ok: false, detail: JSON.stringify(seen) };
    await sleep(pollMs);
  }
}

/** Waits until every service's outbox is empty (outbox_backlog 0). */
export function waitOutboxes(ctx, deadline) {
  return waitAllZero(ctx, deadline, 250, (r) => {
    const m = /^outbox_backlog(?:\{[^}]*\})? (\d+)/m.exec(r.text);
    return m ? Number(m[1]) : null;
  });
}

/** Waits until no service's consumer group lags behind its topics (kafka_consumer_lag, summed). */
export function waitLag(ctx, deadline) {
  return waitAllZero(ctx, deadline, 500, (r) => {
    const rows = [...r.text.matchAll(/^kafka_consumer_lag\{[^}]*\} (\d+)/gm)];
    return r.status === 200 && rows.length > 0 ? rows.reduce((n, m) => n + Number(m[1]), 0) : null;
  });
}
