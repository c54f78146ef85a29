/**
 * Click & collect KPIs (docs/kpis.md), read from the timeline: each pickup group of an order,
 * counted in the bucket (UTC day or hour) its order was placed in, at its pickup store and the
 * channel the order came from.
 */

/** What the read model counts for one bucket, store and channel. Durations in seconds. */
export interface PickupCounts {
  readonly bucket: string;
  readonly storeId: string;
  readonly channel: string | null;
  readonly orders: number;
  readonly pickups: number;
  readonly ready: number;
  readonly collected: number;
  readonly expired: number;
  readonly cancelledBeforePickup: number;
  readonly shortPicked: number;
  readonly shipToStore: number;
  readonly placedToReadyP50s: number | null;
  readonly placedToReadyP90s: number | null;
  readonly readyToCollectedP50s: number | null;
  readonly readyToCollectedP90s: number | null;
}

export interface PickupKpis extends PickupCounts {
  /** Collected of those made ready; null when none was ready. */
  readonly pickupRate: number | null;
  /** Expired (never collected) of those made ready. */
  readonly expiryRate: number | null;
  /** Pickups picked short, of all pickups. */
  readonly shortPickRate: number | null;
  /** Pickups served by a transfer from another location (ship-to-store), of all pickups. */
  readonly shipToStoreShare: number | null;
  /** Cancelled before the customer collected, of all pickups. */
  readonly cancelledBeforePickupRate: number | null;
}

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
const seconds = (s: number | null): number | null => (s === null ? null : Math.round(s * 10) / 10);

export function pickupKpis(c: PickupCounts): PickupKpis {
  return {
    ...c,
    placedToReadyP50s: seconds(c.placedToReadyP50s),
    placedToReadyP90s: seconds(c.placedToReadyP90s),
    readyToCollectedP50s: seconds(c.readyToCollectedP50s),
    readyToCollectedP90s: seconds(c.readyToCollectedP90s),
    pickupRate: rate(c.collected, c.ready),
    expiryRate: rate(c.expired, c.ready),
    shortPickRate: rate(c.shortPicked, c.pickups),
    shipToStoreShare: rate(c.shipToStore, c.pickups),
    cancelledBeforePickupRate: rate(c.cancelledBeforePickup, c.pickups),
  };
}

/**
 * Returns and exchanges finished at a store (or received there by mail), per bucket of their
 * completion, store and currency: how many, how many were bought in another channel, exchanged,
 * and what went back to the customer by which means. Amounts in minor units.
 */
export interface ReturnCounts {
  readonly bucket: string;
  readonly storeId: string;
  readonly currency: string;
  readonly returns: number;
  /** Of those, bought in another channel than a store's POS (web, app, call centre, marketplace). */
  readonly boughtOnline: number;
  /** Of those, received by mail rather than at the counter. */
  readonly byMail: number;
  readonly exchanges: number;
  /** Exchanges for exactly the value returned: nothing charged, nothing refunded. */
  readonly evenExchanges: number;
  readonly refundedToTender: number;
  readonly refundedAsStoreCredit: number;
  /** What the customers paid on top for uneven exchanges. */
  readonly chargedForExchanges: number;
  /** Units taken back by disposition: sellable ones back on hand, damaged ones and those for the vendor kept apart. */
  readonly unitsRestocked: number;
  readonly unitsDamaged: number;
  readonly unitsReturnToVendor: number;
}

export interface ReturnKpis extends ReturnCounts {
  /** Bought online and brought back here, of all returns here: the cross-channel share. */
  readonly crossChannelShare: number | null;
  /** Exchanges, of all returns. */
  readonly exchangeShare: number | null;
  /** Refunded as store credit, of all that was refunded. */
  readonly storeCreditShare: number | null;
  /** Units back on hand, of all units taken back. */
  readonly restockRate: number | null;
}

export function returnKpis(c: ReturnCounts): ReturnKpis {
  return {
    ...c,
    crossChannelShare: rate(c.boughtOnline, c.returns),
    exchangeShare: rate(c.exchanges, c.returns),
    storeCreditShare: rate(c.refundedAsStoreCredit, c.refundedToTender + c.refundedAsStoreCredit),
    restockRate: rate(c.unitsRestocked, c.unitsRestocked + c.unitsDamaged + c.unitsReturnToVendor),
  };
}

