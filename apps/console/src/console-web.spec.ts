import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SCRIPT_MODULES } from './console.server';

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

  it('serves every module of the browser script, and each module it imports is one of them', () => {
    const web = path.join(REPO, 'apps/console/web');
    const modules = fs
      .readdirSync(web)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3));
    expect([...SCRIPT_MODULES].sort()).toEqual(modules.sort());
    for (const m of modules) {
      const imported = [...fs.readFileSync(path.join(web, `${m}.ts`), 'utf8').matchAll(/^import (?!type ).* from '\.\/([a-z-]+)\.js';$/gm)].map((x) => x[1]);
      expect(imported.filter((i) => !SCRIPT_MODULES.includes(i))).toEqual([]);
    }
  });
});
