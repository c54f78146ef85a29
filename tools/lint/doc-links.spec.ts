import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');

/** `](target)` or `](target "title")`; the target may be wrapped in angle brackets. */
const LINK = /\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
/** A scheme (`http:`, `https:`, `mailto:`, …): not a file of this repository. */
const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

/** The document without its fenced code blocks and inline code spans, where `](…)` is not a link. */
function prose(text: string): string {
  return text.replace(/^([ \t]*)(```|~~~)[^\n]*\n[\s\S]*?^\1\2[^\n]*$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
}

/**
 * Every relative link of every Markdown document of the repository (tracked, or new and not
 * ignored) leads to a file or a folder that exists, so splitting or moving a document cannot
 * leave a reader in front of a dead link. Anchors are not checked, only the file they are in.
 */
describe('links between documents', () => {
  const docs = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.md'], { cwd: REPO, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f !== '' && !f.split('/').includes('node_modules') && fs.existsSync(path.join(REPO, f)));
  const links = [...new Set(docs)].flatMap((doc) =>
    [...prose(fs.readFileSync(path.join(REPO, doc), 'utf8')).matchAll(LINK)].map((m) => ({ doc, target: m[1].replace(/^<|>$/g, '') })),
  );
  const relative = links.filter(({ target }) => !EXTERNAL.test(target) && !target.startsWith('#'));

  it('looks at the documents (a check that sees no link cannot fail)', () => {
    expect(docs.length).toBeGreaterThan(20);
    expect(relative.length).toBeGreaterThan(50);
  });

  it('finds the file or folder behind every relative link', () => {
    const broken = relative.filter(({ doc, target }) => {
      const file = decodeURIComponent(target.replace(/[?#].*$/, ''));
      const from = file.startsWith('/') ? REPO : path.dirname(path.join(REPO, doc));
      return !fs.existsSync(path.join(from, file));
    });
    expect(broken.map(({ doc, target }) => `${doc}: ${target}`)).toEqual([]);
  });
});
