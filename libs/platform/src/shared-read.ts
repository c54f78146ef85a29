interface Asking<R> {
  readonly resolve: (r: R) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * Shared reads (docs/adr/0016-throughput.md), the read-side twin of `GroupCommit`: callers that ask
 * while a read is under way wait for it to end, then share the next one, which reads every key any
 * of them asked for. Alone (nothing under way), a caller reads at once. What a caller is answered
 * was read after it asked, so it sees every write committed before its question, as a read of its
 * own would; it may also hold the keys of the others it shared the read with.
 *
 * `read` gets the distinct keys of a group (at most `maxKeys`, 500 by default; more go in a next group).
 */
export class SharedRead<K, R> {
  private readonly asking: { keys: readonly K[]; who: Asking<R> }[] = [];
  private reading = false;

  /** When the last read began (`now`, performance.now() by default). */
  private lastRead = -Infinity;

  /**
   * `lingerMs`: a read begins at least that long after the one before began, so that under load
   * the callers of that span share it; a caller after a quiet spell is not delayed.
   */
  constructor(
    private readonly read: (keys: readonly K[]) => Promise<R>,
    private readonly options: { maxKeys?: number; lingerMs?: number; now?: () => number } = {},
  ) {}

  get(keys: readonly K[]): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.asking.push({ keys, who: { resolve, reject } });
      if (!this.reading) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.reading = true;
    try {
      while (this.asking.length > 0) {
        const now = this.options.now ?? performance.now.bind(performance);
        const wait = this.lastRead + (this.options.lingerMs ?? 0) - now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        this.lastRead = now();
        await this.group(this.nextGroup());
      }
    } finally {
      this.reading = false;
    }
  }

  /** The callers whose keys fit together in one read (always at least one). */
  private nextGroup(): { keys: readonly K[]; who: Asking<R>[] } {
    const keys = new Set<K>();
    let taken = 0;
    for (const next of this.asking) {
      const adds = next.keys.filter((k) => !keys.has(k));
      if (taken > 0 && keys.size + adds.length > (this.options.maxKeys ?? 500)) break;
      adds.forEach((k) => keys.add(k));
      taken++;
    }
    return { keys: [...keys], who: this.asking.splice(0, taken).map((a) => a.who) };
  }

  private async group({ keys, who }: { keys: readonly K[]; who: Asking<R>[] }): Promise<void> {
    try {
      const result = await this.read(keys);
      who.forEach((w) => w.resolve(result));
    } catch (e) {
      who.forEach((w) => w.reject(e));
    }
  }
}
