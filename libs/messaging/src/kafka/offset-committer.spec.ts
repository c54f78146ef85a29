import { OffsetCommitter, OffsetSource } from './offset-committer';

/** A consumer's view of offsets as kafkajs keeps it: resolved (applied) ones, and the commits it was asked for. */
function consumer() {
  let resolved: { topic: string; partitions: { partition: number; offset: string }[] }[] = [];
  const commits: string[][] = [];
  let failNext = false;
  const source: OffsetSource = {
    uncommittedOffsets: () => ({ topics: resolved }),
    commitOffsetsIfNecessary: async (offsets) => {
      if (failNext) {
        failNext = false;
        throw new Error('The group is rebalancing');
      }
      commits.push(offsets!.topics.flatMap((t) => t.partitions.map((p) => `${t.topic}/${p.partition}@${p.offset}`)));
      resolved = [];
    },
  };
  return {
    source,
    commits,
    resolve: (offset: string, partition = 0) => (resolved = [{ topic: 'order.events', partitions: [{ partition, offset }] }]),
    failNextCommit: () => (failNext = true),
  };
}

describe('OffsetCommitter', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-06T10:00:00.000Z') }));
  afterEach(() => jest.useRealTimers());

  it('commits after a batch only once the interval has passed since the last commit', async () => {
    const c = consumer();
    const committer = new OffsetCommitter(200, () => undefined);

    c.resolve('11');
    await committer.afterBatch(c.source, false);
    jest.advanceTimersByTime(150);
    c.resolve('12');
    await committer.afterBatch(c.source, false);
    expect(c.commits).toEqual([]);

    jest.advanceTimersByTime(50);
    c.resolve('13');
    await committer.afterBatch(c.source, false);
    expect(c.commits).toEqual([['order.events/0@13']]);
  });

  it('commits the last batch on its timer when no other batch comes', async () => {
    const c = consumer();
    const committer = new OffsetCommitter(200, () => undefined);
    committer.start();

    c.resolve('7');
    await committer.afterBatch(c.source, false);
    await jest.advanceTimersByTimeAsync(200);

    expect(c.commits).toEqual([['order.events/0@7']]);
    committer.stop();
  });

  it('commits at once when asked (a stop, a rebalance), and sends nothing when nothing is resolved', async () => {
    const c = consumer();
    const committer = new OffsetCommitter(200, () => undefined);

    c.resolve('3', 2);
    await committer.afterBatch(c.source, true);
    await committer.commit(true);

    expect(c.commits).toEqual([['order.events/2@3']]);
  });

  it('reports a failed commit and commits the same offsets the next time', async () => {
    const c = consumer();
    const errors: unknown[] = [];
    const committer = new OffsetCommitter(200, (e) => errors.push(e));

    c.resolve('5');
    c.failNextCommit();
    await committer.afterBatch(c.source, true);
    expect(errors).toEqual([new Error('The group is rebalancing')]);

    await committer.commit(true);
    expect(c.commits).toEqual([['order.events/0@5']]);
  });

  it('commits after every batch with an interval of 0, and starts no timer', async () => {
    const c = consumer();
    const committer = new OffsetCommitter(0, () => undefined);
    committer.start();

    for (const offset of ['1', '2']) {
      c.resolve(offset);
      await committer.afterBatch(c.source, false);
    }

    expect(c.commits).toEqual([['order.events/0@1'], ['order.events/0@2']]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('commits nothing once stopped', async () => {
    const c = consumer();
    const committer = new OffsetCommitter(200, () => undefined);
    committer.start();
    c.resolve('9');
    await committer.afterBatch(c.source, false);

    committer.stop();
    await jest.advanceTimersByTimeAsync(1000);
    await committer.commit(true);

    expect(c.commits).toEqual([]);
  });
});
