// The recovery steps of the benchmark: a service, the broker or PostgreSQL killed under steady
// load, and how soon the system is whole again and its consumers have caught up.
import fs from 'node:fs';
import path from 'node:path';
import { serverProcessOf } from '../infra/postgres.mjs';
import { request } from './client.mjs';

/**
 * The faults of the recovery steps, each injected once under steady load. `inject` resolves when
 * the fault has ended (a killed service: at once, its supervisor starts it again after 1 s);
 * `back` says whether the system is whole again.
 */
export function recoveryFaults({ stack, kafkaPort, repo }) {
  return [
    { fault: 'inventory', what: 'inventory SIGKILLed (the supervisor starts it again after 1 s)', inject: () => killService(stack, 'inventory') },
    { fault: 'order', what: 'order SIGKILLed (the supervisor starts it again after 1 s)', inject: () => killService(stack, 'order') },
    { fault: 'broker', what: 'the broker SIGKILLed and started again', inject: () => killBroker({ kafkaPort, repo }) },
    { fault: 'postgres', what: 'PostgreSQL shut down at once (immediate mode) and started again', inject: () => restartPostgres(stack) },
  ];
}

/** The server started again by the postgres step, stopped with the stack. */
let restartedPostgres = null;

/** Stops the server the postgres step started again, if it did: with the stack. */
export async function stopRestartedPostgres() {
  await restartedPostgres?.stop();
}

async function killService(stack, service) {
  const pid = stack.pids()[service];
  process.kill(pid, 'SIGKILL');
  // Ready again means a new process: the killed one must not be taken for it.
  return { back: () => stack.pids()[service] && stack.pids()[service] !== pid };
}

async function killBroker({ kafkaPort, repo }) {
  const { isAlive, startKafka } = await import('../infra/kafka.mjs');
  const pid = Number(fs.readFileSync(path.join(repo, '.cache/kafka-data', String(kafkaPort), 'kafka.pid'), 'utf8'));
  process.kill(-pid, 'SIGKILL');
  while (isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
  // The killed broker's listening sockets can outlive its pid by a moment.
  for (const deadline = Date.now() + 30_000; ;) {
    try {
      await startKafka({ port: kafkaPort, controllerPort: kafkaPort + 1 });
      break;
    } catch (e) {
      if (!/already in use/.test(e.message) || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return { back: () => true };
}

/** Only a server this run started: SIGQUIT to the postmaster (no checkpoint; crash recovery at the next start). */
async function restartPostgres(stack) {
  const { ensurePostgres } = await import('../infra/postgres.mjs');
  const { isAlive } = await import('../infra/kafka.mjs');
  const server = await serverProcessOf(stack.pg.adminUrl);
  if (!stack.pg.embedded || server?.owner !== process.pid) return { skipped: 'a PostgreSQL server this run did not start is not its to restart' };
  process.kill(server.pid, 'SIGQUIT');
  while (isAlive(server.pid)) await new Promise((r) => setTimeout(r, 50));
  restartedPostgres = await ensurePostgres({ port: new URL(stack.pg.adminUrl).port, log: () => undefined });
  return { back: () => true };
}

/**
 * One fault under steady load: how long from its start until every service is ready again, how far
 * the consumer lag (every group, summed) climbs, and how long after that the lag is back where it
 * stood before (no higher than its highest in the seconds before). Placements the order service
 * cannot take meanwhile (dead, or its database down: 503) are not retried: they are counted.
 */
export async function recovery({ fault, rate, seconds, killAfterS, services, url, customers, storefront, snapshot, outcomes, lag, skuOf, placementStep }) {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const samples = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const at = performance.now();
      const total = await lag.total().catch(() => null);
      if (total !== null) samples.push([at, total]);
      await sleep(200);
    }
  })();
  const injector = (async () => {
    await sleep(killAfterS * 1000);
    const killedAt = performance.now();
    const { back, skipped } = await fault.inject();
    if (skipped) return { skipped };
    const ready = async (service) => (await request('GET', url(service, '/health/ready')).catch(() => ({ status: 0 }))).status === 200;
    for (;;) {
      if (back() && (await Promise.all(Object.keys(services).map(ready))).every(Boolean)) return { killedAt, readyAt: performance.now() };
      await sleep(50);
    }
  })();
  const placed = await placementStep({ rate, seconds, url, customers, storefront, snapshot, outcomes, lag, skuOf });
  const { killedAt, readyAt, skipped } = await injector;
  sampling = false;
  await sampler;
  if (skipped) return { fault: fault.fault, rate, skipped };
  // The step ended once the lag was gone (lag.quiet): the sampler may have stopped just before.
  samples.push([performance.now(), await lag.total()]);
  const before = samples.filter(([at]) => at < killedAt).map(([, n]) => n);
  const usual = Math.max(0, ...before);
  const peak = Math.max(0, ...samples.filter(([at]) => at >= killedAt).map(([, n]) => n));
  const drained = samples.find(([at, n]) => at >= readyAt && n <= usual);
  return {
    fault: fault.fault,
    rate,
    readyAfterMs: readyAt - killedAt,
    lagBefore: usual,
    lagPeak: peak,
    drainedAfterReadyMs: drained ? Math.max(0, drained[0] - readyAt) : null,
    failedRequests: placed.requests - placed.accepted - placed.shed,
    refusedRequests: placed.shed,
    confirmed: placed.confirmed,
    accepted: placed.accepted,
    unsettled: placed.unsettled,
    completionLatency: placed.completionLatency,
  };
}
