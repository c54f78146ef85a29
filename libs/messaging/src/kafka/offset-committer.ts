import type { EachBatchPayload } from 'kafkajs';

/** What the committer needs of a batch's payload: kafkajs's view of resolved offsets and its commit. */
export type OffsetSource = Pick<EachBatchPayload, 'uncommittedOffsets' | 'commitOffsetsIfNecessary'>;

/**
 * Commits the offsets of applied events at most once per `intervalMs` (docs/adr/0016-throughput.md):
 * after a batch once the interval has passed, and on a timer, so that the last batch before a quiet
 * spell is committed too; at once when asked (a stop, a rebalance). kafkajs's own `autoCommit` sends
 * an OffsetCommit after every batch, and on the placement path a batch holds one to three events.
 * Offsets are only ever those resolved after their events were applied; what is not committed yet
 * comes again after a crash or a rebalance, and the inbox skips it.
 */
export class OffsetCommitter {
  private last = Date.now();
  private source: OffsetSource | null = null;
  private inFlight: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** Starts the timer (none for an interval of 0: every batch commits). */
  start(): void {
    if (this.intervalMs > 0 && !this.timer) {
      this.timer = setInterval(() => void this.commit(false), this.intervalMs);
      this.timer.unref();
    }
  }

  /** After a batch was applied: commits once the interval has passed, or at once when `now`. */
  async afterBatch(p: OffsetSource, now: boolean): Promise<void> {
    this.source = p;
    await this.commit(now);
  }

  /** Commits what is resolved and not committed yet; without `force`, only once the interval has passed. */
  async commit(force: boolean): Promise<void> {
    if (!force && Date.now() - this.last < this.intervalMs) return;
    while (this.inFlight) {
      await this.inFlight;
      if (!force) return;
    }
    const source = this.source;
    if (!source) return;
    this.last = Date.now();
    this.inFlight = (async () => {
      const offsets = source.uncommittedOffsets();
      if (offsets.topics.length > 0) await source.commitOffsetsIfNecessary(offsets);
    })()
      .catch(this.onError)
      .finally(() => (this.inFlight = null));
    await this.inFlight;
  }

  /** Forgets the consumer it committed for (it stopped or crashed) and stops the timer. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.source = null;
  }
}
