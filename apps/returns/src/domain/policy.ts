import { Channel, CHANNELS, Disposition, DISPOSITIONS, RefundMethod, REFUND_METHODS, RETURN_CONDITIONS, ReturnCondition } from '@omni/contracts';

/**
 * The return policy as data (docs/returns.md). It is published in versions, each with the date it
 * takes effect; a return is decided by the version in force when it is made. Every decision names
 * the rule (by its id) and the version that allowed or refused it.
 */
export interface ReturnPolicyDocument {
  /** SKU → category by prefix, first match wins; a SKU matching none is in `general`. */
  readonly categories: readonly { readonly id: string; readonly skuPrefixes: readonly string[] }[];
  /** Days from handover (collected or delivered) within which a unit comes back. The most specific rule wins (category over channel over `*`). */
  readonly windows: readonly { readonly id: string; readonly channel: Channel | '*'; readonly category: string | '*'; readonly days: number }[];
  /** Categories sold as final: never returned. */
  readonly finalSale: { readonly id: string; readonly categories: readonly string[] };
  /** Conditions accepted back, per category (the most specific rule wins). */
  readonly conditions: readonly { readonly id: string; readonly category: string | '*'; readonly accepted: readonly ReturnCondition[] }[];
  /** Where a unit in each condition goes at the receiving store. */
  readonly dispositions: Readonly<Record<ReturnCondition, Disposition>>;
  /** A purchase found by e-mail, phone or loyalty id, without the receipt. */
  readonly receiptless: { readonly id: string; readonly allowed: boolean; readonly refundMethods: readonly RefundMethod[]; readonly maxAmount: number };
}

export interface ReturnPolicy {
  readonly version: number;
  readonly effectiveFrom: Date;
  readonly document: ReturnPolicyDocument;
}

export const GENERAL_CATEGORY = 'general';
export const QUANTITY_RULE = 'quantity-returnable';
const DAY_MS = 24 * 3600 * 1000;
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function categoryOf(doc: ReturnPolicyDocument, sku: string): string {
  return doc.categories.find((c) => c.skuPrefixes.some((p) => sku.startsWith(p)))?.id ?? GENERAL_CATEGORY;
}

/** The rule for (channel, category): a category match counts more than a channel match; ties go to the first listed. */
export function windowFor(doc: ReturnPolicyDocument, channel: Channel, category: string): ReturnPolicyDocument['windows'][number] | null {
  const score = (w: ReturnPolicyDocument['windows'][number]) =>
    (w.channel !== '*' && w.channel !== channel) || (w.category !== '*' && w.category !== category)
      ? -1
      : (w.category !== '*' ? 2 : 0) + (w.channel !== '*' ? 1 : 0);
  return pickBest(doc.windows, score);
}

export function conditionRuleFor(doc: ReturnPolicyDocument, category: string): ReturnPolicyDocument['conditions'][number] | null {
  return pickBest(doc.conditions, (c) => (c.category === category ? 1 : c.category === '*' ? 0 : -1));
}

function pickBest<T>(items: readonly T[], score: (t: T) => number): T | null {
  let best: T | null = null;
  let bestScore = -1;
  for (const item of items) {
    const s = score(item);
    if (s > bestScore) [best, bestScore] = [item, s];
  }
  return best;
}

/** The version in force at `at`: the highest version already effective. */
export function policyInForce(policies: readonly ReturnPolicy[], at: Date): ReturnPolicy | null {
  return policies
    .filter((p) => p.effectiveFrom.getTime() <= at.getTime())
    .reduce<ReturnPolicy | null>((a, p) => (a === null || p.version > a.version ? p : a), null);
}

export type PolicyRefusalCode =
  | 'POLICY.NOT_RECEIVED'
  | 'POLICY.QUANTITY_EXCEEDED'
  | 'POLICY.FINAL_SALE'
  | 'POLICY.WINDOW_EXPIRED'
  | 'POLICY.CONDITION_NOT_ACCEPTED'
  | 'POLICY.RECEIPTLESS_NOT_ALLOWED'
  | 'POLICY.RECEIPTLESS_REFUND_METHOD'
  | 'POLICY.RECEIPTLESS_LIMIT';

