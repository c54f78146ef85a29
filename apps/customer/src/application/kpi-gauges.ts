import { Injectable, OnModuleInit } from '@nestjs/common';
import { Headline, HeadlineGauge, Metrics, registerHeadlineGauges } from '@omni/platform';
import { deliveryHeadlines, endlessAisleHeadlines, pickupHeadlines, preorderHeadlines, returnHeadlines, StoreHeadline } from '../domain/kpis';
import { KpiQueries } from './kpi.queries';

/** Every store's headline figures over one window, per source of KPIs. */
export interface KpiReading {
  readonly pickups: readonly StoreHeadline[];
  readonly returns: readonly StoreHeadline[];
  readonly deliveries: readonly StoreHeadline[];
  readonly endlessAisle: readonly StoreHeadline[];
  readonly preorders: readonly StoreHeadline[];
}

type Source = keyof KpiReading;
const perStore = (name: string, help: string, source: Source, figure: string): HeadlineGauge<Source> => ({ name, help, source, figure, labels: ['store'] });

/** The headline figures as Prometheus gauges, per store (for deliveries: per shipping location), over the last 24 hours (docs/kpis.md). */
export const KPI_GAUGES: readonly HeadlineGauge<Source>[] = [
  perStore('kpi_click_and_collect_pickups', 'Click & collect pickups placed in the last 24 hours, per pickup store', 'pickups', 'pickups'),
  perStore('kpi_click_and_collect_pickup_rate', 'Collected of those made ready, orders placed in the last 24 hours', 'pickups', 'pickupRate'),
  perStore('kpi_click_and_collect_expiry_rate', 'Expired of those made ready, orders placed in the last 24 hours', 'pickups', 'expiryRate'),
  perStore(
    'kpi_click_and_collect_placed_to_ready_p50_seconds',
    'Median time from placement to ready, orders placed in the last 24 hours',
    'pickups',
    'placedToReadyP50s',
  ),
  perStore(
    'kpi_click_and_collect_ready_to_collected_p50_seconds',
    'Median time from ready to collected, orders placed in the last 24 hours',
    'pickups',
    'readyToCollectedP50s',
  ),
  perStore('kpi_returns_completed', 'Returns and exchanges completed at the store in the last 24 hours', 'returns', 'returns'),
  perStore(
    'kpi_returns_cross_channel_share',
    'Of the returns completed at the store in the last 24 hours, the share bought in another channel than a store POS',
    'returns',
    'crossChannelShare',
  ),
  perStore(
    'kpi_returns_exchange_share',
    'Of the returns completed at the store in the last 24 hours, the share that were exchanges',
    'returns',
    'exchangeShare',
  ),
  perStore(
    'kpi_returns_restock_rate',
    'Of the units taken back at the store in the last 24 hours, the share restocked as sellable (the rest kept apart as damaged or for the vendor)',
    'returns',
    'restockRate',
  ),
  perStore('kpi_deliveries_shipments', 'Delivery groups of orders placed in the last 24 hours assigned to the location to ship', 'deliveries', 'shipments'),
  perStore(
    'kpi_deliveries_share_of_shipments',
    "The location's share of every location's delivery groups, orders placed in the last 24 hours (at a store: ship-from-store share)",
    'deliveries',
    'shareOfShipments',
  ),
  perStore('kpi_deliveries_delivered_rate', 'Delivered of those the location shipped, orders placed in the last 24 hours', 'deliveries', 'deliveredRate'),
  perStore(
    'kpi_deliveries_failed_rate',
    'Failed (refused, lost, undeliverable) of those the location shipped, orders placed in the last 24 hours',
    'deliveries',
    'failedRate',
  ),
  perStore('kpi_endless_aisle_pos_orders', "Orders the store's POS placed in the last 24 hours", 'endlessAisle', 'posOrders'),
  perStore(
    'kpi_endless_aisle_share',
    "Of the orders the store's POS placed in the last 24 hours, the share delivered to an address or collected at another store",
    'endlessAisle',
    'endlessAisleShare',
  ),
  perStore('kpi_preorders_placed', 'Preorder groups placed in the last 24 hours, per pickup store', 'preorders', 'preorders'),
  perStore(
    'kpi_preorders_fill_rate',
    'Of the preorder groups placed in the last 24 hours, the share supply has reached (allocated at the store or on their way)',
    'preorders',
    'fillRate',
  ),
  perStore(
    'kpi_preorders_reschedule_rate',
    'Of the preorder groups placed in the last 24 hours, the share whose estimated date moved',
    'preorders',
    'rescheduleRate',
  ),
];

const labelled = (rows: readonly StoreHeadline[]): Headline[] => rows.map((h) => ({ labels: { store: h.storeId }, figures: h.figures }));

/** Registers the KPI gauges; `read` answers every store's figures over a window (one reading a minute). */
export function registerKpiGauges(metrics: Metrics, read: (from: Date, to: Date) => Promise<KpiReading>, now: () => number = Date.now): void {
  registerHeadlineGauges(
    metrics,
    KPI_GAUGES,
    async (from, to) => {
      const r = await read(from, to);
      return {
        pickups: labelled(r.pickups),
        returns: labelled(r.returns),
        deliveries: labelled(r.deliveries),
        endlessAisle: labelled(r.endlessAisle),
        preorders: labelled(r.preorders),
      };
    },
    now,
  );
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
      const [pickups, returns, deliveries, endlessAisle, preorders] = await Promise.all([
        this.kpis.clickAndCollectPerStore(from, to),
        this.kpis.returns(all),
        this.kpis.deliveries(all),
        this.kpis.endlessAisle(all),
        this.kpis.preorders(all),
      ]);
      return {
        pickups: pickupHeadlines(pickups),
        returns: returnHeadlines(returns),
        deliveries: deliveryHeadlines(deliveries),
        endlessAisle: endlessAisleHeadlines(endlessAisle),
        preorders: preorderHeadlines(preorders),
      };
    });
  }
}
