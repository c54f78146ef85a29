import { CapturedTenderPayload, event, isEvent, PaymentRefundRequestedV2, PendingEvent } from '@omni/contracts';

/**
 * Which tenders pay a refund back, for an order paid when it was placed (at a POS, with store
 * credit): in the order they were captured, each up to what it paid less what the order's earlier
 * refunds took from it — the rule the returns service follows for returns (its planRefund), so a
 * tender is never refunded twice. Several refunds of one decision are split in turn. An order the
 * payment system captured itself has no tenders here, and its refunds carry none.
 *
 * `refundedByReference`: what earlier refund requests of the order took, per tender reference.
 */
export function splitRefundsOverTenders(
  events: readonly PendingEvent[],
  captured: readonly CapturedTenderPayload[],
  refundedByReference: ReadonlyMap<string, number>,
): PendingEvent[] {
  if (captured.length === 0) return [...events];
  const taken = new Map(refundedByReference);
  return events.map((e) => {
    if (!isEvent(e, PaymentRefundRequestedV2)) return e;
    const p = e.payload;
    const tenders = split(p.amount, captured, taken);
    for (const t of tenders) taken.set(t.reference, (taken.get(t.reference) ?? 0) + t.amount);
    return event(PaymentRefundRequestedV2, { ...p, tenders });
  });
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
