import { pickupAnswer } from './availability';
import { aCandidate, aStore } from './test/builders';

const now = new Date('2026-11-23T10:00:00.000Z');
const store = aStore();
const wh = (id: string, transferDays: number, a: number) => aCandidate({ id, transferDays }, { A: a });

describe('availability', () => {
  it.each([
    ['at the store', store, 2, [wh('W1', 1, 9)], { mode: 'store', readyBy: '2026-11-23T10:30:00.000Z', fromLocationId: null }],
    [
      'by transfer from the best source',
      store,
      1,
      [wh('W2', 3, 9), wh('W1', 2, 9)],
      { mode: 'transfer', readyBy: '2026-11-25T10:30:00.000Z', fromLocationId: 'W1' },
    ],
    ['nowhere', store, 0, [wh('W1', 1, 1)], { mode: 'none', readyBy: null, fromLocationId: null }],
    ['not at a store without pickup', { ...store, offersPickup: false }, 5, [], { mode: 'none', readyBy: null, fromLocationId: null }],
  ])('%s', (_, s, atStore, candidates, expected) => {
    expect(pickupAnswer(s, 'A', 2, atStore, candidates, now)).toEqual(expected);
  });
});
