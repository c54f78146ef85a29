/**
 * Who sets the price of a sale (docs/carts.md, ADR 0019): the price list. A caller states each
 * line's unitPrice, and it must be the list's price in force for the sale; a SKU the list does
 * not price cannot be sold at a price the caller makes up. Only a caller trusted with the
 * `prices:override` scope (a back office, a POS supervisor's price match) may state another
 * price, and the event of the sale records who did and what the list said. The order service
 * checks placements so; the returns service checks an exchange's replacements so, against the
 * list it keeps from price-list.changed.
 */
export type PriceRefusal = 'PRICE.NOT_LISTED' | 'PRICE.MISMATCH';

/** A line sold at a price other than the list's, by a trusted caller. */
export interface OverriddenPrice {
  readonly sku: string;
  /** The list's price in force, or null when the list has none. */
  readonly listPrice: number | null;
  readonly unitPrice: number;
}

/** The audit of a placement priced by its caller: who, and the lines not at the list's price. */
export interface PriceOverride {
  readonly by: string;
  readonly lines: readonly OverriddenPrice[];
}

export type PriceCheck =
  { readonly ok: true; readonly override: PriceOverride | null } | { readonly ok: false; readonly code: PriceRefusal; readonly detail: string };

/**
 * Checks the stated prices of a placement's lines against the list's prices in force (`listed`,
 * by SKU; a SKU absent has none). `overrideBy` is the trusted caller, or null when the list is
 * the authority. Every line off the list is named in the refusal.
 */
export function checkPrices(
  lines: readonly { readonly sku: string; readonly unitPrice: number }[],
  listed: ReadonlyMap<string, number>,
  overrideBy: string | null,
): PriceCheck {
  const off = lines.filter((l) => listed.get(l.sku) !== l.unitPrice);
  const unique = [...new Map(off.map((l) => [`${l.sku}@${l.unitPrice}`, l])).values()];
  if (unique.length === 0) return { ok: true, override: null };
  if (overrideBy !== null)
    return { ok: true, override: { by: overrideBy, lines: unique.map((l) => ({ sku: l.sku, listPrice: listed.get(l.sku) ?? null, unitPrice: l.unitPrice })) } };
  const unlisted = unique.filter((l) => !listed.has(l.sku));
  if (unlisted.length > 0)
    return {
      ok: false,
      code: 'PRICE.NOT_LISTED',
      detail: `the price list has no price for ${[...new Set(unlisted.map((l) => l.sku))].join(', ')} here: it cannot be sold at a stated price`,
    };
  return { ok: false, code: 'PRICE.MISMATCH', detail: unique.map((l) => `${l.sku} sells at ${listed.get(l.sku)}, not ${l.unitPrice}`).join('; ') };
}
