import { AsyncLocalStorage } from 'node:async_hooks';
import { GroupCommit } from './group-commit';

/** A write that finishes when the test says so, recording what it was given. */
function controlledWrites() {
  const calls: { kind: 'many' | 'one'; items: number[] }[] = [];
  const pending: (() => void)[] = [];
  const gate = () => new Promise<void>((r) => pending.push(r));
  const release = () => pending.shift()?.();
  return { calls, release, gate };
}

const ticks = () => new Promise((r) => setImmediate(r));

describe('GroupCommit', () => {
  it('writes a caller alone at once, and those who ask meanwhile together in the next write, each answered in order', async () => {
    const w = controlledWrites();
    const g = new GroupCommit<number, string>(
      async (items) => {
        w.calls.push({ kind: 'many', items: [...items] });
        await w.gate();
        return items.map((i) => `many:${i}`);
      },
      async (item) => {
        w.calls.push({ kind: 'one', items: [item] });
        await w.gate();
        return `one:${item}`;
      },
    );
    const first = g.submit(1);
    await ticks();
    const later = [g.submit(2), g.submit(3), g.submit(4)];
    await ticks();
    expect(w.calls).toEqual([{ kind: 'one', items: [1] }]);
    w.release();
    expect(await first).toBe('one:1');
    await ticks();
    expect(w.calls).toEqual([
      { kind: 'one', items: [1] },
      { kind: 'many', items: [2, 3, 4] },
    ]);
    w.release();
    expect(await Promise.all(later)).toEqual(['many:2', 'many:3', 'many:4']);
  });

  it('caps a group at its size; the rest go in the next write', async () => {
    const w = controlledWrites();
    const g = new GroupCommit<number, number>(
      async (items) => {
        w.calls.push({ kind: 'many', items: [...items] });
        return items;
      },
      async (item) => {
        w.calls.push({ kind: 'one', items: [item] });
        if (item === 1) await w.gate();
        return item;
      },
      2,
    );
    const all = [g.submit(1)];
    await ticks();
    all.push(g.submit(2), g.submit(3), g.submit(4));
    w.release();
    expect(await Promise.all(all)).toEqual([1, 2, 3, 4]);
    expect(w.calls.map((c) => c.items)).toEqual([[1], [2, 3], [4]]);
  });

  it('writes each item of a failed group on its own, in its caller’s context, told the group failed: one failure fails only its caller', async () => {
    const context = new AsyncLocalStorage<string>();
    const seen: string[] = [];
    const retried: boolean[] = [];
    let block: Promise<void> | null = new Promise<void>((r) => setTimeout(r, 20));
    const g = new GroupCommit<number, number>(
      async () => {
        throw new Error('the group failed');
      },
      async (item, afterFailedGroup) => {
        if (block) await block;
        block = null;
        retried.push(afterFailedGroup);
        seen.push(context.getStore() ?? 'none');
        if (item === 3) throw new Error('three fails');
        return item * 10;
      },
    );
    const results = [1, 2, 3, 4].map((i) => context.run(`caller-${i}`, () => g.submit(i)));
    const settled = await Promise.allSettled(results);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([10, 20, 'three fails', 40]);
    expect(seen).toEqual(['caller-1', 'caller-2', 'caller-3', 'caller-4']);
    // The first was written alone; the others after their group failed, which may have committed.
    expect(retried).toEqual([false, true, true, true]);
  });
});
