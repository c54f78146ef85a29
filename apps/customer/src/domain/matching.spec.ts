import { Identity, identityKey } from './identity';
import { matchOrder, MatchInput } from './matching';

const account: Identity = { kind: 'account', scope: 'web', value: 'c-1' };
const loyalty: Identity = { kind: 'loyalty-id', scope: '', value: 'LOY1' };
const email: Identity = { kind: 'email', scope: '', value: 'ada@example.com' };
const phone: Identity = { kind: 'phone', scope: '', value: '+33612345678' };
const placedAt = new Date('2026-11-23T10:00:00Z');

const input = (identities: Identity[], owners: [Identity, string][] = [], extra: Partial<MatchInput> = {}): MatchInput => ({
  identities,
  owners: new Map(owners.map(([i, p]) => [identityKey(i), p])),
  tombstones: [],
  placedAt,
  ...extra,
});

describe('matchOrder', () => {
  it('creates a profile holding every identity when no profile holds any', () => {
    expect(matchOrder(input([email, phone]))).toEqual({ kind: 'create', identities: [email, phone] });
  });

  it('links a guest order to the profile holding its e-mail, and adds the new phone to it', () => {
    expect(matchOrder(input([email, phone], [[email, 'P1']]))).toEqual({
      kind: 'link',
      profileId: 'P1',
      rule: 'email',
      newIdentities: [phone],
      alsoMatched: [],
    });
  });

  it.each([
    [
      'account over e-mail',
      [account, email],
      [
        [email, 'P2'],
        [account, 'P1'],
      ],
      'P1',
      'account',
    ],
    [
      'loyalty id over e-mail',
      [email, loyalty],
      [
        [email, 'P2'],
        [loyalty, 'P1'],
      ],
      'P1',
      'loyalty-id',
    ],
    [
      'e-mail over phone',
      [phone, email],
      [
        [phone, 'P2'],
        [email, 'P1'],
      ],
      'P1',
      'email',
    ],
    ['phone alone', [phone], [[phone, 'P3']], 'P3', 'phone'],
  ] as [string, Identity[], [Identity, string][], string, string][])('decides by precedence: %s', (_, ids, owners, profileId, rule) => {
    const d = matchOrder(input(ids, owners));
    expect(d).toMatchObject({ kind: 'link', profileId, rule });
  });

  it('never moves an identity another profile holds: both become duplicate candidates', () => {
    const d = matchOrder(
      input(
        [account, email, phone],
        [
          [account, 'P1'],
          [email, 'P2'],
          [phone, 'P2'],
        ],
      ),
    );
    expect(d).toEqual({ kind: 'link', profileId: 'P1', rule: 'account', newIdentities: [], alsoMatched: ['P2'] });
  });

  it('links nobody for an order without identities (a guest who gave nothing)', () => {
    expect(matchOrder(input([]))).toEqual({ kind: 'unidentified' });
  });

  it('gives an order placed before an erasure back to the erased profile, and creates no profile', () => {
    const d = matchOrder(input([email], [], { tombstones: [{ profileId: 'E1', erasedAt: new Date('2026-11-24T00:00:00Z') }] }));
    expect(d).toEqual({ kind: 'link-erased', profileId: 'E1' });
  });

  it('creates a new profile for an order placed after the erasure: the person came back', () => {
    const d = matchOrder(input([email], [], { tombstones: [{ profileId: 'E1', erasedAt: new Date('2026-11-22T00:00:00Z') }] }));
    expect(d).toEqual({ kind: 'create', identities: [email] });
  });

  it('prefers a live profile holding the identity over a tombstone', () => {
    const d = matchOrder(input([email], [[email, 'P9']], { tombstones: [{ profileId: 'E1', erasedAt: new Date('2026-11-24T00:00:00Z') }] }));
    expect(d).toMatchObject({ kind: 'link', profileId: 'P9' });
  });
});
