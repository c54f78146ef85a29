import { getEventListeners } from 'node:events';
import { backoffDelay, pause } from './retry';

/** Whether `p` has settled once pending microtasks have run, without waiting on any timer. */
async function hasSettled(p: Promise<unknown>): Promise<boolean> {
  let settled = false;
  p.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return settled;
}

describe('backoffDelay', () => {
  it.each([
    [-1, 0],
    [0, 0],
    [1, 200],
    [2, 400],
    [3, 800],
    [4, 1600],
    [5, 3200],
    [6, 5000],
    [7, 5000],
    [100, 5000],
    [5000, 5000],
  ])('attempt %i waits %i ms (base 200, cap 5000)', (attempt, expected) => {
    expect(backoffDelay(attempt, 200, 5000)).toBe(expected);
  });

  it('never exceeds the cap even when the base does', () => {
    expect(backoffDelay(1, 10_000, 5000)).toBe(5000);
  });
});

describe('pause', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('waits the whole delay when nothing aborts it', async () => {
    const p = pause(60_000, new AbortController().signal);
    await jest.advanceTimersByTimeAsync(59_999);
    expect(await hasSettled(p)).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(await hasSettled(p)).toBe(true);
  });

  it('works without a signal', async () => {
    const p = pause(1000);
    await jest.advanceTimersByTimeAsync(1000);
    expect(await hasSettled(p)).toBe(true);
  });

  it('resolves at once, starting no timer, when the signal is already aborted', async () => {
    const c = new AbortController();
    c.abort();
    const p = pause(60_000, c.signal);
    expect(jest.getTimerCount()).toBe(0);
    expect(await hasSettled(p)).toBe(true);
  });

  it('resolves as soon as the signal aborts midway, clearing its timer', async () => {
    const c = new AbortController();
    const p = pause(60_000, c.signal);
    await jest.advanceTimersByTimeAsync(1000);
    expect(await hasSettled(p)).toBe(false);
    c.abort();
    expect(await hasSettled(p)).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('leaves no abort listener behind, however it ends, so a long-lived stop signal does not leak', async () => {
    const c = new AbortController();
    for (let i = 0; i < 20; i++) {
      const p = pause(100, c.signal);
      await jest.advanceTimersByTimeAsync(100);
      await p;
    }
    expect(getEventListeners(c.signal, 'abort')).toHaveLength(0);
  });
});
