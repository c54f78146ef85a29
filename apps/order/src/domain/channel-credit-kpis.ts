/**
 * Channel credit over time (docs/kpis.md): what a store did, per bucket (UTC day or hour), for the
 * orders of each channel they began in — sold at its POS, collected or shipped there for orders
 * begun elsewhere, and returns or exchanges it took back of orders begun elsewhere. Amounts in
 * minor units, per currency.
 */
export interface ChannelCreditCounts {
  readonly bucket: string;
  readonly storeId: string;
  /** The channel the orders began in (always `pos` for what the store sold itself). */
  readonly channel: string;
  readonly currency: string;
  readonly sold: number;
  readonly soldAmount: number;
  readonly collected: number;
  readonly collectedAmount: number;
  readonly shipped: number;
  readonly shippedAmount: number;
  readonly exchanged: number;
  readonly exchangedAmount: number;
  readonly takenBack: number;
  readonly takenBackAmount: number;
}

export interface ChannelCreditKpis extends ChannelCreditCounts {
  /** Collected and shipped here for orders begun elsewhere: the store's fulfilment credit. */
  readonly fulfilledForOthersAmount: number;
}

export function channelCreditKpis(c: ChannelCreditCounts): ChannelCreditKpis {
  return { ...c, fulfilledForOthersAmount: c.collectedAmount + c.shippedAmount };
}

/** A store's headline channel credit over a window, for the gauges: counts per store, amounts per store and currency. */
export interface CreditHeadline {
  readonly labels: { readonly store: string; readonly currency?: string };
  readonly figures: Readonly<Record<string, number>>;
}

/**
 * Channel credit per store, whatever the buckets and channels: its POS sales, the groups it
 * fulfilled for orders begun elsewhere (collected and shipped), the returns and exchanges it took
 * back of them; then, per store and currency, the value it fulfilled for others.
 */
export function channelCreditHeadlines(rows: readonly ChannelCreditKpis[]): { perStore: CreditHeadline[]; perCurrency: CreditHeadline[] } {
  const stores = new Map<string, { posSales: number; fulfilledForOthers: number; takenBack: number }>();
  const amounts = new Map<string, { store: string; currency: string; fulfilledForOthersAmount: number }>();
  for (const r of rows) {
    const s = stores.get(r.storeId) ?? { posSales: 0, fulfilledForOthers: 0, takenBack: 0 };
    s.posSales += r.sold;
    s.fulfilledForOthers += r.collected + r.shipped;
    s.takenBack += r.exchanged + r.takenBack;
    stores.set(r.storeId, s);
    const key = `${r.storeId}\u0000${r.currency}`;
    const a = amounts.get(key) ?? { store: r.storeId, currency: r.currency, fulfilledForOthersAmount: 0 };
    a.fulfilledForOthersAmount += r.fulfilledForOthersAmount;
    amounts.set(key, a);
  }
  return {
    perStore: [...stores].map(([store, figures]) => ({ labels: { store }, figures })),
    perCurrency: [...amounts.values()].map(({ store, currency, fulfilledForOthersAmount }) => ({
      labels: { store, currency },
      figures: { fulfilledForOthersAmount },
    })),
  };
}
