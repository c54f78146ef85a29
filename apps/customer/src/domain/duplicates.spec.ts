import { duplicateScore, duplicateSignals, likelyDuplicates, ProfileFacts } from './duplicates';

const ada = (id: string, over: Partial<ProfileFacts> = {}): ProfileFacts => ({
  id,
  name: 'Ada Martin',
  postcode: '75011',
  emails: [],
  phones: [],
  accountIds: [],
  ...over,
});

describe('duplicate detection', () => {
  it.each([
    ['an order carried identities of both', ada('A', { name: null }), ada('B', { name: 'Bob' }), true, ['same-order']],
    [
      'one account id in two channels',
      ada('A', { name: 'X', accountIds: ['c-42'] }),
      ada('B', { name: 'Y', accountIds: ['c-42'] }),
      false,
      ['same-account-id'],
    ],
    [
      'one mailbox behind a +tag',
      ada('A', { name: 'X', emails: ['ada+shop@example.com'] }),
      ada('B', { name: 'Y', emails: ['ada@example.com'] }),
      false,
      ['same-mailbox'],
    ],
    ['Gmail dots', ada('A', { name: 'X', emails: ['a.da@gmail.com'] }), ada('B', { name: 'Y', emails: ['ada@googlemail.com'] }), false, ['same-mailbox']],
    ['same name and postcode, spelled differently', ada('A', { name: 'Adà  MARTIN' }), ada('B'), false, ['same-name-and-postcode']],
    [
      'same name, same phone ending',
      ada('A', { postcode: null, phones: ['+33612345678'] }),
      ada('B', { postcode: '69001', phones: ['+33700005678'] }),
      false,
      ['same-name-and-phone-ending'],
    ],
    ['same name elsewhere', ada('A', { postcode: '69001' }), ada('B'), false, []],
    ['no name at all', ada('A', { name: null }), ada('B', { name: null }), false, []],
  ] as [string, ProfileFacts, ProfileFacts, boolean, string[]][])('%s', (_, a, b, shared, expected) => {
    expect(duplicateSignals(a, b, shared)).toEqual(expected);
  });

  it('combines signals as independent evidence', () => {
    expect(duplicateScore([])).toBe(0);
    expect(duplicateScore(['same-name-and-postcode'])).toBeCloseTo(0.6);
    expect(duplicateScore(['same-order', 'same-name-and-postcode'])).toBeCloseTo(0.96);
  });

  it('reports candidates from the threshold on, best first, never the profile itself', () => {
    const me = ada('A', { emails: ['ada@example.com'] });
    const others = [
      me,
      ada('B'), // name + postcode: 0.6
      ada('C', { emails: ['ada+x@example.com'] }), // mailbox + name + postcode: 0.92
      ada('D', { postcode: '69001', phones: ['+33600000000'] }), // nothing
      ada('E', { name: 'Eve', postcode: '1000' }), // shared order: 0.9
    ];
    expect(likelyDuplicates(me, others, new Set(['E']))).toEqual([
      { profileId: 'C', score: 0.92, signals: ['same-mailbox', 'same-name-and-postcode'] },
      { profileId: 'E', score: 0.9, signals: ['same-order'] },
      { profileId: 'B', score: 0.6, signals: ['same-name-and-postcode'] },
    ]);
  });

  it('does not report a weak signal alone', () => {
    const me = ada('A', { postcode: null, phones: ['+33612345678'] });
    expect(likelyDuplicates(me, [ada('B', { postcode: null, phones: ['+33799995678'] })], new Set())).toEqual([]);
  });
});
