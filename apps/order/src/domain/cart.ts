import { accept, CartAbandonedV1, Channel, ContactChannel, Decision, event, refuse } from '@omni/contracts';
import { createHash } from 'node:crypto';

/** States of a cart (docs/carts.md). */
export type CartStatus = 'OPEN' | 'CHECKED_OUT' | 'MERGED' | 'ABANDONED';
export const CART_STATUSES: readonly CartStatus[] = ['OPEN', 'CHECKED_OUT', 'MERGED', 'ABANDONED'];

/** The lifecycle as data: only an open cart moves, and only once. */
export const CART_TRANSITIONS: Readonly<Record<CartStatus, readonly CartStatus[]>> = {
  OPEN: ['CHECKED_OUT', 'MERGED', 'ABANDONED'],
  CHECKED_OUT: [],
  MERGED: [],
  ABANDONED: [],
};

export type CartRefusal =
  | 'CART.NOT_FOUND'
  | 'CART.NOT_OPEN'
  | 'CART.EMPTY'
  | 'CART.CURRENCY_MISMATCH'
  | 'CART.NOT_A_GUEST_CART'
  | 'CART.HANDOFF_INVALID'
  | 'CART.NOT_YOURS'
  | 'CART.PRICE_CHANGED';

export interface CartLine {
  readonly sku: string;
  readonly quantity: number;
  /** Price of one unit now, in minor units. */
  readonly unitPrice: number;
  /** Price of one unit when the line was first added: the reference of the price re-check. */
  readonly firstUnitPrice: number;
}

export interface Cart {
  readonly id: string;
  /** Customer account id (a customer token's customer_id); null for a guest. */
  readonly ownerId: string | null;
  readonly status: CartStatus;
  readonly currency: string;
  readonly startedChannel: Channel;
  readonly startedStoreId: string | null;
  readonly currentChannel: Channel;
  readonly currentStoreId: string | null;
  readonly lines: readonly CartLine[];
  readonly createdAt: Date;
  readonly lastActivityAt: Date;
  readonly orderId: string | null;
  readonly mergedIntoId: string | null;
}

export interface LineInput {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: number;
}

/** A line whose price differs from the price it was first added with. */
export interface PriceChange {
  readonly sku: string;
  readonly firstUnitPrice: number;
  readonly unitPrice: number;
}

export interface Where {
  readonly channel: Channel;
  readonly storeId: string | null;
}

function transition(c: Cart, to: CartStatus): boolean {
  return CART_TRANSITIONS[c.status].includes(to);
}

export function newCart(input: { id: string; ownerId: string | null; currency: string; where: Where; lines: readonly LineInput[] }, now: Date): Cart {
  return {
    id: input.id,
    ownerId: input.ownerId,
    status: 'OPEN',
    currency: input.currency,
    startedChannel: input.where.channel,
    startedStoreId: input.where.storeId,
    currentChannel: input.where.channel,
    currentStoreId: input.where.storeId,
    lines: nextLines([], input.lines),
    createdAt: now,
    lastActivityAt: now,
    orderId: null,
    mergedIntoId: null,
  };
}

/** The new lines, one per SKU (quantities of repeated SKUs add up); a SKU already in the cart keeps the price it was first added with as reference. */
function nextLines(current: readonly CartLine[], lines: readonly LineInput[]): CartLine[] {
  const first = new Map(current.map((l) => [l.sku, l.firstUnitPrice]));
  const out = new Map<string, CartLine>();
  for (const l of lines) {
    const seen = out.get(l.sku);
    out.set(
      l.sku,
      seen
        ? { ...seen, quantity: seen.quantity + l.quantity, unitPrice: l.unitPrice }
        : { sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice, firstUnitPrice: first.get(l.sku) ?? l.unitPrice },
    );
  }
  return [...out.values()];
}

/** Lines whose current price is not the one they were first added with. */
export function priceChanges(c: Cart): PriceChange[] {
  return c.lines.filter((l) => l.unitPrice !== l.firstUnitPrice).map((l) => ({ sku: l.sku, firstUnitPrice: l.firstUnitPrice, unitPrice: l.unitPrice }));
}

/** A line the price list priced otherwise than the cart had it. */
export interface Repricing {
  readonly sku: string;
  /** The unit price the cart had. */
  readonly from: number;
  /** The price list's unit price, which the line has now. */
  readonly to: number;
}

/**
 * The cart at the price list's prices (`listPrices`: SKU → unit price where the sale is made now).
 * A SKU the list has no price for keeps the price its channel sent; every line keeps the price it
 * was first added with as reference. Pure: the caller looks the prices up and saves.
 */
export function reprice(c: Cart, listPrices: ReadonlyMap<string, number>): { cart: Cart; repriced: Repricing[]; unpriced: string[] } {
  const repriced: Repricing[] = [];
  const unpriced: string[] = [];
  const lines = c.lines.map((l) => {
    const to = listPrices.get(l.sku);
    if (to === undefined) {
      unpriced.push(l.sku);
      return l;
    }
    if (to === l.unitPrice) return l;
    repriced.push({ sku: l.sku, from: l.unitPrice, to });
    return { ...l, unitPrice: to };
  });
  return { cart: repriced.length > 0 ? { ...c, lines } : c, repriced, unpriced };
}

export function replaceLines(c: Cart, lines: readonly LineInput[], now: Date): Decision<Cart, CartRefusal> {
  if (c.status !== 'OPEN') return refuse('CART.NOT_OPEN', `cart ${c.id} is ${c.status}`);
  return accept({ ...c, lines: nextLines(c.lines, lines), lastActivityAt: now });
}

