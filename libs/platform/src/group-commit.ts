import { AsyncResource } from 'node:async_hooks';

interface Waiting<I, O> {
  readonly item: I;
  /** The caller's async context (its request context and span), for work done for it alone. */
  readonly scope: AsyncResource;
  readonly resolve: (o: O) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * Group commit (docs/adr/0016-throughput.md): callers that ask while a write is under way wait for
 * it, then go together in the next one — one round trip and one commit for all of them. Alone
 * (nothing under way), a caller is written at once: the wait is never longer than one write.
 *
 * `many` writes a group of two or more and answers one result per item, in order; `one` writes a
 * single item, in its caller's async context. If `many` fails, each of its items is written again
 * with `one`, so one item cannot fail the others — and `one` is told so (`afterFailedGroup`): a
 * group that failed may still have committed (its COMMIT reached the database, the answer was
 * lost), so an item must carry its identity from `submit` and `one` must then find it written
 * rather than write it twice.
 */
export class GroupCommit<I, O> {
  private readonly waiting: Waiting<I, O>[] = [];
  private writing = false;

  constructor(
    private readonly many: (items: readonly I[]) => Promise<readonly O[]>,
    private readonly one: (item: I, afterFailedGroup: boolean) => Promise<O>,
    private readonly maxGroup = 64,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, scope: new AsyncResource('omni.group-commit'), resolve, reject });
      if (!this.writing) void this.write();
    });
  }

  private async write(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) await this.group(this.waiting.splice(0, this.maxGroup));
    } finally {
      this.writing = false;
    }
  }

  private async group(group: readonly Waiting<I, O>[]): Promise<void> {
    let failed = false;
    if (group.length > 1) {
      let results: readonly O[] | null = null;
      try {
        results = await this.many(group.map((w) => w.item));
      } catch {
        failed = true; // Each on its own below.
      }
      if (results !== null) {
        group.forEach((w, i) => w.resolve(results[i]));
        return;
      }
    }
    for (const w of group) {
      try {
        w.resolve(await w.scope.runInAsyncScope(() => this.one(w.item, failed)));
      } catch (e) {
        w.reject(e);
      }
    }
  }
}
