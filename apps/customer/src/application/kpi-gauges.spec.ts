import { Metrics } from '@omni/platform';
import { PickupKpis, pickupHeadlines, pickupKpis, preorderHeadlines } from '../domain/kpis';
import { registerKpiGauges } from './kpi-gauges';

const row = (storeId: string, c: Partial<PickupKpis>): PickupKpis =>
  pickupKpis({
    bucket: '2026-12-03T00:00:00Z',
    storeId,
    channel: null,
    orders: 4,
    pickups: 4,
    ready: 4,
    collected: 3,
    expired: 1,
    cancelledBeforePickup: 0,
    shortPicked: 0,
    shipToStore: 0,
    placedToReadyP50s: 1800,
    placedToReadyP90s: 3600,
    readyToCollectedP50s: null,
    readyToCollectedP90s: null,
    ...c,
  });

describe('KPI gauges', () => {
  it("show each store's headline figures over the last 24 hours, read once a minute, none for a figure without value", async () => {
    const metrics = new Metrics('customer');
    let t = Date.parse('2026-12-03T12:00:00Z');
    const windows: [string, string][] = [];
    registerKpiGauges(
      metrics,
      async (from, to) => {
        windows.push([from.toISOString(), to.toISOString()]);
        return {
          pickups: pickupHeadlines([row('PARIS', {}), row('LYON', { pickups: 2, ready: 0, collected: 0, expired: 0 })]),
          returns: [{ storeId: 'PARIS', figures: { returns: 4, crossChannelShare: 0.75, exchangeShare: null, restockRate: 0.8 } }],
          deliveries: [{ storeId: 'WH', figures: { shipments: 6, shareOfShipments: 1, deliveredRate: 0.5, failedRate: 0 } }],
          endlessAisle: [{ storeId: 'LYON', figures: { posOrders: 2, endlessAisleShare: 0.5 } }],
          preorders: preorderHeadlines([
            {
              bucket: '2026-12-03T00:00:00Z',
              storeId: 'PARIS',
              channel: 'web',
              preorders: 3,
              allocated: 2,
              ready: 1,
              collected: 0,
              cancelled: 0,
              rescheduled: 1,
              placedToAllocatedP50s: null,
              allocatedToReadyP50s: null,
              allocatedToReadyP90s: null,
            },
            {
              bucket: '2026-12-03T00:00:00Z',
              storeId: 'PARIS',
              channel: 'app',
              preorders: 1,
              allocated: 1,
              ready: 0,
              collected: 0,
              cancelled: 0,
              rescheduled: 0,
              placedToAllocatedP50s: null,
              allocatedToReadyP50s: null,
              allocatedToReadyP90s: null,
            },
          ]),
        };
      },
      () => t,
    );
    const text = await metrics.scrape();
    expect(text).toContain('kpi_click_and_collect_pickups{store="PARIS",service="customer"} 4');
    expect(text).toContain('kpi_click_and_collect_pickup_rate{store="PARIS",service="customer"} 0.75');
    expect(text).toContain('kpi_click_and_collect_expiry_rate{store="PARIS",service="customer"} 0.25');
    expect(text).toContain('kpi_click_and_collect_placed_to_ready_p50_seconds{store="PARIS",service="customer"} 1800');
    expect(text).toContain('kpi_click_and_collect_pickups{store="LYON",service="customer"} 2');
    expect(text).not.toContain('kpi_click_and_collect_pickup_rate{store="LYON"');
    expect(text).not.toContain('kpi_click_and_collect_ready_to_collected_p50_seconds{store=');
    expect(text).toContain('kpi_returns_completed{store="PARIS",service="customer"} 4');
    expect(text).toContain('kpi_returns_cross_channel_share{store="PARIS",service="customer"} 0.75');
    expect(text).not.toContain('kpi_returns_exchange_share{store=');
    expect(text).toContain('kpi_returns_restock_rate{store="PARIS",service="customer"} 0.8');
    expect(text).toContain('kpi_deliveries_shipments{store="WH",service="customer"} 6');
    expect(text).toContain('kpi_deliveries_delivered_rate{store="WH",service="customer"} 0.5');
    expect(text).toContain('kpi_endless_aisle_share{store="LYON",service="customer"} 0.5');
    // Preorders add up over channels: 4 groups, 3 reached by supply, 1 rescheduled.
    expect(text).toContain('kpi_preorders_placed{store="PARIS",service="customer"} 4');
    expect(text).toContain('kpi_preorders_fill_rate{store="PARIS",service="customer"} 0.75');
    expect(text).toContain('kpi_preorders_reschedule_rate{store="PARIS",service="customer"} 0.25');
    expect(windows).toEqual([['2026-12-02T12:00:00.000Z', '2026-12-03T12:00:00.000Z']]);
    await metrics.scrape();
    expect(windows).toHaveLength(1);
    t += 61_000;
    await metrics.scrape();
    expect(windows).toHaveLength(2);
  });

  it('leave the gauges empty when the reading fails', async () => {
    const metrics = new Metrics('customer');
    registerKpiGauges(metrics, () => Promise.reject(new Error('database down')));
    expect(await metrics.scrape()).not.toContain('kpi_click_and_collect_pickups{');
  });
});
