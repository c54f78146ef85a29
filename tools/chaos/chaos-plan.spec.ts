import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** What `npm run chaos -- --dry-run` prints: the journeys and faults a seed draws, before anything runs. */
const REPO = path.resolve(__dirname, '../..');
const planOf = (...args: string[]) => JSON.parse(execFileSync(process.execPath, ['scripts/chaos.mjs', '--dry-run', ...args], { cwd: REPO, encoding: 'utf8' }));

describe('npm run chaos: the seed decides the run', () => {
  it('draws the same journeys and faults from the same seed, other ones from another', () => {
    const a = planOf('--seed', '7', '--seconds', '60', '--rate', '2');
    expect(planOf('--seed', '7', '--seconds', '60', '--rate', '2')).toEqual(a);
    expect(planOf('--seed', '8', '--seconds', '60', '--rate', '2')).not.toEqual(a);
    expect(a.journeys).toHaveLength(120);
    expect(new Set(a.journeys.map((j: { kind: string }) => j.kind))).toEqual(
      new Set(['collected', 'cancelled', 'retried', 'delivered', 'returned', 'exchanged', 'preordered', 'shipped-to-store', 'cart']),
    );
    expect(a.faults.map((f: { atMs: number }) => f.atMs)).toEqual([12_000, 24_000, 36_000, 48_000]);
  });

  it('runs as many journeys as --journeys asks, over journeys / rate seconds', () => {
    const { journeys, faults, stockPerSku, warehouseStockPerSku } = planOf('--seed', '4', '--journeys', '1000', '--rate', '4');
    expect(journeys).toHaveLength(1000);
    // Stock grows with the run: about 70 % of the units its journeys ask for (1.5 each on average):
    // 84 % of them over the store's 12 SKUs, the 10 % shipped to the store over the warehouse's 4
    // (preorders, the other 6 %, bring their own units).
    expect(stockPerSku).toBe(74);
    expect(warehouseStockPerSku).toBe(26);
    expect(planOf('--seed', '4', '--journeys', '1000', '--stock', '5').stockPerSku).toBe(5);
    // 250 s: a fault every 15 s, evenly spread.
    expect(faults).toHaveLength(16);
    // Rounds of every kind once: the first ten faults are the ten kinds.
    expect(new Set(faults.slice(0, 10).map((f: { kind: string }) => f.kind))).toEqual(
      new Set(['kill', 'term', 'pause', 'broker-kill', 'broker-pause', 'db-restart', 'poison', 'replay', 'rebalance', 'clock-jump']),
    );
    expect(faults.find((f: { kind: string }) => f.kind === 'clock-jump')).toMatchObject({ target: 'every service' });
    expect(Math.max(...faults.map((f: { atMs: number }) => f.atMs))).toBeLessThan(250_000);
  });

  it('injects only the faults it is asked for, and refuses one it does not know', () => {
    const { faults } = planOf('--seed', '3', '--seconds', '90', '--faults', 'pause');
    expect(faults.length).toBeGreaterThan(0);
    for (const f of faults) expect(f).toMatchObject({ kind: 'pause', target: expect.stringMatching(/^(order|inventory|returns|customer)$/) });
    expect(() => planOf('--faults', 'meteor', '--dry-run')).toThrow(/unknown fault meteor/);
  });
});
