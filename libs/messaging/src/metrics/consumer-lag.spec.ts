import { computeLag } from './consumer-lag';

describe('computeLag', () => {
  it.each([
    ['committed behind the end', { high: '10', low: '0' }, '7', 3],
    ['caught up', { high: '10', low: '0' }, '10', 0],
    ['never committed: everything still in the log', { high: '10', low: '4' }, '-1', 6],
    ['committed past a truncated end never goes negative', { high: '3', low: '0' }, '5', 0],
  ])('%s', (_name, end, committed, lag) => {
    expect(computeLag('t', [{ partition: 0, ...end }], [{ partition: 0, offset: committed }])).toEqual([{ topic: 't', partition: 0, lag }]);
  });

  it('a partition missing from the group offsets counts as never committed', () => {
    expect(
      computeLag(
        't',
        [
          { partition: 0, high: '2', low: '0' },
          { partition: 1, high: '5', low: '1' },
        ],
        [{ partition: 0, offset: '2' }],
      ),
    ).toEqual([
      { topic: 't', partition: 0, lag: 0 },
      { topic: 't', partition: 1, lag: 4 },
    ]);
  });
});
