import { Injectable, OnModuleInit } from '@nestjs/common';
import { Headline, HeadlineGauge, Metrics, registerHeadlineGauges } from '@omni/platform';
import { cartHeadlines } from '../domain/cart-kpis';
import { channelCreditHeadlines } from '../domain/channel-credit-kpis';
import { CartKpiQueries } from './cart-kpis.query';
import { ChannelCreditKpiQueries } from './channel-credit-kpis.query';

/** The order service's headline figures over one window, per source (docs/kpis.md). */
export interface OrderKpiReading {
  readonly carts: readonly Headline[];
  readonly credit: readonly Headline[];
  readonly creditAmounts: readonly Headline[];
}

type Source = keyof OrderKpiReading;
const gauge = (name: string, help: string, source: Source, figure: string, labels: string[]): HeadlineGauge<Source> => ({ name, help, source, figure, labels });

/** Carts per channel they were started in, channel credit per store (amounts per store and currency), over the last 24 hours. */
export const ORDER_KPI_GAUGES: readonly HeadlineGauge<Source>[] = [
  gauge('kpi_carts_started', 'Carts started in the last 24 hours, per channel they were started in', 'carts', 'started', ['channel']),
  gauge('kpi_carts_conversion_rate', 'Of the carts started in the last 24 hours, the share checked out into an order', 'carts', 'conversionRate', ['channel']),
  gauge(
    'kpi_carts_abandonment_rate',
    'Of the carts started in the last 24 hours, the share left idle past CART_ABANDON_AFTER_MINUTES',
    'carts',
    'abandonmentRate',
    ['channel'],
  ),
  gauge('kpi_carts_cross_channel_share', 'Of the carts started in the last 24 hours, the share continued in another channel', 'carts', 'crossChannelShare', [
    'channel',
  ]),
  gauge(
    'kpi_carts_handoff_conversion_rate',
    "Of the carts started in the last 24 hours and handed to a store's POS, the share checked out",
    'carts',
    'handoffConversionRate',
    ['channel'],
  ),
  gauge('kpi_channel_credit_pos_sales', "Orders the store's POS placed in the last 24 hours, whoever fulfils them", 'credit', 'posSales', ['store']),
  gauge(
    'kpi_channel_credit_fulfilled_for_others',
    'Pickup groups collected and delivery groups shipped at the store in the last 24 hours for orders begun in another channel or store',
    'credit',
    'fulfilledForOthers',
    ['store'],
  ),
  gauge(
    'kpi_channel_credit_taken_back',
    'Returns and exchanges finished at the store in the last 24 hours of orders begun in another channel or store',
    'credit',
    'takenBack',
    ['store'],
  ),
  gauge(
    'kpi_channel_credit_fulfilled_for_others_amount',
    'Value (minor units) of what the store fulfilled for other channels and stores in the last 24 hours, per currency',
    'creditAmounts',
    'fulfilledForOthersAmount',
    ['store', 'currency'],
  ),
];

/** Registers the order service's KPI gauges; `read` answers the figures over a window (one reading a minute). */
export function registerOrderKpiGauges(metrics: Metrics, read: (from: Date, to: Date) => Promise<OrderKpiReading>, now: () => number = Date.now): void {
  registerHeadlineGauges(metrics, ORDER_KPI_GAUGES, read, now);
}

@Injectable()
export class OrderKpiGauges implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly carts: CartKpiQueries,
    private readonly credit: ChannelCreditKpiQueries,
  ) {}

  onModuleInit(): void {
    registerOrderKpiGauges(this.metrics, async (from, to) => {
      const all = { from, to, granularity: 'day' as const, storeId: null, channel: null };
      const [carts, credit] = await Promise.all([this.carts.carts(all), this.credit.channelCredit(all)]);
      const { perStore, perCurrency } = channelCreditHeadlines(credit);
      return { carts: cartHeadlines(carts), credit: perStore, creditAmounts: perCurrency };
    });
  }
}
