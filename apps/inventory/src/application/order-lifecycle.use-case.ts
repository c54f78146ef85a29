import { Injectable, Logger } from '@nestjs/common';
import {
  EventEnvelope,
  OrderCancelledPayload,
  OrderCollectedPayload,
  OrderConfirmedPayload,
  OrderExpiredPayload,
  ReservationConsumedV1,
  ReservationReleasedPayload,
} from '@omni/contracts';
import { InboxProcessor, OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { reservationRepository } from '../infrastructure/reservation.repository';
import { stockRepository } from '../infrastructure/stock.repository';
import { releaseOrder } from './release';

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
  ) {}

  /** A confirmed order keeps its units: its reservations stop expiring. */
  async onConfirmed(e: EventEnvelope<OrderConfirmedPayload>): Promise<void> {
    await this.once(e, e.data.orderId, async (m) => {
      await reservationRepository.clearExpiry(m, e.data.orderId, this.clock.now());
    });
  }

  async onCancelled(e: EventEnvelope<OrderCancelledPayload>): Promise<void> {
    await this.once(e, e.data.orderId, (m) => this.release(m, e.data.orderId, 'ORDER.CANCELLED'));
  }

  async onExpired(e: EventEnvelope<OrderExpiredPayload>): Promise<void> {
    await this.once(e, e.data.orderId, (m) => this.release(m, e.data.orderId, 'ORDER.EXPIRED'));
  }

  /** The collected units leave the store: on hand and reserved both go down. */
  async onCollected(e: EventEnvelope<OrderCollectedPayload>): Promise<void> {
    const { orderId, storeId } = e.data;
    await this.once(e, orderId, async (m) => {
      const now = this.clock.now();
      const atStore = (await reservationRepository.activeOfOrderForUpdate(m, orderId)).filter((r) => r.locationId === storeId);
      if (atStore.length === 0) {
        this.logger.warn({ orderId, storeId, eventId: e.id }, 'order.collected without active reservations at the store');
        return;
      }
      for (const r of atStore) await stockRepository.removeReserved(m, r.locationId, r.sku, r.quantity);
      await reservationRepository.setStatus(m, atStore.map((r) => r.id), 'CONSUMED', now);
      await this.outbox.append(
        m,
        ReservationConsumedV1,
        { orderId, locationId: storeId, lines: atStore.map((r) => ({ lineId: r.lineId, sku: r.sku, quantity: r.quantity })), consumedAt: now.toISOString() },
        now,
      );
    });
  }

  private async release(m: EntityManager, orderId: string, reason: ReservationReleasedPayload['reason']): Promise<void> {
    const now = this.clock.now();
    const active = await reservationRepository.activeOfOrderForUpdate(m, orderId);
    const inTransit = await reservationRepository.inTransitOfOrderForUpdate(m, orderId);
    await releaseOrder(m, this.outbox, orderId, active, reason, now, inTransit);
  }

  private async once(e: EventEnvelope, orderId: string, work: (m: EntityManager) => Promise<void>): Promise<void> {
    const outcome = await this.inbox.once(e, work);
    if (!outcome.applied) this.logger.log({ orderId, eventId: e.id, type: e.type }, 'event already processed');
  }
}