/**
 * Home deliveries per bucket of their order's placement, location that ships them and channel:
 * each group as inventory assigned it (a delivery split over locations counts once per location).
 * Durations in seconds.
 */
export interface DeliveryCounts {
  readonly bucket: string;
  /** The store or warehouse that ships them. */
  readonly locationId: string;
  readonly channel: string | null;
  readonly shipments: number;
  /** Shipments of every location in the same bucket and channel: what `shipments` is a share of. */
  readonly allShipments: number;
  readonly shipped: number;
  readonly delivered: number;
  /** The carrier reported it refused, lost or undeliverable. */
  readonly failed: number;
  readonly cancelledBeforeShipping: number;
  readonly placedToShippedP50s: number | null;
  readonly placedToShippedP90s: number | null;
  readonly shippedToDeliveredP50s: number | null;
  readonly shippedToDeliveredP90s: number | null;
}

export interface DeliveryKpis extends DeliveryCounts {
  /** This location's shipments of all the bucket's: at a store, its ship-from-store share. */
  readonly shareOfShipments: number | null;
  /** Delivered of those shipped. */
  readonly deliveredRate: number | null;
  /** Failed of those shipped. */
  readonly failedRate: number | null;
}

export function deliveryKpis(c: DeliveryCounts): DeliveryKpis {
  return {
    ...c,
    placedToShippedP50s: seconds(c.placedToShippedP50s),
    placedToShippedP90s: seconds(c.placedToShippedP90s),
    shippedToDeliveredP50s: seconds(c.shippedToDeliveredP50s),
    shippedToDeliveredP90s: seconds(c.shippedToDeliveredP90s),
    shareOfShipments: rate(c.shipments, c.allShipments),
    deliveredRate: rate(c.delivered, c.shipped),
    failedRate: rate(c.failed, c.shipped),
  };
}

/**
 * The endless aisle per bucket and store: orders a store's POS placed, and how many of them the
 * store could not hand over there and then — delivered to an address, or collected at another store.
 */
export interface EndlessAisleCounts {
  readonly bucket: string;
  /** The store whose POS placed them. */
  readonly storeId: string;
  readonly posOrders: number;
  /** With at least one group delivered to an address. */
  readonly forDelivery: number;
  /** With at least one group to collect at another store. */
  readonly forPickupElsewhere: number;
  /** With either: the endless-aisle sales. */
  readonly endlessAisle: number;
}

export interface EndlessAisleKpis extends EndlessAisleCounts {
  /** Endless-aisle sales of all the POS's orders. */
  readonly endlessAisleShare: number | null;
}

export function endlessAisleKpis(c: EndlessAisleCounts): EndlessAisleKpis {
  return { ...c, endlessAisleShare: rate(c.endlessAisle, c.posOrders) };
}

/**
 * Preorders with store pickup per bucket of placement, pickup store and channel: each preorder
 * group, whether and when supply reached it (allocated), then ready and collected, and whether
 * its estimate moved. Durations in seconds.
 */
export interface PreorderCounts {
  readonly bucket: string;
  readonly storeId: string;
  readonly channel: string | null;
  readonly preorders: number;
  /** Units allocated to it from supply (at the store or on their way from a warehouse). */
  readonly allocated: number;
  readonly ready: number;
  readonly collected: number;
  readonly cancelled: number;
  /** Whose estimated date moved at least once (a late shipment, a release that slipped, a place in line). */
  readonly rescheduled: number;
  readonly placedToAllocatedP50s: number | null;
  readonly allocatedToReadyP50s: number | null;
  readonly allocatedToReadyP90s: number | null;
}

export interface PreorderKpis extends PreorderCounts {
  /** Allocated of those preordered: how much of the demand supply has met. */
  readonly fillRate: number | null;
  /** Rescheduled of those preordered. */
  readonly rescheduleRate: number | null;
}

export function preorderKpis(c: PreorderCounts): PreorderKpis {
  return {
    ...c,
    placedToAllocatedP50s: seconds(c.placedToAllocatedP50s),
    allocatedToReadyP50s: seconds(c.allocatedToReadyP50s),
    allocatedToReadyP90s: seconds(c.allocatedToReadyP90s),
    fillRate: rate(c.allocated, c.preorders),
    rescheduleRate: rate(c.rescheduled, c.preorders),
  };
}

