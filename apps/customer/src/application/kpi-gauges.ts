import { Injectable, OnModuleInit } from '@nestjs/common';
import { Metrics } from '@omni/platform';
import { PickupKpis } from '../domain/kpis';
import { KpiQueries } from './kpi.queries';

/** The window the gauges show, and how long one reading serves the scrapes that follow. */
const WINDOW_MS = 24 * 3600 * 1000;
const REFRESH_MS = 60_000;

type Figure = keyof Pick<PickupKpis, 'pickups' | 'pickupRate' | 'expiryRate' | 'placedToReadyP50s' | 'readyToCollectedP50s'>;

/** The headline click & collect figures as Prometheus gauges, per pickup store, over the last 24 hours (docs/kpis.md). */
export const KPI_GAUGES: readonly { name: string; help: string; figure: Figure }[] = [
  { name: 'kpi_click_and_collect_pickups', help: 'Click & collect pickups placed in the last 24 hours, per pickup store', figure: 'pickups' },
  { name: 'kpi_click_and_collect_pickup_rate', help: 'Collected of those made ready, orders placed in the last 24 hours', figure: 'pickupRate' },
  { name: 'kpi_click_and_collect_expiry_rate', help: 'Expired of those made ready, orders placed in the last 24 hours', figure: 'expiryRate' },
  { name: 'kpi_click_and_collect_placed_to_ready_p50_seconds', help: 'Median time from placement to ready, orders placed in the last 24 hours', figure: 'placedToReadyP50s' },
  { name: 'kpi_click_and_collect_ready_to_collected_p50_seconds', help: 'Median time from ready to collected, orders placed in the last 24 hours', figure: 'readyToCollectedP50s' },
];

/**
 * Registers the KPI gauges; `read` answers every store's figures over a window. One reading
 * serves every gauge for a minute; a failed one leaves the gauges empty until the next.
 */
export function registerKpiGauges(metrics: Metrics, read: (from: Date, to: Date) => Promise<PickupKpis[]>, now: () => number = Date.now): void {
  let last: { at: number; rows: Promise<PickupKpis[] | null> } | null = null;
  const rows = () => {
    const t = now();
    if (!last || t - last.at > REFRESH_MS) last = { at: t, rows: read(new Date(t - WINDOW_MS), new Date(t)).catch(() => null) };
    return last.rows;
  };
  for (const g of KPI_GAUGES) {
    metrics.gauge(g.name, g.help, ['store'], async (set) => {
      for (const r of (await rows()) ?? []) {
        const value = r[g.figure];
        if (value !== null) set({ store: r.storeId }, value);
      }
    });
  }
}

@Injectable()
export class KpiGauges implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly kpis: KpiQueries,
  ) {}

  onModuleInit(): void {
    registerKpiGauges(this.metrics, (from, to) => this.kpis.clickAndCollectPerStore(from, to));
  }
}
