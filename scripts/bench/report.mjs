// How the benchmark prints its figures.
import fs from 'node:fs';
import path from 'node:path';

export const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : '–');

export function countBy(items, key) {
  const out = {};
  for (const it of items) out[key(it)] = (out[key(it)] ?? 0) + 1;
  return out;
}

/** The table of every step's figures against its target; with `json`, the figures written there too. */
export function report(results, { faults, services, overloadRate, json }) {
  const rows = [];
  const a = results.availability;
  if (a)
    rows.push([
      'availability',
      `${fmt(a.openLoop.answeredPerSecond)}/s at ${fmt(a.openLoop.rate)}/s offered, p99 ${fmt(a.openLoop.latency.p99, 1)} ms (most served: ${fmt(a.closedLoop.rate)}/s with ${a.closedLoop.callers} callers)`,
      '≥ 5,000/s, p99 < 20 ms',
    ]);
  if (results.sweep) {
    const best = results.sweep.filter((r) => r.sustained).at(-1);
    rows.push([
      'placement → reserved, highest sustained',
      best ? `${fmt(best.rate)} orders/s (p99 ${fmt(best.completionLatency.p99)} ms)` : 'none of the rates tried',
      '≥ 1,000 orders/s',
    ]);
    const at500 = results.sweep.find((r) => r.rate === 500);
    if (at500)
      rows.push([
        'placement → reserved at 500/s',
        `p50 ${fmt(at500.completionLatency.p50, 1)} ms, p99 ${fmt(at500.completionLatency.p99, 1)} ms`,
        'p99 < 100 ms',
      ]);
    const ref = best ?? results.sweep[0];
    if (ref) {
      rows.push([
        'CPU per order (at the highest sustained rate)',
        `${fmt(ref.systemCpuMsPerOrder, 2)} ms system, ${fmt(ref.totalCpuMsPerOrder, 2)} ms with the client: ${Object.entries(ref.cpuMsPerOrder)
          .sort((x, y) => y[1] - x[1])
          .map(([k, v]) => `${k} ${fmt(v, 2)}`)
          .join(', ')}`,
        '≤ 2 ms',
      ]);
      rows.push([
        'RSS per service (peak)',
        Object.entries(ref.rssMiB)
          .map(([k, v]) => `${k} ${v} MiB`)
          .join(', '),
        '< 200 MiB each',
      ]);
    }
  }
  const o = results.overload;
  if (o)
    rows.push([
      `overload (${overloadRate ? 'at --overload-rate' : 'twice the highest sustained'})`,
      `${fmt(o.rate)}/s offered: ${fmt(o.accepted / o.seconds)}/s accepted, ${fmt(o.shed / o.seconds)}/s shed (429/503); accepted HTTP p99 ${fmt(o.httpLatency.p99, 1)} ms, to confirmed p99 ${fmt(o.completionLatency.p99)} ms`,
      'shed early, keep the accepted fast',
    ]);
  const h = results.hotSku;
  if (h) rows.push(['hot SKU', `${fmt(h.rate)}/s offered: ${fmt(h.confirmedPerSecond)} confirmed/s, p99 ${fmt(h.completionLatency.p99)} ms`, '']);
  for (const k of (results.recovery ?? []).filter((r) => !r.skipped)) {
    rows.push([
      `${faults.find((f) => f.fault === k.fault).what.replace(/ \(.*\)$/, '')} at ${fmt(k.rate)} orders/s`,
      `ready ${fmt(k.readyAfterMs / 1000, 1)} s after it began; lag ${fmt(k.lagBefore)} → ${fmt(k.lagPeak)}, back ${k.drainedAfterReadyMs === null ? 'never in the step' : `${fmt(k.drainedAfterReadyMs / 1000, 1)} s after ready`}; ${k.unsettled} unsettled`,
      services[k.fault] ? 'ready < 5 s, lag drained < 30 s' : 'lag drained < 30 s',
    ]);
  }
  const r = results.reservationPath;
  if (r) rows.push(['reservation path alone', `${fmt(r.perSecond)} events/s`, '≥ 3,000/s']);
  const c = results.ceiling;
  if (c) {
    const best = results.highestSustained ?? 0;
    rows.push([
      'database ceiling (pgbench, minimum work per order)',
      `${fmt(c.ordersPerSecond)} orders/s; the system sustains ${fmt((100 * best) / c.ordersPerSecond, 1)} % of it`,
      '',
    ]);
  }
  console.log(`\n▶ results (${results.commit}, Node ${results.node}, PostgreSQL ${results.postgres?.server_version})\n`);
  console.log('| path | measured | target |\n| --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  if (json) {
    fs.writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nfigures written to ${json}`);
  }
}

export function printStep(r, log) {
  const cpu = Object.entries(r.cpuMsPerOrder)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${fmt(v, 2)}`)
    .join(', ');
  log(
    `  offered ${fmt(r.requests / r.seconds)}/s: ${r.accepted} accepted, ${r.shed} shed, ${r.confirmed} confirmed, ${r.rejected} rejected, ${r.unsettled} unsettled; ${fmt(r.confirmedPerSecond)} confirmed/s`,
  );
  if (r.preferWait !== null)
    log(`  Prefer: wait=${r.preferWait}: ${r.answeredDecided} of ${r.accepted} answered with their outcome, ${r.accepted - r.answeredDecided} with 202 PLACED`);
  log(
    `  HTTP p50 ${fmt(r.httpLatency.p50, 1)} ms, p99 ${fmt(r.httpLatency.p99, 1)} ms; placement → confirmed p50 ${fmt(r.completionLatency.p50, 1)} ms, p99 ${fmt(r.completionLatency.p99, 1)} ms${r.sustained ? ' (sustained)' : ' (NOT sustained)'}`,
  );
  log(
    `  CPU per order: system ${fmt(r.systemCpuMsPerOrder, 2)} ms (${cpu}); peak RSS ${Object.entries(r.rssMiB)
      .map(([k, v]) => `${k} ${v}${r.rssFileMiB?.[k] === undefined ? '' : ` (${r.rssFileMiB[k]} file-backed)`}`)
      .join(', ')} MiB`,
  );
  const requests = Object.entries(r.kafkaRequestsPerOrder ?? {});
  if (requests.length)
    log(
      `  Kafka requests per order: ${fmt(
        requests.reduce((sum, [, n]) => sum + n, 0),
        2,
      )} (${requests.map(([k, v]) => `${k} ${fmt(v, 2)}`).join(', ')}); the bench's outcome watcher ${fmt(r.watcherKafkaRequestsPerOrder, 2)}`,
    );
}

