import { Metrics } from './metrics';

/** One row of headline figures: the values of its labels (store, channel, currency) and its figures. */
export interface Headline {
  readonly labels: Readonly<Record<string, string>>;
  readonly figures: Readonly<Record<string, number | null>>;
}

/** A gauge showing one figure of the headlines of one source, labelled as they are. */
export interface HeadlineGauge<S extends string> {
  readonly name: string;
  readonly help: string;
  readonly source: S;
  readonly figure: string;
  readonly labels: readonly string[];
}

/** The window the headline gauges show, and how long one reading serves the scrapes that follow. */
export const HEADLINE_WINDOW_MS = 24 * 3600 * 1000;
export const HEADLINE_REFRESH_MS = 60_000;

/**
 * Registers KPI headline gauges (docs/kpis.md): `read` answers every source's headlines over the
 * last 24 hours. One reading serves every gauge for a minute; a failed one leaves the gauges
 * empty until the next, and a figure without a value (a rate of nothing) is left out.
 */
export function registerHeadlineGauges<S extends string>(
  metrics: Metrics,
  gauges: readonly HeadlineGauge<S>[],
  read: (from: Date, to: Date) => Promise<Readonly<Record<S, readonly Headline[]>>>,
  now: () => number = Date.now,
): void {
  let last: { at: number; reading: Promise<Readonly<Record<S, readonly Headline[]>> | null> } | null = null;
  const reading = () => {
    const t = now();
    if (!last || t - last.at > HEADLINE_REFRESH_MS) last = { at: t, reading: read(new Date(t - HEADLINE_WINDOW_MS), new Date(t)).catch(() => null) };
    return last.reading;
  };
  for (const g of gauges) {
    metrics.gauge(g.name, g.help, [...g.labels], async (set) => {
      for (const h of (await reading())?.[g.source] ?? []) {
        const value = h.figures[g.figure];
        if (value === null || value === undefined) continue;
        set(Object.fromEntries(g.labels.map((l) => [l, h.labels[l] ?? ''])), value);
      }
    });
  }
}