/** The cart is now worked on in another channel or store; `moved` says whether that differs from where it was. */
export function continueIn(c: Cart, where: Where, now: Date): Decision<{ cart: Cart; moved: boolean }, CartRefusal> {
  if (c.status !== 'OPEN') return refuse('CART.NOT_OPEN', `cart ${c.id} is ${c.status}`);
  const moved = c.currentChannel !== where.channel || c.currentStoreId !== where.storeId;
  return accept({ cart: { ...c, currentChannel: where.channel, currentStoreId: where.storeId, lastActivityAt: now }, moved });
}

/**
 * A guest cart joins the signed-in customer's cart: its lines are added (a SKU in both keeps the
 * customer's price and adds the quantities); the guest cart becomes MERGED. The merged cart is
 * continued where the customer signed in.
 */
export function mergeGuestCart(guest: Cart, into: Cart, where: Where, now: Date): Decision<{ guest: Cart; into: Cart }, CartRefusal> {
  if (guest.ownerId !== null) return refuse('CART.NOT_A_GUEST_CART', `cart ${guest.id} belongs to a customer`);
  if (!transition(guest, 'MERGED')) return refuse('CART.NOT_OPEN', `cart ${guest.id} is ${guest.status}`);
  if (into.status !== 'OPEN') return refuse('CART.NOT_OPEN', `cart ${into.id} is ${into.status}`);
  if (guest.currency !== into.currency)
    return refuse('CART.CURRENCY_MISMATCH', `cart ${guest.id} is in ${guest.currency}, the customer's cart in ${into.currency}`);
  const byCustomer = new Map(into.lines.map((l) => [l.sku, l]));
  const lines: CartLine[] = [...into.lines.map((l) => ({ ...l }))];
  for (const g of guest.lines) {
    const mine = byCustomer.get(g.sku);
    if (mine) lines[lines.findIndex((l) => l.sku === g.sku)] = { ...mine, quantity: mine.quantity + g.quantity };
    else lines.push({ ...g });
  }
  return accept({
    guest: { ...guest, status: 'MERGED', mergedIntoId: into.id, lastActivityAt: now },
    into: { ...into, lines, currentChannel: where.channel, currentStoreId: where.storeId, lastActivityAt: now },
  });
}

/** A guest cart becomes the signed-in customer's cart when they have no open one yet. */
export function adoptGuestCart(guest: Cart, ownerId: string, where: Where, now: Date): Decision<Cart, CartRefusal> {
  if (guest.ownerId !== null) return refuse('CART.NOT_A_GUEST_CART', `cart ${guest.id} belongs to a customer`);
  if (guest.status !== 'OPEN') return refuse('CART.NOT_OPEN', `cart ${guest.id} is ${guest.status}`);
  return accept({ ...guest, ownerId, currentChannel: where.channel, currentStoreId: where.storeId, lastActivityAt: now });
}

/** The cart became the order `orderId`. */
export function checkOut(c: Cart, orderId: string, now: Date): Decision<Cart, CartRefusal> {
  if (!transition(c, 'CHECKED_OUT')) return refuse('CART.NOT_OPEN', `cart ${c.id} is ${c.status}`);
  if (c.lines.length === 0) return refuse('CART.EMPTY', `cart ${c.id} has no lines`);
  return accept({ ...c, status: 'CHECKED_OUT', orderId, lastActivityAt: now });
}

/** Marketing consent of a cart's owner, as the customer service last said it. */
export interface MarketingConsent {
  /** Granted on at least one contact channel. */
  readonly granted: boolean;
  /** The contact channels it is granted on; null when not known (recorded before channels were kept). */
  readonly channels: readonly ContactChannel[] | null;
}

/**
 * An open cart left untouched becomes ABANDONED. The cart.abandoned event is raised only for a
 * customer's cart with marketing consent, naming the channels it is granted on; a guest's cart or
 * one without consent is abandoned silently.
 */
export function abandon(c: Cart, consent: MarketingConsent, now: Date): Decision<Cart, CartRefusal> {
  if (!transition(c, 'ABANDONED')) return refuse('CART.NOT_OPEN', `cart ${c.id} is ${c.status}`);
  const next: Cart = { ...c, status: 'ABANDONED' };
  if (!consent.granted || c.ownerId === null || c.lines.length === 0) return accept(next);
  return accept(next, [
    event(CartAbandonedV1, {
      cartId: c.id,
      customerId: c.ownerId,
      startedChannel: c.startedChannel,
      startedStoreId: c.startedStoreId,
      currency: c.currency,
      lines: c.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
      ...(consent.channels?.length ? { marketingContactChannels: [...consent.channels] } : {}),
      lastActivityAt: c.lastActivityAt.toISOString(),
      abandonedAt: now.toISOString(),
    }),
  ]);
}

/** Handoff codes: 8 characters of Crockford's base32, read aloud to an associate, valid for HANDOFF_TTL_MINUTES. */
export const HANDOFF_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const HANDOFF_CODE_LENGTH = 8;
export const HANDOFF_TTL_MINUTES = 15;

export function normaliseHandoffCode(input: string): string {
  return input.trim().toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1').replace(/[\s-]/g, '');
}

/**
 * SHA-256 of the normalised code. Unsalted, so the POS can find the cart by the code alone; the
 * code lives 15 minutes, is single-use and only the hash is stored.
 */
export function hashHandoffCode(code: string): string {
  return createHash('sha256')
    .update(`cart-handoff:${normaliseHandoffCode(code)}`)
    .digest('hex');
}
