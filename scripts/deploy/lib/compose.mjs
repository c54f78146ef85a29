// docker/compose.yaml brought up under its own project name, on free host ports and the images
// built here, then checked: every one-shot container exited 0 and every service answers ready.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { REPO } from '../../lib/setup.mjs';
import { docker } from './engine.mjs';
import { LOG_DIR, run, waitFor } from './proc.mjs';

export const PROJECT = 'omni-backbone-deploytest';
const COMPOSE_FILE = path.join(REPO, 'docker/compose.yaml');
const ONE_SHOTS = ['kafka-topics', 'order-migrate', 'inventory-migrate', 'returns-migrate', 'customer-migrate'];

/** A port nothing listens on now (the host may run its own PostgreSQL, or another stack on 3001-3004). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The environment compose runs with: the images built here, free host ports, the dev public key
 * (the demo's tokens are signed with its private half) and a fresh erasure key.
 */
export async function composeEnvironment({ images, publicKey }) {
  const ports = {};
  for (const name of ['POSTGRES', 'KAFKA', 'ORDER', 'INVENTORY', 'RETURNS', 'CUSTOMER']) ports[name] = await freePort();
  const env = {
    ...process.env,
    POSTGRES_IMAGE: images.postgres,
    KAFKA_IMAGE: images.kafka,
    NODE_IMAGE: images.node,
    AUTH_PUBLIC_KEY: publicKey,
    ERASURE_HASH_KEY: randomBytes(32).toString('hex'),
    ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [`${name}_HOST_PORT`, String(port)])),
  };
  const services = { order: ports.ORDER, inventory: ports.INVENTORY, returns: ports.RETURNS, customer: ports.CUSTOMER };
  return { env, services, brokers: `127.0.0.1:${ports.KAFKA}` };
}

/** docker-compose (1.x, the one Debian ships) or, without it, the `docker compose` plugin. */
function compose(args, env, options = {}) {
  const base = ['-p', PROJECT, '-f', COMPOSE_FILE, ...args];
  const [cmd, cmdArgs] = fs.existsSync('/usr/bin/docker-compose') ? ['docker-compose', base] : ['docker', ['compose', ...base]];
  return run(cmd, cmdArgs, { cwd: REPO, env, logFile: path.join(LOG_DIR, 'compose.log'), ...options });
}

export const composeUp = (env) => compose(['up', '-d', '--no-build'], env).then(() => 'ok');
/** Stops some services of the project (their containers stay, stopped; `down -v` removes them). */
export const composeStop = (env, services) => compose(['stop', ...services], env).then(() => 'ok');
export const composeDown = (env) => compose(['down', '-v', '--remove-orphans'], env).then(() => 'ok');

/** The project's containers: compose service name, state, exit code. */
async function containers() {
  const ids = (await docker(['ps', '-aq', '--filter', `label=com.docker.compose.project=${PROJECT}`])).split('\n').filter(Boolean);
  if (ids.length === 0) return [];
  const format = '{{ index .Config.Labels "com.docker.compose.service" }} {{.State.Status}} {{.State.ExitCode}}';
  const out = await docker(['inspect', '--format', format, ...ids]);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [service, status, exitCode] = line.split(' ');
      return { service, status, exitCode: Number(exitCode) };
    });
}

async function answersReady(port) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Polls until the one-shots exited 0 and the four services are ready; fails at once on a failed one-shot. */
export async function waitForStack(services, timeoutMs = 300_000) {
  await waitFor(
    'the one-shot containers to exit 0 and the services to be ready',
    async () => {
      const states = await containers();
      const failed = states.filter((c) => ONE_SHOTS.includes(c.service) && c.status === 'exited' && c.exitCode !== 0);
      if (failed.length > 0) throw new Error(`one-shot container failed: ${failed.map((c) => `${c.service} (exit ${c.exitCode})`).join(', ')}`);
      const finished = ONE_SHOTS.every((name) => states.some((c) => c.service === name && c.status === 'exited' && c.exitCode === 0));
      const ready = await Promise.all(Object.values(services).map(answersReady));
      return finished && ready.every(Boolean);
    },
    { timeoutMs },
  );
  const states = await containers();
  return `${states.filter((c) => c.status === 'running').length} running, ${states.filter((c) => c.status === 'exited').length} one-shots exited 0`;
}

/** Every container's state and the last lines of its log, for a failure report. */
export async function containerReport(env) {
  const states = await containers().catch(() => []);
  const lines = states.map((c) => `  ${c.service}: ${c.status}${c.status === 'exited' ? ` (exit ${c.exitCode})` : ''}`);
  const logs = await compose(['logs', '--no-color', '--tail=60'], env, { capture: true }).catch((e) => e.message);
  return `containers:\n${lines.join('\n')}\n--- container logs (last 60 lines each) ---\n${logs}`;
}
