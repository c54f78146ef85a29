import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  EventEnvelope,
  FulfilmentPayload,
  InventoryRejectedV1,
  InventoryReservedForDeliveryV1,
  InventoryReservedV1,
  OrderPlacedV2Payload,
  ShortLinePayload,
  UNASSIGNED_LOCATION,
} from '@omni/contracts';
import { InboxProcessor, OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { Location, pickupRefusal, readyBy } from '../domain/location';
import { expiresAt } from '../domain/reservation.machine';
import { SourcingLine } from '../domain/sourcing';
import { InventoryConfig } from '../inventory.config';
import { Placement, Placements } from './placement';
import { LocationRepository } from './ports/location.port';
import { StockRepository } from './ports/stock.port';
import { Preorders } from './preorders';

export type ReservationOutcome = { reserved: true } | { reserved: false; reason: string };

type GroupPlan = { group: FulfilmentPayload; lines: SourcingLine[]; store: Location | null; placed: Placement[] };
type Refusal = { reason: 'STOCK.INSUFFICIENT' | 'LOCATION.UNKNOWN' | 'LOCATION.NO_PICKUP'; locationId: string; shortLines: ShortLinePayload[] };

/**
 * Reserves every line of a placed order, group by group: a pickup group at its store when the
 * store has the units, else at a source chosen by the sourcing rule with a transfer to the store;
 * a delivery group where it will ship from, by the delivery sourcing rule (split across locations
 * when no single one has everything). All groups or nothing: everything is tried inside a
 * savepoint, rolled back if any line cannot be placed anywhere. The inbox row, the reservations,
 * the transfers and the reply events (one per group) commit together. A preorder group reserves
 * nothing: it joins the queue for each SKU at its store, or for home delivery at the warehouse
 * that will ship it (docs/preorders.md).
 */
@Injectable()
export class ReserveStockUseCase {
  private readonly logger = new Logger('ReserveStock');

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly preorders: Preorders,
    @Inject(InventoryConfig) private readonly config: InventoryConfig,
    private readonly placements: Placements,
    private readonly locations: LocationRepository,
    private readonly stock: StockRepository,
  ) {}

  async onOrderPlaced(e: EventEnvelope<OrderPlacedV2Payload>): Promise<ReservationOutcome | null> {
    const { orderId } = e.data;
    const outcome = await this.inbox.once(e, (m) => this.reserve(m, e.data));
    if (!outcome.applied) {
      this.logger.log({ orderId, eventId: e.id }, 'order.placed already processed');
      return null;
    }
    return outcome.result;
  }

  /** Reserves one order, sourcing where its store lacks units, in the caller's transaction (a batch run's slow path too). */
  async reserve(m: EntityManager, order: OrderPlacedV2Payload): Promise<ReservationOutcome> {
    const now = this.clock.now();
    const linesById = new Map(order.lines.map((l) => [l.lineId, { lineId: l.lineId, sku: l.sku, quantity: l.quantity }]));
    await m.query('SAVEPOINT reserve_order');
    const plans: GroupPlan[] = [];
    const queues = new Map<string, string>();
    let refusal: Refusal | null = null;
    for (const group of order.fulfilments) {
      const lines = group.lineIds.map((id) => linesById.get(id)!).filter(Boolean);
      if (group.preorder) {
        // A preorder reserves nothing now: it queues (below) once the rest of the order is reserved,
        // at its pickup store or, for home delivery, at the warehouse that will ship it.
        if (group.type === 'delivery') {
          const warehouse = await this.preorders.warehouseFor(m, lines);
          if (warehouse === null) {
            refusal = { reason: 'LOCATION.UNKNOWN', locationId: UNASSIGNED_LOCATION, shortLines: [] };
            break;
          }
          queues.set(group.fulfilmentId, warehouse);
          continue;
        }
        const store = await this.locations.find(m, group.storeId!);
        const refused = pickupRefusal(store);
        if (refused) {
          refusal = { reason: refused, locationId: group.storeId!, shortLines: [] };
          break;
        }
        queues.set(group.fulfilmentId, group.storeId!);
        continue;
      }
      const placed = group.type === 'pickup' ? await this.placePickup(m, group.storeId!, lines) : await this.placeDelivery(m, lines);
      if (!placed.ok) {
        refusal = placed.refusal;
        break;
      }
      plans.push({ group, lines, store: placed.store, placed: placed.placed });
    }
    if (refusal) {
      await m.query('ROLLBACK TO SAVEPOINT reserve_order');
      await this.outbox.append(
        m,
        InventoryRejectedV1,
        { orderId: order.orderId, locationId: refusal.locationId, reason: refusal.reason, shortLines: refusal.shortLines, rejectedAt: now.toISOString() },
        now,
      );
      return { reserved: false, reason: refusal.reason };
    }
    await m.query('RELEASE SAVEPOINT reserve_order');
    const expiry = expiresAt(now, this.config.RESERVATION_TTL_MINUTES);
    for (const plan of plans) {
      if (plan.group.type === 'pickup') await this.recordPickup(m, order.orderId, plan, expiry, now);
      else await this.recordDelivery(m, order.orderId, plan, expiry, now);
    }
    for (const group of order.fulfilments.filter((g) => g.preorder)) await this.preorders.enqueue(m, order, group, queues.get(group.fulfilmentId)!, now);
    return { reserved: true };
  }

  private async recordPickup(m: EntityManager, orderId: string, plan: GroupPlan, expiry: Date, now: Date): Promise<void> {
    const store = plan.store!;
    const recorded = await this.placements.recordPlacements(m, orderId, store, plan.placed, expiry, now);
    const transfers = [...new Map(recorded.filter((r) => r.transfer).map((r) => [r.transfer!.id, r.transfer!])).values()];
    const byLine = new Map(recorded.map((r) => [r.line.lineId, r]));
    await this.outbox.append(
      m,
      InventoryReservedV1,
      {
        orderId,
        // Events about an order from before fulfilment groups name no group (the group is the order).
        ...(plan.group.fulfilmentId !== orderId ? { fulfilmentId: plan.group.fulfilmentId } : {}),
        locationId: store.id,
        lines: plan.lines.map((l) => {
          const r = byLine.get(l.lineId)!;
          return { lineId: l.lineId, sku: l.sku, quantity: l.quantity, sourceLocationId: r.locationId, transferId: r.transfer?.id ?? null };
        }),
        transfers: transfers.map((t) => ({
          transferId: t.id,
          fromLocationId: t.fromLocationId,
          toLocationId: t.toLocationId,
          expectedArrivalAt: t.expectedArrivalAt.toISOString(),
        })),
        readyBy: readyBy(
          store,
          now,
          transfers.map((t) => t.expectedArrivalAt),
        ).toISOString(),
        pickupHoldDays: store.pickupHoldDays,
        reservedAt: now.toISOString(),
      },
      now,
    );
  }

  private async recordDelivery(m: EntityManager, orderId: string, plan: GroupPlan, expiry: Date, now: Date): Promise<void> {
    // No pickup store: every placement is a reservation where the units are, no transfer.
    await this.placements.recordPlacements(m, orderId, null, plan.placed, expiry, now);
    await this.outbox.append(
      m,
      InventoryReservedForDeliveryV1,
      {
        orderId,
        fulfilmentId: plan.group.fulfilmentId,
        lines: plan.placed.map((p) => ({ lineId: p.line.lineId, sku: p.line.sku, quantity: p.line.quantity, sourceLocationId: p.locationId })),
        reservedAt: now.toISOString(),
      },
      now,
    );
  }

  /** A pickup group: at the store when it has the units, else at sources by the sourcing rule. */
  private async placePickup(
    m: EntityManager,
    storeId: string,
    lines: readonly SourcingLine[],
  ): Promise<{ ok: true; store: Location; placed: Placement[] } | { ok: false; refusal: Refusal }> {
    const store = await this.locations.find(m, storeId);
    const refused = pickupRefusal(store);
    if (refused) return { ok: false, refusal: { reason: refused, locationId: storeId, shortLines: [] } };
    const sourced = await this.placements.reserveAtStoreThenSources(m, store!, lines);
    if (sourced.unavailable.length > 0)
      return { ok: false, refusal: { reason: 'STOCK.INSUFFICIENT', locationId: storeId, shortLines: await this.short(m, storeId, sourced.unavailable) } };
    return { ok: true, store: store!, placed: sourced.placed };
  }

  private async placeDelivery(
    m: EntityManager,
    lines: readonly SourcingLine[],
  ): Promise<{ ok: true; store: null; placed: Placement[] } | { ok: false; refusal: Refusal }> {
    const sourced = await this.placements.reserveForDelivery(m, lines);
    if (sourced.unavailable.length > 0)
      return {
        ok: false,
        refusal: { reason: 'STOCK.INSUFFICIENT', locationId: UNASSIGNED_LOCATION, shortLines: await this.short(m, null, sourced.unavailable) },
      };
    return { ok: true, store: null, placed: sourced.placed };
  }

  /** What a refused line asked for and what could be had: at the pickup store, or the most any one location has for a delivery. */
  private async short(m: EntityManager, storeId: string | null, lines: readonly SourcingLine[]): Promise<ShortLinePayload[]> {
    const out: ShortLinePayload[] = [];
    for (const l of lines)
      out.push({
        sku: l.sku,
        requested: l.quantity,
        available: storeId ? await this.stock.availableOf(m, storeId, l.sku) : await this.stock.bestAvailableOf(m, l.sku),
      });
    return out;
  }
}
