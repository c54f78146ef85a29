import fs from 'node:fs';
import path from 'node:path';

/** docs/notifications.md lists every template the order service asks the notifier for, and only those. */
const REPO = path.resolve(__dirname, '../../../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts') ? [p] : [];
  });
}

describe('the notification moments', () => {
  it('are the templates the code asks for, each listed once in docs/notifications.md', () => {
    const asked = new Set<string>();
    for (const file of sources(path.join(REPO, 'apps/order/src'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/notification\([^)]*?, '([a-z-]+)'/g)) asked.add(m[1]);
      // A template given by name, or one of a type's: `template: 'a'` or `template: 'a' | 'b'`.
      for (const m of text.matchAll(/template: ((?:'[a-z-]+'(?: \| )?)+)/g)) for (const t of m[1].matchAll(/'([a-z-]+)'/g)) asked.add(t[1]);
    }
    const doc = fs.readFileSync(path.join(REPO, 'docs/notifications.md'), 'utf8');
    const listed = [...doc.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(listed.length).toBe(new Set(listed).size);
    expect([...asked].sort()).toEqual([...listed].sort());
  });
});
