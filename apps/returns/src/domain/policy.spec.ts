import {
  categoryOf,
  INITIAL_POLICY,
  judgeReturn,
  LineToJudge,
  policyInForce,
  policyProblems,
  ReturnPolicy,
  ReturnPolicyDocument,
  ReturnToJudge,
  windowFor,
} from './policy';

const DAY = 24 * 3600 * 1000;
const now = new Date('2026-11-23T12:00:00Z');
const v1: ReturnPolicy = { version: 1, effectiveFrom: new Date('2000-01-01T00:00:00Z'), document: INITIAL_POLICY };

function line(over: Partial<LineToJudge> = {}): LineToJudge {
  return { lineId: 'l1', sku: 'JACKET-M', quantity: 1, condition: 'new', returnable: 1, receivedAt: new Date(now.getTime() - 3 * DAY), ...over };
}
function aReturn(over: Partial<ReturnToJudge> = {}): ReturnToJudge {
  return { orderChannel: 'web', lines: [line()], withReceipt: true, refund: { method: 'original-tender', amount: 1000 }, at: now, ...over };
}

describe('categories and windows', () => {
  it.each([
    ['FINAL-TEE', 'clearance'],
    ['CLR-SOCKS', 'clearance'],
    ['HYG-EARBUDS', 'hygiene'],
    ['EL-PHONE', 'electronics'],
    ['JACKET-M', 'general'],
  ])('%s is in category %s (SKU prefix rules)', (sku, category) => {
    expect(categoryOf(INITIAL_POLICY, sku)).toBe(category);
  });

  it.each([
    ['web', 'general', 'window-web', 45],
    ['pos', 'general', 'window-default', 30],
    ['web', 'electronics', 'window-electronics', 14],
    ['marketplace', 'hygiene', 'window-default', 30],
  ] as const)('channel %s, category %s: rule %s, %i days (category beats channel beats default)', (channel, category, id, days) => {
    expect(windowFor(INITIAL_POLICY, channel, category)).toMatchObject({ id, days });
  });
});

