import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');

/** Test code: specs, and what sits in a `test/` folder (the builders, harnesses) or is named a fixture. */
const TEST_CODE = /(\.spec\.ts|\.int-spec\.ts|\.e2e-spec\.ts|\.fixtures\.ts)$|(^|\/)test\//;
/** An import or re-export of a module in a `test/` folder, or of a fixtures file. */
const TEST_IMPORT = /\bfrom\s+'([^']*(\/test\/|^\.\/test\/|\.fixtures)[^']*)'/gm;

/**
 * Production code never imports test code: the builders of `apps/<service>/src/domain/test/` are
 * compiled with the service (the build compiles specs too), and a service that imported one would
 * ship test data as behaviour. ESLint's import rules are per layer; this looks at every file.
 */
describe('test code', () => {
  const production = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'apps', 'libs'], { cwd: REPO, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !TEST_CODE.test(f) && fs.existsSync(path.join(REPO, f)));

  it('looks at the production code (a check that sees no file cannot fail)', () => {
    expect(production.length).toBeGreaterThan(300);
  });

  it('is imported by no production file', () => {
    const imports = production.flatMap((f) => [...fs.readFileSync(path.join(REPO, f), 'utf8').matchAll(TEST_IMPORT)].map((m) => `${f} imports ${m[1]}`));
    expect(imports).toEqual([]);
  });

  it('is told apart by the pattern this check uses', () => {
    expect(
      ["import { anOrder } from './test/builders';", "import { ctx } from './pickup.machine.fixtures';", "export { x } from '../domain/test/builders';"].map(
        (s) => [...s.matchAll(TEST_IMPORT)].length,
      ),
    ).toEqual([1, 1, 1]);
    expect([...`import { Order } from './order';`.matchAll(TEST_IMPORT)]).toEqual([]);
  });
});
