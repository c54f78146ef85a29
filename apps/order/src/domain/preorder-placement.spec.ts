import { preorderable, preorderCustomer, PreorderTerms, withinPreorderCaps } from './preorder-placement';

const now = new Date('2026-11-24T10:00:00.000Z');
const day = (n: number) => new Date(now.getTime() + n * 24 * 3600 * 1000);
const product: PreorderTerms = { releaseAt: day(7), opensAt: day(-1), closesAt: day(6), capPerStore: 10, capPerCustomer: 2 };
const line = { sku: 'CONSOLE', quantity: 1 };

describe('preorder placement rules', () => {
  it('counts a preorder against a customer account or a guest e-mail, and refuses one with neither', () => {
    expect(preorderCustomer({ customerId: 'c-1', email: null }).ok).toBe(true);
    expect(preorderCustomer({ customerId: null, email: 'ada@example.com' }).ok).toBe(true);
    expect(preorderCustomer({ customerId: null, email: null })).toMatchObject({ ok: false, code: 'PREORDER.NEEDS_CUSTOMER' });
  });

  it('sells by preorder only a product not released yet, inside its window', () => {
    expect(preorderable('CONSOLE', product, now)).toEqual({ ok: true, state: product, events: [] });
    expect(preorderable('PLAIN', null, now)).toMatchObject({ ok: false, code: 'PREORDER.NOT_A_PREORDER', detail: 'PLAIN is not sold by preorder' });
    expect(preorderable('CONSOLE', product, day(7))).toMatchObject({
      ok: false,
      code: 'PREORDER.NOT_A_PREORDER',
      detail: 'CONSOLE is not sold by preorder: it is released',
    });
    expect(preorderable('CONSOLE', product, day(-2))).toMatchObject({ ok: false, code: 'PREORDER.WINDOW_CLOSED' });
    // The window closes at closesAt: the instant itself is outside.
    expect(preorderable('CONSOLE', product, day(6))).toMatchObject({ ok: false, code: 'PREORDER.WINDOW_CLOSED' });
  });

  it("keeps a pickup within its store's cap and every line within its customer's, counting what is taken", () => {
    expect(withinPreorderCaps(line, product, { store: 'S1', atStore: 9 }, 1).ok).toBe(true);
    expect(withinPreorderCaps(line, product, { store: 'S1', atStore: 10 }, 0)).toMatchObject({
      ok: false,
      code: 'PREORDER.STORE_CAP_REACHED',
      detail: 'S1 takes 10 preorders of CONSOLE; 10 are taken',
    });
    expect(withinPreorderCaps({ sku: 'CONSOLE', quantity: 2 }, product, { store: 'S1', atStore: 0 }, 1)).toMatchObject({
      ok: false,
      code: 'PREORDER.CUSTOMER_CAP_REACHED',
    });
  });

  it('counts no store for a delivery, whose units are no store’s, but still its customer', () => {
    expect(withinPreorderCaps(line, product, null, 1).ok).toBe(true);
    expect(withinPreorderCaps(line, product, null, 2)).toMatchObject({
      ok: false,
      code: 'PREORDER.CUSTOMER_CAP_REACHED',
      detail: 'one customer may preorder 2 of CONSOLE; this one has 2',
    });
  });
});
