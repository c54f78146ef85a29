import { eventually, http as httpWith } from '@omni/testing';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * README's first command, as a newcomer runs it: `npm start` in a fresh copy of the repository,
 * with no node_modules and no .cache. It must install everything, run every demo journey, supervise
 * the services, keep the stand-ins answering, and leave nothing behind when it stops — whatever
 * died on the way. Runs on the machine's own ports (3001-3004, Kafka 19092/19093, PostgreSQL 54329),
 * as a newcomer's `npm start` would.
 */
const REPO = path.resolve(__dirname, '../..');
const PORTS = [3000, 3001, 3002, 3003, 3004, 19092, 19093, 54329];
const DEMO_JOURNEYS = [
  'demo: click & collect',
  'demo: buy online, exchange in another store',
  'demo: ship-to-store',
  'demo: endless aisle',
  'demo: preorder with store pickup',
  'demo: preorder for home delivery',
  'demo: a cart started in the app',
  'demo: an order for more than anyone has is rejected',
  'demo: bad input gets a problem',
  "demo: the customer's timeline",
];

/** A new folder holding the repository's files as they are on disk: what a clone would have, nothing it would not. */
function freshCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omni-first-run-'));
  // mkdtemp makes it private (700); a clone is not, and as root the embedded PostgreSQL runs as another OS user.
  fs.chmodSync(dir, 0o755);
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: REPO, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const f of files) {
    if (!fs.existsSync(path.join(REPO, f))) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(REPO, f), path.join(dir, f));
  }
  return dir;
}

/**
 * The environment of a newcomer's shell. Where the machine's own Node is older than 24 (the case
 * npm test itself started from), PATH leads to it, so `npm start` has to bring Node 24 itself.
 */
function newcomerEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env))
    if (k.startsWith('OMNI_') || k.startsWith('TEST_') || k.startsWith('JEST') || k === 'DATABASE_URL' || k === 'KAFKA_BROKERS' || k.startsWith('AUTH_'))
      delete env[k];
  const fetched = path.dirname(process.execPath);
  if (fetched.includes(`${path.sep}omni-backbone${path.sep}node${path.sep}`))
    env.PATH = (env.PATH ?? '')
      .split(path.delimiter)
      .filter((p) => p !== fetched)
      .join(path.delimiter);
  return { ...env, NODE_ENV: 'development', CI: 'true' };
}

