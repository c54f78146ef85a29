import { SlidingWindowStorage } from './rate-limit';

describe("SlidingWindowStorage (the rate limiter's counts)", () => {
  const minute = 60_000;
  let now: number;
  let storage: SlidingWindowStorage;
  const hit = (key = 'sub:a', limit = 10) => storage.increment(key, minute, limit, minute, 'default');
  const hits = async (n: number, key = 'sub:a', limit = 10) => {
    const out = [];
    for (let i = 0; i < n; i++) out.push(await hit(key, limit));
    return out;
  };

  beforeEach(() => {
    now = 10 * minute; // the start of a window
    storage = new SlidingWindowStorage(() => now);
  });
  afterEach(() => storage.onApplicationShutdown());

  it('lets the limit through in a window and refuses the next one, with the wait until one fits', async () => {
    const first = await hits(10);
    expect(first.map((r) => r.isBlocked)).toEqual(Array(10).fill(false));
    expect(first.map((r) => r.totalHits)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    now += 15_000;
    const refused = await hit();
    expect(refused).toMatchObject({ isBlocked: true, totalHits: 11, timeToExpire: 45 });
    // Ten hits in this window: none fits before it ends, then the old window's weight must fall to 9/10.
    expect(refused.timeToBlockExpire).toBe(45 + 6);
  });

  it('counts callers apart', async () => {
    await hits(10, 'sub:a');
    expect((await hit('sub:a')).isBlocked).toBe(true);
    expect((await hit('sub:b')).isBlocked).toBe(false);
  });

  it('weighs the previous window by how much of it the sliding window still covers', async () => {
    await hits(10);
    now += minute; // the next window starts: the ten hits still weigh fully
    expect((await hit()).isBlocked).toBe(true);
    now += minute / 2; // half of them have slid out
    const half = await hits(6);
    expect(half.map((r) => r.isBlocked)).toEqual([false, false, false, false, false, true]);
    // The refusal's wait: previous·(1 − t/ttl) + 5 ≤ 9, so t ≥ 36 s; 30 s have passed.
    expect(half[5].timeToBlockExpire).toBe(6);
    now += 6_000;
    expect((await hit()).isBlocked).toBe(false);
  });

  it('forgets a window that ended more than one window ago', async () => {
    await hits(10);
    now += 2 * minute + 1;
    const fresh = await hits(10);
    expect(fresh.every((r) => !r.isBlocked)).toBe(true);
  });

  it('counts a hundred thousand hits in one window', async () => {
    // Two counters per caller, whatever the number of hits.
    await hits(100_000, 'sub:busy', 1_000_000);
    const r = await hit('sub:busy', 1_000_000);
    expect(r).toMatchObject({ isBlocked: false, totalHits: 100_001 });
  });
});
