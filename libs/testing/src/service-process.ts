import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eventually } from './eventually';

const REPO = path.resolve(__dirname, '../../..');

/**
 * The Node flags the services run with (ADR 0016, twenty-first and twenty-third rounds), read from
 * the file `npm start` and the benchmark read (scripts/lib/stack.mjs). docker/compose.yaml's
 * SERVICE_NODE_ARGS repeats them in its own format; tools/deploy/node-flags.spec.ts holds it to them.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = JSON.parse(readFileSync(path.join(REPO, 'scripts/lib/service-node-flags.json'), 'utf8'));

export type ServiceName = 'order' | 'inventory' | 'returns' | 'customer';

/** Ports this test file has handed out: a service spawned on one is not listening yet, so the OS may offer it again. */
const handedOut = new Set<number>();

/**
 * A port nothing listens on, never one this file handed out before: two services of one stack
 * given the same port had the second answer for the first (a 404 from inventory for POST /orders).
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await unusedPort();
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
}

function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A free port whose successor is free too (a Kafka broker's listener and its controller). */
export async function freePortPair(): Promise<number> {
  for (let tries = 0; tries < 50; tries++) {
    const port = await freePort();
    if (port < 65535 && (await isFree(port + 1))) return port;
  }
  throw new Error('no two consecutive free ports found');
}

/** What a one-shot run of a service's main.js (`main.js migrate`) ended with. */
export interface CommandResult {
  code: number | null;
  logs: string[];
}

/**
 * Runs a service's compiled main.js with `args` until it exits by itself (as a Kubernetes Job or a
 * compose one-shot does); fails when it is still running after `timeoutMs`.
 */
export function runServiceCommand(name: ServiceName, args: string[], env: Record<string, string>, timeoutMs = 30_000): Promise<CommandResult> {
  const main = path.join(REPO, 'dist/apps', name, 'src/main.js');
  const child = spawn(process.execPath, ['-r', path.join(REPO, 'scripts/register-paths.cjs'), main, ...args], {
    cwd: REPO,
    env: { ...process.env, ...env, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const keep = (d: Buffer) =>
    logs.push(
      ...d
        .toString()
        .split('\n')
        .filter((l) => l !== ''),
    );
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} ${args.join(' ')} still running after ${timeoutMs} ms\n${logs.slice(-15).join('\n')}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, logs });
    });
  });
}

/**
 * One service running as its own Node process from the compiled build, as in production: tests
 * can stop it gracefully, kill it with SIGKILL, and start it again on the same database.
 */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);
  private ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }> = Promise.resolve({ code: null, signal: null });
  readonly logs: string[] = [];
  private paused = false;

  constructor(
    readonly name: ServiceName,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  /** A second instance of this service on `port`: the same database and consumer group (not started). */
  twin(port: number): ServiceProcess {
    return new ServiceProcess(this.name, port, { ...this.env });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): this {
    const main = path.join(REPO, 'dist/apps', this.name, 'src/main.js');
    const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, '-r', path.join(REPO, 'scripts/register-paths.cjs'), main], {
      cwd: REPO,
      env: { ...process.env, ...this.env, PORT: String(this.port), NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // TEST_SERVICE_LOG_DIR keeps every line on disk too, for whoever investigates a failure.
    const file = process.env.TEST_SERVICE_LOG_DIR ? path.join(process.env.TEST_SERVICE_LOG_DIR, `${this.name}-${this.port}.log`) : null;
    if (file) mkdirSync(path.dirname(file), { recursive: true });
    const keep = (d: Buffer) => {
      if (file) appendFileSync(file, d);
      for (const line of d.toString().split('\n')) if (line) this.logs.push(line);
      if (this.logs.length > 5000) this.logs.splice(0, this.logs.length - 5000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.ended = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    this.exited = this.ended.then((e) => e.code);
    // The Jest global teardown (and the next run's setup) stop whatever a failed test leaves running.
    if (process.env.TEST_SERVICE_PID_FILE && child.pid) appendFileSync(process.env.TEST_SERVICE_PID_FILE, `${child.pid}\n`);
    this.child = child;
    return this;
  }

  async ready(timeoutMs = 60_000): Promise<void> {
    const exited = this.exited.then((code) => {
      throw new Error(`${this.name} exited with code ${code}`);
    });
    const ready = eventually(
      async () => {
        const res = await fetch(`${this.url}/health/ready`);
        if (res.status !== 200) throw new Error(`${this.name} not ready: ${res.status} ${await res.text()}`);
      },
      { timeoutMs, intervalMs: 200 },
    );
    await Promise.race([ready, exited]).catch((e: Error) => {
      throw new Error(`${e.message}\n--- last log lines of ${this.name} ---\n${this.logs.slice(-15).join('\n')}`);
    });
  }

  /** Graceful stop (SIGTERM), as Kubernetes does; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (!this.running) return null;
    this.resume();
    this.child!.kill('SIGTERM');
    return this.exited;
  }

  /** Stops (gracefully, or by SIGKILL when `crash`) and starts again on the same database and port, with `env` added. */
  async restart(env: Record<string, string> = {}, { crash = false } = {}): Promise<void> {
    if (crash) await this.kill();
    else await this.stop();
    Object.assign(this.env, env);
    this.start();
    await this.ready();
  }

  /** Waits until the process ends by itself (a failpoint, a crash), with its exit code or signal. */
  exit(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.ended;
  }

  /** Freezes the process (SIGSTOP): alive to the kernel, its connections open, doing nothing — a stalled service. */
  pause(): void {
    if (!this.running) return;
    this.child!.kill('SIGSTOP');
    this.paused = true;
  }

  /** Lets a paused process go on (SIGCONT). */
  resume(): void {
    if (!this.paused || !this.running) return;
    this.child!.kill('SIGCONT');
    this.paused = false;
  }

  /** A crash: no shutdown hooks, no flush, nothing committed that was not already. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child!.kill('SIGKILL');
    await this.exited;
  }
}
