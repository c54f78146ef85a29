import { Injectable, Logger } from '@nestjs/common';
import {
  EventEnvelope,
  OrderCancelledPayload,
  OrderCollectedPayload,
  OrderConfirmedPayload,
  OrderExpiredPayload,
  OrderShippedPayload,
  DeliveryAssignmentPayload,
  ReservationConsumedV1,
  ReservationReleasedPayload,
} from '@omni/contracts';
import { InboxProcessor, OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { Reservation } from '../domain/reservation.machine';
import { ReservationRepository } from './ports/reservation.port';
import { StockRepository } from './ports/stock.port';
import { Preorders } from './preorders';
import { Releases } from './release';

/**
 * Inventory's answers to the order's lifecycle after reservation. Each runs once per event
 * (inbox) and writes its events in the same transaction as its effect.
 */
@Injectable()
export class OrderLifecycleUseCase {
  private readonly logger = new Logger('OrderLifecycle');

  constructor(
    private readonly inbox: InboxProcessor,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly preorders: Preorders,
    private readonly releases: Releases,
    private readonly stock: StockRepository,
    private readonly reservations: ReservationRepository,
  ) {}

  /** A confirmed order keeps its units: its reservations stop expiring. */
  async onConfirmed(e: EventEnvelope<OrderConfirmedPayload>): Promise<void> {
    await this.once(e, e.data.orderId, async (m) => {
      await this.reservations.clearExpiry(m, e.data.orderId, this.clock.now());
    });
  }

  /** Delivery groups assigned to their locations keep their units too. */
  async onDeliveryAssigned(e: EventEnvelope<DeliveryAssignmentPayload>): Promise<void> {
    await this.once(e, e.data.orderId, async (m) => {
      await this.reservations.clearExpiry(m, e.data.orderId, this.clock.now());
    });
  }

  /** A cancelled group (its lines; the whole order for events without lines) gives its units back. */
  async onCancelled(e: EventEnvelope<OrderCancelledPayload>): Promise<void> {
    await this.once(e, e.data.orderId, async (m) => {
      await this.release(m, e.data.orderId, 'ORDER.CANCELLED', e.data.lineIds);
      // A cancelled preorder frees its place; units it held go to the next in line.
      await this.preorders.leave(m, e.data.orderId, e.data.lineIds, this.clock.now());
    });
  }

  async onExpired(e: EventEnvelope<OrderExpiredPayload>): Promise<void> {
    await this.once(e, e.data.orderId, (m) => this.release(m, e.data.orderId, 'ORDER.EXPIRED', e.data.lineIds));
  }

  /** A shipped delivery's units leave the location that shipped it: on hand and reserved both go down. */
  async onShipped(e: EventEnvelope<OrderShippedPayload>): Promise<void> {
    const { orderId, locationId } = e.data;
    const lineIds = new Set(e.data.lines.map((l) => l.lineId));
    await this.once(e, orderId, (m) => this.consume(m, orderId, locationId, (r) => lineIds.has(r.lineId), e));
  }

  /** The collected units leave the store: on hand and reserved both go down. */
  async onCollected(e: EventEnvelope<OrderCollectedPayload>): Promise<void> {
    const { orderId, storeId } = e.data;
    const lineIds = new Set(e.data.lines.map((l) => l.lineId));
    // Events from before fulfilment groups name no group: every reservation of the order at the store.
    await this.once(e, orderId, (m) => this.consume(m, orderId, storeId, (r) => e.data.fulfilmentId === undefined || lineIds.has(r.lineId), e));
  }

  private async consume(m: EntityManager, orderId: string, locationId: string, mine: (r: Reservation) => boolean, e: EventEnvelope): Promise<void> {
    const now = this.clock.now();
    const here = (await this.reservations.activeOfOrderForUpdate(m, orderId)).filter((r) => r.locationId === locationId && mine(r));
    if (here.length === 0) {
      this.logger.warn({ orderId, locationId, eventId: e.id, type: e.type }, 'units left a location without active reservations there');
      return;
    }
    for (const r of here) await this.stock.removeReserved(m, r.locationId, r.sku, r.quantity);
    await this.reservations.setStatus(
      m,
      here.map((r) => r.id),
      'CONSUMED',
      now,
    );
    await this.outbox.append(
      m,
      ReservationConsumedV1,
      { orderId, locationId, lines: here.map((r) => ({ lineId: r.lineId, sku: r.sku, quantity: r.quantity })), consumedAt: now.toISOString() },
      now,
    );
  }

  private async release(m: EntityManager, orderId: string, reason: ReservationReleasedPayload['reason'], lineIds?: readonly string[]): Promise<void> {
    const now = this.clock.now();
    const only = lineIds ? new Set(lineIds) : null;
    const ofGroup = (rs: Reservation[]) => (only ? rs.filter((r) => only.has(r.lineId)) : rs);
    const active = ofGroup(await this.reservations.activeOfOrderForUpdate(m, orderId));
    const inTransit = ofGroup(await this.reservations.inTransitOfOrderForUpdate(m, orderId));
    await this.releases.releaseOrder(m, orderId, active, reason, now, inTransit, only !== null);
  }

  private async once(e: EventEnvelope, orderId: string, work: (m: EntityManager) => Promise<void>): Promise<void> {
    const outcome = await this.inbox.once(e, work);
    if (!outcome.applied) this.logger.log({ orderId, eventId: e.id, type: e.type }, 'event already processed');
  }
}
