import { Injectable } from '@nestjs/common';
import {
  FulfilmentPayload,
  InventoryPreorderAllocatedPayload,
  InventoryPreorderAllocatedV1,
  InventoryPreorderEstimatedPayload,
  InventoryPreorderEstimatedV1,
  InventoryPreorderQueuedV1,
  OrderPlacedV2Payload,
} from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Location } from '../domain/location';
import {
  Estimate,
  inPlacementOrder,
  estimateQueue,
  fifoUnits,
  PlannedUnits,
  QueueEntry,
  queueWarehouse,
  stillNeeded,
  SupplyChunk,
} from '../domain/preorder-queue';
import { Placements } from './placement';
import { LocationRepository } from './ports/location.port';
import { PreorderRepository, StoredEntry } from './ports/preorder.port';
import { ReservationRepository } from './ports/reservation.port';
import { StockRepository } from './ports/stock.port';

const DAY_MS = 24 * 3600 * 1000;
const plusDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);
const sameTime = (a: Date | null, b: Date | null) => (a === null || b === null ? a === b : a.getTime() === b.getTime());

type Allocation = InventoryPreorderAllocatedPayload['lines'][number];
/** A line that holds all its units, as announced to the order service. */
type Served = Allocation & { entry: StoredEntry };

/**
 * The preorder queues (docs/preorders.md). Every method runs in the caller's transaction and
 * locks the SKU's queues first, so allocations and estimates of one SKU happen one at a time and
 * follow the queue order exactly.
 */
