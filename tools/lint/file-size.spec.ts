import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');

/** What a newcomer reads: code, tests, scripts, manifests, documents. Not generated documents. */
const READ_BY_PEOPLE = /\.(ts|mjs|cjs|js|sh|yaml|yml|md)$/;
/** Written by tools: the OpenAPI documents, the AsyncAPI document, the console's screenshots, the lock file. */
const GENERATED = [
  /^apps\/console\/web\/api\//,
  /^libs\/contracts\/released\//,
  /^docs\/openapi\//,
  /^docs\/asyncapi\.json$/,
  /^docs\/console\//,
  /(^|\/)package-lock\.json$/,
];
const MAX_LINES = 400;
const MAX_BYTES = 24_000;

/**
 * No file a newcomer has to read is longer than 400 lines or 24 KB (ESLint's max-lines checks the
 * lines of code as it lints; this checks every tracked file, bytes too, whatever lints it). A
 * hand-written document that grows past it is split by topic, its parts linked from it.
 */
describe('file size', () => {
  const files = execFileSync('git', ['ls-files'], { cwd: REPO, encoding: 'utf8' })
    .split('\n')
    .filter((f) => READ_BY_PEOPLE.test(f) && !GENERATED.some((g) => g.test(f)) && fs.existsSync(path.join(REPO, f)));

  it('looks at the repository (a check that sees no file cannot fail)', () => {
    expect(files.length).toBeGreaterThan(300);
  });

  it(`keeps every file people read within ${MAX_LINES} lines and ${MAX_BYTES} bytes`, () => {
    const tooLong = files.flatMap((f) => {
      const text = fs.readFileSync(path.join(REPO, f), 'utf8');
      const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
      const bytes = Buffer.byteLength(text);
      return lines > MAX_LINES || bytes > MAX_BYTES ? [`${f}: ${lines} lines, ${bytes} bytes`] : [];
    });
    expect(tooLong).toEqual([]);
  });
});
