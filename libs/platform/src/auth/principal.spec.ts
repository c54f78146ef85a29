import { actsForChannel, actsForCustomer, actsForStore, actsForTransfer, missingScopes, Principal, principalFromClaims, Scope } from './principal';

const principal = (over: Partial<Principal> & { scope?: string } = {}): Principal => {
  const { scope = '', ...rest } = over;
  return { sub: 'u-1', channel: null, storeId: null, associateId: null, customerId: null, scopes: new Set(scope.split(' ').filter(Boolean)), ...rest };
};

describe('principalFromClaims', () => {
  it('reads every claim of a POS token', () => {
    expect(
      principalFromClaims({ sub: 'pos:PARIS:a1', channel: 'pos', store_id: 'PARIS', associate_id: 'a1', scope: 'store:operate  orders:read', exp: 1 }),
    ).toEqual({
      ok: true,
      principal: {
        sub: 'pos:PARIS:a1',
        channel: 'pos',
        storeId: 'PARIS',
        associateId: 'a1',
        customerId: null,
        scopes: new Set(['store:operate', 'orders:read']),
      },
    });
  });

  it('reads a back-office token without channel, store or customer, and no scopes when scope is absent', () => {
    expect(principalFromClaims({ sub: 'erp' })).toEqual({ ok: true, principal: principal({ sub: 'erp' }) });
  });

  it.each([
    ['no sub', {}, 'sub'],
    ['an empty sub', { sub: '' }, 'sub'],
    ['a numeric sub', { sub: 42 }, 'sub'],
    ['an unknown channel', { sub: 'a', channel: 'fax' }, 'channel'],
    ['a store_id that is not an id', { sub: 'a', store_id: 'a b' }, 'store_id'],
    ['a numeric customer_id', { sub: 'a', customer_id: 7 }, 'customer_id'],
    ['an associate_id with a newline', { sub: 'a', associate_id: 'x\ny' }, 'associate_id'],
    ['scope as an array', { sub: 'a', scope: ['admin'] }, 'scope'],
  ])('refuses %s, naming the claim', (_, claims, claim) => {
    const r = principalFromClaims(claims as Record<string, unknown>);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(new RegExp(`^${claim} `));
  });
});

describe('missingScopes', () => {
  it.each<[string, string, Partial<Principal>, Scope[], Scope[]]>([
    ['has it', 'orders:place', {}, ['orders:place'], []],
    ['lacks it', 'orders:read', {}, ['orders:place'], ['orders:place']],
    ['lacks one of two', 'orders:read', {}, ['orders:read', 'orders:cancel'], ['orders:cancel']],
    ['admin implies every scope', 'admin', {}, ['store:operate', 'inventory:write'], []],
    ['nothing required', '', {}, [], []],
    ['store:operate with a store', 'store:operate', { storeId: 'PARIS' }, ['store:operate'], []],
    ['store:operate needs a store', 'store:operate', {}, ['store:operate'], ['store:operate']],
    ['a supervisor of a store', 'store:operate store:supervise', { storeId: 'PARIS' }, ['store:operate', 'store:supervise'], []],
    ['a POS is no supervisor', 'store:operate', { storeId: 'PARIS' }, ['store:operate', 'store:supervise'], ['store:supervise']],
    ['store:supervise needs a store', 'store:supervise', {}, ['store:supervise'], ['store:supervise']],
    ['scopes are exact, not prefixes', 'orders', {}, ['orders:read'], ['orders:read']],
  ])('%s', (_, scope, over, required, missing) => {
    expect(missingScopes(principal({ ...over, scope }), required)).toEqual(missing);
  });
});

describe('store, customer and channel rules', () => {
  const pos = principal({ storeId: 'PARIS' });
  const backOffice = principal();
  const customer = principal({ customerId: 'c-1', channel: 'web' });

  it.each([
    ['a POS at its store', pos, 'PARIS', true],
    ['a POS at another store', pos, 'LYON', false],
    ['a back office at any store', backOffice, 'LYON', true],
  ])('actsForStore: %s', (_, p, store, ok) => expect(actsForStore(p, store)).toBe(ok));

  it.each([
    ['from its store', pos, { fromLocationId: 'PARIS', toLocationId: 'LYON' }, true],
    ['to its store', pos, { fromLocationId: 'WH', toLocationId: 'PARIS' }, true],
    ['between two others', pos, { fromLocationId: 'WH', toLocationId: 'LYON' }, false],
    ['any, for a back office', backOffice, { fromLocationId: 'WH', toLocationId: 'LYON' }, true],
  ])('actsForTransfer: %s', (_, p, t, ok) => expect(actsForTransfer(p, t)).toBe(ok));

  it.each([
    ['its own order', customer, 'c-1', true],
    ["another customer's order", customer, 'c-2', false],
    ['an order without customer', customer, null, false],
    ["a missing order, like another customer's", customer, undefined, false],
    ['any order, for a token without customer', backOffice, 'c-2', true],
    ['a missing order, for a token without customer', backOffice, undefined, true],
  ])('actsForCustomer: %s', (_, p, owner, ok) => expect(actsForCustomer(p, owner)).toBe(ok));

  it.each([
    ['its channel', customer, 'web', true],
    ['another channel', customer, 'pos', false],
    ['any channel, without a channel claim', backOffice, 'marketplace', true],
  ])('actsForChannel: %s', (_, p, channel, ok) => expect(actsForChannel(p, channel)).toBe(ok));
});