export interface PolicyRefusal {
  /** The order line refused, or null for a rule about the whole return. */
  readonly lineId: string | null;
  readonly code: PolicyRefusalCode;
  readonly rule: string;
  readonly detail: string;
}

/** What the policy needs to know about one line asked back. */
export interface LineToJudge {
  readonly lineId: string;
  readonly sku: string;
  readonly quantity: number;
  /** null: accepted whatever its condition (an online authorisation, before the store sees the unit). */
  readonly condition: ReturnCondition | null;
  /** Units handed over (collected or delivered) less units already returned or being exchanged. */
  readonly returnable: number;
  readonly receivedAt: Date | null;
}

export interface ReturnToJudge {
  readonly orderChannel: Channel;
  readonly lines: readonly LineToJudge[];
  readonly withReceipt: boolean;
  /** How the customer is refunded and how much, for the receipt-less rules (null: no refund). */
  readonly refund: { readonly method: RefundMethod; readonly amount: number } | null;
  readonly at: Date;
}

export interface LineVerdict {
  readonly lineId: string;
  /** The window rule that allowed the line back. */
  readonly rule: string;
  readonly disposition: Disposition | null;
}

export type PolicyVerdict =
  | { readonly allowed: true; readonly policyVersion: number; readonly lines: readonly LineVerdict[] }
  | { readonly allowed: false; readonly policyVersion: number; readonly refusals: readonly PolicyRefusal[] };

/** Judges a return against one policy version: every refusal is listed, each naming its rule. */
export function judgeReturn(policy: ReturnPolicy, r: ReturnToJudge): PolicyVerdict {
  const doc = policy.document;
  const refusals: PolicyRefusal[] = [];
  const verdicts: LineVerdict[] = [];
  for (const l of r.lines) {
    const refuse = (code: PolicyRefusalCode, rule: string, detail: string) => refusals.push({ lineId: l.lineId, code, rule, detail });
    if (l.receivedAt === null) {
      refuse('POLICY.NOT_RECEIVED', QUANTITY_RULE, `line ${l.lineId} was not collected or delivered yet`);
      continue;
    }
    if (l.quantity > l.returnable)
      refuse('POLICY.QUANTITY_EXCEEDED', QUANTITY_RULE, `line ${l.lineId}: ${l.quantity} asked back, ${l.returnable} still returnable`);
    const category = categoryOf(doc, l.sku);
    if (doc.finalSale.categories.includes(category)) refuse('POLICY.FINAL_SALE', doc.finalSale.id, `${l.sku} is ${category}, sold as final`);
    const window = windowFor(doc, r.orderChannel, category);
    const days = window?.days ?? 0;
    const rule = window?.id ?? 'no-window';
    if (r.at.getTime() - l.receivedAt.getTime() > days * DAY_MS)
      refuse('POLICY.WINDOW_EXPIRED', rule, `${l.sku} (${category}, ${r.orderChannel}) can come back within ${days} days of handover`);
    let disposition: Disposition | null = null;
    if (l.condition !== null) {
      const cond = conditionRuleFor(doc, category);
      if (!cond || !cond.accepted.includes(l.condition))
        refuse('POLICY.CONDITION_NOT_ACCEPTED', cond?.id ?? 'no-condition-rule', `${l.sku} (${category}) is not taken back ${l.condition}`);
      disposition = doc.dispositions[l.condition];
    }
    verdicts.push({ lineId: l.lineId, rule, disposition });
  }
  if (!r.withReceipt) {
    const rl = doc.receiptless;
    if (!rl.allowed) refusals.push({ lineId: null, code: 'POLICY.RECEIPTLESS_NOT_ALLOWED', rule: rl.id, detail: 'returns without a receipt are not accepted' });
    else if (r.refund !== null && !rl.refundMethods.includes(r.refund.method))
      refusals.push({
        lineId: null,
        code: 'POLICY.RECEIPTLESS_REFUND_METHOD',
        rule: rl.id,
        detail: `without a receipt the refund is ${rl.refundMethods.join(' or ')}`,
      });
    else if (r.refund !== null && r.refund.amount > rl.maxAmount)
      refusals.push({ lineId: null, code: 'POLICY.RECEIPTLESS_LIMIT', rule: rl.id, detail: `without a receipt at most ${rl.maxAmount} is refunded` });
  }
  return refusals.length > 0 ? { allowed: false, policyVersion: policy.version, refusals } : { allowed: true, policyVersion: policy.version, lines: verdicts };
}

