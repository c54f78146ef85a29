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
