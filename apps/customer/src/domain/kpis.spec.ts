import { preorderKpis, deliveryHeadlines, deliveryKpis, endlessAisleHeadlines, endlessAisleKpis, pickupKpis, returnHeadlines, returnKpis } from './kpis';
import { aPickupCounts as counts } from './test/builders';

describe('click & collect KPIs', () => {
  it('rates pickups against those made ready, and short picks, transfers and cancellations against all pickups', () => {
    expect(pickupKpis(counts())).toMatchObject({
      pickupRate: 0.75,
      expiryRate: 0.125,
      shortPickRate: 0.1,
      shipToStoreShare: 0.3,
      cancelledBeforePickupRate: 0.2,
      placedToReadyP50s: 3600,
      readyToCollectedP90s: null,
    });
  });

  it('has no rate where nothing was counted (not a zero)', () => {
    expect(
      pickupKpis(counts({ pickups: 0, orders: 0, ready: 0, collected: 0, expired: 0, cancelledBeforePickup: 0, shortPicked: 0, shipToStore: 0 })),
    ).toMatchObject({
      pickupRate: null,
      expiryRate: null,
      shortPickRate: null,
      shipToStoreShare: null,
      cancelledBeforePickupRate: null,
    });
  });
});

describe('returns KPIs', () => {
  const returns = {
    bucket: '2026-12-03T00:00:00Z',
    storeId: 'PARIS',
    currency: 'EUR',
    returns: 8,
    boughtOnline: 6,
    byMail: 1,
    exchanges: 2,
    evenExchanges: 1,
    refundedToTender: 7500,
    refundedAsStoreCredit: 2500,
    chargedForExchanges: 1000,
    unitsRestocked: 6,
    unitsDamaged: 3,
    unitsReturnToVendor: 1,
  };

  it('shares returns bought online and exchanges of all returns, store credit of all refunded, and units restocked of all taken back', () => {
    expect(returnKpis(returns)).toEqual({ ...returns, crossChannelShare: 0.75, exchangeShare: 0.25, storeCreditShare: 0.25, restockRate: 0.6 });
  });

  it('has no share where nothing was counted or refunded (not a zero)', () => {
    expect(
      returnKpis({
        ...returns,
        returns: 0,
        boughtOnline: 0,
        exchanges: 0,
        evenExchanges: 0,
        byMail: 0,
        refundedToTender: 0,
        refundedAsStoreCredit: 0,
        unitsRestocked: 0,
        unitsDamaged: 0,
        unitsReturnToVendor: 0,
      }),
    ).toMatchObject({ crossChannelShare: null, exchangeShare: null, storeCreditShare: null, restockRate: null });
  });
});

describe('delivery KPIs', () => {
  const counts = {
    bucket: '2026-12-03T00:00:00Z',
    locationId: 'PARIS',
    channel: 'web',
    shipments: 3,
    allShipments: 12,
    shipped: 2,
    delivered: 1,
    failed: 1,
    cancelledBeforeShipping: 1,
    placedToShippedP50s: 3600.04,
    placedToShippedP90s: 7200,
    shippedToDeliveredP50s: 86_400,
    shippedToDeliveredP90s: null,
  };

  it('gives a location its share of the shipments and the outcomes of what it shipped', () => {
    expect(deliveryKpis(counts)).toMatchObject({
      shareOfShipments: 0.25,
      deliveredRate: 0.5,
      failedRate: 0.5,
      placedToShippedP50s: 3600,
      shippedToDeliveredP90s: null,
    });
  });

  it('has no rates where nothing was shipped', () => {
    expect(deliveryKpis({ ...counts, shipped: 0, delivered: 0, failed: 0 })).toMatchObject({ deliveredRate: null, failedRate: null, shareOfShipments: 0.25 });
  });
});

describe('endless aisle KPIs', () => {
  it("is the share of a POS's orders it could not hand over there and then", () => {
    expect(
      endlessAisleKpis({ bucket: '2026-12-03T00:00:00Z', storeId: 'PARIS', posOrders: 8, forDelivery: 2, forPickupElsewhere: 2, endlessAisle: 3 }),
    ).toMatchObject({ endlessAisleShare: 0.375 });
    expect(
      endlessAisleKpis({ bucket: '2026-12-03T00:00:00Z', storeId: 'PARIS', posOrders: 0, forDelivery: 0, forPickupElsewhere: 0, endlessAisle: 0 })
        .endlessAisleShare,
    ).toBeNull();
  });
});

