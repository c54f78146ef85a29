import { Injectable, OnModuleInit } from '@nestjs/common';
import { Metrics } from '@omni/platform';
import { deliveryHeadlines, endlessAisleHeadlines, pickupHeadlines, returnHeadlines, StoreHeadline } from '../domain/kpis';
import { KpiQueries } from './kpi.queries';

/** The window the gauges show, and how long one reading serves the scrapes that follow. */
const WINDOW_MS = 24 * 3600 * 1000;
const REFRESH_MS = 60_000;

/** Every store's headline figures over one window, per source of KPIs. */
export interface KpiReading {
  readonly pickups: readonly StoreHeadline[];
  readonly returns: readonly StoreHeadline[];
  readonly deliveries: readonly StoreHeadline[];
  readonly endlessAisle: readonly StoreHeadline[];
}

/** The headline figures as Prometheus gauges, per store (for deliveries: per shipping location), over the last 24 hours (docs/kpis.md). */
export const KPI_GAUGES: readonly { name: string; help: string; source: keyof KpiReading; figure: string }[] = [
  { name: 'kpi_click_and_collect_pickups', help: 'Click & collect pickups placed in the last 24 hours, per pickup store', source: 'pickups', figure: 'pickups' },
  { name: 'kpi_click_and_collect_pickup_rate', help: 'Collected of those made ready, orders placed in the last 24 hours', source: 'pickups', figure: 'pickupRate' },
  { name: 'kpi_click_and_collect_expiry_rate', help: 'Expired of those made ready, orders placed in the last 24 hours', source: 'pickups', figure: 'expiryRate' },
  { name: 'kpi_click_and_collect_placed_to_ready_p50_seconds', help: 'Median time from placement to ready, orders placed in the last 24 hours', source: 'pickups', figure: 'placedToReadyP50s' },
  { name: 'kpi_click_and_collect_ready_to_collected_p50_seconds', help: 'Median time from ready to collected, orders placed in the last 24 hours', source: 'pickups', figure: 'readyToCollectedP50s' },
  { name: 'kpi_returns_completed', help: 'Returns and exchanges completed at the store in the last 24 hours', source: 'returns', figure: 'returns' },
  { name: 'kpi_returns_cross_channel_share', help: 'Of the returns completed at the store in the last 24 hours, the share bought in another channel than a store POS', source: 'returns', figure: 'crossChannelShare' },
  { name: 'kpi_returns_exchange_share', help: 'Of the returns completed at the store in the last 24 hours, the share that were exchanges', source: 'returns', figure: 'exchangeShare' },
  { name: 'kpi_returns_restock_rate', help: 'Of the units taken back at the store in the last 24 hours, the share restocked as sellable (the rest kept apart as damaged or for the vendor)', source: 'returns', figure: 'restockRate' },
  { name: 'kpi_deliveries_shipments', help: 'Delivery groups of orders placed in the last 24 hours assigned to the location to ship', source: 'deliveries', figure: 'shipments' },
  { name: 'kpi_deliveries_share_of_shipments', help: 'The location\'s share of every location\'s delivery groups, orders placed in the last 24 hours (at a store: ship-from-store share)', source: 'deliveries', figure: 'shareOfShipments' },
  { name: 'kpi_deliveries_delivered_rate', help: 'Delivered of those the location shipped, orders placed in the last 24 hours', source: 'deliveries', figure: 'deliveredRate' },
  { name: 'kpi_deliveries_failed_rate', help: 'Failed (refused, lost, undeliverable) of those the location shipped, orders placed in the last 24 hours', source: 'deliveries', figure: 'failedRate' },
  { name: 'kpi_endless_aisle_pos_orders', help: 'Orders the store\'s POS placed in the last 24 hours', source: 'endlessAisle', figure: 'posOrders' },
  { name: 'kpi_endless_aisle_share', help: 'Of the orders the store\'s POS placed in the last 24 hours, the share delivered to an address or collected at another store', source: 'endlessAisle', figure: 'endlessAisleShare' },
];

/**
 * Registers the KPI gauges; `read` answers every store's figures over a window. One reading
 * serves every gauge for a minute; a failed one leaves the gauges empty until the next.
 */
export function registerKpiGauges(metrics: Metrics, read: (from: Date, to: Date) => Promise<KpiReading>, now: () => number = Date.now): void {
  let last: { at: number; reading: Promise<KpiReading | null> } | null = null;
  const reading = () => {
    const t = now();
    if (!last || t - last.at > REFRESH_MS) last = { at: t, reading: read(new Date(t - WINDOW_MS), new Date(t)).catch(() => null) };
    return last.reading;
  };
  for (const g of KPI_GAUGES) {
    metrics.gauge(g.name, g.help, ['store'], async (set) => {
      for (const h of (await reading())?.[g.source] ?? []) {
        const value = h.figures[g.figure];
        if (value !== null && value !== undefined) set({ store: h.storeId }, value);
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
    registerKpiGauges(this.metrics, async (from, to) => {
      const all = { from, to, granularity: 'day' as const, storeId: null, channel: null };
      const [pickups, returns, deliveries, endlessAisle] = await Promise.all([this.kpis.clickAndCollectPerStore(from, to), this.kpis.returns(all), this.kpis.deliveries(all), this.kpis.endlessAisle(all)]);
      return {
        pickups: pickupHeadlines(pickups),
        returns: returnHeadlines(returns),
        deliveries: deliveryHeadlines(deliveries),
        endlessAisle: endlessAisleHeadlines(endlessAisle),
      };
    });
  }
}
