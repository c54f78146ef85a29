// The availability step: a closed loop of callers as fast as answered (the most it serves), then
// an open loop at a fixed rate (latency at that rate, measured from each check's due time).
import os from 'node:os';
import { closedLoop, latency, openLoop, request } from './client.mjs';
import { cpuBetween } from './processes.mjs';
import { countBy, fmt } from './report.mjs';

export async function availability({ url, storefront, snapshot, callers, seconds, rate, checkOf, step, log }) {
  const check = (i) => request('GET', url('inventory', checkOf(i)), { headers: storefront });
  step(`availability: ${callers} callers as fast as answered, for ${seconds} s`);
  await closedLoop({ concurrency: callers, seconds: 1, send: check }); // warm-up
  let before = snapshot();
  const closed = await closedLoop({ concurrency: callers, seconds, send: check });
  const closedCpu = cpuBetween(before, snapshot());
  const closedOk = closed.filter((r) => r.status === 200);
  const most = {
    rate: closedOk.length / seconds,
    errors: closed.length - closedOk.length,
    latency: latency(closedOk.map((r) => r.answered - r.due)),
    cpuUsPerCheck: (closedCpu.inventory * 1000) / Math.max(1, closedOk.length),
  };
  log(
    `  most served: ${fmt(most.rate)} checks/s; p50 ${fmt(most.latency.p50, 1)} ms, p99 ${fmt(most.latency.p99, 1)} ms; inventory ${fmt(most.cpuUsPerCheck)} µs CPU per check; ${most.errors} errors`,
  );
  step(`availability: open loop at ${fmt(rate)} checks/s for ${seconds} s`);
  before = snapshot();
  const open = await openLoop({ rate, seconds, send: check });
  const openCpu = cpuBetween(before, snapshot());
  const openOk = open.results.filter((r) => r.status === 200);
  const at = {
    rate,
    answeredPerSecond: openOk.length / ((Math.max(...open.results.map((r) => r.answered)) - open.startedAt) / 1000),
    errors: open.results.length - openOk.length,
    statuses: countBy(open.results, (r) => r.status ?? r.error),
    latency: latency(open.results.map((r) => r.answered - r.due)),
    cpuUsPerCheck: (openCpu.inventory * 1000) / Math.max(1, openOk.length),
    clientUsPerCheck: (openCpu['bench client'] * 1000) / Math.max(1, openOk.length),
    // Every process's CPU per answered check, and how busy the two cores were (1 = both fully).
    cpuUsPerCheckByProcess: Object.fromEntries(Object.entries(openCpu).map(([name, ms]) => [name, (ms * 1000) / Math.max(1, openOk.length)])),
    machineBusy: Object.values(openCpu).reduce((a, b) => a + b, 0) / (seconds * 1000 * os.availableParallelism()),
  };
  log(
    `  ${fmt(at.answeredPerSecond)} checks/s answered; p50 ${fmt(at.latency.p50, 1)} ms, p99 ${fmt(at.latency.p99, 1)} ms, max ${fmt(at.latency.max, 1)} ms; inventory ${fmt(at.cpuUsPerCheck)} µs, client ${fmt(at.clientUsPerCheck)} µs CPU per check; ${at.errors} not 200`,
  );
  const byProcess = Object.entries(at.cpuUsPerCheckByProcess).sort((a, b) => b[1] - a[1]);
  log(
    `  CPU per check, every process: ${byProcess.map(([name, us]) => `${name} ${fmt(us)}`).join(', ')}; total ${fmt(byProcess.reduce((a, [, us]) => a + us, 0))} µs; the cores ${fmt(at.machineBusy * 100)} % busy`,
  );
  return { closedLoop: { callers: callers, ...most }, openLoop: at };
}
