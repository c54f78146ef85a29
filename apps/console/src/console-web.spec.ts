import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');

/** The console is built against the published contracts: its client types are theirs, and its script type-checks against them. */
describe('store console: typed against the OpenAPI documents', () => {
  it('has client types generated from docs/openapi as they are now', () => {
    const r = spawnSync(process.execPath, ['scripts/tools/console-api.mjs', '--check'], { cwd: REPO, encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  it('type-checks its browser script against those types', () => {
    const tsc = path.join(REPO, 'node_modules/typescript/bin/tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', 'apps/console/web/tsconfig.json'], { cwd: REPO, encoding: 'utf8' })).not.toThrow();
  });
});
