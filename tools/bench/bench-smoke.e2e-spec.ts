import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scriptEnv } from './script-env';

/**
 * The benchmark must never break: a short run (`npm run bench -- --quick`) on its own ports, with
 * every phase. Figures are not asserted (a test is not a benchmark); that each phase ran and
 * produced its figures is.
 */
const REPO = path.resolve(__dirname, '../..');

it(
  'npm run bench -- --quick runs every phase and writes its figures',
  async () => {
    const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'omni-bench-')), 'figures.json');
    const child = spawn(process.execPath, ['scripts/bench.mjs', '--quick', '--json', json], { cwd: REPO, env: scriptEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`the benchmark exited ${code}:\n${output.split('\n').slice(-40).join('\n')}`);
    const figures = JSON.parse(fs.readFileSync(json, 'utf8'));
    // The server settings the figures depend on, printed and kept with them.
    expect(figures.postgres).toEqual(expect.objectContaining({ fsync: expect.stringMatching(/^(on|off)$/), autovacuum: expect.stringMatching(/^(on|off)$/) }));
    expect(output).toMatch(/fsync (on|off), synchronous_commit \S+, autovacuum (on|off)/);
    expect(figures.availability.openLoop.answeredPerSecond).toBeGreaterThan(0);
    expect(figures.sweep.length).toBeGreaterThan(0);
    expect(figures.sweep[0].confirmed).toBeGreaterThan(0);
    expect(figures.sweep[0].cpuMsPerOrder.order).toBeGreaterThan(0);
    // Each service's peak RSS in the step, and the part of it its mapped files (the node binary) hold.
    for (const name of ['order', 'inventory', 'returns', 'customer']) {
      expect(figures.sweep[0].rssFileMiB[name]).toBeGreaterThan(0);
      expect(figures.sweep[0].rssMiB[name]).toBeGreaterThan(figures.sweep[0].rssFileMiB[name]);
    }
    // Every confirmed order was fetched by inventory and its answer published: both counted per order.
    expect(figures.sweep[0].kafkaRequestsPerOrder['consumer Fetch']).toBeGreaterThan(0);
    expect(figures.sweep[0].kafkaRequestsPerOrder['producer Produce']).toBeGreaterThan(0);
    expect(output).toContain('Kafka requests per order:');
    expect(figures.overload.requests).toBeGreaterThan(0);
    expect(figures.hotSku.confirmed).toBeGreaterThan(0);
    expect(figures.reservationPath.answered).toBe(figures.reservationPath.events);
    // Inventory, order, the broker and PostgreSQL killed under load: started again, every accepted order answered, the lag drained.
    expect(figures.recovery.map((r: { fault: string; skipped?: string }) => [r.fault, r.skipped])).toEqual([
      ['inventory', undefined],
      ['order', undefined],
      ['broker', undefined],
      ['postgres', undefined],
    ]);
    for (const r of figures.recovery) {
      expect(r.readyAfterMs).toBeGreaterThan(0);
      expect(r.accepted).toBeGreaterThan(0);
      expect(r.unsettled).toBe(0);
      expect(r.drainedAfterReadyMs).not.toBeNull();
    }
    expect(output).toContain('| path | measured | target |');
  },
  15 * 60_000,
);
