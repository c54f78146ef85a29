import { Metrics } from '@omni/platform';
import { cartHeadlines, cartKpis } from '../domain/cart-kpis';
import { channelCreditHeadlines, channelCreditKpis, ChannelCreditCounts } from '../domain/channel-credit-kpis';
import { registerOrderKpiGauges } from './order-kpi-gauges';

const day = '2026-12-03T00:00:00Z';
const cart = (startedChannel: string, lastChannel: string, started: number, checkedOut: number, abandoned: number) =>
  cartKpis({ bucket: day, startedChannel, lastChannel, started, checkedOut, abandoned, merged: 0, open: started - checkedOut - abandoned });
const credit = (storeId: string, channel: string, currency: string, c: Partial<ChannelCreditCounts>) =>
  channelCreditKpis({
    bucket: day,
    storeId,
    channel,
    currency,
    sold: 0,
    soldAmount: 0,
    collected: 0,
    collectedAmount: 0,
    shipped: 0,
    shippedAmount: 0,
    exchanged: 0,
    exchangedAmount: 0,
    takenBack: 0,
    takenBackAmount: 0,
    ...c,
  });

describe('order KPI gauges', () => {
  it('show carts per started channel: conversion, abandonment, cross-channel share and the handoff conversion of those handed to a store', async () => {
    // web: 10 started — 6 stayed on the web (3 checked out, 2 abandoned), 4 handed to a store's POS (3 checked out there).
    const headlines = cartHeadlines([cart('web', 'web', 6, 3, 2), cart('web', 'pos', 4, 3, 0), cart('app', 'app', 2, 0, 0)]);
    const metrics = new Metrics('order');
    registerOrderKpiGauges(metrics, async () => ({ carts: headlines, credit: [], creditAmounts: [] }));
    const text = await metrics.scrape();
    expect(text).toContain('kpi_carts_started{channel="web",service="order"} 10');
    expect(text).toContain('kpi_carts_conversion_rate{channel="web",service="order"} 0.6');
    expect(text).toContain('kpi_carts_abandonment_rate{channel="web",service="order"} 0.2');
    expect(text).toContain('kpi_carts_cross_channel_share{channel="web",service="order"} 0.4');
    expect(text).toContain('kpi_carts_handoff_conversion_rate{channel="web",service="order"} 0.75');
    expect(text).toContain('kpi_carts_started{channel="app",service="order"} 2');
    expect(text).toContain('kpi_carts_conversion_rate{channel="app",service="order"} 0');
    // No app cart was handed to a store: no handoff conversion to show.
    expect(text).not.toContain('kpi_carts_handoff_conversion_rate{channel="app"');
  });

  it('show channel credit per store, and the value fulfilled for others per store and currency', async () => {
    const { perStore, perCurrency } = channelCreditHeadlines([
      credit('PARIS', 'pos', 'EUR', { sold: 3, soldAmount: 9000 }),
      credit('PARIS', 'web', 'EUR', { collected: 2, collectedAmount: 5000, shipped: 1, shippedAmount: 1500, takenBack: 1, takenBackAmount: 700 }),
      credit('PARIS', 'app', 'GBP', { collected: 1, collectedAmount: 800, exchanged: 1, exchangedAmount: 800 }),
    ]);
    const metrics = new Metrics('order');
    registerOrderKpiGauges(metrics, async () => ({ carts: [], credit: perStore, creditAmounts: perCurrency }));
    const text = await metrics.scrape();
    expect(text).toContain('kpi_channel_credit_pos_sales{store="PARIS",service="order"} 3');
    expect(text).toContain('kpi_channel_credit_fulfilled_for_others{store="PARIS",service="order"} 4');
    expect(text).toContain('kpi_channel_credit_taken_back{store="PARIS",service="order"} 2');
    expect(text).toContain('kpi_channel_credit_fulfilled_for_others_amount{store="PARIS",currency="EUR",service="order"} 6500');
    expect(text).toContain('kpi_channel_credit_fulfilled_for_others_amount{store="PARIS",currency="GBP",service="order"} 800');
  });

  it('leave the gauges empty when the reading fails', async () => {
    const metrics = new Metrics('order');
    registerOrderKpiGauges(metrics, () => Promise.reject(new Error('database down')));
    expect(await metrics.scrape()).not.toContain('kpi_carts_started{');
  });
});
