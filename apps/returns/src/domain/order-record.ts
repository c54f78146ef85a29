import { Channel, ContactPayload, TenderAmountPayload } from '@omni/contracts';
import { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * The returns service's read model of an order, built only from order events (never the order
 * service's tables): what was bought, at what price, and how many units the customer received.
 */
export interface OrderLineRecord {
  readonly lineId: string;
  readonly sku: string;
  readonly unitPrice: number;
  readonly quantity: number;
  readonly cancelled: number;
  /** Units handed over: collected at a store or delivered. */
  readonly received: number;
  /** Units taken back, or held by an exchange in progress. */
  readonly returned: number;
  /** Last handover of the line: the return window runs from here. */
  readonly receivedAt: Date | null;
}

export interface OrderRecord {
  readonly orderId: string;
  readonly receipt: string;
  readonly channel: Channel;
  readonly placedAtStoreId: string | null;
  readonly customerId: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly loyaltyId: string | null;
  readonly currency: string;
  readonly tenders: readonly TenderAmountPayload[];
  readonly cancelled: boolean;
  readonly placedAt: Date;
  readonly lines: readonly OrderLineRecord[];
}

/**
 * The receipt number printed on receipts and confirmation e-mails: the first 12 hex digits of the
 * order id, upper case (48 bits, so two orders sharing one is not expected; a lookup lists all).
 */
export function receiptOf(orderId: string): string {
  return orderId.replace(/-/g, '').slice(0, 12).toUpperCase();
}

export function normaliseEmail(email: string | null | undefined): string | null {
  const e = email?.trim().toLowerCase();
  return e ? e : null;
}

/**
 * E.164 when the number parses (international form, or national in `defaultCountry`), else its
 * digits: both sides of a lookup go through here.
 */
export function normalisePhone(phone: string | null | undefined, defaultCountry = ''): string | null {
  if (!phone?.trim()) return null;
  const parsed = parsePhoneNumberFromString(phone.trim(), defaultCountry ? (defaultCountry as CountryCode) : undefined);
  if (parsed?.isValid()) return parsed.number;
  const digits = phone.replace(/[^0-9]/g, '');
  return digits ? digits : null;
}

export function contactKeys(c: ContactPayload | null, phoneCountry = ''): { email: string | null; phone: string | null; loyaltyId: string | null } {
  return { email: normaliseEmail(c?.email), phone: normalisePhone(c?.phone, phoneCountry), loyaltyId: c?.loyaltyId?.trim() || null };
}

export function returnable(l: OrderLineRecord): number {
  return Math.max(0, l.received - l.returned);
}

export function orderTotal(o: Pick<OrderRecord, 'lines'>): number {
  return o.lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
}
