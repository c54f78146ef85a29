import { Inject, Injectable } from '@nestjs/common';
import {
  ceTypeOf,
  EventEnvelope,
  InventoryReservedV1,
  OrderConfirmedPayload,
  OrderConfirmedV1,
  OrderPlacedPayload,
  OrderPlacedV1,
  OrderPlacedV2Payload,
  orderPlacedAsV2,
} from '@omni/contracts';
import { asConsumed, EventRun, OutboxEntry, OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Location, pickupRefusal, readyBy } from '../domain/location';
import { expiresAt } from '../domain/reservation.machine';
import { StockLevel } from '../domain/stock';
import { reserveAtStores, stockKey } from '../domain/store-reservation';
import { InventoryConfig } from '../inventory.config';
import { LocationRepository } from './ports/location.port';
import { ReservationRepository } from './ports/reservation.port';
import { StockRepository } from './ports/stock.port';
import { ReserveStockUseCase } from './reserve-stock.use-case';

interface Pending {
  readonly event: EventEnvelope;
  readonly order: OrderPlacedV2Payload;
}

/**
 * A run of order.placed and order.confirmed events in one transaction (docs/adr/0016-throughput.md):
 * load → decide → save, set-based. Load the stores and lock the stock rows every placement could
 * take at its store (one statement each, in a fixed order); decide each placement in order against
 * that working set (`reserveAtStores`); save every reservation, stock level and inventory.reserved
 * event in one statement each. A placement its store cannot serve whole — sourcing, a transfer, a
 * refusal, a delivery, a preorder — goes the one-order way (ReserveStockUseCase) in the same
 * transaction, after what was decided before it is saved, so it sees the stock as it is. A
 * confirmation stops its order's reservations from expiring; it always follows its placement.
 */
@Injectable()
export class ReserveStockRunUseCase {
  constructor(
    private readonly oneByOne: ReserveStockUseCase,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(InventoryConfig) private readonly config: InventoryConfig,
    private readonly locations: LocationRepository,
    private readonly stock: StockRepository,
    private readonly reservations: ReservationRepository,
  ) {}

  async apply(run: EventRun): Promise<void> {
    const { manager: m } = run;
    const now = this.clock.now();
    const placed: Pending[] = [];
    const confirmed: string[] = [];
    for (const e of run.events) {
      if (e.type === ceTypeOf(OrderConfirmedV1)) confirmed.push((e.data as OrderConfirmedPayload).orderId);
      else
        placed.push({ event: e, order: e.type === ceTypeOf(OrderPlacedV1) ? orderPlacedAsV2(e.data as OrderPlacedPayload) : (e.data as OrderPlacedV2Payload) });
    }
    if (placed.length > 0) await this.reserve(m, placed, now);
    if (confirmed.length > 0) await this.reservations.clearExpiryMany(m, confirmed, now);
  }

  private async reserve(m: EntityManager, placed: readonly Pending[], now: Date): Promise<void> {
    const atStore = placed.filter((p) => p.order.fulfilments.every((f) => f.type === 'pickup' && !f.preorder && f.storeId));
    const stores = new Map(
      (await this.locations.findMany(m, [...new Set(atStore.flatMap((p) => p.order.fulfilments.map((f) => f.storeId!)))])).map((l) => [l.id, l]),
    );
    const pairs = atStore.flatMap((p) => p.order.fulfilments.flatMap((f) => linesOf(p.order, f.lineIds).map((l) => [f.storeId!, l.sku] as const)));
    const levels = new Map((await this.stock.lockMany(m, pairs)).map((l) => [stockKey(l.locationId, l.sku), l]));
    const batch = new Decided(now, expiresAt(now, this.config.RESERVATION_TTL_MINUTES));
    for (const p of placed) {
      const groups = p.order.fulfilments.map((f) => ({ group: f, store: f.storeId ? stores.get(f.storeId) : undefined, lines: linesOf(p.order, f.lineIds) }));
      const fast = groups.every((g) => g.group.type === 'pickup' && !g.group.preorder && g.store && !pickupRefusal(g.store));
      const taken = fast
        ? reserveAtStores(
            levels,
            groups.map((g) => ({ storeId: g.store!.id, lines: g.lines })),
          )
        : null;
      if (taken) {
        for (const level of taken) levels.set(stockKey(level.locationId, level.sku), level);
        batch.add(
          p,
          groups.map((g) => ({ store: g.store!, fulfilmentId: g.group.fulfilmentId, lines: g.lines })),
        );
        continue;
      }
      // The one-order way reads and writes the database: save what is decided so far first, and
      // read the levels it may have changed again afterwards (the rows stay locked by this transaction).
      await this.save(m, batch, levels);
      await asConsumed(p.event, () => this.oneByOne.reserve(m, p.order));
      await this.reload(m, levels);
    }
    await this.save(m, batch, levels);
  }

  private async reload(m: EntityManager, levels: Map<string, StockLevel>): Promise<void> {
    const fresh = await this.stock.lockMany(
      m,
      [...levels.values()].map((l) => [l.locationId, l.sku] as const),
    );
    levels.clear();
    for (const l of fresh) levels.set(stockKey(l.locationId, l.sku), l);
  }

  /** Writes what `batch` holds — stock levels, reservations, inventory.reserved events — then empties it. */
  private async save(m: EntityManager, batch: Decided, levels: ReadonlyMap<string, StockLevel>): Promise<void> {
    if (batch.reservations.length === 0) return;
    await this.stock.setReservedMany(
      m,
      [...batch.touched].map((k) => levels.get(k)!),
      batch.now,
    );
    await this.reservations.insertMany(
      m,
      batch.reservations.map((r) => ({ ...r, id: randomUUID(), transferId: null, expiresAt: batch.expiry })),
      batch.now,
    );
    await this.outbox.appendMany(m, batch.events);
    batch.clear();
  }
}

/** What a run has decided and not saved yet. */
class Decided {
  reservations: { orderId: string; lineId: string; locationId: string; sku: string; quantity: number }[] = [];
  events: OutboxEntry[] = [];
  touched = new Set<string>();

  constructor(
    readonly now: Date,
    readonly expiry: Date,
  ) {}

  add(p: Pending, groups: { store: Location; fulfilmentId: string; lines: ReturnType<typeof linesOf> }[]): void {
    const { orderId } = p.order;
    for (const g of groups) {
      for (const l of g.lines) {
        this.reservations.push({ orderId, lineId: l.lineId, locationId: g.store.id, sku: l.sku, quantity: l.quantity });
        this.touched.add(stockKey(g.store.id, l.sku));
      }
      this.events.push({
        def: InventoryReservedV1,
        cause: p.event,
        now: this.now,
        payload: {
          orderId,
          // Events about an order from before fulfilment groups name no group (the group is the order).
          ...(g.fulfilmentId !== orderId ? { fulfilmentId: g.fulfilmentId } : {}),
          locationId: g.store.id,
          lines: g.lines.map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: l.quantity, sourceLocationId: g.store.id, transferId: null })),
          transfers: [],
          readyBy: readyBy(g.store, this.now, []).toISOString(),
          pickupHoldDays: g.store.pickupHoldDays,
          reservedAt: this.now.toISOString(),
        },
      });
    }
  }

  clear(): void {
    this.reservations = [];
    this.events = [];
    this.touched.clear();
  }
}

function linesOf(order: OrderPlacedV2Payload, lineIds: readonly string[]) {
  const ids = new Set(lineIds);
  return order.lines.filter((l) => ids.has(l.lineId)).map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: l.quantity }));
}
