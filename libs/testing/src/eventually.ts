/**
 * Retries `assertion` until it passes or `timeoutMs` elapses, then rethrows its last failure.
 * Tests wait on conditions with this, never on fixed sleeps.
 */
export async function eventually<T>(assertion: () => Promise<T> | T, { timeoutMs = 30_000, intervalMs = 100 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