describe('judgeReturn', () => {
  it('allows a line inside its window, naming the window rule, the version and the disposition of its condition', () => {
    expect(judgeReturn(v1, aReturn({ lines: [line({ condition: 'opened' }), line({ lineId: 'l2', condition: 'faulty' })] }))).toEqual({
      allowed: true,
      policyVersion: 1,
      lines: [
        { lineId: 'l1', rule: 'window-web', disposition: 'sellable' },
        { lineId: 'l2', rule: 'window-web', disposition: 'return-to-vendor' },
      ],
    });
  });

  it('counts the window from the handover: a POS order 31 days after collection is refused by window-default', () => {
    const v = judgeReturn(v1, aReturn({ orderChannel: 'pos', lines: [line({ receivedAt: new Date(now.getTime() - 31 * DAY) })] }));
    expect(v).toMatchObject({ allowed: false, policyVersion: 1, refusals: [{ lineId: 'l1', code: 'POLICY.WINDOW_EXPIRED', rule: 'window-default' }] });
  });

  it('keeps the web window of 45 days for the same line bought online', () => {
    expect(judgeReturn(v1, aReturn({ lines: [line({ receivedAt: new Date(now.getTime() - 31 * DAY) })] })).allowed).toBe(true);
  });

  it.each([
    ['a final-sale item', line({ sku: 'FINAL-TEE' }), 'POLICY.FINAL_SALE', 'final-sale'],
    ['an opened hygiene item', line({ sku: 'HYG-BRUSH', condition: 'opened' }), 'POLICY.CONDITION_NOT_ACCEPTED', 'condition-hygiene'],
    ['a worn jacket', line({ condition: 'worn' }), 'POLICY.CONDITION_NOT_ACCEPTED', 'condition-default'],
    ['more units than are returnable', line({ quantity: 2, returnable: 1 }), 'POLICY.QUANTITY_EXCEEDED', 'quantity-returnable'],
    ['units never handed over', line({ receivedAt: null, returnable: 0 }), 'POLICY.NOT_RECEIVED', 'quantity-returnable'],
    ['electronics after 14 days', line({ sku: 'EL-PHONE', receivedAt: new Date(now.getTime() - 15 * DAY) }), 'POLICY.WINDOW_EXPIRED', 'window-electronics'],
  ])('refuses %s, naming the rule', (_, l, code, rule) => {
    const v = judgeReturn(v1, aReturn({ lines: [l] }));
    expect(v.allowed).toBe(false);
    expect(v).toMatchObject({ refusals: [{ lineId: 'l1', code, rule }] });
  });

  it('lists every refusal at once', () => {
    const v = judgeReturn(v1, aReturn({ lines: [line({ sku: 'FINAL-TEE', condition: 'worn', quantity: 3 })] }));
    expect(v.allowed ? [] : v.refusals.map((r) => r.code)).toEqual(['POLICY.QUANTITY_EXCEEDED', 'POLICY.FINAL_SALE', 'POLICY.CONDITION_NOT_ACCEPTED']);
  });

  it('ignores the condition when none is known yet (a return started online)', () => {
    expect(judgeReturn(v1, aReturn({ lines: [line({ condition: null })] }))).toMatchObject({ allowed: true, lines: [{ disposition: null }] });
  });

  describe('without a receipt', () => {
    it('allows store credit up to the limit', () => {
      expect(judgeReturn(v1, aReturn({ withReceipt: false, refund: { method: 'store-credit', amount: 10000 } })).allowed).toBe(true);
    });
    it.each([
      [{ method: 'original-tender', amount: 1000 }, 'POLICY.RECEIPTLESS_REFUND_METHOD'],
      [{ method: 'store-credit', amount: 10001 }, 'POLICY.RECEIPTLESS_LIMIT'],
    ] as const)('refuses %j with %s (rule receiptless)', (refund, code) => {
      expect(judgeReturn(v1, aReturn({ withReceipt: false, refund }))).toMatchObject({
        allowed: false,
        refusals: [{ lineId: null, code, rule: 'receiptless' }],
      });
    });
    it('refuses every receipt-less return when the policy says so', () => {
      const strict: ReturnPolicy = { ...v1, version: 2, document: { ...INITIAL_POLICY, receiptless: { ...INITIAL_POLICY.receiptless, allowed: false } } };
      expect(judgeReturn(strict, aReturn({ withReceipt: false, refund: null }))).toMatchObject({
        allowed: false,
        policyVersion: 2,
        refusals: [{ code: 'POLICY.RECEIPTLESS_NOT_ALLOWED' }],
      });
    });
  });
});

describe('policyInForce', () => {
  const v2: ReturnPolicy = { version: 2, effectiveFrom: new Date('2026-12-01T00:00:00Z'), document: INITIAL_POLICY };
  it('is the highest version already effective', () => {
    expect(policyInForce([v1, v2], now)?.version).toBe(1);
    expect(policyInForce([v2, v1], new Date('2026-12-01T00:00:00Z'))?.version).toBe(2);
    expect(policyInForce([v2], now)).toBeNull();
  });
});

describe('policyProblems', () => {
  it('accepts the seeded policy', () => {
    expect(policyProblems(INITIAL_POLICY)).toEqual([]);
  });

  it('names each field that breaks a rule', () => {
    const bad: ReturnPolicyDocument = {
      ...INITIAL_POLICY,
      windows: [{ id: 'window-x', channel: 'web', category: 'shoes', days: 10 }],
      finalSale: { id: 'window-x', categories: ['nope'] },
      conditions: [{ id: 'c', category: 'hygiene', accepted: ['new'] }],
    };
    expect(policyProblems(bad).map((p) => p.field)).toEqual(['windows.0.category', 'windows', 'finalSale.id', 'finalSale.categories.0', 'conditions']);
  });
});
