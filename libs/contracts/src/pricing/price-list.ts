import type { Channel } from '../events/common';
import type { PriceListEntryPayload } from '../events/price-list.events';

/**
 * The price list (docs/carts.md, ADR 0013): what a SKU sells for, per currency, everywhere or at
 * one store, in every channel or in one, from a date and possibly until one. Carts are priced from it when they move between
 * channels and at checkout; a SKU it has no price for keeps the price the channel sent.
 */
export interface PriceEntry {
  readonly currency: string;
  /** Price of one unit, minor units. */
  readonly unitPrice: number;
  /** A store's own price; null: the price everywhere else. */
  readonly storeId: string | null;
  /** A channel's own price (the app's, the marketplace's); null: in every channel. */
  readonly channel: Channel | null;
  /** null: in force from the start, so that any dated price (a sale) lays over it. */
  readonly validFrom: Date | null;
  /** Excluded; null: until replaced. */
  readonly validUntil: Date | null;
}

export interface PriceQuery {
  readonly currency: string;
  /** Where the sale is made (a POS's store); null for web, app and other channels without one. */
  readonly storeId: string | null;
  /** The channel the sale is made in. */
  readonly channel: Channel;
  readonly at: Date;
}

/** An entry as price-list.changed and the HTTP API carry it (dates as ISO strings), and back. */
export const priceEntryPayload = (e: PriceEntry): PriceListEntryPayload => ({
  currency: e.currency,
  unitPrice: e.unitPrice,
  storeId: e.storeId,
  channel: e.channel,
  validFrom: e.validFrom?.toISOString() ?? null,
  validUntil: e.validUntil?.toISOString() ?? null,
});
export const priceEntryOf = (p: PriceListEntryPayload): PriceEntry => ({
  currency: p.currency,
  unitPrice: p.unitPrice,
  storeId: p.storeId,
  channel: p.channel,
  validFrom: p.validFrom === null ? null : new Date(p.validFrom),
  validUntil: p.validUntil === null ? null : new Date(p.validUntil),
});

const startOf = (e: PriceEntry) => e.validFrom?.getTime() ?? Number.NEGATIVE_INFINITY;
const liveAt = (e: PriceEntry, at: Date) => startOf(e) <= at.getTime() && (e.validUntil === null || at.getTime() < e.validUntil.getTime());

/** Among entries of one scope in force, the one that started last: a promotion laid over a standing price wins while it lasts. */
function latest(entries: readonly PriceEntry[]): PriceEntry | null {
  return entries.reduce<PriceEntry | null>((best, e) => (best === null || startOf(e) > startOf(best) ? e : best), null);
}

/**
 * The unit price of a SKU for a sale in `currency` at `storeId` in `channel` at `at`: the most
 * specific price in force — the store's own in that channel, the store's own, the channel's own,
 * else the general one; null when the list has none.
 */
export function listPrice(entries: readonly PriceEntry[], q: PriceQuery): number | null {
  const live = entries.filter((e) => e.currency === q.currency && liveAt(e, q.at));
  const scoped = (storeId: string | null, channel: Channel | null) => latest(live.filter((e) => e.storeId === storeId && e.channel === channel));
  const scopes =
    q.storeId === null
      ? [scoped(null, q.channel), scoped(null, null)]
      : [scoped(q.storeId, q.channel), scoped(q.storeId, null), scoped(null, q.channel), scoped(null, null)];
  return scopes.find((e) => e !== null)?.unitPrice ?? null;
}

/** A rule an entry of a price list breaks: the index of the entry, the field and the rule. */
export interface PriceEntryProblem {
  readonly index: number;
  readonly field: 'validUntil' | 'validFrom';
  readonly rule: 'afterValidFrom' | 'unique';
  readonly message: string;
}

/** Every entry ends after it starts, and no two entries of one currency, store and channel start at the same time (which would win?). */
export function checkPriceEntries(entries: readonly PriceEntry[]): PriceEntryProblem[] {
  const problems: PriceEntryProblem[] = [];
  const starts = new Set<string>();
  entries.forEach((e, index) => {
    if (e.validUntil !== null && e.validUntil.getTime() <= startOf(e))
      problems.push({ index, field: 'validUntil', rule: 'afterValidFrom', message: `prices.${index}.validUntil must be after validFrom` });
    const key = `${e.currency}|${e.storeId ?? ''}|${e.channel ?? ''}|${startOf(e)}`;
    if (starts.has(key))
      problems.push({
        index,
        field: 'validFrom',
        rule: 'unique',
        message: `prices.${index}: another ${e.currency} price${e.storeId ? ` at ${e.storeId}` : ''}${e.channel ? ` in ${e.channel}` : ''} starts at the same time${e.validFrom === null ? ' (always)' : ''}`,
      });
    starts.add(key);
  });
  return problems;
}
