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
});
