import { RelaySignal } from './relay-signal';

describe('RelaySignal: waiting for an event key to commit in this process', () => {
  it('calls the listeners of each committed key once per commit, until they leave', () => {
    const signal = new RelaySignal();
    const calls: string[] = [];
    const offA = signal.onCommitted('order-a', () => calls.push('a1'));
    signal.onCommitted('order-a', () => calls.push('a2'));
    signal.onCommitted('order-b', () => calls.push('b'));
    expect(signal.awaited).toBe(true);

    signal.committed(['order-a', 'order-a', 'order-c']);
    expect(calls).toEqual(['a1', 'a2']);
    offA();
    signal.committed(['order-a', 'order-b']);
    expect(calls).toEqual(['a1', 'a2', 'a2', 'b']);
  });

  it('is not awaited once every listener has left', () => {
    const signal = new RelaySignal();
    const off = [signal.onCommitted('k', () => undefined), signal.onCommitted('k', () => undefined)];
    off.forEach((f) => f());
    expect(signal.awaited).toBe(false);
  });

  describe('watch', () => {
    it('answers true at once for a commit made before the wait, so a commit between a read and the wait is not missed', async () => {
      const signal = new RelaySignal();
      const w = signal.watch('order-a');
      signal.committed(['order-a']);
      await expect(w.next(60_000)).resolves.toBe(true);
      w.close();
    });

    it('answers true when the key commits during the wait, false when the time passes or the watch closes', async () => {
      const signal = new RelaySignal();
      const w = signal.watch('order-a');
      const waiting = w.next(60_000);
      signal.committed(['order-b']);
      signal.committed(['order-a']);
      await expect(waiting).resolves.toBe(true);
      await expect(w.next(5)).resolves.toBe(false);
      const closing = w.next(60_000);
      w.close();
      await expect(closing).resolves.toBe(false);
      await expect(w.next(60_000)).resolves.toBe(false);
      expect(signal.awaited).toBe(false);
    });
  });
});
