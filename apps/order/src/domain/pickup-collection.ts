import { accept, event, IdentityDocument, OrderCollectedV1, OrderPickupUnlockedV1, refuse } from '@omni/contracts';
import { PickupFulfilment } from './order';
import { capture, DecisionContext, locationOf, moved } from './group-effects';
import { MAX_FAILED_CODE_ATTEMPTS, pickupCodeMatches } from './pickup-code';
import { canFire, invalid, PickupDecision } from './pickup.machine';

/** A wrong code at the counter is remembered, so the order locks after MAX_FAILED_CODE_ATTEMPTS. */
export function registerWrongCode(o: PickupFulfilment, now: Date): PickupFulfilment {
  return { ...o, failedCodeAttempts: o.failedCodeAttempts + 1, updatedAt: now };
}

/**
 * A store supervisor lifts the lock of a ready pickup after checking the customer at the counter
 * (an identity document, the order confirmation): the wrong codes are forgotten, so the customer
 * can give the right code again. The event is the audit record of who did it and why.
 */
export function unlockPickup(o: PickupFulfilment, supervisorId: string, reason: string, ctx: DecisionContext): PickupDecision {
  if (!canFire(o.status, 'collect'))
    return refuse('ORDER.INVALID_TRANSITION', `a pickup lock is lifted only while the order waits for its customer; order ${o.id} is ${o.status}`);
  if (o.failedCodeAttempts < MAX_FAILED_CODE_ATTEMPTS)
    return refuse('PICKUP.NOT_LOCKED', `order ${o.id} is not locked: ${o.failedCodeAttempts} wrong codes of ${MAX_FAILED_CODE_ATTEMPTS}`);
  const state: PickupFulfilment = { ...o, failedCodeAttempts: 0, updatedAt: ctx.now };
  return accept(state, [
    event(OrderPickupUnlockedV1, {
      fulfilmentId: o.id,
      orderId: o.orderId,
      storeId: locationOf(o),
      supervisorId,
      reason,
      failedCodeAttempts: o.failedCodeAttempts,
      unlockedAt: ctx.now.toISOString(),
    }),
  ]);
}

/** The customer shows the code at the store's POS and takes the picked units. */
export function collectOrder(o: PickupFulfilment, pickupCode: string, ctx: DecisionContext): PickupDecision {
  if (!canFire(o.status, 'collect')) return invalid(o, 'collect');
  if (o.failedCodeAttempts >= MAX_FAILED_CODE_ATTEMPTS) return refuse('PICKUP.LOCKED', `too many wrong codes for order ${o.id}`);
  if (!pickupCodeMatches(o.pickupCode, pickupCode)) return refuse('PICKUP.CODE_INVALID', 'the pickup code does not match');
  const state = moved(o, 'COLLECTED', ctx.now, { collectedAt: ctx.now });
  const handed = o.lines.filter((l) => l.pickedQuantity > 0);
  return accept(state, [
    event(OrderCollectedV1, {
      orderId: o.orderId,
      fulfilmentId: o.id,
      storeId: locationOf(o),
      lines: handed.map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: l.pickedQuantity })),
      collectedAt: ctx.now.toISOString(),
    }),
    ...capture(
      o,
      handed.reduce((sum, l) => sum + l.pickedQuantity * l.unitPrice, 0),
      ctx,
    ),
  ]);
}

/** An identity document an associate checked at the counter instead of the pickup code. */
export interface IdentityCheck {
  readonly document: IdentityDocument;
  readonly documentNumberEnd: string;
  readonly nameOnDocument: string;
  readonly associateId: string;
}

/** A name as compared with an identity document: case, accents, punctuation and word order aside. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .sort()
    .join(' ');
}

/**
 * The customer has no code (lost, never received) and shows an identity document: an associate
 * hands the order over when the name on it is the order's contact name. The wrong-code lock does
 * not apply — the document is another proof — and the associate and document are published.
 */
export function collectWithIdentity(o: PickupFulfilment, holderName: string | null, check: IdentityCheck, ctx: DecisionContext): PickupDecision {
  if (!canFire(o.status, 'collect')) return invalid(o, 'collect');
  if (!holderName || nameKey(holderName) === '')
    return refuse('PICKUP.IDENTITY_UNVERIFIABLE', `order ${o.orderId} has no contact name to check a document against: collect it with the pickup code`);
  if (nameKey(holderName) !== nameKey(check.nameOnDocument))
    return refuse('PICKUP.IDENTITY_MISMATCH', 'the name on the document is not the name the order was placed under');
  const state = moved(o, 'COLLECTED', ctx.now, { collectedAt: ctx.now });
  const handed = o.lines.filter((l) => l.pickedQuantity > 0);
  return accept(state, [
    event(OrderCollectedV1, {
      orderId: o.orderId,
      fulfilmentId: o.id,
      storeId: locationOf(o),
      lines: handed.map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: l.pickedQuantity })),
      collectedAt: ctx.now.toISOString(),
      identityCheck: { document: check.document, documentNumberEnd: check.documentNumberEnd, associateId: check.associateId },
    }),
    ...capture(
      o,
      handed.reduce((sum, l) => sum + l.pickedQuantity * l.unitPrice, 0),
      ctx,
    ),
  ]);
}
