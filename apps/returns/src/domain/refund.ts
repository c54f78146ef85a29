import { RefundMethod, TenderAmountPayload } from '@omni/contracts';

export interface RefundPlan {
  /** Amounts asked of the payment system, per original tender. */
  readonly toTenders: readonly TenderAmountPayload[];
  /** Amount credited to the customer's store-credit balance. */
  readonly toStoreCredit: number;
  /** The store-credit tender refunded (its redemption), or null when credit is the method chosen. */
  readonly storeCreditReference: string | null;
}

/**
 * Splits a refund. As store credit: all of it. To the original tender: over the tenders the order
 * was paid with, in the order they were captured, each up to what it paid less what was already
 * refunded to it; a part paid with store credit goes back as store credit. An order paid later
 * through the payment system (no tender captured at placing) has one tender: the order's payment,
 * referenced by the order id.
 */
export function planRefund(
  amount: number,
  method: RefundMethod,
  orderId: string,
  orderTotal: number,
  captured: readonly TenderAmountPayload[],
  refundedByReference: ReadonlyMap<string, number>,
): RefundPlan {
  if (amount <= 0) return { toTenders: [], toStoreCredit: 0, storeCreditReference: null };
  if (method === 'store-credit') return { toTenders: [], toStoreCredit: amount, storeCreditReference: null };
  const tenders: readonly TenderAmountPayload[] = captured.length > 0 ? captured : [{ tender: 'card', amount: orderTotal, reference: orderId }];
  let left = amount;
  const parts: TenderAmountPayload[] = [];
  for (const t of tenders) {
    const room = Math.max(0, t.amount - (refundedByReference.get(t.reference) ?? 0));
    const take = Math.min(room, left);
    if (take > 0) parts.push({ ...t, amount: take });
    left -= take;
  }
  // More than the tenders hold (the POS priced an exchange above the order): the first tender takes the rest.
  if (left > 0) {
    const first = tenders[0];
    const i = parts.findIndex((p) => p.reference === first.reference);
    if (i >= 0) parts[i] = { ...parts[i], amount: parts[i].amount + left };
    else parts.unshift({ ...first, amount: left });
  }
  const credit = parts.filter((p) => p.tender === 'store-credit');
  return {
    toTenders: parts.filter((p) => p.tender !== 'store-credit'),
    toStoreCredit: credit.reduce((s, p) => s + p.amount, 0),
    storeCreditReference: credit[0]?.reference ?? null,
  };
}
