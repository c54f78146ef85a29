import { checkPrices, listPrice, PriceCheck, PriceEntry } from '@omni/contracts';

/**
 * An exchange's replacements are sold at the till that takes the return: they cost the price
 * list's price in force for the order's currency at that store in the POS channel, as the order
 * service prices a sale there (ADR 0019). A stated price off the list is refused
 * (PRICE.MISMATCH, PRICE.NOT_LISTED), unless `overrideBy` is a caller trusted with
 * prices:override: then it is kept, and audited.
 */
export function priceReplacements(
  replacements: readonly { readonly sku: string; readonly unitPrice: number }[],
  list: ReadonlyMap<string, readonly PriceEntry[]>,
  sale: { readonly currency: string; readonly storeId: string; readonly at: Date },
  overrideBy: string | null,
): PriceCheck {
  const listed = new Map<string, number>();
  for (const r of replacements) {
    const price = listPrice(list.get(r.sku) ?? [], { currency: sale.currency, storeId: sale.storeId, channel: 'pos', at: sale.at });
    if (price !== null) listed.set(r.sku, price);
  }
  return checkPrices(replacements, listed, overrideBy);
}