/** A store's headline figures over a window, for the gauges: what its rows add up to, whatever their buckets, channels or currencies. */
export interface StoreHeadline {
  readonly storeId: string;
  readonly figures: Readonly<Record<string, number | null>>;
}

function perStore<R>(rows: readonly R[], storeOf: (r: R) => string, add: (into: Record<string, number>, r: R) => void): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const sums = out.get(storeOf(r)) ?? {};
    add(sums, r);
    out.set(storeOf(r), sums);
  }
  return out;
}
const plus = (into: Record<string, number>, key: string, n: number) => (into[key] = (into[key] ?? 0) + n);

/** Click & collect per pickup store, from rows already per store over the window. */
export function pickupHeadlines(rows: readonly PickupKpis[]): StoreHeadline[] {
  return rows.map((r) => ({
    storeId: r.storeId,
    figures: {
      pickups: r.pickups,
      pickupRate: r.pickupRate,
      expiryRate: r.expiryRate,
      placedToReadyP50s: r.placedToReadyP50s,
      readyToCollectedP50s: r.readyToCollectedP50s,
    },
  }));
}

/** Returns per store: how many, the share bought online (cross-channel), the share exchanged and the share of units restocked. Amounts are per currency and left out. */
export function returnHeadlines(rows: readonly ReturnCounts[]): StoreHeadline[] {
  const sums = perStore(
    rows,
    (r) => r.storeId,
    (s, r) => {
      plus(s, 'returns', r.returns);
      plus(s, 'boughtOnline', r.boughtOnline);
      plus(s, 'exchanges', r.exchanges);
      plus(s, 'restocked', r.unitsRestocked);
      plus(s, 'units', r.unitsRestocked + r.unitsDamaged + r.unitsReturnToVendor);
    },
  );
  return [...sums].map(([storeId, s]) => ({
    storeId,
    figures: {
      returns: s.returns,
      crossChannelShare: rate(s.boughtOnline, s.returns),
      exchangeShare: rate(s.exchanges, s.returns),
      restockRate: rate(s.restocked, s.units),
    },
  }));
}

/** Deliveries per shipping location: its shipments, their share of every location's (all the rows given), and the outcomes of those shipped. */
export function deliveryHeadlines(rows: readonly DeliveryCounts[]): StoreHeadline[] {
  const total = rows.reduce((n, r) => n + r.shipments, 0);
  const sums = perStore(
    rows,
    (r) => r.locationId,
    (s, r) => {
      plus(s, 'shipments', r.shipments);
      plus(s, 'shipped', r.shipped);
      plus(s, 'delivered', r.delivered);
      plus(s, 'failed', r.failed);
    },
  );
  return [...sums].map(([storeId, s]) => ({
    storeId,
    figures: {
      shipments: s.shipments,
      shareOfShipments: rate(s.shipments, total),
      deliveredRate: rate(s.delivered, s.shipped),
      failedRate: rate(s.failed, s.shipped),
    },
  }));
}

/** The endless aisle per store: its till's orders and the share handed over elsewhere. */
export function endlessAisleHeadlines(rows: readonly EndlessAisleCounts[]): StoreHeadline[] {
  const sums = perStore(
    rows,
    (r) => r.storeId,
    (s, r) => {
      plus(s, 'posOrders', r.posOrders);
      plus(s, 'endlessAisle', r.endlessAisle);
    },
  );
  return [...sums].map(([storeId, s]) => ({ storeId, figures: { posOrders: s.posOrders, endlessAisleShare: rate(s.endlessAisle, s.posOrders) } }));
}

/** Preorders per pickup store: groups preordered, the share supply reached (fill rate) and the share whose date moved. */
export function preorderHeadlines(rows: readonly PreorderCounts[]): StoreHeadline[] {
  const sums = perStore(
    rows,
    (r) => r.storeId,
    (s, r) => {
      plus(s, 'preorders', r.preorders);
      plus(s, 'allocated', r.allocated);
      plus(s, 'rescheduled', r.rescheduled);
    },
  );
  return [...sums].map(([storeId, s]) => ({
    storeId,
    figures: { preorders: s.preorders, fillRate: rate(s.allocated, s.preorders), rescheduleRate: rate(s.rescheduled, s.preorders) },
  }));
}