describe('headline figures per store, for the gauges', () => {
  const bucket = (day: number) => `2026-12-0${day}T00:00:00Z`;

  it("adds a store's returns over buckets and currencies, and takes the shares of the sums", () => {
    const r = (
      storeId: string,
      day: number,
      currency: string,
      returns: number,
      boughtOnline: number,
      exchanges: number,
      unitsRestocked = returns,
      unitsDamaged = 0,
    ) => ({
      bucket: bucket(day),
      storeId,
      currency,
      returns,
      boughtOnline,
      byMail: 0,
      exchanges,
      evenExchanges: 0,
      refundedToTender: 0,
      refundedAsStoreCredit: 0,
      chargedForExchanges: 0,
      unitsRestocked,
      unitsDamaged,
      unitsReturnToVendor: 0,
    });
    // Paris takes back 8 units over three rows, 2 of them damaged: 6 of 8 restocked.
    expect(
      returnHeadlines([r('PARIS', 2, 'EUR', 3, 3, 1), r('PARIS', 3, 'EUR', 1, 0, 0, 0, 1), r('PARIS', 3, 'GBP', 4, 1, 1, 3, 1), r('LYON', 3, 'EUR', 1, 0, 0)]),
    ).toEqual([
      { storeId: 'PARIS', figures: { returns: 8, crossChannelShare: 0.5, exchangeShare: 0.25, restockRate: 0.75 } },
      { storeId: 'LYON', figures: { returns: 1, crossChannelShare: 0, exchangeShare: 0, restockRate: 1 } },
    ]);
  });

  it("gives each shipping location its share of every location's shipments, over buckets and channels", () => {
    const d = (locationId: string, channel: string, shipments: number, shipped: number, delivered: number, failed: number) => ({
      bucket: bucket(3),
      locationId,
      channel,
      shipments,
      allShipments: 0,
      shipped,
      delivered,
      failed,
      cancelledBeforeShipping: 0,
      placedToShippedP50s: null,
      placedToShippedP90s: null,
      shippedToDeliveredP50s: null,
      shippedToDeliveredP90s: null,
    });
    expect(deliveryHeadlines([d('PARIS', 'web', 2, 2, 1, 1), d('PARIS', 'app', 1, 0, 0, 0), d('WH', 'web', 5, 4, 4, 0)])).toEqual([
      { storeId: 'PARIS', figures: { shipments: 3, shareOfShipments: 0.375, deliveredRate: 0.5, failedRate: 0.5 } },
      { storeId: 'WH', figures: { shipments: 5, shareOfShipments: 0.625, deliveredRate: 1, failedRate: 0 } },
    ]);
  });

  it("adds a till's orders over buckets for its endless-aisle share", () => {
    const a = (day: number, posOrders: number, endlessAisle: number) => ({
      bucket: bucket(day),
      storeId: 'PARIS',
      posOrders,
      forDelivery: endlessAisle,
      forPickupElsewhere: 0,
      endlessAisle,
    });
    expect(endlessAisleHeadlines([a(2, 3, 1), a(3, 1, 1)])).toEqual([{ storeId: 'PARIS', figures: { posOrders: 4, endlessAisleShare: 0.5 } }]);
  });
});

describe('preorder KPIs', () => {
  it('gives the fill rate (allocated of preordered) and the share whose estimate moved', () => {
    const k = preorderKpis({
      bucket: '2026-12-03T00:00:00Z',
      storeId: 'PARIS',
      channel: 'app',
      preorders: 4,
      allocated: 3,
      ready: 2,
      collected: 1,
      cancelled: 1,
      rescheduled: 1,
      placedToAllocatedP50s: 12.04,
      allocatedToReadyP50s: 172_800,
      allocatedToReadyP90s: null,
    });
    expect(k).toMatchObject({ fillRate: 0.75, rescheduleRate: 0.25, placedToAllocatedP50s: 12, allocatedToReadyP90s: null });
  });
});