class NpmStart {
  readonly child: ChildProcess;
  output = '';
  readonly logFile: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(dir: string, args: string[]) {
    this.child = spawn('npm', ['start', ...(args.length ? ['--', ...args] : [])], { cwd: dir, env: newcomerEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    // Also on disk while it runs, for whoever investigates a failure (the copy is removed afterwards).
    this.logFile = path.join(os.tmpdir(), `omni-first-run-${this.child.pid}.log`);
    const keep = (d: Buffer) => {
      this.output += d.toString();
      fs.appendFileSync(this.logFile, d);
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Waits until npm start prints `text`; fails at once when it exits first. */
  async printed(text: string | RegExp, timeoutMs: number): Promise<RegExpMatchArray | string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = typeof text === 'string' ? (this.output.includes(text) ? text : null) : this.output.match(text);
      if (m) return m;
      const tail = this.output.split('\n').slice(-25).join('\n');
      if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`npm start exited without printing ${text}:\n${tail}`);
      if (Date.now() > deadline) throw new Error(`npm start has not printed ${text} within ${timeoutMs / 1000} s:\n${tail}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** After a failed assertion: SIGTERM as a user would, then SIGKILL to whatever is left of this copy. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = new Promise((r) => setTimeout(r, 60_000, 'timeout'));
    if ((await Promise.race([this.exited, timer])) === 'timeout') this.child.kill('SIGKILL');
  }

  /** The pids npm start reported for its services, PostgreSQL and Kafka of this copy. */
  pidsOf(dir: string): number[] {
    const services = [...this.output.matchAll(/\(pid (\d+)[;)]/g)].map((m) => Number(m[1]));
    const files = [path.join(dir, '.cache/kafka-data/19092/kafka.pid'), path.join(dir, '.cache/pg-data/54329/postmaster.pid')];
    const infra = files.filter((f) => fs.existsSync(f)).map((f) => Number(fs.readFileSync(f, 'utf8').split('\n')[0]));
    return [...services, ...infra];
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

/** Processes whose command line or working directory is inside `dir`. */
function processesIn(dir: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      const cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      if ((cmd.includes(dir) || cwd.startsWith(dir)) && alive(Number(pid))) found.push(`${pid}: ${cmd.slice(0, 200)}`);
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

async function expectNothingLeft(dir: string, pids: number[]): Promise<void> {
  await eventually(
    async () => {
      expect(pids.filter(alive)).toEqual([]);
      const open: number[] = [];
      for (const port of PORTS) if (await listening(port)) open.push(port);
      expect(open).toEqual([]);
      expect(processesIn(dir)).toEqual([]);
    },
    { timeoutMs: 20_000, intervalMs: 250 },
  );
}

/** A call with a token of the copy's own dev key (its services trust that one, not the test run's). */
const http = (method: string, url: string, body: unknown, token: string | null) => httpWith(method, url, body, {}, { token });

describe('npm start on a fresh copy of the repository', () => {
  let dir: string;

  beforeAll(async () => {
    for (const port of PORTS) if (await listening(port)) throw new Error(`port ${port} is in use: stop what runs there (another npm start?) before this test`);
    dir = freshCopy();
  });

  afterAll(() => {
    // Whatever a failed assertion left behind; then the copy itself.
    for (const p of processesIn(dir)) process.kill(Number(p.split(':')[0]), 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'installs everything, runs every demo journey, exits 0 and leaves no process behind (npm start -- --exit-after-demo)',
    async () => {
      expect(fs.existsSync(path.join(dir, 'node_modules'))).toBe(false);
      expect(fs.existsSync(path.join(dir, '.cache'))).toBe(false);
      const run = new NpmStart(dir, ['--exit-after-demo']);
      const { code } = await run.exited;
      if (code !== 0) throw new Error(`npm start exited ${code}:\n${run.output.split('\n').slice(-40).join('\n')}`);
      expect(run.output).toContain('installing npm packages');
      for (const journey of DEMO_JOURNEYS) expect(run.output).toContain(journey);
      expect(run.output).toContain('✔ demo: every journey completed');
      // The storefront's answers: the outcome waited for in the placing request, and the price list's authority.
      expect(run.output).toMatch(/web order \S+, placed with Prefer: wait=10 → HTTP 201 RESERVED/);
      expect(run.output).toMatch(/app order \S+, placed with Prefer: wait=10 → HTTP 201 REJECTED \(STOCK.INSUFFICIENT\)/);
      expect(run.output).toContain('at a price of its own: HTTP 422 PRICE.MISMATCH');
      expect(run.output).not.toContain('TimeoutNegativeWarning');
      await expectNothingLeft(dir, run.pidsOf(dir));
      // A healthy start logs nothing at error level: expected start-up retries are info or debug.
      for (const service of ['order', 'inventory', 'returns', 'customer']) {
        const lines = fs
          .readFileSync(path.join(dir, '.cache/logs', `${service}.log`), 'utf8')
          .split('\n')
          .filter(Boolean);
        const errors = lines.filter((l) => l.startsWith('{') && JSON.parse(l).level >= 50);
        expect({ service, errors }).toEqual({ service, errors: [] });
      }
    },
    15 * 60_000,
  );

  it(
    'keeps the stand-ins answering, restarts a killed service ready within 5 s, and stops everything on SIGTERM',
    async () => {
      const run = new NpmStart(dir, []);
      try {
        await run.printed('Press Ctrl-C to stop everything', 5 * 60_000);
        const token = execFileSync(process.execPath, ['scripts/tools/mint-token.mjs', '--sub', 'by-hand', '--scope', 'admin'], {
          cwd: dir,
          encoding: 'utf8',
        }).trim();

        // An order placed by hand after the demo is paid: the stand-in payment system still answers
        // (a delivery asks for its capture when it ships).
        const store = 'BY-HAND';
        const sku = `SKU-BY-HAND-${Date.now()}`;
        await http(
          'PUT',
          `http://127.0.0.1:3002/locations/${store}`,
          { name: 'By hand', kind: 'store', timeZone: 'Europe/Paris', offersPickup: true, pickTimeMinutes: 60, pickupHoldDays: 3, transferDays: 2 },
          token,
        );
        await http('POST', `http://127.0.0.1:3002/locations/${store}/stock/${sku}/adjustments`, { reason: 'receipt', quantity: 2 }, token);
        const address = { name: 'Ada Martin', line1: '3 rue Oberkampf', postcode: '75011', city: 'Paris', country: 'FR' };
        const placed = await http(
          'POST',
          'http://127.0.0.1:3001/orders',
          { channel: 'web', currency: 'EUR', fulfilments: [{ type: 'delivery', address, lines: [{ sku, quantity: 1, unitPrice: 1200 }] }] },
          token,
        );
        expect(placed.status).toBe(201);
        const order = `http://127.0.0.1:3001/orders/${placed.body.id}`;
        const group = await eventually(async () => {
          const g = (await http('GET', order, undefined, token)).body.fulfilments[0];
          expect(g).toMatchObject({ status: 'RESERVED', storeId: store });
          return g;
        });
        const at = `http://127.0.0.1:3001/stores/${store}/orders/${group.fulfilmentId}`;
        expect((await http('POST', `${at}/picking`, {}, token)).status).toBeLessThan(300);
        expect(
          (
            await http(
              'POST',
              `${at}/picks`,
              { lines: group.lines.map((l: { lineId: string; quantity: number }) => ({ lineId: l.lineId, pickedQuantity: l.quantity })) },
              token,
            )
          ).status,
        ).toBeLessThan(300);
        expect((await http('POST', `${at}/ship`, { carrier: 'Colissimo', trackingNumber: 'BYHAND1' }, token)).status).toBeLessThan(300);
        await eventually(async () => expect((await http('GET', order, undefined, token)).body.payment).toMatchObject({ captured: 1200 }), {
          timeoutMs: 30_000,
        });

        // The store console answers on :3000: its page, its script compiled, a sign-in, the services behind it.
        expect(run.output).toMatch(/store console: http:\/\/127\.0\.0\.1:3000 \(sign in as store PARIS-/);
        const page = await fetch('http://127.0.0.1:3000/');
        expect([page.status, (await page.text()).includes('<title>Store console</title>')]).toEqual([200, true]);
        const script = await fetch('http://127.0.0.1:3000/app.js');
        expect([script.status, (await script.text()).includes("from './counter.js'")]).toEqual([200, true]);
        const shared = await fetch('http://127.0.0.1:3000/shared.js');
        expect([shared.status, (await shared.text()).includes("from 'openapi-fetch'")]).toEqual([200, true]);
        const session = await http('POST', 'http://127.0.0.1:3000/session', { storeId: store, associateId: 'a-1' }, null);
        expect(session.status).toBe(200);
        const pickList = await http('GET', `http://127.0.0.1:3000/api/order/stores/${store}/pick-list`, undefined, session.body.token);
        expect([pickList.status, pickList.body.storeId]).toEqual([200, store]);

        // A service killed outright is started again, and ready within 5 s of its new process starting.
        const inventory = Number((run.output.match(/inventory +http:\/\/127\.0\.0\.1:3002 +\(pid (\d+)/) ?? [])[1]);
        expect(alive(inventory)).toBe(true);
        process.kill(inventory, 'SIGKILL');
        const restarted = (await run.printed(/✔ inventory restarted \(pid (\d+)\) and ready in ([\d.]+) s/, 60_000)) as RegExpMatchArray;
        expect(run.output).toMatch(/✘ inventory exited \(SIGKILL\)/);
        expect(Number(restarted[2])).toBeLessThan(5);
        expect(Number(restarted[1])).not.toBe(inventory);
        expect((await fetch('http://127.0.0.1:3002/health/ready')).status).toBe(200);

        const pids = [...run.pidsOf(dir), Number(restarted[1])];
        run.child.kill('SIGTERM');
        const { code } = await run.exited;
        expect(code).toBe(0);
        expect(run.output).toContain('stopped');
        await expectNothingLeft(dir, pids);
      } finally {
        await run.stop();
      }
    },
    10 * 60_000,
  );

  it(
    'stops everything when SIGINT arrives while it is still starting',
    async () => {
      const run = new NpmStart(dir, []);
      try {
        await run.printed('starting the services', 5 * 60_000);
        run.child.kill('SIGINT');
        const { code } = await run.exited;
        expect(code).toBe(0);
        await expectNothingLeft(dir, run.pidsOf(dir));
      } finally {
        await run.stop();
      }
    },
    10 * 60_000,
  );
});
