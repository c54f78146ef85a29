import { SharedRead } from './shared-read';

/** A read that finishes when the test says so, recording the keys it was given. */
function controlledReads() {
  const reads: string[][] = [];
  const pending: { keys: string[]; finish: (fail?: Error) => void }[] = [];
  const read = (keys: readonly string[]) =>
    new Promise<string[]>((resolve, reject) => {
      reads.push([...keys]);
      pending.push({ keys: [...keys], finish: (fail) => (fail ? reject(fail) : resolve([...keys])) });
    });
  const finish = (fail?: Error) => pending.shift()?.finish(fail);
  return { reads, read, finish };
}

const ticks = () => new Promise((r) => setImmediate(r));

describe('SharedRead', () => {
  it('reads for a caller alone at once; those who ask meanwhile share the next read, of all their keys', async () => {
    const r = controlledReads();
    const shared = new SharedRead<string, string[]>(r.read);
    const first = shared.get(['A']);
    await ticks();
    const later = [shared.get(['B', 'C']), shared.get(['C', 'D']), shared.get(['A'])];
    await ticks();
    expect(r.reads).toEqual([['A']]);

    r.finish();
    expect(await first).toEqual(['A']);
    await ticks();
    expect(r.reads).toEqual([['A'], ['B', 'C', 'D', 'A']]);
    r.finish();
    for (const answer of await Promise.all(later)) expect(answer).toEqual(['B', 'C', 'D', 'A']);
  });

  it('never answers a caller with a read that began before it asked', async () => {
    const r = controlledReads();
    const shared = new SharedRead<string, string[]>(r.read);
    const before = shared.get(['A']);
    await ticks();
    const after = shared.get(['A']);
    await ticks();
    r.finish();
    await before;
    await ticks();
    expect(r.reads).toHaveLength(2);
    r.finish();
    await after;
  });

  it('caps the keys of one read; callers beyond the cap go in the next one, whole', async () => {
    const r = controlledReads();
    const shared = new SharedRead<string, string[]>(r.read, { maxKeys: 3 });
    const first = shared.get(['X']);
    await ticks();
    const queued = [shared.get(['A', 'B']), shared.get(['B', 'C', 'D']), shared.get(['E'])];
    await ticks();
    r.finish();
    await first;
    await ticks();
    expect(r.reads[1]).toEqual(['A', 'B']);
    r.finish();
    await ticks();
    expect(r.reads[2]).toEqual(['B', 'C', 'D']);
    r.finish();
    await ticks();
    expect(r.reads[3]).toEqual(['E']);
    r.finish();
    expect(await Promise.all(queued)).toEqual([['A', 'B'], ['B', 'C', 'D'], ['E']]);
  });

  it('a caller asking for more keys than the cap is read alone, not refused', async () => {
    const r = controlledReads();
    const shared = new SharedRead<string, string[]>(r.read, { maxKeys: 2 });
    const big = shared.get(['A', 'B', 'C']);
    await ticks();
    r.finish();
    expect(await big).toEqual(['A', 'B', 'C']);
  });

  it('a failed read fails the callers who shared it, and the next callers are read again', async () => {
    const r = controlledReads();
    const shared = new SharedRead<string, string[]>(r.read);
    const first = shared.get(['A']);
    await ticks();
    const sharing = [shared.get(['B']), shared.get(['C'])];
    await ticks();
    r.finish();
    await first;
    await ticks();
    r.finish(new Error('connection lost'));
    for (const s of sharing) await expect(s).rejects.toThrow('connection lost');

    const again = shared.get(['B']);
    await ticks();
    r.finish();
    expect(await again).toEqual(['B']);
    expect(r.reads).toEqual([['A'], ['B', 'C'], ['B']]);
  });

  it('with a linger, begins a read no sooner than lingerMs after the last began, and the callers of that span share it', async () => {
    const r = controlledReads();
    const shared = new SharedRead<string, string[]>(r.read, { lingerMs: 30, now: () => 1_000 });
    const first = shared.get(['A']);
    await ticks();
    expect(r.reads).toEqual([['A']]);
    r.finish();
    await first;

    const span = [shared.get(['B']), shared.get(['C'])];
    await ticks();
    const third = shared.get(['D']);
    await ticks();
    expect(r.reads).toEqual([['A']]);
    while (r.reads.length < 2) await new Promise((res) => setTimeout(res, 5));
    r.finish();
    for (const answer of await Promise.all([...span, third])) expect(answer).toEqual(['B', 'C', 'D']);
  });

  it('with a linger, reads at once for a caller after a quiet spell', async () => {
    const r = controlledReads();
    let now = 1_000;
    const shared = new SharedRead<string, string[]>(r.read, { lingerMs: 30, now: () => now });
    const first = shared.get(['A']);
    await ticks();
    r.finish();
    await first;
    now += 30;
    const later = shared.get(['B']);
    await ticks();
    expect(r.reads).toEqual([['A'], ['B']]);
    r.finish();
    await later;
  });
});
