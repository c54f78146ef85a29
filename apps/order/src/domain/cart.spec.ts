import {
  abandon,
  adoptGuestCart,
  Cart,
  CART_STATUSES,
  CART_TRANSITIONS,
  checkOut,
  continueIn,
  hashHandoffCode,
  mergeGuestCart,
  newCart,
  priceChanges,
  replaceLines,
  reprice,
} from './cart';

const t0 = new Date('2026-11-23T10:00:00Z');
const t1 = new Date('2026-11-23T11:00:00Z');
const app = { channel: 'app', storeId: null } as const;

function cart(over: Partial<Cart> = {}): Cart {
  return { ...newCart({ id: 'c1', ownerId: 'acct-1', currency: 'EUR', where: app, lines: [{ sku: 'A', quantity: 1, unitPrice: 1000 }] }, t0), ...over };
}

describe('cart', () => {
  it('only an open cart moves, each status listed in the table', () => {
    expect(Object.keys(CART_TRANSITIONS).sort()).toEqual([...CART_STATUSES].sort());
    for (const s of CART_STATUSES.filter((x) => x !== 'OPEN')) expect(CART_TRANSITIONS[s]).toEqual([]);
  });

  it('starts where it was created and adds up repeated SKUs', () => {
    const c = newCart(
      {
        id: 'c',
        ownerId: null,
        currency: 'EUR',
        where: { channel: 'pos', storeId: 'S1' },
        lines: [
          { sku: 'A', quantity: 1, unitPrice: 5 },
          { sku: 'A', quantity: 2, unitPrice: 5 },
        ],
      },
      t0,
    );
    expect(c).toMatchObject({
      status: 'OPEN',
      startedChannel: 'pos',
      startedStoreId: 'S1',
      currentStoreId: 'S1',
      lines: [{ sku: 'A', quantity: 3, firstUnitPrice: 5 }],
    });
  });

  it('keeps the price a line was first added with and reports the change', () => {
    const d = replaceLines(
      cart(),
      [
        { sku: 'A', quantity: 2, unitPrice: 1200 },
        { sku: 'B', quantity: 1, unitPrice: 300 },
      ],
      t1,
    );
    if (!d.ok) throw new Error(d.code);
    expect(d.state.lines).toEqual([
      { sku: 'A', quantity: 2, unitPrice: 1200, firstUnitPrice: 1000 },
      { sku: 'B', quantity: 1, unitPrice: 300, firstUnitPrice: 300 },
    ]);
    expect(priceChanges(d.state)).toEqual([{ sku: 'A', firstUnitPrice: 1000, unitPrice: 1200 }]);
    expect(d.state.lastActivityAt).toEqual(t1);
  });

  it("takes the price list's prices, keeps the channel's for a SKU the list does not price, and keeps the first price as reference", () => {
    const c = cart({
      lines: [
        { sku: 'A', quantity: 2, unitPrice: 1000, firstUnitPrice: 1000 },
        { sku: 'B', quantity: 1, unitPrice: 300, firstUnitPrice: 300 },
        { sku: 'C', quantity: 1, unitPrice: 700, firstUnitPrice: 700 },
      ],
    });
    const r = reprice(
      c,
      new Map([
        ['A', 900],
        ['C', 700],
      ]),
    );
    expect(r.repriced).toEqual([{ sku: 'A', from: 1000, to: 900 }]);
    expect(r.unpriced).toEqual(['B']);
    expect(r.cart.lines).toEqual([
      { sku: 'A', quantity: 2, unitPrice: 900, firstUnitPrice: 1000 },
      { sku: 'B', quantity: 1, unitPrice: 300, firstUnitPrice: 300 },
      { sku: 'C', quantity: 1, unitPrice: 700, firstUnitPrice: 700 },
    ]);
    expect(priceChanges(r.cart)).toEqual([{ sku: 'A', firstUnitPrice: 1000, unitPrice: 900 }]);
  });

  it("leaves a cart already at the list's prices as it is", () => {
    const c = cart();
    expect(reprice(c, new Map([['A', 1000]]))).toEqual({ cart: c, repriced: [], unpriced: [] });
  });

  it('refuses to change a cart that is not open', () => {
    expect(replaceLines(cart({ status: 'CHECKED_OUT' }), [], t1)).toMatchObject({ ok: false, code: 'CART.NOT_OPEN' });
    expect(continueIn(cart({ status: 'ABANDONED' }), app, t1)).toMatchObject({ ok: false, code: 'CART.NOT_OPEN' });
  });

  it('continues in another channel and store, saying it moved', () => {
    const d = continueIn(cart(), { channel: 'pos', storeId: 'S1' }, t1);
    expect(d).toMatchObject({ ok: true, state: { moved: true, cart: { startedChannel: 'app', currentChannel: 'pos', currentStoreId: 'S1' } } });
    expect(continueIn(cart(), app, t1)).toMatchObject({ ok: true, state: { moved: false } });
  });

  it('merges a guest cart into the customer cart, adding quantities of shared SKUs at the customer price', () => {
    const guest = cart({
      id: 'g',
      ownerId: null,
      lines: [
        { sku: 'A', quantity: 2, unitPrice: 900, firstUnitPrice: 900 },
        { sku: 'C', quantity: 1, unitPrice: 50, firstUnitPrice: 50 },
      ],
    });
    const d = mergeGuestCart(guest, cart(), { channel: 'web', storeId: null }, t1);
    if (!d.ok) throw new Error(d.code);
    expect(d.state.guest).toMatchObject({ status: 'MERGED', mergedIntoId: 'c1' });
    expect(d.state.into.lines).toEqual([
      { sku: 'A', quantity: 3, unitPrice: 1000, firstUnitPrice: 1000 },
      { sku: 'C', quantity: 1, unitPrice: 50, firstUnitPrice: 50 },
    ]);
    expect(d.state.into.currentChannel).toBe('web');
  });

  it('refuses merging a customer cart, a closed one or another currency', () => {
    expect(mergeGuestCart(cart({ id: 'x' }), cart(), app, t1)).toMatchObject({ ok: false, code: 'CART.NOT_A_GUEST_CART' });
    expect(mergeGuestCart(cart({ id: 'g', ownerId: null, status: 'MERGED' }), cart(), app, t1)).toMatchObject({ ok: false, code: 'CART.NOT_OPEN' });
    expect(mergeGuestCart(cart({ id: 'g', ownerId: null, currency: 'GBP' }), cart(), app, t1)).toMatchObject({ ok: false, code: 'CART.CURRENCY_MISMATCH' });
  });

  it('a guest cart becomes the customer cart when they have none', () => {
    expect(adoptGuestCart(cart({ ownerId: null }), 'acct-9', { channel: 'web', storeId: null }, t1)).toMatchObject({
      ok: true,
      state: { ownerId: 'acct-9', currentChannel: 'web', startedChannel: 'app' },
    });
    expect(adoptGuestCart(cart(), 'acct-9', app, t1)).toMatchObject({ ok: false, code: 'CART.NOT_A_GUEST_CART' });
  });

  it('checks out once and never empty', () => {
    const d = checkOut(cart(), 'o1', t1);
    expect(d).toMatchObject({ ok: true, state: { status: 'CHECKED_OUT', orderId: 'o1' } });
    if (d.ok) expect(checkOut(d.state, 'o2', t1)).toMatchObject({ ok: false, code: 'CART.NOT_OPEN' });
    expect(checkOut(cart({ lines: [] }), 'o1', t1)).toMatchObject({ ok: false, code: 'CART.EMPTY' });
  });

  it('raises cart.abandoned only for a consenting customer, naming the channels consent is granted on', () => {
    const emailAndSms = { granted: true, channels: ['email', 'sms'] } as const;
    const withConsent = abandon(cart(), emailAndSms, t1);
    expect(withConsent).toMatchObject({ ok: true, state: { status: 'ABANDONED' } });
    if (withConsent.ok) {
      expect(withConsent.events).toHaveLength(1);
      expect(withConsent.events[0].payload).toMatchObject({
        cartId: 'c1',
        customerId: 'acct-1',
        startedChannel: 'app',
        marketingContactChannels: ['email', 'sms'],
        abandonedAt: t1.toISOString(),
      });
    }
    // Consent recorded before channels were kept: announced, without naming channels.
    const unknownChannels = abandon(cart(), { granted: true, channels: null }, t1);
    expect(unknownChannels.ok && unknownChannels.events.map((e) => e.payload)).toEqual([
      expect.not.objectContaining({ marketingContactChannels: expect.anything() }),
    ]);
    const noConsent = abandon(cart(), { granted: false, channels: [] }, t1);
    expect(noConsent.ok && noConsent.events).toEqual([]);
    const guest = abandon(cart({ ownerId: null }), emailAndSms, t1);
    expect(guest.ok && guest.events).toEqual([]);
    expect(abandon(cart({ status: 'CHECKED_OUT' }), emailAndSms, t1)).toMatchObject({ ok: false, code: 'CART.NOT_OPEN' });
  });

  it('hashes handoff codes the same way whatever the reading', () => {
    expect(hashHandoffCode('ab1o-2kl3')).toBe(hashHandoffCode('AB10 2K13'));
    expect(hashHandoffCode('AB102K13')).not.toBe(hashHandoffCode('AB102K14'));
  });
});