export function printRecovery(r, log) {
  log(
    `  ready again ${fmt(r.readyAfterMs / 1000, 1)} s after the fault began; consumer lag ${fmt(r.lagBefore)} before, ${fmt(r.lagPeak)} at most, back to ${fmt(r.lagBefore)} or less ${r.drainedAfterReadyMs === null ? 'NEVER in the step' : `${fmt(r.drainedAfterReadyMs / 1000, 1)} s after ready`}`,
  );
  log(
    `  ${r.accepted} accepted, ${r.confirmed} confirmed, ${r.unsettled} unsettled, ${r.refusedRequests} refused (429/503) and ${r.failedRequests} failed meanwhile (not retried); placement → confirmed p50 ${fmt(r.completionLatency.p50)} ms, p99 ${fmt(r.completionLatency.p99)} ms`,
  );
}

/** The commit the figures are of (without git: read from .git). */
export function gitCommit(repo) {
  try {
    return fs.readFileSync(path.join(repo, '.git/HEAD'), 'utf8').startsWith('ref:')
      ? fs
          .readFileSync(path.join(repo, '.git', fs.readFileSync(path.join(repo, '.git/HEAD'), 'utf8').slice(5).trim()), 'utf8')
          .trim()
          .slice(0, 12)
      : fs.readFileSync(path.join(repo, '.git/HEAD'), 'utf8').trim().slice(0, 12);
  } catch {
    return 'unknown';
  }
}
