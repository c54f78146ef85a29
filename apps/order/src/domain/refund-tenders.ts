import { CapturedTenderPayload, isEvent, PaymentRefundRequestedV2, PendingEvent } from '@omni/contracts';

/**
 * Which tenders pay refunds back, for an order paid when it was placed (at a POS, with store
 * credit): in the order they were captured, each up to what it paid less what the order's refunds
 * took from it — the rule the returns service follows for returns (its planRefund), so a tender is
 * never refunded twice. Each refund the ledger splits counts against its tenders for the next, so
 * several refunds of one decision are split in turn. An order the payment system captured itself
 * has no tenders here, and its refunds carry none (undefined).
 *
 * `refundedByReference`: what earlier refund requests of the order took, per tender reference.
 */
export function tenderLedger(
  captured: readonly CapturedTenderPayload[],
  refundedByReference: ReadonlyMap<string, number>,
): (amount: number) => CapturedTenderPayload[] | undefined {
  if (captured.length === 0) return () => undefined;
  const taken = new Map(refundedByReference);
  return (amount) => {
    const tenders = split(amount, captured, taken);
    for (const t of tenders) taken.set(t.reference, (taken.get(t.reference) ?? 0) + t.amount);
    return tenders;
  };
}

/** What the order's refunds took per tender reference once `events` (a decision's) are requested too. */
export function refundedAfter(refundedByReference: ReadonlyMap<string, number>, events: readonly PendingEvent[]): Map<string, number> {
  const taken = new Map(refundedByReference);
  for (const e of events) {
    if (!isEvent(e, PaymentRefundRequestedV2)) continue;
    for (const t of e.payload.tenders ?? []) taken.set(t.reference, (taken.get(t.reference) ?? 0) + t.amount);
  }
  return taken;
}

function split(amount: number, captured: readonly CapturedTenderPayload[], taken: ReadonlyMap<string, number>): CapturedTenderPayload[] {
  const parts: CapturedTenderPayload[] = [];
  let left = amount;
  for (const t of captured) {
    const take = Math.min(Math.max(0, t.amount - (taken.get(t.reference) ?? 0)), left);
    if (take > 0) parts.push({ ...t, amount: take });
    left -= take;
  }
  // More than the tenders still hold: only a bug upstream gets here. The last tender takes the
  // rest, so the parts always add up to the amount the event asks for.
  if (left > 0) {
    const last = captured[captured.length - 1];
    const i = parts.findIndex((p) => p.reference === last.reference && p.tender === last.tender);
    if (i >= 0) parts[i] = { ...parts[i], amount: parts[i].amount + left };
    else parts.push({ ...last, amount: left });
  }
  return parts;
}
