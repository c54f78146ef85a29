import { Candidate, planDelivery, planSourcing, rankCandidates, SourcingLine, withoutStock } from './sourcing';

const store = { latitude: 52.37, longitude: 4.89 }; // Amsterdam
const at = (
  id: string,
  transferDays: number,
  available: Record<string, number>,
  coords: [number, number] | null = null,
  kind: 'store' | 'warehouse' = 'warehouse',
): Candidate => ({
  location: { id, kind, transferDays, latitude: coords?.[0] ?? null, longitude: coords?.[1] ?? null },
  available,
});
const line = (sku: string, quantity: number, lineId = `L-${sku}`): SourcingLine => ({ lineId, sku, quantity });
const UTRECHT: [number, number] = [52.09, 5.12];
const BERLIN: [number, number] = [52.52, 13.4];

describe('sourcing rule', () => {
  it.each<[string, Candidate[], SourcingLine[], Record<string, string | null>]>([
    [
      'a location covering all lines beats faster partial ones',
      [at('W-FAST', 1, { A: 5 }), at('W-ALL', 3, { A: 5, B: 5 })],
      [line('A', 2), line('B', 2)],
      { 'L-A': 'W-ALL', 'L-B': 'W-ALL' },
    ],
    ['fewer transfer days wins between full covers', [at('W-SLOW', 3, { A: 5 }), at('W-FAST', 1, { A: 5 })], [line('A', 2)], { 'L-A': 'W-FAST' }],
    ['shorter distance wins at equal transfer days', [at('W-BER', 2, { A: 5 }, BERLIN), at('W-UTR', 2, { A: 5 }, UTRECHT)], [line('A', 1)], { 'L-A': 'W-UTR' }],
    ['location id breaks the tie without coordinates', [at('W-B', 2, { A: 5 }, BERLIN), at('W-A', 2, { A: 5 })], [line('A', 1)], { 'L-A': 'W-A' }],
    [
      'lines are split when no location covers all',
      [at('W-A', 1, { A: 5 }), at('W-B', 2, { B: 5 })],
      [line('A', 1), line('B', 1)],
      { 'L-A': 'W-A', 'L-B': 'W-B' },
    ],
    ['a line never comes from two locations', [at('W-A', 1, { A: 2 }), at('W-B', 1, { A: 2 })], [line('A', 3)], { 'L-A': null }],
    ['a line nobody has is unavailable', [at('W-A', 1, { A: 5 })], [line('A', 1), line('Z', 1)], { 'L-A': 'W-A', 'L-Z': null }],
    [
      'two lines of one SKU count together for "covers all"',
      [at('W-A', 1, { A: 3 }), at('W-B', 2, { A: 4 })],
      [line('A', 2, 'L1'), line('A', 2, 'L2')],
      { L1: 'W-B', L2: 'W-B' },
    ],
    ['no candidates: everything unavailable', [], [line('A', 1)], { 'L-A': null }],
  ])('%s', (_, candidates, lines, expected) => {
    const plan = planSourcing(store, candidates, lines);
    const got: Record<string, string | null> = {};
    for (const a of plan.assignments) got[a.line.lineId] = a.locationId;
    for (const u of plan.unavailable) got[u.lineId] = null;
    expect(got).toEqual(expected);
  });

  it('takes units placed on earlier lines into account', () => {
    const plan = planSourcing(store, [at('W-A', 1, { A: 3 }), at('W-B', 2, { A: 3 })], [line('A', 2, 'L1'), line('A', 2, 'L2')]);
    expect(plan.assignments.map((a) => a.locationId)).toEqual(['W-A', 'W-B']);
  });

  it('plans around a location that lost a race', () => {
    const snapshot = [at('W-A', 1, { A: 5 }), at('W-B', 2, { A: 5 })];
    expect(planSourcing(store, withoutStock(snapshot, 'W-A', 'A'), [line('A', 1)]).assignments[0].locationId).toBe('W-B');
  });

  it('ranks deterministically whatever the input order', () => {
    const cs = [at('W-C', 2, {}), at('W-A', 2, {}), at('W-B', 1, {})];
    expect(rankCandidates(store, cs, [line('A', 1)]).map((c) => c.location.id)).toEqual(['W-B', 'W-A', 'W-C']);
    expect(rankCandidates(store, [...cs].reverse(), [line('A', 1)]).map((c) => c.location.id)).toEqual(['W-B', 'W-A', 'W-C']);
  });
});

describe('delivery sourcing rule', () => {
  const store = (id: string, available: Record<string, number>) => at(id, 1, available, null, 'store');
  const assigned = (candidates: Candidate[], lines: SourcingLine[]) => {
    const plan = planDelivery(candidates, lines);
    return {
      ...Object.fromEntries(plan.assignments.map((a) => [a.line.lineId, a.locationId])),
      ...Object.fromEntries(plan.unavailable.map((l) => [l.lineId, null])),
    };
  };

  it.each<[string, Candidate[], SourcingLine[], Record<string, string | null>]>([
    ['a warehouse ships before a store', [store('S-A', { A: 5 }), at('W-Z', 3, { A: 5 })], [line('A', 1)], { 'L-A': 'W-Z' }],
    ['ship-from-store when the warehouses lack it', [at('W1', 1, { A: 0 }), store('S1', { A: 2 })], [line('A', 2)], { 'L-A': 'S1' }],
    [
      'one location covering everything beats a warehouse covering part (one parcel)',
      [at('W1', 1, { A: 5 }), store('S1', { A: 5, B: 5 })],
      [line('A', 1), line('B', 1)],
      { 'L-A': 'S1', 'L-B': 'S1' },
    ],
    [
      'split across locations when none has everything',
      [at('W1', 1, { A: 5 }), store('S1', { B: 5 })],
      [line('A', 1), line('B', 1)],
      { 'L-A': 'W1', 'L-B': 'S1' },
    ],
    ['a line no location can cover whole is unavailable', [at('W1', 1, { A: 1 }), store('S1', { A: 1 })], [line('A', 2)], { 'L-A': null }],
    [
      'two lines of one SKU use up a location before the next',
      [at('W1', 1, { A: 3 }), store('S1', { A: 3 })],
      [line('A', 2, 'L1'), line('A', 2, 'L2')],
      { L1: 'W1', L2: 'S1' },
    ],
  ])('%s', (_what, candidates, lines, expected) => {
    expect(assigned(candidates, lines)).toEqual(expected);
  });
});
