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

  /**
   * Watches a key from now on: `next(ms)` resolves true as soon as a row with that key commits (at
   * once when one did since the last call, so a commit between a read and the wait is not missed),
   * false when `ms` pass first or the watch is (or gets) closed.
   */
  watch(key: string): KeyWatch {
    let changed = false;
    let closed = false;
    let wake: ((committed: boolean) => void) | null = null;
    const off = this.onCommitted(key, () => {
      changed = true;
      wake?.(true);
    });
    return {
      next: (ms: number) => {
        if (closed) return Promise.resolve(false);
        if (changed) {
          changed = false;
          return Promise.resolve(true);
        }
        return new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => settle(false), ms);
          const settle = (committed: boolean) => {
            clearTimeout(timer);
            wake = null;
            changed = false;
            resolve(committed);
          };
          wake = settle;
        });
      },
      close: () => {
        closed = true;
        off();
        wake?.(false);
      },
    };
  }

  /** Outbox rows with these message keys have committed. */
  committed(keys: Iterable<string>): void {
    for (const key of new Set(keys)) for (const listener of [...(this.byKey.get(key) ?? [])]) listener();
  }
}

/** A key watched for commits in this process (RelaySignal.watch). */
export interface KeyWatch {
  next(ms: number): Promise<boolean>;
  close(): void;
}
