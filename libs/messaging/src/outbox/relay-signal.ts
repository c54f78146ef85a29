/**
 * Shared by the outbox writer, the commit subscriber and the relay of one process: whether this
 * process's relay leads (so a committed write only has to wake it, in process, with no NOTIFY),
 * the wake-up itself, and who waits for an event with a given message key to commit here (a
 * request waiting for the outcome a consumer of this process decides, docs/adr/0018-placement-outcome.md).
 */
export class RelaySignal {
  leaderHere = false;
  private listener: (() => void) | null = null;
  private readonly byKey = new Map<string, Set<() => void>>();

  onWake(listener: () => void): void {
    this.listener = listener;
  }

  wake(): void {
    this.listener?.();
  }

  /** Whether anyone waits for a key: the writer records the keys it appends only then. */
  get awaited(): boolean {
    return this.byKey.size > 0;
  }

  /** Calls `listener` each time an outbox row with message key `key` commits in this process, until the returned function is called. */
  onCommitted(key: string, listener: () => void): () => void {
    let listeners = this.byKey.get(key);
    if (!listeners) this.byKey.set(key, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.byKey.get(key) === listeners) this.byKey.delete(key);
    };
  }

  /** Outbox rows with these message keys have committed. */
  committed(keys: Iterable<string>): void {
    for (const key of new Set(keys)) for (const listener of [...(this.byKey.get(key) ?? [])]) listener();
  }
}
