import { accept, Decision, refuse, ReturnChannel } from '@omni/contracts';
import { InspectionRefusal, inspectionRefusal, Parcel } from './parcel.machine';

/**
 * Whether a return or exchange may be opened at all (docs/returns.md), before the policy judges
 * its lines: the request's own shape, the return authorisation it names (a return by mail's),
 * and the order's lines it lists. Pure: the use case reads the authorisation and the order (both
 * locked) and asks here, in this order.
 */
export type AdmissionRefusal =
  | InspectionRefusal
  | 'AUTHORISATION.USED'
  | 'AUTHORISATION.EXPIRED'
  | 'AUTHORISATION.LINES_MISMATCH'
  | 'RETURN.UNKNOWN_LINE'
  | 'RETURN.DUPLICATE_LINE'
  | 'RETURN.MAIL_NEEDS_AUTHORISATION'
  | 'EXCHANGE.NOTHING_TO_SHIP';

type Admission = Decision<true, AdmissionRefusal>;

/** A line of the request: which order line, how many units. */
export interface ReturnedLine {
  readonly lineId: string;
  readonly quantity: number;
}

/** What an authorisation says that admission needs. */
export interface AuthorisationTerms {
  readonly code: string;
  readonly status: 'OPEN' | 'USED';
  readonly expiresAt: Date;
  readonly lines: readonly ReturnedLine[];
  readonly parcel: Parcel | null;
}

/** The request makes sense on its own: a parcel by mail comes with its authorisation; an address to ship to, with replacements. */
export function requestAdmission(r: {
  channel: ReturnChannel;
  authorisationCode: string | null;
  shipTo: unknown | null;
  replacements: readonly unknown[];
}): Admission {
  if (r.channel === 'mail' && r.authorisationCode === null)
    return refuse('RETURN.MAIL_NEEDS_AUTHORISATION', 'a return by mail is received with the authorisationCode the customer started online');
  if (r.shipTo !== null && r.replacements.length === 0) return refuse('EXCHANGE.NOTHING_TO_SHIP', 'shipReplacementTo is for an exchange: give replacements');
  return accept(true);
}

/**
 * The authorisation is still good for these lines, here and now: not used; a parcel sent by mail
 * received and inspected where it was received (the refund never comes first); received — or, for
 * a return at a store, brought — before it expired; no line or unit it did not authorise.
 */
export function authorisationAdmission(a: AuthorisationTerms, lines: readonly ReturnedLine[], storeId: string, now: Date): Admission {
  if (a.status === 'USED') return refuse('AUTHORISATION.USED', `authorisation ${a.code} was already used`);
  const notYet = a.parcel ? inspectionRefusal(a.parcel, storeId) : null;
  if (notYet) return refuse(notYet.code, notYet.detail);
  // A parcel is in time when it was received in time, however long its inspection waited.
  if ((a.parcel?.receivedAt ?? now).getTime() > a.expiresAt.getTime())
    return refuse('AUTHORISATION.EXPIRED', `authorisation ${a.code} expired at ${a.expiresAt.toISOString()}`);
  for (const l of lines) {
    const allowed = a.lines.find((x) => x.lineId === l.lineId);
    if (!allowed) return refuse('AUTHORISATION.LINES_MISMATCH', `line ${l.lineId} is not in authorisation ${a.code}`);
    if (l.quantity > allowed.quantity) return refuse('AUTHORISATION.LINES_MISMATCH', `line ${l.lineId}: ${l.quantity} brought, ${allowed.quantity} authorised`);
  }
  return accept(true);
}

/** Every line listed is a line of the order, once. */
export function linesAdmission(
  order: { readonly orderId: string; readonly lines: readonly { readonly lineId: string }[] },
  lines: readonly ReturnedLine[],
): Admission {
  const ids = new Set(order.lines.map((l) => l.lineId));
  const seen = new Set<string>();
  for (const l of lines) {
    if (!ids.has(l.lineId)) return refuse('RETURN.UNKNOWN_LINE', `order ${order.orderId} has no line ${l.lineId}`);
    if (seen.has(l.lineId)) return refuse('RETURN.DUPLICATE_LINE', `line ${l.lineId} is listed twice`);
    seen.add(l.lineId);
  }
  return accept(true);
}