/** What is wrong with a policy document, field by field; empty when it can be published. */
export function policyProblems(doc: ReturnPolicyDocument): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const ids = new Set<string>();
  const checkId = (field: string, id: string) => {
    if (!ID.test(id)) problems.push({ field, message: 'a rule id is 1-64 lowercase letters, digits or dashes' });
    else if (ids.has(id)) problems.push({ field, message: `rule id ${id} is used twice` });
    ids.add(id);
  };
  const categories = new Set([GENERAL_CATEGORY, ...doc.categories.map((c) => c.id)]);
  doc.categories.forEach((c, i) => checkId(`categories.${i}.id`, c.id));
  doc.windows.forEach((w, i) => {
    checkId(`windows.${i}.id`, w.id);
    if (w.channel !== '*' && !(CHANNELS as readonly string[]).includes(w.channel))
      problems.push({ field: `windows.${i}.channel`, message: `channel must be * or one of ${CHANNELS.join(', ')}` });
    if (w.category !== '*' && !categories.has(w.category)) problems.push({ field: `windows.${i}.category`, message: `unknown category ${w.category}` });
  });
  if (!doc.windows.some((w) => w.channel === '*' && w.category === '*'))
    problems.push({ field: 'windows', message: 'a default window (channel * and category *) is required' });
  checkId('finalSale.id', doc.finalSale.id);
  doc.finalSale.categories.forEach((c, i) => {
    if (!categories.has(c)) problems.push({ field: `finalSale.categories.${i}`, message: `unknown category ${c}` });
  });
  doc.conditions.forEach((c, i) => {
    checkId(`conditions.${i}.id`, c.id);
    if (c.category !== '*' && !categories.has(c.category)) problems.push({ field: `conditions.${i}.category`, message: `unknown category ${c.category}` });
    c.accepted.forEach((a, j) => {
      if (!(RETURN_CONDITIONS as readonly string[]).includes(a))
        problems.push({ field: `conditions.${i}.accepted.${j}`, message: `condition must be one of ${RETURN_CONDITIONS.join(', ')}` });
    });
  });
  if (!doc.conditions.some((c) => c.category === '*')) problems.push({ field: 'conditions', message: 'a default condition rule (category *) is required' });
  for (const c of RETURN_CONDITIONS) {
    if (!(DISPOSITIONS as readonly string[]).includes(doc.dispositions[c]))
      problems.push({ field: `dispositions.${c}`, message: `disposition must be one of ${DISPOSITIONS.join(', ')}` });
  }
  checkId('receiptless.id', doc.receiptless.id);
  doc.receiptless.refundMethods.forEach((m, i) => {
    if (!(REFUND_METHODS as readonly string[]).includes(m))
      problems.push({ field: `receiptless.refundMethods.${i}`, message: `refund method must be one of ${REFUND_METHODS.join(', ')}` });
  });
  return problems;
}

/** Version 1, seeded by the migration; later versions are published through the admin API. */
export const INITIAL_POLICY: ReturnPolicyDocument = {
  categories: [
    { id: 'clearance', skuPrefixes: ['FINAL-', 'CLR-'] },
    { id: 'hygiene', skuPrefixes: ['HYG-'] },
    { id: 'electronics', skuPrefixes: ['EL-'] },
  ],
  windows: [
    { id: 'window-default', channel: '*', category: '*', days: 30 },
    { id: 'window-web', channel: 'web', category: '*', days: 45 },
    { id: 'window-app', channel: 'app', category: '*', days: 45 },
    { id: 'window-electronics', channel: '*', category: 'electronics', days: 14 },
  ],
  finalSale: { id: 'final-sale', categories: ['clearance'] },
  conditions: [
    { id: 'condition-default', category: '*', accepted: ['new', 'opened', 'damaged', 'faulty'] },
    { id: 'condition-hygiene', category: 'hygiene', accepted: ['new', 'faulty'] },
  ],
  dispositions: { new: 'sellable', opened: 'sellable', worn: 'damaged', damaged: 'damaged', faulty: 'return-to-vendor' },
  receiptless: { id: 'receiptless', allowed: true, refundMethods: ['store-credit'], maxAmount: 10000 },
};
