import { heldKeyVerdict } from './idempotency.interceptor';

describe('a key held by another request without an answer', () => {
  it.each([
    // committed, running here, abandoned → verdict
    [false, false, false, 'wait'],
    [true, false, false, 'wait'],
    [false, false, true, 'take-over'],
    [true, false, true, 'answer-lost'],
    // This process runs it: paused past the window (SIGSTOP, a long GC pause), it still answers.
    [false, true, true, 'wait'],
    [true, true, true, 'wait'],
  ] as const)('committed %s, running in this process %s, held past the window %s: %s', (committed, runningHere, abandoned, verdict) => {
    expect(heldKeyVerdict({ committed, runningHere, abandoned })).toBe(verdict);
  });
});