@Injectable()
export class Preorders {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly placements: Placements,
    private readonly queues: PreorderRepository,
    private readonly locations: LocationRepository,
    private readonly stock: StockRepository,
    private readonly reservations: ReservationRepository,
  ) {}

  /**
   * Where a preorder for home delivery waits and ships from (`queueWarehouse`): the warehouse with
   * the most of its units on hand or expected; null when there is no warehouse.
   */
  async warehouseFor(m: EntityManager, lines: readonly { sku: string; quantity: number }[]): Promise<string | null> {
    const warehouses = (await this.locations.list(m)).filter((l) => l.kind === 'warehouse').map((l) => l.id);
    const planned: PlannedUnits[] = [];
    for (const sku of new Set(lines.map((l) => l.sku))) {
      for (const a of await this.queues.availableNow(m, sku))
        if (a.kind === 'warehouse') planned.push({ warehouseId: a.locationId, sku, quantity: a.available });
      for (const s of await this.queues.expectedSupply(m, sku))
        if (s.kind === 'warehouse') planned.push({ warehouseId: s.locationId, sku, quantity: s.quantity - s.receivedQuantity });
    }
    return queueWarehouse(warehouses, lines, planned);
  }

  /**
   * A placed preorder group joins the queue of each of its SKUs at `locationId`: its pickup store,
   * or the warehouse that will ship a delivery. The order service learns its place in line and
   * estimate (inventory.preorder-queued); units already there go to it at once if nobody is ahead.
   */
  async enqueue(m: EntityManager, order: OrderPlacedV2Payload, group: FulfilmentPayload, locationId: string, now: Date): Promise<void> {
    const storeId = locationId;
    const sequences = new Map(group.preorder!.lines.map((l) => [l.lineId, l.sequence]));
    const lines = order.lines.filter((l) => group.lineIds.includes(l.lineId));
    const skus = [...new Set(lines.map((l) => l.sku))].sort();
    for (const sku of skus) await this.queues.lockSku(m, sku);
    for (const l of lines) {
      const entry: QueueEntry = {
        lineId: l.lineId,
        orderId: order.orderId,
        fulfilmentId: group.fulfilmentId,
        sku: l.sku,
        storeId,
        quantity: l.quantity,
        allocated: 0,
        sequence: sequences.get(l.lineId)!,
        placedAt: new Date(order.placedAt),
        status: 'WAITING',
      };
      await this.queues.enqueue(m, entry, now);
    }
    const estimates = new Map<string, Estimate>();
    for (const sku of skus) for (const [lineId, e] of await this.reestimate(m, sku, now, order.orderId)) estimates.set(lineId, e);
    await this.outbox.append(
      m,
      InventoryPreorderQueuedV1,
      {
        orderId: order.orderId,
        fulfilmentId: group.fulfilmentId,
        storeId,
        lines: lines.map((l) => ({
          lineId: l.lineId,
          sku: l.sku,
          quantity: l.quantity,
          position: estimates.get(l.lineId)?.position ?? 1,
          estimatedAt: estimates.get(l.lineId)?.estimatedAt?.toISOString() ?? null,
        })),
        queuedAt: now.toISOString(),
      },
      now,
    );
    for (const sku of skus) await this.unitsArrived(m, sku, storeId, now);
  }

  /**
   * Units of `sku` became available at `locationId` (a receipt, a cancelled preorder's units):
   * at a store they go to that store's queue in order; at a warehouse to every store's queue in
   * placement order, each with a transfer. Then every estimate of the SKU is brought up to date.
   */
  async unitsArrived(m: EntityManager, sku: string, locationId: string, now: Date): Promise<void> {
    const location = await this.locations.find(m, locationId);
    if (!location) return;
    const entries = await this.queues.lockSku(m, sku);
    const waiting = entries.filter((e) => e.status === 'WAITING');
    if (waiting.length > 0) {
      const allocations =
        location.kind === 'store' ? await this.allocateAtStore(m, location, waiting, now) : await this.allocateFromWarehouse(m, location, waiting, now);
      await this.announceAllocations(m, allocations, now);
    }
    await this.reestimate(m, sku, now);
  }

  /** Holds the queues of these SKUs until the caller's transaction ends, in a fixed order. */
  async lockSkus(m: EntityManager, skus: readonly string[]): Promise<void> {
    for (const sku of [...new Set(skus)].sort()) await this.queues.lockSku(m, sku);
  }

  /** Holds the queues of the SKUs of those of these lines that are preorder lines (none: nothing is locked). */
  async lockQueuesOf(m: EntityManager, lineIds: readonly string[]): Promise<void> {
    await this.lockSkus(
      m,
      (await this.queues.ofLines(m, lineIds)).map((e) => e.sku),
    );
  }

  /** A cancelled preorder leaves its queues; units it held at its store pass to the next in line there. */
  async leave(m: EntityManager, orderId: string, lineIds: readonly string[] | undefined, now: Date): Promise<void> {
    const mine = (await this.queues.ofOrder(m, orderId)).filter((e) => e.status !== 'CANCELLED' && (!lineIds || lineIds.includes(e.lineId)));
    if (mine.length === 0) return;
    for (const sku of [...new Set(mine.map((e) => e.sku))].sort()) await this.queues.lockSku(m, sku);
    await this.queues.setStatus(
      m,
      mine.map((e) => e.lineId),
      'CANCELLED',
      now,
    );
    const places = [...new Map(mine.map((e) => [`${e.sku}@${e.storeId}`, e])).values()];
    for (const e of places) await this.unitsArrived(m, e.sku, e.storeId, now);
  }

  /** Estimates for every waiting entry of the SKU; those that changed are saved and told (except `quietFor`'s, said by the caller). */
  async reestimate(m: EntityManager, sku: string, now: Date, quietFor?: string): Promise<Map<string, Estimate>> {
    const entries = await this.queues.lockSku(m, sku);
    const chunks: SupplyChunk[] = [];
    for (const a of await this.queues.availableNow(m, sku))
      chunks.push({
        locationId: a.locationId,
        kind: a.kind,
        quantity: a.available,
        availableAt: a.kind === 'warehouse' ? plusDays(now, a.transferDays) : now,
        arrivesAt: now,
      });
    for (const s of await this.queues.expectedSupply(m, sku)) {
      const arrives = s.expectedAt.getTime() < now.getTime() ? now : s.expectedAt;
      chunks.push({
        locationId: s.locationId,
        kind: s.kind,
        quantity: s.quantity - s.receivedQuantity,
        availableAt: s.kind === 'warehouse' ? plusDays(arrives, s.transferDays) : arrives,
        arrivesAt: arrives,
      });
    }
    const estimates = estimateQueue(entries, chunks);
    const changed = new Map<string, { entry: StoredEntry; estimate: Estimate }[]>();
    for (const e of entries) {
      const est = estimates.get(e.lineId);
      if (!est || (e.position === est.position && sameTime(e.estimatedAt, est.estimatedAt))) continue;
      await this.queues.saveEstimate(m, e.lineId, est.position, est.estimatedAt, now);
      if (e.orderId === quietFor) continue;
      changed.set(e.orderId, [...(changed.get(e.orderId) ?? []), { entry: e, estimate: est }]);
    }
    for (const [orderId, lines] of changed) {
      const payload: InventoryPreorderEstimatedPayload = {
        orderId,
        fulfilmentId: lines[0].entry.fulfilmentId,
        storeId: lines[0].entry.storeId,
        lines: lines.map(({ entry, estimate }) => ({
          lineId: entry.lineId,
          sku: entry.sku,
          position: estimate.position,
          estimatedAt: estimate.estimatedAt?.toISOString() ?? null,
        })),
        estimatedAt: now.toISOString(),
      };
      await this.outbox.append(m, InventoryPreorderEstimatedV1, payload, now);
    }
    return estimates;
  }

  /**
   * Units at a store go to its queue unit by unit (`fifoUnits`): each is reserved for its line at
   * once, without expiry; a line that now holds all its units is allocated (`completed`), one that
   * does not keeps its place with what it holds.
   */
  private async allocateAtStore(m: EntityManager, store: Location, waiting: readonly StoredEntry[], now: Date): Promise<Served[]> {
    const queue = waiting.filter((e) => e.storeId === store.id);
    if (queue.length === 0) return [];
    const available = await this.stock.availableOf(m, store.id, queue[0].sku);
    const out: Served[] = [];
    for (const { entry: e, units, complete } of fifoUnits(queue, available)) {
      if (!(await this.stock.tryReserve(m, store.id, e.sku, units))) break;
      await this.reservations.insert(
        m,
        { id: randomUUID(), orderId: e.orderId, lineId: e.lineId, locationId: store.id, sku: e.sku, quantity: units, transferId: null, expiresAt: null },
        now,
      );
      if (!complete) {
        await this.queues.addAllocated(m, e.lineId, units, now);
        break;
      }
      const served = await this.completed(m, e, now);
      if (served) out.push(served);
    }
    return out;
  }

  /**
   * Strictly in placement order across locations, unit by unit: a line waiting at this warehouse
   * (a delivery) takes its units here; a line waiting elsewhere gets them by transfer, so one line's
   * units may come from several warehouses. What a line already holds stays where it is. The first
   * line the warehouse cannot complete takes what there is and stops it: nobody behind gets a unit.
   */
  private async allocateFromWarehouse(m: EntityManager, warehouse: Location, waiting: readonly StoredEntry[], now: Date): Promise<Served[]> {
    const out: Served[] = [];
    for (const e of inPlacementOrder(waiting)) {
      const units = Math.min(stillNeeded(e), await this.stock.availableOf(m, warehouse.id, e.sku));
      if (units <= 0 || !(await this.stock.tryReserve(m, warehouse.id, e.sku, units))) break;
      if (e.storeId === warehouse.id) {
        await this.reservations.insert(
          m,
          { id: randomUUID(), orderId: e.orderId, lineId: e.lineId, locationId: warehouse.id, sku: e.sku, quantity: units, transferId: null, expiresAt: null },
          now,
        );
      } else {
        const destination = await this.locations.find(m, e.storeId);
        if (!destination) throw new Error(`location ${e.storeId} of a queued preorder vanished`);
        await this.placements.recordPlacements(
          m,
          e.orderId,
          destination,
          [{ line: { lineId: e.lineId, sku: e.sku, quantity: units }, locationId: warehouse.id }],
          null,
          now,
        );
      }
      if (units < stillNeeded(e)) {
        await this.queues.addAllocated(m, e.lineId, units, now);
        break;
      }
      const served = await this.completed(m, e, now);
      if (served) out.push(served);
    }
    return out;
  }

  /**
   * A line now holds all its units. The order service follows one transfer per line, so the line is
   * announced while at most one transfer still brings it units (named), and otherwise — ALLOCATED
   * here already — once the others have arrived (`transferArrived`).
   */
  private async completed(m: EntityManager, e: StoredEntry, now: Date): Promise<Served | null> {
    const travelling = await this.queues.travellingTo(m, e.lineId);
    if (travelling.length > 1) {
      await this.queues.setStatus(m, [e.lineId], 'ALLOCATED', now);
      return null;
    }
    const t = travelling[0];
    return {
      entry: e,
      lineId: e.lineId,
      sku: e.sku,
      quantity: e.quantity,
      sourceLocationId: t?.fromLocationId ?? e.storeId,
      transferId: t?.transferId ?? null,
    };
  }

  /**
   * A transfer brought units for these lines (in the receiving transaction): a preorder line that
   * holds all its units and now waits for one last transfer is announced, naming it. A line
   * announced before waits for none (or for the one it named), so it is never announced twice.
   */
  async transferArrived(m: EntityManager, lineIds: readonly string[], now: Date): Promise<void> {
    const entries = await this.queues.ofLines(m, lineIds);
    if (entries.length === 0) return;
    await this.lockSkus(
      m,
      entries.map((e) => e.sku),
    );
    const out: Served[] = [];
    for (const e of entries.filter((x) => x.status === 'ALLOCATED')) {
      const travelling = await this.queues.travellingTo(m, e.lineId);
      if (travelling.length !== 1) continue;
      out.push({
        entry: e,
        lineId: e.lineId,
        sku: e.sku,
        quantity: e.quantity,
        sourceLocationId: travelling[0].fromLocationId,
        transferId: travelling[0].transferId,
      });
    }
    await this.announceAllocations(m, out, now);
  }

  private async announceAllocations(m: EntityManager, allocations: readonly Served[], now: Date): Promise<void> {
    await this.queues.setStatus(
      m,
      allocations.map((a) => a.lineId),
      'ALLOCATED',
      now,
    );
    const byGroup = new Map<string, Served[]>();
    for (const a of allocations) byGroup.set(a.entry.fulfilmentId, [...(byGroup.get(a.entry.fulfilmentId) ?? []), a]);
    for (const lines of byGroup.values()) {
      const { orderId, fulfilmentId, storeId } = lines[0].entry;
      const store = await this.locations.find(m, storeId);
      await this.outbox.append(
        m,
        InventoryPreorderAllocatedV1,
        {
          orderId,
          fulfilmentId,
          storeId,
          lines: lines.map(({ lineId, sku, quantity, sourceLocationId, transferId }) => ({ lineId, sku, quantity, sourceLocationId, transferId })),
          pickupHoldDays: store?.pickupHoldDays ?? 1,
          allocatedAt: now.toISOString(),
        },
        now,
      );
    }
  }
}
