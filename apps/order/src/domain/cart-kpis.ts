/**
 * Cart KPIs (docs/kpis.md, ADR 0028): the carts started in a bucket (UTC day or hour), by the
 * channel they were started in and the channel they were last used in — app → web, web → a
 * store's POS through a handoff — and how they ended: checked out, abandoned, merged into a
 * signed-in customer's cart, or still open.
 */
export interface CartCounts {
  readonly bucket: string;
  readonly startedChannel: string;
  /** The channel the cart was last continued in (its started channel when it never moved). */
  readonly lastChannel: string;
  readonly started: number;
  readonly checkedOut: number;
  readonly abandoned: number;
  readonly merged: number;
  readonly open: number;
}

export interface CartKpis extends CartCounts {
  /** Continued in another channel than the one it began in. */
  readonly crossChannel: boolean;
  /** Handed from another channel to a store's POS (a handoff code claimed there). */
  readonly handedToStore: boolean;
  /** Checked out, of those started: for carts handed to a store, the handoff conversion. */
  readonly conversionRate: number | null;
  /** Abandoned, of those started. */
  readonly abandonmentRate: number | null;
}

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

export function cartKpis(c: CartCounts): CartKpis {
  return {
    ...c,
    crossChannel: c.lastChannel !== c.startedChannel,
    handedToStore: c.lastChannel === 'pos' && c.startedChannel !== 'pos',
    conversionRate: rate(c.checkedOut, c.started),
    abandonmentRate: rate(c.abandoned, c.started),
  };
}

/** A channel's headline cart figures over a window, for the gauges: what its rows add up to whatever their buckets. */
export interface ChannelHeadline {
  readonly labels: { readonly channel: string };
  readonly figures: Readonly<Record<string, number | null>>;
}

/**
 * Carts per channel they were started in: how many, the share checked out, abandoned and
 * continued in another channel, and the handoff conversion of those handed to a store's POS.
 */
export function cartHeadlines(rows: readonly CartKpis[]): ChannelHeadline[] {
  const sums = new Map<string, Record<'started' | 'checkedOut' | 'abandoned' | 'crossChannel' | 'handed' | 'handedCheckedOut', number>>();
  for (const r of rows) {
    const s = sums.get(r.startedChannel) ?? { started: 0, checkedOut: 0, abandoned: 0, crossChannel: 0, handed: 0, handedCheckedOut: 0 };
    s.started += r.started;
    s.checkedOut += r.checkedOut;
    s.abandoned += r.abandoned;
    if (r.crossChannel) s.crossChannel += r.started;
    if (r.handedToStore) {
      s.handed += r.started;
      s.handedCheckedOut += r.checkedOut;
    }
    sums.set(r.startedChannel, s);
  }
  return [...sums].map(([channel, s]) => ({
    labels: { channel },
    figures: {
      started: s.started,
      conversionRate: rate(s.checkedOut, s.started),
      abandonmentRate: rate(s.abandoned, s.started),
      crossChannelShare: rate(s.crossChannel, s.started),
      handoffConversionRate: rate(s.handedCheckedOut, s.handed),
    },
  }));
}
